namespace StudyBot.Cli;

/// <summary>"Did you mean …?" for a mistyped command word.</summary>
internal static class Suggestions
{
    /// <summary>Typos of one or two keys (asks, qiuz, disocrd) are caught; unrelated words get no suggestion.</summary>
    private const int MaxDistance = 2;

    /// <summary>The known word closest to <paramref name="word"/>, or null when none is close.</summary>
    public static string? Closest(string word, IEnumerable<string> known)
    {
        var lower = word.ToLowerInvariant();
        return known
            .Select(k => (Word: k, Distance: Distance(lower, k)))

            // Two edits on a three-letter word is a different word ("add" is not "ask").
            .Where(c => c.Distance <= Math.Min(MaxDistance, Math.Max(1, c.Word.Length / 2)))
            .OrderBy(c => c.Distance)
            .Select(c => c.Word)
            .FirstOrDefault();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
