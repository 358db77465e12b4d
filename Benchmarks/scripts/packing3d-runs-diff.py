#!/usr/bin/env python3
"""Issue 17: one 3D run against another, problem by problem.

    Benchmarks/scripts/packing3d-runs-diff.py BASE.jsonl NEW.jsonl [SUPPORT [ARM]]

Both files hold packing3d-arm.sh records (any arm labels). Every problem of NEW that BASE also
has (with SUPPORT, `full` or `none`, only the records of that setting) is printed with both
objectives and the difference, then the count of problems better and worse and the mean
difference. With ARM (SUPPORT may be `-` for both), only NEW's records of that arm count. Used to hold an experiment arm against an earlier bar run of the same protocol.
Records written by two processes into one file may interleave; they are read as a stream.
"""
import json, sys


def records(path, support, arm=None):
    text, decoder, at, found = open(path).read(), json.JSONDecoder(), 0, {}
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return found
        entry, at = decoder.raw_decode(text, at)
        r = entry.get("record")
        if r and (support is None or r["details"].get("support") == support) and arm in (None, entry.get("arm")):
            found[r["name"]] = r["objective"]


def order(name):
    c, k = name[2:].split("-")
    return int(c), int(k)


support = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] != "-" else None
arm = sys.argv[4] if len(sys.argv) > 4 else None
base, new = records(sys.argv[1], support), records(sys.argv[2], support, arm)
d = []
for name in sorted(set(base) & set(new), key=order):
    d.append(new[name] - base[name])
    print(name, f"{base[name]:.2f}", f"{new[name]:.2f}", f"{d[-1]:+.2f}", sep="\t")
if d:
    print("problems", len(d), "better", sum(x > 1e-9 for x in d), "worse", sum(x < -1e-9 for x in d),
          "mean", f"{sum(d) / len(d):+.3f}")
