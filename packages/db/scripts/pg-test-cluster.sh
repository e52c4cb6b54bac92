#!/bin/sh
# A throw-away PostgreSQL cluster for tests and CI (needs Debian's `postgresql` package).
#   TEST_DATABASE_URL=$(packages/db/scripts/pg-test-cluster.sh start)   # prints the URL only
#   packages/db/scripts/pg-test-cluster.sh stop                         # stops it, deletes files
#   packages/db/scripts/pg-test-cluster.sh halt                         # stops it, keeps files
#   packages/db/scripts/pg-test-cluster.sh resume                       # starts it again, same port
# (halt/resume: outage tests take the server away and bring it back under the same URL.)
# Listens on 127.0.0.1 only, on a free port; superuser "newsroom" (trust auth), database
# "newsroom". PG_TEST_DIR (default /tmp/newsroom-pg) holds data, socket, log and port: give each
# concurrent run its own (e.g. PG_TEST_DIR=$(mktemp -d)), since `stop` deletes the folder.
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

url() {
  echo "postgresql://newsroom@127.0.0.1:$(cat "$BASE/port")/newsroom"
}

# Durability is pointless for a cluster deleted after the run: without fsync, CREATE DATABASE
# (one per test file) and commits are several times faster. Enough connections for two apps,
# parallel vitest workers and two shortener instances, each with its own pool.
SERVER_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"

start_server() {
  port=$(free_port)
  as_server_user sh -c "echo $port > '$BASE/port'"
  start_on_port "$port"
}

start_on_port() {
  port=$1
  as_server_user "$PGBIN/pg_ctl" -D "$BASE/data" -l "$BASE/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $port -k $BASE $SERVER_OPTIONS" start >&2
}

start() {
  if [ -f "$BASE/port" ] && as_server_user "$PGBIN/pg_ctl" -D "$BASE/data" status >/dev/null 2>&1; then
    url
    return
  fi
  mkdir -p "$BASE"
  if [ "$(id -u)" = "0" ]; then chown postgres "$BASE"; fi
  if [ ! -f "$BASE/data/PG_VERSION" ]; then
    as_server_user "$PGBIN/initdb" -D "$BASE/data" -U newsroom --auth=trust -E UTF8 \
      --no-sync >"$BASE/initdb.log" 2>&1 || { cat "$BASE/initdb.log" >&2; exit 1; }
  fi
  # Another process may take the free port between the check and the server's bind: retry.
  attempt=1
  until start_server; do
    if [ "$attempt" -ge 3 ]; then cat "$BASE/server.log" >&2; exit 1; fi
    attempt=$((attempt + 1))
  done
  "$PGBIN/createdb" -h 127.0.0.1 -p "$(cat "$BASE/port")" -U newsroom newsroom 2>/dev/null || true
  url
}

stop() {
  if [ -d "$BASE/data" ]; then
    as_server_user "$PGBIN/pg_ctl" -D "$BASE/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$BASE"
}

halt() {
  as_server_user "$PGBIN/pg_ctl" -D "$BASE/data" -m fast -w stop >&2
}

resume() {
  start_on_port "$(cat "$BASE/port")"
  url
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  halt) halt ;;
  resume) resume ;;
  *) echo "usage: $0 start|stop|halt|resume" >&2; exit 2 ;;
esac
