using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Core.Quiz;

/// <summary>
/// The local sentence model (all-MiniLM-L6-v2, 8-bit, the one the answers use) as the quiz writer's judge of "the same
/// kind of thing" (<see cref="KindSimilarity"/>). Optional: when it is off (<c>Knowledge:SemanticSearch</c> false, unit
/// tests) or cannot load (the model file is missing), the bank is written from the notes' own counts alone; either way
/// the same notes give the same bank.
/// </summary>
public sealed class QuizTermModel
{
    private readonly Lazy<ITextEmbedder?> _model;
    private string _status = "not loaded";

    /// <param name="load">Loads the model, or returns null for none; called once, at the first bank.</param>
    public QuizTermModel(Func<ITextEmbedder?> load)
    {
        _model = new Lazy<ITextEmbedder?>(() => TryLoad(load), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>No model: wrong choices from the notes' counts only.</summary>
    public static QuizTermModel None { get; } = new(() => null);

    /// <summary>The answers' own model (<see cref="SemanticIndexer"/>'s, one per process): the bot holds one copy; its
    /// 8-bit form is kept in <paramref name="cacheFolder"/> when given.</summary>
    public static QuizTermModel SharedMiniLm(string? cacheFolder) =>
        new(() => SemanticIndexer.SharedModelNow(cacheFolder));

    /// <summary>The model, or null when there is none.</summary>
    public ITextEmbedder? Model => _model.Value;

    /// <summary>"ready", "off", "failed: …" or "not loaded" (before the first bank).</summary>
    public string Status => _status;

    private ITextEmbedder? TryLoad(Func<ITextEmbedder?> load)
    {
        try
        {
            var model = load();
            _status = model is null ? "off" : "ready";
            return model;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException
            or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException)
        {
            // A missing or broken model costs the quiz its kind signal, not the bank.
            _status = "failed: " + e.Message;
            return null;
        }
    }
}
