using System.Diagnostics;
using Lucene.Net.Search;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Benchmarks;

/// <summary>
/// Where a semantic answer's time and allocations go, stage by stage (<c>-- stages</c>): the benchmark's corpora
/// questions answered many times on the calling thread, each stage of <see cref="AnswerComposer.Rank"/> and the answer
/// writer timed on its own (wall time, the thread's CPU time and bytes allocated). The question's embedding runs
/// inline here; a real answer overlaps it with the lexical stages on a pool thread.
/// </summary>
internal static class Stages
{
    private const int Rounds = 200;

    private static readonly string[] Names =
    [
        "embed question (ONNX)", "question analysis", "lexical candidates", "cosines (all passages)", "adapter",
        "question word pieces", "semantic candidates + ranks", "signals without token match", "signals with token match",
        "score + sort + decision", "spelling", "answer writer", "whole answer (KnowledgeBase.Ask)",
    ];

    public static void Run()
    {
        var (indexer, kb) = BenchmarkData.OpenSemanticCorpora();
        using var _ = indexer;
        using var __ = kb;
        var questions = KnowledgeAskBenchmarks.CorporaQuestions;
        var index = (KnowledgeIndex)typeof(KnowledgeBase).GetMethod("EnsureLoaded", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(kb, null)!;
        var warmup = Stopwatch.StartNew();
        for (var i = 0; warmup.Elapsed < TimeSpan.FromSeconds(5); i++)
        {
            kb.Ask(questions[i % questions.Length]);
            index.Search(searcher => Once(index, searcher, questions[i % questions.Length], null));
        }

        var totals = new (double Wall, double Cpu, long Bytes)[Names.Length];
        var count = 0;
        var samples = Enumerable.Range(0, Names.Length).Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var question in questions)
            {
                var before = totals.Select(t => t.Cpu).ToArray();
                index.Search(searcher => Once(index, searcher, question, totals));
                for (var s = 0; s < Names.Length - 1; s++)
                {
                    samples[s].Add(totals[s].Cpu - before[s]);
                }

                // The whole answer overlaps the question's embedding on a pool thread: the process's CPU time.
                var (wall, cpu, bytes) = Measure(() => kb.Ask(question), process: true);
                samples[^1].Add(cpu);
                totals[^1].Wall += wall;
                totals[^1].Cpu += cpu;
                totals[^1].Bytes += bytes;
                count++;
            }
        }

        Console.WriteLine($"{"stage",-36} {"wall µs",9} {"cpu µs",9} {"KB",9} {"cpu p25",9}   (mean per answer over {count}; p25 of the CPU time, less moved by other work on the machine)");
        string P25(int s)
        {
            var sorted = samples[s].Order().ToList();
            return $"{sorted[sorted.Count / 4],9:F1}";
        }

        var sum = (Wall: 0.0, Cpu: 0.0, Bytes: 0L);
        for (var s = 0; s < Names.Length; s++)
        {
            if (s == Names.Length - 1)
            {
                Console.WriteLine($"{"sum of stages",-36} {sum.Wall / count,9:F1} {sum.Cpu / count,9:F1} {sum.Bytes / 1024.0 / count,9:F1}");
            }
            else if (!Names[s].StartsWith("signals without", StringComparison.Ordinal))
            {
                sum = (sum.Wall + totals[s].Wall, sum.Cpu + totals[s].Cpu, sum.Bytes + totals[s].Bytes);
            }

            if (Names[s].StartsWith("signals without", StringComparison.Ordinal))
            {
                // Only for the difference: the next stage computes these signals again, with the token match.
                Console.WriteLine($"{"(" + Names[s] + ")",-36} {totals[s].Wall / count,9:F1} {totals[s].Cpu / count,9:F1} {totals[s].Bytes / 1024.0 / count,9:F1} {P25(s)}");
                Console.WriteLine($"{"  of which token match",-36} {(totals[s + 1].Wall - totals[s].Wall) / count,9:F1} {(totals[s + 1].Cpu - totals[s].Cpu) / count,9:F1} {(totals[s + 1].Bytes - totals[s].Bytes) / 1024.0 / count,9:F1} {"",9}");
                continue;
            }

            Console.WriteLine($"{Names[s],-36} {totals[s].Wall / count,9:F1} {totals[s].Cpu / count,9:F1} {totals[s].Bytes / 1024.0 / count,9:F1} {P25(s)}");
        }
    }

    /// <summary>One answer, as <see cref="AnswerComposer.Rank"/> and <see cref="AnswerComposer.Ask"/> give it, with
    /// each stage's cost added to <paramref name="totals"/> (none during the warm-up).</summary>
    private static int Once(KnowledgeIndex index, IndexSearcher searcher, string question, (double Wall, double Cpu, long Bytes)[]? totals)
    {
        var stage = 0;
        T Timed<T>(Func<T> step)
        {
            T result = default!;
            var (wall, cpu, bytes) = Measure(() => result = step());
            if (totals is not null)
            {
                totals[stage].Wall += wall;
                totals[stage].Cpu += cpu;
                totals[stage].Bytes += bytes;
            }

            stage++;
            return result;
        }

        var semantic = index.Semantic!;
        var model = AnswerModel.Current;
        var embedding = Timed(() => semantic.Embedder.EmbedQueryWithTokens(question));
        var analysis = Timed(() => QuestionAnalyzer.Analyze(index, searcher, question));
        var found = Timed(() => Candidates.Lexical(index, searcher, analysis));
        var similarities = Timed(() => semantic.Similarities(embedding.Vector));
        var variant = model.For(true);
        var adapted = Timed(() => variant.Adapter?.Apply(embedding.Vector));
        var tokens = Timed(() => embedding.Tokens?.ReadAll());
        var context = Timed(() =>
        {
            var c = new Signals.Context(index, analysis, similarities, adapted, tokens);
            Candidates.AddSemantic(found, c);
            c.RankCandidates(found.Keys);
            return c;
        });

        // The signals without the token match, then the token match alone, over the same candidates.
        var lexicalContext = new Signals.Context(index, analysis, similarities, adapted, null);
        lexicalContext.RankCandidates(found.Keys);
        Timed(() =>
        {
            foreach (var (id, bm25) in found)
            {
                Signals.Compute(lexicalContext, id, bm25);
            }

            return 0;
        });
        var ranked = Timed(() =>
        {
            var list = new List<Signals.Candidate>();
            foreach (var (id, bm25) in found)
            {
                list.Add(Signals.Compute(context, id, bm25));
            }

            return list;
        });
        var accept = Timed(() =>
        {
            foreach (var candidate in ranked)
            {
                candidate.Score = variant.Ranker.Score(candidate.Features);
            }

            Signals.Order(context.Index, ranked);
            var decision = Signals.Decision(context, ranked);
            return ranked.Count > 0 && analysis.Content.Count > 0 && variant.Decision.Probability(decision) >= variant.Threshold;
        });
        Timed(() => Spelling.Corrected(index, analysis));
        Timed(() => accept ? AnswerWriter.Write(index, analysis, ranked, variant) : AnswerWriter.Decline(index, question, ranked));
        return 0;
    }

    private static (double WallMicros, double CpuMicros, long Bytes) Measure(Action action, bool process = false)
    {
        var bytes = process ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
        var cpu = CpuTime(process);
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalMicroseconds;
        var allocated = (process ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread()) - bytes;
        return (wall, (CpuTime(process) - cpu) / 1000.0, allocated);
    }

    /// <summary>This thread's (CLOCK_THREAD_CPUTIME_ID) or the process's (CLOCK_PROCESS_CPUTIME_ID) CPU time in
    /// nanoseconds.</summary>
    private static long CpuTime(bool process)
    {
        ClockGetTime(process ? 2 : 3, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
