using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>A one-page set of notes whose commands are a program and its subcommand (Flight rules for Git: `git reflog`,
/// `git rebase -i`, `git stash pop`): the two words name one command, run in the page's code, and its fair wrong
/// choices are the other subcommands of that program the page runs.</summary>
public class SubcommandPageTests
{
    private const string Flight = """
        # Flight rules

        ## I want to undo a bad pull

        This is another chance to use `git reflog` to see where your HEAD pointed before the bad pull.

        ```sh
        (main)$ git reflog
        $ (main) git reset --hard HEAD@{1}
        ```

        Voila! We got our work back. `git reflog` is also useful when rebasing goes terribly wrong.

        ## I want to move my branch back

        - Use `git reset` to move the branch back to an older commit.

        ```sh
        (my-branch)$ git reset --soft HEAD^
        ```

        ## I want to put my changes aside

        - Running `git stash` keeps your unfinished changes aside while you switch branches.

        ```sh
        (my-branch)$ git stash
        (my-branch)$ git reset --hard origin/main
        (my-branch)$ git stash pop
        ```

        ## I want to share my commits

        - Use `git push` to send your finished commits to the remote.

        ```sh
        (my-branch)$ git push origin my-branch
        ```

        ## I want to replay my commits

        - Then `git rebase` replays your own commits on top of the new base.

        ```sh
        (my-branch)$ git rebase -i HEAD~3
        ```

        ## I want to find a commit

        - Use `git log` to find the commit hash you want.

        - The `git frobnicate` command is never run on this page.

        - Deleting the folder after running `git clone` is the simplest fix for the wrong repository.

        - Run `git clone` again once the folder is gone.

        - Use `ls` to check the folder is gone; `ls -a` shows hidden files.

        ```sh
        $ git log --oneline
        ```
        """;

    private static List<Passage> Parse(string note) => NotesParser.Parse("flight-rules/flight-rules.md", note).Select(e => e.Passage).ToList();

    private static IntroducedTerms Terms(List<Passage> passages) =>
        new([.. passages.Where(p => p.Kind != PassageKind.Code)], passages.Where(p => p.Kind == PassageKind.Code));

    [Fact]
    public void Constructor_OnePage_ProgramAndSubcommandThePageRunsIsOneCommand()
    {
        var terms = Terms(Parse(Flight));

        Assert.True(terms.IsCommand("git reflog")); // run after a prompt: "(main)$ git reflog"
        Assert.True(terms.IsCommand("git reset")); // "$ (main) git reset --hard …"
        Assert.True(terms.IsCommand("git stash"));
        Assert.True(terms.IsCommand("git rebase"));
        Assert.True(terms.IsCode("git log"));
        Assert.False(terms.Contains("git frobnicate")); // set in code, never run
        Assert.False(terms.Contains("git clone")); // set in code twice, but a span of its two words alone runs nothing
    }

    [Theory]
    [InlineData("(main)$ git reflog", "git reflog")]
    [InlineData("$ (main) git reset --hard SHA1234", "git reset")]
    [InlineData("kubectl drain node-1 --ignore-daemonsets", "kubectl drain")]
    [InlineData("docker compose up -d && docker ps", "docker compose")]
    public void CommandNames_ProgramAndSubcommand(string line, string expected)
    {
        var p = new Passage("a/a.md", "A", ["A"], 1, 1, line, PassageKind.Code);

        Assert.Contains(expected, IntroducedTerms.CommandNames(p));
        Assert.DoesNotContain(IntroducedTerms.CommandNames(p), n => n.StartsWith('(') || n.StartsWith('$'));
    }

    [Theory]
    [InlineData("ls -l /tmp")] // an option, not a subcommand
    [InlineData("cd ~/src")] // a path
    [InlineData("git -c user.name=x commit")]
    public void CommandNames_ArgumentIsNoSubcommand(string line)
    {
        var p = new Passage("a/a.md", "A", ["A"], 1, 1, line, PassageKind.Code);

        Assert.DoesNotContain(IntroducedTerms.CommandNames(p), n => n.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void KindLike_TwoSubcommandsOfOneProgram_AreOfOneKindNotOneName()
    {
        var corpus = new QuizCorpus(Parse(Flight));
        // The shared program word makes the model read the two as near-duplicates; they are two commands.
        var kinds = new KindSimilarity(new ChosenEmbedder(("git reflog", Math.Sqrt(0.9)), ("git reset", Math.Sqrt(0.9))));

        var like = QuestionGenerator.KindLike("git reflog", "git reset", corpus, kinds);

        Assert.NotNull(like);
        Assert.InRange(like.Value, KindSimilarity.SameKind, KindSimilarity.NearDuplicate - 1e-9);
    }

    [Fact]
    public void Shape_SubcommandIsOfferedOnlyBesideSubcommands()
    {
        var terms = Terms(Parse(Flight));

        Assert.Equal(QuestionGenerator.Shape("git reflog", terms), QuestionGenerator.Shape("git stash", terms));
        Assert.NotEqual(QuestionGenerator.Shape("git reflog", terms), QuestionGenerator.Shape("ls", terms));
    }

    [Theory]
    [InlineData("This is what _____ is for. reflog keeps track of any changes to the tip of a branch.", true)]
    [InlineData("Another approach is to use _____ and send the patch by mail.", true)] // "patch" of format-patch
    [InlineData("This is another chance to use _____ to see where your HEAD pointed in git.", false)] // "git" is every choice's
    public void ShowsSubcommand_TheSubcommandWordInTheStemGivesTheKeyAway(string masked, bool expected)
    {
        var key = masked.Contains("patch", StringComparison.Ordinal) ? "git format-patch" : "git reflog";

        Assert.Equal(expected, QuestionGenerator.ShowsSubcommand(masked, key));
    }

    [Fact]
    public void Generate_SubcommandBlank_HasOnlyOtherSubcommandsOfTheProgramAsWrongChoices()
    {
        var passages = Parse(Flight);
        var lines = Flight.Split('\n');
        var blanks = QuestionGenerator.Generate(passages, _ => lines)
            .Where(q => q.Kind == QuizQuestionKind.FillInTheBlank && q.Answer.StartsWith("git ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(blanks);
        Assert.All(blanks, q =>
        {
            Assert.All(q.Choices, c => Assert.StartsWith("git ", c, StringComparison.Ordinal));
            Assert.DoesNotContain(q.Answer.Split(' ')[1], q.Text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Generate_SubcommandBlank_NoWrongChoiceTheCitedSectionAlsoRuns()
    {
        var passages = Parse(Flight);
        var lines = Flight.Split('\n');
        var terms = Terms(passages);
        var blanks = QuestionGenerator.Generate(passages, _ => lines)
            .Where(q => q.Kind == QuizQuestionKind.FillInTheBlank && q.Answer == "git stash").ToList();
        var cited = passages.First(p => p.Text.Contains("unfinished changes", StringComparison.Ordinal));

        // The section's recipe runs `git reset` beside `git stash`: a line about the recipe may be said of either (as
        // "`git reflog` is also useful when rebasing goes terribly wrong" of the reflog recipe's `git reset --hard`).
        Assert.NotEmpty(blanks);
        Assert.All(blanks, q => Assert.DoesNotContain("git reset", q.Choices));
        Assert.True(terms.RunsIn("git reset", cited));
        Assert.False(terms.RunsIn("git push", cited));
    }
}
