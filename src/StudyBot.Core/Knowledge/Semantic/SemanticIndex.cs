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
    /// order of <see cref="Top"/> (the passages more similar, and the earlier ones as similar), in one pass over every
    /// passage: each is placed among the candidates' own similarities (a binary search in a hundred values) instead of
    /// each candidate scanning every passage.</summary>
    public static Dictionary<int, int> Ranks(ReadOnlySpan<float> similarities, IEnumerable<int> ids)
    {
        var wanted = ids.Distinct().ToArray();
        var values = new float[wanted.Length];
        for (var i = 0; i < wanted.Length; i++)
        {
            values[i] = similarities[wanted[i]];
        }

        values = [.. values.Distinct().Order()];
        var below = new int[values.Length + 1];
        var equalAt = new Dictionary<int, List<int>>();
        for (var id = 0; id < similarities.Length; id++)
        {
            // How many of the candidates' values lie below this passage's; an exact match is kept aside for ties.
            var at = Array.BinarySearch(values, similarities[id]);
            if (at >= 0)
            {
                (equalAt.TryGetValue(at, out var same) ? same : equalAt[at] = []).Add(id);
            }
            else
            {
                below[~at]++;
            }
        }

        // above[i]: passages whose similarity is above values[i], whether equal to a later value or between two.
        var above = new int[values.Length];
        var running = below[values.Length];
        for (var i = values.Length - 1; i >= 0; i--)
        {
            above[i] = running;
            running += below[i] + (equalAt.TryGetValue(i, out var same) ? same.Count : 0);
        }

        var ranks = new Dictionary<int, int>(wanted.Length);
        foreach (var id in wanted)
        {
            var i = Array.BinarySearch(values, similarities[id]);
            ranks[id] = above[i] + equalAt[i].Count(other => other < id);
        }

        return ranks;
    }

    /// <summary>Every passage's similarity to the query.</summary>
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
