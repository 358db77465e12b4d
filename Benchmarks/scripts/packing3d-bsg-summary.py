#!/usr/bin/env python3
"""Issue 17: per-class means of packing3d-bsg-paired.sh runs next to BSG's, per support setting.

    Benchmarks/scripts/packing3d-bsg-summary.py RUNS.jsonl [MORE.jsonl ...]

Each run is compared with the BSG value of the same problem and the same setting in
../shared/instances/packing3d/bsg-settings.csv: bsg_30s_support for a full-support run,
bsg_30s_nosupport for an unsupported one (the record's details.support; the base binary, which
has no such field, ran full support). Prints one markdown table: rows per arm and setting, the
BSG rows on the same problems, and BSG's published class means (all 100 problems, 30 s).
"""
import csv, json, os, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.environ.get("BSG_SETTINGS", os.path.join(HERE, "../../../shared/instances/packing3d/bsg-settings.csv"))
# Araya, Guerrero & Nuñez 2017, class means over 100 problems, 30 s (the figures).
PUBLISHED = {
    "support": [94.58, 95.20, 95.38, 95.22, 95.08, 94.89, 94.34, 93.29, 92.67, 92.11, 91.44, 90.74, 90.26, 89.63, 88.95],
    "nosupport": [95.62, 96.19, 96.44, 96.48, 96.30, 96.29, 96.01, 95.52, 95.30, 95.21, 95.00, 94.87, 94.71, 94.55, 94.45],
}

bsg = {}
with open(CSV) as f:
    for row in csv.DictReader(f):
        bsg[row["instance"]] = row

runs = defaultdict(dict)  # (arm, setting) -> name -> utilisation
for path in sys.argv[1:]:
    for line in open(path):
        entry = json.loads(line)
        if "record" not in entry:
            continue
        r = entry["record"]
        support = (r.get("details") or {}).get("support", "full")
        setting = "support" if support == "full" else "nosupport"
        runs[(entry["arm"], setting)][r["name"]] = r["objective"]

def cls(name):
    return int(name.split("-")[0][2:])

classes = list(range(1, 16))
header = "| | " + " | ".join(f"BR{c}" for c in classes) + " | BR1–7 | BR8–15 | all |"
print(header)
print("|---" * (len(classes) + 4) + "|")

def row(label, values):  # values: class -> list
    means = {c: sum(v) / len(v) for c, v in values.items() if v}
    cells = [f"{means[c]:.2f}" if c in means else "–" for c in classes]
    def group(cs):
        xs = [x for c in cs for x in values.get(c, [])]
        return f"{sum(xs) / len(xs):.2f}" if xs else "–"
    print(f"| {label} | " + " | ".join(cells) + f" | {group(range(1, 8))} | {group(range(8, 16))} | {group(classes)} |")

for (arm, setting), results in sorted(runs.items(), key=lambda kv: (kv[0][1] != "support", kv[0][0])):
    values, ref = defaultdict(list), defaultdict(list)
    for name, u in results.items():
        values[cls(name)].append(u)
        if name in bsg:
            ref[cls(name)].append(float(bsg[name][f"bsg_30s_{setting}"]))
    n = len(results)
    row(f"{arm}, {'full support' if setting == 'support' else 'no support'} ({n} problems)", values)
    row(f"BSG 30 s, {'full support' if setting == 'support' else 'no support'}, same problems", ref)
for setting, means in PUBLISHED.items():
    row(f"BSG 30 s, {'full support' if setting == 'support' else 'no support'}, 100 problems (published)",
        {c: [means[c - 1]] for c in classes})

# Paired: new minus base on the problems both ran (full support).
base, new = runs.get(("base", "support"), {}), runs.get(("new", "support"), {})
both = sorted(set(base) & set(new))
if both:
    diffs = [new[n] - base[n] for n in both]
    wins = sum(d > 1e-9 for d in diffs); losses = sum(d < -1e-9 for d in diffs)
    print(f"\nPaired, full support: new − base = {sum(diffs) / len(diffs):+.2f} points on {len(both)} problems "
          f"({wins} better, {losses} worse, {len(both) - wins - losses} equal)")

# Speed: decodes per second. A genome-search step is one full decode; a beam completion is a
# decode from a child node to the end (shorter on average); nodes are the beam's expansions.
print("\n| arm, setting | classes | genome-search decodes/s | beam completions/s | beam nodes/s | beam rounds | widest round | general blocks |")
print("|---|---|---|---|---|---|---|---|")
records = defaultdict(list)
for path in sys.argv[1:]:
    for line in open(path):
        entry = json.loads(line)
        if "record" in entry:
            r = entry["record"]
            setting = "support" if (r.get("details") or {}).get("support", "full") == "full" else "nosupport"
            records[(entry["arm"], setting)].append(r)
def med(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else float("nan")
for (arm, setting), rs in sorted(records.items(), key=lambda kv: (kv[0][1] != "support", kv[0][0])):
    for label, cs in (("BR1–7", range(1, 8)), ("BR8–15", range(8, 16))):
        group = [r for r in rs if cls(r["name"]) in cs]
        if not group:
            continue
        beams = [r["details"]["beam"] for r in group if "beam" in (r.get("details") or {})]
        steps = []
        for r in group:
            beam = (r.get("details") or {}).get("beam")
            search_time = r["time_s"] - (beam["seconds"] if beam else 0)
            if r.get("steps") and search_time > 0.5:
                steps.append(r["steps"] / search_time)
        search = f"{med(steps):.0f} (median of {len(steps)})" if steps else "– (no time left after the beam)"
        print(f"| {arm}, {setting} | {label} | {search} | "
              + (f"{med([b['completions_per_s'] for b in beams]):.0f} | {med([b['nodes'] / max(b['seconds'], 1e-9) for b in beams]):.0f} | "
                 f"{med([b['rounds'] for b in beams])} | {med([b['width'] for b in beams])} | {med([b['general_blocks'] for b in beams])} |"
                 if beams else "– | – | – | – | – |"))
