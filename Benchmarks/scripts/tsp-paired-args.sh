#!/usr/bin/env bash
# Two settings of one binary, paired on the 22 TSPLIB instances of issue 16 (a280 … pcb3038):
#   tsp-paired-args.sh BIN "SEEDS" "ARGS_A" "ARGS_B" > OUT.txt
# e.g. tsp-paired-args.sh .build/release/hunch "1 2" "--acceptance better" "--acceptance threshold:0.001"
# For each seed and instance, runs `BIN solve FILE --time-limit ${T:-10} --seed S --json --quiet ARGS`
# for A and B, one process at a time, the order alternating per instance, and prints one line per
# run: "A|B name seed gap_% time_s steps". Environment variables pass through (HUNCH_TSP_DESCENT=…);
# leading NAME=value words of ARGS set a variable for that arm only, e.g.
# tsp-paired-args.sh BIN 1 "HUNCH_TSP_RESTRICTED=0" "HUNCH_TSP_RESTRICTED=1".
# Summary: python3 Benchmarks/scripts/tsp-paired-args-summary.py OUT.txt
set -uo pipefail
bin=$1; seeds=$2; args_a=$3; args_b=$4
shared=$(cd "$(dirname "$0")/../../.." && pwd)/shared/instances
instances=(a280 lin318 pr439 pcb442 d493 att532 ali535 u574 rat575 p654 d657 u724 rat783 pr1002 u1060
           pcb1173 d1291 nrw1379 fl1577 d2103 pr2392 pcb3038)
run() {  # label name seed args
  local optimum
  optimum=$(awk -F, -v n="$2" '$1 == "tsp" && $2 == n { print $5 }' "$shared/MANIFEST.csv")
  local settings=() args=()
  for word in $4; do
    if (( ${#args[@]} == 0 )) && [[ $word =~ ^[A-Z_][A-Z0-9_]*= ]]; then settings+=("$word"); else args+=("$word"); fi
  done
  env "${settings[@]}" "$bin" solve "$shared/tsp/$2.tsp" --time-limit "${T:-10}" --seed "$3" --json --quiet "${args[@]}" |
    python3 -c "import json, sys; r = json.load(sys.stdin)
print('$1', '$2', $3, round(100 * (r['objective'] - $optimum) / $optimum, 3), round(r['time_s'], 1), r['steps'])"
}
i=0
for seed in $seeds; do
  for name in "${instances[@]}"; do
    if (( i % 2 == 0 )); then run A "$name" "$seed" "$args_a"; run B "$name" "$seed" "$args_b"
    else run B "$name" "$seed" "$args_b"; run A "$name" "$seed" "$args_a"; fi
    i=$((i + 1))
  done
done
