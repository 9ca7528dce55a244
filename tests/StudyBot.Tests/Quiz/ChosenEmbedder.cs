using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Tests.Quiz;

/// <summary>Texts get unit vectors with the cosine similarities chosen in the test: each text is
/// <c>cos θ · e₀ + sin θ · eᵢ</c>, so two listed texts meet at <c>cos θa · cos θb</c>; any other text gets its
/// own axis (similarity 0 to everything).</summary>
internal sealed class ChosenEmbedder(params (string Text, double ToAnchor)[] texts) : ITextEmbedder
{
    private readonly List<string> _axes = [];

    public string ModelId => "chosen";

    public int Dimensions => 64;

    /// <summary>Every text the embedder was asked for, once each.</summary>
    public IReadOnlyList<string> Embedded => _axes;

    public float[][] Embed(IReadOnlyList<string> batch) => batch.Select(Vector).ToArray();

    private float[] Vector(string text)
    {
        var v = new float[Dimensions];
        var listed = texts.FirstOrDefault(t => t.Text == text);
        var axis = _axes.IndexOf(text);
        if (axis < 0)
        {
            _axes.Add(text);
            axis = _axes.Count - 1;
        }

        var cos = listed.Text is null ? 0 : listed.ToAnchor;
        v[0] = (float)cos;
        v[1 + (axis % (Dimensions - 1))] = (float)Math.Sqrt(1 - (cos * cos));
        return v;
    }
}
