#!/usr/bin/env bash
# The array tour against the two-level list (issue 16, item 3), paired, one process at a time:
#   tsp-tour-representation.sh BIN > OUT.txt
# For each instance — pla7397, rl11849 (TSPLIB) and random uniform ones of 20,000, 50,000 and
# 100,000 nodes from `BIN generate tsp --size N --seed 1` — runs
# `HUNCH_TSP_TOUR=array|linked BIN solve FILE --time-limit ${T:-15} --seed 1 --json` (the order
# alternating per instance) and prints "name tour steps objective gap_%" (gap only where the
# manifest knows the optimum). The search's defaults apply: 5-opt up to 8,000 nodes, Or-3opt above.
set -uo pipefail
bin=$1
shared=$(cd "$(dirname "$0")/../../.." && pwd)/shared/instances
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=("$shared/tsp/pla7397.tsp" "$shared/tsp/rl11849.tsp")
for n in 20000 50000 100000; do
  "$bin" generate tsp --size "$n" --seed 1 --out "$work/u$n.tsp" >/dev/null
  files+=("$work/u$n.tsp")
done
i=0
for file in "${files[@]}"; do
  order=(array linked); (( i % 2 == 1 )) && order=(linked array)
  for tour in "${order[@]}"; do
    HUNCH_TSP_TOUR=$tour "$bin" solve "$file" --time-limit "${T:-15}" --seed 1 --json --quiet |
      python3 -c "import json, sys; r = json.load(sys.stdin)
gap = '-' if r.get('gap') is None else round(100 * r['gap'], 3)
print('$(basename "$file" .tsp)', '$tour', r['steps'], r['objective'], gap)"
  done
  i=$((i + 1))
done
