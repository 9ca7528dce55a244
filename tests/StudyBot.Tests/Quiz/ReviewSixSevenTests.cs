using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The rules for what both readers of the sixth and seventh outside ratings found (issue 11, 2026-11-30): the
/// letter that tells SSE-C from its siblings spelt by the stem, and one fact asked twice, one test each (the line
/// without a subject is in <see cref="QuestionWritingTests"/>).</summary>
public class ReviewSixSevenTests
{
    [Theory]
    [InlineData("SSE-C", "server-side encryption using data keys fully managed by the customer outside of AWS", true)]
    [InlineData("SSE-C", "Customer creates key on 3rd party and AWS manages it", true)]
    [InlineData("SSE-C", "keys you bring yourself, AWS only encrypts", false)] // nothing spells the C
    [InlineData("SSE-KMS", "server-side encryption with keys managed by the key service", false)] // "keys managed" is not side by side with an S word
    public void SuffixSpelt_TheLetterThatTellsTheKeyFromItsSiblings_GivesItAway(string key, string stem, bool spelt)
    {
        string[] siblings = ["SSE-S3", "SSE-C", "SSE-KMS"];
        Assert.Equal(spelt, QuestionGenerator.SuffixSpelt(key, siblings.Where(s => s != key).ToList(), stem));
    }

    [Fact]
    public void SuffixSpelt_ASiblingsLetterSpeltToo_DoesNotStandOut()
    {
        // "customer keys" spells the C of SSE-C and the K of SSE-K alike: the stem favours neither.
        Assert.False(QuestionGenerator.SuffixSpelt("SSE-C", ["SSE-K"], "customer keys stay outside"));
        Assert.False(QuestionGenerator.SuffixSpelt("HTTPS", ["HTTP"], "customer data"));
    }

    [Fact]
    public void Generate_SeedNotes_AsksEachFactOnce()
    {
        // The sixth and seventh readers both marked "What do the notes say about AWS Shield?" beside "Which of these is
        // described as 'Provides protection against DDOS …'?": one line, asked twice the other way round.
        var questions = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines);

        Assert.All(questions.GroupBy(q => (q.Citation.File, q.Citation.LineStart, q.Citation.LineEnd)), g => Assert.Single(g));
    }

    [Theory]
    [InlineData("aurora claims 5x performance over _____ on rds, over 3x the performance of postgres on rds", "postgresql", true)]
    [InlineData("use _____ to cache s3 objects around the world in the cloud", "cloudwatch", false)] // "cloud" is a word of its own
    [InlineData("the ___ engine replicates to 5 read replicas", "mariadb", false)]
    [InlineData("_____ — tcp and udp, supports authentication socks proxy", "socks4", false)] // a version is another thing
    public void NamedShort_TheStemNamesAWrongChoiceByAShorterForm_RulesItOut(string line, string term, bool named) =>
        Assert.Equal(named, QuestionGenerator.NamedShort(line, term));

    [Theory]
    [InlineData("The exam expects you to understand how to read CloudFormation templates", true)]
    [InlineData("Exam tips: know the difference between the two", true)]
    [InlineData("The examples below use the default VPC of the account", false)]
    [InlineData("Deleting a stack deletes every single artifact that was created by CloudFormation", false)]
    public void IsAboutTheCourse_ARemarkToTheLearner_IsNoFact(string line, bool course) =>
        Assert.Equal(course, QuestionGenerator.IsAboutTheCourse(line));

    [Theory]
    [InlineData("Passwords, sensitive values… they can be encrypted using _____", true)]
    [InlineData("It can be detached and attached to another _____ quickly", true)]
    [InlineData("EBS Encryption leverages keys from _____ (AES-256)", false)]
    [InlineData("Pods share an IP; it is the same inside and outside, with no _____ involved", false)] // one sentence that names pods
    [InlineData("Environment variables: they can be encrypted using _____", false)] // the lead-in names them
    public void PronounBeforeBlank_TheBlanksClauseOpensWithItOrThey_SaysNotWhat(string masked, bool pronoun) =>
        Assert.Equal(pronoun, QuestionGenerator.PronounBeforeBlank(masked));
}
