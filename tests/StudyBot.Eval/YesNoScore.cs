using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Eval;

/// <summary>
/// The product's yes/no reader (<see cref="YesNoReader"/>) on a polarity dump (<c>EVAL_POLARITY</c>, or
/// <c>finetune/unseen_pol.py</c>'s): each row gains <c>cs</c>, the reader's P(yes) of its question and passage as the
/// answers ask it, to check it against <c>finetune/yesno.py --score</c> (the same reader in Python) and to choose
/// its threshold on held-out rows.
/// </summary>
internal static class YesNoScore
{
    public static void Run(string root, string[] args)
    {
        if (args.Length < 3)
        {
            throw new ArgumentException("yesno-score POL.jsonl OUT.jsonl");
        }

        using var reader = YesNoReader.Load(threads: Environment.ProcessorCount);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = 0;
        using var output = new StreamWriter(args[2]);
        foreach (var line in File.ReadLines(args[1]).Where(l => l.Trim().Length > 0))
        {
            var row = JsonNode.Parse(line)!.AsObject();
            row["cs"] = reader.Yes((string)row["q"]!, YesNoReader.TextOf((string?)row["section"], (string?)row["passage"] ?? string.Empty));
            output.WriteLine(row.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            rows++;
        }

        Console.Error.WriteLine($"{rows} rows in {clock.ElapsedMilliseconds} ms ({clock.ElapsedMilliseconds / Math.Max(1, rows)} ms each)");
    }
}
