#!/bin/sh
# A throw-away PostgreSQL cluster for tests and CI (needs Debian's `postgresql` package).
#   TEST_DATABASE_URL=$(packages/db/scripts/pg-test-cluster.sh start)   # prints the URL only
#   packages/db/scripts/pg-test-cluster.sh stop                         # stops it, deletes files
# Listens on 127.0.0.1 only, on a free port; superuser "newsroom" (trust auth), database
# "newsroom". PG_TEST_DIR (default /tmp/newsroom-pg) holds data, socket, log and port.
# initdb refuses to run as root, so as root the server runs as the "postgres" user.
set -eu

BASE=${PG_TEST_DIR:-/tmp/newsroom-pg}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ]; then
  echo "pg-test-cluster: PostgreSQL is not installed (apt-get install -y postgresql)." >&2
  exit 1
fi

as_server_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  if [ -f "$BASE/port" ] && as_server_user "$PGBIN/pg_ctl" -D "$BASE/data" status >/dev/null 2>&1; then
    echo "postgresql://newsroom@127.0.0.1:$(cat "$BASE/port")/newsroom"
    return
  fi
  mkdir -p "$BASE"
  if [ "$(id -u)" = "0" ]; then chown postgres "$BASE"; fi
  if [ ! -f "$BASE/data/PG_VERSION" ]; then
    as_server_user "$PGBIN/initdb" -D "$BASE/data" -U newsroom --auth=trust -E UTF8 >"$BASE/initdb.log" 2>&1 ||
      { cat "$BASE/initdb.log" >&2; exit 1; }
  fi
  port=$(free_port)
  as_server_user sh -c "echo $port > '$BASE/port'"
  as_server_user "$PGBIN/pg_ctl" -D "$BASE/data" -l "$BASE/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $port -k $BASE" start >&2 || { cat "$BASE/server.log" >&2; exit 1; }
  "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U newsroom newsroom 2>/dev/null || true
  echo "postgresql://newsroom@127.0.0.1:$port/newsroom"
}

stop() {
  if [ -d "$BASE/data" ]; then
    as_server_user "$PGBIN/pg_ctl" -D "$BASE/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$BASE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
