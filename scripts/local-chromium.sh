#!/usr/bin/env bash
# Provides the browser the browser tests drive: Debian's Chromium at /usr/bin/chromium,
# installed (as root) when missing, with a CJK font so Chinese pages do not render as
# boxes in the screenshots. Never a downloaded browser build.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing for the browser tests: ${missing[*]}; install them from Debian (this is not root)." >&2
  exit 1
fi
echo "Installing from Debian's packages: ${missing[*]}..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq "${missing[@]}" >&2
