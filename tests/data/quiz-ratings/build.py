import json, re, sys, os
# Joins the outside reviews' verdicts (docs/quiz-rating-outside-*.md) with the rated banks (/tmp/rating*); see README.md.
DOCS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../docs")
# round -> (doc, bank dir, seed file, corpora file, commit)
rounds = {
 1: ("quiz-rating-outside-2026-11-30.md", "/tmp/rating", "seed-bank.jsonl", "corpora-bank.jsonl", "342d020"),
 2: ("quiz-rating-outside-2-2026-11-30.md", "/tmp/rating2", "seed-bank.jsonl", "corpora-bank.jsonl", "d074874"),
 3: ("quiz-rating-outside-3-2026-11-30.md", "/tmp/rating3", "seed-bank.jsonl", "corpora-bank.jsonl", "1b25c12"),
 4: ("quiz-rating-outside-4-2026-11-30.md", "/tmp/rating4", "seed-bank.jsonl", "corpora-bank.jsonl", "ea6dcaa"),
 5: ("quiz-rating-outside-5-2026-11-30.md", "/tmp/rating5", "seed-bank.jsonl", "corpora-bank.jsonl", "2bddcc5"),
 6: ("quiz-rating-outside-6-2026-11-30.md", "/tmp/rating6", "seed.jsonl", "corpora.jsonl", "b9b98d4"),
 7: ("quiz-rating-outside-7-2026-11-30.md", "/tmp/rating6", "seed.jsonl", "corpora.jsonl", "b9b98d4"),
 8: ("quiz-rating-outside-8-2026-11-30.md", "/tmp/rating8", "seed.jsonl", "corpora.jsonl", "0d62fb4"),
 9: ("quiz-rating-outside-9-2026-11-30.md", "/tmp/rating9", "seed.jsonl", "corpora.jsonl", "0d62fb4"),
 10: ("quiz-rating-outside-10-2026-11-30.md", "/tmp/rating10", "seed.jsonl", "corpora.jsonl", "e4ba864"),
 11: ("quiz-rating-outside-11-2026-11-30.md", "/tmp/rating11", "seed.jsonl", "corpora.jsonl", "6aae536"),
 12: ("quiz-rating-outside-12-2026-11-30.md", "/tmp/rating12", "seed.jsonl", "corpora.jsonl", "296adcc"),
 14: ("quiz-rating-outside-14-2026-11-30.md", "/tmp/rating14", "seed.jsonl", "corpora.jsonl", "contrasts"),
 15: ("quiz-rating-outside-15-2026-11-30.md", "/tmp/rating15", "seed.jsonl", "corpora.jsonl", "17c5eac"),
 16: ("quiz-rating-outside-16-2026-11-30.md", "/tmp/rating16", "seed.jsonl", "corpora.jsonl", "shipped"),
 # Review 17 rated one bank only: notes on Linux administration (tests/data/corpora4/linux-notes, set "linux", labels L*).
 17: ("quiz-rating-outside-17-2026-11-30.md", "/tmp/rating17", None, None, "1c39bf3+63c8c0e"),
}
# Rounds whose bank is one folder of its own: the set and the bank file in the round's directory.
own_sets = {17: ("linux", "items.jsonl")}
# A round whose rated bank is no longer on this machine keeps its rows from the existing output file (the items are in
# the rows themselves), so a new round can be added on another machine.
previous = {}
if len(sys.argv) > 1 and os.path.exists(sys.argv[1]):
    for line in open(sys.argv[1]):
        if line.strip():
            o = json.loads(line); previous.setdefault(o["round"], []).append(o)
head = re.compile(r'^(?:#+\s*|-\s*)?(?:\*\*)?\s*([SCUL]\d+)\b[^`\n]{0,40}?`?([0-9a-f]{16})`?')
verdict = re.compile(r'\b(good|guessable|defect)\b', re.I)
out = []
stats = {}
for r, (doc, d, sf, cf, commit) in rounds.items():
    if not os.path.isdir(d):
        out.extend(previous.get(r, [])); stats[r] = len(previous.get(r, [])); continue
    bank = {}
    # Review 16 also rated notes the model never saw (tests/data/corpora3, set "unseen", labels U*).
    for setname, f in ((own_sets[r],) if r in own_sets else (("seed", sf), ("corpora", cf), ("unseen", "unseen.jsonl"))):
        if setname == "unseen" and not os.path.exists(os.path.join(d, f)):
            continue
        for line in open(os.path.join(d, f)):
            if line.strip():
                o = json.loads(line); bank[(setname, o["id"])] = o
    lines = open(os.path.join(DOCS, doc)).read().split("\n")
    # find item starts
    starts = []
    for i, l in enumerate(lines):
        m = head.match(l.strip())
        if m: starts.append((i, m.group(1), m.group(2)))
    seen = set(); n = 0
    for k, (i, label, iid) in enumerate(starts):
        if (label, iid) in seen: continue
        end = starts[k+1][0] if k+1 < len(starts) else min(len(lines), i+15)
        block = lines[i:end]
        v = None
        # prefer a line with 'Verdict' or a bolded verdict
        for l in block:
            m = re.search(r'\*\*\s*(?:Verdict:?\s*)?(good|guessable|defect)\b', l, re.I) or re.search(r'Verdict:?\*?\*?:?\s*\*?\*?\s*(good|guessable|defect)', l, re.I)
            if m: v = m.group(1).lower(); break
        if v is None:
            continue
        seen.add((label, iid))
        setname = {"S": "seed", "C": "corpora", "U": "unseen", "L": "linux"}[label[0]]
        item = bank.get((setname, iid))
        if item is None:
            print("missing", r, label, iid, file=sys.stderr); continue
        cf_ = item["citation"]["file"]
        group = "seed" if setname == "seed" else "linux-notes" if setname == "linux" else cf_.split("/")[0]
        out.append({"round": r, "label": label, "verdict": v, "good": 1 if v == "good" else 0, "group": group,
                    "set": setname, "bankCommit": commit, "item": item})
        n += 1
    stats[r] = n
# Rounds rated from one shuffled list (labels Q1… or P1…, verdict lines "- Q7: **good**. …"), whose bank directory holds
# items.jsonl: each label with its set (seed, corpora, unseen for tests/data/corpora3, linux) and the item as rated.
listed = {18: ("quiz-rating-outside-18-2026-12-01.md", "/tmp/rating18", "5be320c"),
          19: ("quiz-rating-outside-19-2026-12-01.md", "/tmp/rating19", "a73137c"),
          20: ("quiz-rating-outside-20-2026-12-01.md", "/tmp/rating20", "fd504a6"),
          21: ("quiz-rating-outside-21-2026-12-01.md", "/tmp/rating21", "c343674"),
          22: ("quiz-rating-outside-22-2026-12-01.md", "/tmp/rating22", "d442f66+62728ca"),
          23: ("quiz-rating-outside-23-2026-12-01.md", "/tmp/rating23", "20022f8"),
          24: ("quiz-rating-outside-24-2026-12-01.md", "/tmp/rating24", "e9ea5a3"),
          25: ("quiz-rating-outside-25-2026-12-01.md", "/tmp/rating25", "f93ac39"),
          26: ("quiz-rating-outside-26-2026-12-01.md", "/tmp/rating26", "f93ac39"),
          27: ("quiz-rating-outside-27-2026-12-01.md", "/tmp/rating27", "f93ac39"),
          28: ("quiz-rating-outside-28-2026-12-01.md", "/tmp/rating28", "f93ac39"),
          29: ("quiz-rating-outside-29-2026-12-01.md", "/tmp/rating29", "8fd4587"),
          30: ("quiz-rating-outside-30-2026-12-01.md", "/tmp/rating30", "8fd4587"),
          31: ("quiz-rating-outside-31-2026-12-01.md", "/tmp/rating31", "8fd4587"),
          32: ("quiz-rating-outside-32-2026-12-01.md", "/tmp/rating32", "2f698db"),
          33: ("quiz-rating-outside-33-2026-12-01.md", "/tmp/rating33", "2f698db"),
          34: ("quiz-rating-outside-34-2026-12-01.md", "/tmp/rating34", "8e010c7"),
          35: ("quiz-rating-outside-35-2026-12-01.md", "/tmp/rating35", "2bba648"),
          36: ("quiz-rating-outside-36-2026-12-02.md", "/tmp/rating36", "aee255e"),
          37: ("quiz-rating-outside-37-2026-12-02.md", "/tmp/rating37", "281f2b1"),
          38: ("quiz-rating-outside-38-2026-12-02.md", "/tmp/rating38", "281f2b1"),
          39: ("quiz-rating-outside-39-2026-12-02.md", "/tmp/rating39", "281f2b1"),
          # Round 40: the nine topic items of the reserves and nine other reserve items (sets tech-interview, security, linux).
          40: ("quiz-rating-outside-40-2026-12-02.md", "/tmp/rating40b", "f64a1d9"),
          # Round 41: the seed and corpora banks and reserves of 1d58b54 and two Linux items (labels F1-F57).
          41: ("quiz-rating-outside-41-2026-12-03.md", "/tmp/rating41", "1d58b54"),
          # Round 42: the seed and corpora banks and reserves of 166f159, each kind its own threshold (labels F1-F57).
          42: ("quiz-rating-outside-42-2026-12-03.md", "/tmp/rating42", "166f159"),
          # Round 43: what the item model drops — the items of 6d444e5 outside the seed, corpora and Linux banks and
          # reserves (labels E1-E76).
          43: ("quiz-rating-outside-43-2026-12-03.md", "/tmp/rating43", "6d444e5")}
listed_verdict = re.compile(r'^-\s*([ABCDEFQPRSTUVWXYZ]\d+):\s*\*\*(good|guessable|defect|wrong key)\*\*', re.I)
for r, (doc, d, commit) in listed.items():
    if not os.path.isdir(d):
        out.extend(previous.get(r, [])); continue
    labelled = {}
    for line in open(os.path.join(d, "items.jsonl")):
        if line.strip():
            o = json.loads(line); labelled[o["label"]] = o
    for l in open(os.path.join(DOCS, doc)).read().split("\n"):
        m = listed_verdict.match(l.strip())
        if not m:
            continue
        label, v = m.group(1), m.group(2).lower()
        row = labelled[label]; item = row["item"]; setname = row["set"]
        cf_ = item["citation"]["file"]
        group = "seed" if setname == "seed" else "linux-notes" if setname == "linux" else cf_.split("/")[0]
        # A wrong key is the worst defect: not good, kept as "defect" so the verdicts stay three.
        out.append({"round": r, "label": label, "verdict": "defect" if v == "wrong key" else v, "good": 1 if v == "good" else 0,
                    "group": group, "set": setname, "bankCommit": commit, "item": item})
    rounds[r] = (doc, d, None, None, commit)
for r in rounds:
    rows = [o for o in out if o["round"] == r]
    s = [o for o in rows if o["set"] == "seed"]; c = [o for o in rows if o["set"] == "corpora"]
    print(r, len(s), sum(o["good"] for o in s), len(c), sum(o["good"] for o in c), file=sys.stderr)
with open(sys.argv[1], "w") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
