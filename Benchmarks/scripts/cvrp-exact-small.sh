#!/usr/bin/env bash
# GLPK exact on every CVRP instance of the shared set with at most 40 nodes, 60 s each, one at a
# time. Usage: cvrp-exact-small.sh HUNCH_BIN OUT.jsonl
set -uo pipefail
bin=$1; out=$2; : > "$out"
cd "$(dirname "$0")/../.."
for name in $(grep "^cvrp," ../shared/instances/MANIFEST.csv | awk -F, '$4<=40 {print $2}'); do
  "$bin" exact "../shared/instances/cvrp/$name.vrp" --time-limit 60 --json >> "$out" || true
done
