using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>Notes whose code spans no page repeats (Node.js best practices, one practice a page): a code span the prose
/// names by a kind noun ("the `.npmignore` file", "the `scrypt` function") is a code name, offered only beside names of
/// the same noun (issue 11, 2026-12-02).</summary>
public class CodeKindNounTests
{
    private static readonly (string File, string Text)[] Practices =
    [
        ("sections/security/publishing.md", """
            # Avoid publishing secrets

            ### One Paragraph Explainer

            Precautions should be taken to avoid publishing secrets to public npm registries. An `.npmignore` file can be used to blacklist specific files or folders, or the `files` array in the `package.json` file can act as a whitelist. Developers may end up updating the `.gitignore` file but forget to update `.npmignore` as well.
            """),
        ("sections/security/disclosure.md", """
            # Publish a security contact

            ### One Paragraph Explainer

            Have a text file called `security.txt` at the root of the website. It lists who to contact about a vulnerability, so that researchers who find one know where to report it before they publish anything.
            """),
        ("sections/production/lockfile.md", """
            # Install with the lock file

            ### One Paragraph Explainer

            The install fails when `package.json` and `package-lock.json` do not match or when no lock file exists. Keeping the lock file in source control makes every build install exactly the same versions of every dependency.
            """),
        ("sections/errors/stacktraces.md", """
            # Return awaited promises

            ### One Paragraph Explainer

            When `getUser` throws after the caller has returned, the stack trace loses the caller unless the promise is awaited. The function that calls `getUser` then never shows in the trace that the error prints.
            """),
    ];

    private static List<Passage> Parse() =>
        Practices.SelectMany(p => NotesParser.Parse(p.File, p.Text.Replace("\r", string.Empty, StringComparison.Ordinal)).Select(e => e.Passage)).ToList();

    [Fact]
    public void Constructor_SpanNamedByAKindNoun_IsACodeNameOfThatNoun()
    {
        var terms = new IntroducedTerms(Parse());

        Assert.Equal("file", terms.KindNounOf(".npmignore"));
        Assert.Equal("file", terms.KindNounOf(".gitignore"));
        Assert.Equal("file", terms.KindNounOf("package.json"));
        Assert.Equal("file", terms.KindNounOf("security.txt")); // "a text file called `security.txt`"
        Assert.Equal("file", terms.KindNounOf("package-lock.json")); // the extension of a named file
        Assert.True(terms.IsCode("package-lock.json"));
        Assert.False(terms.Contains("getUser")); // the example's function, written bare
        Assert.False(terms.Contains("files")); // "the `files` array": a field, not named by a kind noun of the list
    }

    [Fact]
    public void Constructor_NotesWithCodeNamesRepeatedAcrossPages_AddNoNamedSpans()
    {
        // Where code names repeat from page to page the inventory already has their family; the noun rule would move
        // every bank built on it (the test corpora's `terraform.tfvars` file).
        var passages = Parse().Concat(NotesParser.Parse("sections/more.md", "# More\n\nThe `getUser` call and `getUser` again.\n").Select(e => e.Passage)).ToList();
        var terms = new IntroducedTerms(passages);

        Assert.True(terms.IsCode("getUser"));
        Assert.Null(terms.KindNounOf(".npmignore"));
        Assert.False(terms.Contains(".npmignore"));
    }

    [Theory]
    [InlineData("An .npmignore file can be used", ".npmignore", "file")]
    [InlineData("For a harder native solution, use the scrypt function.", "scrypt", "function")]
    [InlineData("the popular library bcrypt can be used", "bcrypt", "library")]
    [InlineData("Have a text file called security.txt at the root", "security.txt", "file")]
    [InlineData("the files array in package.json can act as a whitelist", "files", null)]
    [InlineData("When getUser throws after the caller has returned", "getUser", null)]
    public void NounBeside_KindNounNextToTheSpan(string line, string span, string? noun) =>
        Assert.Equal(noun, IntroducedTerms.NounBeside(line, span));

    [Fact]
    public void Generate_FileNamedByItsNoun_AskedAmongOtherFiles()
    {
        var passages = Parse();
        var questions = QuestionGenerator.Generate(passages, file => Practices.Where(p => p.File == file).Select(p => p.Text.Split('\n')).FirstOrDefault());
        var blanks = questions.Where(q => q.Kind == QuizQuestionKind.FillInTheBlank && IntroducedTerms.IsFileName(q.Answer)).ToList();

        // Without the noun no file name is a term, and these notes give no blank at all.
        Assert.NotEmpty(blanks);
        Assert.All(blanks, q => Assert.All(q.Choices, c => Assert.True(IntroducedTerms.IsFileName(c), c)));
    }
}
