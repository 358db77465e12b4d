#!/usr/bin/env bash
# TSP at LKH's level (issue 16): the build before and after, the new build with α-nearness
# candidates off (HUNCH_TSP_CANDIDATES=nearest) and with the Or-3opt descent off
# (HUNCH_TSP_DESCENT=classic) or with the Or-3opt chain instead of the 5-opt move
# (HUNCH_TSP_DESCENT=or3opt), and LKH-3 (elkai, ../shared/peers/run.py), on the same TSPLIB
# files at the same wall time, one process at a time, the arms' order alternating per instance.
# One JSON line per run in OUT (label, name, objective, known_optimum, time_s, steps).
# Usage: tsp-vs-lkh.sh OLD_BIN NEW_BIN OUT.jsonl [LIMIT]; ARMS="old new nearest classic lkh" (or or3opt) and SEED=1 by default;
# INSTANCES="fnl4461 rl5915 rl11849" replaces the 22 instances of issue 16.
# Summary: python3 Benchmarks/scripts/tsp-vs-lkh-summary.py OUT.jsonl
set -uo pipefail
old=$1; new=$2; out=$3; limit=${4:-10}; seed=${SEED:-1}
arms=(${ARMS:-old new nearest classic lkh})
cd "$(dirname "$0")/../.."
shared=../shared/instances
default_instances="a280 lin318 pr439 pcb442 d493 att532 ali535 u574 rat575 p654 d657 u724 rat783 pr1002 u1060
  pcb1173 d1291 nrw1379 fl1577 d2103 pr2392 pcb3038"
instances=(${INSTANCES:-$default_instances})
: > "$out"
record() {  # label name optimum < solver JSON
  python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps({"label": sys.argv[1], "name": sys.argv[2], "seed": int(sys.argv[4]), "objective": d.get("objective"),
                  "known_optimum": int(sys.argv[3]), "time_s": d.get("time_s"), "steps": d.get("steps"),
                  "status": d.get("status")}))' "$@" "$seed" >> "$out"
}
run_arm() {  # arm name file optimum
  case $1 in
    old) "$old" solve "$3" --time-limit "$limit" --seed "$seed" --json --quiet | record old "$2" "$4" ;;
    new) "$new" solve "$3" --time-limit "$limit" --seed "$seed" --json --quiet | record new "$2" "$4" ;;
    nearest) HUNCH_TSP_CANDIDATES=nearest "$new" solve "$3" --time-limit "$limit" --seed "$seed" --json --quiet | record new-nearest "$2" "$4" ;;
    or3opt) HUNCH_TSP_DESCENT=or3opt "$new" solve "$3" --time-limit "$limit" --seed "$seed" --json --quiet | record new-or3opt "$2" "$4" ;;
    classic) HUNCH_TSP_DESCENT=classic "$new" solve "$3" --time-limit "$limit" --seed "$seed" --json --quiet | record new-classic "$2" "$4" ;;
    lkh) python3 ../shared/peers/run.py --solver lkh --problem tsp --instance "$3" --time-limit "$limit" --seed "$seed" | tail -1 | record lkh "$2" "$4" ;;
  esac
}
i=0
for name in "${instances[@]}"; do
  file=$shared/tsp/$name.tsp
  optimum=$(awk -F, -v n="$name" '$1 == "tsp" && $2 == n { print $5 }' $shared/MANIFEST.csv)
  order=("${arms[@]}")
  if (( i % 2 == 1 )); then order=(); for (( j=${#arms[@]}-1; j>=0; j-- )); do order+=("${arms[j]}"); done; fi
  for arm in "${order[@]}"; do run_arm "$arm" "$name" "$file" "$optimum"; done
  i=$((i + 1))
done
