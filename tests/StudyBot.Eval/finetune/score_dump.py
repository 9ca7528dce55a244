# The reader's P(yes) for every row of a polarity dump (the right passage or not), for trust_sim.py.
# usage: score_dump.py READER.pt POL.jsonl OUT.jsonl
import sys, os, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import yesno
model = yesno.load_reader(sys.argv[1])
rows = [json.loads(l) for l in open(sys.argv[2])]
probs = yesno.score(model, [(r['q'], yesno.passage_text(r), 0, None) for r in rows])
with open(sys.argv[3], 'w') as f:
    for r, p in zip(rows, probs): r['reader'] = p; f.write(json.dumps(r) + '\n')
