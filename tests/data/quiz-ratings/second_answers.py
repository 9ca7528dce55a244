"""Second defensible answers and facts asked twice, measured against the outside readers' reasons (docs/quiz.md,
"A second defensible answer").

    dotnet run -c Release --project tests/StudyBot.Eval -- quiz-loco --support /tmp/support.tsv
    python3 tests/data/quiz-ratings/second_answers.py /tmp/support.tsv

Labels every rated row whose reason (docs/quiz-rating-outside-*.md, the text after the verdict) says that another
choice is also defensible, also correct, also true or ambiguous, then counts how many of those, and how many rows rated
good, the writer's check (SecondAnswer: a line with SHARE of the stem's weight and LIKE likeness) flags. The thresholds
were chosen on rounds 18 and 19; rounds 1-17 are the held-out check.
"""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "../../../docs")
SHARE, LIKE = 0.5, 0.7  # SecondAnswer.SupportedShare, SupportedLike
DESIGN = {18, 19}
docs = {1: "quiz-rating-outside-2026-11-30.md", 18: "quiz-rating-outside-18-2026-12-01.md", 19: "quiz-rating-outside-19-2026-12-01.md"}
docs.update({r: f"quiz-rating-outside-{r}-2026-11-30.md" for r in [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17]})
head = re.compile(r'^(?:#+\s*|-\s*)?(?:\*\*)?\s*([SCUL]\d+)\b[^`\n]{0,40}?`?([0-9a-f]{16})`?')
listed = re.compile(r'^-\s*([QP]\d+):\s*\*\*')
verdict = re.compile(r"\*\*\s*(?:Verdict:?\s*)?(good|guessable|defect|wrong key)\b|Verdict:?\*?\*?:?\s*\*?\*?\s*(good|guessable|defect)", re.I)
second = re.compile(
    r"also (?:defensible|correct|true|right|valid|fit|fits|plausible answer|answer)|two defensible|more than one (?:defensible|correct|answer)|"
    r"(?:second|another|two|three) (?:defensible|correct|valid) answer|ambiguous|equally (?:true|correct|valid|defensible|well)|"
    r"(?:is|are) defensible|defensible too|also be (?:right|correct|true|defended|argued)|as true of|can also be argued|"
    r"also says|also make|makes? .{0,40} true|fits? (?:as well|too|equally)|both (?:choices|answers) (?:are )?(?:defensible|correct|true)|"
    r"also (?:qualif|appl)|completes? a true sentence|every wrong choice (?:is|completes|fits)|just as (?:regex|well|true)|at least as well|"
    r"also (?:shown|extended|work)|could also be|would also be", re.I)


def reasons():
    out = {}
    for r, doc in docs.items():
        lines = open(os.path.join(DOCS, doc)).read().split("\n")
        starts = [(i, (head.match(l.strip()) or listed.match(l.strip())).group(1)) for i, l in enumerate(lines)
                  if head.match(l.strip()) or listed.match(l.strip())]
        for k, (i, label) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else min(len(lines), i + 15)
            text = " ".join(lines[i:end]).split("## Summary")[0]
            m = verdict.search(text)
            out.setdefault((r, label), text[m.end():] if m else text)
    return out


def main(support):
    rows = [json.loads(l) for l in open(os.path.join(HERE, "rated-items.jsonl")) if l.strip()]
    why = reasons()
    flagged = set()
    for l in open(support):
        f = l.rstrip("\n").split("\t")
        if float(f[6]) >= SHARE - 1e-9 and float(f[7]) >= LIKE - 1e-9:
            flagged.add((int(f[0]), f[1]))
    measured = {(int(l.split("\t")[0]), l.split("\t")[1]) for l in open(support)}
    c = Counter()
    for o in rows:
        k = (o["round"], o["label"])
        part = "design 18-19" if o["round"] in DESIGN else "held-out 1-17"
        two = bool(second.search(why.get(k, "")))
        blank = o["item"]["kind"] == "FillInTheBlank"
        c[(part, "two-answer rows")] += two
        c[(part, "two-answer blanks")] += two and blank
        c[(part, "two-answer blanks flagged")] += two and k in flagged
        c[(part, "good rows")] += o["good"]
        c[(part, "good blanks")] += o["good"] and blank
        c[(part, "good blanks flagged")] += o["good"] and k in flagged
        c[(part, "other blanks (not good, not two-answer)")] += blank and not o["good"] and not two
        c[(part, "other blanks flagged")] += blank and not o["good"] and not two and k in flagged
        c[(part, "blanks measured (notes on this machine)")] += blank and k in measured
    for part in ("design 18-19", "held-out 1-17"):
        print(part)
        for (p, name), n in sorted(c.items()):
            if p == part:
                print(f"  {name:45s} {n}")
    for k in sorted(flagged):
        o = next(o for o in rows if (o["round"], o["label"]) == k)
        print("flagged", k, o["verdict"], "two-answer" if second.search(why.get(k, "")) else "", o["item"]["question"][:100])


if __name__ == "__main__":
    main(sys.argv[1])
