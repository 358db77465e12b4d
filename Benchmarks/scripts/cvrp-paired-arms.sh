#!/usr/bin/env bash
# Paired comparison of several CVRP configurations ("arms"), one process at a time, the arms
# taking turns per instance (the order rotates by one from instance to instance), same seed and
# time limit, in one run. An arm is LABEL=BIN or LABEL=BIN:ENV1=V1,ENV2=V2 (environment for it).
# Each line of OUT.jsonl: label, name, objective, known optimum, steps, work (sum of the
# operators' move evaluations), time, time to best.
# An arm's ARGS=--threads+2 adds options to its command line (+ for spaces).
# Usage: ARMS="old=/tmp/a/hunch new=/tmp/b/hunch noswap=/tmp/b/hunch:HUNCH_CVRP_SWAPSTAR=0" \
#        cvrp-paired-arms.sh OUT.jsonl LIMIT SEED INSTANCE_FILE…
set -uo pipefail
out=$1; limit=$2; seed=$3; shift 3
read -r -a arms <<< "$ARMS"
count=${#arms[@]}
i=0
for file in "$@"; do
  for ((j = 0; j < count; j++)); do
    arm=${arms[$(((i + j) % count))]}
    label=${arm%%=*}; rest=${arm#*=}
    bin=${rest%%:*}; envs=""
    [[ $rest == *:* ]] && envs=${rest#*:} && envs=${envs//,/ }
    # ARGS=… among an arm's settings is not an environment variable but extra options (+ for spaces).
    extra=""; kept=""
    for e in $envs; do if [[ $e == ARGS=* ]]; then extra=${e#ARGS=}; extra=${extra//+/ }; else kept="$kept $e"; fi; done
    env $kept "$bin" solve "$file" --time-limit "$limit" --seed "$seed" --json --quiet --no-bound $extra \
      | python3 -c '
import sys, json
d = json.load(sys.stdin)
ops = d.get("details", {}).get("operators", {})
print(json.dumps({"label": sys.argv[1], "seed": int(sys.argv[2]), "name": d["name"], "objective": d["objective"],
  "known_optimum": d.get("known_optimum"), "steps": d.get("steps"),
  "work": sum(o.get("work", 0) for o in ops.values()), "time_s": d["time_s"],
  "time_to_best_s": d.get("details", {}).get("time_to_best_s"), "stop_reason": d.get("stop_reason"),
  "status": d.get("status")}))' "$label" "$seed" >> "$out"
  done
  i=$((i + 1))
done
