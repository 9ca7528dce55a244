using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Eval;

/// <summary>A labelled question, in the format of tests/data/eval/score-answers.</summary>
internal sealed record LabelledQuestion(string Text, bool Unanswerable, string? Polarity, IReadOnlyList<(string? File, int[] Lines)> Expect)
{
    /// <summary>A citation counts when it spans at most 12 lines and touches an expected line of an expected file
    /// (suffix match), as score-answers counts it.</summary>
    public bool Hits(string file, int start, int end) =>
        end >= start && end - start + 1 <= 12
        && Expect.Any(e => (e.File is null || file.Replace('\\', '/').EndsWith(e.File, StringComparison.Ordinal)) && e.Lines.Any(l => l >= start && l <= end));

    public static LabelledQuestion Parse(string line)
    {
        var o = JsonNode.Parse(line)!.AsObject();
        var expect = new List<(string?, int[])>();
        if (o["expect"] is JsonArray list)
        {
            foreach (var e in list)
            {
                expect.Add(((string?)e!["file"], e["lines"]!.AsArray().Select(n => (int)n!).ToArray()));
            }
        }
        else if (o["lines"] is JsonArray lines)
        {
            expect.Add(((string?)o["file"], lines.Select(n => (int)n!).ToArray()));
        }

        return new LabelledQuestion((string)o["q"]!, (bool?)o["unanswerable"] ?? false, (string?)o["polarity"], expect);
    }
}

/// <summary>A corpus: a notes folder and its labelled questions (tests/data/eval/loco), and the yes/no questions its
/// notes do not answer that are scored but never fitted on (tests/data/eval/yes-no-decline-probe/fitted-corpora).</summary>
internal sealed record Corpus(string Name, string Folder, IReadOnlyList<LabelledQuestion> Questions, IReadOnlyList<LabelledQuestion> Probe)
{
    public static List<Corpus> LoadAll(string root)
    {
        var manifest = Path.Combine(root, "tests/data/eval/loco/corpora.json");
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!;
        foreach (var missing in map.Where(kv => !Directory.Exists(Path.Combine(root, kv.Value))))
        {
            Console.Error.WriteLine($"corpus {missing.Key} skipped: {missing.Value} is missing (see its SOURCES.md to re-create it)");
        }

        return map.Where(kv => Directory.Exists(Path.Combine(root, kv.Value))).Select(kv => new Corpus(
                kv.Key,
                Path.GetFullPath(Path.Combine(root, kv.Value)),
                Read(Path.Combine(root, $"tests/data/eval/loco/{kv.Key}.jsonl")),
                Read(Path.Combine(root, $"tests/data/eval/yes-no-decline-probe/fitted-corpora/{kv.Key}.jsonl"))))
            .ToList();

        static List<LabelledQuestion> Read(string path) =>
            File.Exists(path) ? File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(LabelledQuestion.Parse).ToList() : [];
    }
}
