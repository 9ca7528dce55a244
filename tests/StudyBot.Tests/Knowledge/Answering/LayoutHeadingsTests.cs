using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Tests.Knowledge.Answering;

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

        Assert.Contains("One Paragraph Explainer", LayoutHeadings.Of(kit.Index));
        Assert.StartsWith("Run the container as a non-root user: By default Docker runs", answer.Lead, StringComparison.Ordinal);
        Assert.Equal("One Paragraph Explainer", answer.Citations[0].Section); // the citation keeps the section it is in.
    }

    [Fact]
    public void Label_HeadingUnderTwoParents_StaysTheLabel()
    {
        using var kit = new AnsweringTestKit(Guide, "guide.md");
        var notes = kit.Index.Entry(kit.IdOf("The node images provide")).Passage;

        Assert.DoesNotContain("Further notes", LayoutHeadings.Of(kit.Index));
        Assert.Equal("Further notes", LayoutHeadings.Label(kit.Index, notes));
    }
}
