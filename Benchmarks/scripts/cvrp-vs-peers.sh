#!/usr/bin/env bash
# CVRP side by side: Hunch, PyVRP (HGS) and OR-Tools on the same X instances at the same wall
# time, one process at a time, in one run (instance by instance, the three solvers in turn).
# Usage: cvrp-vs-peers.sh HUNCH_BIN OUT.jsonl LIMIT INSTANCE…
set -uo pipefail
bin=$1; out=$2; limit=$3; shift 3
: > "$out"
for name in "$@"; do
  file=../shared/instances/cvrp/$name.vrp
  "$bin" solve "$file" --time-limit "$limit" --seed 1 --json --quiet --no-bound \
    | python3 -c 'import sys,json; d=json.load(sys.stdin); print(json.dumps({"solver":"hunch","instance":d["instance"],"objective":d["objective"],"time_s":d["time_s"]}))' >> "$out"
  for solver in pyvrp ortools; do
    python3 ../shared/peers/run.py --solver $solver --problem cvrp --instance "$file" --time-limit "$limit" --seed 1 >> "$out"
  done
done
