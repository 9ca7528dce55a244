# The labelled questions (tests/data/eval) and the passages the eval tool dumps (dump-passages), for fitting.
import json, glob, os
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '../../..'))
WORK = os.environ.get('FT_WORK', '/tmp/ft')
LOCO = list(json.load(open(f'{ROOT}/tests/data/eval/loco/corpora.json')).keys())
UNSEEN = sorted(os.path.basename(f)[:-6] for f in glob.glob(f'{ROOT}/tests/data/eval/unseen/*.jsonl'))

def passages(name):
    return [json.loads(l) for l in open(os.path.join(WORK, 'pass', f'{name}.passages.jsonl'))]

def questions(name):
    path = f'{ROOT}/tests/data/eval/loco/{name}.jsonl' if name in LOCO else f'{ROOT}/tests/data/eval/unseen/{name}.jsonl'
    out = []
    for l in open(path):
        if not l.strip(): continue
        o = json.loads(l)
        if o.get('unanswerable'): continue
        exp = o.get('expect') or [{'file': o.get('file'), 'lines': o['lines']}]
        out.append((o['q'], exp))
    return out

def hits(p, exp):
    if p['end'] - p['start'] + 1 > 12: return False
    for e in exp:
        f = e.get('file')
        if f is not None and not p['file'].replace('\\', '/').endswith(f): continue
        if any(p['start'] <= l <= p['end'] for l in e['lines']): return True
    return False
