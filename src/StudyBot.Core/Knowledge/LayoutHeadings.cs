using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Headings the notes repeat as layout ("One Paragraph Explainer" under every practice of a guide, "Challenges" at the
/// end of every tutorial, "Use cases" under each service): they say where on a page a passage sits, not what it is
/// about, so an answer's lead names the nearest heading above that is not one ("Use Async-Await or promises for async
/// error handling: Callbacks don't scale well …", not "One Paragraph Explainer: Callbacks …"). A heading is layout
/// when its title stands under at least <see cref="MinParents"/> different parents (a file, or the headings above it in
/// a file).
/// </summary>
/// <remarks>
/// Counted by the index, not by reading the passages: every (parent, title) pair lies inside one file, so when a file
/// is indexed, the first passage under each of its pairs carries the title as a term of <see cref="Field"/>, and a
/// title's live documents in that field are its parents. Reading every passage instead took 25 s on the first answer
/// after each load of 101 MB of notes (772,000 passages); the term list is read once per index generation.
/// </remarks>
internal static class LayoutHeadings
{
    /// <summary>The fewest different parents a title stands under to be layout: two pages may share a heading by
    /// chance ("Overview" of two services), three make it a pattern.</summary>
    internal const int MinParents = 3;

    /// <summary>The field whose terms are the titles a passage is the first under (lower case, one term each).</summary>
    internal const string Field = "layout";

    /// <summary>For each of one file's passages (in order), the fields that mark the (parent, title) pairs it is the
    /// first passage under.</summary>
    public static IEnumerable<IReadOnlyList<StringField>> Marks(IReadOnlyList<NoteEntry> file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? section = null;
        foreach (var entry in file)
        {
            if (entry.SectionKey == section)
            {
                yield return []; // a section's passages follow each other under the same headings: its first marked them.
                continue;
            }

            section = entry.SectionKey;
            List<StringField>? marks = null;
            var parent = entry.Passage.File;
            foreach (var title in entry.Passage.HeadingPath)
            {
                var term = title.ToLowerInvariant();
                if (seen.Add($"{parent}\n\n{term}"))
                {
                    (marks ??= []).Add(new StringField(Field, term, Lucene.Net.Documents.Field.Store.NO));
                }

                parent = $"{parent}\n{title}";
            }

            yield return marks ?? (IReadOnlyList<StringField>)[];
        }
    }

    /// <summary>The titles the notes repeat as layout (case-insensitive): the terms of <see cref="Field"/> with at
    /// least <see cref="MinParents"/> live documents (a reload's deleted passages count in Lucene's document
    /// frequencies until a merge, so those are counted again with the live documents).</summary>
    public static HashSet<string> Read(IndexReader reader)
    {
        var layout = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (MultiFields.GetTerms(reader, Field) is not { } terms)
        {
            return layout;
        }

        var live = MultiFields.GetLiveDocs(reader);
        var enumerator = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (enumerator.MoveNext())
        {
            if (enumerator.DocFreq < MinParents)
            {
                continue;
            }

            docs = enumerator.Docs(live, docs, DocsFlags.NONE);
            var parents = 0;
            while (parents < MinParents && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                parents++;
            }

            if (parents >= MinParents)
            {
                layout.Add(enumerator.Term.Utf8ToString());
            }
        }

        return layout;
    }

    /// <summary>The section titles that stand under <see cref="MinParents"/> different parent headings or more, each by
    /// <paramref name="key"/> (the caller's normal form), counted from the passages themselves: the quiz reads every
    /// passage anyway and has no index. Only a passage's own section title, under at least one heading: the labelled parts
    /// of a page ("In plain words" under every pattern of a design-patterns page).</summary>
    public static HashSet<string> SectionTitles(IEnumerable<Passage> passages, Func<string, string> key) =>
        passages.Where(p => p.HeadingPath.Count >= 2)
            .GroupBy(p => key(p.HeadingPath[^1]), StringComparer.Ordinal)
            .Where(g => g.Select(p => p.File + "\u001e" + string.Join('\u001f', p.HeadingPath.Take(p.HeadingPath.Count - 1))).Distinct(StringComparer.Ordinal).Count() >= MinParents)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The title a lead names a passage by: its section, or the nearest heading above it when the section is a
    /// layout heading; the section when every heading above is layout too.</summary>
    public static string Label(KnowledgeIndex index, Passage passage)
    {
        var layout = index.LayoutTitles;
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
}
