#!/usr/bin/env python3
"""Summarises a vrptw-vs-pyvrp.sh JSONL: per-instance gaps to the DIMACS BKS and the means.

  python3 Benchmarks/scripts/vrptw-summary.py RESULTS.jsonl [--table]
"""
import csv, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
bks_path = os.path.join(here, "../../../shared/instances/vrptw/BKS.csv")
bks, vehicles = {}, {}
for row in csv.DictReader(open(bks_path)):
    if row["convention"] == "dimacs-distance-only":
        bks[row["instance"]] = float(row["distance"])
        vehicles[row["instance"]] = int(row["vehicles"])
runs = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    name = r["instance"].replace(".txt", "").upper()
    runs.setdefault(name, {})[r["solver"]] = r
gaps = {"hunch": [], "pyvrp": []}
rows = []
for name in sorted(runs):
    d = runs[name]
    if "hunch" not in d or "pyvrp" not in d or d["pyvrp"].get("objective") is None:
        continue
    b = bks[name]
    h, p = d["hunch"]["objective"], d["pyvrp"]["objective"]
    gh, gp = (h - b) / b * 100, (p - b) / b * 100
    gaps["hunch"].append(gh); gaps["pyvrp"].append(gp)
    rows.append((name, b, vehicles[name], h, d["hunch"].get("vehicles"), gh, p, d["pyvrp"].get("vehicles"), gp))
if "--table" in sys.argv:
    print("| instance | BKS | veh | Hunch | veh | gap % | PyVRP | veh | gap % |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]:.1f} | {r[2]} | {r[3]:.1f} | {r[4]} | {r[5]:.3f} | {r[6]:.1f} | {r[7]} | {r[8]:.3f} |")
n = len(rows)
at_h = sum(1 for r in rows if r[5] < 1e-9)
at_p = sum(1 for r in rows if r[8] < 1e-9)
better = sum(1 for r in rows if r[3] < r[6] - 1e-9)
worse = sum(1 for r in rows if r[3] > r[6] + 1e-9)
print(f"{n} instances: mean gap Hunch {sum(gaps['hunch'])/n:.3f} %, PyVRP {sum(gaps['pyvrp'])/n:.3f} %; "
      f"at BKS Hunch {at_h}, PyVRP {at_p}; Hunch better on {better}, worse on {worse}, equal on {n-better-worse}; "
      f"vehicles Hunch {sum(r[4] for r in rows)}, PyVRP {sum(r[7] for r in rows)}, BKS {sum(r[2] for r in rows)}")
