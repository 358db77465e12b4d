#!/usr/bin/env python3
"""Share of instances solved to the known optimum in `hunch batch --out` JSON lines.

Usage: summarize.py RESULTS.jsonl [MORE.jsonl ...]
Groups: Falkenauer u / t, Scholl N1-N4 / HARD. Lists every miss (name, bins, optimum, time).
"""
import collections
import json
import sys


def group(name):
    if name.startswith("Falkenauer_"):
        return "falkenauer-" + name.split("_")[1][0]
    if name.startswith("HARD"):
        return "scholl-hard"
    return "scholl-" + name[:2]


def main(paths):
    total, solved, misses = collections.Counter(), collections.Counter(), []
    for path in paths:
        for line in open(path):
            d = json.loads(line)
            g = group(d.get("name", ""))
            total[g] += 1
            if d.get("status") != "error" and d.get("objective") == d.get("known_optimum"):
                solved[g] += 1
            else:
                misses.append((d.get("name"), d.get("objective"), d.get("known_optimum"), round(d.get("time_s") or 0, 2)))
    for g in sorted(total):
        print(f"{g:16} {solved[g]:5} / {total[g]:<5} {100 * solved[g] / total[g]:6.1f}%")
    s, t = sum(solved.values()), sum(total.values())
    print(f"{'all':16} {s:5} / {t:<5} {100 * s / max(1, t):6.1f}%")
    for m in misses:
        print("miss", *m)


if __name__ == "__main__":
    main(sys.argv[1:])
