# Writes the fitted change in the product's format (LowRankDelta.Read): SBLORA01, a count, then per matrix its
# bias name, rank, inputs, outputs, scale and the factors A (rank x inputs) and B (outputs x rank) as half floats.
# usage: export_lora.py deltas.pt out.lora
import sys, struct, torch
NAMES = {'q': 'attention.self.query', 'k': 'attention.self.key', 'v': 'attention.self.value', 'o': 'attention.output.dense',
         'i': 'intermediate.dense', 'out': 'output.dense'}
d = torch.load(sys.argv[1])
with open(sys.argv[2], 'wb') as f:
    f.write(b'SBLORA01'); f.write(struct.pack('<i', len(d)))
    for key, (A, B, scale) in d.items():
        L, n = key.split('.')
        name = f'encoder.layer.{L}.{NAMES[n]}'.encode()
        r, inp = A.shape; out = B.shape[0]
        f.write(struct.pack('<i', len(name))); f.write(name)
        f.write(struct.pack('<iiif', r, inp, out, scale))
        f.write(A.numpy().astype('<f2').tobytes()); f.write(B.numpy().astype('<f2').tobytes())
