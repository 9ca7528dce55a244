using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Tests.Knowledge.Answering;

/// <summary>A question that sets two things side by side is answered with both sides cited.</summary>
public sealed class ComparedSidesTests
{
    private const string Notes = """
        # Elastic Container Service (ECS)

        ECS is exclusive to Amazon and fully managed by AWS.

        It runs containers on Fargate as well.

        ## Elastic Kubernetes Service (EKS)

        EKS is open source and only partially managed.

        # Lambda

        Lambda runs functions without servers; unlike ECS it needs no cluster, and unlike EKS no nodes.
        """;

    [Theory]
    [InlineData("What is the difference between ECS and EKS?", "ecs", "eks")]
    [InlineData("ECS vs EKS", "ecs", "eks")]
    [InlineData("compare Lambda with EKS", "lambda", "eks")]
    [InlineData("how does ECS differ from EKS, in short? Between ECS and EKS", "ecs", "eks")]
    [InlineData("how does ECS differ from EKS", "ecs", "eks")]
    [InlineData("How is Lambda different from ECS?", "lambda", "ecs")]
    [InlineData("how does Lambda compare with EKS?", "lambda", "eks")]
    [InlineData("how do ECS and EKS compare?", "ecs", "eks")]
    [InlineData("how do Lambda and ECS differ on servers?", "lambda", "ecs")]
    public void ComparedSides_NamesTheConceptOnEachSide(string question, string a, string b)
    {
        using var kit = new AnsweringTestKit(Notes);

        var sides = QuestionAnalyzer.ComparedSides(kit.Analyze(question));

        Assert.NotNull(sides);
        Assert.Contains(sides.Value.A, c => c.Surface == a);
        Assert.Contains(sides.Value.B, c => c.Surface == b);
    }

    private const string FamilyNotes = """
        # AWS Shield

        AWS Shield protects against DDoS attacks.

        # AWS WAF

        AWS WAF filters requests at the application level.

        # Amazon S3 managed keys (SSE-S3)

        Amazon creates the key and manages it.

        # Customer provided keys (SSE-C)

        The customer creates the key and AWS uses it.
        """;

    [Theory]
    [InlineData("What is the difference between AWS Shield and AWS WAF?", "shield", "waf")] // "aws" is the family, on both sides.
    [InlineData("SSE-S3 vs SSE-C", "s3", "c")]                                            // a one-letter side, as a whole word.
    public void ComparedSides_TwoOfOneFamily_EachSideIsWhatNamesItAlone(string question, string a, string b)
    {
        using var kit = new AnsweringTestKit(FamilyNotes);

        var sides = QuestionAnalyzer.ComparedSides(kit.Analyze(question));

        Assert.NotNull(sides);
        Assert.Equal([a], sides.Value.A.Select(c => c.Surface));
        Assert.Equal([b], sides.Value.B.Select(c => c.Surface));
    }

    [Fact]
    public void Write_TwoOfOneFamilyBothCited_TheLeadSaysBoth()
    {
        using var kit = new AnsweringTestKit(FamilyNotes);
        const string question = "SSE-S3 vs SSE-C";
        var c = kit.Candidate(question, "The customer creates the key");
        var s3 = kit.Candidate(question, "Amazon creates the key");
        (c.Score, s3.Score) = (1.0, 0.9);

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [c, s3]);

        Assert.StartsWith("Customer provided keys (SSE-C): The customer creates the key", answer.Lead, StringComparison.Ordinal);
        Assert.EndsWith(". Amazon S3 managed keys (SSE-S3): Amazon creates the key and manages it.", answer.Lead, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What is ECS?")]                                 // nothing compared.
    [InlineData("What is the difference between ECS and ECS?")] // one thing on both sides.
    [InlineData("What is the difference between them and it?")] // no concept on either side.
    public void ComparedSides_NothingSetSideBySide_IsNull(string question)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Null(QuestionAnalyzer.ComparedSides(kit.Analyze(question)));
    }

    /// <summary>Writes the answer to <paramref name="question"/> from the passage holding <paramref name="top"/> and one
    /// far below the citation gap holding <paramref name="other"/>, which only the comparison can bring in.</summary>
    private static (Answer Answer, Passage Top, Passage Other) WriteWithOtherFarBelow(string notes, string question, string top, string other)
    {
        using var kit = new AnsweringTestKit(notes);
        var first = kit.Candidate(question, top);
        var second = kit.Candidate(question, other);
        (first.Score, second.Score) = (1.0, -5.0);
        return (AnswerWriter.Write(kit.Index, kit.Analyze(question), [first, second]), kit.Index.Entry(first.Id).Passage, kit.Index.Entry(second.Id).Passage);
    }

    [Fact]
    public void Write_TopCitationSpeaksOfOneSide_TheOtherSideIsCitedToo()
    {
        var (answer, eks, ecs) = WriteWithOtherFarBelow(Notes, "What is the difference between ECS and EKS?", "EKS is open source", "ECS is exclusive to Amazon");

        Assert.Equal(2, answer.Citations.Count);
        Assert.InRange(eks.LineStart, answer.Citations[0].LineStart, answer.Citations[0].LineEnd);
        Assert.InRange(ecs.LineStart, answer.Citations[1].LineStart, answer.Citations[1].LineEnd);
        Assert.Equal("Elastic Container Service (ECS)", answer.Citations[1].Section);
        Assert.Contains("Fargate", answer.Citations[1].Snippet, StringComparison.Ordinal); // the side's next lines too.
        Assert.StartsWith("Elastic Kubernetes Service (EKS): EKS is open source", answer.Lead, StringComparison.Ordinal);
        Assert.EndsWith(". Elastic Container Service (ECS): ECS is exclusive to Amazon and fully managed by AWS.", answer.Lead, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What is the difference between ECS and EKS?")]
    [InlineData("ECS vs EKS")]
    public void Write_BothSidesCitedByRank_TheLeadSaysBoth(string question)
    {
        using var kit = new AnsweringTestKit(Notes);
        var ecs = kit.Candidate(question, "ECS is exclusive to Amazon");
        var eks = kit.Candidate(question, "EKS is open source");
        (ecs.Score, eks.Score) = (1.0, 0.9); // near-tied: the ranker cites both sides itself.

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [ecs, eks]);

        Assert.Equal(2, answer.Citations.Count);
        Assert.StartsWith("Elastic Container Service (ECS): ECS is exclusive to Amazon", answer.Lead, StringComparison.Ordinal);
        Assert.EndsWith(". Elastic Kubernetes Service (EKS): EKS is open source and only partially managed.", answer.Lead, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-5.0)] // far below the citation gap: only the comparison brings it in, widening the citation.
    [InlineData(0.5)]  // within the gap: already cited as the first's neighbour, but not in the lead.
    public void Write_OtherSideIsALineOfTheCitedSection_OneCitationHoldsBothAndTheLeadSaysBoth(double clientScore)
    {
        using var kit = new AnsweringTestKit("""
            # Data Encryption

            - Server-side encryption protects data at rest
            - Client-side encryption protects data at rest and in transit
            """);
        const string question = "server side vs client side encryption";
        var sides = QuestionAnalyzer.ComparedSides(kit.Analyze(question));
        Assert.NotNull(sides);
        Assert.Equal(["server"], sides.Value.A.Select(c => c.Surface));                // "side" is named on both sides.
        Assert.Contains(sides.Value.B, c => c.Terms.Concat(c.Parts).Contains("client")); // "client side encryption", one concept.
        var server = kit.Candidate(question, "Server-side encryption protects");
        var client = kit.Candidate(question, "Client-side encryption protects");
        (server.Score, client.Score) = (1.0, clientScore);

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [server, client]);

        var citation = Assert.Single(answer.Citations);
        Assert.InRange(kit.Index.Entry(server.Id).Passage.LineStart, citation.LineStart, citation.LineEnd);
        Assert.Equal(kit.Index.Entry(client.Id).Passage.LineEnd, citation.LineEnd);
        Assert.Equal("Data Encryption: Server-side encryption protects data at rest. Client-side encryption protects data at rest and in transit", answer.Lead);
    }

    [Fact]
    public void Complement_SecondCitationSpeaksOfBothSides_IsNull()
    {
        using var kit = new AnsweringTestKit(Notes);
        const string question = "What is the difference between ECS and EKS?";
        var ecs = kit.Candidate(question, "ECS is exclusive to Amazon");
        var lambda = kit.Candidate(question, "Lambda runs functions"); // speaks of both: not the other side alone.

        Assert.Null(Comparison.Complement(kit.Index, QuestionAnalyzer.ComparedSides(kit.Analyze(question)), [ecs, lambda]));
    }

    [Theory]
    [InlineData("What is the difference between ECS and EKS?", 2.0)] // EKS's line is the other half of the answer.
    [InlineData("Is EKS open source?", 0.1)]                          // nothing compared: the runner-up is a rival.
    public void Margin_ComparisonSkipsTheOtherSide_ElseTheNextCandidate(string question, double expected)
    {
        using var kit = new AnsweringTestKit(Notes);
        var ecs = kit.Candidate(question, "ECS is exclusive to Amazon");
        var eks = kit.Candidate(question, "EKS is open source");
        var lambda = kit.Candidate(question, "Lambda runs functions");
        (ecs.Score, eks.Score, lambda.Score) = (3.0, 2.9, 1.0);

        var margin = Signals.Margin(new Signals.Context(kit.Index, kit.Analyze(question), null), [ecs, eks, lambda]);

        Assert.Equal(expected, margin, 6);
    }

    [Theory]
    [InlineData("What is the difference between ECS and EKS?", "Lambda runs functions")] // the top citation speaks of both.
    [InlineData("Is EKS open source?", "EKS is open source")]                             // nothing compared.
    public void Write_BothSidesCitedOrNoComparison_CitesAsRanked(string question, string top)
    {
        using var kit = new AnsweringTestKit(Notes);
        var first = kit.Candidate(question, top);
        var ecs = kit.Candidate(question, "ECS is exclusive to Amazon");
        (first.Score, ecs.Score) = (1.0, -5.0);

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [first, ecs]);

        Assert.Single(answer.Citations);
    }

    private const string NestedNotes = """
        # Docker

        - open source software that allows you to build a docker image

        # Docker image

        - read only template with everything needed to run a container

        # Containers

        - a docker image is the blueprint of a container
        - docker runs containers on a host

        # Registries

        - a registry keeps the images that teams build with docker and other tools
        """;

    [Theory]
    [InlineData("what's the difference between docker and a docker image")]
    [InlineData("docker vs docker image")]
    [InlineData("docker image vs docker")] // the longer side first.
    public void ComparedSides_OneSideInsideTheOther_TheShorterIsTheFamilyAndTheLongerAddsToIt(string question)
    {
        using var kit = new AnsweringTestKit(NestedNotes);

        var sides = QuestionAnalyzer.ComparedSides(kit.Analyze(question));

        Assert.NotNull(sides);
        var (shorter, longer) = sides.Value.A.Count < sides.Value.B.Count ? (sides.Value.A, sides.Value.B) : (sides.Value.B, sides.Value.A);
        Assert.Equal(["docker"], shorter.Select(c => c.Surface));
        Assert.Contains(longer, c => c.Surface == "image");
        Assert.Contains(question.StartsWith("docker image", StringComparison.Ordinal) ? sides.Value.A : sides.Value.B, c => c.Surface == "image");
    }

    [Theory]
    [InlineData("what is the difference between git and github")]                           // "git" is a prefix of "github", no word of it.
    [InlineData("what's the difference between continuous delivery and continuous deployment?")] // a shared word, each side its own.
    public void ComparedSides_SidesThatOnlyShareAStemOrPrefix_AreNotOneInsideTheOther(string question)
    {
        using var kit = new AnsweringTestKit("""
            # Git

            - git tracks changes

            # GitHub

            - github hosts repositories

            # Continuous delivery

            - continuous delivery keeps a manual approval before production

            # Continuous deployment

            - continuous deployment ships every change
            """);

        var sides = QuestionAnalyzer.ComparedSides(kit.Analyze(question));

        Assert.True(sides is null || (!sides.Value.A.All(sides.Value.B.Contains) && !sides.Value.B.All(sides.Value.A.Contains)));
    }

    [Theory]
    [InlineData("open source software that allows you", "shorter")] // under "Docker": its title decides, though its line says "docker image".
    [InlineData("read only template", "longer")]                    // under "Docker image".
    [InlineData("a docker image is the blueprint", "longer")]       // a title naming neither: the line that opens with it.
    [InlineData("docker runs containers", "shorter")]
    [InlineData("a registry keeps the images", "neither")]          // "docker" only in passing, apart from "images".
    public void NamesSide_OneSideInsideTheOther_APassageSpeaksOfOneAtMost(string text, string speaksOf)
    {
        using var kit = new AnsweringTestKit(NestedNotes);
        const string question = "docker vs docker image";
        var (shorter, longer) = QuestionAnalyzer.ComparedSides(kit.Analyze(question))!.Value;
        var passage = kit.Candidate(question, text);

        Assert.Equal(speaksOf == "longer", Comparison.NamesSide(kit.Index, passage, longer, shorter));
        Assert.Equal(speaksOf == "shorter", Comparison.NamesSide(kit.Index, passage, shorter, longer));
    }

    [Fact]
    public void Write_OneSideInsideTheOther_BothSidesCitedAndTheLeadSaysBoth()
    {
        var (answer, _, _) = WriteWithOtherFarBelow(NestedNotes, "what's the difference between docker and a docker image", "read only template", "open source software that allows you");

        Assert.Equal(["Docker image", "Docker"], answer.Citations.Select(c => c.Section));
        Assert.StartsWith("Docker image: read only template", answer.Lead, StringComparison.Ordinal);
        Assert.EndsWith(". Docker: open source software that allows you to build a docker image", answer.Lead, StringComparison.Ordinal);
    }
}
