#!/usr/bin/env python3
"""Writes the blind readers' sheets of the answer audit (README.md here) from the evaluation tool's dumps.

usage: make-sheets.py MISSES RANKING OUTDIR
  MISSES  the file EVAL_MISSES=FILE wrote during `loco` (each ranking miss with its top candidate)
  RANKING the file EVAL_RANKING=FILE wrote during the same run (every held-out question's candidates)
Writes OUTDIR/misses.md (each miss: its top span and its labelled spans, shuffled, unnamed), OUTDIR/misses-spans.json,
OUTDIR/hits.md (each counted hit: its top span alone) and OUTDIR/hits-spans.json. Seeds 2121 and 2122 as in the audit.
"""
import json, os, random, re, sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))
corp = json.load(open(f'{root}/tests/data/eval/loco/corpora.json'))
cache = {}


def labels(c):
    qs = {}
    for l in open(f'{root}/tests/data/eval/loco/{c}.jsonl'):
        o = json.loads(l)
        ex = [(e['file'], e['lines']) for e in o['expect']] if 'expect' in o else ([(o['file'], o['lines'])] if 'file' in o else [])
        qs[o['q']] = ex
    return qs


def lines(c, f):
    p = f'{root}/{corp[c]}/{f}'
    if p not in cache:
        cache[p] = open(p, encoding='utf-8', errors='replace').read().split('\n')
    return cache[p]


def headings(c, f, n):
    L = lines(c, f); path = []; lvl = 99
    for i in range(n - 1, -1, -1):
        m = re.match(r'^(#{1,6})\s+(.*)', L[i])
        if m and len(m.group(1)) < lvl:
            path.insert(0, m.group(2).strip()); lvl = len(m.group(1))
            if lvl == 1:
                break
    return ' > '.join(path)


def span(c, f, a, b):
    L = lines(c, f); a = max(1, a); b = min(len(L), b)
    lo = max(1, a - 3); hi = min(len(L), b + 1)
    return '\n'.join(f'{">" if a <= i <= b else " "} {i:>5}: {L[i-1][:400]}' for i in range(lo, hi + 1))


def block(label, c, f, a, b):
    return (f'**{label}** `{f}` lines {a}–{b} (the span is the lines marked >; the others are context) — headings above: '
            f'{headings(c, f, a) or "(none)"}\n\n```\n{span(c, f, a, b)}\n```\n')


def misses(path, out):
    items = []; cur = None
    for l in open(path):
        if l.startswith('## '):
            parts = l[3:].rstrip('\n').split(' | ')
            cur = {'corpus': parts[0], 'q': ' | '.join(parts[1:-1])}; items.append(cur)
        elif l.strip().startswith('TOP'):
            m = re.search(r'TOP\s+\S+\s+(\S+):(\d+)-(\d+)', l); cur['top'] = (m.group(1), int(m.group(2)), int(m.group(3)))
    random.seed(2121); text = []; key = []
    for k, it in enumerate(items):
        spans = [('top',) + it['top']]
        for f, ls in labels(it['corpus'])[it['q']]:
            ls = sorted(ls); a = prev = ls[0]
            for x in ls[1:] + [None]:
                if x is None or x != prev + 1:
                    spans.append(('label', f, a, prev))
                    a = x
                prev = x
        random.shuffle(spans)
        qid = f'Q{k + 1}'
        text.append(f'## {qid} ({it["corpus"]})\n\n**Question:** {it["q"]}\n')
        for j, (role, f, a, b) in enumerate(spans):
            text.append(block(qid + chr(65 + j), it['corpus'], f, a, b))
            key.append({'id': qid + chr(65 + j), 'q': it['q'], 'corpus': it['corpus'], 'role': role, 'file': f, 'a': a, 'b': b})
    open(f'{out}/misses.md', 'w').write('\n'.join(text))
    json.dump(key, open(f'{out}/misses-spans.json', 'w'), indent=0)


def hits(path, out):
    rows = [json.loads(l) for l in open(path)]
    rows = [r for r in rows if r['candidates'] and r['candidates'][0]['hit']]
    random.seed(2122); random.shuffle(rows); text = []; key = []
    for k, r in enumerate(rows):
        c = r['candidates'][0]; qid = f'H{k + 1}'
        text.append(f'## {qid} ({r["corpus"]})\n\n**Question:** {r["q"]}\n\n' + block(qid, r['corpus'], c['file'], c['line'], c['end']))
        key.append({'id': qid, 'q': r['q'], 'corpus': r['corpus'], 'file': c['file'], 'a': c['line'], 'b': c['end']})
    open(f'{out}/hits.md', 'w').write('\n'.join(text))
    json.dump(key, open(f'{out}/hits-spans.json', 'w'), indent=0)


if __name__ == '__main__':
    misses(sys.argv[1], sys.argv[3]); hits(sys.argv[2], sys.argv[3])
