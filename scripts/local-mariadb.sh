#!/usr/bin/env bash
# Provides a local MariaDB when no MySQL/MariaDB URL is given: installs Debian's server if it
# is missing (as root), starts it, creates a user with a password for TCP access, loads the
# Chinook sample database under the given name (the script's `Chinook` renamed), and prints
# the URL of that database.
# Usage: scripts/local-mariadb.sh <database name>   -> prints mysql://dsr:<password>@127.0.0.1:3306/<name>
set -euo pipefail
cd "$(dirname "$0")/.."
db_name="${1:?database name}"
user="${LOCAL_MARIADB_USER:-dsr}"
password="${LOCAL_MARIADB_PASSWORD:-dsr-local}"
port="${LOCAL_MARIADB_PORT:-3306}"
# The dataset lives in shared/ beside the checkout (CHINOOK_DIR overrides).
chinook="${CHINOOK_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/shared/datasets/chinook}/Chinook_MySql.sql"
[ -f "$chinook" ] || chinook="${CHINOOK_DIR:-datasets/chinook}/Chinook_MySql.sql"

if [[ ! "$db_name" =~ ^[A-Za-z0-9_]{1,60}$ ]]; then echo "database name must be letters, digits and _" >&2; exit 1; fi

source scripts/debian-install.sh
if ! command -v mariadbd >/dev/null 2>&1 && ! [ -x /usr/sbin/mariadbd ]; then
  debian_install MariaDB "install mariadb-server, or give a MySQL URL" mariadb-server
fi

if ! mariadb -e 'select 1' >/dev/null 2>&1; then
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  # Started in the background, detached from this script's output so callers do not wait on it.
  (mysqld_safe --user=mysql --port="$port" --bind-address=127.0.0.1 >/dev/null 2>&1 &)
  for _ in $(seq 1 60); do mariadb -e 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
  mariadb -e 'select 1' >/dev/null || { echo "MariaDB did not start." >&2; exit 1; }
fi

mariadb <<SQL >&2
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
ALTER USER '$user'@'127.0.0.1' IDENTIFIED BY '$password';
ALTER USER '$user'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`$db_name\`.* TO '$user'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`$db_name\`.* TO '$user'@'localhost';
SQL

# The sample as published, under the test's own database name (the file drops and creates `Chinook`).
sed -e "s/\`Chinook\`/\`$db_name\`/g" "$chinook" | mariadb >&2

echo "mysql://$user:$password@127.0.0.1:$port/$db_name"
