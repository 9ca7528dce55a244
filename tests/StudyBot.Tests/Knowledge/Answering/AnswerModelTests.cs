using System.Text;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Tests.Knowledge.Answering;

public sealed class AnswerModelTests
{
    [Fact]
    public void Current_ShippedModel_IsFittedAndNamesOnlyKnownSignals()
    {
        var model = AnswerModel.Current;

        Assert.True(model.Version >= 1, "answer-model.json is the placeholder: run tests/StudyBot.Eval -- fit");
        Assert.Contains("StudyBot.Eval", model.Command, StringComparison.Ordinal);
        foreach (var variant in new[] { model.Semantic, model.Lexical })
        {
            Assert.All(variant.Ranker.Weights.Keys, k => Assert.Contains(k, Signals.Names));
            Assert.All(variant.Decision.Weights.Keys, k => Assert.Contains(k, Signals.DecisionNames));
            Assert.InRange(variant.Threshold, 0.01, 0.99);
        }

        Assert.DoesNotContain(model.Lexical.Ranker.Weights.Keys, k => Signals.SemanticNames.Contains(k));
    }

    [Fact]
    public void QuestionAdapter_Apply_MovesTheQuestionAlongItsFittedDirectionAndKeepsUnitLength()
    {
        // q' = q + U (Vᵀ q): a question along V is moved toward U; one orthogonal to V is left as it is.
        var adapter = new AnswerModel.QuestionAdapter { Rank = 1, V = [1, 0, 0, 0], U = [0, 1, 0, 0] };

        var moved = adapter.Apply([1, 0, 0, 0])!;
        var kept = adapter.Apply([0, 0, 1, 0])!;

        Assert.Equal(MathF.Sqrt(0.5f), moved[0], 5);
        Assert.Equal(MathF.Sqrt(0.5f), moved[1], 5);
        Assert.Equal([0f, 0f, 1f, 0f], kept);
    }

    [Fact]
    public void Current_ShippedModel_AdaptsTheQuestionOnTheSemanticPathOnly()
    {
        var question = new float[384];
        question[0] = 1;

        var adapted = AnswerModel.Current.Semantic.Adapter?.Apply(question);

        Assert.NotNull(adapted);
        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(adapted), 4);
        Assert.Null(AnswerModel.Current.Lexical.Adapter);
    }

    [Fact]
    public void QuestionAdapter_Apply_VectorOfAnotherModel_IsNull()
    {
        var adapter = new AnswerModel.QuestionAdapter { Rank = 1, V = [1, 0, 0, 0], U = [0, 1, 0, 0] };

        Assert.Null(adapter.Apply(new float[384]));
    }

    [Fact]
    public void Linear_Score_IsTheSumOfStandardizedContributionsPlusBias()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""
            { "version": 1, "semantic": { "ranker": { "weights": { "coverage": { "w": 2, "mean": 0.5, "scale": 0.25 } }, "bias": 1 },
              "decision": { "weights": {}, "bias": 0 }, "threshold": 0.5 },
              "lexical": { "ranker": { "weights": {}, "bias": 0 }, "decision": { "weights": {}, "bias": 0 }, "threshold": 0.5 } }
            """));
        var model = AnswerModel.Parse(json);
        var x = new double[Signals.Names.Length];
        x[Signals.IndexOf("coverage")] = 1.0;

        Assert.Equal(1 + (2 * (1.0 - 0.5) / 0.25), model.Semantic.Ranker.Score(x), 9);
        Assert.Equal(0.5, model.Semantic.Decision.Probability(new double[Signals.DecisionNames.Length]), 9);
    }

    [Fact]
    public void Parse_UnknownSignalName_IsIgnoredAndAMissingOneWeighsNothing()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""
            { "version": 1, "semantic": { "ranker": { "weights": { "retired_signal": { "w": 5 } }, "bias": 0 }, "decision": { "weights": {}, "bias": 0 } },
              "lexical": { "ranker": { "weights": {}, "bias": 0 }, "decision": { "weights": {}, "bias": 0 } } }
            """));
        var model = AnswerModel.Parse(json);

        Assert.Equal(0, model.Semantic.Ranker.Score(Enumerable.Repeat(1.0, Signals.Names.Length).ToArray()));
    }

    [Fact]
    public void Trust_NoReadingWithANoModel_IsJudgedByItWithItsOwnThreshold()
    {
        // The rules' Yes and No readings fail differently, so each has its model and threshold; a file without the No
        // model (before the twenty-second session) judges both by the one.
        static AnswerModel.Linear Bias(double b)
        {
            var linear = new AnswerModel.Linear { Weights = [], Bias = b };
            linear.Bind(PolaritySignals.Names);
            return linear;
        }

        var signals = new double[PolaritySignals.Names.Length];
        var both = new AnswerModel.Variant { Polarity = Bias(0), PolarityThreshold = 0.6, PolarityNo = Bias(2), PolarityNoThreshold = 0.8 };
        var one = new AnswerModel.Variant { Polarity = Bias(0), PolarityThreshold = 0.6 };

        Assert.Equal((0.5, 0.6), both.Trust(readsYes: true, signals) is { } y ? (y.P, y.Threshold) : default);
        Assert.Equal(0.8808, both.Trust(readsYes: false, signals)!.Value.P, 4);
        Assert.Equal(0.8, both.Trust(readsYes: false, signals)!.Value.Threshold);
        Assert.Equal(0.6, one.Trust(readsYes: false, signals)!.Value.Threshold);
        Assert.Null(new AnswerModel.Variant().Trust(readsYes: true, signals));

        // Said: the No (0.88 ≥ 0.8); not said: the Yes (0.5 < 0.6).
        Assert.False(PolarityReader.Decide(new PolarityReader.Reading(false, signals), both));
        Assert.Null(PolarityReader.Decide(new PolarityReader.Reading(true, signals), both));
    }

    [Theory]
    [InlineData(0.125, "+0.25")]
    [InlineData(-0.25, "-0.50")]
    [InlineData(0.0, "+0.00")]
    [InlineData(-0.001, "+0.00")] // rounds to zero: not "-+0.00"
    [InlineData(double.NaN, "+0.00")] // not measured: weighs nothing
    public void Explained_SignedToTwoPlaces_ZeroAlwaysPlus(double x, string expected)
    {
        var linear = new AnswerModel.Linear { Weights = new() { ["token_match"] = new AnswerModel.Term { Weight = 2, Mean = 0, Scale = 1 } } };
        linear.Bind(["token_match"]);

        Assert.Equal(expected, linear.Explained(0, x));
    }
}
