#!/usr/bin/env python3
"""Paired comparison of search policies from one or more `hunch bench` CSV files.

Usage: Benchmarks/rl/compare.py OUT.md BENCH.csv [BENCH.csv ...]

Pairs are (instance, seed): every policy ran the same instance with the same seed for the same
wall time. Reports the mean gap per policy (overall and by size class), wins/losses per pair of
policies and the Wilcoxon signed-rank test on the paired gaps (two-sided, and one-sided both ways:
"A has the lower gap" and "B has the lower gap"); zero differences are dropped (Wilcoxon's
convention).
Gaps are recomputed against one reference per instance shared by all input files: the known
optimum, else the best (highest) lower bound any file recorded — so runs from separate bench
invocations stay comparable.
"""
import csv
import sys
from collections import defaultdict

from scipy.stats import wilcoxon

out_path, inputs = sys.argv[1], sys.argv[2:]
if not inputs:
    sys.exit(__doc__)

values = defaultdict(dict)    # policy -> (instance, seed) -> tour length
sizes = {}
reference = {}
for path in inputs:
    with open(path) as f:
        for row in csv.DictReader(f):
            name = row["instance"]
            if row["known_optimum"]:
                reference[name] = float(row["known_optimum"])
            elif row["kind"] == "bound" and row["value"]:
                reference[name] = max(reference.get(name, 0.0), float(row["value"]))
            if row["kind"] != "search" or not row["value"]:
                continue
            values[row["method"].removeprefix("search:")][(name, int(row["seed"]))] = float(row["value"])
            sizes[name] = int(row["size"])
for name in sizes:
    if name not in reference:   # no optimum, no bound: the best tour any run found
        reference[name] = min(v for runs in values.values() for (i, _), v in runs.items() if i == name)
gaps = {p: {k: (v - reference[k[0]]) / reference[k[0]] for k, v in runs.items()} for p, runs in values.items()}

policies = list(gaps)
common = set.intersection(*(set(g) for g in gaps.values()))
keys = sorted(common)
lines = [f"Pairs: {len(keys)} (instance, seed) runs common to all policies; "
         f"{len({k[0] for k in keys})} instances. Inputs: {', '.join(inputs)}", ""]

classes = [(0, 199), (200, 499), (500, 1000), (1001, 2500), (2501, 10**9)]
header = "| policy | mean gap | " + " | ".join(f"n {lo}–{hi if hi < 10**9 else '∞'}" for lo, hi in classes) + " |"
lines += [header, "|---|---:|" + "---:|" * len(classes)]
for p in policies:
    cells = []
    for lo, hi in classes:
        sel = [gaps[p][k] for k in keys if lo <= sizes[k[0]] <= hi]
        cells.append(f"{100 * sum(sel) / len(sel):.3f}% ({len(sel)})" if sel else "–")
    mean = 100 * sum(gaps[p][k] for k in keys) / len(keys)
    lines.append(f"| {p} | {mean:.3f}% | " + " | ".join(cells) + " |")

lines += ["", "| A vs B | A better | B better | ties | mean gap A − B | Wilcoxon p two-sided | p one-sided (A < B) | p one-sided (B < A) |",
          "|---|---:|---:|---:|---:|---:|---:|---:|"]
for i, a in enumerate(policies):
    for b in policies[i + 1:]:
        da = [gaps[a][k] for k in keys]
        db = [gaps[b][k] for k in keys]
        diff = [x - y for x, y in zip(da, db)]
        wins = sum(d < 0 for d in diff)
        losses = sum(d > 0 for d in diff)
        nonzero = [d for d in diff if d != 0]
        if nonzero:
            two = wilcoxon(nonzero, alternative="two-sided").pvalue
            one = wilcoxon(nonzero, alternative="less").pvalue
            other = wilcoxon(nonzero, alternative="greater").pvalue
        else:
            two = one = other = 1.0
        lines.append(f"| {a} vs {b} | {wins} | {losses} | {len(diff) - wins - losses} | "
                     f"{100 * sum(diff) / len(diff):+.3f} pp | {two:.4g} | {one:.4g} | {other:.4g} |")

text = "\n".join(lines) + "\n"
with open(out_path, "w") as f:
    f.write(text)
print(text)
