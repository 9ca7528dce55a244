using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;
using StudyBot.Tests.Knowledge.Answering;

namespace StudyBot.Tests.Knowledge;

public sealed class LayoutHeadingsTests
{
    private const string Guide = """
        # Practices

        ## Use async-await for error handling

        ### One Paragraph Explainer

        Callbacks do not scale well since most programmers are not familiar with them.

        ### Further notes

        Promise libraries pack a standard code style.

        ## Run the container as a non-root user

        ### One Paragraph Explainer

        By default Docker runs a container as root, which is a security issue.

        ### Further notes

        The node images provide the node user for that purpose.

        ## Set security headers

        ### One Paragraph Explainer

        Security headers secure the application further against common attacks.
        """;

    [Fact]
    public void Label_HeadingUnderThreeParents_IsLayoutAndTheLeadNamesTheHeadingAbove()
    {
        using var kit = new AnsweringTestKit(Guide, "guide.md");
        const string question = "Why should containers not run as root?";
        var explainer = kit.Candidate(question, "By default Docker runs a container as root");

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [explainer]);

        Assert.Contains("One Paragraph Explainer", kit.Index.LayoutTitles);
        Assert.StartsWith("Run the container as a non-root user: By default Docker runs", answer.Lead, StringComparison.Ordinal);
        Assert.Equal("One Paragraph Explainer", answer.Citations[0].Section); // the citation keeps the section it is in.
    }

    [Fact]
    public void Label_HeadingUnderTwoParents_StaysTheLabel()
    {
        using var kit = new AnsweringTestKit(Guide, "guide.md");
        var notes = kit.Index.Entry(kit.IdOf("The node images provide")).Passage;

        Assert.DoesNotContain("Further notes", kit.Index.LayoutTitles);
        Assert.Equal("Further notes", LayoutHeadings.Label(kit.Index, notes));
    }

    [Fact]
    public async Task LayoutTitles_AfterAReloadThatTakesAParentAway_CountOnlyTheLivePassages()
    {
        static string Service(string name) => $"# {name}\n\n## Use cases\n\nThe {name} service is used for {name} work.\n";
        using var notes = new KnowledgeTestData.TempNotes(("a.md", Service("alpha")), ("b.md", Service("beta")), ("c.md", Service("gamma")));
        using var data = new KnowledgeTestData.TempNotes();
        using var merge = new ManualResetEventSlim();
        using var kb = new KnowledgeBase(
            Options.Create(new KnowledgeOptions { Path = notes.Folder, IndexFolder = Path.Combine(data.Folder, "index") }),
            new FakeTimeProvider())
        {
            MergeStarting = () => merge.Wait(), // the reload's deleted passages stay in the index until a merge.
        };
        for (var i = 0; i < 12; i++)
        {
            // A reload that deletes under a tenth of the passages leaves them in the index (IndexStore).
            notes.Write($"other{i}.md", $"# Other {i}\n\nThe other {i} service has no use cases.\n");
        }

        await kb.LoadAsync(CancellationToken.None);
        Assert.Contains("use cases", kb.CurrentIndex!.LayoutTitles);

        notes.Write("c.md", "# gamma\n\n## Limits\n\nThe gamma service is used for gamma work.\n");
        Assert.True((await kb.ReloadAsync(CancellationToken.None)).Succeeded);

        Assert.Equal(2, kb.CurrentIndex!.Segments);
        Assert.DoesNotContain("Use cases", kb.CurrentIndex.LayoutTitles);
        merge.Set();
        await kb.Merged;
    }
}
