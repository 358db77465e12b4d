#!/usr/bin/env bash
# Hunch and PyVRP side by side on the 95 CVRPLIB A, B, E, F, M, P instances, one process at a
# time, Hunch then PyVRP per instance, same limit and seed. One JSON line per run in OUT.
# Usage: cvrp-abefmp-vs-pyvrp.sh HUNCH_BIN OUT.jsonl [LIMIT] [HUNCH_OPTIONS…]
set -uo pipefail
bin=$1; out=$2; limit=${3:-10}; shift 3 || true
cd "$(dirname "$0")/../.."
: > "$out"
for file in $(grep "^cvrp," ../shared/instances/MANIFEST.csv | grep -v "^cvrp,X-" | cut -d, -f3); do
  name=$(basename "$file" .vrp)
  known=$(grep "^cvrp,$name," ../shared/instances/MANIFEST.csv | cut -d, -f5)
  "$bin" solve "../shared/instances/$file" --time-limit "$limit" --seed 1 --json --quiet --no-bound "$@" \
    | python3 -c 'import sys,json; d=json.load(sys.stdin); print(json.dumps({"solver":"hunch","name":sys.argv[1],"known":float(sys.argv[2]),"objective":d["objective"],"time_s":d["time_s"]}))' "$name" "$known" >> "$out"
  python3 ../shared/peers/run.py --solver pyvrp --problem cvrp --instance "../shared/instances/$file" --time-limit "$limit" --seed 1 2>/dev/null | tail -1 \
    | python3 -c 'import sys,json; d=json.load(sys.stdin); print(json.dumps({"solver":"pyvrp","name":sys.argv[1],"known":float(sys.argv[2]),"objective":d.get("objective"),"time_s":d.get("time_s"),"status":d.get("status")}))' "$name" "$known" >> "$out"
done
