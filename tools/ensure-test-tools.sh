#!/usr/bin/env sh
# Make sure the Debian programs the tests need are installed; install them with apt-get where we can.
#   chromium               the browser tests (never a test tool's own browser download: that needs the
#                          internet, which intranets and CI lack)
#   hunspell, hunspell-nl  the Dutch spelling check of every page
#   r-base-core, r-cran-multilevel
#                          the independent oracle of the team statistics (rwg.j, cronbach); installed
#                          without recommended packages (r-base-dev would pull in compilers)
missing=""
if ! { [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; } && ! command -v chromium >/dev/null 2>&1; then
  missing="$missing chromium"
fi
command -v hunspell >/dev/null 2>&1 || missing="$missing hunspell"
[ -f /usr/share/hunspell/nl_NL.dic ] || [ -f /usr/share/hunspell/nl.dic ] || missing="$missing hunspell-nl"
missing_r=""
Rscript -e 'library(multilevel)' >/dev/null 2>&1 || missing_r=" r-base-core r-cran-multilevel"
[ -z "$missing$missing_r" ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian packages for the tests:$missing$missing_r"
  # shellcheck disable=SC2086 # one word per package
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    { [ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; } &&
    { [ -z "$missing_r" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing_r >/dev/null; }; then
    exit 0
  fi
  echo "error: 'apt-get install$missing$missing_r' failed; install these Debian packages and run again." >&2
  exit 1
fi
echo "error: the tests need these Debian packages:$missing$missing_r (sudo apt-get install$missing$missing_r); for Chromium elsewhere, set CHROMIUM=/path/to/chromium." >&2
exit 1
