#!/usr/bin/env bash
# Export benchmarks (issue #4). Runs, ROUNDS times each and interleaved, in one session:
#   JSONL: VOTES votes (30 % pairs) of 10,000 items, written into the SQLite schema by make_votes.py
#     host    GET /v1/exports/jsonl from a running host at -Xmx64m, after one unmeasured export
#     json    sqlite3 -json over the same rows: every vote joined with its item, or with both items
#             of a pair, the vote and item columns the JSONL carries, ordered by seq (the baseline)
#     lines   sqlite3 printing one json_object() per row, nested like the JSONL (a second reference)
#     cli     swipeloop export --format jsonl at -Xmx64m, JVM start included, on a copy of the data
#   Pick-a-Pic: PAIRS pair votes of IMAGES items, each item with its own ~10 KB PNG uploaded to the host
#     host    GET /v1/exports/pickapic from a running host at -Xmx64m, after one unmeasured export
#     floor   image_floor.py: the same rows' image bytes read from the media store, written to a file
#     cli     swipeloop export --format pickapic at -Xmx64m, on a copy of the data
# and prints the medians, ratios, peak heap and RSS that bench/RESULTS.md records.
# Needs: what the build needs (Java 17, Maven, Node), sqlite3, curl, python3, /usr/bin/time.
# Usage: bench/export/run.sh   (ROUNDS, VOTES, PAIRS, IMAGES override 3, 1000000, 100000, 2000;
#                               KEEP=1 keeps the work directory)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/export"
DIST="$ROOT/host-server/target/dist"
ROUNDS="${ROUNDS:-3}"
VOTES="${VOTES:-1000000}"
ITEMS=10000
PAIRS="${PAIRS:-100000}"
IMAGES="${IMAGES:-2000}"
# Constant memory is part of the claim: the host and the CLI export with this heap.
HEAP="-Xmx64m"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/swipeloop-bench-export.XXXXXX")"
HOST_PID=""

for tool in sqlite3 curl python3 java /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is needed" >&2; exit 1; }
done

# ---- the host ------------------------------------------------------------------------------

# Runs the distribution as ./swipeloop does, minus its staleness check: the build is done once
# below, and a source file edited during the run (work in progress in this checkout) must not
# start a rebuild between two measurements.
DIST_MAIN=(-Dswipeloop.home="$DIST" -cp "$DIST/lib/*" dev.swipeloop.host.Main)

. "$ROOT/bench/lib.sh"

# $1 data dir, $2 GC log, then extra settings. Sets HOST_PID and PORT.
start_host() {
  local data="$1" gclog="$2"
  shift 2
  PORT=$(free_port)
  # exec, so that HOST_PID is the JVM itself and /proc/HOST_PID shows its CPU time and peak RSS.
  (exec java $HEAP -Xlog:gc:file="$gclog" "${DIST_MAIN[@]}" serve --data "$data" --port "$PORT" \
     --bind 127.0.0.1 "$@") >"$WORK/host-$(basename "$data").log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    kill -0 "$HOST_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "run.sh: the host on $data did not come up; its log:" >&2
  cat "$WORK/host-$(basename "$data").log" >&2
  return 1
}

# SIGTERM: the host shuts down gracefully (drains the commit queue, folds what is left).
stop_host() {
  kill "$HOST_PID" 2>/dev/null || true
  wait "$HOST_PID" 2>/dev/null || true
  HOST_PID=""
}

cleanup() {
  [ -z "$HOST_PID" ] || stop_host
  if [ "${KEEP:-0}" = 1 ]; then echo "run.sh: work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The host's own CPU seconds (user + system) so far, and its peak RSS in KiB.
host_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$HOST_PID/stat"; }
host_peak_rss_kb() { awk '/^VmHWM/ {print $2}' "/proc/$HOST_PID/status"; }

# $1 data dir. Creates the app the benchmark exports; sets APP and SK.
create_app() {
  local keys
  keys=$(java "${DIST_MAIN[@]}" apps create --name bench --origin http://localhost --data "$1" 2>/dev/null)
  APP=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["app"])' <<<"$keys")
  SK=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["secretKey"])' <<<"$keys")
}

# ---- measuring -----------------------------------------------------------------------------

# Runs "$@" under /usr/bin/time -v. Sets WALL (seconds, read from the clock around it), CPU (the
# command's user + system seconds) and RSS_KB (its peak resident set).
timed() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -v -o "$WORK/time.txt" "$@"
  end=$(date +%s%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
  CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$WORK/time.txt")
  RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
}

# Before each measurement: the previous output goes, and the page cache writes back what is
# dirty, so no run pays for freeing or flushing another run's gigabyte of output.
fresh() { rm -f "$@"; sync; }

# $1 format, $2 output file. Streams an export from the running host with curl. Sets WALL, HOST_CPU
# (the host's CPU seconds for it) and HOST_MANIFEST (the job's manifest, from the Link header).
host_export() {
  local before link
  fresh "$2"
  before=$(host_cpu)
  timed curl -sf -H "Authorization: Bearer $SK" -D "$WORK/headers.txt" -o "$2" \
    "http://127.0.0.1:$PORT/v1/exports/$1"
  HOST_CPU=$(awk -v a="$before" -v b="$(host_cpu)" 'BEGIN {printf "%.2f", b - a}')
  link=$(tr -d '\r' <"$WORK/headers.txt" | sed -nE 's/^[Ll]ink: <([^>]+)>; rel="manifest".*/\1/p')
  HOST_MANIFEST=$(curl -sf -H "Authorization: Bearer $SK" "http://127.0.0.1:$PORT$link" |
    python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["manifest"]))')
}

# $1 format, $2 data dir, $3 output file. The CLI, a JVM of its own, with a GC log per run
# (gc-cli-FORMAT-*.log). Sets WALL, CPU, RSS_KB and CLI_MANIFEST.
cli_export() {
  fresh "$3" "$3.manifest.json"
  timed java $HEAP -Xlog:gc:file="$WORK/gc-cli-$1-$(date +%s%N).log" "${DIST_MAIN[@]}" export \
    --format "$1" --data "$2" --out "$3" 2>"$WORK/cli-$1.log"
  CLI_MANIFEST=$(cat "$3.manifest.json")
}

manifest_field() { # $1 manifest JSON, $2 python expression on m
  python3 -c "import json,sys; m = json.loads(sys.argv[1]); print($2)" "$1"
}

# From -Xlog:gc logs: the most heap in use before a collection (the peak), the most still in use
# right after one, and the number of collections per log. MiB, as logged. The second is an upper
# bound of the live set: a young collection leaves old and humongous garbage where it is.
gc_peaks() {
  python3 - "$@" <<'PY'
import re, sys
pairs = [(int(a), int(b)) for f in sys.argv[1:]
         for a, b in re.findall(r"(\d+)M->(\d+)M\(\d+M\)", open(f).read())]
print(max(a for a, _ in pairs), max(b for _, b in pairs), len(pairs) // (len(sys.argv) - 1)) if pairs else print(0, 0, 0)
PY
}

largest() { printf '%s\n' "$@" | sort -g | tail -1; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; } # from KiB
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
per_s() { awk -v n="$1" -v s="$2" 'BEGIN {printf "%.0f", n / s}' | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1e6}'; }
size() { stat -c %s "$1"; }

# $1 the host's last output. "yes" when it is the file the CLI's last run wrote: the sha256 of the
# streamed file, and the sha256 of the CLI's file as its manifest records it.
same_output() {
  local host_sha cli_sha
  host_sha=$(sha256sum "$1" | cut -d' ' -f1)
  cli_sha=$(manifest_field "$CLI_MANIFEST" 'm["files"][0]["sha256"]')
  [ "$host_sha" = "$cli_sha" ] && echo "yes" || echo "NO (host $host_sha, CLI $cli_sha)"
}

# ---- JSONL: 1M votes -----------------------------------------------------------------------

# Every vote of the app with its item (binary) or both items (pair: item = left, right_item =
# right), every column the JSONL carries; ids as hex, times as the stored microseconds.
item_columns() { # $1 alias, $2 prefix
  local c out=""
  for c in id image_url prompt negative_prompt model model_version seed params_json pair_group gold; do
    out+=", $1.$c AS $2_$c"
  done
  echo "$out"
}
JOINS="FROM votes v
  LEFT JOIN items i ON v.kind = 'binary' AND i.app_id = v.app_id AND i.id = v.item
  LEFT JOIN items l ON v.kind = 'pair' AND l.app_id = v.app_id AND l.id = v.item
  LEFT JOIN items r ON v.kind = 'pair' AND r.app_id = v.app_id AND r.id = v.right_item"
json_query() { # $1 app
  echo "SELECT v.seq, lower(hex(v.id)) AS id, v.kind, v.answer, v.rater, v.session, v.dwell_ms, v.client_ts,
    v.received_at $(item_columns i item) $(item_columns l left) $(item_columns r right)
  $JOINS WHERE v.app_id = '$1' ORDER BY v.seq"
}
# The same rows as one nested JSON object per line, the JSONL's shape, built by SQLite itself.
item_object() {
  echo "CASE WHEN $1.id IS NULL THEN NULL ELSE json_object('id', $1.id, 'imageUrl', $1.image_url,
    'prompt', $1.prompt, 'negativePrompt', $1.negative_prompt, 'model', $1.model, 'modelVersion',
    $1.model_version, 'seed', $1.seed, 'params', json($1.params_json), 'group', $1.pair_group,
    'gold', $1.gold) END"
}
lines_query() { # $1 app
  echo "SELECT json_object('seq', v.seq, 'id', lower(hex(v.id)), 'kind', v.kind, 'answer', v.answer,
    'rater', v.rater, 'session', v.session, 'dwellMs', v.dwell_ms, 'clientTs', v.client_ts,
    'receivedAt', v.received_at, 'item', $(item_object i), 'left', $(item_object l),
    'right', $(item_object r)) $JOINS WHERE v.app_id = '$1' ORDER BY v.seq"
}

bench_jsonl() {
  local data="$WORK/jsonl" copy="$WORK/jsonl-copy" out="$WORK/out.jsonl" json="$WORK/out.json"
  local lines="$WORK/out-lines.jsonl" cliout="$WORK/cli.jsonl" round query lquery
  local -a host host_cpus json_s json_cpus lines_s lines_cpus cli cli_cpus cli_rss
  echo "== JSONL: $VOTES votes of $ITEMS items" >&2
  create_app "$data"
  python3 "$HERE/make_votes.py" "$data/swipeloop.db" "$APP" --votes "$VOTES" --items "$ITEMS" >&2
  # The CLI gets its own copy of the data, so the host stays up (and warm) between its runs.
  mkdir -p "$copy"
  cp "$data/swipeloop.db" "$copy/"
  start_host "$data" "$WORK/gc-jsonl.log"
  # The host made its rater pseudonym key at start; with the same key the CLI's output must be
  # byte for byte the host's.
  cp "$data/export-pseudonym.key" "$copy/"
  query=$(json_query "$APP")
  lquery=$(lines_query "$APP")

  host_export jsonl "$out" # warm-up: class loading, JIT, page cache; not measured
  echo "warm-up: host ${WALL}s" >&2
  for round in $(seq 1 "$ROUNDS"); do
    host_export jsonl "$out"
    host+=("$WALL"); host_cpus+=("$HOST_CPU")
    fresh "$json"
    timed sqlite3 -json "$data/swipeloop.db" "$query" >"$json"
    json_s+=("$WALL"); json_cpus+=("$CPU")
    fresh "$lines"
    timed sqlite3 -list "$data/swipeloop.db" "$lquery" >"$lines"
    lines_s+=("$WALL"); lines_cpus+=("$CPU")
    cli_export jsonl "$copy" "$cliout"
    cli+=("$WALL"); cli_cpus+=("$CPU"); cli_rss+=("$RSS_KB")
    echo "round $round/$ROUNDS: host ${host[-1]}s (host CPU ${HOST_CPU}s) | sqlite3 -json ${json_s[-1]}s |" \
      "sqlite3 json_object ${lines_s[-1]}s | cli ${cli[-1]}s" >&2
  done

  # Sanity: every vote is a line, lines parse, the host and the CLI wrote the same bytes.
  [ "$(wc -l <"$out")" -eq "$VOTES" ] || { echo "run.sh: $out has $(wc -l <"$out") lines, not $VOTES" >&2; exit 1; }
  [ "$(wc -l <"$json")" -eq "$VOTES" ] || { echo "run.sh: $json has $(wc -l <"$json") rows, not $VOTES" >&2; exit 1; }
  sed -n "1p;$((VOTES / 2))p;\$p" "$out" | python3 -c '
import json, sys
for line in sys.stdin:
    row = json.loads(line)
    assert row["kind"] in ("binary", "pair") and (row["item"] or (row["left"] and row["right"])), row
print("jsonl lines parse", file=sys.stderr)'
  local same
  same=$(same_output "$out")
  echo "host and CLI output identical: $same" >&2

  local rss gc cli_gc
  rss=$(host_peak_rss_kb)
  stop_host
  read -r -a gc <<<"$(gc_peaks "$WORK/gc-jsonl.log")"
  read -r -a cli_gc <<<"$(gc_peaks "$WORK"/gc-cli-jsonl-*.log)"

  local h j l c
  h=$(m "${host[@]}"); j=$(m "${json_s[@]}"); l=$(m "${lines_s[@]}"); c=$(m "${cli[@]}")
  JSONL_TABLE=$(cat <<TABLE
| JSONL, $VOTES votes (median of $ROUNDS) | wall | rows/s | output | notes |
|---|---|---|---|---|
| (a) host, GET /v1/exports/jsonl (curl) | **${h} s** (runs ${host[*]}) | $(per_s "$VOTES" "$h") | $(mb "$(size "$out")") MB | host CPU $(m "${host_cpus[@]}") s; peak heap ${gc[0]} MiB before GC, ≤ ${gc[1]} MiB after GC, ${gc[2]} GCs in the host's life; host peak RSS $(mib "$rss") MiB |
| (b) sqlite3 -json, same rows joined | ${j} s (runs ${json_s[*]}) | $(per_s "$VOTES" "$j") | $(mb "$(size "$json")") MB | CPU $(m "${json_cpus[@]}") s |
| (b') sqlite3 json_object() per row, JSONL shape | ${l} s (runs ${lines_s[*]}) | $(per_s "$VOTES" "$l") | $(mb "$(size "$lines")") MB | CPU $(m "${lines_cpus[@]}") s; a second reference |
| (c) CLI swipeloop export, copy of the data | ${c} s (runs ${cli[*]}) | $(per_s "$VOTES" "$c") | $(mb "$(size "$cliout")") MB | CPU $(m "${cli_cpus[@]}") s; peak heap ${cli_gc[0]} MiB before GC, ≤ ${cli_gc[1]} MiB after GC (all runs); peak RSS $(mib "$(largest "${cli_rss[@]}")") MiB |
| **(a) / (b)** | **$(ratio "$h" "$j")** | | | target ≤ 1.5 |
| (c) / (b) | $(ratio "$c" "$j") | | | |
| (a) / (b') | $(ratio "$h" "$l") | | | |

JSONL checks: $VOTES lines, first/middle/last parse; sqlite3 -json $VOTES rows; host and CLI output identical: $same
TABLE
)
  rm -rf "$data" "$copy" "$out" "$json" "$lines" "$cliout"
}

# ---- Pick-a-Pic: 100k pairs with ~10 KB images --------------------------------------------

bench_pickapic() {
  local data="$WORK/pickapic" copy="$WORK/pickapic-copy" out="$WORK/out.parquet"
  local floor="$WORK/floor.bin" cliout="$WORK/cli.parquet" round rows floor_rows bytes
  local -a host host_cpus floor_s cli cli_cpus cli_rss
  echo "== Pick-a-Pic: $PAIRS pair votes of $IMAGES items, one ~10 KB PNG each" >&2
  create_app "$data"
  # ~2,000 uploads in a few seconds from one address: the per-address limits are raised on this
  # host only, which uploads and is then stopped; the measured host keeps every default.
  start_host "$data" "$WORK/gc-upload.log" \
    --limits.address-requests-per-second 10000000 --limits.address-burst 10000000
  python3 "$HERE/make_images.py" "http://127.0.0.1:$PORT" "$SK" --count "$IMAGES" >"$WORK/urls.txt"
  stop_host
  python3 "$HERE/make_votes.py" "$data/swipeloop.db" "$APP" --votes "$PAIRS" --items "$IMAGES" \
    --pair-share 1.0 --image-urls "$WORK/urls.txt" >&2
  cp -a "$data" "$copy"
  start_host "$data" "$WORK/gc-pickapic.log"
  cp "$data/export-pseudonym.key" "$copy/"

  host_export pickapic "$out" # warm-up, not measured
  echo "warm-up: host ${WALL}s" >&2
  for round in $(seq 1 "$ROUNDS"); do
    host_export pickapic "$out"
    host+=("$WALL"); host_cpus+=("$HOST_CPU")
    rows=$(manifest_field "$HOST_MANIFEST" 'm["rows"]')
    fresh "$floor"
    timed python3 "$HERE/image_floor.py" "$data/swipeloop.db" "$APP" "$data/media" "$floor" >"$WORK/floor.txt"
    floor_s+=("$WALL")
    read -r floor_rows bytes <"$WORK/floor.txt"
    cli_export pickapic "$copy" "$cliout"
    cli+=("$WALL"); cli_cpus+=("$CPU"); cli_rss+=("$RSS_KB")
    echo "round $round/$ROUNDS: host ${host[-1]}s ($rows rows, host CPU ${HOST_CPU}s) |" \
      "floor ${floor_s[-1]}s ($floor_rows rows) | cli ${cli[-1]}s" >&2
  done

  # Sanity: a Parquet file starts and ends with PAR1; the floor read the rows the export wrote.
  local magic cli_rows same
  for f in "$out" "$cliout"; do
    magic="$(head -c 4 "$f")$(tail -c 4 "$f")"
    [ "$magic" = "PAR1PAR1" ] || { echo "run.sh: $f does not start and end with PAR1" >&2; exit 1; }
  done
  cli_rows=$(manifest_field "$CLI_MANIFEST" 'm["rows"]')
  [ "$rows" = "$floor_rows" ] && [ "$rows" = "$cli_rows" ] ||
    { echo "run.sh: rows differ: host $rows, floor $floor_rows, CLI $cli_rows" >&2; exit 1; }
  same=$(same_output "$out")
  echo "host and CLI output identical: $same" >&2

  local rss gc cli_gc
  rss=$(host_peak_rss_kb)
  stop_host
  read -r -a gc <<<"$(gc_peaks "$WORK/gc-pickapic.log")"
  read -r -a cli_gc <<<"$(gc_peaks "$WORK"/gc-cli-pickapic-*.log)"

  local h f c out_bytes
  h=$(m "${host[@]}"); f=$(m "${floor_s[@]}"); c=$(m "${cli[@]}"); out_bytes=$(size "$out")
  PICKAPIC_TABLE=$(cat <<TABLE
| Pick-a-Pic, $PAIRS pair votes → $rows rows (median of $ROUNDS) | wall | rows/s | MB/s | output | notes |
|---|---|---|---|---|---|
| (a) host, GET /v1/exports/pickapic (curl) | **${h} s** (runs ${host[*]}) | $(per_s "$rows" "$h") | $(mb "$(awk -v b="$out_bytes" -v s="$h" 'BEGIN {print b / s}')") | $(mb "$out_bytes") MB | host CPU $(m "${host_cpus[@]}") s; peak heap ${gc[0]} MiB before GC, ≤ ${gc[1]} MiB after GC, ${gc[2]} GCs in the host's life; host peak RSS $(mib "$rss") MiB |
| (f) floor: same image bytes read from the media store, written to a file (python3) | ${f} s (runs ${floor_s[*]}) | $(per_s "$rows" "$f") | $(mb "$(awk -v b="$bytes" -v s="$f" 'BEGIN {print b / s}')") | $(mb "$bytes") MB | |
| (c) CLI swipeloop export, copy of the data | ${c} s (runs ${cli[*]}) | $(per_s "$rows" "$c") | $(mb "$(awk -v b="$(size "$cliout")" -v s="$c" 'BEGIN {print b / s}')") | $(mb "$(size "$cliout")") MB | CPU $(m "${cli_cpus[@]}") s; peak heap ${cli_gc[0]} MiB before GC, ≤ ${cli_gc[1]} MiB after GC (all runs); peak RSS $(mib "$(largest "${cli_rss[@]}")") MiB |
| **(a) / floor** | **$(ratio "$h" "$f")** | | | | |
| (c) / floor | $(ratio "$c" "$f") | | | | |

Pick-a-Pic checks: PAR1 at both ends of both files; rows host = floor = CLI = $rows; host and CLI output identical: $same
TABLE
)
  rm -rf "$data" "$copy" "$out" "$floor" "$cliout"
}

# ---- main ----------------------------------------------------------------------------------

# Builds host-server/target/dist when missing or stale; nothing else calls ./swipeloop after this.
"$ROOT/swipeloop" --help >/dev/null
echo "work directory: $WORK; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
bench_jsonl
bench_pickapic
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '%s\n\n%s\n' "$JSONL_TABLE" "$PICKAPIC_TABLE"
