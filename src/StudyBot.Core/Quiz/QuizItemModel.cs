using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Core.Quiz;

/// <summary>
/// The item-quality model: the probability that an outside reader rates a written question good (not guessable, not
/// defective), a logistic function of the named signals of <see cref="QuizItemSignals"/>, fitted on the outside
/// ratings (tests/data/quiz-ratings/rated-items.jsonl) and read from <c>quiz-item-model.json</c> (embedded in this
/// assembly). The bank keeps the questions at their kind's threshold (<see cref="ThresholdFor"/>) or above, best
/// first; the thresholds were chosen on verdicts the weights were not fitted on. Refit with
/// <c>dotnet run -c Release --project tests/StudyBot.Eval -- quiz-fit</c>; choose the kinds' thresholds for the shipped
/// weights on the verdicts rated since with <c>quiz-kind-thresholds --write</c>.
/// </summary>
public sealed class QuizItemModel : FittedModelFile
{
    private const string ResourceName = "StudyBot.Core.Quiz.quiz-item-model.json";

    private static readonly Lazy<QuizItemModel> Embedded = new(() => ReadEmbedded(ResourceName, Parse));

    /// <summary>Keep a question when its probability of being rated good is at least this.</summary>
    [JsonPropertyName("threshold")]
    public double Threshold { get; init; }

    /// <summary>A kind's own threshold where the verdicts of that kind chose one (by the same rule as
    /// <see cref="Threshold"/>: the most kept with at least 80 % rated good); the other kinds use
    /// <see cref="Threshold"/>. Outside readers rate the two-way contrasts good 91 % of the time whatever the model
    /// scores them (docs/quiz.md), so one threshold for every kind held back contrasts that a kind's own keeps.</summary>
    [JsonPropertyName("kindThresholds")]
    public IReadOnlyDictionary<string, double> KindThresholds { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>The rating rounds the weights were fitted on: the later rounds are verdicts they never saw.</summary>
    [JsonPropertyName("fittedRounds")]
    public IReadOnlyList<int> FittedRounds { get; init; } = [];

    [JsonPropertyName("model")]
    [JsonInclude]
    internal AnswerModel.Linear Model { get; init; } = new();

    /// <summary>The model shipped with this build.</summary>
    public static QuizItemModel Current => Embedded.Value;

    internal static QuizItemModel Parse(Stream stream)
    {
        var model = JsonSerializer.Deserialize<QuizItemModel>(stream) ?? throw new InvalidDataException("The quiz item model is empty.");
        model.Model.Bind(QuizItemSignals.Names);
        return model;
    }

    internal string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The least probability at which a question of <paramref name="kind"/> enters the bank.</summary>
    public double ThresholdFor(QuizQuestionKind kind) =>
        KindThresholds.TryGetValue(kind.ToString(), out var own) ? own : Threshold;

    /// <summary>The probability that <paramref name="q"/> is rated good.</summary>
    internal double Probability(QuizQuestion q, QuizCorpus corpus, KindSimilarity kinds) =>
        Probability(QuizItemSignals.Of(q, corpus, kinds));

    /// <summary>The probability for signals in the order of <see cref="QuizItemSignals.Names"/>.</summary>
    internal double Probability(double[] signals) => Model.Probability(signals);

    /// <summary>One line for <c>quiz-explain</c>: the probability against the threshold, then every signal with its value
    /// and, for those the model weighs, its contribution to the log-odds (NaN: does not apply to this kind).</summary>
    internal string Explain(QuizQuestionKind kind, double[] signals) =>
        FormattableString.Invariant($"p={Probability(signals):F3} threshold={ThresholdFor(kind):F3} {(Probability(signals) >= ThresholdFor(kind) ? "kept" : "dropped")}: ")
        + string.Join(' ', QuizItemSignals.Names.Select((name, i) => Model.Weights.TryGetValue(name, out var term) && term.Weight != 0
            ? FormattableString.Invariant($"{name}={signals[i]:F2}({Model.Explained(i, signals[i])})")
            : FormattableString.Invariant($"{name}={signals[i]:F2}")));
}
