namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>The passages' vectors, aligned with the index's entries, searched by brute-force dot product (a few
/// thousand passages of 384 dimensions take well under a millisecond).</summary>
public sealed class SemanticIndex
{
    private readonly float[] _matrix;

    public SemanticIndex(ITextEmbedder embedder, float[][] vectors)
    {
        Embedder = embedder;
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

    /// <summary>What is embedded for a passage: its heading path and text (a pair's question is in its text), so a
    /// line under "EBS Encryption" is about EBS encryption.</summary>
    public static string TextOf(Passage passage) =>
        passage.HeadingPath.Count == 0 ? passage.Text : $"{string.Join(" > ", passage.HeadingPath)}: {passage.Text}";

    /// <summary>Cosine similarity of passage <paramref name="id"/> to a unit query vector.</summary>
    public float Similarity(int id, ReadOnlySpan<float> query) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(_matrix.AsSpan(id * Dimensions, Dimensions), query);

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
