#!/usr/bin/env bash
# Several hosts on one PostgreSQL (issue #7). Runs, ROUNDS times each, in one session, the
# ingest benchmark's load (wrk, 100 votes per durable POST /v1/votes) against:
#   sqlite      one host on its default SQLite storage (the baseline)
#   pg          one host on PostgreSQL (storage-postgres, defaults)
#   pg-nginx    that host behind nginx, with docs/nginx-swipeloop.conf
#   2pg-nginx   two hosts on the same PostgreSQL behind that nginx
# and prints the medians and the ratios bench/RESULTS.md and docs/scaling.md quote.
# Needs: wrk and nginx (apt-get install -y wrk nginx-light), psql, Java 17, Maven, and a
# PostgreSQL the user may create schemas in (default: the local test database).
# Usage: bench/scaling/run.sh   (JDBC_URL, ROUNDS, DURATION, WARMUP override)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JDBC_URL="${JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
PSQL_URL="${PSQL_URL:-postgresql://postgres@127.0.0.1:5432/test}"
SCHEMA=bench_scaling
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
ITEMS=1000
HEAP="-Xmx256m"
ORIGIN="http://bench.local"
OUT="$ROOT/bench/out/scaling"
LUA="$ROOT/bench/ingest/votes.lua"
. "$ROOT/bench/lib.sh"

need_wrk
command -v nginx >/dev/null || { echo "nginx is needed: apt-get install -y nginx-light" >&2; exit 1; }
mkdir -p "$OUT"
[ -n "${SKIP_BUILD:-}" ] || build_dist

PG=(--storage postgres --jdbc-url "$JDBC_URL" --plugin.postgres.schema "$SCHEMA")
HOSTS=()

stop_all() {
  for pid in "${HOSTS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  HOSTS=()
  [ -f "$OUT/nginx.pid" ] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
  rm -f "$OUT/nginx.pid"
}
trap stop_all EXIT

# An app and its 1,000 items in a fresh store: sets KEY. Arguments: storage flags.
fresh_app() {
  rm -rf "$OUT/data"
  psql -q "$PSQL_URL" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" 2>/dev/null
  local keys
  keys=$("$ROOT/swipeloop" apps create --name bench --origin "$ORIGIN" --data "$OUT/data" "$@" 2>/dev/null)
  KEY=$(app_key "$keys" publishableKey)
  SECRET=$(app_key "$keys" secretKey)
}

# Hosts share the data directory, as hosts behind one balancer share media and exports.
start_host() { # port, storage flags…
  local port="$1"; shift
  JAVA_OPTS="$HEAP" "$ROOT/swipeloop" serve --port "$port" --bind 127.0.0.1 --data "$OUT/data" "$@" \
    "${RAISED_LIMITS[@]}" >"$OUT/host-$port.log" 2>&1 &
  HOSTS+=($!)
  wait_ready "$port"
}

add_items() { # port
  push_items "http://127.0.0.1:$1" "$SECRET" "$ITEMS"
}

start_nginx() { # port, host ports…
  local port="$1"; shift
  local servers=""
  for p in "$@"; do servers+="    server 127.0.0.1:$p max_fails=3 fail_timeout=10s;\n"; done
  # The sample config as documented, with this run's hosts and port.
  sed -e '/^    server 127\.0\.0\.1:707[0-9]/d' -e "s/^    least_conn;/    least_conn;\n$servers/" \
      -e "s/listen 8080;/listen 127.0.0.1:$port;/" "$ROOT/docs/nginx-swipeloop.conf" >"$OUT/site.conf"
  cat >"$OUT/nginx.conf" <<CONF
worker_processes 1;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; include $OUT/site.conf; }
CONF
  nginx -c "$OUT/nginx.conf"
  wait_ready "$port"
}

run_wrk() { # url logfile -> votes/s
  BATCH=100 ITEMS="$ITEMS" KEY="$KEY" ORIGIN="$ORIGIN" \
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$1" >/dev/null 2>&1
  BATCH=100 ITEMS="$ITEMS" KEY="$KEY" ORIGIN="$ORIGIN" \
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$1" >"$2" 2>&1
  local r; r=$(grep '^RESULT' "$2" | tail -1)
  awk -v r="$(field "$r" requests_per_sec)" 'BEGIN {printf "%.0f", r * 100}'
  echo " (p99 $(field "$r" p99_ms) ms)" >&2
}

stored() { psql -Atq "$PSQL_URL" -c "SELECT count(*) FROM $SCHEMA.votes"; }

declare -a SQLITE PG1 PGN1 PGN2
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS" >&2
  a=$(free_port); b=$(free_port); n=$(free_port)

  fresh_app; start_host "$a"; add_items "$a"
  SQLITE+=("$(run_wrk "http://127.0.0.1:$a/v1/votes" "$OUT/wrk-sqlite-$round.txt")"); stop_all
  echo "sqlite:    ${SQLITE[-1]} votes/s" >&2

  fresh_app "${PG[@]}"; start_host "$a" "${PG[@]}"; add_items "$a"
  PG1+=("$(run_wrk "http://127.0.0.1:$a/v1/votes" "$OUT/wrk-pg-$round.txt")")
  echo "pg:        ${PG1[-1]} votes/s (stored $(stored))" >&2
  start_nginx "$n" "$a"
  PGN1+=("$(run_wrk "http://127.0.0.1:$n/v1/votes" "$OUT/wrk-pg-nginx-$round.txt")"); stop_all
  echo "pg-nginx:  ${PGN1[-1]} votes/s" >&2

  fresh_app "${PG[@]}"; start_host "$a" "${PG[@]}"; start_host "$b" "${PG[@]}"; add_items "$a"
  start_nginx "$n" "$a" "$b"
  PGN2+=("$(run_wrk "http://127.0.0.1:$n/v1/votes" "$OUT/wrk-2pg-nginx-$round.txt")")
  echo "2pg-nginx: ${PGN2[-1]} votes/s (stored $(stored))" >&2; stop_all
done

sqlite=$(m "${SQLITE[@]}"); pg=$(m "${PG1[@]}"); pgn1=$(m "${PGN1[@]}"); pgn2=$(m "${PGN2[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
cat <<REPORT
| figure (median of $ROUNDS; wrk, $CONNECTIONS connections, 100 votes per POST, $DURATION after $WARMUP warm-up) | votes/s |
|---|---|
| one host, SQLite | $sqlite (runs ${SQLITE[*]}) |
| one host, PostgreSQL | $pg (runs ${PG1[*]}) |
| **PostgreSQL ÷ SQLite, one host** | **$(ratio "$pg" "$sqlite")** |
| one host on PostgreSQL behind nginx | $pgn1 (runs ${PGN1[*]}) |
| two hosts on one PostgreSQL behind nginx | $pgn2 (runs ${PGN2[*]}) |
| **two hosts ÷ one host, behind nginx** | **$(ratio "$pgn2" "$pgn1")** |
REPORT
