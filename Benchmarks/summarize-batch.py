#!/usr/bin/env python3
"""Summarise a `hunch batch` JSON-lines file: mean and max gap, by size class.

Usage: Benchmarks/summarize-batch.py results.jsonl [--exclude FILE-STEM ...]
"""
import json
import sys

args = sys.argv[1:]
path = args[0]
exclude = set(args[args.index("--exclude") + 1:]) if "--exclude" in args else set()
rows = [json.loads(line) for line in open(path) if line.strip()]
errors = [r for r in rows if r.get("status") == "error"]
def stem(r):
    return r["instance"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
rows = [r for r in rows if r.get("status") != "error" and r.get("gap") is not None and stem(r) not in exclude]
gaps = [100 * r["gap"] for r in rows]
print(f"{len(rows)} instances ({len(errors)} errors, excluded: {sorted(exclude) or 'none'})")
print(f"mean gap {sum(gaps) / len(gaps):.3f}%  max {max(gaps):.3f}%  at optimum {sum(g == 0 for g in gaps)}")
for lo, hi in [(0, 100), (101, 200), (201, 500), (501, 1000), (1001, 10**9)]:
    part = [100 * r["gap"] for r in rows if lo <= r["size"] <= hi]
    if part:
        print(f"  {lo:>5}–{hi if hi < 10**9 else '':<5} nodes: {len(part):3d} instances, mean {sum(part) / len(part):.3f}%, max {max(part):.3f}%")
worst = sorted(rows, key=lambda r: -r["gap"])[:5]
print("worst: " + ", ".join(f"{r['name']} {100 * r['gap']:.2f}%" for r in worst))
print(f"longest run: {max(r['time_s'] for r in rows):.2f} s")
