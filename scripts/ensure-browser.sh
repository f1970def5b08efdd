#!/bin/sh
# The browser tests drive Debian's Chromium (and the HTML checker needs Java).
# Install them when missing and we can; otherwise say how to point the tests at them.
set -e
chromium_path="${CHROMIUM_PATH:-$(command -v chromium || true)}"
need=""
[ -n "$chromium_path" ] && [ -x "$chromium_path" ] || need="chromium"
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
[ -z "$need" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing $need with apt-get…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  exit 0
fi
echo "The browser tests need: $need." >&2
echo "Install Chromium and Java, or set CHROMIUM_PATH=/path/to/chromium, then run make test again." >&2
exit 1
