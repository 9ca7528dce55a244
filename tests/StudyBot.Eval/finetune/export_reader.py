# Writes a fitted yes/no reader (yesno.py) in the product's formats: its LoRA change as LowRankDelta.Read reads it
# (export_lora.write, as for a sentence-model change) and its head as JSON (384 weights and a bias on the mean of the
# token states; P(yes) = sigmoid(w · mean + b)).
# usage: export_reader.py READER.pt OUT.lora OUT.head.json
import sys, json, torch
import export_lora, yesno
sd = torch.load(sys.argv[1]); scale = yesno.ALPHA / yesno.RANK
pairs = sorted({k.rsplit('.', 1)[0] for k in sd if k.startswith('m.layers.')})
export_lora.write(sys.argv[2], [(key.split('.')[2], key.split('.')[3], sd[key + '.A'], sd[key + '.B'], scale) for key in pairs])
json.dump({'weights': [round(float(x), 6) for x in sd['head.weight'][0]], 'bias': round(float(sd['head.bias'][0]), 6)}, open(sys.argv[3], 'w'))
print(len(pairs), 'matrices')
