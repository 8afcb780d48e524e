#!/bin/sh
# A throwaway PostgreSQL cluster for tests and benchmarks, on 127.0.0.1 only.
#
#   scripts/pg-test.sh start        prints "URL DIR": a postgres:// URL and the cluster folder
#   scripts/pg-test.sh stop DIR     stops that cluster and deletes its folder
#
# initdb refuses to run as root, so as root the cluster belongs to the `postgres`
# user (Debian's postgresql package creates it). Binaries: /usr/lib/postgresql/*/bin.
set -eu

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$bin/initdb" ] || { echo "pg-test: no PostgreSQL in /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; exit 3; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    # In /tmp, not $TMPDIR: the postgres user must be able to reach it.
    dir=$(mktemp -d /tmp/opprop-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    # A free port: bind port 0 and read back what the kernel chose.
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c shared_buffers=32MB -c dynamic_shared_memory_type=mmap" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres $dir"
    ;;
  stop)
    dir=${2:?usage: pg-test.sh stop DIR}
    case "$dir" in *opprop-pg.*) ;; *) echo "pg-test: $dir is not a pg-test cluster" >&2; exit 2 ;; esac
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-test.sh start | stop DIR" >&2
    exit 2
    ;;
esac
