#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium to drive. playwright-core ships
# no browser, and the README promises `npm install && npm test` works on a fresh
# Debian machine, so on Debian as root we install the distribution's package.
set -euo pipefail

chrome="${CHROME_PATH:-/usr/bin/chromium}"
if [ -x "$chrome" ]; then
  exit 0
fi

if [ -n "${CHROME_PATH:-}" ]; then
  echo "ensure-chromium: CHROME_PATH is set to '$CHROME_PATH', but no executable is there." >&2
  echo "Point CHROME_PATH at a Chromium or Chrome binary, or unset it to use /usr/bin/chromium." >&2
  exit 1
fi

if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: $chrome not found; installing Debian's chromium package..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium
  if [ -x "$chrome" ]; then
    exit 0
  fi
  echo "ensure-chromium: installed the chromium package, but $chrome is still missing." >&2
  exit 1
fi

cat >&2 <<MSG
ensure-chromium: no Chromium at $chrome, and it cannot be installed automatically
(that needs root on Debian). Either install it, e.g.
    sudo apt-get install chromium
or set CHROME_PATH to an existing Chromium or Chrome binary, e.g.
    CHROME_PATH=/path/to/chrome npm test
MSG
exit 1
