#!/usr/bin/env python3
"""Summarises a tsp-vs-lkh.sh JSONL: per instance each arm's gap to the known optimum (%), then
per arm the mean gap, the instances at the optimum and wins/losses against the first arm.
Usage: tsp-vs-lkh-summary.py RESULTS.jsonl"""
import collections, json, sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
labels = list(dict.fromkeys(r["label"] for r in rows))
by = collections.defaultdict(dict)
for r in rows:
    by[r["name"]][r["label"]] = r
gap = lambda r: 100 * (r["objective"] / r["known_optimum"] - 1)
print("| instance | optimum | " + " | ".join(labels) + " |")
print("|---|---:|" + "---:|" * len(labels))
for name, d in by.items():
    cells = [f"{gap(d[l]):.3f}" if l in d and d[l]["objective"] else "–" for l in labels]
    print(f"| {name} | {next(iter(d.values()))['known_optimum']} | " + " | ".join(cells) + " |")
complete = {n: d for n, d in by.items() if all(l in d and d[l]["objective"] for l in labels)}
base = labels[0]
print(f"\n{len(complete)} instances with every arm")
for l in labels:
    gaps = [gap(d[l]) for d in complete.values()]
    at = sum(d[l]["objective"] <= d[l]["known_optimum"] for d in complete.values())
    wins = sum(d[l]["objective"] < d[base]["objective"] for d in complete.values())
    losses = sum(d[l]["objective"] > d[base]["objective"] for d in complete.values())
    time = sum(d[l]["time_s"] or 0 for d in complete.values()) / max(1, len(complete))
    print(f"{l:12s} mean gap {sum(gaps) / len(gaps):.3f} %  max {max(gaps):.3f} %  at optimum {at}/{len(complete)}"
          f"  vs {base}: {wins} better, {losses} worse  mean time {time:.2f} s")
