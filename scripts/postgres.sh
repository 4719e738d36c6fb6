#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL server for the test suite on a private port.
# Usage: scripts/postgres.sh start|stop   — prints the DATABASE_URL on start.
set -euo pipefail
dir="${AKKOORD_PG_DIR:-/tmp/akkoord-pg}"
port="${AKKOORD_PG_PORT:-55439}"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
start)
    # a fresh cluster every time: nothing left over from an earlier, interrupted run
    "$0" stop
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" \
        -l "$dir/server.log" -w start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
*)
    echo "gebruik: $0 start|stop" >&2
    exit 2
    ;;
esac
