#!/usr/bin/env sh
# Print the path of a Python 3.13 interpreter: the minor version the Pyodide runtime embeds.
# The build compiles to .pyc for Pyodide, which only loads bytecode of its own Python minor.
want="3.13"
check() { [ -x "$1" ] && [ "$("$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "$want" ]; }
for candidate in "${PYTHON:-}" "$(command -v python$want 2>/dev/null)" "$(command -v python3 2>/dev/null)"; do
  [ -n "$candidate" ] && check "$candidate" && { echo "$candidate"; exit 0; }
done
if command -v pyenv >/dev/null 2>&1; then
  for dir in "$(pyenv root)"/versions/$want.*; do
    check "$dir/bin/python3" && { echo "$dir/bin/python3"; exit 0; }
  done
fi
echo "error: Python $want not found. Install Python $want (e.g. 'pyenv install $want' or Debian's python$want) or set PYTHON=/path/to/python$want." >&2
exit 1
