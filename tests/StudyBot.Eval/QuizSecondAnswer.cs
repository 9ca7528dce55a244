using System.Globalization;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Eval;

/// <summary>
/// quiz-second-answer OUT.tsv: for every rated blank (tests/data/quiz-ratings/rated-items.jsonl) whose notes are on this
/// machine, each wrong choice's support as a second right answer: by whole lines outside the cited ones, as
/// <see cref="SecondAnswer"/> reads it ("lines", <see cref="QuizCorpus.Support"/>), and sentence by sentence, the cited
/// passage's other sentences included ("sentences": words matched by their 5-letter stem; "sentences-forms": also by
/// <see cref="SameWord"/>). Each row is one supporting line or sentence with its share of the stem's weight and the
/// model's likeness to the stem filled with the wrong choice; read by
/// tests/data/quiz-ratings/second_answer_sentences.py against the readers' reasons (docs/quiz.md, "A second defensible
/// answer, sentence by sentence: measured, not kept"). Outside rating 65, P32, is the case it was written for: "Many
/// companies like to use _____ for collaborative code editing" keyed CoderPad, while the same paragraph goes on "For
/// front end interviews, many companies like to use CodePen" and another file writes "a real-time collaborative editor
/// such as CodePen or CoderPad"; the cited passage is never read by <see cref="QuizCorpus.Support"/>, and its other
/// lines are read whole.
/// </summary>
internal static class QuizSecondAnswer
{
    /// <summary>How many supporting sentences of a wrong choice are written, the most weight first.</summary>
    private const int Written = 5;

    /// <summary>The least opening two forms of a word share (<see cref="SameWord"/>).</summary>
    private const int MinSharedOpening = 4;

    /// <summary>The most letters the shorter form may have past the shared opening (<see cref="SameWord"/>): a suffix
    /// ("-or", "-s"), not another word.</summary>
    private const int MaxOtherEnding = 2;

    public static void Run(string root, string[] args)
    {
        var outPath = args.Length > 1 ? args[1] : "second-answer.tsv";
        using var model = QuizFitting.Model(root);
        var folders = new QuizFolders(root, model);
        var sentences = new Dictionary<string, NoteSentences>(StringComparer.Ordinal);
        using var output = new StreamWriter(outPath);
        output.WriteLine("round\tlabel\tid\tverdict\tgood\tfolder\tkey\twrong\tvariant\trank\tshare\tlike\tstem\ttext");
        var (blanks, missing) = (0, 0);
        foreach (var blank in QuizFolders.RatedBlanks(root))
        {
            var (o, item, file, folder) = (blank.Row, blank.Item, blank.File, blank.Folder);
            if (folder is null || blank.Masked is not { } masked)
            {
                missing++;
                continue;
            }

            blanks++;
            var read = folders.Get(folder);
            if (!sentences.TryGetValue(folder, out var notes))
            {
                notes = new NoteSentences(read.Passages.Where(p => QuestionGenerator.IsContentFile(p.File) && p.Kind != PassageKind.Code).ToList(), read.Corpus);
                sentences[folder] = notes;
            }

            var choices = item["choices"]!.AsArray().Select(x => (string)x!).ToList();
            var key = choices[(int)item["answerIndex"]!];
            var cited = (File: file, Start: blank.LineStart, End: blank.LineEnd);
            foreach (var wrong in choices.Where(w => !string.Equals(w, key, StringComparison.Ordinal)))
            {
                var said = masked.Replace("_____", wrong, StringComparison.Ordinal);
                IEnumerable<(string Text, double Share, double Like)> Liked(IEnumerable<(string Text, double Share)> found, int take) =>
                    found.Take(take).Select(l => (l.Text, l.Share, read.Kinds.Similarity(said, l.Text) ?? 0));
                var lines = Liked(read.Corpus.Support(wrong, SecondAnswer.Stems(masked, key, wrong), cited.File, cited.Start, cited.End), SecondAnswer.SupportLines);
                var byStem = Liked(notes.Support(masked, key, wrong, cited, SameStem), Written);
                var byForm = Liked(notes.Support(masked, key, wrong, cited, SameWord), Written);
                foreach (var (variant, rows) in new[] { ("lines", lines), ("sentences", byStem), ("sentences-forms", byForm) })
                {
                    var rank = 0;
                    foreach (var (text, share, like) in rows)
                    {
                        output.WriteLine(string.Join('\t', (int)o["round"]!, (string)o["label"]!, (string)item["id"]!, (string)o["verdict"]!, (int)o["good"]!, folder,
                            key, wrong, variant, rank++, F(share), F(like), masked.ReplaceLineEndings(" "), text.ReplaceLineEndings(" ")));
                    }
                }
            }
        }

        Console.WriteLine($"{blanks} rated blanks measured, written {outPath}; {missing} whose notes are not on this machine");
    }

    private static bool SameStem(string a, string b) => string.Equals(QuizText.Stem(a), QuizText.Stem(b), StringComparison.Ordinal);

    /// <summary>True when two lower-case words are one word in another form: the same <see cref="QuizText.Stem"/>, or a shared
    /// opening of <see cref="MinSharedOpening"/> letters or more that leaves the shorter at most
    /// <see cref="MaxOtherEnding"/> letters ("editor" and "editing", "code" and "codes"; not "company" and "compile").
    /// Five letters part P32's "collaborative code editing" from "a real-time collaborative editor".</summary>
    private static bool SameWord(string a, string b)
    {
        if (SameStem(a, b))
        {
            return true;
        }

        var shared = 0;
        while (shared < a.Length && shared < b.Length && a[shared] == b[shared])
        {
            shared++;
        }

        return shared >= MinSharedOpening && Math.Min(a.Length, b.Length) - shared <= MaxOtherEnding;
    }

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>One folder's notes read sentence by sentence: its passages in the order <see cref="QuizCorpus"/> indexes
    /// them (<see cref="QuizCorpus.Mentions"/> gives their positions), each split by <see cref="Sentences"/>.</summary>
    private sealed class NoteSentences(List<Passage> passages, QuizCorpus corpus)
    {
        private readonly Dictionary<int, List<(string Text, string Lower, List<string> Words)>> split = [];

        /// <summary>The sentences, outside the key's own, that speak of <paramref name="wrong"/> (write it, its expansion,
        /// or stand under a section title that names it) with the stem's content words, each with the share of the
        /// stem's weight (<see cref="QuizCorpus.Idf"/>) it holds, the best first. The key's own sentence is the one of
        /// the cited passages that holds most of the stem filled with the key; the cited passages' other sentences are
        /// read.</summary>
        public IEnumerable<(string Text, double Share)> Support(
            string masked, string key, string wrong, (string File, int Start, int End) cited, Func<string, string, bool> sameWord)
        {
            var stems = SecondAnswer.Stems(masked, key, wrong);
            var weights = QuizText.Words(masked.ToLowerInvariant()).Where(w => stems.Contains(QuizText.Stem(w))).DistinctBy(QuizText.Stem, StringComparer.Ordinal)
                .Select(w => (Word: w, Weight: corpus.Idf(QuizText.Stem(w)))).ToList();
            var total = weights.Sum(w => w.Weight);
            if (total <= 0)
            {
                return [];
            }

            var forms = new[] { wrong, corpus.Expansion(wrong) }.OfType<string>().Select(QuizCorpus.SingularForm).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var own = QuizText.Stems(masked.Replace("_____", key, StringComparison.Ordinal));
            var found = new List<(string Text, double Share)>();
            foreach (var i in corpus.Mentions(wrong))
            {
                var p = passages[i];
                if (QuizCorpus.Root(p.File) != QuizCorpus.Root(cited.File))
                {
                    continue;
                }

                var list = Of(i);
                var ownAt = p.File == cited.File && p.LineStart <= cited.End && p.LineEnd >= cited.Start
                    ? Enumerable.Range(0, list.Count).MaxBy(k => QuizText.Stems(list[k].Text).Count(own.Contains))
                    : -1;
                var section = p.Section.ToLowerInvariant();
                var sectionWords = QuizText.Words(section);
                var sectionNames = forms.Any(f => QuizCorpus.WrittenIn(section, f));
                for (var k = 0; k < list.Count; k++)
                {
                    var s = list[k];
                    if (k == ownAt || !(sectionNames || forms.Any(f => QuizCorpus.WrittenIn(s.Lower, f))))
                    {
                        continue;
                    }

                    var share = weights.Where(w => s.Words.Any(v => sameWord(w.Word, v)) || sectionWords.Any(v => sameWord(w.Word, v))).Sum(w => w.Weight) / total;
                    if (share > 0)
                    {
                        found.Add((s.Text, share));
                    }
                }
            }

            return found.OrderByDescending(f => f.Share).ThenBy(f => f.Text, StringComparer.Ordinal);
        }

        private List<(string Text, string Lower, List<string> Words)> Of(int i)
        {
            if (!split.TryGetValue(i, out var list))
            {
                list = Sentences.Of(QuizText.OneLine(passages[i].Text))
                    .Select(t => (t, t.ToLowerInvariant(), QuizText.Words(t.ToLowerInvariant()).Where(w => w.Length >= 3).Distinct(StringComparer.Ordinal).ToList()))
                    .ToList();
                split[i] = list;
            }

            return list;
        }
    }
}
