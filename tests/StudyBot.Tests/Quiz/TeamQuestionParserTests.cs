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
    [InlineData("## Q?\n- [x] a\n- [ ] b\n\nSource notes.md#L3-L5\n", "Source:")] // no colon: was dropped without a word
    [InlineData("## Q?\n- [x] a\n- [ ] b\n\nsource - notes.md#L3\n", "Source:")]
    public void Parse_BadEntry_IsReportedAndSkipped(string entry, string reason)
    {
        var (questions, issues) = TeamQuestionParser.Parse("t.quiz.md", entry + "\n## Fine?\n- [x] yes\n- [ ] no\n");
        var issue = Assert.Single(issues);
        Assert.Contains(reason, issue.Reason, StringComparison.Ordinal);
        Assert.True(issue.Skipped);
        Assert.Equal(1, issue.Line);
        Assert.Equal("Fine?", Assert.Single(questions).Text);
    }

    [Fact]
    public void Parse_ElevenChoices_IsAClearError()
    {
        var entry = "## Q?\n- [x] c0\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"- [ ] c{i}\n"));
        var issue = Assert.Single(TeamQuestionParser.Parse("t.quiz.md", entry).Issues);
        Assert.Contains("at most 10 choices (this one has 11)", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RightAnswerWrittenSecond_IsShuffledStablyUnlessOrderFixed()
    {
        var entries = Enumerable.Range(1, 12).Select(i => $"## Question {i}?\n- [ ] wrong {i}\n- [x] right {i}\n- [ ] other {i}\n- [ ] more {i}\n");
        var shuffled = TeamQuestionParser.Parse("t.quiz.md", string.Join('\n', entries)).Questions;
        Assert.True(shuffled.Select(q => q.AnswerIndex).Distinct().Count() > 1);
        Assert.Equal(shuffled.Select(q => q.AnswerIndex), TeamQuestionParser.Parse("t.quiz.md", string.Join('\n', entries)).Questions.Select(q => q.AnswerIndex));

        var kept = Assert.Single(TeamQuestionParser.Parse("t.quiz.md", "## Q?\n- [ ] a\n- [x] b\n- [ ] c\n\nOrder: fixed\n").Questions);
        Assert.Equal(["a", "b", "c"], kept.Choices);
    }

    [Theory]
    [InlineData("Source: missing.md#L1-L2", "'missing.md' does not exist")]
    [InlineData("Source: notes.md#L3-L9", "notes.md has 5 lines, the source cites L3-L9")]
    [InlineData("Source: notes.md#L4-L2", "the source lines are not a range (L4-L2)")]
    [InlineData("Source: notes.md#L99999999999", "the source lines are not a range (L99999999999)")]
    public void Parse_SourceFileMissingOrLinesOutOfRange_IsReported(string source, string reason)
    {
        IReadOnlyList<string>? Lines(string f) => f == "notes.md" ? ["a", "b", "c", "d", "e"] : null;
        var (questions, issues) = TeamQuestionParser.Parse("t.quiz.md", $"## Q?\n- [x] a\n- [ ] b\n\n{source}\n", readLines: Lines);
        Assert.Empty(questions);
        Assert.Contains(reason, Assert.Single(issues).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SourceGiven_CitationQuotesTheNotesLinesNotTheExplanation()
    {
        IReadOnlyList<string>? Lines(string f) => f == "notes.md" ? ["# EBS", "- EBS volumes are not encrypted by default.", "", "- Turn it on per region.", "e"] : null;

        var question = Assert.Single(TeamQuestionParser.Parse("t.quiz.md", "## Q?\n- [x] a\n- [ ] b\n\n> Because.\n\nSource: notes.md#L2-L4\n", readLines: Lines).Questions);

        Assert.Equal("Because.", question.Explanation);
        Assert.Equal("EBS volumes are not encrypted by default.\nTurn it on per region.", question.Citation.Snippet);
    }

    [Fact]
    public void Parse_SameQuestionTwice_KeepsTheSameId()
    {
        var a = TeamQuestionParser.Parse("t.quiz.md", Good).Questions;
        var b = TeamQuestionParser.Parse("t.quiz.md", "\n\n" + Good).Questions;
        Assert.Equal(a.Select(q => q.Id), b.Select(q => q.Id));
    }

    /// <summary>An entry exported from a generated question keeps that question's id, reworded or not, so the channel's
    /// history and each member's review schedule carry over; a copy of it (the same comment again) is a question of its
    /// own. Any other comment, or none, gives the file-and-stem id.</summary>
    [Fact]
    public void Parse_GeneratedComment_KeepsTheGeneratedIdOnce()
    {
        const string Exported = """
            ## Can HSM be placed at On-Premise?
            <!-- generated yes/no 97B3A7A4827A11E5; draft, not asked: scored 0.46, the quiz asks from 0.60 -->

            - [ ] Yes
            - [x] No

            ## Can an HSM be placed on premises?
            <!-- generated yes/no 97b3a7a4827a11e5 -->

            - [ ] Yes
            - [x] No

            ## Which service protects against DDoS?
            <!-- a note of the teacher's: generated by hand 0123456789abcdef0 -->

            - [x] AWS Shield
            - [ ] Amazon S3
            """;

        var (questions, issues) = TeamQuestionParser.Parse("t.quiz.md", Exported);
        var reworded = TeamQuestionParser.Parse("t.quiz.md", Exported.Replace("Can HSM be placed at On-Premise?", "Can an HSM run on premises?", StringComparison.Ordinal)).Questions;
        var (plain, plainIssues) = TeamQuestionParser.Parse("t.quiz.md", Exported.Replace("<!-- generated yes/no 97B3A7A4827A11E5", "<!-- ", StringComparison.Ordinal));

        // The copy is asked, as a new question, and the teacher hears so: it cannot take the history too.
        var copy = Assert.Single(issues);
        Assert.False(copy.Skipped);
        Assert.Equal(7, copy.Line);
        Assert.Contains("the same generated question as t.quiz.md line 1", copy.Reason, StringComparison.Ordinal);
        Assert.Empty(plainIssues);
        Assert.Equal(3, questions.Count);
        Assert.Equal("97b3a7a4827a11e5", questions[0].Id);
        Assert.Equal("97b3a7a4827a11e5", reworded[0].Id);
        Assert.Equal(QuizQuestion.MakeId("t.quiz.md", QuizText.Normalize(questions[1].Text), nameof(QuizQuestionKind.Team)), questions[1].Id);
        Assert.Equal(QuizQuestion.MakeId("t.quiz.md", QuizText.Normalize(questions[2].Text), nameof(QuizQuestionKind.Team)), questions[2].Id);
        Assert.Equal(QuizQuestion.MakeId("t.quiz.md", QuizText.Normalize(plain[0].Text), nameof(QuizQuestionKind.Team)), plain[0].Id);
        Assert.Equal("97b3a7a4827a11e5", plain[1].Id);
        Assert.All(questions, q => Assert.Equal(QuizQuestionKind.Team, q.Kind));
    }

    /// <summary>A comment the teacher's edit broke (a digit lost, the kind deleted) is a line to check, not a silent
    /// new question.</summary>
    [Theory]
    [InlineData("<!-- generated yes/no 97b3a7a4827a11e -->")]
    [InlineData("<!-- generated 97b3a7a4827a11e5 -->")]
    public void Parse_BrokenGeneratedComment_IsALineToCheck(string comment)
    {
        var (questions, issues) = TeamQuestionParser.Parse("t.quiz.md", $"## Can HSM be placed on premises?\n{comment}\n\n- [ ] Yes\n- [x] No\n");

        var issue = Assert.Single(issues);
        Assert.False(issue.Skipped);
        Assert.Equal(2, issue.Line);
        Assert.Contains("a 'generated' comment this entry cannot use", issue.Reason, StringComparison.Ordinal);
        Assert.Equal(QuizQuestion.MakeId("t.quiz.md", QuizText.Normalize("Can HSM be placed on premises?"), nameof(QuizQuestionKind.Team)), Assert.Single(questions).Id);
    }

    /// <summary>Two files exported from one question (the bank exported twice, both files kept): the first file read
    /// keeps the id, the other's entry is a question of its own.</summary>
    [Fact]
    public void ParseFolder_GeneratedCommentInTwoFiles_KeepsTheIdOnce()
    {
        using var folder = new TempFolder("studybot-quizfiles-ids-");
        File.WriteAllText(Path.Combine(folder, "a.quiz.md"), "## Is EBS encrypted by default?\n<!-- generated yes/no 0123456789abcdef -->\n\n- [ ] Yes\n- [x] No\n");
        File.WriteAllText(Path.Combine(folder, "b.quiz.md"), "## Are EBS volumes encrypted unless told?\n<!-- generated yes/no 0123456789abcdef -->\n\n- [ ] Yes\n- [x] No\n");

        var (questions, issues) = TeamQuestionParser.ParseFolder(folder);

        Assert.Equal(("b.quiz.md", false), Assert.Single(issues) is var issue ? (issue.File, issue.Skipped) : default);
        Assert.Contains("a.quiz.md line 1", issue.Reason, StringComparison.Ordinal);
        Assert.Equal(2, questions.Count);
        Assert.Equal(1, questions.Count(q => q.Id == "0123456789abcdef"));
        Assert.Equal(2, questions.Select(q => q.Id).Distinct().Count());
    }

    /// <summary>An exported entry whose <c>generated</c> comment a teacher deleted was a new question without a word:
    /// the channel and its members lost what they had been asked of it. The entry that kept its comment is quiet.</summary>
    [Fact]
    public void ParseFolder_GeneratedWordsWithoutTheComment_AreReportedWithTheCommentToPutBack()
    {
        using var folder = new TempFolder("studybot-quizfiles-lost-");
        File.WriteAllText(Path.Combine(folder, "a.quiz.md"), "## Is EBS encrypted by default?\n\n- [ ] Yes\n- [x] No\n\n## Is S3 encrypted by default?\n<!-- generated yes/no 1123456789abcdef -->\n\n- [x] Yes\n- [ ] No\n");
        QuizQuestion[] generated = [Generated("0123456789abcdef", "Is EBS encrypted by default?", "No"), Generated("1123456789abcdef", "Is S3 encrypted by default?", "Yes")];

        var (questions, issues) = TeamQuestionParser.ParseFolder(folder, generated: generated);

        var issue = Assert.Single(issues);
        Assert.Equal(("a.quiz.md", 1, false), (issue.File, issue.Line, issue.Skipped));
        Assert.Contains("without its 'generated' comment", issue.Reason, StringComparison.Ordinal);
        Assert.Contains("'<!-- generated yes/no 0123456789abcdef -->'", issue.Reason, StringComparison.Ordinal);
        Assert.Equal(2, questions.Count);
        Assert.Empty(TeamQuestionParser.ParseFolder(folder).Issues);
    }

    /// <summary>A comment pasted under another entry: the entry took that question's history without a word. A reworded
    /// stem with the same key, or a mended key under the same stem, is the teacher's and is quiet.</summary>
    [Fact]
    public void ParseFolder_GeneratedCommentOfAnotherQuestion_IsReported()
    {
        using var folder = new TempFolder("studybot-quizfiles-pasted-");
        File.WriteAllText(Path.Combine(folder, "a.quiz.md"), string.Join('\n',
            "## Which port does HTTPS use?", "<!-- generated blank 0123456789abcdef -->", string.Empty, "- [x] 443", "- [ ] 80", string.Empty,
            "## Is S3 encrypted at rest by default?", "<!-- generated yes/no 1123456789abcdef -->", string.Empty, "- [x] Yes", "- [ ] No", string.Empty,
            "## Is RDS encrypted by default?", "<!-- generated yes/no 2123456789abcdef -->", string.Empty, "- [x] Yes", "- [ ] No", string.Empty));
        QuizQuestion[] generated = [Generated("0123456789abcdef", "Is EBS encrypted by default?", "No"), Generated("1123456789abcdef", "Is S3 encrypted by default?", "Yes"), Generated("2123456789abcdef", "Is RDS encrypted by default?", "No")];

        var issue = Assert.Single(TeamQuestionParser.ParseFolder(folder, generated: generated).Issues);

        Assert.Equal((1, false), (issue.Line, issue.Skipped));
        Assert.Contains("names the question \"Is EBS encrypted by default?\" (answer: No)", issue.Reason, StringComparison.Ordinal);
    }

    /// <summary>Two yes/no questions keyed "Yes" alike: a comment pasted under the other one changed no key, and the
    /// entry took the named question's history without a word. A stem that shares no word with the named one is
    /// reported; a reworded stem that keeps its subject stays quiet.</summary>
    [Fact]
    public void ParseFolder_YesNoCommentPastedUnderAnotherYes_IsReported()
    {
        using var folder = new TempFolder("studybot-quizfiles-pasted-yes-");
        File.WriteAllText(Path.Combine(folder, "a.quiz.md"), string.Join('\n',
            "## Can Glacier restore an archive within minutes?", "<!-- generated yes/no 0123456789abcdef -->", string.Empty, "- [x] Yes", "- [ ] No", string.Empty,
            "## Does S3 encrypt new objects by default?", "<!-- generated yes/no 1123456789abcdef -->", string.Empty, "- [x] Yes", "- [ ] No", string.Empty));
        QuizQuestion[] generated = [Generated("0123456789abcdef", "Is EBS encrypted by default?", "Yes"), Generated("1123456789abcdef", "Is S3 encrypted by default?", "Yes")];

        var issue = Assert.Single(TeamQuestionParser.ParseFolder(folder, generated: generated).Issues);

        Assert.Equal((1, false), (issue.Line, issue.Skipped));
        Assert.Contains("names the question \"Is EBS encrypted by default?\" (answer: Yes)", issue.Reason, StringComparison.Ordinal);
    }

    private static QuizQuestion Generated(string id, string stem, string answer) =>
        new(id, QuizQuestionKind.YesNo, stem, answer == "Yes" ? ["Yes", "No"] : ["No", "Yes"], 0, string.Empty, new StudyBot.Core.Knowledge.Citation("notes.md", "S", 1, 1, "x"), "k");

    /// <summary>A team's choices may be command options: "--force" was read as "force" (the notes' bullet trim).</summary>
    [Fact]
    public void Parse_ChoicesThatOpenWithDashesOrAHash_KeepThem()
    {
        var question = Assert.Single(TeamQuestionParser.Parse("t.quiz.md", "## Which flag overwrites the remote branch?\n- [x] --force\n- [ ] `-n`\n- [ ] #LV\n").Questions);

        Assert.Equal(["#LV", "--force", "-n"], question.Choices.Order(StringComparer.Ordinal));
        Assert.Equal("--force", question.Answer);
    }

    [Fact]
    public void Parse_ReplacesLineBeforeTheFirstQuestion_NamesGeneratedQuestions()
    {
        var replaced = new List<string>();

        var (questions, issues) = TeamQuestionParser.Parse("t.quiz.md", "<!-- drafts -->\n\nReplaces: 0123456789abcdef FEDCBA9876543210\n\n" + Good, replaced: replaced);

        Assert.Empty(issues);
        Assert.Equal(2, questions.Count);
        Assert.Equal(["0123456789abcdef", "fedcba9876543210"], replaced);
    }

    [Fact]
    public void Parse_ReplacesWithABadId_ReportsItAndKeepsTheGoodOnes()
    {
        var replaced = new List<string>();

        var (questions, issues) = TeamQuestionParser.Parse("t.quiz.md", "Replaces: 0123456789abcdef EBS\n\n" + Good, replaced: replaced);

        Assert.Equal(2, questions.Count);
        Assert.Equal(["0123456789abcdef"], replaced);
        var issue = Assert.Single(issues);
        Assert.Equal(1, issue.Line);
        Assert.Contains("'EBS' in the Replaces line, which is no question id", issue.Reason, StringComparison.Ordinal);
    }

    /// <summary>Only the file's opening names what it replaces: a "Replaces:" line inside an entry is no such list.</summary>
    [Fact]
    public void Parse_ReplacesInsideAnEntry_IsNotRead()
    {
        var replaced = new List<string>();

        TeamQuestionParser.Parse("t.quiz.md", "## Q?\n- [x] a\n- [ ] b\n\nReplaces: 0123456789abcdef\n", replaced: replaced);

        Assert.Empty(replaced);
    }

    /// <summary>"Source:" or "Order: fixed" right under the last choice, with no blank line, continues the choice's
    /// paragraph in markdown: it was read into the choice ("No Order: fixed Source: …") and its range never checked.</summary>
    [Fact]
    public void Parse_SourceAndOrderRightUnderTheLastChoice_AreReadAsTheirLines()
    {
        IReadOnlyList<string>? Lines(string f) => f == "notes.md" ? ["a", "b", "c", "d", "e"] : null;

        var question = Assert.Single(TeamQuestionParser.Parse("t.quiz.md", "## Q?\n- [ ] Maybe\n- [x] `--force`\nOrder: fixed\nSource: notes.md#L2-L3\n", readLines: Lines).Questions);
        var (_, issues) = TeamQuestionParser.Parse("t.quiz.md", "## Q?\n- [ ] a\n- [x] b\nSource: notes.md#L4-L9\n", readLines: Lines);

        Assert.Equal(["Maybe", "--force"], question.Choices);
        Assert.Equal(("notes.md", 2, 3), (question.Citation.File, question.Citation.LineStart, question.Citation.LineEnd));
        Assert.Contains("line 4: notes.md has 5 lines, the source cites L4-L9", Assert.Single(issues).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReplacesAfterTheFirstQuestion_IsReported()
    {
        var replaced = new List<string>();

        var (questions, issues) = TeamQuestionParser.Parse("t.quiz.md", "## Q?\n- [x] a\n- [ ] b\n\nReplaces: 0123456789abcdef\n", replaced: replaced);

        Assert.Single(questions);
        Assert.Empty(replaced);
        var issue = Assert.Single(issues);
        Assert.Equal(5, issue.Line);
        Assert.Contains("a Replaces line after the file's first question", issue.Reason, StringComparison.Ordinal);
    }

    /// <summary>A quiz file copied beside itself asked every question twice.</summary>
    [Fact]
    public void ParseFolder_SameQuestionInTwoFiles_AskedOnceAndReported()
    {
        using var folder = new TempFolder("studybot-quizfiles-");
        File.WriteAllText(Path.Combine(folder, "a.quiz.md"), "# Our quiz\n\n## Is EBS encrypted by default?\n- [ ] Yes\n- [x] No\n\n## Which service protects against DDoS?\n- [x] AWS Shield\n- [ ] Amazon S3\n");
        File.WriteAllText(Path.Combine(folder, "b.quiz.md"), "## Is EBS  encrypted by default?\n- [x] No\n- [ ] Yes\n\n## Ours alone?\n- [x] a\n- [ ] b\n");

        var (questions, issues) = TeamQuestionParser.ParseFolder(folder);

        var issue = Assert.Single(issues);
        Assert.Equal(["Is EBS encrypted by default?", "Which service protects against DDoS?", "Ours alone?"], questions.Select(q => q.Text));
        Assert.Equal(("b.quiz.md", 1), (issue.File, issue.Line));
        Assert.Contains("the same question as a.quiz.md line 3", issue.Reason, StringComparison.Ordinal);
    }

    /// <summary>Source paths start at the notes folder: "ports.md" for notes/ports.md names the file meant.</summary>
    [Fact]
    public void ParseFolder_SourceByItsNameAlone_SaysWhichFileWasMeant()
    {
        using var folder = new TempFolder("studybot-quizfiles-source-");
        Directory.CreateDirectory(Path.Combine(folder, "notes"));
        File.WriteAllText(Path.Combine(folder, "notes", "ports.md"), "# Ports\n\n- SSH uses port 22.\n");
        File.WriteAllText(Path.Combine(folder, "ours.quiz.md"), "## Which port does SSH use?\n- [x] 22\n- [ ] 80\n\nSource: ports.md#L3\n");

        var (questions, issues) = TeamQuestionParser.ParseFolder(folder);

        Assert.Empty(questions);
        Assert.Contains("the source file 'ports.md' does not exist (did you mean 'notes/ports.md'?", Assert.Single(issues).Reason, StringComparison.Ordinal);
    }
}
