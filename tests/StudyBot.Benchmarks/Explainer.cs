using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;

namespace StudyBot.Benchmarks;

/// <summary>Prints the ranking features of a question's candidates.</summary>
internal static class Explainer
{
    public static IReadOnlyList<string> Explain(string folder, string question)
    {
        var notes = NotesLoader.Load(new KnowledgeOptions { Path = folder }, CancellationToken.None);
        using var index = new KnowledgeIndex(new NotesAnalyzer(Synonyms.Build(notes.SynonymGroups)), notes.Entries, notes.FileHashes, notes.Failures);
        return AnswerComposer.Explain(index, question);
    }
}
