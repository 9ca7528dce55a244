using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The daily quiz does not ask about what the channel was asked in the last days while another fresh question
/// is left (outside rating 35: both sides of one contrast and several blanks over one family in one bank).</summary>
public class SpreadTests
{
    private static QuizQuestion Q(string text, string answer, params string[] wrong) =>
        NoteLines.Question(QuizQuestionKind.Contrast, text, text, new Citation("ftp.md", "Modes", 1, 1, text), answer, wrong);

    private static QuizQuestion YesNo(string text) => Q(text, "No", "Yes") with { Kind = QuizQuestionKind.YesNo };

    private static readonly QuizQuestion Active = Q("Server opens the data connection?", "Active Mode", "Passive Mode");
    private static readonly QuizQuestion Passive = Q("Client opens the data connection?", "Passive Mode", "Active Mode");
    private static readonly QuizQuestion Trail = Q("Logs API calls per region?", "CloudTrail", "CloudWatch", "CloudFront");
    private static readonly QuizQuestion Watch = Q("Custom metrics go to?", "CloudWatch", "CloudTrail", "CloudFront");
    private static readonly QuizQuestion Port = Q("HTTPS port?", "443", "80", "22");

    public static TheoryData<QuizQuestion, QuizQuestion, bool> Pairs => new()
    {
        { Active, Passive, true },  // one set of choices: the two sides of a contrast.
        { Trail, Watch, true },     // one family of choices, another key.
        { Active, Port, false },
        { YesNo("Is EBS encrypted by default?"), YesNo("Can HSM be placed on premises?"), false }, // every yes/no shares its choices.
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Related_SameAnswerOrSameChoices(QuizQuestion a, QuizQuestion b, bool expected) =>
        Assert.Equal(expected, QuizService.Related(a, b));

    [Fact]
    public void Spread_FirstUnrelatedToTheRecentOnes() =>
        Assert.Same(Port, QuizService.Spread([Passive, Watch, Port], [Active, Trail]));

    [Fact]
    public void Spread_EveryOneRelated_TheFirst() =>
        Assert.Same(Passive, QuizService.Spread([Passive, Watch], [Active, Trail]));

    [Fact]
    public void Spread_NothingLeft_None() =>
        Assert.Null(QuizService.Spread([], [Active]));
}
