#!/bin/bash
# The public data the yes/no reader (yesno.py) is fitted on, from GitHub snapshots of repositories that redistribute
# it unchanged (the train splits are over the snapshot tool's 4 MiB limit, so these are the labelled dev/test splits).
#   BoolQ dev (Clark et al. 2019, CC BY-SA 3.0): d-eremeev/BoolQ-Question-Answering @ 72c347852e30 data/dev.jsonl
#   MultiNLI dev matched (Williams et al. 2018; OANC and CC BY-SA 3.0 / CC BY 3.0 fiction): anthonywchen/generative-nli
#     @ aad500326efe data/mnli/dev.jsonl
#   SNLI 1.0 dev (Bowman et al. 2015, CC BY-SA 4.0): the same repository, data/snli/dev.jsonl
#   SNLI 1.0 test, tokenised (CC BY-SA 4.0): OanaMariaCamburu/e-SNLI @ 7b585a3f077f dataset/eSNLI/{s1,s2,labels}.test
# usage: nli-data.sh MIRROR_DIR OUT_DIR   (MIRROR_DIR holds owner+name/repo bare git directories)
set -euo pipefail
M=$1; OUT=$2; mkdir -p "$OUT"
show() { git --git-dir="$M/$1/repo" show "HEAD:$2"; }
show d-eremeev+BoolQ-Question-Answering data/dev.jsonl \
  | /usr/bin/python3 -c 'import sys,json
for l in sys.stdin:
    r=json.loads(l); print(json.dumps({"question":r["question"],"passage":r["passage"],"title":r["title"],"label":r["answer"]}))' > "$OUT/boolq-dev.jsonl"
show anthonywchen+generative-nli data/mnli/dev.jsonl > "$OUT/mnli-dev_matched.jsonl"
show anthonywchen+generative-nli data/snli/dev.jsonl > "$OUT/snli-dev.jsonl"
paste -d '\t' <(show OanaMariaCamburu+e-SNLI dataset/eSNLI/s1.test) <(show OanaMariaCamburu+e-SNLI dataset/eSNLI/s2.test) \
  <(show OanaMariaCamburu+e-SNLI dataset/eSNLI/labels.test) \
  | /usr/bin/python3 -c 'import sys,json
for l in sys.stdin:
    p,h,y=l.rstrip("\n").split("\t"); print(json.dumps({"premise":p,"hypothesis":h,"label":y}))' > "$OUT/snli-test.tokenized.jsonl"
wc -l "$OUT"/*.jsonl
