using Microsoft.Extensions.Logging;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Tests.Knowledge.Answering;

public sealed class SemanticTests : IDisposable
{
    private readonly KnowledgeTestData.TempNotes _cacheFolder = new();

    public void Dispose() => _cacheFolder.Dispose();

    [Fact]
    public void GetOrEmbed_SecondRun_EmbedsNothingAndReturnsTheSameVectors()
    {
        var embedder = new WordHashEmbedder();
        var texts = new[] { "alpha beta", "gamma delta", "alpha beta" };

        var first = new EmbeddingCache(_cacheFolder.Folder, embedder.ModelId, embedder.Dimensions).GetOrEmbed(texts, embedder, CancellationToken.None);
        var cache = new EmbeddingCache(_cacheFolder.Folder, embedder.ModelId, embedder.Dimensions);
        var second = cache.GetOrEmbed(texts, embedder, CancellationToken.None);

        Assert.Equal(2, embedder.Embedded); // the repeated text once, and nothing on the second run
        Assert.Equal(0, cache.LastEmbedded);
        Assert.Equal(first.Select(v => v.Sum()), second.Select(v => v.Sum()));
    }

    [Fact]
    public void GetOrEmbed_OneTextChanged_EmbedsOnlyThatOne()
    {
        var embedder = new WordHashEmbedder();
        var cache = new EmbeddingCache(_cacheFolder.Folder, embedder.ModelId, embedder.Dimensions);
        cache.GetOrEmbed(["one", "two", "three"], embedder, CancellationToken.None);

        cache.GetOrEmbed(["one", "two", "three changed"], embedder, CancellationToken.None);

        Assert.Equal(1, cache.LastEmbedded);
    }

    [Fact]
    public void GetOrEmbed_DamagedFile_EmbedsAgainWithoutThrowing()
    {
        var embedder = new WordHashEmbedder();
        new EmbeddingCache(_cacheFolder.Folder, embedder.ModelId, embedder.Dimensions).GetOrEmbed(["one"], embedder, CancellationToken.None);
        foreach (var file in Directory.GetFiles(_cacheFolder.Folder))
        {
            File.WriteAllBytes(file, [1, 2, 3]);
        }

        var cache = new EmbeddingCache(_cacheFolder.Folder, embedder.ModelId, embedder.Dimensions);
        var vectors = cache.GetOrEmbed(["one"], embedder, CancellationToken.None);

        Assert.Equal(1, cache.LastEmbedded);
        Assert.Equal(embedder.Dimensions, vectors[0].Length);
    }

    [Fact]
    public async Task Attach_ModelReady_TheIndexAnswersOnTheSemanticPath()
    {
        using var notes = new KnowledgeTestData.TempNotes(("n.md", "# Sessions\n\nThe idle session timeout is 30 minutes.\n"));
        using var indexer = new SemanticIndexer(() => Task.FromResult<ITextEmbedder>(new WordHashEmbedder()), _cacheFolder.Folder);
        using var kb = new KnowledgeBase(Microsoft.Extensions.Options.Options.Create(new KnowledgeOptions { Path = notes.Folder }), TimeProvider.System, semantic: indexer);

        Assert.StartsWith("lexical", kb.AnswerPath, StringComparison.Ordinal);
        await kb.LoadAsync(CancellationToken.None);
        await indexer.Idle;

        Assert.Equal("ready", indexer.Status);
        Assert.Equal("semantic", kb.AnswerPath);
        Assert.True(kb.Ask("idle session timeout").Answered);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(0, false)]
    public async Task Attach_WordPiecesKeptOnlyUpToTokenMatchMaxPassages(int maxPassages, bool kept)
    {
        using var notes = new KnowledgeTestData.TempNotes(("n.md", "# Sessions\n\nThe idle session timeout is 30 minutes.\n"));
        using var indexer = new SemanticIndexer(() => Task.FromResult<ITextEmbedder>(new WordHashEmbedder { GivesTokens = true }), _cacheFolder.Folder) { TokenMatchMaxPassages = maxPassages };
        using var kb = new KnowledgeBase(Microsoft.Extensions.Options.Options.Create(new KnowledgeOptions { Path = notes.Folder }), TimeProvider.System, semantic: indexer);

        await kb.LoadAsync(CancellationToken.None);
        await indexer.Idle;

        Assert.Equal("ready", indexer.Status);
        Assert.Equal(kept, kb.CurrentIndex!.Semantic!.HasTokens);
        Assert.Equal(kept, Directory.GetFiles(_cacheFolder.Folder, "*.tok").Length > 0);
        Assert.True(kb.Ask("idle session timeout").Answered);
    }

    [Fact]
    public async Task Attach_ModelFails_StaysLexicalAndSaysWhy()
    {
        using var notes = new KnowledgeTestData.TempNotes(("n.md", "# Sessions\n\nThe idle session timeout is 30 minutes.\n"));
        using var indexer = new SemanticIndexer(() => Task.FromException<ITextEmbedder>(new FileNotFoundException("model missing")), null);
        using var kb = new KnowledgeBase(Microsoft.Extensions.Options.Options.Create(new KnowledgeOptions { Path = notes.Folder }), TimeProvider.System, semantic: indexer);

        await kb.LoadAsync(CancellationToken.None);
        await indexer.Idle;

        Assert.StartsWith("failed: model missing", indexer.Status, StringComparison.Ordinal);
        Assert.StartsWith("lexical", kb.AnswerPath, StringComparison.Ordinal);
        Assert.True(kb.Ask("What is the idle session timeout?").Answered);
    }

    [Fact]
    public async Task Dispose_MidEmbedding_StopsTheEmbeddingBeforeReturningAndLogsNothing()
    {
        using var notes = new KnowledgeTestData.TempNotes(("n.md", "# Sessions\n\nThe idle session timeout is 30 minutes.\n"));
        using var model = new StallingEmbedder();
        var logs = new LogCapture();
        var indexer = new SemanticIndexer(() => Task.FromResult<ITextEmbedder>(model), _cacheFolder.Folder, logs.For<SemanticIndexer>());
        using var kb = new KnowledgeBase(Microsoft.Extensions.Options.Options.Create(new KnowledgeOptions { Path = notes.Folder }), TimeProvider.System, semantic: indexer);
        await kb.LoadAsync(CancellationToken.None);
        await model.Started.WaitAsync(Wait.SafetyDeadline);

        indexer.Dispose();
        model.OwnerStopped();
        await indexer.Idle.WaitAsync(Wait.SafetyDeadline);

        Assert.False(model.RanAfterStop, "the model was still embedding after the indexer was disposed");
        Assert.Equal(0, model.InFlight);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void MiniLm_Paraphrase_IsCloserThanAnUnrelatedSentence()
    {
        using var model = BertEmbedder.Load(BertModelSpec.MiniLm);

        var v = model.Embed(["How do I switch off logging?", "To disable logging, set level to none.", "Paris is the capital of France."]);

        Assert.Equal(384, v[0].Length);
        Assert.Equal(1.0, v[0].Sum(x => (double)x * x), 3);
        var paraphrase = v[0].Zip(v[1]).Sum(p => p.First * p.Second);
        var unrelated = v[0].Zip(v[2]).Sum(p => p.First * p.Second);
        Assert.True(paraphrase > unrelated + 0.2, $"paraphrase {paraphrase}, unrelated {unrelated}");
    }

    [Fact]
    public void MiniLmWithDeltaFile_FloatVectors_AreTheTunedModelsAsFitted()
    {
        // The first three numbers of each vector as the fitting script's PyTorch copy of the tuned model gives them
        // (tests/StudyBot.Eval/finetune): the change file, its half-precision factors and the merge agree with it.
        var chat = BertModelSpec.MiniLm with { Name = "all-MiniLM-L6-v2+chat", DeltaFile = Path.Combine(AppContext.BaseDirectory, "finetune", "minilm-chat.lora") };
        using var tuned = BertEmbedder.Load(chat with { Int8 = false });
        using var shipped = BertEmbedder.Load(BertModelSpec.MiniLm with { Int8 = false });
        string[] texts = ["Is EBS encrypted by default?", "EBS Encryption: by default it is not encrypted"];

        var v = tuned.Embed(texts);
        var before = shipped.Embed(texts);

        float[][] fitted = [[-0.0020f, 0.0315f, -0.0190f], [0.0154f, 0.0272f, -0.0245f]];
        for (var t = 0; t < texts.Length; t++)
        {
            Assert.All(Enumerable.Range(0, 3), i => Assert.InRange(v[t][i], fitted[t][i] - 2e-4f, fitted[t][i] + 2e-4f));
            Assert.True(Math.Abs(before[t][0] - v[t][0]) > 0.005f, "the change moved the vector");
        }

        Assert.StartsWith("all-MiniLM-L6-v2+chat-", chat.ModelId, StringComparison.Ordinal);
    }

    [Fact]
    public void TopAndRank_AgreeWithAStableSortOfEveryPassage()
    {
        // Ties (the same line in two files embeds the same) and a length that is not a multiple of the vector width.
        var random = new Random(7);
        var similarities = Enumerable.Range(0, 1_003).Select(_ => MathF.Round((float)random.NextDouble(), 2)).ToArray();
        var sorted = Enumerable.Range(0, similarities.Length).OrderByDescending(i => similarities[i]).ThenBy(i => i).ToArray();

        Assert.Equal(sorted.Take(30), SemanticIndex.Top(similarities, 30));
        Assert.Equal(sorted, SemanticIndex.Top(similarities, 5_000));
        var every = SemanticIndex.Ranks(similarities, Enumerable.Range(0, similarities.Length));
        Assert.All(Enumerable.Range(0, similarities.Length), id => Assert.Equal(Array.IndexOf(sorted, id), every[id]));
        Assert.Empty(SemanticIndex.Top([], 30));
        var candidates = new[] { 0, 5, 17, 17, 400, 1_002, sorted[0], sorted[^1], sorted[500] };
        Assert.All(SemanticIndex.Ranks(similarities, candidates), pair => Assert.Equal(Array.IndexOf(sorted, pair.Key), pair.Value));
        Assert.Equal(candidates.Distinct().Order(), SemanticIndex.Ranks(similarities, candidates).Keys.Order());

        // A NaN (no finite vectors give one) ranks after every number, as a sort by CompareTo puts it.
        similarities[3] = similarities[9] = float.NaN;
        var withNaN = Enumerable.Range(0, similarities.Length).OrderByDescending(i => similarities[i]).ThenBy(i => i).ToArray();
        Assert.All(SemanticIndex.Ranks(similarities, [3, 9, 0, withNaN[0]]), pair => Assert.Equal(Array.IndexOf(withNaN, pair.Key), pair.Value));
    }
}
