#!/usr/bin/env bash
# PostgreSQL append benchmark (issue #7). For each batch size, ROUNDS times, in one session:
#   append  the storage-postgres plugin's StorageBackend.appendVotes, BATCH votes per durable
#           transaction (what the host's group commit does)
#   copy    COPY of the same rows into the same table of a schema the same migrations built,
#           BATCH rows per COPY and commit; and all rows in one COPY (PostgreSQL's ceiling)
# and prints the medians and the ratio append ÷ copy that bench/RESULTS.md records.
# Needs: Java 17, Maven, a PostgreSQL the user may create schemas in (default: the local test
# database). Usage: bench/postgres/run.sh   (JDBC_URL, VOTES, BATCHES, ROUNDS override)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JDBC_URL="${JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
VOTES="${VOTES:-200000}"
BATCHES="${BATCHES:-100 1000}"
ROUNDS="${ROUNDS:-3}"
OUT="$ROOT/bench/out/postgres"
CP="$ROOT/bench/postgres/target/classes:$ROOT/bench/postgres/target/lib/*"
. "$ROOT/bench/lib.sh"

mkdir -p "$OUT"
(cd "$ROOT" && mvn -q -B -pl bench/postgres -am package -DskipTests)

for batch in $BATCHES; do
  declare -a APPEND=() COPY=() ONE_TX=() RATIO=() WAL=() DISK=()
  for round in $(seq 1 "$ROUNDS"); do
    r=$(java -Xmx1g -cp "$CP" dev.swipeloop.bench.AppendVersusCopy "$JDBC_URL" "$VOTES" "$batch" "$round" \
          2>"$OUT/round-$batch-$round.log" | grep '^RESULT')
    echo "batch $batch, round $round/$ROUNDS: $r" >&2
    APPEND+=("$(field "$r" append_rows_per_sec)"); COPY+=("$(field "$r" copy_rows_per_sec)")
    ONE_TX+=("$(field "$r" copy_one_tx_rows_per_sec)"); RATIO+=("$(field "$r" ratio)")
    WAL+=("$(field "$r" wal_bytes_per_vote)"); DISK+=("$(field "$r" disk_bytes_per_vote)")
  done
  echo "batch=$batch append_rows_per_sec=$(m "${APPEND[@]}") copy_rows_per_sec=$(m "${COPY[@]}")" \
       "copy_one_tx_rows_per_sec=$(m "${ONE_TX[@]}") median_ratio=$(m "${RATIO[@]}")" \
       "wal_bytes_per_vote=$(m "${WAL[@]}") disk_bytes_per_vote=$(m "${DISK[@]}")" \
       "(append runs: ${APPEND[*]}; copy runs: ${COPY[*]}; ratios: ${RATIO[*]})"
done
