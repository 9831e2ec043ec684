#!/usr/bin/env bash
# Rewards benchmark (issue #6): what paying votes costs. One host, two apps with the same 1,000
# images: "plain" pays no rewards (the default), "rewarded" runs points, quality-weighted and
# tiers. Each round, in alternating order, wrk posts 100-vote batches from 10,000 anonymous
# raters to each app (bench/ingest/votes.lua), then one progress request pays whatever is still
# queued (its time is the backlog left when the load stops). Then wrk asks for raters'
# progress, against their profiles (GET /v1/raters/{r}/profile: the same key check and one
# storage read, without the reward policies) as the baseline; both with the secret key.
# Prints medians over ROUNDS and the ratios bench/RESULTS.md records.
# Needs: wrk (apt-get install -y wrk), Java 17, Maven, python3, sqlite3. Usage: bench/rewards/run.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/rewards"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-16}"
ITEMS=1000
ORIGIN="http://bench.local"
OUT="$ROOT/bench/out/rewards"
DATA="$OUT/data"
. "$ROOT/bench/lib.sh"

need_wrk
mkdir -p "$OUT"
build_dist
rm -rf "$DATA"

PLAIN=$(create_app plain)
REWARDED=$(create_app rewarded)

PORT=$(free_port)
JAVA_OPTS="-Xmx256m" "$ROOT/swipeloop" serve --port "$PORT" --bind 127.0.0.1 --data "$DATA" "${RAISED_LIMITS[@]}" \
  >"$OUT/host.log" 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true' EXIT
wait_ready "$PORT"
BASE="http://127.0.0.1:$PORT"

for app in "$PLAIN" "$REWARDED"; do
  push_items "$BASE" "$(app_key "$app" secretKey)" "$ITEMS"
done
# Anonymous raters earn here because wrk's votes carry no rater token: the cost is the same.
curl -fs -X PATCH -H "Authorization: Bearer $(app_key "$REWARDED" secretKey)" -H 'Content-Type: application/json' \
  -d '{"rewards.policies":"points,quality-weighted,tiers","rewards.anonymous":true}' "$BASE/v1/settings" >/dev/null

votes() { # app-json logfile -> RESULT line of the measured run
  local pk; pk=$(app_key "$1" publishableKey)
  BATCH=100 ITEMS="$ITEMS" KEY="$pk" ORIGIN="$ORIGIN" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/ingest/votes.lua" \
    "$BASE/v1/votes" >/dev/null 2>&1
  BATCH=100 ITEMS="$ITEMS" KEY="$pk" ORIGIN="$ORIGIN" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency \
    -s "$ROOT/bench/ingest/votes.lua" "$BASE/v1/votes" >"$2" 2>&1
  grep '^RESULT' "$2" | tail -1
}

# Milliseconds one progress request takes right after the load: it pays every vote still queued.
settle_ms() { # app-json
  local sk; sk=$(app_key "$1" secretKey)
  curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $sk" "$BASE/v1/raters/r-1/progress" \
    | awk '{printf "%.0f", $1 * 1000}'
}

gets() { # app-json path-prefix path-suffix logfile
  local sk; sk=$(app_key "$1" secretKey)
  PATH_PREFIX="$2" PATH_SUFFIX="$3" KEY="$sk" ORIGIN="$ORIGIN" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/progress.lua" \
    "$BASE" >/dev/null 2>&1
  PATH_PREFIX="$2" PATH_SUFFIX="$3" KEY="$sk" ORIGIN="$ORIGIN" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency \
    -s "$HERE/progress.lua" "$BASE" >"$4" 2>&1
  grep '^RESULT' "$4" | tail -1
}

declare -a PLAIN_VPS REWARDED_VPS PLAIN_P99 REWARDED_P99 SETTLE PROGRESS_RPS PROGRESS_P99 PROFILE_RPS PROFILE_P99
for round in $(seq 1 "$ROUNDS"); do
  order=(plain rewarded); [ $((round % 2)) = 0 ] && order=(rewarded plain)
  for which in "${order[@]}"; do
    app=$PLAIN; [ "$which" = rewarded ] && app=$REWARDED
    r=$(votes "$app" "$OUT/wrk-votes-$which-$round.txt")
    [ "$(field "$r" non2xx)" = 0 ] || { echo "non-2xx answers ($which, round $round): $r" >&2; exit 1; }
    vps=$(awk -v r="$(field "$r" requests_per_sec)" 'BEGIN {print r * 100}')
    if [ "$which" = plain ]; then
      PLAIN_VPS+=("$vps"); PLAIN_P99+=("$(field "$r" p99_ms)")
    else
      REWARDED_VPS+=("$vps"); REWARDED_P99+=("$(field "$r" p99_ms)")
      s=$(settle_ms "$app"); SETTLE+=("$s")
      echo "round $round rewarded: $vps votes/s, backlog paid in $s ms after the load" >&2
    fi
    [ "$which" = plain ] && echo "round $round plain: $vps votes/s" >&2
  done
  r=$(gets "$REWARDED" /v1/raters/ /progress "$OUT/wrk-progress-$round.txt")
  PROGRESS_RPS+=("$(field "$r" rps)"); PROGRESS_P99+=("$(field "$r" p99)"); echo "round $round progress: $r" >&2
  r=$(gets "$REWARDED" /v1/raters/ /profile "$OUT/wrk-profile-$round.txt")
  PROFILE_RPS+=("$(field "$r" rps)"); PROFILE_P99+=("$(field "$r" p99)"); echo "round $round profile: $r" >&2
done

kill $HOST_PID; wait $HOST_PID 2>/dev/null || true
db="$DATA/swipeloop.db"
rewarded_id=$(app_key "$REWARDED" app)
ledger=$(sqlite3 "$db" "SELECT count(*) FROM ledger WHERE app_id = '$rewarded_id'")
paid=$(sqlite3 "$db" "SELECT count(*) FROM votes WHERE app_id = '$rewarded_id'")
cursor=$(sqlite3 "$db" "SELECT seq FROM ledger_cursors WHERE app_id = '$rewarded_id' AND name = 'rewards'")
last=$(sqlite3 "$db" "SELECT max(seq) FROM votes WHERE app_id = '$rewarded_id'")

pv=$(m "${PLAIN_VPS[@]}"); rv=$(m "${REWARDED_VPS[@]}"); pr=$(m "${PROGRESS_RPS[@]}"); br=$(m "${PROFILE_RPS[@]}")
cat <<REPORT
| figure (median of $ROUNDS, $CONNECTIONS connections, $DURATION each after $WARMUP warm-up) | value |
|---|---|
| plain app, 100-vote durable POSTs | $pv votes/s (p99 $(m "${PLAIN_P99[@]}") ms) |
| rewarded app (points, quality-weighted, tiers), same load | $rv votes/s (p99 $(m "${REWARDED_P99[@]}") ms) |
| **rewarded ÷ plain ingest** | **$(awk -v a="$rv" -v b="$pv" 'BEGIN {printf "%.2f", a / b}')** |
| backlog left when the load stops, paid by one progress request | $(m "${SETTLE[@]}") ms (runs: ${SETTLE[*]}) |
| GET /v1/raters/{r}/progress | $pr req/s (p99 $(m "${PROGRESS_P99[@]}") ms) |
| GET /v1/raters/{r}/profile (baseline) | $br req/s (p99 $(m "${PROFILE_P99[@]}") ms) |
| **progress ÷ profile throughput** | **$(awk -v a="$pr" -v b="$br" 'BEGIN {printf "%.2f", a / b}')** |
| rewarded app at the end: votes, ledger entries, rewards cursor = last vote seq | $paid votes, $ledger entries, $cursor = $last |
REPORT
echo "runs: plain ${PLAIN_VPS[*]} | rewarded ${REWARDED_VPS[*]} | progress ${PROGRESS_RPS[*]} | profile ${PROFILE_RPS[*]}" >&2
