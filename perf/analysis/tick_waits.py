#!/usr/bin/env python3
"""Per 5 s of ingest time in a kept run: the processor's share (detectedAt - ingestTs) of trade-sourced (T, A) events,
and the count and processor's share of minute-bar-sourced (AM) events. Reads the events topic as JSON lines on stdin
(docs/architecture.md "Where a trade waits in a burst second")."""
import json, sys, collections
def pct(xs, p):
    if not xs: return 0
    xs = sorted(xs); return xs[min(len(xs)-1, int(p/100*len(xs)))]
trades = collections.defaultdict(list); bars = collections.defaultdict(list)
start = None
for line in sys.stdin:
    line = line.strip()
    if not line.startswith('{'): continue
    e = json.loads(line); s = e['source']
    wait = e['detectedAt'] - s['ingestTs']
    start = s['ingestTs'] if start is None else min(start, s['ingestTs'])
    (trades if s['feed'] in ('T', 'A') else bars if s['feed'] == 'AM' else collections.defaultdict(list))[s['ingestTs'] // 5000].append(wait)
t0 = start // 5000
allt = []
for w in sorted(set(trades) | set(bars)):
    t = trades.get(w, []); b = bars.get(w, []); allt += t
    flag = ' <-- burst' if len(b) > 500 else ''
    print(f"{(w - t0) * 5:4d}s trades {len(t):4d} p50 {pct(t,50):5d} p99 {pct(t,99):5d} max {max(t) if t else 0:5d} | bars {len(b):5d} p50 {pct(b,50):5d} p99 {pct(b,99):5d}{flag}")
print(f"all trades {len(allt)}: p50 {pct(allt,50)} p99 {pct(allt,99)} max {max(allt)}")
