using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Semantic;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>Contrasts: "Which of these two is described in the notes as “…”?", a line of one section asked between its
/// title and the sibling whose section says something else on the same point.</summary>
public class ContrastTests
{
    private const string File = "aws/containers.md";

    private static readonly double Frame = Math.Sqrt(0.5);

    /// <summary>Two sibling sections under one parent heading, each with its bullets.</summary>
    private static (Passage[] Passages, Func<string, IReadOnlyList<string>?> ReadLines) Siblings(params (string Title, string[] Bullets)[] sections)
    {
        var lines = new List<string> { "# Containers", string.Empty };
        var passages = new List<Passage>();
        foreach (var (title, bullets) in sections)
        {
            lines.Add("## " + title);
            foreach (var b in bullets)
            {
                lines.Add("- " + b);
                passages.Add(new Passage(File, title, ["Containers", title], lines.Count, lines.Count, b, PassageKind.Bullet));
            }

            lines.Add(string.Empty);
        }

        return (passages.ToArray(), f => f == File ? lines : null);
    }

    private static List<QuizQuestion> Contrasts(Passage[] passages, Func<string, IReadOnlyList<string>?> readLines, ITextEmbedder? model) =>
        QuestionGenerator.Generate(passages, readLines, model).Where(q => q.Kind == QuizQuestionKind.Contrast).ToList();

    private const string Ecs = "Elastic Container Service";
    private const string Eks = "Elastic Kubernetes Service";
    private const string EcsRest = "Container Service";
    private const string EksRest = "Kubernetes Service";
    private const string EcsDefinition = "Runs containers on machines that you pick";
    private const string EksDefinition = "Runs pods on the nodes of a cluster";
    private const string Managed = "Fully managed by AWS for simple apps";
    private const string Partly = "Partially managed, the user keeps the flexibility";

    /// <summary>The two container services, each opening with its definition, then the given lines; the model puts
    /// the two titles (also without their shared "Elastic") and the two management lines in one frame (0.5), every other
    /// text apart.</summary>
    private static (Passage[] Passages, Func<string, IReadOnlyList<string>?> ReadLines, ChosenEmbedder Model) Services(
        string[] ecs, string[] eks, params (string Text, double ToAnchor)[] alsoLiked)
    {
        var (passages, readLines) = Siblings((Ecs, [EcsDefinition, Managed, .. ecs]), (Eks, [EksDefinition, Partly, .. eks]));
        return (passages, readLines, new ChosenEmbedder([(Ecs, Frame), (Eks, Frame), (EcsRest, Frame), (EksRest, Frame), (Managed, Frame), (Partly, Frame), .. alsoLiked]));
    }

    [Fact]
    public void Generate_SiblingsThatSaySomethingElseOnOnePoint_AreAskedBetweenTheTwo()
    {
        var (passages, readLines, model) = Services(["Billed for the tasks that run"], ["Billed per cluster and per hour"]);

        var asked = Contrasts(passages, readLines, model);

        var managed = Assert.Single(asked, q => q.Answer == Ecs);
        Assert.Equal($"Which of these two is described in the notes as “{Managed}”?", managed.Text);
        Assert.Equal([Ecs, Eks], managed.Choices.Order(StringComparer.Ordinal));
        Assert.Contains(Partly, managed.Explanation, StringComparison.Ordinal); // the reveal says why the other is wrong
        Assert.Equal(3, managed.Citation.LineStart); // from the title, which holds the key, to the line
        Assert.Equal(5, managed.Citation.LineEnd);
        Assert.Single(asked, q => q.Answer == Eks && q.Text.Contains(Partly, StringComparison.Ordinal));

        // The billing lines are in no frame the model sees (similarity 0): the sibling may be billed the same way.
        Assert.DoesNotContain(asked, q => q.Text.Contains("Billed", StringComparison.Ordinal));
    }

    [Fact]
    public void AreAlternatives_NeighbouringTopicsOfOneParent_AreNot()
    {
        // Outside ratings 14 and 24: "Lambda Function Dependencies" against "Lambda Environment Variables" for "For Java,
        // include the relevant .jar files" — two topics of Lambda, not two ways of one thing; a learner rules the other
        // out by its name. The shared "Lambda" makes the whole titles alike (0.5); without it the rest is not (0). The
        // contrasts of the container services above hold only because their rests are listed alike.
        const string deps = "Lambda Function Dependencies";
        const string vars = "Lambda Environment Variables";
        var apart = new KindSimilarity(new ChosenEmbedder((deps, Frame), (vars, Frame)));
        var alike = new KindSimilarity(new ChosenEmbedder((deps, Frame), (vars, Frame), ("Function Dependencies", Frame), ("Environment Variables", Frame)));

        Assert.False(QuestionGenerator.AreAlternatives(deps, vars, apart));
        Assert.True(QuestionGenerator.AreAlternatives(deps, vars, alike));
        Assert.True(QuestionGenerator.AreAlternatives(deps, vars, KindSimilarity.None)); // no model, no verdict
    }

    [Theory]
    [InlineData("Lambda Function Dependencies", "Lambda Environment Variables", "Function Dependencies", "Environment Variables")]
    [InlineData("Elastic Container Service", "Elastic Kubernets Service", "Container Service", "Kubernets Service")]
    [InlineData("Pure Aloha", "Slotted Aloha", "Pure Aloha", "Slotted Aloha")]
    [InlineData("AWS S3 - Versioning", "AWS S3 - Consistency Model", "Versioning", "Consistency Model")]
    [InlineData("Monolithic", "Micro Services", "Monolithic", "Micro Services")]
    [InlineData("The Interface Segregation Principle", "The Liskov Substitution Principle", "The Interface Segregation Principle", "The Liskov Substitution Principle")]
    public void WithoutSharedOpening_SetsAsideTheWordsBothOpenWith(string a, string b, string restA, string restB) =>
        Assert.Equal((restA, restB), QuizText.WithoutSharedOpening(a, b));

    [Fact]
    public void Generate_LineTheSiblingAlsoSays_IsNotAsked()
    {
        // 0.95 by the model: the other section says it too, so both choices would be right.
        var near = Math.Sqrt(0.95);
        var (passages, readLines, model) = Services(["Scales the containers of your services"], ["Scales the containers of your services too"],
            ("Scales the containers of your services", near), ("Scales the containers of your services too", near));

        var asked = Contrasts(passages, readLines, model);

        Assert.DoesNotContain(asked, q => q.Text.Contains("Scales", StringComparison.Ordinal));
        Assert.Contains(asked, q => q.Text.Contains(Managed, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_LineTheSiblingWritesInsideALongerParagraph_IsNotAsked()
    {
        // Outside rating 59, Q30: an Obsidian note breaks a paragraph's lines without a blank one, so Deletion's "Often
        // *harmful* <= *disrupts* gene balance" and the line after it were one passage, too unlike Duplication's same
        // line alone for the model (0.5 here), and the line was asked between the two with both right.
        const string shared = "Often harmful, it disrupts the balance";
        const string more = "Lethal if it runs out of memory";
        string[] lines =
        [
            "# Containers", "", "## " + Ecs, "- " + EcsDefinition, "- " + Managed, "", "Often *harmful*, it *disrupts* the balance", more, "",
            "## " + Eks, "- " + EksDefinition, "- " + Partly, "- " + shared, "",
        ];
        Passage P(string title, int line, int end, string text, PassageKind kind) => new(File, title, ["Containers", title], line, end, text, kind);
        Passage[] passages =
        [
            P(Ecs, 4, 4, EcsDefinition, PassageKind.Bullet), P(Ecs, 5, 5, Managed, PassageKind.Bullet), P(Ecs, 7, 8, shared + " " + more, PassageKind.Paragraph),
            P(Eks, 11, 11, EksDefinition, PassageKind.Bullet), P(Eks, 12, 12, Partly, PassageKind.Bullet), P(Eks, 13, 13, shared, PassageKind.Bullet),
        ];
        var model = new ChosenEmbedder((Ecs, Frame), (Eks, Frame), (EcsRest, Frame), (EksRest, Frame), (Managed, Frame), (Partly, Frame),
            (shared, Frame), (shared + " " + more, Frame));

        var asked = Contrasts(passages, f => f == File ? lines : null, model);

        Assert.DoesNotContain(asked, q => q.Text == $"Which of these two is described in the notes as “{shared}”?");
        Assert.Contains(asked, q => q.Text.Contains(Managed, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_NameWithNothingSaidOfIt_IsNoLineToAsk()
    {
        // "Amazon Kinesis Data Firehose" under one section and "Amazon Simple Queue Service" under the other: names listed,
        // no word in lower case, nothing said of either.
        var (passages, readLines, model) = Services(["Amazon Kinesis Data Firehose"], ["Amazon Simple Queue Service"],
            ("Amazon Kinesis Data Firehose", Frame), ("Amazon Simple Queue Service", Frame));

        var asked = Contrasts(passages, readLines, model);

        Assert.DoesNotContain(asked, q => q.Text.Contains("Amazon", StringComparison.Ordinal));
        Assert.Contains(asked, q => q.Text.Contains(Managed, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_LineAboutIt_CouldBeSaidOfEither()
    {
        var (passages, readLines, model) = Services(["By default it is billed by the second"], ["Billed by the hour for each cluster"],
            ("By default it is billed by the second", Frame), ("Billed by the hour for each cluster", Frame));

        var asked = Contrasts(passages, readLines, model);

        Assert.DoesNotContain(asked, q => q.Text.Contains("By default it", StringComparison.Ordinal));
        Assert.Contains(asked, q => q.Text.Contains("Billed by the hour", StringComparison.Ordinal)); // said of its subject
    }

    [Fact]
    public void Generate_LineThatOpensWithAPronoun_IsNotAsked()
    {
        // Outside ratings 17, 28, 31 (L9, U10, X22): "It attaches the filesystem on /dev/sdb1 …" between two headings,
        // rated a defect three times; "attaches" is no lexicon verb, so the "it"-subject check of the line did not see it.
        // Two lines of each section, so that the cap of two contrasts per pair is not what leaves it out.
        const string It = "It attaches the volume to one instance at a time";
        const string Many = "Attaches the volume to many nodes at once";
        var (passages, readLines, model) = Services([It], [Many], (It, Frame), (Many, Frame));

        var asked = Contrasts(passages, readLines, model);

        Assert.DoesNotContain(asked, q => q.Text.Contains(It, StringComparison.Ordinal));
        Assert.Contains(asked, q => q.Text.Contains(Many, StringComparison.Ordinal)); // said of its subject
    }

    [Fact]
    public void Generate_HeadingOverAListOfOtherThings_IsNoChoice()
    {
        // "Encryption Methods" opens with "KMS - …": its bullets are other things, not what the heading is (outside
        // rating 14: "which heading is this under").
        var (passages, readLines) = Siblings(
            ("Envelope Encryption", ["Encrypts the data key with a master key", "Two levels of encryption for the data"]),
            ("Encryption Methods", ["KMS - managed encryption keys", "CloudHSM - hardware based key storage for the data"]));
        var model = new ChosenEmbedder(("Envelope Encryption", Frame), ("Encryption Methods", Frame),
            ("Two levels of encryption for the data", Frame), ("CloudHSM - hardware based key storage for the data", Frame));

        Assert.Empty(Contrasts(passages, readLines, model));
    }

    [Theory]
    [InlineData(13, true)] // 15 lines with the definition and the management line
    [InlineData(14, false)]
    public void Generate_SectionOfManyLines_IsATopicNotAThing(int more, bool asked)
    {
        // "Core Services" and "Cloud Computing" in the AWS notes hold 30 lines and more each, about their subtopics;
        // neither way round is asked: beside a topic, the short section's sibling is no thing either.
        var many = Enumerable.Range(1, more).Select(i => $"Service number {i} is billed by the hour").ToArray();
        var (passages, readLines, model) = Services(many, [], [.. many.Select(l => (l, Frame))]);

        Assert.Equal(asked, Contrasts(passages, readLines, model).Count > 0);
    }

    [Fact]
    public void Generate_OneSiblingAskedAgainstTheSameOther_AtMostTwice()
    {
        string[] lines = ["Holds the key in the cloud", "Holds the logs in the cloud", "Holds the data in the cloud"];
        var (passages, readLines, model) = Services(lines, [], [.. lines.Select(l => (l, Frame))]);

        Assert.Equal(2, Contrasts(passages, readLines, model).Count(q => q.Answer == Ecs));
    }

    /// <summary>Notes as the seed writes them: "# Elastic Container Service" and its lines, then a plain line "Elastic
    /// Kubernets Service" over the next list, which the parser files under the heading above it.</summary>
    private static (Passage[] Passages, Func<string, IReadOnlyList<string>?> ReadLines) HeadingThenPlainTitle(
        string heading, string[] headingLines, string title, string[] titleLines)
    {
        var lines = new List<string> { "# " + heading };
        var passages = new List<Passage>();
        foreach (var b in headingLines)
        {
            lines.Add("- " + b);
            passages.Add(new Passage(File, heading, [heading], lines.Count, lines.Count, b, PassageKind.Bullet));
        }

        lines.AddRange([string.Empty, title, string.Empty]);
        foreach (var b in titleLines)
        {
            lines.Add("- " + b);
            passages.Add(new Passage(File, title, [heading, title], lines.Count, lines.Count, b, PassageKind.Bullet));
        }

        return (passages.ToArray(), f => f == File ? lines : null);
    }

    private const string Exclusive = "Exclusive to Amazon";
    private const string Simple = "simple apps";
    private const string FullyManaged = "Fully managed by AWS";
    private const string OpenSource = "Used by most cloud Services (open source)";
    private const string PartlyManaged = "Partially managed, user has flexibility"; // the seed's line less its garble ("is has")

    [Fact]
    public void Generate_PlainTitleUnderAHeadingOfItsFamily_IsItsSibling()
    {
        // The seed's container services: ECS's lines say what it is like but none defines it; EKS opens with a
        // definition. Two services of one family, set side by side on who manages them.
        var (passages, readLines) = HeadingThenPlainTitle(Ecs, [Exclusive, FullyManaged, Simple], Eks, [OpenSource, PartlyManaged]);
        var model = new ChosenEmbedder((Ecs, Frame), (Eks, Frame), (EcsRest, Frame), (EksRest, Frame), (FullyManaged, Frame), (PartlyManaged, Frame));

        var asked = Contrasts(passages, readLines, model);

        var managed = Assert.Single(asked, q => q.Text.Contains(FullyManaged, StringComparison.Ordinal));
        Assert.Equal(Ecs, managed.Answer);
        Assert.Equal([Ecs, Eks], managed.Choices.Order(StringComparer.Ordinal));
        Assert.Single(asked, q => q.Answer == Eks && q.Text.Contains(PartlyManaged, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_PlainTitleUnderAHeadingOfAnotherName_StaysItsPart()
    {
        // "Docker" under "# Container Services": a thing the topic gathers, not a sibling to tell apart from it.
        const string topic = "Container Services";
        const string docker = "Docker";
        var (passages, readLines) = HeadingThenPlainTitle(topic, ["Containers are tiny virtual machines", "used to run micro services"],
            docker, ["open source software that builds container images", "only helps to create images"]);
        var model = new ChosenEmbedder((topic, Frame), (docker, Frame), ("used to run micro services", Frame), ("only helps to create images", Frame));

        Assert.Empty(Contrasts(passages, readLines, model));
    }

    [Fact]
    public void Generate_SectionThatDefinesNothingAndGathersLists_IsNoChoice()
    {
        // "S3 Security" over "Resource based" and its policies: a heading over other things, even beside a sibling of
        // its family ("S3 Websites") whose lines speak of the same point. Three titles open with "S3": a family name,
        // not one subject.
        var lines = new List<string>
        {
            "# Storage", string.Empty, "## S3 Websites", "- Hosts static websites from a bucket", "- Bucket policies allow public reads",
            string.Empty, "## S3 Security", "- User based", "  - IAM policies - calls allowed for a user", "- Resource based",
            "  - Bucket policies - allow cross account access", "- Networking", "  - Support VPC endpoints for private traffic",
            string.Empty, "## S3 Replication", "- Copies objects to a bucket in another region",
        };
        // A label's passage spans the items nested under it, as the parser emits it; each nested item is a passage too.
        Passage P(string section, int line, int end = 0) => new(File, section, ["Storage", section], line, Math.Max(line, end),
            string.Join('\n', lines[(line - 1)..Math.Max(line, end)].Select(l => l.TrimStart(' ', '-'))), PassageKind.Bullet);
        Passage[] passages =
        [
            P("S3 Websites", 4), P("S3 Websites", 5), P("S3 Security", 8, 9), P("S3 Security", 9), P("S3 Security", 10, 11), P("S3 Security", 11),
            P("S3 Security", 12, 13), P("S3 Security", 13), P("S3 Replication", 16),
        ];
        var model = new ChosenEmbedder(("S3 Websites", Frame), ("S3 Security", Frame), ("Bucket policies allow public reads", Frame),
            ("Support VPC endpoints for private traffic", Frame), ("Bucket policies allow cross account access", Frame));

        Assert.Empty(Contrasts(passages, f => f == File ? lines : null, model));
    }

    [Theory]
    [InlineData("    - Memory and CPU required", true)] // under "It contains crucial information around:"
    [InlineData("  * Decrease time to retry in case a part fails", true)]
    [InlineData("\t1. Parallelizes PUTs", true)]
    [InlineData("- Fully managed by AWS", false)]
    [InlineData("  Fully managed by AWS, a wrapped line of a paragraph", false)]
    public void IsSubItem_AListItemIndentedUnderAnother_SaysSomethingOfItsParentLine(string line, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.IsSubItem(new Passage(File, "ECS", ["ECS"], 2, 2, line.Trim(), PassageKind.Bullet), ["## ECS", line]));

    [Fact]
    public void Generate_SubItemOfASectionsLine_IsNotAsked()
    {
        // Outside rating 24, R29: "Memory and CPU required" asked alone, a fragment of "It contains …:" above it.
        var (passages, readLines, model) = Services([], []);
        var lines = readLines(File)!.ToList();
        var at = lines.IndexOf("- " + Managed);
        lines[at] = "    - " + Managed;

        Assert.DoesNotContain(Contrasts(passages, f => f == File ? lines : null, model), q => q.Text.Contains(Managed, StringComparison.Ordinal));
        Assert.Contains(Contrasts(passages, readLines, model), q => q.Text.Contains(Managed, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Used for content filtering, caching, and monitoring.", "Caching Proxy", "Transparent Proxy", true)] // outside rating 24, R3
    [InlineData("Intercepts traffic without any client configuration.", "Caching Proxy", "Transparent Proxy", false)]
    [InlineData("Proxy that forwards every request.", "Caching Proxy", "Transparent Proxy", false)] // a word of both titles
    [InlineData("Stations transmit whenever they have data.", "Slotted Aloha", "Pure Aloha", false)]
    public void NamesTheOther_TheLineHoldsTheWordThatSetsTheOtherTitleApart(string line, string other, string key, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.NamesTheOther(line, other, key));

    [Fact]
    public void Generate_WithoutTheModel_NoContrast()
    {
        var (passages, readLines, _) = Services([], []);

        Assert.Empty(Contrasts(passages, readLines, model: null));
    }
}
