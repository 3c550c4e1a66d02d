#!/usr/bin/env sh
# Make sure Debian's Chromium is installed for the browser tests; install it with apt-get where we can.
# Never a test tool's own browser download: that needs the internet, which intranets and CI lack.
if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's chromium for the browser tests..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null &&
    command -v chromium >/dev/null 2>&1 && exit 0
  echo "error: 'apt-get install chromium' failed; install Debian's chromium package and run again." >&2
  exit 1
fi
echo "error: Chromium not found. Install it (Debian: 'sudo apt-get install chromium') or set CHROMIUM=/path/to/chromium." >&2
exit 1
