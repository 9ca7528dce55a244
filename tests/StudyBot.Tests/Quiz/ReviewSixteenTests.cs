using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>Outside rating 16 on notes the item model never saw (tests/data/corpora3): definitions whose choices are the
/// page's layout — numbered parts ("III. Interpretation"), capitalised labels over a list of points ("Risks:", "Flows to
/// Domain 4 (Access):") — rather than things the notes define.</summary>
public class ReviewSixteenTests
{
    [Theory]
    [InlineData("III. Interpretation", true)] // U19
    [InlineData("II. Probability of New Example", true)]
    [InlineData("B) Setup", true)]
    [InlineData("2. Results", true)]
    [InlineData("IPv6 Header", false)]
    [InlineData("Layer 4 (Transport Layer)", false)]
    [InlineData("I/O Scheduling", false)]
    [InlineData("CI Pipelines", false)]
    public void OpensWithEnumerator_NumberedPartsOfThePage(string heading, bool expected) =>
        Assert.Equal(expected, QuizText.OpensWithEnumerator(heading));

    [Fact]
    public void IsNameTitle_NumberedPartOfThePage_IsNoKey()
    {
        Assert.False(QuestionGenerator.IsNameTitle("III. Interpretation"));
        Assert.False(QuestionGenerator.IsNameTitle("IV. Discussion"));
        Assert.True(QuestionGenerator.IsNameTitle("Interpretation Layer")); // a name that happens to start with I
    }

    [Theory]
    [InlineData("**Risks:**", "- Third-party apps may request excessive permissions", true)] // U16
    [InlineData("**Flows to Domain 4 (Access)**:", "- Team Sync mirrors IdP groups into GitHub teams", true)] // U11
    [InlineData("**ReAct Cycle:**", "- Reason about the task, then act", false)] // a name: the notes never write "react" in lower case
    [InlineData("> **EBS:**", "-   Allows users to have data persistence", false)]
    [InlineData("**Risks:**", "Third-party apps may request excessive permissions.", false)] // no list
    public void LeadsIntoList_LabelInWordsTheNotesWriteInLowerCase_IsALeadIn(string title, string item, bool expected)
    {
        var common = new HashSet<string>(["risks", "flows", "domain", "access", "cycle", "allows"], StringComparer.OrdinalIgnoreCase);

        Assert.Equal(expected, QuestionGenerator.LeadsIntoList([title, string.Empty, item], 1, 3, common.Contains));
    }

    [Fact]
    public void LeadsIntoList_WithoutTheNotesUsage_ReadsTheTitlesOwnCasing() =>
        Assert.False(QuestionGenerator.LeadsIntoList(["**Risks:**", string.Empty, "- Third-party apps may request excessive permissions"], 1, 3));

    [Theory]
    [InlineData("_____: Employing the chain rule to calculate the partial derivatives of the cost function", "Gradient Computation", true)] // U25
    [InlineData("_____ — TCP and UDP, supports authentication", "SOCKS5", false)] // a name: the term the line defines
    [InlineData("_____: block storage volumes for one instance", "Elastic Block Store", false)] // "elastic" never in lower case
    [InlineData("The cost is computed by _____ over every example", "Gradient Computation", false)] // no label
    public void StepLabel_BlankThatIsANumberedItemsLabelInCommonWords_IsAFragment(string masked, string key, bool expected)
    {
        var common = new HashSet<string>(["gradient", "computation", "block", "store"], StringComparer.OrdinalIgnoreCase);

        Assert.Equal(expected, QuestionGenerator.StepLabel(masked, key, common.Contains));
    }

    [Theory]
    [InlineData("The GH-500 exam is for Developers, DevOps Engineers, and Security Engineers working with GHAS.", true)] // U17
    [InlineData("The exam expects you to understand how to read CloudFormation templates", true)]
    [InlineData("The GHAS licence covers code scanning and secret scanning for private repositories", false)]
    [InlineData("The final exam grade is not a fact", false)] // "final" is no name
    public void IsAboutTheCourse_ANamedExam_IsNoFact(string line, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.IsAboutTheCourse(line));

    [Fact]
    public void IsNameWord_TheNotesUsage_TellsNamesFromCapitalisedEnglish()
    {
        var corpus = new QuizCorpus(
        [
            NoteLines.Bullet("ops.md", "Deploys", 1, "We deploy the stack with Terraform every day"),
            NoteLines.Bullet("ops.md", "Deploys", 2, "The team runs Terraform in the pipeline"),
            NoteLines.Bullet("ops.md", "Risks", 3, "Risks come from third-party apps"),
            NoteLines.Bullet("ops.md", "Risks", 4, "Review the risks before installing an app"),
        ]);

        Assert.True(corpus.IsNameWord("Terraform")); // capitalised inside sentences
        Assert.True(corpus.IsNameWord("EBS"));
        Assert.False(corpus.IsNameWord("Risks")); // capitalised only where a line opens
        Assert.False(corpus.IsNameWord("Flows")); // never written: nothing says it is a name
        Assert.True(corpus.IsCommonWord("Risks"));
        Assert.True(corpus.IsCommonWord("Flows"));
        Assert.False(corpus.IsCommonWord("Terraform"));
        Assert.False(corpus.IsCommonWord("EBS"));
    }

    [Theory]
    [InlineData("Supporting (Domain 2 — 11%): SAML SSO vs _____ vs Team Sync — understand the distinctions cold.", true)]
    [InlineData("_____ vs. UDP: which one retransmits", true)]
    [InlineData("TCP versus _____", true)]
    [InlineData("_____ provides reliable, ordered delivery on top of IP datagrams", false)]
    [InlineData("Prefer Alias over _____ for the zone apex", false)]
    public void IsListMember_BlankInAListJoinedByVs_AnyMemberFits(string masked, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.IsListMember(masked));

    [Theory]
    [InlineData("- **Custom organization roles** let you delegate selected administrative capabilities", "Organization Roles", true)] // U10
    [InlineData("- **Spot Instances**: short workloads, for cheap, can lose instances", "Spot Instances", false)] // the whole name
    [InlineData("- Use **CodeQL** and **Snyk** with different category values", "CodeQL", false)]
    [InlineData("- **Always encrypt the volumes of production databases with KMS keys**", "KMS", false)] // a bold sentence is no name
    [InlineData("- Custom organization roles let you delegate selected administrative capabilities", "Organization Roles", false)]
    public void CutsEmphasis_BlankTakingPartOfAnEmphasisedName_IsAFragment(string line, string key, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.CutsEmphasis(line, key));

    [Theory]
    [InlineData("**Compression**: Reducing data size for storage or faster processing.", "Compression with PCA", true)]
    [InlineData("Compression — reducing data size for storage", "Compression", true)]
    [InlineData("**Visualization**: With k=2 or k=3, data can be plotted", "Compression with PCA", false)]
    [InlineData("Compression with PCA speeds up learning algorithms", "Compression with PCA", false)] // no label: a sentence
    public void LabelsTheKey_ASectionThatListsTheKey_IsNoWrongTitle(string line, string key, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.LabelsTheKey(line, key));

    [Theory]
    [InlineData("Must be valid JSON conforming to the SARIF 2.1.0 schema", "SARIF File Requirements", false)] // U1: a requirement
    [InlineData("Can be attached to one instance at a time in the same zone", "EBS Volumes", false)]
    [InlineData("Threat detection service that continuously monitors your accounts", "AWS Guardduty", true)]
    public void IsDefiningLine_ALineOpeningWithAModal_SaysWhatIsRequiredNotWhatItIs(string line, string title, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.IsDefiningLine(line, title));
}
