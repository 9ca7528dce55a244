using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>A set of notes that is one page of tips (The Art of Command Line, Flight rules for Git): the tools it
/// teaches are set in code (`xargs`, `jq`) and run in its commands, and a page has no second file to set them in.</summary>
public class TipsPageTests
{
    private const string Tips = """
        # Command Line Tips

        ## Everyday use

        - Use `xargs` to build command lines from standard input. It's very powerful.

        - Use `pgrep` and `pkill` to find or signal processes by name.

        - Run `xargs echo` first if you are not sure what `xargs` will run.

        - Use `nohup` if you want a background process to keep running after you log out.

        ## Processing data

        - For JSON, use `jq` to filter and reshape documents on the command line.

        - `pgrep` prints the process ids whose names match a pattern.

        - `nohup` ignores the hangup signal that a closing terminal sends.

        - A pipe from `jq` into `sort` orders the values it extracts.

        - The loop reads each name into `tmp_name_1` before it copies the file.

        - Say you want to check out `daves` from the remote.

        - Then push `daves` back when the review is done.

        ```sh
        $ pgrep -f java | xargs kill
        $ curl -s https://example.com/items.json | jq .items
        ```
        """;

    private static List<Passage> Parse(string note) => NotesParser.Parse("tips.md", note).Select(e => e.Passage).ToList();

    [Fact]
    public void Constructor_OnePageOfNotes_CodeThePageRunsIsACodeName()
    {
        var passages = Parse(Tips);
        var terms = new IntroducedTerms([.. passages.Where(p => p.Kind != PassageKind.Code)], passages.Where(p => p.Kind == PassageKind.Code));

        Assert.True(terms.IsCode("xargs"));
        Assert.True(terms.IsCode("jq"));
        Assert.True(terms.IsCode("pgrep"));
        Assert.False(terms.Contains("tmp_name_1")); // the page's example
        Assert.False(terms.Contains("daves")); // a branch of the example, set in code twice but never run
        Assert.True(terms.IsCommand("nohup")); // never run, but recommended: "Use `nohup` if …"
    }

    [Fact]
    public void Constructor_OnePageOfNotes_ToolTheTipRecommendsIsACommand()
    {
        var passages = Parse("""
            # Tips

            - Use `shuf` to pick random lines from a file.

            - `comm`: compare sorted files line by line.

            - Know about `wc` to count the lines of a file.

            - Then push `daves` back when the review is done.

            - The loop reads `tmp_name` before it copies the file.
            """);
        var terms = new IntroducedTerms(passages);

        Assert.True(terms.IsCommand("shuf"));
        Assert.True(terms.IsCommand("comm"));
        Assert.True(terms.IsCommand("wc"));
        Assert.False(terms.Contains("daves"));
        Assert.False(terms.Contains("tmp_name"));
    }

    [Theory]
    [InlineData("Use `shuf` to pick random lines.", "shuf", true)]
    [InlineData("For binary diffs, use `xdelta3`.", "xdelta3", true)]
    [InlineData("For more complex load testing, try `siege`.", "siege", true)]
    [InlineData("comm: compare sorted files line by line.", "comm", true)]
    [InlineData("Then push daves back when the review is done.", "daves", false)]
    [InlineData("A pipe from jq into sort orders the values.", "jq", false)]
    public void Recommends_UseVerbOrOpeningLabel(string line, string span, bool expected) =>
        Assert.Equal(expected, IntroducedTerms.Recommends(line.Replace("`", string.Empty, StringComparison.Ordinal), span));

    [Fact]
    public void Constructor_SeveralFiles_CodeSetInOneFileOnlyIsStillThatPagesExample()
    {
        var passages = Parse(Tips).Concat(NotesParser.Parse("other.md", "# Other\n\nA line with no code in it at all.\n").Select(e => e.Passage)).ToList();
        var terms = new IntroducedTerms(passages);

        Assert.False(terms.Contains("xargs"));
    }

    [Fact]
    public void KindLike_TwoCommandsThePageRuns_AreOfOneKindWhateverTheModelReads()
    {
        var corpus = new QuizCorpus(Parse(Tips));
        var kinds = new KindSimilarity(new ChosenEmbedder(("pgrep", Math.Sqrt(0.2)), ("xargs", Math.Sqrt(0.2))));

        Assert.True(QuestionGenerator.KindLike("pgrep", "xargs", corpus, kinds) >= KindSimilarity.SameKind);
    }
}
