#!/usr/bin/env bash
# The CVRP LP bound (two-index LP with rounded capacity cuts, at most 5 s) against the cheap
# bound and the known optimum, on every instance of the shared A, B, E, F, M, P sets with at most
# 120 nodes. Each instance is solved under another name (so no known optimum stops the bound),
# with no search; the cheap bound is what a 0.02 s limit leaves (no time for an LP). Usage: cvrp-lp-bound.sh HUNCH_BIN OUT.jsonl
set -uo pipefail
bin=$1; out=$2; : > "$out"
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
for name in $(grep "^cvrp," ../shared/instances/MANIFEST.csv | awk -F, '$4<=120 && $2 !~ /^X-/ {print $2}'); do
  sed "s/^NAME.*/NAME : anonymous-$name/" "../shared/instances/cvrp/$name.vrp" > "$tmp/$name.vrp"
  lp=$("$bin" solve "$tmp/$name.vrp" --max-steps 0 --time-limit 40 --json --quiet 2>/dev/null | python3 -c 'import sys,json; print(json.load(sys.stdin).get("bound"))')
  cheap=$("$bin" solve "$tmp/$name.vrp" --max-steps 0 --time-limit 0.02 --json --quiet 2>/dev/null | python3 -c 'import sys,json; print(json.load(sys.stdin).get("bound"))')
  lp=${lp:-null}; cheap=${cheap:-null}
  known=$(grep "^cvrp,$name," ../shared/instances/MANIFEST.csv | cut -d, -f5)
  echo "{\"instance\": \"$name\", \"lp\": $lp, \"cheap\": $cheap, \"known\": $known}" >> "$out"
done
rm -rf "$tmp"
