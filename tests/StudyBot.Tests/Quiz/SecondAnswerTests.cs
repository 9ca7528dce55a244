using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>A blank's wrong choice the notes also make right, and one fact of a key asked twice (outside ratings 18 and
/// 19: "a second defensible answer", iotop and extending logical volumes asked twice).</summary>
public class SecondAnswerTests
{
    private const string Masked = "The _____ forwards TCP traffic and handles millions of requests per second";
    private const string Support = "The ALB handles millions of connections per second for busy sites";

    private static Passage Line(string section, int line, string text) => NoteLines.Bullet("aws/elb.md", section, line, text);

    // The notes of QuestionWritingTests' listed balancers, with a fourth balancer and a line that says of the ALB much of
    // what the NLB's line says: what a reader calls a second defensible answer. Seven lines: in a file of eight or more,
    // a term in a fifth of them is the file's topic and no key.
    private static readonly Passage[] Balancers =
    [
        Line("Load balancers", 1, "Any load balancer (CLB, ALB, NLB, GWLB, ILB) has a static host name"),
        Line("Load balancers", 2, "The ALB, NLB, GWLB, ILB and CLB all send health checks to the targets"),
        Line("Network Load Balancer", 5, Masked.Replace("_____", "NLB", StringComparison.Ordinal)),
        Line("Application Load Balancer", 8, "The ALB routes HTTP traffic to target groups based on the path"),
        Line("Application Load Balancer", 9, Support),
        Line("Classic Load Balancer", 11, "The CLB is deprecated and supports both HTTP and TCP listeners"),
        Line("Gateway Load Balancer", 14, "The GWLB sends TCP traffic through appliances such as firewalls"),
        NoteLines.Bullet("aws/internal.md", "Internal Load Balancer", 3, "The ILB balances TCP traffic inside a private network"),
        NoteLines.Bullet("aws/internal.md", "Internal Load Balancer", 4, "An ILB has no public address"),
    ];

    /// <summary>The balancers of one kind (0.5 between any two), the ALB's line as like the stem said of it as
    /// <paramref name="like"/>.</summary>
    private static ChosenEmbedder Model(double like) => new(
        ("NLB", Math.Sqrt(0.5)), ("ALB", Math.Sqrt(0.5)), ("CLB", Math.Sqrt(0.5)), ("GWLB", Math.Sqrt(0.5)), ("ILB", Math.Sqrt(0.5)),
        (Masked.Replace("_____", "ALB", StringComparison.Ordinal), Math.Sqrt(like)), (Support, Math.Sqrt(like)));

    [Theory]
    [InlineData(0.75, true)] // the line reads like the stem said of the ALB, and holds half its weight
    [InlineData(0.6, false)] // the same words, another statement
    public void Defensible_ALineThatSaysTheStemOfAWrongChoice_MakesItASecondAnswer(double like, bool defensible)
    {
        var corpus = new QuizCorpus(Balancers);

        Assert.Equal(defensible, SecondAnswer.Defensible(Masked, "NLB", "ALB", "aws/elb.md", 5, 5, corpus, new KindSimilarity(Model(like))));
        Assert.False(SecondAnswer.Defensible(Masked, "NLB", "CLB", "aws/elb.md", 5, 5, corpus, new KindSimilarity(Model(like))));
        Assert.False(SecondAnswer.Defensible(Masked, "NLB", "ALB", "aws/elb.md", 5, 5, corpus, KindSimilarity.None));
    }

    [Fact]
    public void Support_TheCitedLinesAndOtherNotes_AreNoSupport()
    {
        // The key's own line says it of the NLB, not of a wrong choice; a line of another set of notes speaks of
        // another subject.
        Passage[] passages = [.. Balancers.Where(p => p.LineStart != 9), NoteLines.Bullet("other/elb.md", "ALB", 3, Support)];
        var corpus = new QuizCorpus(passages);

        Assert.Equal(0, SecondAnswer.Support(Masked, "NLB", "ALB", "aws/elb.md", 5, 5, corpus, new KindSimilarity(Model(0.75))));
    }

    [Fact]
    public void Generate_AWrongChoiceTheNotesMakeRight_IsReplacedByTheNextOfItsFamily()
    {
        var fair = QuestionGenerator.Generate(Balancers, model: Model(0.6)).Single(q => q.Kind == QuizQuestionKind.FillInTheBlank && q.Answer == "NLB");
        var q = QuestionGenerator.Generate(Balancers, model: Model(0.75)).Single(q => q.Kind == QuizQuestionKind.FillInTheBlank && q.Answer == "NLB");

        Assert.Contains("ALB", fair.Choices);
        Assert.DoesNotContain("CLB", fair.Choices);
        Assert.DoesNotContain("ALB", q.Choices);
        Assert.Contains("CLB", q.Choices);
        Assert.Equal(4, q.Choices.Count);
    }

    [Fact]
    public void WrongSupported_TheItemSignal_IsTheBestSupportedWrongChoice()
    {
        // What quiz-explain shows and the item model may weigh: 1 or more where the writer no longer offers the choice.
        var corpus = new QuizCorpus(Balancers);
        var q = new QuizQuestion("q", QuizQuestionKind.FillInTheBlank, $"Fill in the blank: “{Masked}”", ["NLB", "ALB", "CLB", "GWLB"], 0, Masked,
            new Citation("aws/elb.md", "Network Load Balancer", 5, 5, Masked), "NLB");
        var at = Array.IndexOf(QuizItemSignals.Names, "wrong_supported");

        Assert.True(QuizItemSignals.Of(q, corpus, new KindSimilarity(Model(0.75)))[at] >= 1);
        Assert.True(QuizItemSignals.Of(q, corpus, new KindSimilarity(Model(0.6)))[at] < 1);
        Assert.True(double.IsNaN(QuizItemSignals.Of(q, corpus, KindSimilarity.None)[at]));
    }

    [Theory]
    [InlineData(0.85, true)] // 0.72: iotop's "shows per-process disk I/O usage" beside "which process is responsible"
    [InlineData(0.75, false)] // 0.56: two facts of one key
    public void Repeats_TwoStemsOfOneKeyTheModelFindsAlike_AskOneFact(double toAnchor, bool repeats)
    {
        var a = Blank("_____ shows per-process disk I/O usage.", 510);
        var b = Blank("_____ is useful when you know the disk is busy and want to know which process is responsible.", 719);
        var kinds = new KindSimilarity(new ChosenEmbedder((RepeatedFact.Said(a), toAnchor), (RepeatedFact.Said(b), toAnchor)));

        Assert.Equal(repeats, RepeatedFact.Repeats(a, b, kinds));
        Assert.False(RepeatedFact.Repeats(a, b with { AnswerIndex = 1 }, kinds));
        Assert.False(RepeatedFact.Repeats(a, b, KindSimilarity.None));
    }

    [Fact]
    public void Generate_OneFactOfAKeyInTwoLines_IsAskedOnce()
    {
        const string again = "The _____ handles millions of TCP requests per second without slowing down";
        Passage[] passages = [.. Balancers.Where(p => p.LineStart != 9), Line("Network Load Balancer", 6, again.Replace("_____", "NLB", StringComparison.Ordinal))];
        ChosenEmbedder Alike(double toAnchor) => new(
            ("NLB", Math.Sqrt(0.5)), ("ALB", Math.Sqrt(0.5)), ("CLB", Math.Sqrt(0.5)), ("GWLB", Math.Sqrt(0.5)), ("ILB", Math.Sqrt(0.5)),
            (Masked.Replace("_____", "NLB", StringComparison.Ordinal), toAnchor), (again.Replace("_____", "NLB", StringComparison.Ordinal), toAnchor));

        int Blanks(double toAnchor) => QuestionGenerator.Generate(passages, model: Alike(toAnchor)).Count(q => q.Kind == QuizQuestionKind.FillInTheBlank && q.Answer == "NLB");

        Assert.Equal(2, Blanks(0.75));
        Assert.Equal(1, Blanks(0.85));
    }

    private static QuizQuestion Blank(string masked, int line) => new(
        "q" + line, QuizQuestionKind.FillInTheBlank, $"Fill in the blank: “{masked}”", ["iotop", "iostat", "vmstat", "htop"], 0, masked,
        new Citation("linux/disk.md", "iotop", line, line, masked), "iotop");
}
