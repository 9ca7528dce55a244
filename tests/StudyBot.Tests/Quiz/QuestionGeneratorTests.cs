using StudyBot.Core.Knowledge;
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
    public void Generate_QaPairWithDoBeforeAModal_AsksItTheWayEnglishDoes()
    {
        // The notes write "Does HSM can be placed at On-Premise"; outside rating 24 (R32) found the stem garbled.
        var q = Assert.Single(Generate(), q => q.Kind == QuizQuestionKind.YesNo && q.Text.Contains("HSM", StringComparison.Ordinal));
        Assert.Equal("Can HSM be placed at On-Premise?", q.Text);
        Assert.Equal("No", q.Answer);
    }

    [Theory]
    [InlineData("Does HSM can be placed at On-Premise", "can HSM be placed at On-Premise")]
    [InlineData("do the pods will restart after a crash?", "will the pods restart after a crash?")]
    [InlineData("Does EBS encrypt snapshots", "Does EBS encrypt snapshots")] // no modal: as written
    [InlineData("Can we attach both volumes", "Can we attach both volumes")]
    [InlineData("Does it matter which region can be used", "Does it matter which region can be used")] // the modal is too far from "does" to be its subject's
    public void MendDoModal_AsksWithTheModal(string question, string asked) =>
        Assert.Equal(asked, QuizText.MendDoModal(question));

    [Theory]
    [InlineData("TERRAFORM CLOUD DESTROY", "terraform apply", true)]
    [InlineData("TERRAFORM CLOUD DESTROY", "TERRAFORM APPLY", false)] // the key is written the same way
    [InlineData("AWS KMS", "Secrets Manager", false)] // names of letters, not words in capitals
    [InlineData("KMS", "Secrets Manager", false)]
    [InlineData("terraform destroy", "terraform apply", false)]
    public void ShoutedBeside_WrongChoiceInCapitalsBesideAKeyInLowerCase(string wrong, string key, bool shouted) =>
        Assert.Equal(shouted, QuestionGenerator.ShoutedBeside(wrong, key));

    [Fact]
    public void HasShoutedChoice_LooksAtTheWrongChoicesAsShown()
    {
        var citation = new Citation("Terraform.md", "DESTROY-TIME PROVISIONERS", 310, 314, "Destroy provisioners are run before the resource is destroyed.");
        QuizQuestion Blank(string[] choices, int key) => new("id", QuizQuestionKind.FillInTheBlank, "Fill in the blank: “… on the next _____”", choices, key, "why", citation, choices[key]);

        Assert.True(QuestionGenerator.HasShoutedChoice(Blank(["TERRAFORM CLOUD DESTROY", "terraform apply", "terraform destroy"], 1)));
        Assert.False(QuestionGenerator.HasShoutedChoice(Blank(["terraform plan", "terraform apply", "terraform destroy"], 1)));
        Assert.False(QuestionGenerator.HasShoutedChoice(Blank(["TERRAFORM CLOUD DESTROY", "terraform apply", "terraform destroy"], 0))); // the key itself
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
