using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The rules after the eleventh outside rating (issue 11, 2026-11-30): no "What do the notes say about X?"
/// items (with the model none survived the one-question-per-fact rule; without it they were told apart by topic), one
/// test each.</summary>
public class ReviewElevenTests
{
    [Fact]
    public void Generate_SeedNotesWithOrWithoutTheModel_AsksNoDescription()
    {
        // "What do the notes say about AWS Shield?" asks the definition's fact the other way round (reviews 6 and 7), and
        // it ranks after it, so with the model none was ever kept; without the model the statements came from any
        // subject of the flat notes (encryption beside code architecture: all four rated guessable, review 1).
        var lexical = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines);
        var withModel = QuestionGenerator.Generate(SeedPassages.All, SeedPassages.ReadLines, new ChosenEmbedder(("AWS Shield", 0.8), ("AWS Guardduty", 0.8), ("Shield", 0.8), ("Guardduty", 0.8)));

        Assert.DoesNotContain(lexical.Concat(withModel), q => q.Text.StartsWith("What do the notes say about", StringComparison.Ordinal));
        Assert.Contains(withModel, q => q.Kind == QuizQuestionKind.Definition && q.Answer == "AWS Shield");
    }
}
