#!/usr/bin/env bash
# Ranking benchmark (issue #5). Runs RankingBenchmark RUNS times, each in a fresh JVM under
# /usr/bin/time -v, on ITEMS items and VOTES simulated pairwise votes (seeded, the same data each run):
#   measured  BradleyTerry.fit + BradleyTerry.bootstrap with ROUNDS rounds on THREADS threads
#   baseline  one fit from scratch (median of three, after the measured part) × (ROUNDS + 1):
#             refitting every resample from zero with the same solver
# and prints the medians, the ratio and the peak RSS that bench/RESULTS.md records.
# Needs: Java 17, Maven (the first time, or after the scoring code changed), /usr/bin/time.
# Usage: bench/ranking/run.sh   (RUNS, ITEMS, VOTES, ROUNDS, THREADS override 3, 1000, 1000000, 100, 2)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/ranking"
RUNS="${RUNS:-3}"
ITEMS="${ITEMS:-1000}"
VOTES="${VOTES:-1000000}"
ROUNDS="${ROUNDS:-100}"
THREADS="${THREADS:-2}"
HEAP="-Xmx256m"
OUT="$ROOT/bench/out/ranking"
CP="$HERE/target/classes:$HERE/target/lib/*"
BUILT="$HERE/target/.built"

command -v /usr/bin/time >/dev/null || { echo "run.sh: /usr/bin/time is needed (apt-get install -y time)" >&2; exit 1; }
mkdir -p "$OUT"

# Build when nothing is built yet, or the scoring code, the benchmark or a pom changed since.
if [ ! -f "$BUILT" ] || [ -n "$(find "$ROOT/host-server/src/main/java/dev/swipeloop/host/scoring" "$HERE/src" \
     "$HERE/pom.xml" "$ROOT/host-server/pom.xml" "$ROOT/pom.xml" -newer "$BUILT" -print -quit)" ]; then
  echo "== building bench/ranking" >&2
  (cd "$ROOT" && mvn -B -q -pl bench/ranking -am package -DskipTests)
  touch "$BUILT"
fi

. "$ROOT/bench/lib.sh"
# /usr/bin/time -v prints the wall time as h:mm:ss or m:ss.ss.
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$1"; }

declare -a TOTAL FIT BOOT BASE WALL RSS
for run in $(seq 1 "$RUNS"); do
  log="$OUT/run-$run.txt"
  /usr/bin/time -v java $HEAP -cp "$CP" dev.swipeloop.bench.RankingBenchmark "$ITEMS" "$VOTES" "$ROUNDS" "$THREADS" \
    >"$log" 2>"$OUT/time-$run.txt"
  r=$(grep '^RESULT' "$log")
  echo "run $run: $r" >&2
  TOTAL+=("$(field "$r" total_ms)"); FIT+=("$(field "$r" fit_ms)"); BOOT+=("$(field "$r" bootstrap_ms)")
  BASE+=("$(field "$r" baseline_ms)")
  WALL+=("$(seconds "$(sed -nE 's/.*Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): //p' "$OUT/time-$run.txt")")")
  RSS+=("$(sed -nE 's/.*Maximum resident set size \(kbytes\): //p' "$OUT/time-$run.txt")")
done

total=$(m "${TOTAL[@]}"); base=$(m "${BASE[@]}")
cat <<REPORT
| figure (median of $RUNS runs; $ITEMS items, $VOTES votes, $ROUNDS rounds, $THREADS threads) | value |
|---|---|
| fit + bootstrap ($ROUNDS rounds) | **$(awk -v t="$total" 'BEGIN {printf "%.2f", t / 1000}') s** (runs $(printf '%s ' "${TOTAL[@]}")ms) |
| of which the fit | $(m "${FIT[@]}") ms |
| of which the bootstrap | $(m "${BOOT[@]}") ms |
| baseline: one fit from scratch × $((ROUNDS + 1)) | $(awk -v b="$base" 'BEGIN {printf "%.2f", b / 1000}') s (runs $(printf '%s ' "${BASE[@]}")ms) |
| **(fit + bootstrap) ÷ baseline** | **$(awk -v a="$total" -v b="$base" 'BEGIN {printf "%.3f", a / b}')** |
| process wall time (JVM start and data generation included) | $(m "${WALL[@]}") s |
| peak RSS | $(awk -v k="$(m "${RSS[@]}")" 'BEGIN {printf "%.0f", k / 1024}') MiB |
REPORT
