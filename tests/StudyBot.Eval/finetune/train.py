import os, sys, random, time, torch, torch.nn.functional as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bert, data
torch.set_num_threads(int(os.environ.get('THREADS', '2')))
# usage: train.py OUT.pt train_names(comma|loco) [epochs] [lr] [hard]
out = sys.argv[1]
names = data.LOCO if sys.argv[2] == 'loco' else sys.argv[2].split(',')
epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
lr = float(sys.argv[4]) if len(sys.argv) > 4 else 2e-5
nhard = int(sys.argv[5]) if len(sys.argv) > 5 else 2
freeze_emb = os.environ.get('FREEZE_EMB', '1') == '1'
rng = random.Random(7)
m, _ = bert.load()
examples = []
for name in names:
    ps = data.passages(name); qs = data.questions(name)
    pv, qv = torch.load(os.path.join(WORK, f'emb-base-{name}.pt'))
    sims = qv @ pv.T
    for i, (q, exp) in enumerate(qs):
        pos = [j for j, p in enumerate(ps) if data.hits(p, exp)]
        if not pos: continue
        order = sims[i].argsort(descending=True).tolist()
        hard = [j for j in order[:30] if j not in pos][:10]
        best = max(pos, key=lambda j: float(sims[i, j]))
        examples.append((q, ps[best]['text'], [ps[j]['text'] for j in hard]))
print(len(examples), 'examples', flush=True)
rank = int(os.environ.get('LORA', '0'))
if rank:
    import lora
    lora.wrap(m, rank, float(os.environ.get('LORA_ALPHA', str(rank))))
elif freeze_emb:
    for p in [m.word.weight, m.pos.weight, m.typ.weight]: p.requires_grad = False
opt = torch.optim.AdamW([p for p in m.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
B = 32
steps = epochs * ((len(examples) + B - 1) // B); step = 0
for ep in range(epochs):
    rng.shuffle(examples); t0 = time.time(); tl = 0
    for s in range(0, len(examples), B):
        batch = examples[s:s + B]
        qs = [e[0] for e in batch]; docs = [e[1] for e in batch]
        for e in batch: docs.extend(rng.sample(e[2], min(nhard, len(e[2]))))
        m.train()
        qi, qm = bert.batchify(qs); di, dm = bert.batchify(docs)
        qv = m(qi, qm); dv = m(di, dm)
        logits = 20.0 * qv @ dv.T
        loss = F.cross_entropy(logits, torch.arange(len(batch)))
        for g in opt.param_groups: g['lr'] = lr * min(1.0, (step + 1) / max(1, steps * 0.1)) * max(0.0, (steps - step) / steps)
        opt.zero_grad(); loss.backward(); opt.step(); step += 1; tl += float(loss)
    print(f'epoch {ep}: loss {tl / ((len(examples) + B - 1) // B):.4f} {time.time() - t0:.0f}s', flush=True)
if rank:
    lora.merge(m)
torch.save(m.state_dict(), out)
