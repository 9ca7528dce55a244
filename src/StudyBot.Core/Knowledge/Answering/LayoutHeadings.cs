namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// Headings the notes repeat as layout ("One Paragraph Explainer" under every practice of a guide, "Challenges" at the
/// end of every tutorial, "Use cases" under each service): they say where on a page a passage sits, not what it is
/// about, so an answer's lead names the nearest heading above that is not one ("Use Async-Await or promises for async
/// error handling: Callbacks don't scale well …", not "One Paragraph Explainer: Callbacks …"). Read from the notes
/// themselves, once per index: a heading is layout when its title stands under at least
/// <see cref="MinParents"/> different parents (a file, or the headings above it in a file).
/// </summary>
internal static class LayoutHeadings
{
    /// <summary>The fewest different parents a title stands under to be layout: two pages may share a heading by
    /// chance ("Overview" of two services), three make it a pattern.</summary>
    internal const int MinParents = 3;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeIndex, HashSet<string>> Analyzed = new();

    /// <summary>The titles the notes repeat as layout (case-insensitive).</summary>
    public static HashSet<string> Of(KnowledgeIndex index) => Analyzed.GetValue(index, Read);

    /// <summary>The title a lead names a passage by: its section, or the nearest heading above it when the section is a
    /// layout heading; the section when every heading above is layout too.</summary>
    public static string Label(KnowledgeIndex index, Passage passage)
    {
        var layout = Of(index);
        if (!layout.Contains(passage.Section))
        {
            return passage.Section;
        }

        for (var level = passage.HeadingPath.Count - 1; level >= 0; level--)
        {
            var title = passage.HeadingPath[level];
            if (!string.IsNullOrWhiteSpace(title) && !layout.Contains(title))
            {
                return title;
            }
        }

        return passage.Section;
    }

    private static HashSet<string> Read(KnowledgeIndex index)
    {
        var parents = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        string? previous = null;
        for (var id = 0; id < index.Count; id++)
        {
            var entry = index.Entry(id);
            if (entry.SectionKey == previous)
            {
                continue; // a section's passages follow each other and stand under the same headings: read it once.
            }

            previous = entry.SectionKey;
            var path = entry.Passage.HeadingPath;
            var parent = entry.Passage.File;
            foreach (var title in path)
            {
                if (!parents.TryGetValue(title, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    parents[title] = set;
                }

                set.Add(parent);
                parent = $"{parent}\n{title}";
            }
        }

        return parents.Where(p => p.Value.Count >= MinParents).Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
