using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>Outside rating 35 on the seed notes: three contrasts of one pair of sections in a bank of five (the same
/// two-way choice asked three times), and a contrast whose stem quotes a garbled line ("Partially managed, user is has
/// flexibility").</summary>
public class RepeatedPairAndGarbledStemTests
{
    private const double Threshold = 0.69;

    private static QuestionGenerator.Candidate Contrast(string id, string line, string key, string other, double score, string file = "containers.md") =>
        new(new QuizQuestion(id, QuizQuestionKind.Contrast, $"Which of these two is described in the notes as “{line}”?", [key, other], 0, line,
            new Citation(file, key, 1, 2, line), key), line, string.Empty, 1, score);

    private static QuestionGenerator.Candidate YesNo(string id, double score) =>
        new(new QuizQuestion(id, QuizQuestionKind.YesNo, $"Is {id} so?", ["Yes", "No"], 0, "Yes", new Citation("faq.md", id, 1, 2, id), "Yes"),
            id, string.Empty, 1, score);

    [Fact]
    public void WithRepeatedPairsInReserve_SmallBank_KeepsOneContrastOfAPairAndSendsTheRestToTheEndOfTheReserve()
    {
        List<QuestionGenerator.Candidate> ordered =
        [
            Contrast("a", "Used by most clouds", "Kubernetes Service", "Container Service", 0.90),
            YesNo("waf", 0.85),
            Contrast("b", "Fully managed by AWS", "Container Service", "Kubernetes Service", 0.80),
            Contrast("c", "Runs the pods of a cluster", "Kubernetes Service", "Container Service", 0.75),
            Contrast("d", "The customer provides the key", "SSE-C", "SSE-S3", 0.72),
            Contrast("e", "Amazon manages the key", "SSE-S3", "SSE-C", 0.65),
        ];

        var result = QuestionGenerator.WithRepeatedPairsInReserve(ordered, _ => Threshold, null);

        // Bank: the first of each pair and the yes/no; "b" and "c" (the same pair, in either order) after "e", at the floor.
        Assert.Equal(["a", "waf", "d"], result.Where(c => c.Score >= Threshold).Select(c => c.Question.Id));
        Assert.Equal(["e", "b", "c"], result.Where(c => c.Score < Threshold).Select(c => c.Question.Id));
        Assert.All(result.Where(c => c.Question.Id is "b" or "c"), c => Assert.Equal(QuestionGenerator.ReserveFloor, c.Score));
        Assert.Equal(["b", "c"], result.Where(c => c.Reserved).Select(c => c.Question.Id));
    }

    [Fact]
    public void WithRepeatedPairsInReserve_ContrastsKeptUnderTheFloor_StillSendTheRepeatToTheReserve()
    {
        // The contrast kind's own threshold (0.53) is under the reserve's floor: a repeat cut to the floor would still
        // score over it, so the reserve is a mark, not only a score.
        List<QuestionGenerator.Candidate> ordered =
        [
            Contrast("a", "Used by most clouds", "Kubernetes Service", "Container Service", 0.90),
            Contrast("b", "Fully managed by AWS", "Container Service", "Kubernetes Service", 0.80),
        ];

        var result = QuestionGenerator.WithRepeatedPairsInReserve(ordered, kind => kind == QuizQuestionKind.Contrast ? 0.53 : Threshold, null);

        Assert.Equal(["b"], result.Where(c => c.Reserved).Select(c => c.Question.Id));
        Assert.Equal(["a"], result.Where(c => !c.Reserved && c.Score >= 0.53).Select(c => c.Question.Id));
    }

    [Fact]
    public void WithRepeatedPairsInReserve_LargeBank_KeepsOneMoreContrastOfAPairPerEightQuestions()
    {
        List<QuestionGenerator.Candidate> ordered =
        [
            Contrast("a", "Up to 75% compared to On-demand", "Reserved Instances", "Spot Instances", 0.95),
            Contrast("b", "Price varies with offer and demand", "Spot Instances", "Reserved Instances", 0.94),
            Contrast("c", "Recommended for steady state usage", "Reserved Instances", "Spot Instances", 0.93),
            .. Enumerable.Range(0, (2 * QuestionGenerator.BankQuestionsPerPairContrast) - 3).Select(i => YesNo($"q{i:00}", 0.9 - (i * 0.001))),
        ];

        var result = QuestionGenerator.WithRepeatedPairsInReserve(ordered, _ => Threshold, null);

        // Sixteen bank questions: two contrasts of the pair stay; the third goes to the reserve.
        Assert.Equal(["a", "b"], result.Where(c => c.Score >= Threshold && c.Question.Kind == QuizQuestionKind.Contrast).Select(c => c.Question.Id));
        Assert.Equal(["c"], result.Where(c => c.Score < Threshold).Select(c => c.Question.Id));
    }

    [Fact]
    public void WithRepeatedPairsInReserve_SameTitlesInAnotherFile_AreAnotherPair()
    {
        List<QuestionGenerator.Candidate> ordered =
        [
            Contrast("a", "Used by most clouds", "Kubernetes Service", "Container Service", 0.90),
            Contrast("b", "Fully managed by AWS", "Container Service", "Kubernetes Service", 0.80, "other.md"),
        ];

        Assert.All(QuestionGenerator.WithRepeatedPairsInReserve(ordered, _ => Threshold, null), c => Assert.True(c.Score >= Threshold));
    }

    [Theory]
    [InlineData("Partially managed, user is has flexibility", true)]
    [InlineData("The service can is scaled by hand", true)]
    [InlineData("Partially managed, the user has flexibility", false)]
    [InlineData("Could have been managed by AWS", false)]
    [InlineData("All we have is time", false)]
    [InlineData("It is being managed by AWS", false)]
    public void HasTwoFiniteVerbsInARow_GarbledLine_IsRead(string line, bool expected) =>
        Assert.Equal(expected, QuizText.HasTwoFiniteVerbsInARow(line));

    [Fact]
    public void Check_ContrastQuotingAGarbledLine_IsRejected()
    {
        var corpus = new QuizCorpus([NoteLines.Bullet("containers.md", "Kubernetes Service", 1, "Partially managed, user is has flexibility")]);
        var garbled = Contrast("a", "Partially managed, user is has flexibility", "Kubernetes Service", "Container Service", 0);
        var plain = Contrast("b", "Partially managed, the user has flexibility", "Kubernetes Service", "Container Service", 0);

        Assert.Equal(QuestionGenerator.GarbledStem, QuestionGenerator.Check(garbled, corpus));
        Assert.NotEqual(QuestionGenerator.GarbledStem, QuestionGenerator.Check(plain, corpus));
    }

    [Theory]
    [InlineData("m_p sin i ≈ ((v_sin i)√(1 - e^2))/(28.4)T^(1/3)", true)]
    [InlineData("pKa = -log K_a", true)]
    [InlineData("Packet discarded when TTL = 0", false)]   // a sentence that states a value.
    [InlineData("Maximum efficiency = 1 / e = 36.8%", false)]  // a value in words and the signs a line types.
    [InlineData("No C=C double bond => Straight hydrocarbon backbone", false)]
    public void IsFormula_StemOfSymbols_IsRead(string stem, bool expected) =>
        Assert.Equal(expected, QuizText.IsFormula(stem));

    [Fact]
    public void Check_ContrastQuotingAFormula_IsRejected()
    {
        // A display formula read as text (TexMath) was asked as what "the Third Law" is described as.
        const string formula = "T^2 = (4 pi^2)/(G(M_* + M_p))a^3";
        var corpus = new QuizCorpus([NoteLines.Bullet("kepler.md", "Third Law", 1, formula)]);
        var asked = Contrast("a", formula, "Third Law", "First Law", 0);

        Assert.Equal(QuestionGenerator.FormulaStem, QuestionGenerator.Check(asked, corpus));
    }

    [Fact]
    public void Check_BlankWhoseFormulaTheStemWritesCondensed_IsRejected()
    {
        // Outside ratings 59 (Q1, Q3) and 62 (P9): the condensed formula in the stem counts out the molecular one.
        const string masked = "The five-carbon alkane CH3CH2CH2CH2CH3 called pentane, has mol formula _____.";
        var line = masked.Replace("_____", "C5H12", StringComparison.Ordinal);
        var corpus = new QuizCorpus([NoteLines.Bullet("lesson-5.md", "Drawing compounds", 1, line)]);
        QuestionGenerator.Candidate Blank(string key, string stem) => new(
            new QuizQuestion("a", QuizQuestionKind.FillInTheBlank, $"Fill in the blank: “{stem}”", [key, "C6H14", "C12H26", "C15H32"], 0, stem,
                new Citation("lesson-5.md", "Drawing compounds", 1, 1, line), key), stem, string.Empty, 1, 1);

        Assert.Equal(QuestionGenerator.FormulaCountedOut, QuestionGenerator.Check(Blank("C5H12", masked), corpus));
        Assert.NotEqual(QuestionGenerator.FormulaCountedOut, QuestionGenerator.Check(Blank("C5H12", "The five-carbon alkane pentane has mol formula _____."), corpus));
        Assert.Equal(new Dictionary<string, int> { ["C"] = 3, ["H"] = 8 }, TexMath.ElementCounts("CH3CH2CH3"));
        Assert.Null(TexMath.ElementCounts("pKa"));
        Assert.Null(TexMath.ElementCounts("HOME"));
    }

    /// <summary>A part number in the notes ("P99999999999") or another script's digits looked like a formula's counts,
    /// and int.Parse threw out of the quiz's checks (the whole bank's build).</summary>
    [Theory]
    [InlineData("P99999999999")]
    [InlineData("C2H99999")]
    [InlineData("C\u0663H\u0668")]
    public void ElementCounts_CountsNoFormulaWrites_AreNoFormula(string word)
    {
        Assert.Null(TexMath.ElementCounts(word));
        Assert.False(QuestionGenerator.CountedOut($"The part {word} is listed.", "C5H12"));
    }

    [Fact]
    public void Check_KeyThatNamesTheCourse_IsRejected()
    {
        // Outside rating 59, Q9: which heading of a course's syllabus a line sits under tests nothing of the subject.
        const string line = "Fundamentals of general chemistry";
        var corpus = new QuizCorpus([NoteLines.Bullet("lesson-1.md", "Program of the Course", 1, line)]);
        var course = Contrast("a", line, "Program of the Course", "Course Web Page", 0);
        var subject = Contrast("b", line, "General chemistry", "Organic chemistry", 0);

        Assert.Equal(QuestionGenerator.KeyAboutTheCourse, QuestionGenerator.Check(course, corpus));
        Assert.NotEqual(QuestionGenerator.KeyAboutTheCourse, QuestionGenerator.Check(subject, corpus));
    }

    [Fact]
    public void InUsualCase_LapsesOfCaseInTheNotesWords_TakeTheNotesUsualCase()
    {
        // Outside rating 36: "Can i use aws waf …?" and "amazon creates key …" copied the notes' lapses of case; the notes
        // write AWS, WAF and Amazon (in a sentence) otherwise. A word they write in lower case twice or more is English
        // to them and stays ("protocol" beside a title-cased "Routing Protocol").
        static Passage Line(int n, string text) => new("n.md", "S", ["S"], n, n, text, PassageKind.Bullet);
        var corpus = new QuizCorpus([
            Line(1, "Use AWS WAF in front of AWS CloudFront"), Line(2, "WAF rules are cheap"), Line(3, "All data in Amazon S3 is encrypted"),
            Line(4, "Buckets in Amazon S3 are private"), Line(5, "BGP is a routing Protocol"), Line(6, "the protocol is old"),
            Line(7, "a protocol of the internet"), Line(8, "can i use aws waf here?"),
        ]);

        Assert.Equal("Can I use AWS WAF here?", corpus.InUsualCase("Can i use aws waf here?"));
        Assert.Equal("Which of these is described in the notes as “Amazon encrypts the protocol”?",
            corpus.InUsualCase("Which of these is described in the notes as “amazon encrypts the protocol”?"));
        Assert.Equal("see `aws s3 ls` and docs/aws.md", corpus.InUsualCase("see `aws s3 ls` and docs/aws.md")); // code and paths stay
    }
}
