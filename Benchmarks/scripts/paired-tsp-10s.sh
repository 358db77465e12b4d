#!/usr/bin/env bash
# Paired TSPLIB run of two builds in one session, one process at a time, alternating per
# instance so that both see the same machine load: every TSP row of instances/MANIFEST.csv,
# seed 1, --time-limit ${LIMIT:-10}. Usage: paired-tsp-10s.sh BEFORE_BIN AFTER_BIN OUT_PREFIX
set -euo pipefail
before=$1; after=$2; out=$3; limit=${LIMIT:-10}
: > "$out-before.jsonl"; : > "$out-after.jsonl"
cd "$(dirname "$0")/../.."
tail -n +2 instances/MANIFEST.csv | while IFS=, read -r family name file rest; do
  [ "$family" = tsp ] || continue
  "$before" solve "instances/$file" --time-limit "$limit" --seed 1 --json --quiet >> "$out-before.jsonl" || true
  "$after" solve "instances/$file" --time-limit "$limit" --seed 1 --json --quiet >> "$out-after.jsonl" || true
done
