using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Chat;

public class CitationTextTests
{
    [Theory]
    [InlineData(9, 9, "line 9")]
    [InlineData(69, 71, "lines 69–71")]
    public void Lines_OneOrSeveral_ReadsNaturally(int start, int end, string expected) =>
        Assert.Equal(expected, CitationText.Lines(start, end));

    [Fact]
    public void Label_WithAndWithoutSection_NamesFileSectionAndLines()
    {
        Assert.Equal("aws.md › EBS Encryption, lines 69–71", CitationText.Label(new Citation("aws.md", "EBS Encryption", 69, 71, "")));
        Assert.Equal("team.quiz.md, line 4", CitationText.Label(new Citation("team.quiz.md", " ", 4, 4, "")));
    }

    [Fact]
    public void QuizReveal_SingleCitedLine_SaysLineNotLinesNToN()
    {
        var question = new QuizQuestion(
            "q1", QuizQuestionKind.FillInTheBlank, "WAF helps stop _____ injections", ["SQL", "RDS"], 0,
            "WAF helps stop SQL injections", new Citation("aws-devsecops.md", "Ways to make it more secure", 9, 9, ""), "SQL");

        var reveal = QuizReplies.Reveal(7, question, new RevealCounts(2, 1, [1, 1]));

        Assert.Contains("2 answered, 50% correct. Source: aws-devsecops.md, line 9.", reveal.Markdown, StringComparison.Ordinal);
    }
}
