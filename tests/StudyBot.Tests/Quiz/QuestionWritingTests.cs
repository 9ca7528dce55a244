using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The defects found by hand-rating the bank (issue 11), one test each.</summary>
public class QuestionWritingTests
{
    private static Passage Line(string file, string section, int line, string text, PassageKind kind = PassageKind.Bullet, params string[] parents) =>
        new(file, section, [.. parents, section], line, line, text, kind);

    private static IReadOnlyList<QuizQuestion> Seed() => QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines);

    [Fact]
    public void Generate_TruncatedQuestion_IsNotAsked()
    {
        // "Can I use AWS KMS Key to encrypt data in?" → "No" teaches a false fact.
        Assert.DoesNotContain(Seed(), q => q.Text.StartsWith("Can I use AWS KMS Key", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_TwoBulletsTakenAsAQuestion_AreNotAsked()
    {
        Assert.DoesNotContain(Seed(), q => q.Text.StartsWith("AWS Secure", StringComparison.Ordinal));
        Assert.True(QuestionGenerator.IsAskable("Can we create un-encrypted EBS volume from an encrypted snapshot?"));
        Assert.False(QuestionGenerator.IsAskable("Container tiny vms??"));
    }

    [Fact]
    public void Generate_LineAttachedToTheWrongSection_IsNotKeyedToIt()
    {
        // Line 86 (https) sits under "Does HSM can be placed …" and far from "Hardware Security Module - CloudSHM".
        Assert.DoesNotContain(Seed(), q => q.Kind == QuizQuestionKind.Definition && q.Text.Contains("https", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_ReadmeSourcesLicenseAndIndexFiles_GiveNoQuestions()
    {
        var passages = new[] { "README.md", "SOURCES.md", "docs/LICENSE.md", "index.md" }
            .SelectMany(f => Enumerable.Range(1, 6).Select(i => Line(f, "Files", i, $"The WAF{i} module protects the API{i} gateway against injection attacks")))
            .ToList();

        Assert.Empty(QuestionGenerator.Generate(passages));
        Assert.True(QuestionGenerator.IsContentFile("cloud/aws.md"));
        Assert.False(QuestionGenerator.IsContentFile("practice/tcpdump/README.md"));
    }

    [Theory]
    [InlineData("Metric: appconnect | Meaning: Time to complete TLS handshake (0 for HTTP)")]
    [InlineData("See the [AWS docs](https://docs.aws.amazon.com) for the list of regions")]
    [InlineData("Best practices:")]
    [InlineData("Separation of concern: create many stacks for many apps, and")]
    [InlineData("and then the VPC routes the traffic to the internet gateway")]
    [InlineData("DevOps (CI/CD Pipeline) Description: Practices for automating deployment. Source: Azure DevOps")]
    public void IsStatement_PipesLinksAndFragments_AreNotFacts(string line) => Assert.False(QuestionGenerator.IsStatement(line));

    [Fact]
    public void IsStatement_CompleteLine_IsAFact() =>
        Assert.True(QuestionGenerator.IsStatement("RAM utilization is a custom metric and must be added manually to EC2 instances"));

    [Theory]
    [InlineData("Best practices")]
    [InlineData("Phases")]
    [InlineData("SDK Takeaways")]
    [InlineData("Capacity = Bandwidth * log2(1 + SNR)")]
    [InlineData("2.3 Establishing Private Connectivity")]
    [InlineData("ASGs have the following attributes")]
    [InlineData("Vertex AI simplifies this with")]
    public void IsNameTitle_GenericOrCutHeadings_AreNoKeys(string title) => Assert.False(QuestionGenerator.IsNameTitle(title));

    [Theory]
    [InlineData("AWS Shield")]
    [InlineData("Transparent Proxy")]
    [InlineData("Go-Back-N (GBN)")]
    public void IsNameTitle_NamesOfThings_AreKeys(string title) => Assert.True(QuestionGenerator.IsNameTitle(title));

    [Theory]
    [InlineData("Admins will create and configure storageclasses in advance", "StorageClass")]
    [InlineData("The Service Level Agreement is the minimum time Azure commits to", "SLA")]
    [InlineData("Put an ELB in front of the instances", "Elastic Load Balancer")]
    [InlineData("Default number of seconds for the _____ (Time to Live) on records", "TTL")]
    [InlineData("Client: I ACKnowledge your ISN", "ACK")]
    [InlineData("Dynamic Port Forwarding (SOCKS Proxy)", "SOCKS5")]
    [InlineData("Cross Origin Resource Sharing limits the websites that can request your files", "S3 Cors")]
    [InlineData("_____: encryption using keys handled & managed by KMS", "SSE-KMS")]
    [InlineData("Server-side keys managed by S3 are called SSE-S3", "S3 managed keys (SSE-S3)")]
    public void Reveals_KeyInAnotherForm_True(string text, string key) => Assert.True(QuizText.Reveals(text, key));

    [Theory]
    [InlineData("Helps relieve load in _____", "RDS")]
    [InlineData("Important points to remember", "IP")]
    public void Reveals_UnrelatedText_False(string text, string key) => Assert.False(QuizText.Reveals(text, key));

    [Fact]
    public void Generate_TermInManyLines_IsTheKeyOfAtMostTwoBlanks()
    {
        var passages = Enumerable.Range(1, 40)
            .Select(i => Line("net/ip.md", "Addressing", i, $"Every host number {i} needs an IPAM entry and the router forwards it on subnet {i} quickly"))
            .Concat(Enumerable.Range(1, 10).Select(i => Line("net/ip.md", "Addressing", 100 + i, $"The DHCP{i} server leases addresses to clients on subnet {i}")))
            .ToList();

        var blanks = QuestionGenerator.Generate(passages).Where(q => q.Kind == QuizQuestionKind.FillInTheBlank).ToList();

        Assert.All(blanks.GroupBy(q => q.Answer), g => Assert.InRange(g.Count(), 1, 2));
    }

    [Fact]
    public void Generate_ShoutedEnglishWords_AreNeverKeysOrChoices()
    {
        var passages = new List<Passage>();
        for (var i = 1; i <= 12; i++)
        {
            passages.Add(Line("aws/s3.md", "S3", i, $"You can ONLY use SSE-KMS or SSE-C with bucket policy number {i} if the role allows it"));
            passages.Add(Line("aws/s3.md", "S3", 100 + i, $"The only way to share bucket {i} is to use the policy that the account owner creates"));
        }

        var choices = QuestionGenerator.Generate(passages).SelectMany(q => q.Choices);

        Assert.DoesNotContain("ONLY", choices);
    }

    [Fact]
    public void Generate_TermsListedTogether_AreEachOthersWrongChoices()
    {
        Passage[] passages =
        [
            Line("aws/elb.md", "Load balancers", 1, "Any load balancer (CLB, ALB, NLB) has a static host name"),
            Line("aws/elb.md", "Load balancers", 2, "The ALB, NLB and CLB all send health checks to the targets"),
            Line("aws/elb.md", "Network Load Balancer", 5, "The NLB forwards TCP traffic and handles millions of requests per second"),
            Line("aws/elb.md", "Application Load Balancer", 8, "The ALB routes HTTP traffic to target groups based on the path"),
            Line("aws/elb.md", "Classic Load Balancer", 11, "The CLB is deprecated and supports both HTTP and TCP listeners"),
            Line("aws/elb.md", "Other", 14, "The TCP protocol keeps the connection open while HTTP sends requests"),
        ];

        var q = Assert.Single(QuestionGenerator.Generate(passages), q => q.Kind == QuizQuestionKind.FillInTheBlank && q.Answer == "NLB");

        Assert.Contains("_____ forwards TCP traffic", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("NLB", q.Text, StringComparison.Ordinal);
        Assert.Contains("ALB", q.Choices);
        Assert.Contains("CLB", q.Choices);
    }

    [Fact]
    public void Generate_TermsWrittenWithASlash_AreNeverEachOthersWrongChoice()
    {
        var passages = Enumerable.Range(1, 4).Select(i => Line("net/tls.md", "TLS", i, $"SSL/TLS certificate number {i} is checked by the browser"))
            .Append(Line("net/tls.md", "TLS", 10, "Terraform Cloud protects the state with TLS while it travels over the network"))
            .Append(Line("net/tls.md", "TLS", 11, "The VPN and the SSH tunnel encrypt traffic between offices"))
            .Append(Line("net/tls.md", "TLS", 12, "The SSH client and the VPN gateway use keys that the admin rotates"))
            .ToList();

        Assert.All(
            QuestionGenerator.Generate(passages).Where(q => q.Answer == "TLS"),
            q => Assert.DoesNotContain("SSL", q.Choices));
    }

    [Fact]
    public void Generate_EveryQuestion_PassesItsOwnChecks()
    {
        foreach (var q in Seed().Where(q => q.Kind != QuizQuestionKind.YesNo))
        {
            Assert.DoesNotContain("|", q.Text, StringComparison.Ordinal);
            Assert.True(q.Text.Split("_____").Length <= 2, q.Text);
        }
    }
}
