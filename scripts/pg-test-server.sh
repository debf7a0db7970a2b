#!/usr/bin/env bash
# A throwaway PostgreSQL server on a loopback port, for the store's tests against PostgreSQL
# (issue 20): `scripts/pg-test-server.sh start` prints the URL to export as OPSDECK_TEST_PG;
# `stop` ends it and deletes its data. Debian's `postgresql` package gives initdb and pg_ctl;
# they refuse to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail
port="${OPSDECK_PG_PORT:-54329}"
dir="${OPSDECK_PG_DIR:-/tmp/opsdeck-pg-$port}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
[ -x "$bin/initdb" ] || bin="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su -s /bin/bash postgres -c "$*"; else bash -c "$*"; fi
}

case "${1:-start}" in
  start)
    [ -x "$bin/initdb" ] || { echo "pg-test-server: no initdb (install Debian's postgresql package)" >&2; exit 2; }
    if [ -f "$dir/data/postmaster.pid" ] && as_owner "'$bin/pg_ctl' -D '$dir/data' status" >/dev/null 2>&1; then
      echo "postgresql://opsdeck@127.0.0.1:$port/postgres?sslmode=disable"; exit 0
    fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "'$bin/initdb' -D '$dir/data' -U opsdeck -A trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 30 \
      -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start >/dev/null"
    echo "postgresql://opsdeck@127.0.0.1:$port/postgres?sslmode=disable"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 64 ;;
esac
