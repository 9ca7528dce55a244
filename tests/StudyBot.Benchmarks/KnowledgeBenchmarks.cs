using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;

namespace StudyBot.Benchmarks;

/// <summary>
/// Answer latency per question (one invocation per iteration, so the percentiles are per question), on the seed
/// notes and on all of tests/data/corpora, next to a bare BM25 term query on the same corpora index.
/// Run: <c>dotnet run -c Release --project tests/StudyBot.Benchmarks -- --filter '*Knowledge*'</c>.
/// </summary>
[Config(typeof(PerQuestionConfig))]
public class KnowledgeAskBenchmarks
{
    private KnowledgeBase _seed = null!;
    private KnowledgeBase _corpora = null!;
    private KnowledgeBase _corporaSemantic = null!;
    private StudyBot.Core.Knowledge.Semantic.SemanticIndexer _indexer = null!;
    private KnowledgeIndex _corporaIndex = null!;
    private int _next;

    /// <summary>Questions asked in turn, so no one question's cost dominates.</summary>
    private static readonly string[] SeedQuestions =
    [
        "Is EBS encrypted by default?", "What does AWS Shield provide?", "Can HSM be placed on-premise?",
        "What is a Docker image?", "What is the capital of France?",
    ];

    internal static readonly string[] CorporaQuestions =
    [
        "What is S3 Glacier deep archive used for?", "What does etcd do in a Kubernetes cluster?",
        "What does the TTL field in an IP packet do?", "What is a VLAN?", "Does UDP retransmit lost data?",
        "What is the weather in Paris today?",
    ];

    [GlobalSetup]
    public void Setup()
    {
        _seed = Open(BenchmarkData.SeedFolder);
        _corpora = Open(BenchmarkData.CorporaFolder);

        (_indexer, _corporaSemantic) = BenchmarkData.OpenSemanticCorpora();
        // A bot answers many questions: measure the steady state, after tiered PGO has optimised the hot paths
        // (that takes a few thousand answers; BenchmarkDotNet's warm-up iterations are single answers here).
        var warmup = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; warmup.Elapsed < TimeSpan.FromSeconds(5); i++)
        {
            _seed.Ask(SeedQuestions[i % SeedQuestions.Length]);
            _corpora.Ask(CorporaQuestions[i % CorporaQuestions.Length]);
            _corporaSemantic.Ask(CorporaQuestions[i % CorporaQuestions.Length]);
        }

        var notes = NotesLoader.Load(new KnowledgeOptions { Path = BenchmarkData.CorporaFolder }, CancellationToken.None);
        _corporaIndex = KnowledgeBase.IndexOf(notes);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _seed.Dispose();
        _corpora.Dispose();
        _corporaSemantic.Dispose();
        _indexer.Dispose();
        _corporaIndex.Dispose();
    }

    [Benchmark(Description = "Ask, seed notes")]
    public Answer AskSeed() => _seed.Ask(SeedQuestions[_next++ % SeedQuestions.Length]);

    [Benchmark(Description = "Ask, all corpora (~1 MB)")]
    public Answer AskCorpora() => _corpora.Ask(CorporaQuestions[_next++ % CorporaQuestions.Length]);

    [Benchmark(Description = "Ask with the semantic stage, all corpora (~1 MB)")]
    public Answer AskCorporaSemantic() => _corporaSemantic.Ask(CorporaQuestions[_next++ % CorporaQuestions.Length]);

    [Benchmark(Baseline = true, Description = "Bare BM25 TermQuery, all corpora")]
    public int BareTermQuery() => _corporaIndex.Search(searcher =>
        searcher.Search(new TermQuery(new Term(KnowledgeIndex.BodyField, "udp")), 10).TotalHits);

    private static KnowledgeBase Open(string folder) =>
        new(Options.Create(new KnowledgeOptions { Path = folder }), TimeProvider.System);

    private sealed class PerQuestionConfig : ManualConfig
    {
        public PerQuestionConfig()
        {
            AddJob(Job.Default.WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(30).WithIterationCount(300).WithLaunchCount(1)
                .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        }
    }
}

/// <summary>Reading, parsing and indexing all of tests/data/corpora.</summary>
[Config(typeof(IndexingConfig))]
public class KnowledgeIndexingBenchmarks
{
    [Benchmark(Description = "Load + parse + index all corpora")]
    public int IndexCorpora()
    {
        using var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = BenchmarkData.CorporaFolder }), TimeProvider.System);
        return kb.Stats.Passages;
    }

    private sealed class IndexingConfig : ManualConfig
    {
        public IndexingConfig()
        {
            AddJob(Job.ShortRun.WithInvocationCount(1).WithUnrollFactor(1).WithIterationCount(5));
            AddColumn(StatisticColumn.Median, StatisticColumn.Max);
        }
    }
}

/// <summary>A percentile of the per-iteration times (per question with one invocation per iteration).</summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"P{percentile}";

    public string ColumnName => $"P{percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"Percentile {percentile} of the measured times";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null ? "NA" : $"{statistics.Percentiles.Percentile(percentile) / 1_000_000.0:F3} ms";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Where the benchmark data is copied next to the benchmark assembly.</summary>
internal static class BenchmarkData
{
    /// <summary>All of the corpora with the semantic stage, ready: the passages' vectors come from the cache under the
    /// benchmark's folder after the first run; each question is embedded as it is asked.</summary>
    public static (StudyBot.Core.Knowledge.Semantic.SemanticIndexer Indexer, KnowledgeBase Knowledge) OpenSemanticCorpora()
    {
        var indexer = new StudyBot.Core.Knowledge.Semantic.SemanticIndexer(Path.Combine(AppContext.BaseDirectory, "embeddings"));
        var knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = CorporaFolder }), TimeProvider.System, semantic: indexer);
        knowledge.LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
        indexer.Idle.GetAwaiter().GetResult();
        if (knowledge.AnswerPath != "semantic")
        {
            throw new InvalidOperationException("The semantic path is not ready: " + knowledge.AnswerPath);
        }

        return (indexer, knowledge);
    }

    public static string SeedFolder => Find("knowledge");

    public static string CorporaFolder => Find(Path.Combine("data", "corpora"));

    /// <summary>BenchmarkDotNet runs the benchmarks from a generated project; look next to this assembly, then up.</summary>
    private static string Find(string relative)
    {
        var candidates = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var start in candidates)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var path in new[] { Path.Combine(dir.FullName, relative), Path.Combine(dir.FullName, "tests", relative) })
                {
                    if (Directory.Exists(path))
                    {
                        return path;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException($"Benchmark data '{relative}' not found.");
    }
}
