using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;

namespace StudyBot.Benchmarks;

/// <summary>Prints the ranking features of a question's candidates.</summary>
internal static class Explainer
{
    public static IEnumerable<string> Parse(string file) =>
        NotesParser.Parse(Path.GetFileName(file), File.ReadAllText(file)).Select(e =>
            $"{e.Passage.LineStart}-{e.Passage.LineEnd} {e.Passage.Kind} [{e.Passage.Section}] #{e.IndexInSection} leads={string.Join("|", e.Leads.Select(h => $"{h.Title}@{h.Line}/{h.Depth}"))} :: {e.Passage.Text.Replace('\n', ' ')[..Math.Min(80, e.Passage.Text.Length)]}");

    /// <summary>Mean time of one answer over many (a quick check between benchmark runs).</summary>
    public static string Time(string folder, string question)
    {
        using var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = folder }), TimeProvider.System);
        // Let the JIT reach its optimised tier (tiered PGO takes a few thousand answers) before measuring.
        var warmup = System.Diagnostics.Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromSeconds(3))
        {
            kb.Ask(question);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        const int Runs = 2000;
        for (var i = 0; i < Runs; i++)
        {
            kb.Ask(question);
        }

        var answerTime = clock.Elapsed.TotalMicroseconds / Runs;
        clock.Restart();
        for (var i = 0; i < Runs; i++)
        {
            kb.Ask(question);
        }

        Console.WriteLine($"second loop {clock.Elapsed.TotalMicroseconds / Runs:F1} us; gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}");



        var notes = NotesLoader.Load(new KnowledgeOptions { Path = folder }, CancellationToken.None);
        using var index = KnowledgeBase.IndexOf(notes);
        clock.Restart();
        for (var i = 0; i < Runs; i++)
        {
            index.Analyzer.Tokens(question);
        }

        var tokenTime = clock.Elapsed.TotalMicroseconds / Runs;
        clock.Restart();
        for (var i = 0; i < Runs; i++)
        {
            index.Search(searcher => StudyBot.Core.Knowledge.Answering.QuestionAnalyzer.Analyze(index, searcher, question));
        }

        var conceptTime = clock.Elapsed.TotalMicroseconds / Runs;
        clock.Restart();
        for (var i = 0; i < Runs; i++)
        {
            AnswerComposer.Explain(index, question, 0);
        }

        var rankTime = clock.Elapsed.TotalMicroseconds / Runs;
        return $"{answerTime:F1} us per answer; tokens {tokenTime:F1} us; concepts {conceptTime:F1} us; concepts+ranking {rankTime:F1} us";
    }

    public static IReadOnlyList<string> Explain(string folder, string question)
    {
        var notes = NotesLoader.Load(new KnowledgeOptions { Path = folder }, CancellationToken.None);
        using var index = KnowledgeBase.IndexOf(notes);
        return AnswerComposer.Explain(index, question);
    }
}
