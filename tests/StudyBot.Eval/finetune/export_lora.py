# Writes the fitted change in the product's format (LowRankDelta.Read): SBLORA01, a count, then per matrix its
# bias name, rank, inputs, outputs, scale and the factors A (rank x inputs) and B (outputs x rank) as half floats.
# usage: export_lora.py deltas.pt out.lora
import sys, struct, torch
NAMES = {'q': 'attention.self.query', 'k': 'attention.self.key', 'v': 'attention.self.value', 'o': 'attention.output.dense',
         'i': 'intermediate.dense', 'out': 'output.dense'}

def write(path, entries):
    """entries: (layer, short name as lora.py wraps it, A, B, scale) per matrix."""
    with open(path, 'wb') as f:
        f.write(b'SBLORA01'); f.write(struct.pack('<i', len(entries)))
        for L, n, A, B, scale in entries:
            name = f'encoder.layer.{L}.{NAMES[n]}'.encode()
            f.write(struct.pack('<i', len(name))); f.write(name)
            f.write(struct.pack('<iiif', A.shape[0], A.shape[1], B.shape[0], scale))
            f.write(A.numpy().astype('<f2').tobytes()); f.write(B.numpy().astype('<f2').tobytes())

if __name__ == '__main__':
    d = torch.load(sys.argv[1])
    write(sys.argv[2], [(*key.split('.'), A, B, scale) for key, (A, B, scale) in d.items()])
