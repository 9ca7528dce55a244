using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

public class TeamQuestionParserTests
{
    private const string Good = """
        # Our quiz

        ## Is EBS encrypted by default?

        - [ ] Yes
        - [x] No

        > New EBS volumes are not encrypted unless you turn it on.

        Source: aws-devsecops.md#L69-L71

        ## Which service protects against DDoS?
        - [x] AWS Shield
        - [ ] AWS GuardDuty
        - [ ] Amazon S3
        """;

    [Fact]
    public void Parse_GoodFile_ReadsQuestionsChoicesExplanationAndSource()
    {
        var (questions, issues) = TeamQuestionParser.Parse("team.quiz.md", Good, (f, _, _) => f == "aws-devsecops.md" ? "EBS Encryption" : null);
        Assert.Empty(issues);
        Assert.Equal(2, questions.Count);
        var first = questions[0];
        Assert.Equal("Is EBS encrypted by default?", first.Text);
        Assert.Equal(["Yes", "No"], first.Choices);
        Assert.Equal(1, first.AnswerIndex);
        Assert.Equal("New EBS volumes are not encrypted unless you turn it on.", first.Explanation);
        Assert.Equal(("aws-devsecops.md", "EBS Encryption", 69, 71), (first.Citation.File, first.Citation.Section, first.Citation.LineStart, first.Citation.LineEnd));
        var second = questions[1];
        Assert.Equal("AWS Shield", second.Answer);
        Assert.Equal(("team.quiz.md", 12), (second.Citation.File, second.Citation.LineStart));
        Assert.All(questions, q => Assert.Equal(QuizQuestionKind.Team, q.Kind));
    }

    [Theory]
    [InlineData("## Q?\n- [ ] a\n- [ ] b\n", "exactly one")]
    [InlineData("## Q?\n- [x] a\n- [x] b\n", "exactly one")]
    [InlineData("## Q?\n- [x] a\n", "at least two")]
    [InlineData("## Q?\n- [x] a\n- [ ] a\n", "the same")]
    [InlineData("## Q?\n- a\n- [x] b\n", "task item")]
    [InlineData("## Q?\n- [x] a\n- [ ] b\n\nSource: notes.md line 4\n", "Source:")]
    public void Parse_BadEntry_IsReportedAndSkipped(string entry, string reason)
    {
        var (questions, issues) = TeamQuestionParser.Parse("t.quiz.md", entry + "\n## Fine?\n- [x] yes\n- [ ] no\n");
        var issue = Assert.Single(issues);
        Assert.Contains(reason, issue.Reason, StringComparison.Ordinal);
        Assert.Equal(1, issue.Line);
        Assert.Equal("Fine?", Assert.Single(questions).Text);
    }

    [Fact]
    public void Parse_SameQuestionTwice_KeepsTheSameId()
    {
        var a = TeamQuestionParser.Parse("t.quiz.md", Good).Questions;
        var b = TeamQuestionParser.Parse("t.quiz.md", "\n\n" + Good).Questions;
        Assert.Equal(a.Select(q => q.Id), b.Select(q => q.Id));
    }
}
