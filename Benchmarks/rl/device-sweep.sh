#!/usr/bin/env bash
# The sweep that chose the shipped TSP policy, run on a 16-core machine from the bundle made by
# Benchmarks/rl/make-bundle.sh: trains a few credit-assignment variants (same seed), validates
# each against the baselines on held-out generated instances at equal CPU time, keeps the one
# with the lowest validation gap, then runs the evaluation (Benchmarks/rl/evaluate.sh) with it.
# Selection never looks at the evaluation instances.
# Usage: Benchmarks/rl/device-sweep.sh BUNDLE.tar.xz OUTDIR
set -uo pipefail
bundle=$1; out=$2
work=$(mktemp -d); tar -C "$work" -xJf "$bundle"
H="$work/bundle/run-hunch"
JOBS=${JOBS:-$(nproc)}
EPISODES=${EPISODES:-768}
mkdir -p "$out"
"$H" --help > /dev/null || { echo "bundle does not run here"; exit 1; }
best=""; bestGap=""
for variant in "d0:0" "d0.995:0.995" "d1:1"; do
  name=${variant%%:*}; discount=${variant#*:}
  timeout 130 "$H" train tsp --seed 1 --jobs "$JOBS" --episodes "$EPISODES" --batch-size 32 --instances-per-batch 4 \
    --min-size 200 --max-size 5000 --work-per-episode "${WORK:-25000000}" \
    --discount "$discount" --architecture linear --learning-rate 0.05 --entropy-bonus 0.01 \
    --out "$out/policy-$name.json" --curve "$out/policy-$name.csv" --curve-svg "$out/policy-$name.svg" \
    --validate "${VALIDATE:-16}" --validate-seeds 2 --validate-seconds "${VALIDATE_SECONDS:-1}" --validate-policies uniform,roulette,fixed,learned \
    > "$out/train-$name.log" 2>&1
  gap=$(awk '$1 == "learned" && $2 == "mean" {gsub("%", "", $4); print $4}' "$out/train-$name.log")
  echo "$name validation gap: ${gap:-none}" | tee -a "$out/sweep.txt"
  if [ -n "$gap" ] && { [ -z "$bestGap" ] || awk -v a="$gap" -v b="$bestGap" 'BEGIN {exit !(a < b)}'; }; then
    best=$name; bestGap=$gap
  fi
done
echo "chosen: $best ($bestGap)" | tee -a "$out/sweep.txt"
[ -n "$best" ] || exit 1
cp "$out/policy-$best.json" "$out/policy-tsp.json"
HUNCH="$H" INSTANCES="$work/bundle/instances/tsp" OUT="$out" JOBS=$((JOBS - 2)) TIME=${TIME:-1} SEEDS=${SEEDS:-3} \
  timeout 200 "$(dirname "$0")/evaluate.sh" "uniform,roulette,fixed,$out/policy-tsp.json"
