#!/usr/bin/env bash
# Re-creates the gitignored note folders of corpora3/ and corpora4/ from repository snapshots
# (bare git directories, e.g. `git clone --mirror`), byte for byte, at the commits SOURCES.md
# names. Usage: tests/data/recreate-corpora.sh MIRRORS, where MIRRORS/<owner>+<name>/repo (or
# MIRRORS/<owner>+<name>) is each repository's git directory. A snapshot at another commit is
# refused: every key in the question sets points at the lines of these exact files.
set -euo pipefail
mirrors=${1:?usage: $0 MIRRORS}
here=$(cd "$(dirname "$0")" && pwd)

gitdir() { # owner+name commit
  local g="$mirrors/$1/repo"; [ -d "$g" ] || g="$mirrors/$1"
  [ -d "$g" ] || { echo "missing snapshot: $1" >&2; exit 1; }
  git --git-dir="$g" cat-file -e "$2^{commit}" 2>/dev/null || { echo "$1 lacks commit $2" >&2; exit 1; }
  echo "$g"
}
# copy GITDIR COMMIT PATH DEST
copy() { mkdir -p "$(dirname "$4")"; git --git-dir="$1" show "$2:$3" > "$4"; }
# Files listed in a SOURCES.md table (| `path` | bytes |) between a corpus heading and the next.
listed() { awk -v h="## $2 " 'index($0,h)==1{on=1;next} /^## /{on=0} on && /^ *\| `/{split($0,a,"`"); print a[2]}' "$1"; }

c3=$here/corpora3
for spec in "til-postgres jbranchaud+til 453e9edbdf2be4165b65cbcce7342ac7bb9c4859" \
            "node-best-practices goldbergyoni+nodebestpractices dc3d60c29d5483d9ea99cf261bbd6203516a2ba7" \
            "github-cert-notes gobinathm+Notes 56f3495b824e61ba89c017dbf97b2642dc487df6" \
            "stanford-ml-notes djeada+Stanford-Machine-Learning e45953be4d3e650fb89eb86daeb9c142397344c7"; do
  set -- $spec; g=$(gitdir "$2" "$3")
  listed "$c3/SOURCES.md" "$1" | while IFS= read -r f; do copy "$g" "$3" "$f" "$c3/$1/$f"; done
  copy "$g" "$3" LICENSE "$c3/$1/LICENSE"
done

c4=$here/corpora4
g=$(gitdir djeada+Linux-Notes dc8a6b3c489d99a6bcb31ac7c6fd530582c89b27); c=dc8a6b3c489d99a6bcb31ac7c6fd530582c89b27
git --git-dir="$g" ls-tree -r --name-only $c notes/ | grep '\.md$' | grep -v 'notes_template.md' \
  | while IFS= read -r f; do copy "$g" $c "$f" "$c4/linux-notes/$f"; done
copy "$g" $c LICENSE "$c4/linux-notes/LICENSE"

c=917544888a55e4da7109bdba8c88c893c0da70f4; g=$(gitdir rust-lang+book $c)
for f in $(git --git-dir="$g" ls-tree --name-only $c src/ | grep -E 'src/ch(0[4-9]|1[01])-'); do
  copy "$g" $c "$f" "$c4/rust-book/$(basename "$f")"; done
for l in LICENSE-MIT LICENSE-APACHE COPYRIGHT; do copy "$g" $c $l "$c4/rust-book/$l"; done

c=8bd535533b39c8b70e2b027f69e18ac842812968; g=$(gitdir microsoft+IoT-For-Beginners $c)
for p in $(git --git-dir="$g" ls-tree -r --name-only $c | grep -E '^(1-getting-started|2-farm)/lessons/[^/]+/README.md$'); do
  n=$(echo "$p" | sed -E 's|^([0-9])-[a-z-]+/lessons/([^/]+)/README.md|\1-\2.md|')
  copy "$g" $c "$p" "$c4/iot-lessons/$n"; done
copy "$g" $c LICENSE "$c4/iot-lessons/LICENSE"

c=2e6e0f30cd6914594640191a5bdd14c6914ebeab; g=$(gitdir microsoft+Security-101 $c)
git --git-dir="$g" ls-tree --name-only $c | grep -E '^[0-9]\.[0-9] .*\.md$' | grep -v 'End of module quiz' \
  | while IFS= read -r f; do copy "$g" $c "$f" "$c4/security-101/$f"; done
copy "$g" $c LICENSE "$c4/security-101/LICENSE"

c=80d27e63e15463c13744904bbf194a9d7c3d5340; g=$(gitdir k88hudson+git-flight-rules $c)
copy "$g" $c README.md "$c4/git-flight-rules/git-flight-rules.md"; copy "$g" $c LICENSE "$c4/git-flight-rules/LICENSE"
c=6b50745d2e788add2e8f1ed29010e72659a9a074; g=$(gitdir jlevy+the-art-of-command-line $c)
copy "$g" $c README.md "$c4/command-line/the-art-of-command-line.md"
c=872a7588b9042b3ac80ae5a7cea0b8b1e4877f71; g=$(gitdir dwmkerr+hacker-laws $c)
copy "$g" $c README.md "$c4/hacker-laws/hacker-laws.md"; copy "$g" $c LICENSE "$c4/hacker-laws/LICENSE"
echo "re-created: $(find "$c3" "$c4" -mindepth 2 -name '*.md' | wc -l) markdown files"
