using StudyBot.Core.Knowledge;

namespace StudyBot.Eval;

/// <summary>
/// <c>background-words [OUT]</c>: for every notes folder in the repository (the team's notes and every test corpus),
/// the terms its index holds, and for each term the number of folders that hold it (tab-separated, most folders first).
/// A question's word that the team's notes never write is either one that study notes in general write ("grab",
/// "teammate", "forever": chat about the notes' subject) or one they do not ("sourdough", "tallest": another subject);
/// the count is that background. The fifty-sixth session built a decision signal on it (the share of a question's
/// unknown words held by at least five folders) and measured it; not kept (docs/answers.md, "Everyday words the notes
/// lack").
/// </summary>
internal static class BackgroundWords
{
    public static void Run(string root, string[] args)
    {
        var folders = new List<string> { Path.Combine(root, "knowledge") };
        foreach (var parent in Directory.GetDirectories(Path.Combine(root, "tests/data"), "corpora*").Order(StringComparer.Ordinal))
        {
            folders.AddRange(Directory.GetDirectories(parent).Order(StringComparer.Ordinal));
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            using var index = KnowledgeBase.IndexOf(NotesLoader.Load(new KnowledgeOptions { Path = folder }, CancellationToken.None));
            var terms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var first in "abcdefghijklmnopqrstuvwxyz0123456789")
            {
                terms.UnionWith(index.VocabularyStartingWith(first));
            }

            foreach (var term in terms)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }

            Console.Error.WriteLine($"{Path.GetRelativePath(root, folder)}: {terms.Count} terms");
        }

        var lines = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\t{p.Value}");
        var output = args.Length > 1 ? args[1] : null;
        if (output is null)
        {
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }
        }
        else
        {
            File.WriteAllLines(output, lines);
        }

        Console.Error.WriteLine($"{folders.Count} folders, {counts.Count} terms");
    }
}
