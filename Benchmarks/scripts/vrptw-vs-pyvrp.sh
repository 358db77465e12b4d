#!/usr/bin/env bash
# VRPTW side by side: Hunch and PyVRP (HGS) on the same instances at the same wall time, one
# process at a time, in one run (instance by instance, the two in turn), DIMACS convention.
# Usage: vrptw-vs-pyvrp.sh HUNCH_BIN OUT.jsonl LIMIT FILE…
set -uo pipefail
bin=$1; out=$2; limit=$3; shift 3
: > "$out"
for file in "$@"; do
  "$bin" solve "$file" --time-limit "$limit" --seed 1 --json --quiet --no-bound \
    | python3 -c 'import sys,json; d=json.load(sys.stdin); print(json.dumps({"solver":"hunch","instance":d["instance"].split("/")[-1],"objective":d["objective"],"vehicles":d["details"]["vehicles"],"time_s":d["time_s"]}))' >> "$out"
  python3 Benchmarks/peers/pyvrp_vrptw.py --instance "$file" --time-limit "$limit" --seed 1 >> "$out"
done
