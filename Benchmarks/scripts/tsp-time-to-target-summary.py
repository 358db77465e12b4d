#!/usr/bin/env python3
"""Time-to-target table from tsp-time-to-target.sh's JSONL: per instance, the seconds Hunch and
LKH took to come within 1 % and 0.1 % of the optimum and to reach it ("–" not reached; LKH's
times are the wall time of the smallest cap that met the level), then the median per level over
the instances both reached, and how many each reached."""
import json, statistics, sys

LEVELS = [("1%", 0.01), ("0.1%", 0.001), ("optimum", 0.0)]
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
names = list(dict.fromkeys(r["name"] for r in rows))
table = {}
for name in names:
    hunch = next((r for r in rows if r["name"] == name and r["solver"] == "hunch"), None)
    lkh = sorted((r for r in rows if r["name"] == name and r["solver"] == "lkh" and r.get("objective") is not None),
                 key=lambda r: r["cap"])
    times = {}
    for level, share in LEVELS:
        h = (hunch or {}).get("time_to_target_s", {}) or {}
        times[("hunch", level)] = h.get(level)
        met = [r for r in lkh if r["objective"] <= r["optimum"] * (1 + share) + 1e-9]
        times[("lkh", level)] = met[0]["time_s"] if met else None
    table[name] = times

def cell(t):
    return "–" if t is None else f"{t:.2f}"

print("| instance | Hunch 1 % | LKH 1 % | Hunch 0.1 % | LKH 0.1 % | Hunch opt | LKH opt |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name in names:
    t = table[name]
    print(f"| {name} | " + " | ".join(cell(t[(s, l)]) for l, _ in LEVELS for s in ("hunch", "lkh")) + " |")
print()
for level, _ in LEVELS:
    both = [(table[n][("hunch", level)], table[n][("lkh", level)]) for n in names
            if table[n][("hunch", level)] is not None and table[n][("lkh", level)] is not None]
    reached = {s: sum(table[n][(s, level)] is not None for n in names) for s in ("hunch", "lkh")}
    line = f"{level}: reached by Hunch {reached['hunch']}/{len(names)}, LKH {reached['lkh']}/{len(names)}"
    if both:
        line += (f"; over the {len(both)} both reached, median Hunch {statistics.median(h for h, _ in both):.2f} s,"
                 f" LKH {statistics.median(l for _, l in both):.2f} s")
    print(line)
