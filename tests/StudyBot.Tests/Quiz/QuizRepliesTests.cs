using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

public class QuizRepliesTests
{
    private static readonly QuizQuestion Question = new(
        "q1", QuizQuestionKind.Team, "Is EBS encrypted by default?", ["Yes", "No", "Only in us-east-1"], 1,
        "New EBS volumes are not encrypted unless encryption is turned on.", new Citation("aws-devsecops.md", "EBS", 69, 71, "EBS volumes are not encrypted by default."), "No");

    [Fact]
    public void Reveal_Counts_ButtonsDisabledWithHowManyChoseEachAndTheRightOneMarked()
    {
        var reveal = QuizReplies.Reveal(42, Question, new RevealCounts(5, 3, [1, 3, 1]));

        Assert.Equal(ReplyKind.QuizReveal, reveal.Kind);
        Assert.All(reveal.ButtonList, b => Assert.True(b.Disabled));
        Assert.Equal(["quiz:42:0", "quiz:42:1", "quiz:42:2"], reveal.ButtonList.Select(b => b.ActionId));
        Assert.Equal(["A. Yes · 1", "✓ B. No · 3", "C. Only in us-east-1 · 1"], reveal.ButtonList.Select(b => b.Label));
        Assert.Equal([ButtonStyle.Secondary, ButtonStyle.Success, ButtonStyle.Secondary], reveal.ButtonList.Select(b => b.Style));
        Assert.Contains("✅ **B.** No — 3 answers", reveal.Markdown, StringComparison.Ordinal);
        Assert.Contains("**A.** Yes — 1 answer\n", reveal.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Answer: B. No**", reveal.Markdown, StringComparison.Ordinal);
        Assert.Contains("5 answered, 60% correct", reveal.Markdown, StringComparison.Ordinal);
        Assert.Equal("EBS volumes are not encrypted by default.", Assert.Single(reveal.CitationList).Snippet);
    }

    [Fact]
    public void Question_Buttons_LiveAndPrimary()
    {
        var quiz = QuizReplies.Question(42, Question);

        Assert.All(quiz.ButtonList, b => Assert.False(b.Disabled));
        Assert.Equal(["A. Yes", "B. No", "C. Only in us-east-1"], quiz.ButtonList.Select(b => b.Label));
    }

    [Fact]
    public void QuestionRevealAndPractice_ACommandItem_ShowItsChoicesAsCode()
    {
        // "ls *.txt" as plain markdown would lose its star to emphasis.
        var q = new QuizQuestion(
            "q2", QuizQuestionKind.Command, "Which command would you run to list the text files?", ["ls *.txt", "ls -a", "echo `date`"], 0,
            "List the text files: ls *.txt", new Citation("ls.md", "ls", 3, 5, "List the text files: ls *.txt"), "ls *.txt");

        var quiz = QuizReplies.Question(1, q);
        var reveal = QuizReplies.Reveal(1, q, new RevealCounts(1, 1, [1, 0, 0]));
        var practice = QuizReplies.Practice(q, "A new question.");

        Assert.Contains("**A.** `ls *.txt`\n", quiz.Markdown, StringComparison.Ordinal);
        Assert.EndsWith("**C.** `` echo `date` ``", practice.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Answer: A. `ls *.txt`**", reveal.Markdown, StringComparison.Ordinal);
        Assert.Equal("A. ls *.txt", quiz.ButtonList[0].Label);
        Assert.Contains("**A.** Yes\n", QuizReplies.Question(1, Question).Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, "Questions: no question yet. Write more")]
    [InlineData(3, 0, 2, 0, "Questions: 5 questions from the notes (2 of them in reserve); every one was asked here, so the quiz repeats those asked longest ago. Write more")]
    [InlineData(3, 0, 2, 5, "Questions: 5 questions from the notes (2 of them in reserve); 5 not yet asked here. Write more")]
    [InlineData(4, 3, 0, 1, "Questions: 1 question from the notes and 3 of the team's own; 1 not yet asked here. Write more")]
    [InlineData(35, 1, 14, 20, "Questions: 48 questions from the notes (14 of them in reserve) and 1 of the team's own; 20 not yet asked here.")]
    [InlineData(12, 12, 1, 1, "Questions: 1 question from the notes, in reserve, and 12 of the team's own; 1 not yet asked here.")]
    [InlineData(0, 0, 63, 63, "Questions: 63 questions from the notes, all in reserve; 63 not yet asked here.")]
    public void Supply_SaysWhatTheRotationHasLeft_AndHowToAddMoreWhenFewAre(int bank, int team, int reserve, int unasked, string expected)
    {
        var text = QuizChatCommand.Supply(new QuizSupply(bank, team, reserve, unasked));

        Assert.StartsWith(expected, text, StringComparison.Ordinal);
        Assert.Equal(unasked < QuizSupply.FewLeft, text.Contains("*.quiz.md", StringComparison.Ordinal));
    }
}
