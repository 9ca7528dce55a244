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

    /// <summary>Where the semantic answers' slow tail comes from (the p99 bar): each benchmark question timed alone,
    /// many times, on the corpora with the semantic stage, with the garbage collector's counts and pause time.</summary>
    public static void SemanticTail()
    {
        var (indexer, kb) = BenchmarkData.OpenSemanticCorpora();
        using var _ = indexer;
        using var __ = kb;
        var questions = KnowledgeAskBenchmarks.CorporaQuestions;
        var warmup = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; warmup.Elapsed < TimeSpan.FromSeconds(5); i++)
        {
            kb.Ask(questions[i % questions.Length]);
        }

        const int Runs = 300;
        var all = new List<double>();
        foreach (var question in questions)
        {
            var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var times = new double[Runs];
            for (var i = 0; i < Runs; i++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                kb.Ask(question);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            all.AddRange(times);
            Console.WriteLine($"{times[Runs / 2],6:F2} median {times[Runs * 95 / 100],6:F2} p95 {times[Runs * 99 / 100],6:F2} p99 {times[^1],6:F2} max ms; "
                + $"gc {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F1} ms  {question}");
        }

        all.Sort();
        Console.WriteLine($"all: {all[all.Count / 2]:F2} median {all[all.Count * 95 / 100]:F2} p95 {all[all.Count * 99 / 100]:F2} p99 {all[^1]:F2} max ms");
    }
}
