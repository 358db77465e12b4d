#!/usr/bin/env bash
# Packs the release `hunch`, every shared library it loads (glibc's loader included, so it runs
# on a machine without Swift or GLPK) and the evaluation instances into one archive, for running
# Benchmarks/rl/evaluate.sh on a bigger machine:  tar xJf hunch-bundle.tar.xz && bundle/run-hunch …
# Usage: Benchmarks/rl/make-bundle.sh [OUT.tar.xz]   (default .build/devbundle/hunch-bundle.tar.xz)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-.build/devbundle/hunch-bundle.tar.xz}
stage=$(mktemp -d)
mkdir -p "$stage/bundle/lib" "$stage/bundle/instances/tsp" "$(dirname "$out")"
cp .build/release/hunch "$stage/bundle/hunch"
ldd .build/release/hunch | awk '/=>/ {print $3} /ld-linux/ {print $1}' | while read -r lib; do
  [ -f "$lib" ] && cp -L "$lib" "$stage/bundle/lib/"
done
cp /work/shared/instances/tsp/*.tsp "$stage/bundle/instances/tsp/"
grep -E '^(family|tsp),' /work/shared/instances/MANIFEST.csv > "$stage/bundle/instances/MANIFEST.csv"
cp Benchmarks/rl/*.json "$stage/bundle/" 2>/dev/null || true
cat > "$stage/bundle/run-hunch" <<'SH'
#!/usr/bin/env bash
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/lib/ld-linux-x86-64.so.2" --library-path "$here/lib" "$here/hunch" "$@"
SH
chmod +x "$stage/bundle/run-hunch"
XZ_OPT=-1 tar -C "$stage" -cJf "$out" bundle
rm -rf "$stage"
ls -la "$out"
