# LoRA: a rank-r change B·A beside each dense layer of the copy, the base weights frozen.
import os, torch, torch.nn as nn
from data import WORK
class LoRA(nn.Module):
    def __init__(s, base, r, alpha):
        super().__init__()
        s.base = base; s.scale = alpha / r
        s.A = nn.Parameter(torch.randn(r, base.in_features) * (1.0 / base.in_features) ** 0.5)
        s.B = nn.Parameter(torch.zeros(base.out_features, r))
    def forward(s, x): return s.base(x) + (x @ s.A.T @ s.B.T) * s.scale
def wrap(m, r, alpha):
    for p in m.parameters(): p.requires_grad = False
    for l in m.layers:
        for n in ('q', 'k', 'v', 'o', 'i', 'out'):
            setattr(l, n, LoRA(getattr(l, n), r, alpha))
def merge(m):
    deltas = {}
    for L, l in enumerate(m.layers):
        for n in ('q', 'k', 'v', 'o', 'i', 'out'):
            w = getattr(l, n)
            with torch.no_grad():
                d = (w.B @ w.A) * w.scale
                w.base.weight += d
            deltas[f'{L}.{n}'] = (w.A.detach().clone(), w.B.detach().clone(), w.scale)
            setattr(l, n, w.base)
    torch.save(deltas, os.path.join(WORK, 'last-lora.pt'))
