#!/usr/bin/env bash
# Ingestion benchmark (issue #2). Runs, ROUNDS times each, in one session:
#   bare    a bare Javalin + Gson server that parses the same vote JSON and stores nothing
#   single  the host, one vote per durable POST
#   batch   the host, 100 votes per durable POST
#   raw     a raw JDBC batched insert of the same rows into the same SQLite schema, twice:
#           leaving the same database state the host leaves (votes + rater index + counts,
#           folded in each transaction), and writing the votes table only
# and prints the medians and the ratios bench/RESULTS.md records.
# Needs: wrk (apt-get install -y wrk), Java 17, Maven. Usage: bench/ingest/run.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-15s}"
# Each server first takes WARMUP of the same load, unmeasured, so the JIT has compiled the hot paths.
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
ITEMS=1000
HEAP="-Xmx256m"
ORIGIN="http://bench.local"
OUT="$ROOT/bench/out/ingest"
LUA="$ROOT/bench/ingest/votes.lua"
BENCH_CP="$ROOT/bench/ingest/target/classes:$ROOT/bench/ingest/target/lib/*"
. "$ROOT/bench/lib.sh"

need_wrk
mkdir -p "$OUT"
build_dist

result() { grep '^RESULT' "$1" | tail -1; }

run_wrk() { # url batch logfile
  BATCH="$2" ITEMS="$ITEMS" KEY="${KEY:-pk_bare}" ORIGIN="$ORIGIN" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$1" >/dev/null 2>&1
  BATCH="$2" ITEMS="$ITEMS" KEY="${KEY:-pk_bare}" ORIGIN="$ORIGIN" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$1" >"$3" 2>&1
  result "$3"
}

start_host() { # data dir port -> sets HOST_PID, KEY
  local data="$1" port="$2"
  rm -rf "$data"
  local keys
  keys=$("$ROOT/swipeloop" apps create --name bench --origin "$ORIGIN" --data "$data" 2>/dev/null)
  KEY=$(sed -E 's/.*"publishableKey":"([^"]+)".*/\1/' <<<"$keys")
  local sk
  sk=$(sed -E 's/.*"secretKey":"([^"]+)".*/\1/' <<<"$keys")
  JAVA_OPTS="$HEAP" "$ROOT/swipeloop" serve --port "$port" --bind 127.0.0.1 --data "$data" "${RAISED_LIMITS[@]}" \
    >"$OUT/host-$port.log" 2>&1 &
  HOST_PID=$!
  wait_ready "$port"
  push_items "http://127.0.0.1:$port" "$sk" "$ITEMS"
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }


declare -a BARE SINGLE SINGLE_P50 SINGLE_P99 BATCH BATCH_P50 BATCH_P99 RAW_SAME RAW RAW_ONE_TX
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS" >&2

  port=$(free_port)
  java $HEAP -cp "$BENCH_CP" dev.swipeloop.bench.BareServer "$port" >"$OUT/bare.log" 2>&1 &
  pid=$!; wait_ready "$port"
  r=$(KEY=pk_bare run_wrk "http://127.0.0.1:$port/v1/votes" 1 "$OUT/wrk-bare-$round.txt"); stop $pid
  BARE+=("$(field "$r" requests_per_sec)"); echo "bare:   $r" >&2

  port=$(free_port); start_host "$OUT/data-single" "$port"
  r=$(run_wrk "http://127.0.0.1:$port/v1/votes" 1 "$OUT/wrk-single-$round.txt"); stop $HOST_PID
  SINGLE+=("$(field "$r" requests_per_sec)"); SINGLE_P50+=("$(field "$r" p50_ms)"); SINGLE_P99+=("$(field "$r" p99_ms)")
  echo "single: $r" >&2

  port=$(free_port); start_host "$OUT/data-batch" "$port"
  r=$(run_wrk "http://127.0.0.1:$port/v1/votes" 100 "$OUT/wrk-batch-$round.txt"); stop $HOST_PID
  stored=$(sqlite3 "$OUT/data-batch/swipeloop.db" 'SELECT count(*) FROM votes')
  BATCH+=("$(awk -v r="$(field "$r" requests_per_sec)" 'BEGIN {print r * 100}')")
  BATCH_P50+=("$(field "$r" p50_ms)"); BATCH_P99+=("$(field "$r" p99_ms)")
  echo "batch:  $r (votes stored: $stored)" >&2

  # The same number of rows the host stored, 100 per durable transaction; then all in one.
  same=$(java $HEAP -cp "$BENCH_CP" dev.swipeloop.bench.RawJdbcInsert "$OUT/raw.db" "$stored" 100 "$ITEMS" fold)
  RAW_SAME+=("$(field "$same" rows_per_sec)"); echo "raw+fold: $same" >&2
  raw=$(java $HEAP -cp "$BENCH_CP" dev.swipeloop.bench.RawJdbcInsert "$OUT/raw.db" "$stored" 100 "$ITEMS")
  RAW+=("$(field "$raw" rows_per_sec)"); echo "raw:    $raw" >&2
  raw1=$(java $HEAP -cp "$BENCH_CP" dev.swipeloop.bench.RawJdbcInsert "$OUT/raw.db" "$stored" 0 "$ITEMS")
  RAW_ONE_TX+=("$(field "$raw1" rows_per_sec)"); echo "raw1tx: $raw1" >&2
done

bare=$(m "${BARE[@]}"); single=$(m "${SINGLE[@]}"); batch=$(m "${BATCH[@]}"); raw=$(m "${RAW[@]}"); raw1=$(m "${RAW_ONE_TX[@]}")
same=$(m "${RAW_SAME[@]}")
cat <<REPORT
| figure (median of $ROUNDS, $CONNECTIONS connections, $DURATION each after $WARMUP warm-up) | value |
|---|---|
| bare Javalin + Gson, single-vote POST | $bare req/s |
| host, single-vote durable POST | $single req/s (p50 $(m "${SINGLE_P50[@]}") ms, p99 $(m "${SINGLE_P99[@]}") ms) |
| **single ÷ bare** | **$(awk -v a="$single" -v b="$bare" 'BEGIN {printf "%.2f", a / b}')** |
| host, 100-vote durable POST | $batch votes/s (p50 $(m "${BATCH_P50[@]}") ms, p99 $(m "${BATCH_P99[@]}") ms) |
| raw JDBC, 100 rows per transaction, same database state (votes + rater index + counts) | $same rows/s |
| **batch ÷ raw, same state** | **$(awk -v a="$batch" -v b="$same" 'BEGIN {printf "%.2f", a / b}')** |
| raw JDBC, 100 rows per transaction, votes table only | $raw rows/s |
| **batch ÷ raw, votes table only** | **$(awk -v a="$batch" -v b="$raw" 'BEGIN {printf "%.2f", a / b}')** |
| raw JDBC, votes table only, all rows in one transaction (reference) | $raw1 rows/s |
REPORT
echo "runs: single ${SINGLE[*]} | bare ${BARE[*]} | batch ${BATCH[*]} | raw-same ${RAW_SAME[*]} | raw ${RAW[*]} | raw1tx ${RAW_ONE_TX[*]}" >&2
