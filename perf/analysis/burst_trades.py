#!/usr/bin/env python3
"""For each minute burst of a kept run: when its bars' events were accepted and detected, and for each trade-sourced
event accepted from 0.5 s before to 2.5 s after the burst, when it was taken and how many bar events went before it.
Reads the events topic as JSON lines on stdin (docs/architecture.md "Where a trade waits in a burst second")."""
import json, sys
ev = [json.loads(l) for l in sys.stdin if l.startswith('{')]
bars = sorted((e for e in ev if e['source']['feed'] == 'AM'), key=lambda e: e['source']['ingestTs'])
trades = [e for e in ev if e['source']['feed'] in ('T', 'A')]
bursts = []
for e in bars:
    if not bursts or e['source']['ingestTs'] - bursts[-1][-1]['source']['ingestTs'] > 10_000: bursts.append([])
    bursts[-1].append(e)
for b in bursts:
    if len(b) < 500: continue
    t0 = b[0]['source']['ingestTs']
    ing = [e['source']['ingestTs'] - t0 for e in b]; det = sorted(e['detectedAt'] - t0 for e in b)
    print(f"burst of {len(b)} bar events: accepted +0..+{max(ing)} ms, detected +{det[0]}..+{det[-1]} (p50 +{det[len(det)//2]})")
    for t in sorted(trades, key=lambda e: e['source']['ingestTs']):
        a = t['source']['ingestTs'] - t0
        if -500 < a < 2500:
            before = sum(1 for x in ing if x <= a); after_det = sum(1 for x in det if x <= t['detectedAt'] - t0)
            print(f"   trade {t['symbol']:6} {t['type']:6} accepted +{a:5d} detected +{t['detectedAt']-t0:5d} wait {t['detectedAt']-t['source']['ingestTs']:4d} | bars accepted before {before:5d}, bar events detected before it {after_det:5d}")
