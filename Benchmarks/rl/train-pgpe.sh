#!/usr/bin/env bash
# Trains the TSP operator-selection policy with parameter-exploring policy gradients (PGPE,
# `hunch train --method pgpe`; Benchmarks/results/policy-evaluation.md, attempts 12 and 14).
# Same seed, same weights, whatever JOBS. Ship a policy only if it wins Benchmarks/rl/evaluate.sh.
# Usage: Benchmarks/rl/train-pgpe.sh     Environment: JOBS (default: all cores), SEED (default 1),
# EPISODES (default 1280), WORK (work units per episode, ~25 M per CPU second; default 40000000),
# WEIGHTS (default Benchmarks/rl/policy-tsp-pgpe-lk.json), OUT (curves; default Benchmarks/results).
set -euo pipefail
cd "$(dirname "$0")/../.."
HUNCH=${HUNCH:-.build/release/hunch}
JOBS=${JOBS:-$(nproc)}; SEED=${SEED:-1}; EPISODES=${EPISODES:-1280}; WORK=${WORK:-40000000}
WEIGHTS=${WEIGHTS:-Benchmarks/rl/policy-tsp-pgpe-lk.json}; OUT=${OUT:-Benchmarks/results}
name=$(basename "$WEIGHTS" .json)
mkdir -p "$OUT"
"$HUNCH" train tsp --method pgpe --architecture linear --seed "$SEED" --jobs "$JOBS" \
  --episodes "$EPISODES" --batch-size 16 --min-size 150 --max-size 5000 --work-per-episode "$WORK" \
  --sigma 1 --final-sigma 0.3 --out "$WEIGHTS" --curve "$OUT/$name-training.csv" \
  --curve-svg "$OUT/$name-training.svg" | tee "$OUT/$name-training-log.txt"
