using StudyBot.Core.Knowledge.Answering;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Tests.Knowledge.Answering;

/// <summary>The word pieces' vectors (<see cref="TokenVectors"/>), their cache and the two token-match signals.</summary>
public sealed class TokenMatchTests : IDisposable
{
    private readonly KnowledgeTestData.TempNotes _cacheFolder = new();
    private readonly AnsweringTestKit _kit = new();

    public void Dispose()
    {
        _kit.Dispose();
        _cacheFolder.Dispose();
    }

    [Fact]
    public void Quantize_EachTokenKeepsItsDirection()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 5 * 384).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

        var tokens = TokenVectors.Quantize(rows, 384);

        Assert.Equal(5, tokens.Count);
        var read = tokens.ReadAll();
        for (var t = 0; t < 5; t++)
        {
            var original = rows.AsSpan(t * 384, 384);
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(original);
            var cosine = System.Numerics.Tensors.TensorPrimitives.Dot(original, read.AsSpan(t * 384, 384)) / norm;
            Assert.InRange(cosine, 0.999, 1.001); // 8 bits per value cost the third decimal at most
        }
    }

    [Fact]
    public void BestMatches_EachQueryTokenGetsItsBestCosineInTheText()
    {
        // Passage tokens: x and y. Query tokens: x (best 1), halfway between x and z (best 0.707), z (best 0).
        float[] passage = [1, 0, 0, 0, 1, 0];
        var half = MathF.Sqrt(0.5f);
        float[] query = [1, 0, 0, half, 0, half, 0, 0, 1];

        var best = TokenVectors.Quantize(passage, 3).BestMatches(query);

        Assert.Equal([1.0, 0.707, 0.0], best.Select(b => Math.Round(b, 3)));
    }

    [Fact]
    public void BestMatches_ModelWidth_FourAtATimeAgreesWithOneByOne()
    {
        // 384 wide, six question tokens: four go through the blocked kernel, two one by one.
        var random = new Random(5);
        float[] Rows(int count) => [.. Enumerable.Range(0, count * 384).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        var passage = TokenVectors.Quantize(Rows(7), 384);
        var query = TokenVectors.Quantize(Rows(6), 384).ReadAll();
        var rows = passage.ReadAll();

        var best = passage.BestMatches(query);

        for (var q = 0; q < 6; q++)
        {
            var expected = Enumerable.Range(0, 7).Max(t => System.Numerics.Tensors.TensorPrimitives.Dot(query.AsSpan(q * 384, 384), rows.AsSpan(t * 384, 384)));
            Assert.Equal(expected, best[q], 4);
        }
    }

    [Fact]
    public void BestMatches_IsBitForBitTheExactMatchOfEveryRow()
    {
        // The pruned match must give the very floats of the exhaustive one (the answers depend on their last bits):
        // random texts of many lengths, and near-ties, where rows differ from a question word by less than the
        // approximate pass's rounding.
        var random = new Random(11);
        float[] Rows(int count) => [.. Enumerable.Range(0, count * 384).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        for (var trial = 0; trial < 60; trial++)
        {
            var queryCount = 1 + (trial % 13);
            var query = TokenVectors.Quantize(Rows(queryCount), 384).ReadAll();
            var rows = Rows(1 + random.Next(90)).ToList();
            if (trial % 3 == 0)
            {
                // Each question word a few times in the text, nudged by a hair or by a step of its 8 bits in one value:
                // many rows within a rounding of the best, or a few of them apart.
                for (var copy = 0; copy < 4; copy++)
                {
                    var nudged = query.Select(v => v + (float)((random.NextDouble() - 0.5) * 1e-6)).ToArray();
                    nudged[random.Next(nudged.Length)] += copy * 0.004f;
                    rows.AddRange(nudged);
                }
            }

            var passage = TokenVectors.Quantize(rows.ToArray(), 384);

            Assert.True(TokenVectors.CanPrune(384) || !System.Numerics.Vector.IsHardwareAccelerated);
            Assert.Equal(passage.BestMatchesEveryRow(query), passage.BestMatches(query, prune: true));
        }
    }

    [Fact]
    public void WriteAndRead_GivesTheSameVectors_AndACorruptCountIsAClearError()
    {
        var tokens = TokenVectors.Quantize([0.6f, 0.8f, 0, 1, 0, 0], 3);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            tokens.WriteTo(writer);
        }

        stream.Position = 0;
        var read = TokenVectors.ReadFrom(new BinaryReader(stream), 3, maxCount: 10);

        Assert.Equal(tokens.ReadAll(), read.ReadAll());
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => TokenVectors.ReadFrom(new BinaryReader(stream), 3, maxCount: 1));
    }

    [Fact]
    public void ReadFrom_WithAnArena_TextsShareABlockAndReadBackTheirOwnValues()
    {
        var first = TokenVectors.Quantize([0.6f, 0.8f, 0, 1, 0, 0], 3);
        var second = TokenVectors.Quantize([0, 0, 1], 3);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            first.WriteTo(writer);
            second.WriteTo(writer);
        }

        stream.Position = 0;
        var arena = new TokenVectors.Arena();
        var reader = new BinaryReader(stream);
        var readFirst = TokenVectors.ReadFrom(reader, 3, 10, arena);
        var readSecond = TokenVectors.ReadFrom(reader, 3, 10, arena);

        Assert.Equal(first.ReadAll(), readFirst.ReadAll());
        Assert.Equal(second.ReadAll(), readSecond.ReadAll()); // the second starts inside the first's block
        using var again = new MemoryStream();
        using (var writer = new BinaryWriter(again))
        {
            readSecond.WriteTo(writer);
        }

        Assert.Equal(4 + 4 + 3, again.ToArray().Length); // its own count, scale and values only
    }

    [Fact]
    public void TokenMatchOf_MeanAndTheWorstMatchedThird()
    {
        var (mean, weakest) = Signals.TokenMatchOf([0.9f, 0.2f, 0.8f, 0.9f, 0.3f, 0.9f]);

        Assert.Equal(0.667, mean, 3);
        Assert.Equal(0.25, weakest, 3); // the worst two of six: 0.2 and 0.3
        Assert.Equal(0.5, Signals.TokenMatchOf([0.5f]).Weakest, 3); // one token is its own worst third
    }

    [Fact]
    public void TokenMatch_PassageHoldingEveryWordOfTheQuestion_ScoresAboveOneHoldingSome()
    {
        // "idle session timeout" holds every word; "Sessions are kept" none of "idle" and "timeout".
        var embedder = new WordHashEmbedder { GivesTokens = true };
        var embedded = embedder.EmbedWithTokens(_kit.Index.ReadAll().Select(e => SemanticIndex.TextOf(e.Passage)).ToList());
        _kit.Index.Semantic = new SemanticIndex(embedder, [.. embedded.Select(e => e.Vector)], [.. embedded.Select(e => e.Tokens)]);
        var question = embedder.EmbedQueryWithTokens("idle session timeout").Tokens!.ReadAll();
        var similarities = new float[_kit.Index.Count];

        var holding = _kit.Candidate("idle session timeout", "idle session timeout", similarities, queryTokens: question);
        var other = _kit.Candidate("idle session timeout", "Sessions are kept", similarities, queryTokens: question);

        Assert.Equal(1.0, holding["token_match"], 2);
        Assert.Equal(1.0, holding["token_match_weakest"], 2);
        Assert.True(other["token_match"] < 0.5, $"{other["token_match"]}");
        Assert.True(other["token_match_weakest"] < 0.1, $"{other["token_match_weakest"]}");
    }

    [Fact]
    public void TokenMatch_WithoutTheWordPieces_IsNotMeasured_AndWeighsNothing()
    {
        var embedder = new WordHashEmbedder();
        _kit.Index.Semantic = new SemanticIndex(embedder, embedder.Embed(_kit.Index.ReadAll().Select(e => SemanticIndex.TextOf(e.Passage)).ToList()));
        var question = new WordHashEmbedder { GivesTokens = true }.EmbedQueryWithTokens("idle session timeout").Tokens!.ReadAll();

        var candidate = _kit.Candidate("idle session timeout", "idle session timeout", new float[_kit.Index.Count], queryTokens: question);

        Assert.False(_kit.Index.Semantic.HasTokens);
        Assert.True(double.IsNaN(candidate["token_match"]));
        var ranker = new AnswerModel.Linear { Weights = new() { ["token_match"] = new AnswerModel.Term { Weight = 2, Mean = 0.7, Scale = 0.1 } } };
        ranker.Bind(Signals.Names);
        Assert.Equal(0, ranker.Score(candidate.Features));
    }

    [Fact]
    public void Cache_KeepsTheWordPieces_AndFillsThemInForACacheWrittenWithout()
    {
        var texts = new[] { "alpha beta", "gamma delta" };
        var plain = new WordHashEmbedder();
        new EmbeddingCache(_cacheFolder.Folder, plain.ModelId, plain.Dimensions).GetOrEmbed(texts, plain, CancellationToken.None);

        var withTokens = new WordHashEmbedder { GivesTokens = true };
        var cache = new EmbeddingCache(_cacheFolder.Folder, withTokens.ModelId, withTokens.Dimensions);
        var first = cache.GetOrEmbedWithTokens(texts, withTokens, CancellationToken.None);
        Assert.Equal(2, cache.LastEmbedded); // the vectors were there, their word pieces not

        var second = cache.GetOrEmbedWithTokens(texts, withTokens, CancellationToken.None);
        Assert.Equal(0, cache.LastEmbedded);
        Assert.Equal(first.Select(e => e.Tokens!.ReadAll()), second.Select(e => e.Tokens!.ReadAll()));
        Assert.Equal(2, second[0].Tokens!.Count);
    }

    [Fact]
    public void Cache_DamagedTokenFile_EmbedsAgainWithoutThrowing()
    {
        var embedder = new WordHashEmbedder { GivesTokens = true };
        new EmbeddingCache(_cacheFolder.Folder, embedder.ModelId, embedder.Dimensions).GetOrEmbedWithTokens(["one two"], embedder, CancellationToken.None);
        foreach (var file in Directory.GetFiles(_cacheFolder.Folder, "*.tok"))
        {
            var bytes = File.ReadAllBytes(file);
            BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, 8 + 16); // the record's token count
            File.WriteAllBytes(file, bytes);
        }

        var cache = new EmbeddingCache(_cacheFolder.Folder, embedder.ModelId, embedder.Dimensions);
        var embedded = cache.GetOrEmbedWithTokens(["one two"], embedder, CancellationToken.None);

        Assert.Equal(1, cache.LastEmbedded);
        Assert.Equal(2, embedded[0].Tokens!.Count);
    }

    [Fact]
    public void MiniLm_WordPieces_ComeFromTheSameRunAsTheVector_WithoutPunctuationOrSpecialTokens()
    {
        using var model = BertEmbedder.Load(BertModelSpec.MiniLm);

        var embedded = model.EmbedQueryWithTokens("Is EBS encrypted by default?");

        Assert.Equal(model.EmbedQuery("Is EBS encrypted by default?"), embedded.Vector);
        Assert.True(embedded.Tokens!.Count >= 5, $"{embedded.Tokens.Count}"); // at least a piece per word
        // Punctuation adds no piece, and [CLS]/[SEP] are none either: one more word adds its pieces alone.
        Assert.Equal(embedded.Tokens.Count, model.EmbedQueryWithTokens("Is EBS — encrypted, by default?!").Tokens!.Count);
        Assert.Equal(embedded.Tokens.Count + 1, model.EmbedQueryWithTokens("Is EBS encrypted by default today?").Tokens!.Count);
    }
}
