using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Tests.Knowledge.Answering;

/// <summary>The yes/no reader (<see cref="YesNoReader"/>) and where the answers ask it (<see cref="PolarityReader.Decide"/>).</summary>
public sealed class YesNoReaderTests
{
    /// <summary>The real reader as the bot loads it (8-bit weights), once for the tests that run it (a second or two).</summary>
    private static readonly Lazy<YesNoReader> Real = new(() => YesNoReader.Load());

    /// <summary>The same with float weights, as it was fitted.</summary>
    private static readonly Lazy<YesNoReader> Float = new(() => YesNoReader.Load(int8: false));

    [Fact]
    public void Encode_IsTheBertPairTheReaderWasFittedOn()
    {
        // bert.encode_pair("Is EBS encrypted by default?", "EBS Encryption: by default it is not encrypted") in
        // tests/StudyBot.Eval/finetune: [CLS] question [SEP] passage [SEP], token type 1 from the passage on.
        long[] expected = [101, 2003, 1041, 5910, 4372, 26775, 22571, 3064, 2011, 12398, 1029, 102, 1041, 5910, 21999, 1024, 2011, 12398, 2009, 2003, 2025, 4372, 26775, 22571, 3064, 102];

        var (ids, types) = Real.Value.Encode("Is EBS encrypted by default?", "EBS Encryption: by default it is not encrypted");

        Assert.Equal(expected, ids);
        Assert.Equal(Enumerable.Repeat(0L, 12).Concat(Enumerable.Repeat(1L, 14)), types);
    }

    [Fact]
    public void Encode_LongQuestionAndPassage_CutsTheQuestionToAThirdAndThePairToMaxTokens()
    {
        var question = string.Join(' ', Enumerable.Repeat("encryption", 150)) + "?";
        var passage = string.Join(' ', Enumerable.Repeat("volume", 400));

        var (ids, types) = Real.Value.Encode(question, passage);

        Assert.Equal(YesNoReader.MaxTokens, ids.Length);
        Assert.Equal(YesNoReader.QuestionTokens, types.Count(t => t == 0));
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[YesNoReader.QuestionTokens - 1]);
        Assert.Equal(102, ids[^1]);
    }

    [Theory]
    [InlineData("Is EBS encrypted by default?", "EBS Encryption: by default it is not encrypted", 0.2346)]
    [InlineData("Are security groups stateful?", "Security Groups: Security groups are stateful: return traffic is allowed automatically, whatever the inbound rules say.", 0.8839)]
    public void Yes_GivesTheFittedReadersProbability(string question, string passage, double fitted)
    {
        // The probabilities of yesno.py's PyTorch copy of the reader: the change, the head and the encoding agree. The
        // 8-bit weights move them a little (0.03 on average over the 479 pairs of a polarity dump, at most 0.14).
        Assert.InRange(Float.Value.Yes(question, passage), fitted - 0.002, fitted + 0.002);
        Assert.InRange(Real.Value.Yes(question, passage), fitted - 0.08, fitted + 0.08);
    }

    [Fact]
    public void ReadHead_WrongNumberOfWeights_IsRejected()
    {
        var exception = Assert.Throws<InvalidDataException>(() => YesNoReader.ReadHead("""{"weights": [0.1, 0.2], "bias": 0}"""u8.ToArray()));

        Assert.Contains("2 weights", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextOf_IsTheSectionThenThePassage()
    {
        using var kit = new AnsweringTestKit();

        Assert.Equal("Timeouts: The idle session timeout is 30 minutes.", YesNoReader.TextOf(kit.Index.Entry(kit.IdOf("idle session")).Passage));
    }

    private static readonly double[] NoSignals = new double[PolaritySignals.Names.Length];

    /// <summary>A variant whose trust model withholds every reading (P = 0.12 against 0.5).</summary>
    private static AnswerModel.Variant Withholding(double? readerThreshold) => new()
    {
        Polarity = new AnswerModel.Linear { Bias = -2 },
        PolarityThreshold = 0.5,
        PolarityNo = new AnswerModel.Linear { Bias = -2 },
        PolarityNoThreshold = 0.5,
        ReaderYesThreshold = readerThreshold,
    };

    [Theory]
    [InlineData(0.95, true)]
    [InlineData(0.90, true)]
    [InlineData(0.89, null)]
    public void Decide_WithheldYesReading_IsSaidOnlyWhenTheReaderReachesItsThreshold(double readerYes, bool? expected)
    {
        var reading = new PolarityReader.Reading(Yes: true, NoSignals);

        Assert.Equal(expected, PolarityReader.Decide(reading, Withholding(0.9), () => readerYes));
    }

    [Fact]
    public void Decide_TrustedOrNoReadingOrNoThreshold_NeverAsksTheReader()
    {
        var asked = 0;
        double Reader()
        {
            asked++;
            return 1;
        }

        var trusting = new AnswerModel.Variant { Polarity = new AnswerModel.Linear { Bias = 2 }, PolarityThreshold = 0.5, ReaderYesThreshold = 0.9 };
        Assert.True(PolarityReader.Decide(new PolarityReader.Reading(true, NoSignals), trusting, Reader));
        Assert.Null(PolarityReader.Decide(new PolarityReader.Reading(false, NoSignals), Withholding(0.9), Reader));
        Assert.Null(PolarityReader.Decide(new PolarityReader.Reading(true, NoSignals), Withholding(null), Reader));
        Assert.Null(PolarityReader.Decide(new PolarityReader.Reading(true, NoSignals, Settles: false), Withholding(0.9), Reader));
        Assert.Null(PolarityReader.Decide(new PolarityReader.Reading(true, NoSignals), Withholding(0.9), readerYes: null));
        Assert.Equal(0, asked);
    }

    /// <summary>A reader that gives one probability and records what it was asked.</summary>
    private sealed class FixedReader(double p) : IYesNoReader
    {
        public List<(string Question, string Passage)> Asked { get; } = [];

        public double Yes(string question, string passage)
        {
            Asked.Add((question, passage));
            return p;
        }
    }

    [Theory]
    [InlineData(0.97, AnswerVerdict.Yes)]
    [InlineData(0.40, AnswerVerdict.Unsettled)]
    public void AskAndExplain_WithheldYes_TheReadersProbabilityDecidesAndIsShown(double p, AnswerVerdict expected)
    {
        using var kit = new AnsweringTestKit();
        var embedder = new WordHashEmbedder();
        var reader = new FixedReader(p);
        kit.Index.Semantic = new SemanticIndex(embedder, embedder.Embed([.. kit.Index.ReadAll().Select(e => SemanticIndex.TextOf(e.Passage))])) { Reader = reader };
        var shipped = AnswerModel.Current.Semantic;
        var model = new AnswerModel
        {
            Semantic = new AnswerModel.Variant { Ranker = shipped.Ranker, Decision = shipped.Decision, Threshold = 0, Polarity = Withholding(0.9).Polarity, PolarityThreshold = 0.5, PolarityNo = Withholding(0.9).PolarityNo, PolarityNoThreshold = 0.5, ReaderYesThreshold = 0.9 },
            Lexical = AnswerModel.Current.Lexical,
        };
        model.Semantic.Bind();
        const string Question = "Is the idle session timeout 30 minutes?";

        var answer = AnswerComposer.Ask(kit.Index, Question, model);
        var lines = AnswerComposer.Explain(kit.Index, Question, model: model);

        Assert.Equal(expected, answer.Verdict);
        Assert.Contains((Question, "Timeouts: The idle session timeout is 30 minutes."), reader.Asked);
        Assert.Equal(2, reader.Asked.Count); // once for the answer, once for explain's verdict and its line.
        Assert.Contains($"yes/no reader p={p:F3} threshold=0.900 (said when at least)", lines);
        Assert.Contains(lines, l => l.StartsWith("polarity rules read Yes", StringComparison.Ordinal) && l.Contains(expected == AnswerVerdict.Yes ? "→ Yes:" : "→ no verdict:", StringComparison.Ordinal));
    }
}
