# usage: unseen_pol.py ANSWERS_DIR OUT.jsonl   (ANSWERS_DIR: each unseen set's `ask --json` answers, SET.answers.jsonl)
# Build a polarity eval set from the unseen sets' answers: yes/no questions whose first citation holds the labelled lines.
import json, glob, os, re, sys
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../data/eval/unseen'); ans_dir = sys.argv[1]; out = open(sys.argv[2], 'w'); n = 0
for f in sorted(glob.glob(root + '/*.jsonl')):
    name = os.path.basename(f)[:-6]
    af = os.path.join(ans_dir, name + '.answers.jsonl')
    if not os.path.exists(af): continue
    qs = [json.loads(l) for l in open(f) if l.strip()]
    ans = [json.loads(l) for l in open(af) if l.strip()]
    for q, a in zip(qs, ans):
        assert q['q'] == a['question']
        if q.get('polarity') not in ('yes', 'no') or not a['answered'] or not a['citations']: continue
        c = a['citations'][0]; exp = q.get('expect') or [{'file': q.get('file'), 'lines': q['lines']}]
        hit = any((e.get('file') is None or c['file'].replace('\\', '/').endswith(e['file'])) and any(c['lineStart'] <= l <= c['lineEnd'] for l in e['lines']) for e in exp)
        word = a['answer'].split()[0].strip(',.—-').lower() if a['answer'] else ''
        rule = word if word in ('yes', 'no') else 'none'
        out.write(json.dumps({'corpus': name, 'q': q['q'], 'truth': q['polarity'], 'hit': hit, 'section': c.get('section') or '',
                              'passage': c['snippet'].replace('**', ''), 'rule': rule}) + '\n'); n += 1
print(n, 'rows')
