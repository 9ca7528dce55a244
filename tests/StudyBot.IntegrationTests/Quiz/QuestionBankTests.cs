using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.IntegrationTests.Quiz;

public class QuestionBankTests
{
    [Fact]
    public async Task Questions_AfterReloadWithANewQuizFile_IncludeTheTeamQuestionFirstAndKeepIds()
    {
        using var folder = new TempFolder("studybot-bank-");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "knowledge", "aws-devsecops.md"), Path.Combine(folder, "aws-devsecops.md"));
        using var knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = folder }), TimeProvider.System);
        await knowledge.LoadAsync(CancellationToken.None);
        using var bank = new QuestionBank(knowledge, new QuizKnowledgeFolder(folder), NullLogger<QuestionBank>.Instance);
        var before = bank.Questions.Select(q => q.Id).ToList();
        Assert.DoesNotContain(bank.Questions, q => q.Kind == QuizQuestionKind.Team);

        await File.WriteAllTextAsync(Path.Combine(folder, "team.quiz.md"), "## Which service stops DDoS attacks?\n- [x] AWS Shield\n- [ ] Amazon S3\n");
        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal("Which service stops DDoS attacks?", bank.Questions[0].Text);
        Assert.Equal(before, bank.Questions.Skip(1).Select(q => q.Id));
    }

    [Fact]
    public async Task Rotation_EveryBankQuestionAsked_TheReserveComesBeforeARepeat_BestFirst()
    {
        // The team's seed notes: a bank of a handful that the item-quality model keeps, and a reserve under it.
        using var folder = QuizHarness.NewFolder(0);
        var notes = Path.Combine(folder, "knowledge");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "knowledge", "aws-devsecops.md"), Path.Combine(notes, "aws-devsecops.md"));
        using var knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = notes }), TimeProvider.System);
        await knowledge.LoadAsync(CancellationToken.None);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-01T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var h = QuizHarness.Start(folder, time, passages: knowledge.Passages);
        var bank = h.Services.GetRequiredService<QuestionBank>();
        Assert.NotEmpty(bank.Questions);
        Assert.True(bank.Reserve.Count >= 2, $"the seed notes' reserve has {bank.Reserve.Count} questions");
        Assert.Empty(bank.Reserve.Select(q => q.Id).Intersect(bank.Questions.Select(q => q.Id)));

        for (var i = 0; i < bank.Questions.Count + 2; i++)
        {
            await h.CommandAsync("quiz now");
            time.Advance(TimeSpan.FromDays(1));
            await h.TickAsync();
        }

        var posted = h.Publisher.Quizzes.Select(p => p.Reply.Markdown.Split('\n')[0]).ToList();
        Assert.Equal(posted.Count, posted.Distinct().Count());
        Assert.Equal(bank.Questions.Select(q => q.Text).Order(StringComparer.Ordinal), posted.Take(bank.Questions.Count).Order(StringComparer.Ordinal));
        // Best first, unless the best asks about what the channel was just asked (QuizService.Spread).
        Assert.Subset(bank.Reserve.Select(q => q.Text).ToHashSet(), posted.Skip(bank.Questions.Count).ToHashSet());
    }
    [Fact]
    public async Task Rotation_TwoQuestionsWithOneSetOfChoices_AreNotAskedOnConsecutiveDays()
    {
        // Both sides of a contrast: asked the day after the first, the second is answered by the first one's reveal.
        using var folder = QuizHarness.NewFolder(0);
        QuizHarness.WriteContrastSides(Path.Combine(folder, "knowledge"));
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-01T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var h = QuizHarness.Start(folder, time);

        // Each channel has an order of its own: eight channels, so that some order puts the two side by side.
        string[] channels = [.. Enumerable.Range(1, 8).Select(i => $"c{i}")];
        for (var i = 0; i < 4; i++)
        {
            foreach (var channel in channels)
            {
                await h.CommandAsync("quiz now", channel);
            }

            time.Advance(TimeSpan.FromDays(1));
            await h.TickAsync();
        }

        // Four posts of five questions, three of them on other things: the two FTP questions are never back to back.
        foreach (var channel in channels)
        {
            var posted = h.Publisher.Quizzes.Where(p => p.ChannelId == channel).Select(p => p.Reply.Markdown.Split('\n')[0]).ToList();
            Assert.Equal(4, posted.Distinct().Count());
            Assert.DoesNotContain(posted.Zip(posted.Skip(1)), pair => pair.First.Contains("FTP mode", StringComparison.Ordinal) && pair.Second.Contains("FTP mode", StringComparison.Ordinal));
        }
    }
}
