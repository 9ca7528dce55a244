# Writes a fitted yes/no reader (yesno.py) in the product's formats: its LoRA change as LowRankDelta.Read reads it
# (SBLORA01, as export_lora.py writes a sentence-model change) and its head as JSON (384 weights and a bias on the mean
# of the token states; P(yes) = sigmoid(w · mean + b)).
# usage: export_reader.py READER.pt OUT.lora OUT.head.json
import sys, json, struct, torch
NAMES = {'q': 'attention.self.query', 'k': 'attention.self.key', 'v': 'attention.self.value', 'o': 'attention.output.dense',
         'i': 'intermediate.dense', 'out': 'output.dense'}
sd = torch.load(sys.argv[1]); scale = 1.0  # LORA_ALPHA / LORA, both 16 as yesno.py fits it
pairs = sorted({k.rsplit('.', 1)[0] for k in sd if k.startswith('m.layers.')})
with open(sys.argv[2], 'wb') as f:
    f.write(b'SBLORA01'); f.write(struct.pack('<i', len(pairs)))
    for key in pairs:
        _, _, L, n = key.split('.')
        A, B = sd[key + '.A'], sd[key + '.B']
        name = f'encoder.layer.{L}.{NAMES[n]}'.encode()
        f.write(struct.pack('<i', len(name))); f.write(name)
        f.write(struct.pack('<iiif', A.shape[0], A.shape[1], B.shape[0], scale))
        f.write(A.numpy().astype('<f2').tobytes()); f.write(B.numpy().astype('<f2').tobytes())
json.dump({'weights': [round(float(x), 6) for x in sd['head.weight'][0]], 'bias': round(float(sd['head.bias'][0]), 6)}, open(sys.argv[3], 'w'))
print(len(pairs), 'matrices')
