using System.Globalization;
using System.Text.Json.Nodes;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Semantic;
using StudyBot.Core.Quiz;

namespace StudyBot.Eval;

/// <summary>
/// quiz-word-giveaway [OUT.tsv]: for every rated item (tests/data/quiz-ratings/rated-items.jsonl) whose notes are on
/// this machine, how closely each choice's word pieces match the stem's (MaxSim over the sentence model's per-piece
/// vectors, the stem's function words left out), the key's lead over the best wrong choice, and the within-folder AUC of
/// those and of the item model's own signals for guessable against good and good against the rest, by kind: to measure
/// whether a word of the stem that says the key in another form parts the verdicts (docs/quiz.md, "A stem word that
/// echoes the key, word by word: measured, not kept").
/// </summary>
internal static class QuizWordGiveaway
{
    private sealed record Row(int Round, string Group, string Kind, string Verdict, string Id, Dictionary<string, double> Signals);

    public static void Run(string root, string[] args)
    {
        var outPath = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : "word-giveaway.tsv";
        using var model = QuizFitting.Model(root);
        var folders = new QuizFolders(root, model);
        var tokens = new Dictionary<string, TokenVectors>(StringComparer.Ordinal);
        TokenVectors Tokens(string text)
        {
            if (!tokens.TryGetValue(text, out var t))
            {
                // One text per run, as KindSimilarity embeds: a batch's padding would move the last digits.
                t = model.EmbedWithTokens([text])[0].Tokens!;
                tokens[text] = t;
            }

            return t;
        }

        var quality = QuizItemModel.Current;
        var rows = new List<Row>();
        var missing = 0;
        foreach (var line in File.ReadLines(Path.Combine(root, "tests/data/quiz-ratings/rated-items.jsonl")).Where(l => l.Trim().Length > 0))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            var item = o["item"]!.AsObject();
            if (!Enum.TryParse<QuizQuestionKind>((string)item["kind"]!, out var kind) || kind is QuizQuestionKind.YesNo or QuizQuestionKind.QuestionAnswer)
            {
                continue;
            }

            var c = item["citation"]!.AsObject();
            var file = (string)c["file"]!;
            var folder = QuizFolders.FolderOf(root, (string)o["set"]!, file);
            if (folder is null)
            {
                missing++;
                continue;
            }

            var ctx = folders.Get(folder);

            var choices = item["choices"]!.AsArray().Select(x => (string)x!).ToList();
            var answer = (int)item["answerIndex"]!;
            var q = new QuizQuestion((string)item["id"]!, kind, (string)item["question"]!, choices, answer, (string)item["explanation"]!,
                new Citation(file, (string)c["section"]!, (int)c["lineStart"]!, (int)c["lineEnd"]!, string.Empty), choices[answer]);
            var (stem, _) = kind == QuizQuestionKind.Command ? (CommandTask(q.Text), string.Empty) : QuizItemSignals.StemAndLabel(q);
            var signals = new Dictionary<string, double>(StringComparer.Ordinal);
            var x = QuizItemSignals.Of(q, ctx.Corpus, ctx.Kinds);
            for (var i = 0; i < x.Length; i++)
            {
                signals[QuizItemSignals.Names[i]] = x[i];
            }

            signals["model_p"] = quality.Probability(x);
            var content = ContentWords(stem);
            var stemContent = content.Length > 0 ? Tokens(content) : null;
            var stemWhole = Tokens(stem.Replace("_____", " ", StringComparison.Ordinal));
            foreach (var (name, against) in new (string, TokenVectors?)[] { ("c", stemContent), ("w", stemWhole) })
            {
                if (against is null || against.Count == 0)
                {
                    continue;
                }

                var mean = new double[choices.Count];
                var max = new double[choices.Count];
                for (var i = 0; i < choices.Count; i++)
                {
                    var t = Tokens(ctx.Corpus.Describe(choices[i]));
                    if (t.Count == 0)
                    {
                        mean[i] = max[i] = double.NaN;
                        continue;
                    }

                    var best = against.BestMatches(t.ReadAll());
                    mean[i] = best.Average();
                    max[i] = best.Max();
                }

                var wrong = Enumerable.Range(0, choices.Count).Where(i => i != answer).ToList();
                if (wrong.Count == 0 || wrong.Any(i => double.IsNaN(mean[i])) || double.IsNaN(mean[answer]))
                {
                    continue;
                }

                signals[$"{name}_key_mean"] = mean[answer];
                signals[$"{name}_lead_mean"] = mean[answer] - wrong.Max(i => mean[i]);
                signals[$"{name}_lead_mean_avg"] = mean[answer] - wrong.Average(i => mean[i]);
                signals[$"{name}_key_max"] = max[answer];
                signals[$"{name}_lead_max"] = max[answer] - wrong.Max(i => max[i]);
            }

            // The lexical echo: the share of the key's content stems (5 letters) that the stem writes, less the best
            // wrong choice's.
            var stems = QuizText.Stems(stem);
            double Echo(string choice) => QuizText.Stems(choice) is { Count: > 0 } s ? s.Count(stems.Contains) / (double)s.Count : 0;
            var lex = choices.Select(ch => Echo(ctx.Corpus.Describe(ch))).ToList();
            signals["lex_key"] = lex[answer];
            signals["lex_lead"] = lex[answer] - lex.Where((_, i) => i != answer).DefaultIfEmpty(0).Max();

            rows.Add(new Row((int)o["round"]!, (string)o["group"]!, kind.ToString(), (string)o["verdict"]!, q.Id, signals));
        }

        var names = rows.SelectMany(r => r.Signals.Keys).Distinct().ToList();
        using (var output = new StreamWriter(outPath))
        {
            output.WriteLine(string.Join('\t', new[] { "round", "group", "kind", "verdict", "id" }.Concat(names)));
            foreach (var r in rows)
            {
                output.WriteLine(string.Join('\t', new[] { r.Round.ToString(CultureInfo.InvariantCulture), r.Group, r.Kind, r.Verdict, r.Id }.Concat(names.Select(n => r.Signals.TryGetValue(n, out var v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "NaN"))));
            }
        }

        Console.WriteLine($"{rows.Count} verdicts on {rows.Select(r => r.Id).Distinct().Count()} items ({missing} whose notes are not on this machine); written {outPath}");
        var kinds = new[] { "all" }.Concat(rows.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()).Select(g => g.Key)).ToList();
        foreach (var kind in kinds)
        {
            var of = rows.Where(r => kind == "all" || r.Kind == kind).ToList();
            Console.WriteLine($"\n{kind}: {of.Count} verdicts, good {of.Count(r => r.Verdict == "good")}, guessable {of.Count(r => r.Verdict == "guessable")}, defect {of.Count(r => r.Verdict == "defect")}");
            Console.WriteLine($"  {"signal",-22} {"guess>good",10} {"pairs",7} {"good>rest",10} {"pairs",7} {"by item:",10} {"good>rest",10}");
            foreach (var name in names)
            {
                var (a, n) = Auc(of, name, r => r.Verdict == "guessable", r => r.Verdict == "good");
                var (b, m) = Auc(of, name, r => r.Verdict == "good", r => r.Verdict != "good");
                if (n == 0)
                {
                    continue;
                }

                Console.WriteLine($"  {name,-22} {a,10:0.000} {n,7} {b,10:0.000} {m,7} {ItemAuc(of, name, "guessable", "good"),10:0.000} {ItemAuc(of, name, "good", null),10:0.000}");
            }
        }
    }

    /// <summary>Within-folder AUC: the share of pairs, one row of <paramref name="high"/> and one of
    /// <paramref name="low"/> from the same folder, where the high row's signal is larger (ties half); and the pairs.</summary>
    private static (double Auc, double Pairs) Auc(List<Row> rows, string signal, Func<Row, bool> high, Func<Row, bool> low)
    {
        double wins = 0, pairs = 0;
        foreach (var g in rows.GroupBy(r => r.Group))
        {
            var a = g.Where(high).Select(r => r.Signals.GetValueOrDefault(signal, double.NaN)).Where(v => !double.IsNaN(v)).ToList();
            var b = g.Where(low).Select(r => r.Signals.GetValueOrDefault(signal, double.NaN)).Where(v => !double.IsNaN(v)).ToList();
            wins += a.Sum(x => b.Sum(y => x > y + 1e-9 ? 1.0 : Math.Abs(x - y) <= 1e-9 ? 0.5 : 0));
            pairs += a.Count * (double)b.Count;
        }

        return (pairs == 0 ? double.NaN : wins / pairs, pairs);
    }

    /// <summary>The same within-folder AUC counting each item once: its signal (averaged over its rounds, whose wrong
    /// choices may differ) against every other item of its folder, each pair weighed by the first item's share of
    /// <paramref name="high"/> verdicts and the second's share of <paramref name="low"/> ones (null: every other verdict).
    /// An item rated by fourteen readers then weighs no more than one rated once.</summary>
    private static double ItemAuc(List<Row> rows, string signal, string high, string? low)
    {
        double wins = 0, pairs = 0;
        foreach (var g in rows.GroupBy(r => r.Group))
        {
            var items = g.GroupBy(r => r.Id).Select(i => (
                    Value: i.Select(r => r.Signals.GetValueOrDefault(signal, double.NaN)).Average(),
                    High: i.Count(r => r.Verdict == high) / (double)i.Count(),
                    Low: i.Count(r => low is null ? r.Verdict != high : r.Verdict == low) / (double)i.Count()))
                .Where(i => !double.IsNaN(i.Value)).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                for (var j = 0; j < items.Count; j++)
                {
                    var (a, b) = (items[i], items[j]);
                    var weight = i == j ? 0 : a.High * b.Low;
                    pairs += weight;
                    wins += weight * (a.Value > b.Value + 1e-9 ? 1.0 : Math.Abs(a.Value - b.Value) <= 1e-9 ? 0.5 : 0);
                }
            }
        }

        return pairs == 0 ? double.NaN : wins / pairs;
    }

    /// <summary>"Which command would you run to X?" → X.</summary>
    private static string CommandTask(string text)
    {
        const string Opening = "Which command would you run to ";
        var t = text.StartsWith(Opening, StringComparison.Ordinal) ? text[Opening.Length..] : text;
        return t.TrimEnd('?');
    }

    /// <summary>The stem's words less English function words, in order.</summary>
    internal static string ContentWords(string stem) =>
        string.Join(' ', QuizText.Words(stem).Where(w => !NotesAnalyzer.StopWords.Contains(w.ToLowerInvariant()) && (w.Length >= 3 || QuizText.IsAcronym(w) || w.Any(char.IsDigit))));
}
