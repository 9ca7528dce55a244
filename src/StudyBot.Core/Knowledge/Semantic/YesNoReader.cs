using System.Text.Json;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>Reads a question and a passage together and says how likely the passage answers it Yes.</summary>
public interface IYesNoReader
{
    /// <summary>P(the passage says Yes to the question), 0 to 1.</summary>
    double Yes(string question, string passage);
}

/// <summary>
/// A yes/no reader: all-MiniLM-L6-v2 read as a cross-encoder (the question and the passage as one BERT pair,
/// <c>[CLS] question [SEP] passage [SEP]</c> with token types 0 and 1), its weights changed by a low-rank delta and a
/// linear head on the mean of its token states, P(yes) = sigmoid(w · mean + b). Both were fitted outside the product on
/// public inference data (BoolQ, MultiNLI, SNLI; <c>tests/StudyBot.Eval/finetune/yesno.py</c>, which this class
/// reproduces: the same encoding, the same pooling) and are embedded in this assembly. The rules' Yes readings that the
/// fitted trust model withholds are the ones it is asked about (<see cref="Answering.PolarityReader.Decide"/>): it is
/// the only signal that orders a right Yes reading above a wrong one (docs/answers.md).
/// <para>Its weights as 8-bit integers, as the sentence model's (<see cref="Int8Weights"/>): the float model held about
/// 450 MB more in the running bot (its session and the copies made while adding the change); the threshold is chosen on
/// the 8-bit reader's probabilities. It runs once per yes/no question whose Yes is in doubt.</para>
/// </summary>
public sealed class YesNoReader : IYesNoReader, IDisposable
{
    /// <summary>Word pieces of the pair, both [SEP] and the [CLS] included, as the reader was fitted.</summary>
    internal const int MaxTokens = 192;

    /// <summary>The question's share of <see cref="MaxTokens"/>: a long question leaves the passage the rest.</summary>
    internal const int QuestionTokens = MaxTokens / 3;

    private const string DeltaResource = "StudyBot.Core.Knowledge.Semantic.minilm-yesno.lora";
    private const string HeadResource = "StudyBot.Core.Knowledge.Semantic.minilm-yesno.head.json";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly float[] _weights;
    private readonly float _bias;
    private readonly Lock _tokenizerLock = new();

    private YesNoReader(InferenceSession session, BertTokenizer tokenizer, float[] weights, float bias)
    {
        _session = session;
        _tokenizer = tokenizer;
        _weights = weights;
        _bias = bias;
    }

    /// <summary>The sentence model's file beside the app (or <paramref name="path"/>) with the embedded change and
    /// head, its weights as 8-bit integers kept in <paramref name="cacheFolder"/> once made (as the sentence model's,
    /// <see cref="Int8Weights.LoadOrQuantize{T}(byte[], Func{byte[]}, string?, Func{byte[], T})"/>); a second or two.</summary>
    /// <param name="int8">False: the float model, as fitted (tests check the encoding and the head against the PyTorch
    /// copy's probabilities with it).</param>
    public static YesNoReader Load(string? path = null, int threads = 1, string? cacheFolder = null, bool int8 = true)
    {
        var (model, vocabulary) = BertEmbedder.ReadModel(BertModelSpec.MiniLm, path);
        var delta = ReadOwnResource(DeltaResource);
        var (weights, bias) = ReadHead(ReadOwnResource(HeadResource));
        var tokenizer = BertEmbedder.Tokenizer(vocabulary);
        var options = BertEmbedder.Options(threads);

        // Named by the base model and the change: a restart reads the cached 8-bit file without adding the change again.
        var hash = System.Security.Cryptography.SHA256.HashData([.. System.Security.Cryptography.SHA256.HashData(model), .. System.Security.Cryptography.SHA256.HashData(delta)]);
        var session = int8
            ? Int8Weights.LoadOrQuantize(hash, () => LowRankDelta.Apply(model, LowRankDelta.Read(delta)), cacheFolder, bytes => new InferenceSession(bytes, options))
            : new InferenceSession(LowRankDelta.Apply(model, LowRankDelta.Read(delta)), options);
        return new YesNoReader(session, tokenizer, weights, bias);
    }

    /// <summary>What the reader is shown of a passage, as it was fitted (<c>yesno.passage_text</c>): its section's
    /// title, then its text.</summary>
    public static string TextOf(Passage passage) => TextOf(passage.Section, passage.Text);

    /// <summary><see cref="TextOf(Passage)"/> of a section's title and a passage's text (a polarity dump's row).</summary>
    public static string TextOf(string? section, string text) =>
        string.IsNullOrEmpty(section) ? text : $"{section}: {text}";

    /// <summary>The head's 384 weights and bias (<c>export_reader.py</c>'s JSON).</summary>
    internal static (float[] Weights, float Bias) ReadHead(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var weights = document.RootElement.GetProperty("weights").EnumerateArray().Select(w => w.GetSingle()).ToArray();
        return weights.Length == 384
            ? (weights, document.RootElement.GetProperty("bias").GetSingle())
            : throw new InvalidDataException($"The yes/no reader's head has {weights.Length} weights, not 384.");
    }

    public double Yes(string question, string passage)
    {
        var (ids, types) = Encode(question, passage);
        var mask = new long[ids.Length];
        Array.Fill(mask, 1L);
        using var outputs = BertEmbedder.Run(_session, ids, mask, types, 1, ids.Length);
        return Probability(outputs[0].GetTensorDataAsSpan<float>(), ids.Length);
    }

    /// <summary>The head on the mean of the pair's token states (every token is real: one pair, no padding).</summary>
    internal double Probability(ReadOnlySpan<float> hidden, int tokens)
    {
        var dims = _weights.Length;
        var score = (double)_bias;
        for (var t = 0; t < tokens; t++)
        {
            score += System.Numerics.Tensors.TensorPrimitives.Dot(hidden.Slice(t * dims, dims), _weights) / tokens;
        }

        return 1 / (1 + Math.Exp(-score));
    }

    /// <summary>The pair as <c>bert.encode_pair</c> writes it: the question cut to <see cref="QuestionTokens"/> with its
    /// [CLS] and [SEP], then the passage's pieces and a [SEP] up to <see cref="MaxTokens"/>; token type 1 from the
    /// passage on.</summary>
    internal (long[] Ids, long[] Types) Encode(string question, string passage)
    {
        // Into spans of the lengths wanted: the overload that returns its own buffers hands back a buffer as long as
        // the longest encoded before it, whatever the maximum asked (FastBertTokenizer 1.2.6), and the two parts of a
        // pair are encoded to different lengths.
        var buffer = new long[MaxTokens];
        var mask = new long[MaxTokens];
        int first, second;
        long separator;
        lock (_tokenizerLock)
        {
            first = _tokenizer.Encode(question, buffer.AsSpan(0, QuestionTokens), mask.AsSpan(0, QuestionTokens));
            separator = buffer[first - 1];

            // The passage's own [CLS] lands on the question's [SEP], which is put back below.
            second = _tokenizer.Encode(passage, buffer.AsSpan(first - 1, MaxTokens - first + 1), mask.AsSpan(first - 1, MaxTokens - first + 1));
        }

        var ids = buffer[..(first + second - 1)];
        ids[first - 1] = separator;
        var types = new long[ids.Length];
        Array.Fill(types, 1L, first, types.Length - first);
        return (ids, types);
    }

    public void Dispose() => _session.Dispose();

    private static byte[] ReadOwnResource(string name)
    {
        using var stream = typeof(YesNoReader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"This build holds no {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
