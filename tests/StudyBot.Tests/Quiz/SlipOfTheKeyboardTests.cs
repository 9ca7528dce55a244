using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>A slip of the notes' keyboard quoted in a question (outside ratings 29–33: "Use _____ to ache S3 objects
/// around the world", three of four readers faulted it for garbling the word that points to the answer).</summary>
public class SlipOfTheKeyboardTests
{
    private static QuizCorpus Notes(string once, string often) => new(
        [
            NoteLines.Bullet("s3.md", "Performance", 1, $"Use CloudFront to {once} S3 objects around the world"),
            .. Enumerable.Range(2, 10).Select(i => NoteLines.Bullet("s3.md", "Performance", i, $"The {often} keeps copy {i} near the readers")),
        ]);

    [Theory]
    [InlineData("ache", "cache", true)]      // a letter dropped: once, beside a word written ten times.
    [InlineData("delete", "deleted", false)] // the last letter inflects, it is no slip.
    [InlineData("fill", "will", false)]      // a letter changed: mostly words of their own ("fill", "tend").
    [InlineData("ach", "cach", false)]       // under four letters: too short to tell.
    public void IsSlipOfCommoner_OnceWrittenWordOneLetterShortOfAFrequentOne(string once, string often, bool expected) =>
        Assert.Equal(expected, Notes(once, often).IsSlipOfCommoner(once));

    [Fact]
    public void IsSlipOfCommoner_WordWrittenTwice_IsTheNotesOwn()
    {
        var corpus = new QuizCorpus(
            [
                NoteLines.Bullet("s3.md", "Performance", 1, "My back began to ache"),
                NoteLines.Bullet("s3.md", "Performance", 2, "The ache went away"),
                .. Enumerable.Range(3, 10).Select(i => NoteLines.Bullet("s3.md", "Performance", i, $"The cache keeps copy {i}")),
            ]);

        Assert.False(corpus.IsSlipOfCommoner("ache"));
    }

    [Fact]
    public void Check_StemQuotingASlip_IsRejected()
    {
        const string masked = "Use _____ to ache S3 objects around the world";
        string[] choices = ["CloudFront", "CloudWatch", "CloudTrail", "CloudFormation"];
        var q = new QuizQuestion("q", QuizQuestionKind.FillInTheBlank, $"Fill in the blank: “{masked}”", choices, 0, masked,
            new Citation("s3.md", "Performance", 1, 1, masked), "CloudFront");

        Assert.Equal(
            "a slip of the notes' keyboard in the stem",
            QuestionGenerator.Check(new QuestionGenerator.Candidate(q, masked, string.Empty, 1), Notes("ache", "cache")));
        Assert.NotEqual(
            "a slip of the notes' keyboard in the stem",
            QuestionGenerator.Check(new QuestionGenerator.Candidate(q, "Use _____ to cache S3 objects around the world", string.Empty, 1), Notes("ache", "cache")));
    }
}
