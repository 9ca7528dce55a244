using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Eval;

/// <summary>
/// quiz-command-giveaway [OUT.tsv]: what tells a guessable "Which command …?" item from a good one, measured on every
/// rated command item (tests/data/quiz-ratings/rated-items.jsonl): whether <see cref="QuestionGenerator.CommandGiveaway"/>
/// refuses it now, and the sentence model's likeness of the task line to each choice, with the key's lead over the best
/// wrong choice (AUC of guessable above good; 0.5: no separation). A measurement, not shipped (docs/quiz.md, "Command
/// choices without their placeholders").
/// </summary>
internal static class QuizCommandGiveaway
{
    public static void Run(string root, string[] args)
    {
        var outPath = args.Length > 1 ? args[1] : "command-giveaway.tsv";
        // The model caches each text's vector on disk (artifacts/eval-embeddings): no cache of its own here.
        using var model = QuizFitting.Model(root);
        float[] Vector(string text) => model.Embed([text])[0];

        var rows = new List<(string Verdict, bool Refused, double Key, double Lead, string Question)>();
        foreach (var line in File.ReadLines(Path.Combine(root, "tests/data/quiz-ratings/rated-items.jsonl")).Where(l => l.Trim().Length > 0))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            var item = o["item"]!.AsObject();
            if ((string)item["kind"]! != "Command")
            {
                continue;
            }

            var choices = item["choices"]!.AsArray().Select(x => (string)x!).ToList();
            var answer = (int)item["answerIndex"]!;
            var explanation = (string)item["explanation"]!;
            var command = choices[answer];
            var task = explanation.EndsWith(": " + command, StringComparison.Ordinal) ? explanation[..^(command.Length + 2)] : explanation;
            var q = new QuizQuestion((string)item["id"]!, QuizQuestionKind.Command, (string)item["question"]!, choices, answer, explanation,
                new Citation("f", "s", 1, 1, explanation), command);
            var refused = QuestionGenerator.CommandGiveaway(q, task) is not null;
            var likes = choices.Select(c => (double)TensorPrimitives.CosineSimilarity(Vector(task), Vector(c))).ToList();
            var wrong = likes.Where((_, i) => i != answer).Max();
            rows.Add(((string)o["verdict"]!, refused, likes[answer], likes[answer] - wrong, (string)item["question"]!));
        }

        File.WriteAllLines(outPath, rows.Select(r => string.Join('\t', r.Verdict, r.Refused, r.Key.ToString("0.000", CultureInfo.InvariantCulture), r.Lead.ToString("0.000", CultureInfo.InvariantCulture), r.Question)));
        foreach (var verdict in new[] { "good", "guessable", "defect" })
        {
            var of = rows.Where(r => r.Verdict == verdict).ToList();
            Console.WriteLine($"{verdict}: {of.Count}, refused now {of.Count(r => r.Refused)}");
        }

        var kept = rows.Where(r => !r.Refused).ToList();
        // AUC of guessable above good: the guessable rows are the positives.
        var rated = kept.Where(r => r.Verdict is "guessable" or "good").ToList();
        Console.WriteLine($"kept: key like the task AUC {QuizFitting.Auc(rated.Select(r => (r.Key, r.Verdict == "guessable")).ToList()):0.000}, "
            + $"its lead over the wrong choices AUC {QuizFitting.Auc(rated.Select(r => (r.Lead, r.Verdict == "guessable")).ToList()):0.000}");
        foreach (var cut in new[] { 0.0, 0.05, 0.1, 0.15, 0.2 })
        {
            var over = kept.Where(r => r.Lead >= cut).ToList();
            Console.WriteLine($"lead >= {cut:0.00}: good {over.Count(r => r.Verdict == "good")}, guessable {over.Count(r => r.Verdict == "guessable")}, defect {over.Count(r => r.Verdict == "defect")}");
        }
    }
}
