"""A second defensible answer read sentence by sentence, measured against the outside readers' reasons (docs/quiz.md,
"A second defensible answer, sentence by sentence").

    dotnet run -c Release --project tests/StudyBot.Eval -- quiz-second-answer /tmp/second-answer.tsv
    python3 tests/data/quiz-ratings/second_answer_sentences.py /tmp/second-answer.tsv [SHARE LIKE TOP VARIANT]

Labels every rated blank not rated good whose reason (name_giveaway.reasons(): the text after the verdict in
docs/quiz-rating-outside-*.md) says that another choice is also right (second_answers.second, and a few more phrasings
of rounds 20-55) as two-answer, and every blank rated good as fair; then, per variant of the support (whole lines outside
the cited ones as SecondAnswer reads them now; sentences with the cited passage's other sentences, words matched by
their stem or by QuizText.SameWord), how many of each a share and a likeness flag among the best TOP lines, on the design rounds
(1-27) and on the held-out ones (28-55): by verdict, then by item (many items were rated in several rounds: an item is
two-answer when any verdict says so, fair when every verdict is good, mixed when good and other verdicts meet; its half
is that of its first round; flagged when any of its rated versions is). With SHARE LIKE TOP VARIANT, lists the blanks that threshold flags in each half.
"""
import csv, json, os, re, sys
from collections import defaultdict

from name_giveaway import reasons
from second_answers import second

HERE = os.path.dirname(os.path.abspath(__file__))
DESIGN = range(1, 28)
# Phrasings of later rounds second_answers.second (written on rounds 1-19) does not read.
MORE = re.compile(r"defensible second|arguably defensible|both defensible|second right answer|a defensible completion|about as well as", re.I)
VARIANTS = ("lines", "sentences", "sentences-forms")


def labels():
    why = reasons()
    out = {}
    for line in open(os.path.join(HERE, "rated-items.jsonl")):
        o = json.loads(line)
        if o["item"]["kind"] != "FillInTheBlank":
            continue
        k = (o["round"], o["label"])
        text = why.get(k, "")
        if o["good"]:
            out[k] = ("fair", o)
        elif second.search(text) or MORE.search(text):
            out[k] = ("two", o)
        else:
            out[k] = ("other", o)
    return out


def main(path, chosen=None):
    lab = labels()
    support = defaultdict(list)  # (round, label, variant) -> [(rank, share, like, wrong, text)]
    measured = set()
    for d in csv.DictReader(open(path), delimiter="\t", quoting=csv.QUOTE_NONE):
        k = (int(d["round"]), d["label"])
        measured.add(k)
        support[k + (d["variant"],)].append((int(d["rank"]), float(d["share"]), float(d["like"]), d["wrong"], d["text"]))
    # A blank none of whose wrong choices has a supporting line writes no row: measured all the same.
    for line in open(os.path.join(HERE, "rated-items.jsonl")):
        o = json.loads(line)
        if o["item"]["kind"] == "FillInTheBlank":
            measured.add((o["round"], o["label"]))
    halves = {"design 1-27": [k for k in lab if k[0] in DESIGN], "held out 28-55": [k for k in lab if k[0] not in DESIGN]}
    for half, keys in halves.items():
        n = {c: sum(1 for k in keys if lab[k][0] == c) for c in ("two", "fair", "other")}
        items = {c: len({lab[k][1]["item"]["id"] for k in keys if lab[k][0] == c}) for c in ("two", "fair")}
        print(f"{half}: {n['two']} two-answer verdicts ({items['two']} items), {n['fair']} good ({items['fair']} items), {n['other']} other")

    def flagged(k, variant, share, like, top):
        return [r for r in support.get(k + (variant,), []) if r[0] < top and r[1] >= share - 1e-9 and r[2] >= like - 1e-9]

    if chosen:
        share, like, top, variant = chosen
        for half, keys in halves.items():
            print(f"== {half}: {variant} share >= {share}, like >= {like}, top {top}")
            for k in sorted(keys):
                f = flagged(k, variant, share, like, top)
                if f:
                    o = lab[k][1]
                    print(f"  {lab[k][0]:5s} {k[0]} {k[1]} {o['verdict']}: {o['item']['question'][:110]} key {o['item']['choices'][o['item']['answerIndex']]}")
                    for r in f[:2]:
                        print(f"        {r[3]} share {r[1]:.2f} like {r[2]:.2f}: {r[4][:150]}")
        return

    items = {}
    for k, (c, o) in lab.items():
        e = items.setdefault(o["item"]["id"], {"two": 0, "fair": 0, "other": 0, "first": k[0], "keys": []})
        e[c] += 1
        e["keys"].append(k)
        e["first"] = min(e["first"], k[0])
    for e in items.values():
        e["class"] = "two" if e["two"] else "fair" if e["fair"] and not e["other"] else "mixed" if e["fair"] else "other"
    item_halves = {h: [e for e in items.values() if (e["first"] in DESIGN) == (h == "design 1-27")] for h in halves}
    classes = ("two", "fair", "mixed", "other")
    print("items: " + " | ".join(f"{h}: " + ", ".join(f"{sum(e['class'] == c for e in es)} {c}" for c in classes) for h, es in item_halves.items()))
    print("by item: variant, top, share, like: design two-answer / fair / mixed / other flagged | held out the same")
    for variant in VARIANTS:
        for share in (0.4, 0.45, 0.5):
            for like in (0.6, 0.65, 0.7, 0.8):
                cells = []
                for es in item_halves.values():
                    # One id, one line of the notes; its wrong choices may differ from round to round.
                    hit = [e for e in es if any(flagged(k, variant, share, like, 3) for k in e["keys"])]
                    cells.append(" ".join(f"{sum(e['class'] == c for e in hit):3d}" for c in classes))
                print(f"  {variant:16s} 3 {share:.2f} {like:.2f}: " + " | ".join(cells))

    print("by verdict: variant, top, share, like: design two-answer / good / other flagged | held out the same")
    for variant in VARIANTS:
        for top in ((3,) if variant == "lines" else (3, 5)):
            for share in (0.3, 0.4, 0.5, 0.6):
                for like in (0.55, 0.6, 0.65, 0.7, 0.75):
                    cells = []
                    for keys in halves.values():
                        hit = {c: sum(1 for k in keys if lab[k][0] == c and flagged(k, variant, share, like, top)) for c in ("two", "fair", "other")}
                        cells.append(f"{hit['two']:3d} {hit['fair']:3d} {hit['other']:3d}")
                    print(f"  {variant:16s} {top} {share:.2f} {like:.2f}: " + " | ".join(cells))


if __name__ == "__main__":
    main(sys.argv[1], (float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]) if len(sys.argv) > 5 else None)
