using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The rules for the defects of the fifth outside rating (issue 11, 2026-11-30: the one transport protocol
/// among application protocols, definitions that are no definition, two-choice definitions a stem word gives away),
/// one test each.</summary>
public class ReviewFiveTests
{
    private static QuizQuestion Blank(string masked, string answer, params string[] wrong) => NoteLines.Question(
        QuizQuestionKind.FillInTheBlank, $"Fill in the blank: “{masked}”", masked, new Citation("net/dhcp.md", "DHCP", 1, 1, masked), answer, wrong);

    // The notes pair TCP with UDP over and over ("TCP and UDP", "TCP vs UDP"); DHCP, FTP and SMTP they list together
    // elsewhere, and with UDP only once in a long list.
    private static QuizCorpus Networking() => new(
    [
        .. Enumerable.Range(1, 6).Select(i => NoteLines.Bullet("net/tcp.md", "Transport", i, $"TCP and UDP both carry data between ports, case {i}")),
        NoteLines.Bullet("net/tcp.md", "Transport", 7, "TCP vs UDP: reliability against speed"),
        NoteLines.Bullet("net/apps.md", "Applications", 8, "Application protocols: DHCP, FTP, SMTP and DNS"),
        NoteLines.Bullet("net/ports.md", "Ports", 9, "Common ports: DHCP, FTP, SMTP, DNS, SSH, HTTP, UDP, TCP, ICMP"),
    ]);

    [Fact]
    public void ListedWith_TermsWrittenAsOneList_AreSiblingsByHowOften()
    {
        var corpus = Networking();

        Assert.Contains("UDP", corpus.Listed("TCP", "net"));
        Assert.True(corpus.ListedWith("UDP", "TCP", "net") >= 7); // seven pairs, each worth 1, and a long list
        Assert.True(corpus.ListedWith("UDP", "DHCP", "net") < 0.2); // one list of nine: 1/8
        Assert.Empty(QuizText.ListedRuns("DHCP uses UDP on port 67")); // a sentence, not a list
    }

    [Fact]
    public void PartnerMissing_TheKeysFirmPartnerNotAmongTheChoices_LeavesTheKeyAloneOfItsKind()
    {
        // Outside rating 5, C30, C31, C32, C36: UDP or TCP beside DHCP, FTP, SMTP; the learner picks the only transport
        // protocol. With TCP among the choices a learner has to know which one.
        var corpus = Networking();

        Assert.True(QuestionGenerator.PartnerMissing(Blank("DHCP runs over _____ on port 67", "UDP", "DHCP", "FTP", "SMTP"), corpus));
        Assert.False(QuestionGenerator.PartnerMissing(Blank("DHCP runs over _____ on port 67", "UDP", "TCP", "FTP", "SMTP"), corpus));
    }

    [Fact]
    public void PartnerMissing_AKeyTheNotesListLittle_HasNoFirmPartner()
    {
        // CloudFront beside CloudWatch, CloudTrail, CloudFormation was rated good: the notes list CloudFront once with
        // a CDN, too little to say what it must be asked beside.
        var corpus = new QuizCorpus([NoteLines.Bullet("aws/s3.md", "Caching", 1, "Caches: CloudFront and ElastiCache"), NoteLines.Bullet("aws/cw.md", "Monitoring", 2, "CloudWatch collects metrics from EC2")]);
        var q = new QuizQuestion("q", QuizQuestionKind.FillInTheBlank, "Fill in the blank: “Use _____ to cache S3 objects”", ["CloudFront", "CloudWatch", "CloudTrail", "CloudFormation"], 0,
            "x", new Citation("aws/s3.md", "S3", 1, 1, "x"), "CloudFront");

        Assert.False(QuestionGenerator.PartnerMissing(q, corpus));
    }
}

public class ReviewFiveDefinitionTests
{
    [Theory]
    [InlineData("by default it is not encrypted", "EBS Encryption", false)] // S6: a clause about "it", a default
    [InlineData("once created they can't be changed", "Launch Templates", false)]
    [InlineData("Two leves of encryption", "Envelope Encryption", true)]
    [InlineData("Threat detection service that continously monitor malicious activity", "AWS Guardduty", true)]
    [InlineData("Stores copies of frequently requested resources and serves them directly", "Caching Proxy", true)] // "them" is an object
    [InlineData("Stations transmit whenever they have data.", "Pure Aloha", true)] // "they" has its noun in the line
    public void IsDefiningLine_AClauseAboutAnUnnamedSubject_IsNoDefinition(string quote, string title, bool defines) =>
        Assert.Equal(defines, QuestionGenerator.IsDefiningLine(quote, title));

    [Theory]
    [InlineData("Monolithic", "Micro Services", false)] // S8, S9: "smaller", "single module" name one of them
    [InlineData("RBAC", "ABAC", false)] // C21: "rolebinding" names Role-Based
    [InlineData("Dedicated Hosts", "Dedicated Instances", true)]
    [InlineData("Network Load Balancer (v2)", "Application Load balancers", true)]
    [InlineData("Bit Stuffing", "Character (Byte) Stuffing", true)]
    [InlineData("AWS Shield", "AWS Guardduty", true)]
    [InlineData("SSE-S3", "SSE-C", true)]
    public void NamesOfOneFamily_TwoChoiceDefinitionsNeedTitlesSharingAName(string key, string wrong, bool fair) =>
        Assert.Equal(fair, QuestionGenerator.NamesOfOneFamily(key, wrong));
}

public class NameInBracketsTests
{
    [Theory]
    [InlineData("Amazon S3 managed keys (SSE-S3)", "SSE-S3")] // a description, then the name
    [InlineData("Customer provided keys (SSE-C)", "SSE-C")]
    [InlineData("Transmission Control Protocol (TCP)", null)] // an expansion glossed: the title names it already
    [InlineData("Storage (EBS) volumes", null)]
    public void NameInBrackets_ADescriptiveHeadingEndingInAnAcronym_IsNamedByIt(string heading, string? name) =>
        Assert.Equal(name, QuestionGenerator.NameInBrackets(heading));
}

public class NotesCasingTests
{
    private static Passage Line(int line, string text, string section = "TERRAFORM INIT") =>
        NoteLines.Bullet("tf/terraform.md", section, line, text);

    [Fact]
    public void UsualForm_AShoutedTitleTheNotesWriteInLowerCase_TakesTheNotesCasing()
    {
        // Review 5: the choices read "TERRAFORM INIT", "STATE PUSH", while the notes write the commands in lower case.
        var corpus = new QuizCorpus(
        [
            Line(1, "After adding a module, run terraform init again"),
            Line(2, "terraform init downloads the providers"),
            Line(3, "The terraform state push command uploads a local state file", "STATE PUSH"),
            Line(4, "TCP and UDP carry the traffic", "Transport"),
        ]);

        Assert.Equal("terraform init", corpus.UsualForm("TERRAFORM INIT"));
        Assert.Equal("state push", corpus.UsualForm("STATE PUSH"));
        Assert.Equal("TCP", corpus.UsualForm("TCP"));
        Assert.Equal("SECURING KEYS", corpus.UsualForm("SECURING KEYS")); // never written in a line: the title's own form
    }
}

public class BlankAndTopicTests
{
    [Theory]
    [InlineData("400 _____ status code - ProvisionedThroughputExceededException error will indicate that you exceeded your throughput", true)] // C50
    [InlineData("_____ — TCP and UDP, supports authentication, DNS resolution at proxy.", false)] // the label is the key
    [InlineData("_____: rds.force_ssl=1 in the AWS RDS Console (parameter groups)", false)]
    [InlineData("ACK — The initiator acknowledges the receiver's _____. The connection is now fully closed.", false)] // in the body
    public void BlankInsideLabel_AWordOfTheLinesOwnLabel_IsNotWorthAsking(string masked, bool inLabel) =>
        Assert.Equal(inLabel, QuestionGenerator.BlankInsideLabel(masked));

    [Fact]
    public void Topic_AYesNoQuestionWithoutItsSubject_TakesTheNearestHeadingsName()
    {
        // C1: "Can I create a dynamic amount of resources?" under "CloudFormation Resources" › "FAQ for resources".
        var p = new Passage("aws/cda.md", "FAQ for resources", ["AWS CDA", "CloudFormation Resources", "FAQ for resources"], 975, 976,
            "Can I create a dynamic amount of resources?\nNo, you can’t.", PassageKind.QuestionAnswer, "Can I create a dynamic amount of resources?", "No, you can’t.");

        Assert.Equal("In CloudFormation, can I create a dynamic amount of resources?", QuestionGenerator.WithTopic(p, "Can I create a dynamic amount of resources?"));
        Assert.Equal("Can CloudFormation create a dynamic amount of resources?", QuestionGenerator.WithTopic(p, "Can CloudFormation create a dynamic amount of resources?"));
        var seed = p with { Section = "Does HSM can be placed at On-Premise", HeadingPath = ["Does HSM can be placed at On-Premise"] };
        Assert.Equal("Does HSM can be placed at On-Premise?", QuestionGenerator.WithTopic(seed, "Does HSM can be placed at On-Premise?"));
    }
}

public class BlankInsideLabelSentenceTests
{
    [Fact]
    public void BlankInsideLabel_ASentenceBeforeADash_IsNoLabel() =>
        Assert.False(QuestionGenerator.BlankInsideLabel("Operates at a lower level than _____ proxies — forwards any TCP (and optionally UDP) traffic."));
}

public class AnotherFamilyTests
{
    private static Passage Line(int line, string text) => NoteLines.Bullet("aws/rds.md", "RDS", line, text);

    [Fact]
    public void OfAnotherFamily_ATermListedOnlyInAnotherFamily_IsNoWrongChoice()
    {
        // C35: NoSQL and PromQL offered as RDS engines. The notes list PostgreSQL with MySQL and MariaDB, NoSQL with DB.
        var corpus = new QuizCorpus(
        [
            Line(1, "Engines: MySQL, PostgreSQL and MariaDB"),
            Line(2, "PostgreSQL vs MySQL: both support read replicas"),
            Line(5, "MySQL and PostgreSQL are both open source"),
            Line(3, "Choose NoSQL or DB engines by access pattern"),
            Line(4, "PromQL is the query language of Prometheus"),
        ]);

        Assert.True(corpus.OfAnotherFamily("PostgreSQL", "NoSQL", "aws", 2));
        Assert.False(corpus.OfAnotherFamily("PostgreSQL", "MariaDB", "aws", 2));
        Assert.False(corpus.OfAnotherFamily("PostgreSQL", "PromQL", "aws", 2)); // listed nowhere: the notes say nothing
        Assert.False(corpus.OfAnotherFamily("MariaDB", "NoSQL", "aws", 2)); // MariaDB listed once: too little to say
    }
}
