#!/usr/bin/env bash
# Deck benchmark (issue #5): what dealing learning decks costs against the least-judged decks
# the host dealt before. One host, two apps with the same images and votes (seeded): one on
# deck.order=learning (the default), one on deck.order=least-judged. Each round measures, in
# turn, binary and pair decks of 10 cards for random fresh raters on both apps, with wrk.
# Prints req/s and latency per case, medians over ROUNDS, and learning ÷ least-judged.
# Needs: wrk (apt-get install -y wrk), Java 17, Maven, python3. Usage: bench/deck/run.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/deck"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-16}"
ITEMS="${ITEMS:-2000}"
VOTES="${VOTES:-60000}"
ORIGIN="http://bench.local"
OUT="$ROOT/bench/out/deck"
DATA="$OUT/data"
. "$ROOT/bench/lib.sh"

need_wrk
mkdir -p "$OUT"
build_dist
rm -rf "$DATA"

LEARNING=$(create_app learning)
LEAST=$(create_app least-judged)

PORT=$(free_port)
JAVA_OPTS="-Xmx256m" "$ROOT/swipeloop" serve --port "$PORT" --data "$DATA" "${RAISED_LIMITS[@]}" >"$OUT/host.log" 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true' EXIT
wait_ready "$PORT"
BASE="http://127.0.0.1:$PORT"

echo "== seeding $ITEMS images and $VOTES + $((VOTES / 2)) votes into each app" >&2
for app in "$LEARNING" "$LEAST"; do
  python3 "$HERE/seed.py" "$BASE" "$(app_key "$app" secretKey)" "$(app_key "$app" publishableKey)" "$ORIGIN" "$ITEMS" "$VOTES"
done
curl -fs -X PATCH -H "Authorization: Bearer $(app_key "$LEAST" secretKey)" -H 'Content-Type: application/json' \
  -d '{"deck.order":"least-judged"}' "$BASE/v1/settings" >/dev/null

measure() { # app-json mode log
  local pk; pk=$(app_key "$1" publishableKey)
  MODE="$2" KEY="$pk" ORIGIN="$ORIGIN" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/deck.lua" "$BASE" >/dev/null 2>&1
  MODE="$2" KEY="$pk" ORIGIN="$ORIGIN" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/deck.lua" "$BASE" >"$3" 2>&1
  grep '^RESULT' "$3" | tail -1
}

declare -A RPS P50 P99
for round in $(seq 1 "$ROUNDS"); do
  for mode in binary pair; do
    for order in learning least; do
      app=$LEARNING; [ "$order" = least ] && app=$LEAST
      r=$(measure "$app" "$mode" "$OUT/wrk-$order-$mode-$round.txt")
      [ "$(field "$r" non2xx)" = 0 ] || { echo "non-2xx answers in round $round ($order $mode): $r" >&2; exit 1; }
      echo "round $round $order $mode: $r" >&2
      RPS[$order-$mode]+="$(field "$r" rps) "; P50[$order-$mode]+="$(field "$r" p50) "; P99[$order-$mode]+="$(field "$r" p99) "
    done
  done
done

for mode in binary pair; do
  for order in learning least; do
    k=$order-$mode
    # shellcheck disable=SC2086 # each holds space-separated numbers, one per round
    echo "$k: rps $(m ${RPS[$k]}) (${RPS[$k]% }), p50 $(m ${P50[$k]}) ms, p99 $(m ${P99[$k]}) ms"
  done
  # shellcheck disable=SC2086
  l=$(m ${RPS[learning-$mode]}); b=$(m ${RPS[least-$mode]})
  echo "$mode: learning ÷ least-judged throughput = $(python3 -c "print(round($l / $b, 2))")"
done
