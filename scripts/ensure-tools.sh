#!/bin/sh
# The full tier's programs: Debian's Chromium for the browser tests, Java for the HTML checker,
# poppler's pdftotext for the corpus check. Install them when missing and we can; otherwise say
# what to install (and how to point the tests at a Chromium).
set -e
chromium_path="${CHROMIUM_PATH:-$(command -v chromium || true)}"
need=""
[ -n "$chromium_path" ] && [ -x "$chromium_path" ] || need="chromium"
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
[ -z "$need" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing $need with apt-get…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  exit 0
fi
echo "The full tier needs: $need." >&2
echo "Install them (Debian's package names above), or for Chromium set CHROMIUM_PATH=/path/to/chromium, then run make test again." >&2
exit 1
