using System.Globalization;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Semantic;
using StudyBot.Core.Quiz;

namespace StudyBot.Eval;

/// <summary>
/// quiz-lure-context OUT.tsv: for every rated blank (tests/data/quiz-ratings/rated-items.jsonl) whose notes are on this
/// machine, each wrong choice's likeness to the blank's sentence by name and by its own lines in the notes, and whether
/// the key's own section writes it: to measure whether readers rate blanks better when the lures' lines are near the
/// sentence (docs/quiz.md, "Wrong choices near the sentence by their own lines: measured, not kept").
/// </summary>
internal static class QuizLureContext
{
    public static void Run(string root, string[] args)
    {
        var outPath = args.Length > 1 ? args[1] : "lure-context.tsv";
        using var model = QuizFitting.Model(root);
        var folders = new QuizFolders(root, model);
        using var output = new StreamWriter(outPath);
        output.WriteLine("round\tlabel\tid\tverdict\tset\tfolder\tkey\tkey_ctx\tkey_stem\twrong\twrong_ctx\twrong_stem\twrong_section\twrong_like");
        var missing = 0;
        var rows = new List<(string Folder, string Id, string Verdict, double[] Lines, double[] Names, int InSection, double[] Kind)>();
        foreach (var blank in QuizFolders.RatedBlanks(root))
        {
            var (o, item, file, folder) = (blank.Row, blank.Item, blank.File, blank.Folder);
            var set = (string)o["set"]!;
            if (folder is null)
            {
                missing++;
                continue;
            }

            var read = folders.Get(folder);
            var ctx = (Passages: read.Passages.Where(p => QuestionGenerator.IsContentFile(p.File) && p.Kind != PassageKind.Code).ToList(), read.Corpus, read.Kinds);
            if (blank.Masked is not { } masked)
            {
                continue;
            }

            var choices = item["choices"]!.AsArray().Select(x => (string)x!).ToList();
            var answer = (int)item["answerIndex"]!;
            var start = blank.LineStart;
            var cited = ctx.Passages.FirstOrDefault(p => p.File == file && p.LineStart <= start && p.LineEnd >= start);
            var section = cited?.Section;
            double Ctx(string term) => ctx.Passages
                .Where(p => !(p.File == file && p.LineStart <= start && p.LineEnd >= start) && QuizCorpus.WrittenIn(p.Text.ToLowerInvariant(), term.ToLowerInvariant()))
                .Select(p => ctx.Kinds.Similarity(masked, QuizText.OneLine(p.Text)) ?? 0).DefaultIfEmpty(0).Max();
            bool InSection(string term) => section is not null && ctx.Passages
                .Any(p => p.File == file && p.Section == section && !(p.LineStart <= start && p.LineEnd >= start) && QuizCorpus.WrittenIn(p.Text.ToLowerInvariant(), term.ToLowerInvariant()));
            var key = choices[answer];
            var wrong = choices.Where((_, i) => i != answer).ToList();
            var lines = wrong.Select(Ctx).ToArray();
            var names = wrong.Select(w => ctx.Kinds.Similarity(masked, w) ?? 0).ToArray();
            var inSection = wrong.Select(InSection).ToArray();
            var kind = wrong.Select(w => QuestionGenerator.KindLike(key, w, ctx.Corpus, ctx.Kinds) ?? 0).ToArray();
            rows.Add((folder, (string)item["id"]!, (string)o["verdict"]!, lines, names, inSection.Count(x => x), kind));
            output.WriteLine(string.Join('\t', (int)o["round"]!, (string)o["label"]!, (string)item["id"]!, (string)o["verdict"]!, set, folder, key,
                F(Ctx(key)), F(ctx.Kinds.Similarity(masked, key) ?? 0), string.Join('|', wrong), string.Join('|', lines.Select(F)),
                string.Join('|', names.Select(F)), string.Join('|', inSection.Select(x => x ? "1" : "0")), string.Join('|', kind.Select(F))));
        }

        Console.WriteLine($"{rows.Count} verdicts on {rows.Select(r => r.Id).Distinct().Count()} blanks; written {outPath}; {missing} rated blanks whose notes are not on this machine");
        Console.WriteLine("by how many wrong choices the key's own section writes: verdicts, items, good / guessable / defect");
        foreach (var g in rows.GroupBy(r => r.InSection).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {g.Key}: {Shares(g.ToList())}");
        }

        Console.WriteLine("by the wrong choices' mean likeness of their own lines to the sentence (steps of 0.1)");
        foreach (var g in rows.GroupBy(r => Math.Round(r.Lines.Average() * 10) / 10).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {g.Key:0.0}: {Shares(g.ToList())}");
        }

        // Pairs of one good and one other verdict only within one folder: notes of one style, so that a folder's share
        // of good items does not pass for the signal's.
        Console.WriteLine("AUC, good against the rest, pairs within a folder (higher: the larger value rated good more often)");
        foreach (var (name, signal) in new (string, Func<(string Folder, string Id, string Verdict, double[] Lines, double[] Names, int InSection, double[] Kind), double>)[]
        {
            ("lines' likeness to the sentence, mean", r => r.Lines.Average()),
            ("lines' likeness to the sentence, least", r => r.Lines.Min()),
            ("names' likeness to the sentence, mean", r => r.Names.Average()),
            ("written in the key's own section", r => r.InSection),
            ("kind likeness to the key, mean", r => r.Kind.Average()),
        })
        {
            double wins = 0, pairs = 0;
            foreach (var f in rows.GroupBy(r => r.Folder))
            {
                var good = f.Where(r => r.Verdict == "good").Select(signal).ToList();
                var rest = f.Where(r => r.Verdict != "good").Select(signal).ToList();
                wins += good.Sum(a => rest.Sum(b => a > b + 1e-9 ? 1.0 : Math.Abs(a - b) <= 1e-9 ? 0.5 : 0));
                pairs += good.Count * (double)rest.Count;
            }

            Console.WriteLine($"  {name,-42} {wins / pairs:0.000}");
        }
    }

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Shares<T>(List<(string Folder, string Id, string Verdict, T A, T B, int C, T D)> g) =>
        $"{g.Count} verdicts, {g.Select(r => r.Id).Distinct().Count()} items, good {Share(g, "good")} / guessable {Share(g, "guessable")} / defect {Share(g, "defect")}";

    private static string Share<T>(List<(string Folder, string Id, string Verdict, T A, T B, int C, T D)> g, string verdict) =>
        (g.Count(r => r.Verdict == verdict) / (double)g.Count).ToString("0.00", CultureInfo.InvariantCulture);
}
