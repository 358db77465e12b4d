#!/usr/bin/env python3
"""Issue 17: class means of the arms in packing3d-arm.sh records, and each arm against the first.

    Benchmarks/scripts/packing3d-arms-compare.py RUNS.jsonl [MORE.jsonl ...]

Only the problems every arm finished count. Prints one row per arm (utilisation %, BR1..BR15,
all, problems), then for every arm after the first: problems better, worse, mean difference.
"""
import collections, json, sys

runs = collections.defaultdict(dict)
for path in sys.argv[1:]:
    for line in open(path):
        entry = json.loads(line)
        if "record" not in entry:
            continue
        r = entry["record"]
        runs[entry["arm"]][r["name"]] = r["objective"]
arms = list(runs)
common = set.intersection(*[set(runs[a]) for a in arms])


def cls(name):
    return int(name.split("-")[0][2:])


print("arm", *[f"BR{c}" for c in range(1, 16)], "all", "n", sep="\t")
for a in arms:
    row = []
    for c in range(1, 16):
        v = [runs[a][n] for n in common if cls(n) == c]
        row.append(f"{sum(v) / len(v):.2f}" if v else "-")
    v = [runs[a][n] for n in common]
    print(a, *row, f"{sum(v) / len(v):.3f}", len(v), sep="\t")
base = arms[0]
for a in arms[1:]:
    d = [runs[a][n] - runs[base][n] for n in common]
    print(a, "vs", base, "better", sum(x > 1e-9 for x in d), "worse", sum(x < -1e-9 for x in d),
          "mean", f"{sum(d) / len(d):+.3f}")
