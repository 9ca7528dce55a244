using System.Numerics;
using System.Runtime.CompilerServices;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>The passages' vectors, aligned with the index's entries, searched by brute-force dot product (a few
/// thousand passages of 384 dimensions take well under a millisecond).</summary>
public sealed class SemanticIndex
{
    private readonly float[] _matrix;
    private readonly TokenVectors[]? _tokens;

    /// <param name="tokens">Each passage's word pieces' vectors, aligned with <paramref name="vectors"/>; null when the
    /// model gives none or the notes are past <see cref="KnowledgeOptions.TokenMatchMaxPassages"/> (the token-match
    /// signals are then not measured: NaN, which the fitted model weighs as nothing).</param>
    public SemanticIndex(ITextEmbedder embedder, float[][] vectors, TokenVectors?[]? tokens = null)
    {
        Embedder = embedder;
        // Token match is measured for every passage or for none: a signal missing for some candidates would rank them
        // against each other on different terms.
        _tokens = tokens is not null && tokens.Length == vectors.Length && tokens.All(t => t is not null) ? Array.ConvertAll(tokens, t => t!) : null;
        Dimensions = embedder.Dimensions;
        Count = vectors.Length;
        _matrix = new float[Count * Dimensions];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i].CopyTo(_matrix, i * Dimensions);
        }
    }

    public ITextEmbedder Embedder { get; }

    /// <summary>The yes/no reader loaded beside the sentence model; null without one (not loaded yet, failed to load,
    /// or a test's embedder): a Yes the trust model withholds then stays unsaid. Set once it has loaded, while the
    /// vectors already answer.</summary>
    public IYesNoReader? Reader
    {
        get => Volatile.Read(ref _reader);
        set => Volatile.Write(ref _reader, value);
    }

    private IYesNoReader? _reader;

    public int Dimensions { get; }

    public int Count { get; }

    /// <summary>Whether the passages' word pieces' vectors are kept (<see cref="BestMatches"/>).</summary>
    public bool HasTokens => _tokens is not null;

    /// <summary>For each of the question's word pieces (<paramref name="queryTokens"/>), its best cosine among
    /// passage <paramref name="id"/>'s; null without them.</summary>
    public float[]? BestMatches(int id, float[] queryTokens) => _tokens?[id].BestMatches(queryTokens);

    /// <summary>What is embedded for a passage: its heading path and text (a pair's question is in its text), so a
    /// line under "EBS Encryption" is about EBS encryption.</summary>
    public static string TextOf(Passage passage) =>
        passage.HeadingPath.Count == 0 ? passage.Text : $"{string.Join(" > ", passage.HeadingPath)}: {passage.Text}";

    /// <summary>Cosine similarity of passage <paramref name="id"/> to a unit query vector.</summary>
    public float Similarity(int id, ReadOnlySpan<float> query) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(_matrix.AsSpan(id * Dimensions, Dimensions), query);

    /// <summary>The <paramref name="k"/> passages most similar to the query, best first; of equal similarities the
    /// earlier passage first (as a stable sort of every passage would put them, without sorting them all).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Top(ReadOnlySpan<float> similarities, int k)
    {
        var ids = new int[Math.Min(k, similarities.Length)];
        var taken = 0;
        for (var id = 0; id < similarities.Length && ids.Length > 0; id++)
        {
            var value = similarities[id];
            if (taken == ids.Length && value <= similarities[ids[^1]])
            {
                continue;
            }

            var at = taken < ids.Length ? taken++ : ids.Length - 1;
            while (at > 0 && similarities[ids[at - 1]] < value)
            {
                ids[at] = ids[at - 1];
                at--;
            }

            ids[at] = id;
        }

        return ids;
    }

    /// <summary>Each of <paramref name="ids"/>' rank by similarity among all passages (0: the most similar), in the
    /// order of <see cref="Top"/>: the passages more similar, and the earlier ones as similar. Counted with vector
    /// comparisons, a few hundred per candidate over all passages: a binary search among the candidates' values for
    /// each passage, as this used to place them, cost a tenth of an answer's time on the test corpora.</summary>
    public static Dictionary<int, int> Ranks(ReadOnlySpan<float> similarities, IEnumerable<int> ids)
    {
        var ranks = new Dictionary<int, int>();
        foreach (var id in ids)
        {
            if (!ranks.ContainsKey(id))
            {
                // The earlier passages as similar or more, and the later ones more.
                var value = similarities[id];
                ranks[id] = float.IsNaN(value) ? NaNRank(similarities, id) : CountAtLeast(similarities[..id], value) + CountAbove(similarities[(id + 1)..], value);
            }
        }

        return ranks;
    }

    /// <summary>The rank of a NaN similarity (none comes from finite vectors): after every number, as a sort by
    /// <see cref="float.CompareTo(float)"/> puts it, and after the earlier NaNs.</summary>
    private static int NaNRank(ReadOnlySpan<float> similarities, int id)
    {
        var rank = 0;
        for (var other = 0; other < similarities.Length; other++)
        {
            rank += !float.IsNaN(similarities[other]) || other < id ? 1 : 0;
        }

        return rank;
    }

    /// <summary>How many of <paramref name="values"/> are above <paramref name="value"/> (a NaN among them is above
    /// nothing).</summary>
    private static int CountAbove(ReadOnlySpan<float> values, float value) => CountFrom(values, value, orEqual: false);

    /// <summary>How many of <paramref name="values"/> are above or equal to <paramref name="value"/>.</summary>
    private static int CountAtLeast(ReadOnlySpan<float> values, float value) => CountFrom(values, value, orEqual: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CountFrom(ReadOnlySpan<float> values, float value, bool orEqual)
    {
        var count = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            // Each lane's comparison is -1 where it holds: subtracting counts it.
            var counts = Vector<int>.Zero;
            var target = new Vector<float>(value);
            for (; i + Vector<float>.Count <= values.Length; i += Vector<float>.Count)
            {
                var chunk = new Vector<float>(values[i..]);
                counts -= orEqual ? Vector.GreaterThanOrEqual(chunk, target) : Vector.GreaterThan(chunk, target);
            }

            count = Vector.Sum(counts);
        }

        for (; i < values.Length; i++)
        {
            count += values[i] > value || (orEqual && values[i] == value) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Every passage's similarity to the query.</summary>
    /// <remarks>Compiled optimized at its first call, as the other loops over every passage here: see
    /// <see cref="TokenVectors.Read"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[] Similarities(ReadOnlySpan<float> query)
    {
        var scores = new float[Count];
        for (var i = 0; i < Count; i++)
        {
            scores[i] = Similarity(i, query);
        }

        return scores;
    }
}
