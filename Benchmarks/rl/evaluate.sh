#!/usr/bin/env bash
# The policy evaluation of issue 4: learned vs uniform vs roulette vs fixed schedule, at the same
# wall time per run, on instances never used for training — TSPLIB instances of at most MAX_SIZE
# nodes (gap to the known optimum) and freshly generated ones of 200–5,000 nodes, uniform and
# clustered (gap to the Held–Karp bound) — with SEEDS seeds each; then paired statistics
# (Benchmarks/rl/compare.py: mean gap, wins/losses per pair, Wilcoxon signed-rank).
#
# Usage: Benchmarks/rl/evaluate.sh [POLICIES]        (default: uniform,roulette,fixed,learned)
# Environment: HUNCH (binary; default .build/release/hunch), JOBS (parallel runs; keep below the
# core count so runs do not share a core; default 1), TIME (seconds per run; default 1),
# SEEDS (default 3), FIRST_SEED (search seeds FIRST_SEED…; default 1: a replication uses fresh ones), MIN_SIZE/MAX_SIZE (TSPLIB size range; default 1–1000), GEN_SIZES (default
# "200 500 1000 2000 5000"), GEN_COUNT (instances per size and layout; default 2),
# INSTANCES (TSPLIB folder; default /work/shared/instances/tsp), OUT (default Benchmarks/results).
# Training never sees these instances: it generates its own from 64-bit seeds of its stream.
set -euo pipefail
cd "$(dirname "$0")/../.."
POLICIES=${1:-uniform,roulette,fixed,learned}
HUNCH=${HUNCH:-.build/release/hunch}
JOBS=${JOBS:-1}; TIME=${TIME:-1}; SEEDS=${SEEDS:-3}; FIRST_SEED=${FIRST_SEED:-1}; MIN_SIZE=${MIN_SIZE:-1}; MAX_SIZE=${MAX_SIZE:-1000}
GEN_SIZES=${GEN_SIZES:-"200 500 1000 2000 5000"}; GEN_COUNT=${GEN_COUNT:-2}
INSTANCES=${INSTANCES:-/work/shared/instances/tsp}; OUT=${OUT:-Benchmarks/results}
mkdir -p "$OUT"
gen=$(mktemp -d); tsplib=$(mktemp -d)
# The TSPLIB subset: links in a folder with the matching manifest rows, so the known optima
# are still found next to the instances.
mkdir -p "$tsplib/tsp"
manifest=$(dirname "$INSTANCES")/MANIFEST.csv
head -1 "$manifest" > "$tsplib/MANIFEST.csv"
awk -F, -v lo="$MIN_SIZE" -v hi="$MAX_SIZE" '$1 == "tsp" && $4 >= lo && $4 <= hi' "$manifest" | while IFS=, read -r _ name file _; do
  base=$(basename "$file")
  if [ -f "$INSTANCES/$base" ]; then
    ln -s "$INSTANCES/$base" "$tsplib/tsp/$base"
    grep -E "^tsp,$name," "$manifest" >> "$tsplib/MANIFEST.csv"
  fi
done
for n in $GEN_SIZES; do
  for layout in uniform clustered; do
    for s in $(seq 1 "$GEN_COUNT"); do
      "$HUNCH" generate tsp --size "$n" --seed "$s" --layout "$layout" --out "$gen/eval-$layout-$n-$s.tsp"
    done
  done
done
common=(--policies "$POLICIES" --seeds "$SEEDS" --first-seed "$FIRST_SEED" --time-limit "$TIME" --priors none --jobs "$JOBS" --quiet)
"$HUNCH" bench "$tsplib/tsp" --bound-limit 0 "${common[@]}" \
  --report "$OUT/policy-tsplib.md" --csv "$OUT/policy-tsplib.csv" --svg "$OUT/policy-tsplib.svg"
"$HUNCH" bench "$gen" --bound-limit 5 "${common[@]}" \
  --report "$OUT/policy-generated.md" --csv "$OUT/policy-generated.csv" --svg "$OUT/policy-generated.svg"
rm -rf "$gen" "$tsplib"
if python3 -c 'import scipy' 2>/dev/null; then
  python3 Benchmarks/rl/compare.py "$OUT/policy-comparison.md" "$OUT/policy-tsplib.csv" "$OUT/policy-generated.csv"
else
  echo "no python3 with scipy here: run Benchmarks/rl/compare.py on $OUT/policy-*.csv elsewhere"
fi
