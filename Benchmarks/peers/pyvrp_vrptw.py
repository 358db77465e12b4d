#!/usr/bin/env python3
"""PyVRP on one VRPTW instance (Solomon / Gehring-Homberger text format); prints ONE JSON line.

  python3 Benchmarks/peers/pyvrp_vrptw.py --instance FILE [--time-limit SEC] [--seed N]

The shared kit's runner (../shared/peers/run.py) knows CVRP only; this one follows its
contract for VRPTW: the same keys (solver, problem, instance, objective, time_s, status,
time_limit, seed, plus extras), status optimal/feasible/no_solution/error, and the objective
recomputed here from the returned routes, never taken from the solver.

Convention: DIMACS distance-only (../shared/instances/README.md, vrptw/ (a)), in integer tenths
so PyVRP's integer arithmetic is exact: d_ij = floor(10 * euclid) (computed with isqrt for
integer coordinates, no floating point), travel time = d_ij, ready/due/service times x 10,
objective = total distance. The fleet is NUMBER vehicles of the file. The returned routes are
re-timed here (start at the depot's ready time, service at max(arrival, ready) <= due, back by
the depot's due time, load <= capacity, every customer once), and `objective` is their distance
in the file's unit (tenths / 10, exact to one decimal). `vehicles` is the number of routes used;
`fleet` the number available.
"""
import argparse
import json
import math
import os
import sys
import time

_REAL_STDOUT = None


def _silence_stdout():
    """PyVRP's C++ core may print to fd 1: keep a private copy for the JSON line."""
    global _REAL_STDOUT
    sys.stdout.flush()
    _REAL_STDOUT = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


def _emit(obj):
    line = json.dumps(obj) + "\n"
    if _REAL_STDOUT is None:
        sys.stdout.write(line)
        sys.stdout.flush()
    else:
        os.write(_REAL_STDOUT, line.encode())


class CheckError(Exception):
    pass


def read_solomon(path):
    """Name, fleet, capacity and node rows (id, x, y, demand, ready, due, service), whitespace-split
    as the README says (CRLF, trailing blanks, a line holding one space)."""
    with open(path) as f:
        lines = [ln.split() for ln in f.read().splitlines()]
    lines = [t for t in lines if t]
    name = " ".join(lines[0])
    upper = [[w.upper() for w in t] for t in lines]
    v = upper.index(["VEHICLE"])
    if upper[v + 1] != ["NUMBER", "CAPACITY"]:
        raise CheckError("expected NUMBER CAPACITY after VEHICLE")
    fleet, capacity = int(lines[v + 2][0]), int(lines[v + 2][1])
    c = upper.index(["CUSTOMER"])
    rows = []
    for t in lines[c + 1:]:
        if len(t) == 7 and all(_is_number(w) for w in t):
            rows.append([_number(w) for w in t])
    if [r[0] for r in rows] != list(range(len(rows))):
        raise CheckError("customers are not numbered 0..n in order")
    return name, fleet, capacity, rows


def _is_number(word):
    try:
        float(word)
        return True
    except ValueError:
        return False


def _number(word):
    value = float(word)
    return int(value) if value.is_integer() else value


def tenths(a, b):
    """floor(10 * euclid(a, b)), exactly for integer coordinates."""
    dx, dy = a[1] - b[1], a[2] - b[2]
    if all(isinstance(v, int) for v in (dx, dy)):
        return math.isqrt(100 * (dx * dx + dy * dy))
    return math.floor(10 * math.hypot(dx, dy) + 1e-7)


def check(routes, rows, fleet, capacity, D):
    """Total distance in tenths of feasible `routes` (customer ids); raises on any violation."""
    n = len(rows)
    seen = [False] * n
    total = 0
    if len(routes) > fleet:
        raise CheckError(f"{len(routes)} routes, above the fleet {fleet}")
    for k, route in enumerate(routes):
        load, time_now, prev = 0, 10 * rows[0][4], 0
        for c in route:
            if not 1 <= c < n or seen[c]:
                raise CheckError(f"route {k + 1}: customer {c} unknown or visited twice")
            seen[c] = True
            load += rows[c][3]
            arrival = time_now + D[prev][c]
            if arrival > 10 * rows[c][5]:
                raise CheckError(f"route {k + 1}: customer {c} reached at {arrival / 10}, due {rows[c][5]}")
            time_now = max(arrival, 10 * rows[c][4]) + 10 * rows[c][6]
            total += D[prev][c]
            prev = c
        back = time_now + D[prev][0]
        if back > 10 * rows[0][5]:
            raise CheckError(f"route {k + 1}: back at the depot at {back / 10}, due {rows[0][5]}")
        if load > capacity:
            raise CheckError(f"route {k + 1}: load {load} above capacity {capacity}")
        total += D[prev][0]
    missing = [c for c in range(1, n) if not seen[c]]
    if missing:
        raise CheckError(f"{len(missing)} customers not visited, first {missing[0]}")
    return total


def solve(path, tlim, seed):
    import pyvrp
    from pyvrp.stop import MaxRuntime
    name, fleet, capacity, rows = read_solomon(path)
    n = len(rows)
    D = [[tenths(rows[i], rows[j]) if i != j else 0 for j in range(n)] for i in range(n)]
    m = pyvrp.Model()
    locations = [m.add_location(x=r[1], y=r[2]) for r in rows]
    horizon = (10 * rows[0][4], 10 * rows[0][5])
    depot = m.add_depot(locations[0], tw_early=horizon[0], tw_late=horizon[1])
    m.add_vehicle_type(num_available=fleet, capacity=capacity, start_depot=depot, end_depot=depot,
                       tw_early=horizon[0], tw_late=horizon[1])
    for r, loc in zip(rows[1:], locations[1:]):
        m.add_client(loc, delivery=r[3], service_duration=10 * r[6], tw_early=10 * r[4], tw_late=10 * r[5])
    for i in range(n):
        for j in range(n):
            if i != j:
                m.add_edge(locations[i], locations[j], distance=D[i][j], duration=D[i][j])
    res = m.solve(stop=MaxRuntime(tlim), seed=seed, display=False, collect_stats=False)
    out = {"fleet": fleet, "convention": "dimacs", "name": name}
    if not res.is_feasible():
        out.update(objective=None, status="no_solution")
        return out
    routes = []
    for r in res.best.routes():
        # An activity's idx is the client index (0-based, in add_client order): customer idx + 1.
        visits = [a.idx + 1 for a in r if a.is_client()]
        if visits:
            routes.append(visits)
    total = check(routes, rows, fleet, capacity, D)
    out.update(objective=total / 10, status="feasible", vehicles=len(routes), routes=len(routes),
               pyvrp_cost=int(res.cost()))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--instance", required=True)
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    base = {"solver": "pyvrp", "problem": "vrptw", "instance": os.path.basename(args.instance),
            "objective": None, "time_s": None, "status": "error", "time_limit": args.time_limit,
            "seed": args.seed}
    _silence_stdout()
    t0 = time.time()
    try:
        base.update(solve(args.instance, args.time_limit, args.seed))
        rc = 0
    except Exception as e:  # record honestly, never crash without a JSON line
        base.update(status="error", error=f"{type(e).__name__}: {e}"[:500])
        rc = 1
    base["time_s"] = round(time.time() - t0, 3)
    _emit(base)
    return rc


if __name__ == "__main__":
    sys.exit(main())
