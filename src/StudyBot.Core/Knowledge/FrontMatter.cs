namespace StudyBot.Core.Knowledge;

/// <summary>
/// The YAML front matter that Jekyll, Hugo, Docusaurus, Obsidian and VitePress notes open with (<c>---</c>,
/// <c>title: "GH-100 - Exam Tips"</c>, <c>---</c>): settings of the page, not text. Only flat <c>key: value</c> lines
/// are read; a value that spans lines (a YAML list or block) is no name of anything this reads.
/// </summary>
internal static class FrontMatter
{
    /// <summary>The line that opens and closes the block.</summary>
    public const string Fence = "---";

    /// <summary>The lines between the fences when the file opens with front matter; empty otherwise (also when the
    /// block is never closed: a "---" that opens a file may be a thematic break).</summary>
    public static IReadOnlyList<string> Block(IReadOnlyList<string> fileLines)
    {
        if (fileLines.Count == 0 || fileLines[0].Trim() != Fence)
        {
            return [];
        }

        for (var i = 1; i < fileLines.Count; i++)
        {
            if (fileLines[i].Trim() == Fence)
            {
                return fileLines.Skip(1).Take(i - 1).ToList();
            }
        }

        return [];
    }

    /// <summary>The value of the first of <paramref name="keys"/> the block sets on one line, without its quotes;
    /// null when none is set.</summary>
    public static string? Value(IEnumerable<string> block, params string[] keys)
    {
        var pairs = block.Select(l => l.Split(':', 2))
            // An indented key belongs to a nested map, not to the page.
            .Where(kv => kv.Length == 2 && kv[0].Length > 0 && !char.IsWhiteSpace(kv[0][0]))
            .Select(kv => (Key: kv[0].Trim(), Value: kv[1].Trim().Trim('"', '\'').Trim()))
            .ToList();
        return keys.Select(k => pairs.FirstOrDefault(p => p.Key == k && p.Value.Length > 0).Value).FirstOrDefault(v => v is not null);
    }
}
