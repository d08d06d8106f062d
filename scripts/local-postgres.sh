#!/usr/bin/env bash
# Provides a local PostgreSQL when no DATABASE_URL is given: installs Debian's server if
# it is missing (as root), starts the cluster, and (re)creates the named database.
# Usage: scripts/local-postgres.sh <database name>   -> prints the DATABASE_URL
set -euo pipefail
db_name="${1:?database name}"
password="${LOCAL_PG_PASSWORD:-postgres}"

source "$(dirname "$0")/debian-install.sh"
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  debian_install PostgreSQL "install it, or set DATABASE_URL" postgresql
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start >&2
fi

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
for _ in $(seq 1 30); do as_postgres "pg_isready -q -h 127.0.0.1" && break; sleep 0.5; done
as_postgres "psql -q -h /var/run/postgresql -c \"ALTER USER postgres PASSWORD '$password'\"" >&2
as_postgres "psql -q -h /var/run/postgresql -c 'DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE)'" >&2
as_postgres "psql -q -h /var/run/postgresql -c 'CREATE DATABASE \"$db_name\"'" >&2

echo "postgresql://postgres:$password@127.0.0.1:5432/$db_name"
