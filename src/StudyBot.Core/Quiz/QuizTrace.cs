namespace StudyBot.Core.Quiz;

/// <summary>
/// What each stage of <see cref="QuestionGenerator"/> kept and why it dropped the rest, counted with a first example
/// of each outcome (<c>quiz-explain --why</c>). Notes that give no question at all (Node.js best practices: 0 in the
/// bank and the reserve) cannot be explained by the items the bank holds; the counts say at which stage they stop.
/// Only the evaluation's tool passes one; the bot writes its bank without.
/// </summary>
internal sealed class QuizTrace
{
    private readonly Dictionary<(string Stage, string Outcome), List<string>> _seen = [];

    /// <summary>Counts one thing a stage kept or dropped, with its example.</summary>
    public void Note(string stage, string outcome, string example)
    {
        var key = (stage, outcome);
        if (!_seen.TryGetValue(key, out var examples))
        {
            examples = [];
            _seen[key] = examples;
        }

        examples.Add(example);
    }

    /// <summary>One line per stage and outcome, in the order stages ran, most frequent outcome first, each followed by
    /// up to <paramref name="examples"/> examples (the first always on its line).</summary>
    public IEnumerable<string> Lines(int examples = 1) =>
        _seen.GroupBy(c => c.Key.Stage, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key.Outcome, StringComparer.Ordinal)
                .SelectMany(c => c.Value.Take(Math.Max(1, examples)).Select((e, i) => i == 0 ? $"{g.Key,-12} {c.Value.Count,6}  {c.Key.Outcome}  e.g. {e}" : $"{string.Empty,20}{e}")));
}
