using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The rules that keep wrong choices of the key's kind (issue 11, outside rating of 2026-11-30: items
/// guessable by elimination, by a stem word pointing to the key, or by grammar), one test each.</summary>
public class FairWrongChoicesTests
{
    private static Passage Line(int line, string text, string section = "Networking", string file = "net.md") =>
        NoteLines.Bullet(file, section, line, text);

    [Theory]
    [InlineData("_____ certificates to encrypt data to RDS in flight", "certificates")]
    [InlineData("update DNS records to point at the ELB's using _____ records", "records")]
    [InlineData("Local resolver queries the .com _____ server.", "server")]
    [InlineData("_____ rules are stateless", "rules")]
    [InlineData("_____ supports DAX, to cache responses", null)] // a verb: the blank is a subject
    [InlineData("_____ selects routes based on policies", null)] // -s and an object: a verb
    [InlineData("_____ is per AWS account and is enabled per region", null)]
    [InlineData("IP addresses assigned by _____ are temporary", null)]
    [InlineData("Destroy provisioners rerun on the next _____", null)]
    public void SlotHead_NounTheBlankModifies_IsTheSlot(string masked, string? expected) =>
        Assert.Equal(expected, QuestionGenerator.SlotHead(masked));

    [Fact]
    public void SlotHead_PluralBeforeAnotherWord_IsANounWhenTheNotesWriteItAfterAnArticle()
    {
        var corpus = new QuizCorpus([Line(1, "Launch the instances in a private subnet of the VPC")]);

        Assert.Null(QuestionGenerator.SlotHead("Uses t2 class _____ instances under the hood"));
        Assert.Equal("instances", QuestionGenerator.SlotHead("Uses t2 class _____ instances under the hood", corpus));
    }

    [Fact]
    public void FillsSlot_TermsTheNotesWriteBeforeTheNoun_FillIt()
    {
        // "___ records": CNAME, MX and PTR records are written in the notes; "BGP records" never is, so a learner
        // strikes BGP out by sense.
        var corpus = new QuizCorpus(
        [
            Line(1, "Point the name at the ELB using CNAME records in the zone"),
            Line(2, "MX records route mail and PTR records map an address back to a name"),
            Line(3, "BGP routes traffic between autonomous systems on the internet"),
        ]);

        Assert.True(corpus.FillsSlot("CNAME", "records"));
        Assert.True(corpus.FillsSlot("MX", "record")); // singular or plural
        Assert.True(corpus.FillsSlot("PTR", "records"));
        Assert.False(corpus.FillsSlot("BGP", "records"));
        Assert.Equal(QuizCorpus.SlotStem("addresses"), QuizCorpus.SlotStem("address"));
    }

    [Theory]
    [InlineData("SSH", true)] // "an ess-ess-aitch"
    [InlineData("SNMP", true)]
    [InlineData("ICMP", true)]
    [InlineData("TCP", false)]
    [InlineData("Elastic IP", true)]
    [InlineData("Dedicated Host", false)]
    [InlineData("8-bit key", true)]
    public void TakesAn_ByTheSoundOfTheFirstLetter(string term, bool expected) => Assert.Equal(expected, QuizText.TakesAn(term));

    [Theory]
    [InlineData("The device must have an _____ server enabled", "an")]
    [InlineData("Use a _____ reservation so the address does not change", "a")]
    [InlineData("Metrics are sent to _____ every minute", null)]
    [InlineData("Data _____ is encrypted", null)]
    public void ArticleBefore_AOrAnRightBeforeTheBlank(string masked, string? expected) =>
        Assert.Equal(expected, QuestionGenerator.ArticleBefore(masked));

    private static QuizQuestion Blank(string masked, string answer, params string[] wrong)
    {
        string[] choices = [answer, .. wrong];
        return new QuizQuestion("q", QuizQuestionKind.FillInTheBlank, $"Fill in the blank: “{masked}”", choices, 0, masked,
            new Citation("s3.md", "S3", 1, 1, masked), answer);
    }

    [Fact]
    public void StemPointsToKey_WordTheNotesWriteOnlyWithTheKey_PointsToIt()
    {
        // "status" meets HTTP in two other lines and no wrong choice: "a ___ 200 status code" is HTTP by everyday
        // knowledge (the outside rating's C31).
        var cited = Line(1, "On successful upload, S3 returns a HTTP 200 status code", "S3", "s3.md");
        var corpus = new QuizCorpus(
        [
            cited,
            Line(2, "A HTTP 404 status code says the object is missing"),
            Line(3, "HTTP status codes in the 500 range are server errors"),
            Line(4, "Every API call is signed and every URL is encoded, and the IP is logged"),
            Line(5, "The API is reached over one IP and one URL per region"),
        ]);
        var masked = "On successful upload, S3 returns a _____ 200 status code";

        Assert.True(QuestionGenerator.StemPointsToKey(Blank(masked, "HTTP", "API", "IP", "URL"), masked, cited, corpus));
    }

    [Fact]
    public void StemPointsToKey_WordAlsoWrittenWithAWrongChoiceOrAllOver_DoesNotPoint()
    {
        var cited = Line(1, "On successful upload, S3 returns a HTTP 200 status code", "S3", "s3.md");
        Passage[] lines =
        [
            cited,
            Line(2, "A HTTP 404 status code says the object is missing"),
            Line(3, "HTTP status codes in the 500 range are server errors"),
        ];
        var masked = "On successful upload, S3 returns a _____ 200 status code";

        // A wrong choice written with "status" too: the word does not single the key out.
        var withWrong = new QuizCorpus([.. lines, Line(4, "The FTP status code 550 means the file was not found")]);
        Assert.False(QuestionGenerator.StemPointsToKey(Blank(masked, "HTTP", "FTP", "SMTP", "IMAP"), masked, cited, withWrong));

        // "status" written in many lines without the key: a common word, not a pointer (PointingShare).
        var spread = new QuizCorpus([.. lines, .. Enumerable.Range(4, 4).Select(i => Line(i, $"The node status is checked every {i} seconds by the agent"))]);
        Assert.False(QuestionGenerator.StemPointsToKey(Blank(masked, "HTTP", "FTP", "SMTP", "IMAP"), masked, cited, spread));
    }

    /// <summary>A notes file where each section is a title line with its definition on the next line; the heading path
    /// of each section is given.</summary>
    private static (Passage[] Passages, Func<string, IReadOnlyList<string>?> ReadLines) Sections(params (string[] Path, string Definition, PassageKind Kind)[] sections)
    {
        const string file = "cloud/ec2.md";
        var lines = new List<string>();
        var passages = new List<Passage>();
        foreach (var (path, definition, kind) in sections)
        {
            lines.Add("## " + path[^1]);
            lines.Add(definition);
            passages.Add(new Passage(file, path[^1], path, lines.Count, lines.Count, definition, kind));
            lines.Add(string.Empty);
        }

        return (passages.ToArray(), f => f == file ? lines : null);
    }

    [Fact]
    public void Generate_TopicHeadingAncestorOrDiagram_IsNoWrongTitle()
    {
        // Only two sibling things beside the key; the other titles are the key's parent ("Purchasing Options"), a topic
        // with headings under it ("Storage Options") and a heading over a diagram ("Pricing Diagram"): a learner strikes
        // them out, so they are never offered, and the key has too few fair wrong titles for a four-choice definition.
        var (passages, readLines) = Sections(
            (["EC2", "Purchasing Options"], "Ways of paying for the compute capacity you launch", PassageKind.Paragraph),
            (["EC2", "Purchasing Options", "Reserved Instances"], "Pay upfront for what you use with a long term commitment", PassageKind.Bullet),
            (["EC2", "Purchasing Options", "Spot Instances"], "Bid for spare capacity that can be taken back at short notice", PassageKind.Bullet),
            (["EC2", "Purchasing Options", "Dedicated Hosts"], "Physical dedicated server for your own licences and sockets", PassageKind.Bullet),
            (["EC2", "Storage Options"], "Disks and object stores that instances keep their data on", PassageKind.Paragraph),
            (["EC2", "Storage Options", "Instance Store"], "Temporary block storage that is lost when the instance stops", PassageKind.Bullet),
            (["EC2", "Pricing Diagram"], "+------+ on demand +------+ reserved +------+", PassageKind.Code));

        var questions = QuestionGenerator.Generate(passages, readLines);

        Assert.DoesNotContain(questions, q => q.Answer == "Reserved Instances" && q.Choices.Count > 3);
        Assert.DoesNotContain(questions, q => q.Choices.Contains("Purchasing Options") && q.Answer != "Purchasing Options");
        Assert.DoesNotContain(questions, q => q.Choices.Contains("Storage Options") && q.Answer != "Storage Options");
        Assert.DoesNotContain(questions, q => q.Choices.Contains("Pricing Diagram"));
    }

    [Fact]
    public void Generate_HeadingUnderTheKey_IsNoWrongTitle()
    {
        // "Numerical chromosome abnormality" → Aneuploidy among Polyploidy, Trisomy and Monosomy (outside rating 56, V4):
        // the key's own note files Trisomy and Monosomy under it as its types, and its definition is true of them too.
        var (passages, readLines) = Sections(
            (["Chromosome abnormality", "Aneuploidy"], "Numerical abnormality with an atypical number of chromosomes", PassageKind.Paragraph),
            (["Chromosome abnormality", "Aneuploidy", "Types", "Monosomy"], "One chromosome less than the usual pair holds", PassageKind.Paragraph),
            (["Chromosome abnormality", "Aneuploidy", "Types", "Trisomy"], "One chromosome more than the usual pair holds", PassageKind.Paragraph),
            (["Chromosome abnormality", "Polyploidy"], "More than two complete sets of every chromosome", PassageKind.Paragraph),
            (["Chromosome abnormality", "Deletion"], "Loss of a segment of a single chromosome", PassageKind.Paragraph));

        var questions = QuestionGenerator.Generate(passages, readLines);

        Assert.DoesNotContain(questions, q => q.Answer == "Aneuploidy" && (q.Choices.Contains("Trisomy") || q.Choices.Contains("Monosomy")));
    }

    [Theory]
    [InlineData("In this section, we describe the basics of how stock and shares are used.", true)]
    [InlineData("The following chapter covers stock options.", true)]
    [InlineData("Below we'll cover how vesting works.", true)]
    [InlineData("We will explain how vesting works.", true)]
    [InlineData("This wire is for sending data from the peripheral to the controller.", false)] // "this" names the title.
    [InlineData("A section of the genome that codes for one protein.", false)]
    public void AboutThePage_ASentenceThatSpeaksOfThePage(string sentence, bool expected) =>
        Assert.Equal(expected, QuizLexicon.AboutThePage().IsMatch(sentence));

    [Fact]
    public void Generate_DefinitionWithFewerThanThreeFairWrongTitles_IsAskedBetweenTwo()
    {
        // Two wrong titles leave a coin flip once one is struck out: no definition with two. Asked between the right
        // title and its closest sibling, it needs one fair wrong title, and knowing the notes, as a yes/no does.
        var (passages, readLines) = Sections(
            (["EC2", "Reserved Instances"], "Pay upfront for what you use with a long term commitment", PassageKind.Bullet),
            (["EC2", "Spot Instances"], "Bid for spare capacity that can be taken back at short notice", PassageKind.Bullet),
            (["EC2", "Dedicated Hosts"], "Physical dedicated server for your own licences and sockets", PassageKind.Bullet));

        var questions = QuestionGenerator.Generate(passages, readLines);

        Assert.DoesNotContain(questions, q => q.Choices.Count == 3);
        var q = Assert.Single(questions, q => q.Text.Contains("“Pay upfront for what you use with a long term commitment”", StringComparison.Ordinal));
        Assert.Equal(QuizQuestionKind.Definition, q.Kind);
        Assert.Equal(2, q.Choices.Count);
        Assert.Equal("Reserved Instances", q.Answer);
        Assert.True(QuestionGenerator.IsSound(q, readLines("cloud/ec2.md")));
    }

    [Fact]
    public void Generate_TitleOverCode_IsNoWrongTermOfABlank()
    {
        // Sibling titles of the key's shape are wrong terms of a blank in the same file; one over code or a table
        // ("GWLB" over a command) names a part of the page, not a thing the notes describe (outside rating 16, U23:
        // "Runner Context" over a table beside Self-Hosted Runners), as it is no wrong title of a definition.
        Passage[] passages =
        [
            NoteLines.Bullet("aws/elb.md", "Load balancers", 1, "Any load balancer (CLB, ALB, NLB) has a static host name"),
            NoteLines.Bullet("aws/elb.md", "Load balancers", 2, "The ALB, NLB and CLB all send health checks to the targets"),
            NoteLines.Bullet("aws/elb.md", "NLB", 5, "The NLB forwards TCP traffic and handles millions of requests per second"),
            NoteLines.Bullet("aws/elb.md", "ALB", 8, "The ALB routes HTTP traffic to target groups based on the path"),
            NoteLines.Bullet("aws/elb.md", "CLB", 11, "The CLB is deprecated and supports both HTTP and TCP listeners"),
            new("aws/elb.md", "GWLB", ["GWLB"], 14, 14, "aws elbv2 create-load-balancer --type gateway", PassageKind.Code),
        ];

        var blanks = QuestionGenerator.Generate(passages).Where(q => q.Kind == QuizQuestionKind.FillInTheBlank).ToList();

        Assert.NotEmpty(blanks);
        Assert.DoesNotContain(blanks, q => q.Choices.Contains("GWLB"));
    }

    [Theory]
    [InlineData("packets", "port", "ports")] // the notes write "ports": offered in the key's number
    [InlineData("packets", "socket", null)] // "sockets" never written: no choice
    [InlineData("packets", "streaming", null)] // no plural at all
    [InlineData("packets", "frames", "frames")] // both plural
    [InlineData("packet", "ports", "port")] // a singular key takes singular rivals
    [InlineData("router", "switch", "switch")] // both singular
    [InlineData("packets", "TCP", "TCP")] // an acronym's number is not the sentence's
    [InlineData("packets", "Load Balancer", "Load Balancer")] // nor a name's
    public void InKeysNumber_ABlanksRival_TakesTheKeysNumberOrIsNoChoice(string key, string term, string? expected)
    {
        // Outside rating 24 (R59, R60): "the path _____ take" with packets among socket, streaming and port — only
        // the plural reads right.
        var corpus = new QuizCorpus(
        [
            Line(1, "A packet crosses a router on its way; packets take many paths"),
            Line(2, "A port number names the service; well-known ports are below 1024"),
            Line(3, "Frames and a frame check; a socket and a switch; streaming video"),
        ]);

        Assert.Equal(expected, QuestionGenerator.InKeysNumber(key, term, corpus));
    }

    [Theory]
    [InlineData("terraform init", "Terraform Cloud", true)] // a command beside a product (outside ratings 25–27)
    [InlineData("cron daemon", "System Daemons", true)]
    [InlineData("Strict Policy", "security measures", true)]
    [InlineData("terraform init", "terraform plan", false)]
    [InlineData("packets", "TCP", false)] // an acronym is neither
    [InlineData("Spot Instances", "Reserved Instances", false)]
    [InlineData("CloudWatch", "CloudTrail", false)]
    public void CasedApart_LowerCaseWordsBesideCapitalisedNames(string key, string wrong, bool apart) =>
        Assert.Equal(apart, QuestionGenerator.CasedApart(key, wrong));
}
