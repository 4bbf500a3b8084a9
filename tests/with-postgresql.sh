#!/bin/bash
# Runs a command with a private PostgreSQL server of its own: a cluster in a temporary folder,
# listening only on a Unix socket in that folder, stopped when the command ends, even when it
# fails. The command finds the server in HUBS_TEST_POSTGRESQL (postgresql:///hubs?host=DIR)
# and may create databases and schemas in it. The server skips fsync (tests need no
# durability) unless HUBS_TEST_POSTGRESQL_FSYNC=on, for benchmarks. A test that needs the
# server away for a while runs the command line in HUBS_TEST_POSTGRESQL_CTL with "stop" or
# "start" after it (it waits until done, and fails with the reason).
#
# Tests run as root and initdb refuses root: the server runs as the postgres system user.
# Where no server can start, this fails with the reason: a test never passes by skipping.
set -eu

bindir=$(pg_config --bindir 2>/dev/null || true)
[ -x "$bindir/initdb" ] || bindir=/usr/lib/postgresql/15/bin
if [ ! -x "$bindir/initdb" ]; then
  echo "with-postgresql: no PostgreSQL server found (install postgresql)" >&2
  exit 1
fi

as_server=()
if [ "$(id -u)" -eq 0 ]; then
  as_server=(runuser -u postgres --)
fi

# Starts or stops the server in $dir, waiting until done; stopping cuts every connection at
# once, as when the network goes.
server() {
  case "$1" in
    start)
      "${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=${HUBS_TEST_POSTGRESQL_FSYNC:-off}" \
        start >/dev/null ;;
    stop)
      "${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null ;;
  esac
}

# "with-postgresql.sh --server DIR start|stop": what HUBS_TEST_POSTGRESQL_CTL runs.
if [ "${1:-}" = --server ]; then
  dir=$2
  server "$3"
  exit
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/hubs-pg.XXXXXX")
chmod 0755 "$dir"
[ ${#as_server[@]} -eq 0 ] || chown postgres: "$dir"

stop() {
  "${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

if ! "${as_server[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
       --no-locale >"$dir/initdb.log" 2>&1; then
  echo "with-postgresql: initdb failed:" >&2
  cat "$dir/initdb.log" >&2
  exit 1
fi

if ! server start; then
  echo "with-postgresql: the server did not start:" >&2
  cat "$dir/server.log" >&2
  exit 1
fi

"${as_server[@]}" "$bindir/createdb" -h "$dir" -U postgres hubs

export HUBS_TEST_POSTGRESQL="postgresql:///hubs?host=$dir&user=postgres"
export HUBS_TEST_POSTGRESQL_DIR="$dir"
export HUBS_TEST_POSTGRESQL_CTL="'$(realpath "$0")' --server '$dir'"
"$@"
