# Helpers the benchmark scripts share; source it: . "$ROOT/bench/lib.sh"

# All load comes from 127.0.0.1, so scripts that load the host raise its per-address and
# per-key rate limits (bench/RESULTS.md names this for every figure).
RAISED_LIMITS=(--limits.address-requests-per-second 10000000 --limits.address-burst 10000000
               --limits.key-requests-per-second 10000000 --limits.key-burst 10000000)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_ready() { # port
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server on port $1 did not come up" >&2; return 1
}

# The value of key=value in a "RESULT k1=v1 k2=v2" line: field "$line" key
field() { sed -E "s/.*[ ]$2=([0-9.]+).*/\1/" <<<"$1"; }

# The median of numbers on stdin, one per line; m does the same for its arguments.
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m() { printf '%s\n' "$@" | median; }

# POSTs COUNT items item-0… (prompts in groups of 4, three models) to the host at BASE with key SK.
push_items() { # base sk count
  local body='{"items":[' i
  for i in $(seq 0 $(($3 - 1))); do
    body+="{\"id\":\"item-$i\",\"imageUrl\":\"https://img.example/$i.png\",\"prompt\":\"p$((i / 4))\",\"model\":\"m$((i % 3))\"}"
    [ "$i" -lt $(($3 - 1)) ] && body+=','
  done
  curl -fs -X POST "$1/v1/items" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$body]}" >/dev/null
}

need_wrk() { command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }; }

# Builds the distribution once, up front, and marks it fresh so ./swipeloop does not rebuild it
# in the middle of a measurement.
build_dist() { (cd "$ROOT" && mvn -q -B -DskipTests package); touch "$ROOT/host-server/target/dist/.built"; }

# An app made with the CLI in $DATA, allowed from $ORIGIN; prints its JSON (app id and keys).
create_app() { "$ROOT/swipeloop" apps create --name "$1" --origin "$ORIGIN" --data "$DATA" 2>/dev/null; }

# One field of that JSON: app_key "$app" secretKey
app_key() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
