#!/usr/bin/env bash
# Two Hunch binaries paired on VRPTW files: the two one after the other per instance (the order
# alternating), same seed and time limit, one process at a time.
# Usage: vrptw-paired.sh OLD_BIN NEW_BIN OUT.jsonl LIMIT FILE…
set -uo pipefail
old=$1; new=$2; out=$3; limit=$4; shift 4
: > "$out"
i=0
for file in "$@"; do
  arms=(old new); [ $((i % 2)) = 1 ] && arms=(new old)
  for arm in "${arms[@]}"; do
    bin=$old; [ $arm = new ] && bin=$new
    "$bin" solve "$file" --time-limit "$limit" --seed 1 --json --quiet --no-bound \
      | python3 -c 'import sys,json; d=json.load(sys.stdin); print(json.dumps({"solver":sys.argv[1],"instance":d["instance"].split("/")[-1],"objective":d["objective"],"vehicles":d["details"]["vehicles"],"time_s":d["time_s"]}))' "$arm" >> "$out"
  done
  i=$((i + 1))
done
