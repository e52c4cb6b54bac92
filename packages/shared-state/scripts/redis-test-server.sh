#!/bin/sh
# A throw-away Redis server for tests and CI (needs Debian's `redis-server` package).
#   TEST_REDIS_URL=$(packages/shared-state/scripts/redis-test-server.sh start)   # prints the URL only
#   packages/shared-state/scripts/redis-test-server.sh stop                      # stops it, deletes files
# Listens on 127.0.0.1 only, on a free port, no persistence. REDIS_TEST_DIR (default
# /tmp/newsroom-redis) holds pid, log and port: give each concurrent run its own.
set -eu

BASE=${REDIS_TEST_DIR:-/tmp/newsroom-redis}
if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis-test-server: Redis is not installed (apt-get install -y redis-server)." >&2
  exit 1
fi

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

url() {
  echo "redis://127.0.0.1:$(cat "$BASE/port")"
}

start() {
  if [ -f "$BASE/pid" ] && kill -0 "$(cat "$BASE/pid")" 2>/dev/null; then
    url
    return
  fi
  mkdir -p "$BASE"
  attempt=1
  while :; do
    port=$(free_port)
    echo "$port" >"$BASE/port"
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
      --pidfile "$BASE/pid" --logfile "$BASE/server.log" --dir "$BASE" >&2
    i=0
    while [ $i -lt 50 ]; do
      if redis-cli -p "$port" ping >/dev/null 2>&1; then url; return; fi
      i=$((i + 1)); sleep 0.1
    done
    if [ "$attempt" -ge 3 ]; then cat "$BASE/server.log" >&2; exit 1; fi
    attempt=$((attempt + 1))
  done
}

stop() {
  if [ -f "$BASE/pid" ]; then kill "$(cat "$BASE/pid")" 2>/dev/null || true; fi
  rm -rf "$BASE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
