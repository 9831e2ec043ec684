#!/usr/bin/env bash
# What metrics cost (issue #8). Runs, ROUNDS times, in alternating order, the ingest benchmark's
# load (wrk, bench/ingest/votes.lua) against one host with metrics on (the default, and /metrics
# scraped every SCRAPE_EVERY seconds during the measured run, as Prometheus would) and one with
# --metrics.enabled false (nothing measured): single-vote durable POSTs, then 100-vote POSTs.
# Besides throughput it reads the host's CPU time (/proc/<pid>/stat) over each measured run: CPU
# per request moves less than throughput when other work shares the machine.
# Prints the medians and the ratios bench/RESULTS.md records.
# Needs: wrk (apt-get install -y wrk), Java 17, Maven, curl. Usage: bench/operations/run.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
SCRAPE_EVERY="${SCRAPE_EVERY:-5}"
ITEMS=1000
HEAP="-Xmx256m"
ORIGIN="http://bench.local"
OUT="$ROOT/bench/out/operations"
LUA="$ROOT/bench/ingest/votes.lua"
. "$ROOT/bench/lib.sh"

need_wrk
mkdir -p "$OUT"
build_dist

start_host() { # mode port -> sets HOST_PID, KEY
  local mode="$1" port="$2" data="$OUT/data-$1"
  rm -rf "$data"
  local keys
  keys=$(DATA="$data" create_app bench)
  KEY=$(app_key "$keys" publishableKey)
  local sk; sk=$(app_key "$keys" secretKey)
  local metrics=(--metrics.enabled true); [ "$mode" = off ] && metrics=(--metrics.enabled false)
  JAVA_OPTS="$HEAP" "$ROOT/swipeloop" serve --port "$port" --bind 127.0.0.1 --data "$data" "${RAISED_LIMITS[@]}" \
    "${metrics[@]}" >"$OUT/host-$mode.log" 2>&1 &
  HOST_PID=$!
  wait_ready "$port"
  push_items "http://127.0.0.1:$port" "$sk" "$ITEMS"
}

# Scrapes /metrics until killed, as a Prometheus server would (more often than its usual 15 s).
scraper() { # port
  while sleep "$SCRAPE_EVERY"; do curl -fs -o /dev/null "http://127.0.0.1:$1/metrics" || true; done
}

# CPU time (user + system, in clock ticks) the process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run_wrk() { # mode port batch logfile -> RESULT line of the measured run, plus cpu_us (host CPU per request)
  BATCH="$3" ITEMS="$ITEMS" KEY="$KEY" ORIGIN="$ORIGIN" \
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "http://127.0.0.1:$2/v1/votes" >/dev/null 2>&1
  local scraper_pid=""
  if [ "$1" = on ]; then scraper "$2" & scraper_pid=$!; fi
  local before; before=$(cpu_ticks "$HOST_PID")
  BATCH="$3" ITEMS="$ITEMS" KEY="$KEY" ORIGIN="$ORIGIN" \
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "http://127.0.0.1:$2/v1/votes" >"$4" 2>&1
  local after; after=$(cpu_ticks "$HOST_PID")
  [ -n "$scraper_pid" ] && { kill "$scraper_pid"; wait "$scraper_pid" 2>/dev/null || true; }
  local requests; requests=$(sed -nE 's/^ *([0-9]+) requests in.*/\1/p' "$4")
  echo "$(grep '^RESULT' "$4" | tail -1) cpu_us=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

declare -a ON_SINGLE OFF_SINGLE ON_BATCH OFF_BATCH ON_P99 OFF_P99 ON_CPU OFF_CPU ON_BCPU OFF_BCPU
for round in $(seq 1 "$ROUNDS"); do
  order=(on off); [ $((round % 2)) = 0 ] && order=(off on)
  for mode in "${order[@]}"; do
    port=$(free_port); start_host "$mode" "$port"
    r=$(run_wrk "$mode" "$port" 1 "$OUT/wrk-$mode-single-$round.txt")
    [ "$(field "$r" non2xx)" = 0 ] || { echo "non-2xx answers ($mode single, round $round): $r" >&2; exit 1; }
    single=$(field "$r" requests_per_sec); p99=$(field "$r" p99_ms); cpu=$(field "$r" cpu_us)
    r=$(run_wrk "$mode" "$port" 100 "$OUT/wrk-$mode-batch-$round.txt")
    [ "$(field "$r" non2xx)" = 0 ] || { echo "non-2xx answers ($mode batch, round $round): $r" >&2; exit 1; }
    batch=$(awk -v r="$(field "$r" requests_per_sec)" 'BEGIN {print r * 100}')
    bcpu=$(awk -v c="$(field "$r" cpu_us)" 'BEGIN {printf "%.2f", c / 100}')
    if [ "$mode" = on ]; then
      curl -fs "http://127.0.0.1:$port/metrics" >"$OUT/metrics-$round.txt"
      ON_SINGLE+=("$single"); ON_BATCH+=("$batch"); ON_P99+=("$p99"); ON_CPU+=("$cpu"); ON_BCPU+=("$bcpu")
    else
      OFF_SINGLE+=("$single"); OFF_BATCH+=("$batch"); OFF_P99+=("$p99"); OFF_CPU+=("$cpu"); OFF_BCPU+=("$bcpu")
    fi
    stop "$HOST_PID"
    echo "round $round metrics $mode: single $single req/s (p99 $p99 ms, $cpu µs CPU each)," \
      "batch $batch votes/s ($bcpu µs CPU per vote)" >&2
  done
done

on_s=$(m "${ON_SINGLE[@]}"); off_s=$(m "${OFF_SINGLE[@]}"); on_b=$(m "${ON_BATCH[@]}"); off_b=$(m "${OFF_BATCH[@]}")
cat <<REPORT
| figure (median of $ROUNDS, $CONNECTIONS connections, $DURATION each after $WARMUP warm-up) | value |
|---|---|
| metrics off, single-vote durable POST | $off_s req/s (p99 $(m "${OFF_P99[@]}") ms) |
| metrics on (scraped every ${SCRAPE_EVERY} s), single-vote durable POST | $on_s req/s (p99 $(m "${ON_P99[@]}") ms) |
| **single: on ÷ off** | **$(awk -v a="$on_s" -v b="$off_s" 'BEGIN {printf "%.3f", a / b}')** |
| host CPU per single-vote request, off / on | $(m "${OFF_CPU[@]}") µs / $(m "${ON_CPU[@]}") µs |
| metrics off, 100-vote durable POST | $off_b votes/s |
| metrics on, 100-vote durable POST | $on_b votes/s |
| **batch: on ÷ off** | **$(awk -v a="$on_b" -v b="$off_b" 'BEGIN {printf "%.3f", a / b}')** |
| host CPU per vote in 100-vote requests, off / on | $(m "${OFF_BCPU[@]}") µs / $(m "${ON_BCPU[@]}") µs |
REPORT
echo "runs: single on ${ON_SINGLE[*]} | off ${OFF_SINGLE[*]} | batch on ${ON_BATCH[*]} | off ${OFF_BATCH[*]}" \
  "| cpu single on ${ON_CPU[*]} | off ${OFF_CPU[*]} | cpu per vote on ${ON_BCPU[*]} | off ${OFF_BCPU[*]}" >&2
