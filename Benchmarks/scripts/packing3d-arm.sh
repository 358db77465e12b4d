#!/bin/bash
# Issue 17: one arm of a 3D experiment, one process at a time.
#
#   Benchmarks/scripts/packing3d-arm.sh BIN LABEL SECONDS PROBLEMS SUPPORT OUT.jsonl [NAME=value ...]
#
# For problems 1..PROBLEMS (from $FIRST instead of 1, when set) of BR1..BR15
# (../shared/instances/packing3d, or $INSTANCES; the classes in $CLASSES, e.g. CLASSES="1 2 3",
# when set), runs
# `BIN solve FILE#K --time-limit SECONDS --seed 1 --json --support SUPPORT` with the environment
# settings NAME=value (an experiment binary's switches) and appends {"arm": LABEL, "record"} per
# run to OUT.jsonl, the solution dropped. Two arms started side by side take a core each.
# Compare arms with Benchmarks/scripts/packing3d-arms-compare.py OUT.jsonl [MORE.jsonl ...].
set -u
BIN=$1; LABEL=$2; T=$3; P=$4; S=$5; OUT=$6; shift 6
DIR=${INSTANCES:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/instances/packing3d}
for c in ${CLASSES:-$(seq 1 15)}; do
  for k in $(seq "${FIRST:-1}" "$P"); do
    env "$@" "$BIN" solve "$DIR/BR$c.txt#$k" --time-limit "$T" --seed 1 --json --support "$S" 2>/dev/null |
      python3 -c "import json,sys; r=json.load(sys.stdin); r.pop('solution',None); print(json.dumps({'arm':'$LABEL','record':r}))" >> "$OUT" ||
      echo "{\"arm\":\"$LABEL\",\"failed\":\"BR$c#$k\"}" >> "$OUT"
  done
done
