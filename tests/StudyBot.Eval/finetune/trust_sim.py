# usage: MODE=p|logit|step trust_sim.py SCORED_POL.jsonl   (a polarity dump with each row's reader probability: score_dump.py)
# Leave-one-corpus-out simulation of the polarity trust model with and without the reader's P(yes) as a signal.
import json, math, sys, os, numpy as np
MODE = os.environ.get("MODE", "logit")
rows = []; seen = set()
for l in open(sys.argv[1]):
    r = json.loads(l)
    if (r['corpus'], r['q']) in seen: continue
    seen.add((r['corpus'], r['q'])); rows.append(r)
rows = [r for r in rows if r['rule'] in ('yes', 'no')]
def feats(r, use):
    x = list(r['signals'])
    if use:
        p = min(max(r['reader'], 1e-4), 1 - 1e-4); lg = math.log(p / (1 - p))
        x += ([lg if r["rule"] == "yes" else -lg] if MODE == "logit" else [p if r["rule"] == "yes" else 1 - p] if MODE == "p" else [float(p >= 0.8 if r["rule"] == "yes" else p <= 0.2)])
    return x
def fit(X, y, l2=1.0, iters=300):
    X = np.array(X); y = np.array(y, float); mu = X.mean(0); sd = X.std(0) + 1e-6; Z = (X - mu) / sd
    Z = np.hstack([Z, np.ones((len(Z), 1))]); w = np.zeros(Z.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-Z @ w)); g = Z.T @ (p - y) + l2 * np.r_[w[:-1], 0]; H = (Z.T * (p * (1 - p))) @ Z + l2 * np.eye(len(w))
        w -= np.linalg.solve(H, g)
    return lambda X2: 1 / (1 + np.exp(-(np.hstack([(np.array(X2) - mu) / sd, np.ones((len(X2), 1))]) @ w)))
def thr(ps, rights, cost):
    best, bt = 0, 1.01
    for t in sorted(set(ps)):
        v = sum((1 if r else -cost) for p, r in zip(ps, rights) if p >= t)
        if v > best: best, bt = v, t
    return bt
corpora = sorted({r['corpus'] for r in rows})
for use in (False, True):
  for cost in (5, 8, 12):
    tot = {'yes': [0, 0], 'no': [0, 0]}
    for c in corpora:
        tr = [r for r in rows if r['corpus'] != c]; te = [r for r in rows if r['corpus'] == c]
        for side in ('yes', 'no'):
            a = [r for r in tr if r['rule'] == side]; b = [r for r in te if r['rule'] == side]
            if not b: continue
            # out-of-fold probabilities on the training corpora for the threshold (inner leave-one-corpus-out)
            oof_p, oof_r = [], []
            for c2 in sorted({r['corpus'] for r in a}):
                a2 = [r for r in a if r['corpus'] != c2]; b2 = [r for r in a if r['corpus'] == c2]
                m2 = fit([feats(r, use) for r in a2], [r['truth'] == side for r in a2])
                oof_p += list(m2([feats(r, use) for r in b2])); oof_r += [r['truth'] == side for r in b2]
            t = thr(oof_p, oof_r, cost)
            m = fit([feats(r, use) for r in a], [r['truth'] == side for r in a])
            for r, p in zip(b, m([feats(r, use) for r in b])):
                if p >= t: tot[side][0 if r['truth'] == side else 1] += 1
    print(f"reader={use} cost={cost}: Yes said {tot['yes'][0]} right / {tot['yes'][1]} wrong; No {tot['no'][0]} / {tot['no'][1]}; total right {tot['yes'][0]+tot['no'][0]} wrong {tot['yes'][1]+tot['no'][1]} of {len(rows)} read")
