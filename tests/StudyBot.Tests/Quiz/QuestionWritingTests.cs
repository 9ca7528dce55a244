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

        // Beside a page of notes, they describe the notes.
        passages.Add(Line("cloud/aws.md", "Regions", 1, "Regions"));

        Assert.DoesNotContain(QuestionGenerator.Generate(passages), q => !q.Citation.File.StartsWith("cloud/", StringComparison.Ordinal));
        Assert.True(QuestionGenerator.IsContentFile("cloud/aws.md"));
        Assert.False(QuestionGenerator.IsContentFile("practice/tcpdump/README.md"));
        Assert.DoesNotContain(QuestionGenerator.ContentPassages(passages), p => p.File != "cloud/aws.md");
    }

    [Fact]
    public void ContentPassages_NotesKeptAsReadmesAlone_AreTheReadmes()
    {
        // The System Design Primer: a README.md per folder, no other page; its licence is no page of notes.
        var passages = new[] { "README.md", "solutions/twitter/README.md", "LICENSE.md", "SOURCES.md" }
            .Select(f => Line(f, "Consistency", 1, "Weak consistency: after a write, reads may or may not see it."))
            .ToList();

        Assert.Equal(["README.md", "solutions/twitter/README.md"], QuestionGenerator.ContentPassages(passages).Select(p => p.File));
    }

    [Theory]
    [InlineData("Metric: appconnect | Meaning: Time to complete TLS handshake (0 for HTTP)")]
    [InlineData("See the [AWS docs](https://docs.aws.amazon.com) for the list of regions")]
    [InlineData("Best practices:")]
    [InlineData("Separation of concern: create many stacks for many apps, and")]
    [InlineData("and then the VPC routes the traffic to the internet gateway")]
    [InlineData("DevOps (CI/CD Pipeline) Description: Practices for automating deployment. Source: Azure DevOps")]
    [InlineData("::: tip Exam Question Pattern Questions about runners usually test whether you know where they are hosted")] // review 16, U22
    [InlineData("[ ] Remind yourself: EMU accounts are provisioned from the identity provider with SCIM")] // U18
    [InlineData("In that case, GitHub may still ingest the results that were uploaded before the failure")] // U5
    [InlineData("Otherwise the runner downloads every new version of the application on its own")]
    [InlineData("Especially if and when it makes sense to move a project to a legal entity outside of the company.")] // rating 62, P2
    public void IsStatement_PipesLinksAndFragments_AreNotFacts(string line) => Assert.False(QuestionGenerator.IsStatement(line));

    [Fact]
    public void IsDefiningLine_ALabelsLineThatContinuesItsLabel_IsNoDefinition()
    {
        // "**Governance:** Especially if and when it makes sense to …" reads on from the label, not as what governance is
        // (outside rating 62, P2); the same line without the opener does.
        Assert.False(QuestionGenerator.IsDefiningLine("Especially if and when it makes sense to move a project to a legal entity outside of the company.", "Governance"));
        Assert.True(QuestionGenerator.IsDefiningLine("The rules for making decisions in a project and for settling disputes", "Governance"));
    }

    [Fact]
    public void IsDefiningLine_ALineThatSaysWhatItsOwnSubjectMeans_IsNoDefinitionOfItsSection()
    {
        // A figure's caption under "Polar bonds" says what its sign means, not what polar bonds are (outside ratings 62,
        // P6, and 63, R14: "asks which heading a caption sits under"); the section's own description stays one.
        Assert.False(QuestionGenerator.IsDefiningLine("The delta+ means the indicated atom is electron deficient.", "Polar bonds"));
        Assert.True(QuestionGenerator.IsDefiningLine("Bonding between atoms of different electronegativity values results in unequal sharing of electrons.", "Polar bonds"));
    }

    [Theory]
    [InlineData("An example of one of these conditions could be someone avoiding triggering a migraine by using _____ to turn an application dark.", true)]
    [InlineData("Those settings are kept in _____ between sessions.", true)]
    [InlineData("Migraines, epilepsy and vertigo: these conditions are eased by _____.", false)]
    [InlineData("Using _____ it is then possible to change main back to the commit it was before.", false)]
    public void PointsBack_TheseOrThoseWithoutTheirList_TrueWhenTheListIsInLinesNotShown(string masked, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.PointsBack(masked));

    [Fact]
    public void IsDefiningLine_AnInstructionToTheReader_IsNoDefinition()
    {
        // A lecturer's "Consider …" before a figure says nothing of what its section's title is (outside rating 62, P68;
        // rating 59, Q6): the facts' check of such openers holds for definitions too.
        Assert.False(QuestionGenerator.IsDefiningLine("Consider the relative acidities of three different compounds containing C-H bonds", "Hybridization effects"));
        Assert.True(QuestionGenerator.IsDefiningLine("The acidity of a C-H bond grows with the s-character of its carbon", "Hybridization effects"));
    }

    [Fact]
    public void IsStatement_CompleteLine_IsAFact()
    {
        Assert.True(QuestionGenerator.IsStatement("RAM utilization is a custom metric and must be added manually to EC2 instances"));
        Assert.True(QuestionGenerator.IsStatement("In thatched roofs the straw keeps the rain out of the loft")); // "in that" as part of other words
        Assert.False(QuestionGenerator.IsMarkupOrReference("Dependabot alerts work without GHAS once the dependency graph is on"));
    }

    [Theory]
    [InlineData("Best practices")]
    [InlineData("Phases")]
    [InlineData("SDK Takeaways")]
    [InlineData("Capacity = Bandwidth * log2(1 + SNR)")]
    [InlineData("2.3 Establishing Private Connectivity")]
    [InlineData("ASGs have the following attributes")]
    [InlineData("Vertex AI simplifies this with")]
    [InlineData("Deploy some pods to test")]
    [InlineData("Defining a Gen AI Agent")]
    [InlineData("Techniques")]
    [InlineData("Defining Conditions")]
    [InlineData("Choosing the Right Cable")]
    [InlineData("Applications of PCA")] // outside rating 53, P20/P59: contrasted with its own member "Compression with PCA"
    [InlineData("Uses of Bloom Filters")]
    [InlineData("Properties of Triple Bonds")] // outside rating 65, P13: offered beside Polar and Ionic bonds
    [InlineData("Features of VirtualBox")] // offered beside Full Virtualization and Application Virtualization
    public void IsNameTitle_GenericOrCutHeadings_AreNoKeys(string title) => Assert.False(QuestionGenerator.IsNameTitle(title));

    [Theory]
    [InlineData("AWS Shield")]
    [InlineData("Transparent Proxy")]
    [InlineData("Go-Back-N (GBN)")]
    [InlineData("Compression with PCA")]
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
    [InlineData("_____ — Upgrade an existing plaintext connection to TLS.", "STARTTLS")]
    [InlineData("The Option Enum", "Option<T>")] // a generic type by its name (outside rating 31)
    [InlineData("Recoverable Errors with Result", "Result<T, E>")]
    [InlineData("Implementing One-vs-All", "one_vs_all")] // an identifier by its words (outside rating 68, D76)
    [InlineData("Check with hasOwnProperty first", "has_own_property")]
    [InlineData("the one vs all classifiers", "OneVsAll")]
    public void Reveals_KeyInAnotherForm_True(string text, string key) => Assert.True(QuizText.Reveals(text, key));

    [Theory]
    [InlineData("Helps relieve load in _____", "RDS")]
    [InlineData("Important points to remember", "IP")]
    [InlineData("Storing Lists of Values with Vectors", "HashMap<K, V>")]
    [InlineData("one of all the classifiers", "one_vs_all")] // the identifier's words, but not in its order
    [InlineData("Training the classifiers", "predict_one_vs_all")]
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

    // ---- Defect classes of the rating of 2026-11-30 (docs/quiz-rating-2026-11-30.md) -------------------------------

    [Fact]
    public void Generate_YesNoQuestionWhoseAnswerIsNoYesOrNo_IsNotAsked()
    {
        // Two sibling bullets ("Can we prevent issues before they happen?" / "Performance and Cost") are no pair: the
        // question wants a yes or a no and the next bullet gives neither.
        Passage Qa(int line, string question, string answer) =>
            new("ops/monitoring.md", "Internal monitoring", ["Internal monitoring"], line, line + 1, question + "\n" + answer, PassageKind.QuestionAnswer, question, answer);
        Passage[] passages =
        [
            Qa(1, "Can we prevent issues before they happen?", "Performance and Cost"),
            Qa(4, "What does CloudWatch collect from the instances?", "Metrics such as CPU and network traffic"),
            Qa(7, "What does CloudTrail record for the account?", "Every API call made in the account"),
            Qa(10, "What does Config keep for each resource?", "A history of its configuration changes"),
        ];

        var questions = QuestionGenerator.Generate(passages);

        Assert.DoesNotContain(questions, q => q.Text.StartsWith("Can we prevent issues", StringComparison.Ordinal));
        Assert.Contains(questions, q => q.Kind == QuizQuestionKind.QuestionAnswer);
    }

    [Theory]
    [InlineData("etcd -> Key value store. Source of truth for everything in the cluster", "Control Plane")]
    [InlineData("Deployments and Replicaset - for managing stateful resources", "Built in workloads")]
    [InlineData("Short distances and cost-sensitive: Use copper twisted pair (CAT-5e or CAT-6).", "Choosing the Right Cable")]
    [InlineData("OSI Layer: Layer 2 (Data Link)", "Access Point")]
    [InlineData("VPN Client — Software on the user's device that initiates the VPN connection", "VPN Components")]
    [InlineData("Elastic Load Balancing (Application Load Balancer)", "Lambda Synchronous Invocations")]
    [InlineData("S3, SNS, CloudWatch Events…", "Lambda Asynchronous Invocations")]
    [InlineData("EC2 instances run the ECS agent (Docker container)", "ECS Clusters")]
    [InlineData("CPU and RAM is tracked in CloudWatch at the ECS service level", "ECS – Service Auto Scaling")]
    [InlineData("DR / BDR (Designated Router / Backup DR) — elected on multi-access segments", "Key OSPF concepts")]
    public void IsDefiningLine_ListItemWithItsOwnLabelOrANameOnly_IsNoDefinition(string line, string title) =>
        Assert.False(QuestionGenerator.IsDefiningLine(line, title));

    [Theory]
    [InlineData("Threat detection service that continously monitor malicious activity and unathorized behavior", "AWS Guardduty")]
    [InlineData("Routes each new request to the server with the fewest active connections.", "Least Connections")]
    [InlineData("Physical dedicated Ec2 server for your use", "Dedicated Hosts")]
    public void IsDefiningLine_Description_IsADefinition(string line, string title) =>
        Assert.True(QuestionGenerator.IsDefiningLine(line, title));

    [Theory]
    [InlineData("_____ (Classless Inter-Domain Routing) notation uses a slash followed by the number of network bits", "CIDR")]
    [InlineData("All IAM users should have _____ (Multi-Factor Authentication) enabled", "MFA")]
    [InlineData("Login sends back a JSON Web Token (_____)", "JWT")]
    public void Reveals_ExpansionWithHyphensOrCapitals_True(string text, string key) => Assert.True(QuizText.Reveals(text, key));

    [Theory]
    [InlineData("Terraform Cloud (_____) is a free to use, self-service SaaS platform")]
    [InlineData("Pay-as-you-go (_____) charges monthly for the services used")]
    [InlineData("_____ (Service Set Identifier) is the network name that clients see.")]
    [InlineData("kill -9 $_____ will kill a process")]
    [InlineData("String must contain ${_____} and will substitute them")]
    [InlineData("We use Fn::_____ to return a named value from a specific key")]
    [InlineData("Host is the target hostname (required in _____.1)")]
    [InlineData("Regulatory compliance needs segmentation (e.g., PCI _____ for payment card data).")]
    [InlineData("Microservices run well in containers (example: Docker and Amazon _____ clusters)")]
    [InlineData("S3 _____ (Infrequently accessed) still replicates data to other zones")]
    public void BlankStandsAlone_KeySpelledOutBesideOrGluedToAnotherName_False(string masked) =>
        Assert.False(QuestionGenerator.BlankStandsAlone(masked));

    [Theory]
    [InlineData("Ethernet switches forward frames based on their _____ address tables.")]
    [InlineData("A LAN is inherently more secure than a _____ because its traffic never leaves the local network.")]
    [InlineData("The _____'s have separate inbound and outbound rules")]
    [InlineData("It should be avoided in favor of _____.")]
    public void BlankStandsAlone_OneTermInASentence_True(string masked) => Assert.True(QuestionGenerator.BlankStandsAlone(masked));

    [Theory]
    [InlineData("Only available for Provisioned IOPS volumes on the instance")]
    [InlineData("Uses multicast addresses 224.0.0.5 for all routers of the area")]
    [InlineData("Used to capture any kind of modification of the tables")]
    [InlineData("Similar to OSPF but uses a different addressing scheme")]
    [InlineData("Lets you establish a dedicated network connection to AWS")]
    [InlineData("It can be detached from an instance and attached to another one quickly")]
    [InlineData("Offers more bandwidth and a more consistent network experience over using VPN based solutions")]
    [InlineData("Guarantees the delivery of every segment")]
    public void HasSubject_LineThatStartsWithItsPredicate_False(string line) => Assert.False(QuestionGenerator.HasSubject(line));

    [Theory]
    [InlineData("Ethernet switches operate at Layer 2 and forward frames")]
    [InlineData("Creating an ASG is similar to creating a new EC2 instance")]
    [InlineData("All data in Amazon S3 are automatically encrypted")]
    [InlineData("Pods share the network namespace of their node")]
    [InlineData("Routers forward packets between networks")]
    public void HasSubject_Sentence_True(string line) => Assert.True(QuestionGenerator.HasSubject(line));

    [Theory]
    [InlineData("It will not continue until it receives _____.", true)]
    [InlineData("This is why many hardware commands require _____.", true)]
    [InlineData("These are usually mounted automatically during boot.", true)]
    [InlineData("Their _____ records are cached for an hour", true)]
    [InlineData("We can create an export with our variable before running _____", false)] // "we" points at no earlier line
    [InlineData("There is no NAT between the _____ and the node", false)]
    [InlineData("Items of a _____ are kept in insertion order", false)] // a word that starts like "it"
    [InlineData("_____ support is a little bit complicated.", false)]
    public void OpensWithReference_PronounOrDemonstrativeFirst(string stem, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.OpensWithReference(stem));

    [Fact]
    public void Check_BlankWhoseLineOpensWithAPronoun_IsRefusedEvenWithItsSectionShown()
    {
        // Outside rating 17 (L22): "Fill in the blank (Interpretation): “It will not continue until it receives _____.”"
        // — what "it" is (a stopped process) is in the line before. A blank may lean on its section only by its
        // predicate ("Only available for …" under "Monitoring EBS"), not by a pronoun.
        const string line = "It will not continue until it receives SIGCONT.";
        var corpus = new QuizCorpus([Line("ps.md", "Interpretation", 1, "T means the process is stopped."), Line("ps.md", "Interpretation", 2, line)]);
        var citation = new Citation("ps.md", "Interpretation", 2, 2, line);
        const string masked = "It will not continue until it receives _____.";
        var q = NoteLines.Question(QuizQuestionKind.FillInTheBlank, $"Fill in the blank (Interpretation): “{masked}”", line, citation, "SIGCONT", "SIGKILL", "SIGTERM", "SIGHUP");

        Assert.Equal(QuestionGenerator.StemOpensWithReference, QuestionGenerator.Check(new QuestionGenerator.Candidate(q, masked, "Interpretation", 1), corpus));

        // A definition's "this" is its title, the key ("This wire is for sending data …" for MISO, rated good twice).
        const string wire = "This wire is for sending data from the peripheral to the controller.";
        var definition = NoteLines.Question(QuizQuestionKind.Definition, $"Which of these is described in the notes as “{wire}”?", wire, citation, "MISO", "MOSI", "SCLK", "CS");
        Assert.NotEqual(QuestionGenerator.StemOpensWithReference, QuestionGenerator.Check(new QuestionGenerator.Candidate(definition, wire, string.Empty, 1), corpus));
    }

    [Fact]
    public void Generate_SubjectlessLineUnderAnOrganisingHeading_IsNoBlank()
    {
        // "Only available for Provisioned IOPS (___) volumes" under "Monitoring EBS": what is only available?
        var passages = Enumerable.Range(1, 3).SelectMany(i => new[]
        {
            Line("aws/ebs.md", "Monitoring EBS", i * 10, $"Only available for volumes of type IO{i} when the metric is turned on"),
            Line("aws/ebs.md", "Volume types", (i * 10) + 1, $"The IO{i} volume type gives a fixed number of operations per second to the instance"),
        }).ToList();

        Assert.DoesNotContain(QuestionGenerator.Generate(passages), q => q.Text.Contains("Only available", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_TypoOfAFrequentTerm_IsNeitherKeyNorWrongChoice()
    {
        // "IPS" written once for IOPS: as a key it teaches the typo, beside IOPS it is a second right answer.
        var passages = Enumerable.Range(1, 6)
            .Select(i => Line("aws/ebs.md", "EBS volumes", i, $"Provisioned volumes deliver the IOPS that volume number {i} was created with"))
            .Append(Line("aws/ebs.md", "EBS volumes", 20, "Operations smaller than 256K each count as one consumed IPS on the volume"))
            .Append(Line("aws/ebs.md", "EBS volumes", 21, "Volumes smaller than 256K still report one consumed IPS each second"))
            .Append(Line("aws/ebs.md", "EBS volumes", 22, "The HDD volume type gives a high throughput for large sequential reads and writes"))
            .Append(Line("aws/ebs.md", "EBS volumes", 23, "The SSD volume type and the HDD volume type both report their metrics to CloudWatch"))
            .Append(Line("aws/ebs.md", "EBS volumes", 24, "The KMS key encrypts the SSD volume and every snapshot taken from it"))
            .ToList();

        var questions = QuestionGenerator.Generate(passages);

        Assert.DoesNotContain(questions, q => q.Answer == "IPS");
        Assert.DoesNotContain(questions, q => q.Answer == "IOPS" && q.Choices.Contains("IPS"));
    }

    [Fact]
    public void Generate_TermInAQuarterOfItsFile_IsNoBlank()
    {
        // "deploy ___ models" in notes on an AI certification: AI is what the whole file is about.
        var passages = Enumerable.Range(1, 12)
            .Select(i => Line("cloud/ai-engineer.md", "Services", i, i % 4 == 0
                ? $"Use containers to package and deploy AI models for application number {i}"
                : $"The SDK number {i} connects the application to the storage account over HTTPS"))
            .Append(Line("cloud/other.md", "Other", 1, "The AI service and the ML service both bill by the hour of compute"))
            .Append(Line("cloud/other.md", "Other", 2, "The ML service and the AI service both run in the same region as the data"))
            .ToList();

        Assert.DoesNotContain(QuestionGenerator.Generate(passages), q => q.Kind == QuizQuestionKind.FillInTheBlank && q.Answer == "AI");
    }

    [Fact]
    public void Generate_SectionThatHoldsTheKeyTitle_IsNoWrongChoiceForIt()
    {
        // "Convertible Reserved Instances" is a kind of "Reserved Instances": a second right answer.
        Passage Title(string title, int line, string text) => new("aws/ec2.md", title, ["EC2 Pricing", title], line, line, text, PassageKind.Bullet);
        Passage[] passages =
        [
            Title("Reserved Instances", 2, "Pay upfront for what you use with a long term commitment"),
            Title("Convertible Reserved Instances", 5, "Change the instance family of the reservation during its term"),
            Title("Spot Instances", 8, "Bid for spare capacity that can be taken back at short notice"),
            Title("Dedicated Hosts", 11, "Physical dedicated server for your own licences and sockets"),
            Title("Savings Plans", 14, "Commit to an hourly spend across families and regions"),
        ];
        string[] lines = [.. Enumerable.Range(1, 15).Select(i => passages.FirstOrDefault(p => p.LineStart == i + 1)?.Section ?? passages.FirstOrDefault(p => p.LineStart == i)?.Text ?? string.Empty)];

        var q = Assert.Single(QuestionGenerator.Generate(passages, _ => lines), q => q.Kind == QuizQuestionKind.Definition && q.Answer == "Reserved Instances");

        Assert.DoesNotContain("Convertible Reserved Instances", q.Choices);
    }

    [Fact]
    public void Generate_DefinitionOfAService_OffersTheServicesOfItsKindFirst()
    {
        // "AWS Guardduty" beside "Data Encryption" and "Dev Sec Ops" is the only service: picked by elimination.
        var q = Assert.Single(Seed(), q => q.Kind == QuizQuestionKind.Definition && q.Answer == "AWS Shield");

        Assert.Contains("AWS Guardduty", q.Choices);
        Assert.True(QuestionGenerator.SameKindOfName("Spot Instances", "Dedicated Instances"));
        Assert.False(QuestionGenerator.SameKindOfName("AWS Shield", "Data Encryption"));
    }

    [Fact]
    public void Generate_BlankWithTooLittleAroundIt_IsNotAsked()
    {
        // "An ___ is different than a NAT": nothing in the sentence points at one answer.
        var passages = Enumerable.Range(1, 3).SelectMany(i => new[]
        {
            Line("aws/vpc.md", "Load balancing", i * 10, $"An ELB{i} is different than a NAT{i}"),
            Line("aws/vpc.md", "Load balancing", (i * 10) + 1, $"The ELB{i} spreads incoming requests over the NAT{i} instances of every zone"),
            Line("aws/vpc.md", "Load balancing", (i * 10) + 2, $"The NAT{i} sends outgoing traffic of the private subnets through the ELB{i} listeners"),
        }).ToList();

        Assert.DoesNotContain(QuestionGenerator.Generate(passages), q => q.Text.Contains("is different than", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Stateless is like IPO: Input, Processing, Output. Each request stands alone.", "Stateless Protocols", "Stateful Protocols", "Comparing Architectures")]
    [InlineData("Applications query ElastiCache, if not available, get from RDS and store in ElastiCache", "Solution Architecture - DB Cache", "EBS Snapshots", "EBS Encryption")]
    [InlineData("The switch must receive the entire packet before forwarding it.", "Store-and-Forward", "Latency", "Throughput")]
    public void DistinctiveWordVisible_WordOfTheKeyInTheStem_True(string stem, string answer, string wrong1, string wrong2)
    {
        var q = new QuizQuestion("q", QuizQuestionKind.Definition, stem, [answer, wrong1, wrong2], 0, stem, new Citation("a.md", answer, 1, 2, stem), answer);

        Assert.True(QuestionGenerator.DistinctiveWordVisible(q, stem));
    }

    [Fact]
    public void Generate_TwoTitlesOfOneSubject_AreNotEachOthersWrongChoice()
    {
        // "Combines reasoning and action" is what the ReAct Cycle does too.
        string[] titles = ["ReAct Framework", "ReAct Cycle", "Role Prompting", "Prompt Chaining", "Chain-of-Thought Prompting"];
        string[] lines = ["Combines reasoning and action in one loop", "Thought, then action, then observation of the result",
            "Guide the model by assigning a persona", "Feed the output of one prompt into the next prompt", "Guides the model through step-by-step reasoning"];
        var passages = titles.Select((t, i) => new Passage("ai/prompting.md", t, ["Prompting", t], (i * 3) + 2, (i * 3) + 2, lines[i], PassageKind.Bullet)).ToList();
        string[] file = [.. Enumerable.Range(1, 16).Select(n => (n - 1) % 3 == 0 && (n - 1) / 3 < titles.Length ? titles[(n - 1) / 3] : (n - 2) % 3 == 0 && (n - 2) / 3 < lines.Length ? lines[(n - 2) / 3] : string.Empty)];

        var q = Assert.Single(QuestionGenerator.Generate(passages, _ => file), q => q.Kind == QuizQuestionKind.Definition && q.Answer == "ReAct Framework");

        Assert.DoesNotContain("ReAct Cycle", q.Choices);
    }

    [Theory]
    [InlineData("AWS SDK are required when coding against AWS Services such as _____", true)]
    [InlineData("Another way to set variables is by using the command-line, for example _____ -var=\"vpcname=cliname\"", true)]
    [InlineData("Routing protocols (e.g. _____) exchange routes", true)]
    [InlineData("OSPF, BGP, _____ and RIP are routing protocols", true)]
    [InlineData("Alias records work like _____ records in that you can map one DNS name to another", false)]
    [InlineData("_____ provides reliable, ordered delivery on top of IP datagrams", false)]
    public void IsListMember_BlankInAListOrAnExample_AnyMemberFits(string masked, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.IsListMember(masked));

    [Theory]
    [InlineData("cname", "cnames", true)]
    [InlineData("classes", "class", true)]
    [InlineData("cname", "cname", false)]
    [InlineData("tls", "ssl", false)]
    public void SingularAndPlural_OneChoiceThePluralOfAnother_AreOne(string a, string b, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.SingularAndPlural(a, b));
    /// <summary>Book-style prose: a hard-wrapped paragraph of several sentences, longer than the parser's chunk of six
    /// lines. Its facts are its sentences, each cited by the lines it spans, also across the chunk boundary.</summary>
    private const string ProseNote = """
        ## Routing

        Routers forward packets between networks by reading the destination address of
        each packet. A router keeps a routing table that maps each destination network
        to the next hop on the path. This table is filled in by hand or learnt from
        neighbours through a routing protocol. Let's look at how a packet crosses two
        routers in Listing 3-1. A packet whose time to live reaches zero is dropped by
        the router that holds it. The Border Gateway Protocol exchanges routes between
        the autonomous systems that make up the internet. We'll see the protocol again
        in Chapter 7. Why does a router drop such a packet? It stops packets from
        looping forever between two routers. See the previous section for the details.

        {{#include ../listings/routing/src/main.c:here}}
        """;

    [Fact]
    public void CandidateFacts_LongProseParagraph_TakesEachStandaloneSentenceWithItsOwnLines()
    {
        var lines = ProseNote.Split('\n');
        var passages = NotesParser.Parse("net/routing.md", ProseNote).Select(e => e.Passage).ToList();

        var facts = QuestionGenerator.CandidateFacts(passages, lines);

        Assert.Equal(
            [
                (3, 4, "Routers forward packets between networks by reading the destination address of each packet."),
                (4, 5, "A router keeps a routing table that maps each destination network to the next hop on the path."),
                (7, 8, "A packet whose time to live reaches zero is dropped by the router that holds it."),
                (8, 9, "The Border Gateway Protocol exchanges routes between the autonomous systems that make up the internet."),
            ],
            facts.Select(f => (f.Passage.LineStart, f.Passage.LineEnd, f.Text)));
        Assert.All(facts, f => Assert.Equal("Routing", f.Passage.Section));
    }

    /// <summary>A reference page: under each heading a link to the source, then the statement as a quotation.</summary>
    private const string LawsNote = """
        ## Laws

        ### Brooks' Law

        [Brooks' Law on Wikipedia](https://en.wikipedia.org/wiki/Brooks%27s_law)

        > Adding human resources to a late software development project makes it later.

        ### Conway's Law

        [Conway's Law on Wikipedia](https://en.wikipedia.org/wiki/Conway%27s_law)

        > Organizations which design systems are constrained to produce designs which copy their communication structures.

        ### Parkinson's Law

        [Parkinson's Law on Wikipedia](https://en.wikipedia.org/wiki/Parkinson%27s_law)

        > Work expands so as to fill the time available for its completion.

        ### Hofstadter's Law

        [Hofstadter's Law on Wikipedia](https://en.wikipedia.org/wiki/Hofstadter%27s_law)

        > It always takes longer than you expect, even when you take into account the estimate.
        """;

    [Fact]
    public void Generate_StatementUnderAReferenceLink_DefinesTheHeading()
    {
        // Before, the link took the heading's place as the section title and the statement sat too far below the
        // heading to be its definition: a page of 56 laws gave no question at all.
        var passages = NotesParser.Parse("laws.md", LawsNote).Select(e => e.Passage).ToList();
        var lines = LawsNote.Split('\n');

        var questions = QuestionGenerator.Generate(passages, _ => lines);

        var brooks = Assert.Single(questions, q => q.Answer == "Brooks' Law");
        Assert.Equal(QuizQuestionKind.Definition, brooks.Kind);
        Assert.Contains("late software development project", brooks.Text, StringComparison.Ordinal);
        Assert.Contains("Parkinson's Law", brooks.Choices);
    }

    [Theory]
    [InlineData(new[] { "### Brooks' Law", "", "> Adding people makes it later." }, true)] // right under it
    [InlineData(new[] { "### Brooks' Law", "", "[Brooks' Law on Wikipedia](https://w.org/b)", "", "> Adding people makes it later." }, true)]
    [InlineData(new[] { "### Brooks' Law", "", "- [Source](https://w.org/b)", "", "> Adding people makes it later." }, true)]
    [InlineData(new[] { "### Brooks' Law", "", "Some other remark on the law.", "", "> Adding people makes it later." }, false)] // words of its own
    [InlineData(new[] { "### Brooks' Law", "", "See [the source](https://w.org/b) for more.", "", "> Adding people makes it later." }, false)]
    public void RightUnderTitle_OnlyBlankLinesAndReferenceLinksBetween(string[] lines, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.RightUnderTitle(lines, 1, lines.Length));

    [Fact]
    public void CandidateFacts_ShortParagraph_IsStillOneFact()
    {
        // Two sentences over two lines, the second leaning on the first: one fact, as the notes' lines always were.
        const string note = "## BGP\n\nBGP is the routing protocol that glues the internet together. It routes traffic\nbetween autonomous systems.\n";
        var passages = NotesParser.Parse("net/routing.md", note).Select(e => e.Passage).ToList();

        var fact = Assert.Single(QuestionGenerator.CandidateFacts(passages, note.Split('\n')));

        Assert.Equal((3, 4), (fact.Passage.LineStart, fact.Passage.LineEnd));
    }

    [Theory]
    [InlineData("Routers forward packets. A router keeps a table.", new[] { "Routers forward packets.", "A router keeps a table." })]
    [InlineData("Some protocols, e.g. OSPF, flood link states. Version 2.0 adds areas.", new[] { "Some protocols, e.g. OSPF, flood link states.", "Version 2.0 adds areas." })]
    [InlineData("The router answers (with an error.) Then it waits!", new[] { "The router answers (with an error.)", "Then it waits!" })]
    [InlineData("Is it routed? Yes, by the gateway.", new[] { "Is it routed?", "Yes, by the gateway." })]
    public void Sentences_SplitsAtTheEndOfASentence_NotAtAbbreviationsOrDecimals(string text, string[] expected) =>
        Assert.Equal(expected, Sentences.Of([(1, text)]).Select(s => s.Text));

    [Theory]
    [InlineData("This table is filled in by hand or learnt from neighbours through a routing protocol.")] // points back
    [InlineData("It stops packets from looping forever between two routers in a network.")]
    [InlineData("These ampersands represent references to some value without taking ownership of it.")]
    [InlineData("However, the gateway drops every packet whose checksum does not match its header.")]
    [InlineData("For example, if you remove a route from the table, the gateway keeps forwarding to it.")]
    [InlineData("Think of a router as a post office that reads the address on every letter it gets.")]
    [InlineData("Let's look at how a packet crosses two routers on its way to the server.")] // the walkthrough
    [InlineData("We'll see how the gateway drops a packet whose checksum does not match.")]
    [InlineData("Next, we pass the address of the packet to the function that routes it.")]
    [InlineData("Listing 3-1 shows a router that forwards every packet to the default gateway.")] // a cross-reference
    [InlineData("The gateway drops such packets, as described in Chapter 7 of the handbook.")]
    [InlineData("Note that the gateway drops every packet whose checksum does not match its header.")] // an instruction
    [InlineData("Consider a router that forwards every packet to the default gateway of the network.")]
    [InlineData("The code above forwards every packet to the default gateway of the network.")] // the text around it
    [InlineData("In the following example the router forwards every packet to the default gateway.")]
    [InlineData("A router forwards every packet to the default gateway of the network")] // cut off: no full stop
    [InlineData("whose checksum does not match is dropped by the gateway of the network.")] // starts mid-sentence
    [InlineData("The gateway drops every packet whose checksum does not match its header!")]
    public void IsSentenceFact_SentenceThatDoesNotStandAlone_IsNoFact(string sentence) =>
        Assert.False(QuestionGenerator.IsSentenceFact(sentence));

    [Theory]
    [InlineData("The Border Gateway Protocol exchanges routes between the autonomous systems of the internet.")]
    [InlineData("A packet whose time to live reaches zero is dropped by the router that holds it.")]
    [InlineData("Both the stack and the heap are parts of memory available to your code at runtime.")]
    [InlineData("The arguments of a function are pushed onto the stack when it is called (in order).")]
    public void IsSentenceFact_StandaloneStatement_IsAFact(string sentence) =>
        Assert.True(QuestionGenerator.IsSentenceFact(sentence));

    [Theory]
    [InlineData("Here, s will be a &str that contains the first 4 bytes of the string. Earlier, we mentioned that each of these characters was 2 bytes.", true)]
    [InlineData("Next, we’ll look at a different kind of reference: slices.", true)]
    [InlineData("Voila! We got our removed file back. git reflog is also useful when rebasing goes terribly wrong.", true)] // outside rating 53, P58
    [InlineData("It matches! There’s no value to add to, so the program stops and returns the None value on the right side of =>.", true)]
    [InlineData("The assert! macro, provided by the standard library, is useful when you want to ensure that some condition in a test evaluates to true.", false)]
    [InlineData("BGP is the routing protocol that glues the internet together. It routes traffic between autonomous systems.", false)]
    [InlineData("It can be attached to one instance at a time and is replicated within its zone.", false)] // leans on its section, shown
    [InlineData("Important: If we have a local state and change to the S3 backend, when we execute terraform init the system asks us to copy the state.", false)]
    [InlineData("For now, know that the Vec<T> type provided by the standard library can hold any type.", true)] // outside rating 65, P62
    [InlineData("Note that toString will get called whenever the obj is used in an index position.", true)] // outside rating 65, P65
    [InlineData("Notice how the Deploy stage uses rsync over SSH and restarts a systemd service on the remote host.", true)]
    [InlineData("A note that is pinned stays at the top of the channel for every member.", false)]
    public void IsWalkthrough_ShortParagraphInTheAuthorsVoice(string paragraph, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.IsWalkthrough(paragraph));

    [Theory]
    [InlineData("{{#include ../listings/routing/src/main.c:here}}")]
    [InlineData("Listing 3-1: a router that forwards every packet to the default gateway")]
    [InlineData("The router drops the packet here (see Chapter 7 for the reasons)")]
    [InlineData("Note: For more on the implementation details of the Vec<T> type, see “The Rustonomicon”.")] // outside rating 53, P12
    [InlineData("For more information, please see § Use in remark-mdx.")] // P41
    [InlineData("For further details on the routing table, refer to the vendor's guide")]
    public void IsMarkupOrReference_TemplateDirectivesAndCrossReferences_AreNoFacts(string line) =>
        Assert.True(QuestionGenerator.IsMarkupOrReference(line));

    [Theory]
    [InlineData("Use a VPN for more privacy on public networks")]
    [InlineData("For more than ten nodes, etcd needs its own disks")]
    [InlineData("Shield Advanced costs more but adds DDoS cost protection")]
    public void IsMarkupOrReference_MoreWithoutAPointer_IsAFact(string line) =>
        Assert.False(QuestionGenerator.IsMarkupOrReference(line));
}
