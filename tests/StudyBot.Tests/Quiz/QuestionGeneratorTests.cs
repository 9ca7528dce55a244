using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

public class QuestionGeneratorTests
{
    private static IReadOnlyList<QuizQuestion> Generate() => QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines);

    [Fact]
    public void Generate_QaPairWithNoAnswer_MakesYesNoQuestionAnsweredNo()
    {
        var q = Assert.Single(Generate(), q => q.Text.StartsWith("Can we create un-encrypted EBS volume", StringComparison.Ordinal));
        Assert.Equal(QuizQuestionKind.YesNo, q.Kind);
        Assert.Equal("No", q.Answer);
        Assert.Equal((75, 77), (q.Citation.LineStart, q.Citation.LineEnd));
    }

    [Fact]
    public void Generate_QaPairWithYesAnswer_MakesYesNoQuestionAnsweredYes()
    {
        var q = Assert.Single(Generate(), q => q.Text.StartsWith("Can we attach both encrypted", StringComparison.Ordinal));
        Assert.Equal("Yes", q.Answer);
    }

    [Fact]
    public void Generate_DefinitionSection_AsksWhichServiceWithThreeSiblingTitles()
    {
        var q = Assert.Single(Generate(), q => q.Kind == QuizQuestionKind.Definition && q.Answer == "AWS Shield");
        Assert.Contains("Provides protection against DDOS attacks", q.Text, StringComparison.Ordinal);
        Assert.Equal(4, q.Choices.Count);
        Assert.Equal((18, 20), (q.Citation.LineStart, q.Citation.LineEnd));
        var siblingTitles = SeedPassages.All.Select(p => p.Section).ToHashSet();
        Assert.All(q.Choices, c => Assert.Contains(c, siblingTitles));
        // "DDOS Attack" is in the cited line: it must not be offered as a wrong answer.
        Assert.DoesNotContain("DDOS Attack", q.Choices);
    }

    [Fact]
    public void Generate_EveryQuestion_CitedLinesHoldTheAnswerAndChoicesAreDistinct()
    {
        var questions = Generate();
        Assert.True(questions.Count >= 10, $"only {questions.Count} questions");
        var lines = SeedPassages.ReadLines(SeedPassages.File)!;
        foreach (var q in questions)
        {
            var cited = string.Join('\n', lines.Skip(q.Citation.LineStart - 1).Take(q.Citation.LineEnd - q.Citation.LineStart + 1));
            Assert.True(
                cited.Contains(q.Answer, StringComparison.OrdinalIgnoreCase) || cited.Contains(q.KeyTerm, StringComparison.OrdinalIgnoreCase),
                $"{q.Id} '{q.Text}': lines {q.Citation.LineStart}-{q.Citation.LineEnd} lack '{q.KeyTerm}'");
            Assert.Equal(q.Choices.Count, q.Choices.Select(c => c.ToLowerInvariant()).Distinct().Count());
            Assert.InRange(q.AnswerIndex, 0, q.Choices.Count - 1);
        }
    }

    [Fact]
    public void Generate_Twice_GivesTheSameIdsInTheSameOrder()
    {
        Assert.Equal(Generate().Select(q => q.Id), Generate().Select(q => q.Id));
        Assert.Equal(Generate().Count, Generate().Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_NoDistractorAppearsInItsCitedPassage()
    {
        var lines = SeedPassages.ReadLines(SeedPassages.File)!;
        foreach (var q in Generate().Where(q => q.Kind is QuizQuestionKind.Definition or QuizQuestionKind.FillInTheBlank))
        {
            var cited = string.Join('\n', lines.Skip(q.Citation.LineStart - 1).Take(q.Citation.LineEnd - q.Citation.LineStart + 1));
            foreach (var wrong in q.Choices.Where((_, i) => i != q.AnswerIndex))
            {
                Assert.DoesNotContain(wrong, cited, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("No we cannot", false)]
    [InlineData("no", false)]
    [InlineData("Yes - you can", true)]
    [InlineData("Encryption store data", null)]
    public void Polarity_AnswerStart_GivesYesNoOrNeither(string answer, bool? expected) =>
        Assert.Equal(expected, QuestionGenerator.Polarity(answer));
}
