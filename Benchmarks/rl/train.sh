#!/usr/bin/env bash
# Trains the TSP operator-selection policy (the run recorded in
# Benchmarks/results/policy-evaluation.md), writes its learning curve (CSV and SVG) and validates
# it against the baselines on held-out generated instances at equal CPU time.
# Same seed, same weights, whatever JOBS. Ship a policy only if it wins Benchmarks/rl/evaluate.sh:
# scripts/embed-policy tsp WEIGHTS, then make `learned` the default --policy.
# Usage: Benchmarks/rl/train.sh            Environment: JOBS (default: all cores), SEED (default 1),
# EPISODES (default 384), OUT (curves; default Benchmarks/results),
# WEIGHTS (default Benchmarks/rl/policy-tsp-d0.999.json).
set -euo pipefail
cd "$(dirname "$0")/../.."
HUNCH=${HUNCH:-.build/release/hunch}
JOBS=${JOBS:-$(nproc)}; SEED=${SEED:-1}; EPISODES=${EPISODES:-384}; OUT=${OUT:-Benchmarks/results}
WEIGHTS=${WEIGHTS:-Benchmarks/rl/policy-tsp-d0.999.json}
mkdir -p "$OUT"
"$HUNCH" train tsp --seed "$SEED" --jobs "$JOBS" --episodes "$EPISODES" --batch-size 24 --instances-per-batch 4 \
  --min-size 200 --max-size 5000 --work-per-episode 10000000 \
  --discount 0.999 --architecture linear --learning-rate 0.05 --entropy-bonus 0.01 \
  --out "$WEIGHTS" --curve "$OUT/policy-training.csv" --curve-svg "$OUT/policy-training.svg" \
  --validate 8 --validate-seconds 0.5 --validate-policies uniform,roulette,fixed,learned \
  | tee "$OUT/policy-training-log.md"
