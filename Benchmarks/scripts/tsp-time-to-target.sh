#!/usr/bin/env bash
# Time to target (issue 16): when Hunch and LKH-3 first come within 1 % and 0.1 % of the optimum
# and reach it, on the same TSPLIB files, one process at a time.
# Hunch: one run of LIMIT seconds; `details.time_to_target_s` holds the wall times since the
# command started. LKH (elkai through ../shared/peers/run.py) reports only its final tour, so it
# runs at each cap of CAPS and a level's time is the wall time (`time_s`, preprocessing
# included) of the smallest cap whose tour meets it: an upper bound at that resolution.
# Usage: tsp-time-to-target.sh HUNCH_BIN OUT.jsonl [LIMIT] ; CAPS="1 2 5 10" SEED=1 by default,
#        INSTANCES="a280 …" to choose the files (default: issue 16's 22).
# Summary: python3 Benchmarks/scripts/tsp-time-to-target-summary.py OUT.jsonl
set -uo pipefail
bin=$1; out=$2; limit=${3:-10}; seed=${SEED:-1}
caps=(${CAPS:-1 2 5 10})
cd "$(dirname "$0")/../.."
shared=../shared/instances
instances=(${INSTANCES:-a280 lin318 pr439 pcb442 d493 att532 ali535 u574 rat575 p654 d657 u724 rat783 pr1002 u1060
           pcb1173 d1291 nrw1379 fl1577 d2103 pr2392 pcb3038})
: > "$out"
for name in "${instances[@]}"; do
  file=$shared/tsp/$name.tsp
  optimum=$(awk -F, -v n="$name" '$1 == "tsp" && $2 == n { print $5 }' $shared/MANIFEST.csv)
  "$bin" solve "$file" --time-limit "$limit" --seed "$seed" --json --quiet | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps({"solver": "hunch", "name": sys.argv[1], "optimum": int(sys.argv[2]), "objective": d["objective"],
                  "time_s": d["time_s"], "time_to_target_s": d["details"].get("time_to_target_s")}))' "$name" "$optimum" >> "$out"
  for cap in "${caps[@]}"; do
    python3 ../shared/peers/run.py --solver lkh --problem tsp --instance "$file" --time-limit "$cap" --seed "$seed" | tail -1 | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps({"solver": "lkh", "name": sys.argv[1], "optimum": int(sys.argv[2]), "cap": float(sys.argv[3]),
                  "objective": d.get("objective"), "time_s": d.get("time_s")}))' "$name" "$optimum" "$cap" >> "$out"
  done
done
