#!/bin/bash
# Issue 17: container loading against BSG, paired and one process at a time.
#
#   Benchmarks/scripts/packing3d-bsg-paired.sh BASE_BIN NEW_BIN OUT.jsonl [SECONDS] [SUPPORT] [PROBLEMS]
#
# For problems 1..PROBLEMS (default 2) of BR1..BR15 (instances in ../shared/instances/packing3d),
# runs `BASE_BIN solve FILE#K --time-limit SECONDS --seed 1 --json` and then the same with
# NEW_BIN (base and new alternate per problem, so that load on the shared machine hits both
# alike), and appends one JSON line per run to OUT.jsonl: {"arm", "record"} with the solution
# dropped. BASE_BIN "-" skips the base arm. SUPPORT (full|none, default full) is passed to NEW_BIN
# as --support when it is none (the base binary has no such option and always runs full support).
# Summarise with Benchmarks/scripts/packing3d-bsg-summary.py OUT.jsonl.
set -u
BASE=$1; NEW=$2; OUT=$3; T=${4:-30}; SUPPORT=${5:-full}; PROBLEMS=${6:-2}
DIR=${INSTANCES:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/instances/packing3d}
extra=()
[ "$SUPPORT" = none ] && extra=(--support none)
run() { # arm binary file args...
  local arm=$1 bin=$2 file=$3; shift 3
  "$bin" solve "$file" --time-limit "$T" --seed 1 --json "$@" 2>/dev/null |
    python3 -c "import json,sys; r=json.load(sys.stdin); r.pop('solution',None); print(json.dumps({'arm':'$arm','record':r}))" >> "$OUT" ||
    echo "{\"arm\":\"$arm\",\"failed\":\"$file\"}" >> "$OUT"
}
for c in $(seq 1 15); do
  for k in $(seq 1 "$PROBLEMS"); do
    f="$DIR/BR$c.txt#$k"
    [ "$BASE" != "-" ] && run base "$BASE" "$f"
    run new "$NEW" "$f" "${extra[@]}"
  done
done
