using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;

namespace StudyBot.Benchmarks;

/// <summary>Prints the ranking features of a question's candidates.</summary>
internal static class Explainer
{
    public static IEnumerable<string> Parse(string file) =>
        NotesParser.Parse(Path.GetFileName(file), File.ReadAllText(file)).Select(e =>
            $"{e.Passage.LineStart}-{e.Passage.LineEnd} {e.Passage.Kind} [{e.Passage.Section}] #{e.IndexInSection} leads={string.Join("|", e.Leads.Select(h => $"{h.Title}@{h.Line}/{h.Depth}"))} :: {e.Passage.Text.Replace('\n', ' ')[..Math.Min(80, e.Passage.Text.Length)]}");

    public static IReadOnlyList<string> Explain(string folder, string question)
    {
        var notes = NotesLoader.Load(new KnowledgeOptions { Path = folder }, CancellationToken.None);
        using var index = new KnowledgeIndex(new NotesAnalyzer(Synonyms.Build(notes.SynonymGroups)), notes.Entries, notes.FileHashes, notes.Failures);
        return AnswerComposer.Explain(index, question);
    }
}
