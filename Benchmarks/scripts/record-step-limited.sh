#!/bin/bash
# usage: record.sh BINARY OUTFILE
bin=$1; out=$2; : > $out
cd /work/main
tail -n +2 instances/MANIFEST.csv | while IFS=, read fam name file rest; do
  path=instances/$file
  case $fam in packing3d) k=${name##*-}; [ $k -le 4 ] || continue; path="$path#$k";; esac
  steps=200
  r=$(timeout 120 $bin solve "$path" --max-steps $steps --seed 3 --json --quiet 2>/dev/null)
  obj=$(echo "$r" | python3 -c 'import sys,json,hashlib
try:
  d=json.loads(sys.stdin.read()); print(d["objective"], d["status"], d["prior"], d["policy"], d["steps"], hashlib.md5(json.dumps(d["solution"],sort_keys=True).encode()).hexdigest()[:10])
except Exception as e: print("ERR")')
  echo "$path $obj" >> $out
done
