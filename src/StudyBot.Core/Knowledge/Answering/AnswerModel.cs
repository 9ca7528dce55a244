using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// The fitted weights of the scorer and the decision, read from <c>answer-model.json</c> (embedded in this assembly).
/// Refit with <c>dotnet run -c Release --project tests/StudyBot.Eval -- fit</c>, which also writes the
/// leave-one-corpus-out report the threshold was chosen on. Two variants: with the semantic signals and without
/// them (the lexical path that answers while the model loads or when it is off).
/// </summary>
internal sealed class AnswerModel : FittedModelFile
{
    private const string ResourceName = "StudyBot.Core.Knowledge.Answering.answer-model.json";

    private static readonly Lazy<AnswerModel> Embedded = new(() => ReadEmbedded(ResourceName, Parse));

    [JsonPropertyName("semantic")]
    public Variant Semantic { get; init; } = new();

    [JsonPropertyName("lexical")]
    public Variant Lexical { get; init; } = new();

    /// <summary>The model shipped with this build.</summary>
    public static AnswerModel Current => Embedded.Value;

    public static AnswerModel Parse(Stream stream)
    {
        var model = JsonSerializer.Deserialize<AnswerModel>(stream) ?? throw new InvalidDataException("The answer model is empty.");
        model.Semantic.Bind();
        model.Lexical.Bind();
        return model;
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    public Variant For(bool semantic) => semantic ? Semantic : Lexical;

    /// <summary>The ranker and the decision of one path.</summary>
    internal sealed class Variant
    {
        [JsonPropertyName("ranker")]
        public Linear Ranker { get; init; } = new();

        [JsonPropertyName("decision")]
        public Linear Decision { get; init; } = new();

        /// <summary>Answer when the decision's probability is at least this (chosen on held-out corpora).</summary>
        [JsonPropertyName("threshold")]
        public double Threshold { get; init; } = 0.5;

        /// <summary>The probability that the rules' Yes/No reading is right (their Yes readings, when
        /// <see cref="PolarityNo"/> is set); null: always trust it.</summary>
        [JsonPropertyName("polarity")]
        public Linear? Polarity { get; init; }

        /// <summary>Say Yes/No when <see cref="Polarity"/> is at least this (chosen on held-out corpora so that a
        /// wrong Yes/No stays rare); below it the answer states the notes without a verdict.</summary>
        [JsonPropertyName("polarityThreshold")]
        public double PolarityThreshold { get; init; } = 0.5;

        /// <summary>The probability that the rules' No reading is right, fitted on No readings alone; null: the one
        /// <see cref="Polarity"/> model judges both. The two readings fail differently: a No is read from a negation
        /// the clause holds, a Yes from the absence of one, so what tells a right reading from a wrong one is not the
        /// same (with one model for both, its ordering of the No readings was worse than none: the wrong ones scored
        /// above most right ones, twenty-second session).</summary>
        [JsonPropertyName("polarityNo")]
        public Linear? PolarityNo { get; init; }

        /// <summary>Say No when <see cref="PolarityNo"/> is at least this (chosen on held-out corpora together with
        /// <see cref="PolarityThreshold"/>, under one budget of wrong Yes/No answers).</summary>
        [JsonPropertyName("polarityNoThreshold")]
        public double PolarityNoThreshold { get; init; } = 0.5;

        /// <summary>Say Yes from a Yes reading that <see cref="Polarity"/> withholds when the yes/no reader's
        /// probability of Yes is at least this (<see cref="PolarityReader.Decide"/>; chosen on held-out corpora at the
        /// cost of a wrong Yes/No the polarity thresholds were chosen at); null: the reader is not asked.</summary>
        [JsonPropertyName("readerYesThreshold")]
        public double? ReaderYesThreshold { get; init; }

        /// <summary>The model that judges a reading, its probability that the reading is right, and the threshold
        /// it must reach; null when there is no polarity model (every reading is trusted).</summary>
        public (Linear Model, double P, double Threshold)? Trust(bool readsYes, double[] signals)
        {
            var (model, threshold) = !readsYes && PolarityNo is { } no ? (no, PolarityNoThreshold) : (Polarity, PolarityThreshold);
            return model is null ? null : (model, model.Probability(signals), threshold);
        }

        /// <summary>The fitted map of the question's embedding toward the passages that answer such questions (the
        /// <c>adapted_semantic</c> signal); null: that signal is zero.</summary>
        [JsonPropertyName("adapter")]
        public QuestionAdapter? Adapter { get; init; }

        public void Bind()
        {
            Ranker.Bind(Signals.Names);
            Decision.Bind(Signals.DecisionNames);
            Polarity?.Bind(PolaritySignals.Names);
            PolarityNo?.Bind(PolaritySignals.Names);
        }
    }

    /// <summary>A linear function of standardized signals: Σ wᵢ (xᵢ − meanᵢ) / scaleᵢ + bias. Signals are matched by
    /// name, so a model file from before a signal was added still loads (the new one weighs nothing).</summary>
    internal sealed class Linear
    {
        [JsonPropertyName("weights")]
        public Dictionary<string, Term> Weights { get; init; } = [];

        [JsonPropertyName("bias")]
        public double Bias { get; init; }

        private double[] _weight = [];
        private double[] _mean = [];
        private double[] _scale = [];

        public void Bind(string[] names)
        {
            _weight = new double[names.Length];
            _mean = new double[names.Length];
            _scale = new double[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                var term = Weights.GetValueOrDefault(names[i]) ?? new Term();
                _weight[i] = term.Weight;
                _mean[i] = term.Mean;
                _scale[i] = term.Scale > 0 ? term.Scale : 1;
            }
        }

        public double Score(double[] x)
        {
            var sum = Bias;
            for (var i = 0; i < _weight.Length && i < x.Length; i++)
            {
                sum += Contribution(i, x[i]);
            }

            return sum;
        }

        /// <summary>A signal not measured (NaN: the notes' word pieces are not kept, see
        /// <see cref="KnowledgeOptions.TokenMatchMaxPassages"/>) weighs nothing, as if at its mean: a zero would move
        /// every candidate's score, and with it the decision's top score, by the same wrong amount.</summary>
        public double Contribution(int i, double x) => double.IsNaN(x) ? 0 : _weight[i] * (x - _mean[i]) / _scale[i];

        public double Probability(double[] x) => 1 / (1 + Math.Exp(-Score(x)));

        /// <summary>A signal's contribution as `explain` prints it, signed to two places. One that rounds to zero reads
        /// "+0.00" as zero itself does: with two format sections .NET writes a tiny negative as "-+0.00".</summary>
        public string Explained(int i, double x) => Contribution(i, x).ToString(ContributionFormat, CultureInfo.InvariantCulture);

        private const string ContributionFormat = "+0.00;-0.00;+0.00";
    }

    /// <summary>
    /// A low-rank map of a question's embedding, q' = q + U (Vᵀ q), normalised: fitted on labelled questions (the
    /// cited passage against the other candidates, softmax loss, an L2 pull toward the identity map) so that the
    /// cosine of q' and a passage learns how questions are phrased against the notes that answer them ("How do I turn
    /// it off?" against "disable …"), which the general-purpose model was not trained for. One small matrix product
    /// per question; the passages' vectors are the cached ones.
    /// </summary>
    internal sealed class QuestionAdapter
    {
        /// <summary>The number of directions the map moves the question along.</summary>
        [JsonPropertyName("rank")]
        public int Rank { get; init; }

        /// <summary>U, rank × dimensions, one direction after another.</summary>
        [JsonPropertyName("u")]
        [JsonConverter(typeof(OneLineVector))]
        public float[] U { get; init; } = [];

        /// <summary>V, rank × dimensions, one direction after another.</summary>
        [JsonPropertyName("v")]
        [JsonConverter(typeof(OneLineVector))]
        public float[] V { get; init; } = [];

        /// <summary>The adapted, unit-length question vector; null when the vector's size does not fit the map (a
        /// different model).</summary>
        public float[]? Apply(ReadOnlySpan<float> question)
        {
            var dims = question.Length;
            if (Rank <= 0 || U.Length != dims * Rank || V.Length != U.Length)
            {
                return null;
            }

            var adapted = question.ToArray();
            for (var r = 0; r < Rank; r++)
            {
                var t = TensorPrimitives.Dot(V.AsSpan(r * dims, dims), question);
                TensorPrimitives.MultiplyAdd(U.AsSpan(r * dims, dims), t, adapted, adapted);
            }

            var norm = TensorPrimitives.Norm(adapted);
            if (norm > 0)
            {
                TensorPrimitives.Divide(adapted, norm, adapted);
            }

            return adapted;
        }
    }

    /// <summary>Writes a vector on one line: the adapter's 24,576 numbers, indented one a line, would be most of
    /// the file.</summary>
    internal sealed class OneLineVector : JsonConverter<float[]>
    {
        public override float[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<float[]>(ref reader) ?? [];

        public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options) =>
            writer.WriteRawValue("[" + string.Join(',', value.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]");
    }

    internal sealed class Term
    {
        [JsonPropertyName("w")]
        public double Weight { get; init; }

        [JsonPropertyName("mean")]
        public double Mean { get; init; }

        [JsonPropertyName("scale")]
        public double Scale { get; init; } = 1;
    }
}
