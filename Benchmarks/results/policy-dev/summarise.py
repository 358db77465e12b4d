#!/usr/bin/env python3
"""Mean gap per policy (and per size) of `hunch bench` CSVs, against the best tour any row of the
given files found on each instance. Usage: summarise.py BENCH.csv [BENCH.csv ...]"""
import csv,sys,collections
rows=[r for f in sys.argv[1:] for r in csv.DictReader(open(f)) if r['kind']=='search']
best=collections.defaultdict(lambda:1e30)
for r in rows: best[r['instance']]=min(best[r['instance']],float(r['value']))
by=collections.defaultdict(list); bysize=collections.defaultdict(lambda:collections.defaultdict(list))
for r in rows:
    g=(float(r['value'])/best[r['instance']]-1)*100
    by[r['method']].append(g); bysize[r['method']][int(r['size'])].append(g)
for m,v in by.items():
    print(f"{m:40s} {sum(v)/len(v):.3f}%  n={len(v)}  "+"  ".join(f"{s}:{sum(x)/len(x):.3f}" for s,x in sorted(bysize[m].items())))
