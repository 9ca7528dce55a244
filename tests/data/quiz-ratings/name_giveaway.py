"""Names that give the answer away, measured against the outside readers' reasons (docs/quiz.md, "Typos copied into
items, and names that give the answer away").

    dotnet run -c Release --project tests/StudyBot.Eval -- quiz-loco --dump /tmp/dump.tsv
    python3 tests/data/quiz-ratings/name_giveaway.py /tmp/dump.tsv

Labels every rated definition, contrast and blank whose verdict is "guessable" and whose reason (docs/quiz-rating-outside-
*.md, the text after the verdict) says that the key's name, or a stem word, says what the stem says ("the name gives it
away", "the everyday meaning of", "points to", "a synonym of", ...), and sets the writer's signal stem_lead (the sentence
model's likeness of the stem to the key less its greatest likeness to a wrong choice, in steps of 0.05) against those
rows and the rows rated good: per kind and number of choices, per half of the rounds (1-17, where a margin is chosen;
18-35, where it is checked), how many of each a margin flags.
"""
import csv, glob, json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "../../../docs")
DESIGN = range(1, 18)
START = re.compile(r'^(?:#+\s*|-\s*|\*\*)?\s*\**([A-Z]\d{1,3})\b\**')
VERDICT = re.compile(r"\b(good|guessable|defect|wrong key)\b", re.I)
# What a reader writes when the key's name, or a word of the stem, says the answer in everyday words.
NAME_PHRASES = [
    r"name (?:itself|alone|gives|says)", r"names? give", r"gives? (?:it|the (?:key|answer)|itself)? ?away", r"give away",
    r"everyday (?:meaning|sense|word)", r"literal(?:ly)? (?:meaning|means)", r"restates?", r"points? to", r"spells? out",
    r"echo", r"the word .{0,30} (?:gives|points|names)", r"by (?:the|its) name", r"synonym", r"means the key", r"stem cue",
    r"says? the (?:key|name)", r"in other words", r"the name", r"its name", r"the title", r"meaning of", r"just means",
    r"= ['\"\u201c]",
]
NAME = re.compile("|".join(NAME_PHRASES), re.I)


def doc(r):
    if r == 1:
        return os.path.join(DOCS, "quiz-rating-outside-2026-11-30.md")
    found = glob.glob(os.path.join(DOCS, f"quiz-rating-outside-{r}-2026-*.md"))
    return found[0] if found else None


def reasons():
    """(round, label) -> the reader's text after the verdict."""
    out = {}
    for r in range(1, 100):
        path = doc(r)
        if not path:
            continue
        lines = open(path).read().split("\n")
        starts = [(i, m.group(1)) for i, l in enumerate(lines) if (m := START.match(l.strip()))
                  and (":" in l[:40] or re.search(r"[0-9a-f]{16}", l[:60]) or l.strip().startswith("#"))]
        for k, (i, label) in enumerate(starts):
            end = min(starts[k + 1][0] if k + 1 < len(starts) else len(lines), i + 12)
            text = " ".join(lines[i:end])
            text = text[text.find(label) + len(label):]
            m = VERDICT.search(text)
            out.setdefault((r, label), text[m.end():] if m else text)
    return out


def main(dump):
    why = reasons()
    items = {}
    for l in open(os.path.join(HERE, "rated-items.jsonl")):
        o = json.loads(l)
        items[(o["round"], o["label"])] = o
    rows = []
    for d in csv.DictReader(open(dump), delimiter="\t"):
        k = (int(d["round"]), d["label"])
        o = items[k]
        if d["kind"] not in ("Definition", "Contrast", "FillInTheBlank") or d["stem_lead"] == "NaN":
            continue
        cls = "good" if o["good"] else ("name" if o["verdict"] == "guessable" and NAME.search(why.get(k, "")) else "other")
        n = len(o["item"]["choices"])
        group = "blank" if d["kind"] == "FillInTheBlank" else ("which of two" if n == 2 else "which of three or more")
        rows.append((k[0], group, cls, float(d["stem_lead"]), o["item"]["id"], o["item"]["choices"][o["item"]["answerIndex"]]))

    def auc(pos, neg):
        return sum(1 if p > q else 0.5 if p == q else 0 for p in pos for q in neg) / (len(pos) * len(neg)) if pos and neg else float("nan")

    for group in ("which of two", "which of three or more", "blank"):
        print(group)
        for part, rounds in (("1-17 (design)", lambda r: r in DESIGN), ("18-35 (held out)", lambda r: r not in DESIGN)):
            sel = [x for x in rows if x[1] == group and rounds(x[0])]
            names = [x[3] for x in sel if x[2] == "name"]
            good = [x[3] for x in sel if x[2] == "good"]
            print(f"  {part}: {len(names)} name-guessable, {len(good)} good, {len(sel) - len(names) - len(good)} other; AUC name > good {auc(names, good):.2f}")
            for margin in (0.0, 0.05, 0.10, 0.15):
                hit = Counter(x[2] for x in sel if x[3] >= margin - 1e-9)
                n = sum(hit.values())
                print(f"    lead >= {margin:.2f}: flags {hit['name']} name-guessable, {hit['good']} good, {hit['other']} other"
                      + (f" (good {hit['good'] / n:.0%} of flagged, {len(good) / len(sel):.0%} of all)" if n else ""))
        flagged = defaultdict(Counter)
        for x in rows:
            if x[1] == group and x[3] >= 0.10 - 1e-9:
                flagged[(x[4], x[5], x[3])][x[2]] += 1
        for (id_, key, lead), c in sorted(flagged.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"    {id_} {key!r} lead {lead:.2f}: {dict(c)}")


if __name__ == "__main__":
    main(sys.argv[1])
