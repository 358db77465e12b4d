#!/usr/bin/env python3
"""Writes a realistic dispatch day in Hunch's JSON dispatch format (docs/formats.md, "Dispatch JSON").

A 20 km × 20 km city in metres, two depots (north-west and south-east), orders spread over a few
neighbourhoods and the rest of the city, an 8-hour day in seconds (0 = 08:00), vans at the north
depot and refrigerated trucks at the south one, demands in parcels and kilograms, 1–3 h windows
(some orders have a morning and an afternoon window), 3–10 min of service, a few fridge orders
and a few optional orders with a prize (what the company earns or a partner pays).

Standard library only; the same seed gives the same file, byte for byte:

    python3 scripts/dispatch-day.py --orders 120 --seed 2026 > instances/dispatch/day-120.json
"""
import argparse
import json
import math
import random
import sys

SIDE = 20_000          # metres
DAY = 8 * 3600         # seconds
SPEED = 8.0            # metres per second (~29 km/h in town)
DEPOTS = [("north", (5_000, 15_000)), ("south", (15_000, 4_000))]


def neighbourhoods(rng, count):
    """Centres and spreads (metres) of the busy parts of town."""
    return [((rng.uniform(2_000, SIDE - 2_000), rng.uniform(2_000, SIDE - 2_000)), rng.uniform(700, 1_800))
            for _ in range(count)]


def order_location(rng, hoods):
    if rng.random() < 0.7:
        (cx, cy), spread = rng.choice(hoods)
        x, y = rng.gauss(cx, spread), rng.gauss(cy, spread)
    else:
        x, y = rng.uniform(0, SIDE), rng.uniform(0, SIDE)
    return [int(min(SIDE, max(0, x))), int(min(SIDE, max(0, y)))]


def windows(rng):
    """None (any time), one window of 1–3 h, or a morning and an afternoon window; quarter hours."""
    kind = rng.random()
    if kind < 0.2:
        return None
    if kind < 0.3:
        morning = rng.randrange(0, 3 * 4) * 900
        afternoon = rng.randrange(5 * 4, 6 * 4) * 900
        return [[morning, morning + 3600], [afternoon, afternoon + 3600]]
    width = rng.choice([3600, 5400, 7200, 10800])
    # Leave an hour at the end of the day to drive back across town.
    latest = DAY - width - 3600
    start = rng.randrange(0, latest // 900 + 1) * 900
    return [[start, start + width]]


def day(orders, seed, name):
    rng = random.Random(seed)
    hoods = neighbourhoods(rng, 5)
    locations = [list(location) for _, location in DEPOTS]
    jobs = []
    optional = set(rng.sample(range(orders), max(1, orders // 20)))
    for k in range(orders):
        locations.append(order_location(rng, hoods))
        job = {"id": "o%d" % (k + 1), "location": len(locations) - 1,
               "delivery": [rng.randint(1, 10), rng.randint(1, 30) * 5],
               "service": rng.randint(18, 60) * 10}
        w = windows(rng)
        if w:
            job["time_windows"] = w
        if rng.random() < 0.15:
            job["skills"] = ["fridge"]
        if k in optional:
            job["prize"] = rng.choice([5, 20, 40, 60])
        jobs.append(job)
    return {
        "format": "hunch-dispatch",
        "version": 1,
        "name": name,
        "distance": "euclidean",
        "speed": SPEED,
        "locations": locations,
        "depots": [{"id": depot, "location": k} for k, (depot, _) in enumerate(DEPOTS)],
        "vehicle_types": [
            {"id": "van", "count": 6, "capacity": [60, 800], "shift": [0, DAY],
             "start_depot": "north", "end_depot": "north",
             "fixed_cost": 40, "cost_per_distance": 0.0005, "cost_per_time": 0.006, "max_distance": 150_000},
            {"id": "truck", "count": 4, "capacity": [150, 3000], "shift": [0, DAY],
             "start_depot": "south", "end_depot": "south",
             "fixed_cost": 80, "cost_per_distance": 0.0009, "cost_per_time": 0.008, "skills": ["fridge"]},
        ],
        "jobs": jobs,
        "options": {"minimise_vehicles": False},
    }


def dump(instance):
    """JSON with the format first and one location, vehicle type or job per line (diff-friendly)."""
    lines = ["{"]
    keys = list(instance)
    for i, key in enumerate(keys):
        value = instance[key]
        comma = "," if i + 1 < len(keys) else ""
        if isinstance(value, list) and value:
            lines.append('  "%s": [' % key)
            for j, item in enumerate(value):
                lines.append("    " + json.dumps(item) + ("," if j + 1 < len(value) else ""))
            lines.append("  ]" + comma)
        else:
            lines.append('  "%s": %s%s' % (key, json.dumps(value), comma))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=120)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--name", default=None, help="instance name (default day-ORDERS)")
    args = parser.parse_args()
    if args.orders < 1:
        parser.error("--orders must be at least 1")
    sys.stdout.write(dump(day(args.orders, args.seed, args.name or "day-%d" % args.orders)))


if __name__ == "__main__":
    main()
