#!/bin/bash
# Writes the bin-packing benchmark manifests used in README.md into a folder (default /tmp):
# falk.csv (Falkenauer, 160), scholl.csv (Scholl, 1210), with absolute instance paths so that
# `hunch batch` can read them from anywhere.
# Usage: Benchmarks/binpacking/make-manifests.sh [INSTANCES_DIR] [OUT_DIR]
set -euo pipefail
dir=${1:-/work/shared/instances}
out=${2:-/tmp}
mkdir -p "$out"
manifest="$dir/MANIFEST.csv"
header=$(head -1 "$manifest")
subset() {  # $1: path fragment, $2: output file
    { echo "$header"
      grep "^bpp," "$manifest" | grep "$1" | awk -F, -v OFS=, -v d="$dir" '{$3=d"/"$3; print}'
    } > "$2"
}
subset "bpp/falkenauer/" "$out/falk.csv"
subset "bpp/scholl/" "$out/scholl.csv"
wc -l "$out/falk.csv" "$out/scholl.csv"
