#!/usr/bin/env bash
# Loads the Chinook sample database (PostgreSQL dialect) into a fresh local database of the
# given name: the published script drops, creates and connects to `chinook`; those lines are
# rewritten to the given name at load time, the file itself is left as published.
# Usage: scripts/local-chinook-postgres.sh <database name>   -> prints its URL
set -euo pipefail
cd "$(dirname "$0")/.."
db_name="${1:?database name}"
# The dataset lives in shared/ beside the checkout (CHINOOK_DIR overrides).
chinook="${CHINOOK_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/shared/datasets/chinook}/Chinook_PostgreSql.sql"
[ -f "$chinook" ] || chinook="${CHINOOK_DIR:-datasets/chinook}/Chinook_PostgreSql.sql"
if [[ ! "$db_name" =~ ^[a-z0-9_]{1,60}$ ]]; then echo "database name must be lower-case letters, digits and _" >&2; exit 1; fi

url=$(bash scripts/local-postgres.sh "$db_name")
# Everything before `\c chinook;` (drop and create) is replaced by connecting to the new database.
sed -n '/^\\c chinook;/,$p' "$chinook" | sed '1d' | psql -q -v ON_ERROR_STOP=1 "$url" >/dev/null
echo "$url"
