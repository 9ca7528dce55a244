using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Eval;

/// <summary>
/// <c>background-words [--write | OUT]</c>: for every notes folder in the repository (the team's notes and every test corpus),
/// the terms its index holds, and for each term the number of folders that hold it (tab-separated, most folders first).
/// A question's word that the team's notes never write is either one that study notes in general write ("grab",
/// "teammate", "forever": chat about the notes' subject) or one they do not ("sourdough", "tallest": another subject);
/// the count is that background. <c>--write</c> writes the terms of at least <see cref="BackgroundTerms.MinFolders"/>
/// folders to <c>src/StudyBot.Core/Knowledge/Answering/background-terms.txt</c>, the list the bot ships.
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

        if (args.Contains("--write"))
        {
            var path = Path.Combine(root, "src/StudyBot.Core/Knowledge/Answering/background-terms.txt");
            var shipped = counts.Where(p => p.Value >= BackgroundTerms.MinFolders).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            string[] header =
            [
                $"# The analyzed terms held by at least {BackgroundTerms.MinFolders} of the {folders.Count} notes folders in this repository (knowledge/ and",
                "# tests/data/corpora*/*; each folder's licence and source in its SOURCES.md). One term per line. Rebuilt by",
                "# dotnet run -c Release --project tests/StudyBot.Eval -- background-words --write",
            ];
            File.WriteAllLines(path, header.Concat(shipped));
            Console.Error.WriteLine($"wrote {shipped.Count} terms to {path}");
            return;
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
