#!/usr/bin/env bash
# Provides the browser the browser tests drive: Debian's Chromium at /usr/bin/chromium,
# installed (as root) when missing, with a CJK font so Chinese pages do not render as
# boxes in the screenshots. Never a downloaded browser build.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
[ ${#missing[@]} -eq 0 ] && exit 0
source "$(dirname "$0")/debian-install.sh"
debian_install "The browser tests' Chromium" "install ${missing[*]} from Debian" "${missing[@]}"
