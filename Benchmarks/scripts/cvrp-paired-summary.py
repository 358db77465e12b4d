#!/usr/bin/env python3
"""Summarises a cvrp-paired-arms.sh JSONL: per arm, instances at or below the known optimum
(BKS for X), mean and max gap, wins/losses against the first arm, steps/s and work/s (work is
the operators' move evaluations as the solver counts them).
Usage: cvrp-paired-summary.py RESULTS.jsonl [--table]"""
import collections, json, sys

rows = [json.loads(l) for l in open(sys.argv[1])]
labels = []
for r in rows:
    if r["label"] not in labels:
        labels.append(r["label"])
by = collections.defaultdict(dict)
for r in rows:
    by[(r["name"], r.get("seed"))][r["label"]] = r
complete = {k: d for k, d in by.items() if len(d) == len(labels)}
if "--table" in sys.argv:
    print("| instance | known | " + " | ".join(labels) + " |")
    print("|---|---:|" + "---:|" * len(labels))
    for (name, seed), d in complete.items():
        print(f"| {name} | {d[labels[0]]['known_optimum']} | " + " | ".join(str(d[l]["objective"]) for l in labels) + " |")
base = labels[0]
print(f"{len(complete)} instances with every arm")
for l in labels:
    gaps = [100 * (d[l]["objective"] / d[l]["known_optimum"] - 1) for d in complete.values()]
    at = sum(d[l]["objective"] <= d[l]["known_optimum"] for d in complete.values())
    wins = sum(d[l]["objective"] < d[base]["objective"] for d in complete.values())
    losses = sum(d[l]["objective"] > d[base]["objective"] for d in complete.values())
    time = sum(d[l]["time_s"] for d in complete.values())
    steps = sum(d[l]["steps"] or 0 for d in complete.values())
    work = sum(d[l]["work"] for d in complete.values())
    misses = sorted(((100 * (d[l]["objective"] / d[l]["known_optimum"] - 1), k[0]) for k, d in complete.items()
                     if d[l]["objective"] > d[l]["known_optimum"]), reverse=True)
    print(f"{l:>9}: at/below known {at}/{len(complete)}, mean gap {sum(gaps) / len(gaps):.3f} %, max {max(gaps):.2f} %, "
          f"vs {base}: better {wins} worse {losses}; total time {time:.0f} s, {steps / time:,.0f} steps/s, "
          f"{work / time:.3g} work/s")
    print("           misses: " + ", ".join(f"{n} {g:.2f} %" for g, n in misses))
