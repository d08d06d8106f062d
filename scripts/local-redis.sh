#!/usr/bin/env bash
# Provides a local Redis when no REDIS_URL is given: installs Debian's server if it is
# missing (as root) and starts one without persistence on the port, unless one answers.
# Usage: scripts/local-redis.sh [port]   -> prints the REDIS_URL
set -euo pipefail
port="${1:-6390}"

source "$(dirname "$0")/debian-install.sh"
if ! command -v redis-server >/dev/null; then
  debian_install Redis "install redis-server, or set REDIS_URL" redis-server
fi
if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >&2
  for _ in $(seq 1 30); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.2; done
fi

echo "redis://127.0.0.1:$port"
