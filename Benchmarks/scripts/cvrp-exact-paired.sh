#!/usr/bin/env bash
# GLPK exact, two binaries paired: every CVRP instance of the shared set with at most 40 nodes,
# 60 s each, the two binaries one after the other per instance, one process at a time.
# Usage: cvrp-exact-paired.sh OLD_BIN NEW_BIN OUT.jsonl
set -uo pipefail
old=$1; new=$2; out=$3; : > "$out"
cd "$(dirname "$0")/../.."
for name in $(grep "^cvrp," ../shared/instances/MANIFEST.csv | awk -F, '$4<=40 {print $2}'); do
  for arm in old new; do
    bin=$old; [ $arm = new ] && bin=$new
    "$bin" exact "../shared/instances/cvrp/$name.vrp" --time-limit 60 --json \
      | python3 -c 'import sys,json; d=json.load(sys.stdin); print(json.dumps({"arm":sys.argv[1],"instance":d["instance"].split("/")[-1],"status":d["status"],"objective":d.get("objective"),"bound":d.get("bound"),"time_s":d.get("time_s")}))' "$arm" >> "$out" || true
  done
done
