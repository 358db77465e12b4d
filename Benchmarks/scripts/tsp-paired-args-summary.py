#!/usr/bin/env python3
"""Summary of tsp-paired-args.sh output: per arm and seed, mean gap and runs at the optimum;
B against A, instance by instance."""
import collections
import sys

gaps = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) in (5, 6) and parts[0] in ("A", "B"):
        gaps[(parts[1], parts[2])][parts[0]] = float(parts[3])
pairs = {key: arms for key, arms in gaps.items() if len(arms) == 2}
for seed in sorted({seed for _, seed in pairs}):
    for arm in "AB":
        values = [arms[arm] for (_, s), arms in pairs.items() if s == seed]
        print(f"seed {seed} {arm}: mean gap {sum(values) / len(values):.3f} %, "
              f"at the optimum {sum(g == 0 for g in values)} of {len(values)}")
for arm in "AB":
    values = [arms[arm] for arms in pairs.values()]
    print(f"all {arm}: mean gap {sum(values) / len(values):.3f} %, at the optimum {sum(g == 0 for g in values)} of {len(values)}")
better = sum(arms["B"] < arms["A"] for arms in pairs.values())
worse = sum(arms["B"] > arms["A"] for arms in pairs.values())
print(f"B against A: better on {better}, worse on {worse}, equal on {len(pairs) - better - worse}")
