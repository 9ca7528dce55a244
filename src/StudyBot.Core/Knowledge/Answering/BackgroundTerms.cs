namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// The terms that study notes in general write: those held by at least <see cref="MinFolders"/> of the repository's
/// notes folders (the team's notes and every test corpus, 32 subjects), read from <c>background-terms.txt</c> (embedded;
/// <c>dotnet run --project tests/StudyBot.Eval -- background-words --write</c> rebuilds it).
/// A question's word that the team's notes never write is one of two kinds: chat about the notes' own subject
/// ("can a teammate grab the logs?", "does it keep the data forever?"), which such notes elsewhere write, or another
/// subject ("the best sourdough recipe", "the tallest mountain"), which they do not. The decision weighs the two apart
/// (<c>unknown_everyday_share</c>): the command-line page's false declines had the right passage first and were declined
/// for words of the first kind.
/// </summary>
internal static class BackgroundTerms
{
    /// <summary>How many notes folders must hold a term for it to count as one notes write. Five of 32: a term of one
    /// subject's few pages (a tool's name) stays out, the plain words of explaining come in.</summary>
    internal const int MinFolders = 5;

    private const string ResourceName = "StudyBot.Core.Knowledge.Answering.background-terms.txt";

    private static readonly Lazy<HashSet<string>> s_terms = new(Load);

    /// <summary>Whether study notes in general write <paramref name="term"/> (an analyzed term, as the index holds it).</summary>
    public static bool Contains(string term) => s_terms.Value.Contains(term);

    /// <summary>Reads the list: one term per line after comment lines that start with '#'.</summary>
    internal static HashSet<string> Parse(TextReader reader)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                terms.Add(line.Trim());
            }
        }

        return terms;
    }

    private static HashSet<string> Load() =>
        FittedModelFile.ReadEmbedded(ResourceName, stream =>
        {
            using var reader = new StreamReader(stream);
            return Parse(reader);
        });
}
