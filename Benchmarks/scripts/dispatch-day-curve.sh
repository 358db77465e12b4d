#!/usr/bin/env bash
# The objective of a dispatch day at growing time limits (same seed), one run after another:
# when the first plan comes, and how soon it is within 2 % of the longest run's.
# Usage: dispatch-day-curve.sh HUNCH_BIN DAY.json OUT.jsonl [LIMIT…]
set -uo pipefail
bin=$1; day=$2; out=$3; shift 3
limits=${*:-0.5 1 2 5 10 20 60}
: > "$out"
for limit in $limits; do
  "$bin" solve "$day" --time-limit "$limit" --seed 1 --json --quiet \
    | python3 -c 'import sys,json; d=json.load(sys.stdin); s=d["details"]; print(json.dumps({"limit":float(sys.argv[1]),"objective":d["objective"],"initial":d.get("initial_objective"),"time_s":d["time_s"],"vehicles":s["vehicles"],"unassigned":s["unassigned"],"unassigned_mandatory":s["unassigned_mandatory"],"steps":d.get("steps")}))' "$limit" >> "$out"
done
