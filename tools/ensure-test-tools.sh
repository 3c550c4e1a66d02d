#!/usr/bin/env sh
# Make sure the Debian programs the tests need are installed; install them with apt-get where we can.
#   chromium               the browser tests (never a test tool's own browser download: that needs the
#                          internet, which intranets and CI lack)
#   hunspell, hunspell-nl  the Dutch spelling check of every page
#   r-base-core, r-cran-multilevel
#                          the independent oracle of the team statistics (rwg.j, cronbach); installed
#                          without recommended packages (r-base-dev would pull in compilers)
#   nginx, apache2         the hosting tests: deploy/nginx.conf and deploy/.htaccess on the real servers
#                          (installed without recommended packages; the tests start their own copies)
#   default-jre-headless   Java for the Nu Html Checker (npm vnu-jar), which checks every built page
#   libnginx-mod-http-brotli-static
#                          nginx's brotli module: deploy/nginx-brotli.conf in the hosting tests
missing=""
if ! { [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; } && ! command -v chromium >/dev/null 2>&1; then
  missing="$missing chromium"
fi
command -v hunspell >/dev/null 2>&1 || missing="$missing hunspell"
[ -f /usr/share/hunspell/nl_NL.dic ] || [ -f /usr/share/hunspell/nl.dic ] || missing="$missing hunspell-nl"
# Installed without recommended packages:
missing_bare=""
Rscript -e 'library(multilevel)' >/dev/null 2>&1 || missing_bare=" r-base-core r-cran-multilevel"
[ -x /usr/sbin/nginx ] || missing_bare="$missing_bare nginx"
[ -x /usr/sbin/apache2 ] || missing_bare="$missing_bare apache2"
command -v java >/dev/null 2>&1 || missing_bare="$missing_bare default-jre-headless"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing_bare="$missing_bare libnginx-mod-http-brotli-static"
[ -z "$missing$missing_bare" ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian packages for the tests:$missing$missing_bare"
  # shellcheck disable=SC2086 # one word per package
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    { [ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; } &&
    { [ -z "$missing_bare" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing_bare >/dev/null; }; then
    exit 0
  fi
  echo "error: 'apt-get install$missing$missing_bare' failed; install these Debian packages and run again." >&2
  exit 1
fi
echo "error: the tests need these Debian packages:$missing$missing_bare (sudo apt-get install$missing$missing_bare); for Chromium elsewhere, set CHROMIUM=/path/to/chromium." >&2
exit 1
