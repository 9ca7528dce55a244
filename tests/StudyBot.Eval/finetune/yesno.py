# A yes/no reader: MiniLM reads the question and the cited passage together (a cross-encoder: LoRA on its dense
# layers and one linear head on the mean of its token vectors) and gives the probability that the passage says Yes.
# usage: yesno.py OUT TRAIN_SOURCES [EVAL_POL_JSONL]    (INIT=READER.pt to go on fitting one; EVAL_ONLY=a+b: those corpora)
#        yesno.py --score READER.pt POL.jsonl [OUT.jsonl]
#   TRAIN_SOURCES: comma list of  boolq:PATH (question, passage, label true/false)  |  pol:PATH[:skip=corpus+corpus]
import os, sys, json, random, time, torch, torch.nn as nn, torch.nn.functional as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bert, lora
torch.set_num_threads(int(os.environ.get('THREADS', '2')))
rng = random.Random(int(os.environ.get('SEED', '7')))
MAXT = int(os.environ.get('MAXT', '192'))

# The LoRA change's rank and alpha (its scale is alpha / rank): export_reader.py writes the scale from the same values.
RANK = int(os.environ.get('LORA', '16')); ALPHA = float(os.environ.get('LORA_ALPHA', '16'))

def passage_text(r):
    # What the reader is shown of a polarity dump's row: the section title, then the passage.
    return (r['section'] + ': ' if r.get('section') else '') + r['passage']

def pol_rows(path, skip=(), only=None):
    out = []
    for l in open(path):
        r = json.loads(l)
        if not r['hit'] or r['truth'] not in ('yes', 'no'): continue
        if r['corpus'] in skip or (only is not None and r['corpus'] not in only): continue
        out.append((r['q'], passage_text(r), 1.0 if r['truth'] == 'yes' else 0.0, r))
    return out

def load_source(spec):
    kind, _, rest = spec.partition(':')
    if kind == 'boolq':
        path, _, n = rest.partition('@')
        rows = [json.loads(l) for l in open(path)]
        rows = [(r['question'], r.get('title', '') + ': ' + r['passage'] if r.get('title') else r['passage'],
                 1.0 if r['label'] in (True, 1, 'true', 'True') else 0.0, None) for r in rows]
        if n: rng.shuffle(rows); rows = rows[:int(n)]
        return rows
    if kind == 'nli':
        # entailment reads as Yes, contradiction as No; neutral (the premise does not settle it) is left out.
        path, _, n = rest.partition('@')
        rows = [json.loads(l) for l in open(path)]
        rows = [(r['hypothesis'], r['premise'], 1.0 if r['label'] in ('entailment', 'entails') else 0.0, None)
                for r in rows if r['label'] in ('entailment', 'entails', 'contradiction')]
        if n: rng.shuffle(rows); rows = rows[:int(n)]
        return rows
    if kind == 'pol':
        path, _, skip = rest.partition(':skip=')
        return pol_rows(path, skip=set(skip.split('+')) if skip else ())
    raise SystemExit('unknown source ' + spec)

class Reader(nn.Module):
    def __init__(s, m):
        super().__init__(); s.m = m; s.head = nn.Linear(384, 1)
    def forward(s, ids, mask, types):
        x = s.m(ids, mask, types, raw=True); mm = mask[..., None]
        return s.head((x * mm).sum(1) / mm.sum(1).clamp(min=1e-9)).squeeze(-1)

def build():
    m, _ = bert.load(); lora.wrap(m, RANK, ALPHA)
    return Reader(m)

def train(model, rows, epochs, lr, B=16):
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
    steps = epochs * ((len(rows) + B - 1) // B); step = 0
    for ep in range(epochs):
        rng.shuffle(rows); t0 = time.time(); tl = 0; n = 0
        for s in range(0, len(rows), B):
            b = rows[s:s + B]
            ids, mask, types = bert.batchify_pairs([(r[0], r[1]) for r in b], MAXT)
            model.train()
            loss = F.binary_cross_entropy_with_logits(model(ids, mask, types), torch.tensor([r[2] for r in b]))
            for g in opt.param_groups: g['lr'] = lr * min(1.0, (step + 1) / max(1, steps * 0.06)) * max(0.0, (steps - step) / steps)
            opt.zero_grad(); loss.backward(); opt.step(); step += 1; tl += float(loss); n += 1
            if n % 50 == 0: print(f'  step {step}/{steps} loss {tl / n:.4f} {time.time() - t0:.0f}s', flush=True)
        print(f'epoch {ep}: loss {tl / max(1, n):.4f} {time.time() - t0:.0f}s', flush=True)

@torch.no_grad()
def score(model, rows, B=32):
    model.eval(); out = []
    for s in range(0, len(rows), B):
        b = rows[s:s + B]
        ids, mask, types = bert.batchify_pairs([(r[0], r[1]) for r in b], MAXT)
        out.extend(torch.sigmoid(model(ids, mask, types)).tolist())
    return out

def auc(pos, neg):
    if not pos or not neg: return float('nan')
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))

def report(rows, probs):
    yes = [p for r, p in zip(rows, probs) if r[2] == 1]; no = [p for r, p in zip(rows, probs) if r[2] == 0]
    acc = sum((p > 0.5) == (r[2] == 1) for r, p in zip(rows, probs)) / len(rows)
    print(f'rows {len(rows)}: AUC yes>no {auc(yes, no):.3f}, accuracy {acc:.3f}', flush=True)
    for rule in ('yes', 'none', 'no'):
        ry = [(r, p) for r, p in zip(rows, probs) if r[3] and r[3]['rule'] == rule]
        if not ry: continue
        print(f'  the rules read {rule} ({len(ry)}, {sum(r[2] == 1 for r, p in ry)} truly yes): yes>no AUC '
              f'{auc([p for r, p in ry if r[2] == 1], [p for r, p in ry if r[2] == 0]):.3f}; said Yes at p>=' +
              ', '.join(f'{t}: {sum(p >= t for r, p in ry)}/{sum(p >= t and r[2] == 0 for r, p in ry)} wrong' for t in (0.5, 0.7, 0.8, 0.9, 0.95)) +
              '; said No at p<=' + ', '.join(f'{t}: {sum(p <= t for r, p in ry)}/{sum(p <= t and r[2] == 1 for r, p in ry)} wrong' for t in (0.05, 0.1, 0.2)))

def load_reader(path):
    model = build(); missing = model.load_state_dict(torch.load(path), strict=False)
    assert not missing.unexpected_keys, missing.unexpected_keys
    return model

if __name__ == '__main__' and sys.argv[1] != '--score':
    out, sources = sys.argv[1], sys.argv[2]
    rows = [r for spec in sources.split(',') for r in load_source(spec)]
    print(len(rows), 'training rows, yes share', round(sum(r[2] for r in rows) / len(rows), 3), flush=True)
    model = load_reader(os.environ['INIT']) if os.environ.get('INIT') else build()
    train(model, rows, int(os.environ.get('EPOCHS', '2')), float(os.environ.get('LR', '3e-4')))
    torch.save({k: v for k, v in model.state_dict().items() if 'A' in k.split('.')[-1] or 'B' in k.split('.')[-1] or k.startswith('head')}, out)
    if len(sys.argv) > 3:
        only = set(os.environ['EVAL_ONLY'].split('+')) if os.environ.get('EVAL_ONLY') else None
        ev = pol_rows(sys.argv[3], only=only); probs = score(model, ev); report(ev, probs)
        with open(out + '.scores.jsonl', 'w') as f:
            for r, p in zip(ev, probs): f.write(json.dumps({'corpus': r[3]['corpus'], 'q': r[0], 'truth': r[3]['truth'], 'rule': r[3]['rule'], 'p': p}) + '\n')


if __name__ == '__main__' and sys.argv[1] == '--score':
    # yesno.py --score READER.pt POL.jsonl [OUT.jsonl]: the reader's P(yes) on a polarity dump it never saw.
    model = load_reader(sys.argv[2]); ev = pol_rows(sys.argv[3]); probs = score(model, ev); report(ev, probs)
    for c in sorted({r[3]['corpus'] for r in ev}):
        sub = [(r, p) for r, p in zip(ev, probs) if r[3]['corpus'] == c]
        print(f'  {c}: AUC {auc([p for r, p in sub if r[2] == 1], [p for r, p in sub if r[2] == 0]):.3f} ({len(sub)})')
    if len(sys.argv) > 4:
        with open(sys.argv[4], 'w') as f:
            for r, p in zip(ev, probs): f.write(json.dumps({'corpus': r[3]['corpus'], 'q': r[0], 'truth': r[3]['truth'], 'rule': r[3]['rule'], 'p': p}) + '\n')
