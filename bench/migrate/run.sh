#!/usr/bin/env bash
# Migration benchmark (issue #7): how fast `swipeloop migrate` copies a SQLite data directory
# into PostgreSQL, and checks the copy. One app with VOTES votes (30 % pairs) of 10,000 items,
# written into the SQLite schema by bench/export/make_votes.py, is copied ROUNDS times, each into
# a fresh schema of the test database, then once into a fresh SQLite directory for comparison.
# Prints the rows per second of the copy and of the check (both sides read back) that
# docs/migrating.md records, from the tool's own summary lines.
# Needs: what the build needs (Java 17, Maven, Node), python3, psql, and PostgreSQL at PGURL.
# Usage: bench/migrate/run.sh   (ROUNDS, VOTES, PGURL override 3, 1000000,
#                                jdbc:postgresql://127.0.0.1:5432/test; KEEP=1 keeps the work directory)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIST="$ROOT/host-server/target/dist"
ROUNDS="${ROUNDS:-3}"
VOTES="${VOTES:-1000000}"
ITEMS=10000
PGURL="${PGURL:-jdbc:postgresql://127.0.0.1:5432/test}"
SCHEMA=bench_migrate
WORK="$(mktemp -d "${TMPDIR:-/tmp}/swipeloop-bench-migrate.XXXXXX")"
DATA="$WORK/data"
ORIGIN="https://bench.example"

for tool in python3 psql java; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is needed" >&2; exit 1; }
done
. "$ROOT/bench/lib.sh"

psql_test() { psql -q -h 127.0.0.1 -U postgres test -c "$1"; }
cleanup() {
  psql_test "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" || true
  [ "${KEEP:-0}" = 1 ] && echo "work directory kept: $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

# Runs the distribution as ./swipeloop does, minus its staleness check (the build is done once).
swipeloop() { java -Dswipeloop.home="$DIST" -cp "$DIST/lib/*" dev.swipeloop.host.Main "$@"; }

build_dist
APP=$(app_key "$(create_app bench)" app)
python3 "$ROOT/bench/export/make_votes.py" "$DATA/swipeloop.db" "$APP" --votes "$VOTES" --items "$ITEMS" >&2

# "swipeloop: copied 1,010,003 rows in 41.2 s (24,515 rows/s)" → 24515 (the progress lines above it say "rows copied")
rate_of() { grep -E "^swipeloop: $1 " "$2" | sed -E 's/.*\(([0-9,]+) rows\/s\).*/\1/' | tr -d ,; }

copies=(); checks=()
for round in $(seq 1 "$ROUNDS"); do
  psql_test "DROP SCHEMA IF EXISTS $SCHEMA CASCADE"
  swipeloop migrate --from "sqlite:$DATA" --to "postgres:$PGURL" --to-schema "$SCHEMA" \
    >"$WORK/report-$round.txt" 2>"$WORK/migrate-$round.log"
  copies+=("$(rate_of copied "$WORK/migrate-$round.log")")
  checks+=("$(rate_of checked "$WORK/migrate-$round.log")")
  echo "round $round: copy ${copies[-1]} rows/s, check ${checks[-1]} rows/s" >&2
done
swipeloop migrate --from "sqlite:$DATA" --to "sqlite:$WORK/copy" >/dev/null 2>"$WORK/migrate-sqlite.log"

cat "$WORK/report-1.txt"
echo "RESULT votes=$VOTES items=$ITEMS copy_rows_per_s=$(m "${copies[@]}") check_rows_per_s=$(m "${checks[@]}")" \
  "sqlite_copy_rows_per_s=$(rate_of copied "$WORK/migrate-sqlite.log")" \
  "sqlite_check_rows_per_s=$(rate_of checked "$WORK/migrate-sqlite.log")"
