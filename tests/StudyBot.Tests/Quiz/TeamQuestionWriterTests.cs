using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

public class TeamQuestionWriterTests
{
    private static QuizQuestion Generated(string id, QuizQuestionKind kind, string text, string[] choices, int answer, string file = "notes/tools.md") =>
        new(id, kind, text, choices, answer, "the notes' lines", new Citation(file, "Tools", 12, 14, "the notes' lines"), choices[answer]);

    [Fact]
    public void Write_GeneratedQuestions_EntriesTheParserReadsBackWithTheirSourceAndTheReplacesLine()
    {
        var blank = Generated("0123456789abcdef", QuizQuestionKind.FillInTheBlank, "Fill in the blank: “The _____ command lists block devices.”", ["lsblk", "blkid", "iostat"], 0);
        var command = Generated("fedcba9876543210", QuizQuestionKind.Command, "Which command would you run to find a [process] by name?", ["ps aux | grep *name*", "grep -r `x` <dir>", "find … -exec … {} \\;", "a & b #1"], 0);
        var replaced = new List<string>();

        var markdown = TeamQuestionWriter.Write([blank, command]);
        var (questions, issues) = TeamQuestionParser.Parse("drafts.quiz.md", markdown, replaced: replaced);

        Assert.Empty(issues);
        Assert.Equal(["0123456789abcdef", "fedcba9876543210"], replaced);
        Assert.Equal([blank.Text, command.Text], questions.Select(q => q.Text));
        Assert.Equal(command.Choices.Order(StringComparer.Ordinal), questions[1].Choices.Order(StringComparer.Ordinal));
        Assert.Equal(["lsblk", "ps aux | grep *name*"], questions.Select(q => q.Answer));
        Assert.All(questions, q => Assert.Equal(("notes/tools.md", 12, 14), (q.Citation.File, q.Citation.LineStart, q.Citation.LineEnd)));
        Assert.All(questions, q => Assert.Equal("the notes' lines", q.Explanation));
        Assert.Contains("- [x] `ps aux | grep *name*`", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] grep -r \\`x\\` \\<dir>", markdown, StringComparison.Ordinal); // a backtick inside: escaped, no code span
        Assert.Contains("<!-- generated blank 0123456789abcdef -->", markdown, StringComparison.Ordinal);
        Assert.Contains("Source: notes/tools.md#L12-L14", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Drafts_SayWhyEachIsNotAskedAndReadBack()
    {
        var scored = new QuizDraft(Generated("0123456789abcdef", QuizQuestionKind.Definition, "Which of these lists block devices?", ["lsblk", "blkid", "iostat"], 0), 0.547, Typo: false);
        var typo = new QuizDraft(Generated("fedcba9876543210", QuizQuestionKind.YesNo, "Can we attach columes?", ["Yes", "No"], 0), 0, Typo: true);
        var replaced = new List<string>();

        var markdown = TeamQuestionWriter.Write([scored, typo]);
        var (questions, issues) = TeamQuestionParser.Parse("drafts.quiz.md", markdown, replaced: replaced);

        Assert.Empty(issues);
        Assert.Equal(["0123456789abcdef", "fedcba9876543210"], replaced);
        Assert.Equal(2, questions.Count);
        Assert.Contains(TeamQuestionWriter.DraftsHeader.ReplaceLineEndings("\n"), markdown, StringComparison.Ordinal);
        Assert.Contains("<!-- generated definition 0123456789abcdef; draft, not asked: scored 0.55, the quiz asks from 0.60 -->", markdown, StringComparison.Ordinal);
        Assert.Contains("<!-- generated yes/no fedcba9876543210; draft, not asked: it copies a likely typo of the notes -->", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamQuestionWriter.DraftsHeader.ReplaceLineEndings("\n"), TeamQuestionWriter.Write([scored.Question]), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TeamQuestions_AreLeftOut()
    {
        var team = Generated("1111111111111111", QuizQuestionKind.Team, "Ours?", ["a", "b"], 0);

        var markdown = TeamQuestionWriter.Write([team]);

        Assert.DoesNotContain("Ours?", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamQuestionParser.ReplacesLabel, markdown, StringComparison.Ordinal);
        Assert.Empty(TeamQuestionParser.Parse("drafts.quiz.md", markdown).Questions);
    }

    /// <summary>A path with '#' cannot be a Source (the '#' starts the lines): the notes' lines go into the explanation
    /// and the entry still reads back.</summary>
    [Fact]
    public void Write_CitedFileWithAHash_QuotesTheLinesInstead()
    {
        var question = Generated("0123456789abcdef", QuizQuestionKind.Definition, "Which of these is C#?", ["C#", "F#"], 0, file: "langs/c#.md");

        var markdown = TeamQuestionWriter.Write([question]);
        var read = Assert.Single(TeamQuestionParser.Parse("drafts.quiz.md", markdown).Questions);

        Assert.DoesNotContain("Source:", markdown, StringComparison.Ordinal);
        Assert.Equal("the notes' lines", read.Explanation);
        Assert.Equal("C#", read.Answer);
    }

    [Theory]
    [InlineData("Fill in the blank: “The _____ command.”", "Fill in the blank: “The _____ command.”")]
    [InlineData("the _____ and the _____", "the \\_\\_\\_\\_\\_ and the \\_\\_\\_\\_\\_")]
    [InlineData("snake_case _____", "snake\\_case \\_\\_\\_\\_\\_")]
    [InlineData("a `b` *c* [d](e) <f> &amp; #g \\h", "a \\`b\\` \\*c\\* \\[d\\](e) \\<f> \\&amp; \\#g \\\\h")]
    [InlineData("two\nlines", "two lines")]
    public void Escape_MarkdownMarks_AreEscaped(string text, string expected) =>
        Assert.Equal(expected, TeamQuestionWriter.Escape(text));
}
