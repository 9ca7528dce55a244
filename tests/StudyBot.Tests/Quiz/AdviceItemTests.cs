using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>Yes/no questions from the notes' own advice ("Never mutate the parameters passed in." →
/// "According to the notes, should you mutate the parameters passed in?", No), for notes written as rules that give the other writers little; rated by outside reader 46.</summary>
public class AdviceItemTests
{
    [Theory]
    [InlineData("7.12 Never mutate the parameters passed in.", "mutate the parameters passed in", false)]
    [InlineData("4.2 Do not reduce an LV before shrinking the filesystem", "reduce an LV before shrinking the filesystem", false)]
    [InlineData("13.5 Don’t chain variable assignments. Why? Chaining variable assignments creates implicit globals.", "chain variable assignments", false)]
    [InlineData("2.1 Use const for all of your references; avoid using var. eslint: prefer-const", "use const for all of your references", true)]
    [InlineData("7.9 Always put default parameters last.", "always put default parameters last", true)]
    [InlineData("4.5 Use Array.from for converting an array-like object to an array.", "use Array.from for converting an array-like object to an array", true)]
    // The two sides of "instead of" change places: the answer is then No.
    [InlineData("7.1 Use named function expressions instead of function declarations.", "use function declarations instead of named function expressions", false)]
    [InlineData("10.1 Always use modules (import/export) over a non-standard module system.", "always use a non-standard module system over modules (import/export)", false)]
    // A side that says what it is for stays where it is.
    [InlineData("3.8 Prefer the object spread syntax over Object.assign to shallow-copy objects.", "prefer the object spread syntax over Object.assign to shallow-copy objects", true)]
    public void Advice_AnAdviceLine_IsAskedAsShouldYou(string line, string question, bool yes)
    {
        var advice = QuestionGenerator.Advice(line);

        Assert.NotNull(advice);
        Assert.Equal(question, advice.Value.Question);
        Assert.Equal(yes, advice.Value.Yes);
    }

    [Theory]
    [InlineData("Do not put it into ENV")]
    [InlineData("Do not do this unless you know your trusted IP is stable")]
    [InlineData("Use:")]
    [InlineData("Use carefully.")]
    [InlineData("Never leave a question blank — there is no penalty for guessing")]
    [InlineData("Don't panic if you see new actions - focus on concepts")]
    [InlineData("Don't need to know the calculation to replenish the credit balance")]
    [InlineData("Use `whatis`, `man` or `apropos`, whichever is installed")]
    [InlineData("Networks use routers to forward packets.")]
    // Advice outside a rule book: tutorials' warnings, which common sense answers (outside rating 46).
    [InlineData("Do not run destructive tests on important disks")]
    [InlineData("1. Use getenforce to check the SELinux mode of the system")]
    public void Advice_NoAdviceThatStandsAlone_IsNotAsked(string line)
    {
        Assert.Null(QuestionGenerator.Advice(line));
    }

    [Fact]
    public void Generate_AFileOfRules_AsksNoMoreYesThanNo_ForTheReserveAlone()
    {
        const string file = "style/guide.md";
        const string notes = """
            # Style

            - 3.1 Use the literal syntax for object creation.
            - 6.1 Use single quotes for all strings.
            - 12.1 Use dot notation when accessing properties.
            - 7.12 Never mutate the parameters passed in.
            - 16.1 Use braces with all multiline blocks.
            - Do not run destructive tests on important disks.
            """;
        var lines = notes.Split('\n');
        var passages = NotesParser.Parse(file, notes).Select(e => e.Passage).ToList();
        var (kept, reserve) = QuestionGenerator.Tiers(passages, f => f == file ? lines : null, quality: NoteLines.KeepingEveryQuestion());
        var advice = reserve.Where(q => q.Text.StartsWith("According to the notes, should you ", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(kept, q => q.Text.StartsWith("According to the notes", StringComparison.Ordinal));
        Assert.Equal(2, advice.Count);
        Assert.Equal(1, advice.Count(q => q.AnswerIndex == 0));
        Assert.Contains(advice, q => q.Text == "According to the notes, should you mutate the parameters passed in?" && q.Answer == "No");
        Assert.All(advice, q => Assert.Equal(QuizQuestionKind.YesNo, q.Kind));
    }

    [Theory]
    [InlineData("Y1 Y2 Y3 N1 X N2", "Y1 N1 Y2 N2 X Y3")] // best first, a rule book's reserve ran Yes, Yes, Yes (outside rating 53)
    [InlineData("N1 X Y1 Y2 N2 N3", "N1 X Y1 N2 Y2 N3")]
    [InlineData("X Y1 Y2", "X Y1 Y2")] // one answer left: its order stands
    [InlineData("X B Y1", "X B Y1")]
    public void AlternatingYesNo_TakesTurnsKeepingEachAnswersOrderAndEveryOtherPlace(string order, string expected)
    {
        static QuizQuestion Q(string label) => label[0] switch
        {
            'Y' or 'N' => new QuizQuestion(label, QuizQuestionKind.YesNo, "should you …?", ["Yes", "No"], label[0] == 'Y' ? 0 : 1, "e", new Citation("f.md", "s", 1, 1, "e"), label),
            _ => new QuizQuestion(label, QuizQuestionKind.FillInTheBlank, "Fill in the blank: …", ["a", "b", "c", "d"], 0, "e", new Citation("f.md", "s", 1, 1, "e"), "a"),
        };

        var result = QuestionGenerator.AlternatingYesNo([.. order.Split(' ').Select(Q)]);

        Assert.Equal(expected, string.Join(' ', result.Select(q => q.Id)));
    }
}
