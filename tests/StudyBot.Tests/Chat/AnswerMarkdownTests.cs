using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

public class AnswerMarkdownTests
{
    private static readonly Citation Cited = new("aws.md", "EBS Encryption", 71, 71, "not encrypted by default");

    [Theory]
    [InlineData(AnswerVerdict.Yes, "Yes — EBS Encryption: it is.")]
    [InlineData(AnswerVerdict.No, "No — EBS Encryption: it is.")]
    [InlineData(AnswerVerdict.Unsettled, "The notes say: EBS Encryption: it is.")]
    [InlineData(AnswerVerdict.None, "EBS Encryption: it is.")]
    public void Write_Answered_VerdictWordThenLead(AnswerVerdict verdict, string expected)
    {
        var answer = new Answer("Is EBS encrypted?", true, verdict, "EBS Encryption: it is.", [Cited], []);

        Assert.Equal(expected, AnswerMarkdown.Write(answer));
    }

    [Fact]
    public void Write_DeclinedWithRelatedSections_DeclineOnlyTheRelatedAreNotRepeatedInText()
    {
        // The related sections are offered once, as buttons under the reply (or "see file:line" in the CLI).
        var answer = new Answer("Who won the cup?", false, AnswerVerdict.None, "", [], [Cited]);

        Assert.Equal("Sorry, the notes don't cover that.", AnswerMarkdown.Write(answer));
    }

    [Fact]
    public void Write_NoNotesLoaded_SaysWhyAndWhatToDo()
    {
        var answer = new Answer("Is EBS encrypted?", false, AnswerVerdict.None, "", [], [], NotLoadedReason: "The folder /notes does not exist.");

        Assert.Equal(
            "No notes are loaded, so I cannot answer yet. The folder /notes does not exist. Add notes there and ask an admin to type **reload**.",
            AnswerMarkdown.Write(answer));
    }
}
