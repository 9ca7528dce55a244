using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

public class SectionSuggestionsTests
{
    private static Passage In(string section, string file = "aws.md") => new(file, section, [section], 1, 2, "text", PassageKind.Paragraph);

    private static FakeKnowledgeBase Notes(params string[] sections) => new() { Passages = [.. sections.Select(s => In(s))] };

    [Fact]
    public void Suggest_TypedStart_StartsFirstThenWordStartsThenContains()
    {
        var suggestions = new SectionSuggestions(Notes("Key rotation", "EBS Encryption", "Encryption at rest", "S3 default encryption", "Reencryption jobs"));

        var found = suggestions.Suggest("encr", 25);

        Assert.Equal(["Encryption at rest", "EBS Encryption", "S3 default encryption", "Reencryption jobs"], found);
    }

    [Fact]
    public async Task SuggestWithQuestionsAsync_FrequentQuestions_FirstAndAtMostHalfThenTitles()
    {
        var frequent = new[] { "Is EBS encryption on by default?", "How do I turn on EBS encryption?", "What does EBS encryption cost?" };
        var suggestions = new SectionSuggestions(Notes("EBS Encryption", "Encryption at rest", "Key rotation"), new FrequentLog(frequent));

        var found = await suggestions.SuggestWithQuestionsAsync("encr", 4, CancellationToken.None);

        Assert.Equal(["Is EBS encryption on by default?", "How do I turn on EBS encryption?", "Encryption at rest", "EBS Encryption"], found);
    }

    /// <summary>A question log whose frequent questions are given (most asked first).</summary>
    private sealed class FrequentLog(string[] frequent) : IQuestionLog
    {
        public void Record(QuestionRecord record)
        {
        }

        public Task<QuestionStats> GetStatsAsync(DateOnly today, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<KnowledgeGap>> GetGapsAsync(int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordWrongAnswerAsync(string question, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordWrongAnswerCommentAsync(string question, string comment, DateTimeOffset at, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<bool> MarkGapDoneAsync(string question, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> GetFrequentQuestionsAsync(string typed, int count, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(frequent.Take(count).ToList());
    }

    [Fact]
    public void Suggest_SeveralWordsAnyOrder_EveryWordMustStartATitleWord()
    {
        var suggestions = new SectionSuggestions(Notes("EBS Encryption", "EBS snapshots", "Encryption at rest"));

        Assert.Equal(["EBS Encryption"], suggestions.Suggest("enc ebs", 25));
    }

    [Fact]
    public void Suggest_NothingTyped_LargestSectionsFirstUpToMax()
    {
        var notes = new FakeKnowledgeBase { Passages = [In("Small"), In("Big"), In("Big", "b.md"), In("Big", "c.md"), In("Middle"), In("Middle", "b.md")] };

        Assert.Equal(["Big", "Middle"], new SectionSuggestions(notes).Suggest("", 2));
    }

    [Fact]
    public void Suggest_AfterReload_SeesTheNewSections()
    {
        var notes = Notes("Old section");
        var suggestions = new SectionSuggestions(notes);
        Assert.Equal(["Old section"], suggestions.Suggest("sec", 25));

        notes.Passages = [In("New section")];

        Assert.Equal(["New section"], suggestions.Suggest("sec", 25));
    }
}
