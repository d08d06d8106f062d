#!/usr/bin/env bash
# Everything the project needs after `npm install`, quick on a second run: the Temporal
# binaries and the generated Prisma client.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-temporal.sh >/dev/null
# The Prisma CLI wants a URL even to generate; without one it tries to download an engine.
DATABASE_URL="${DATABASE_URL:-postgresql://unused@127.0.0.1:5432/unused}" npx prisma generate >/dev/null
