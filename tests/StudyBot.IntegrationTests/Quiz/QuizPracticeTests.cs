using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.IntegrationTests.Storage;

namespace StudyBot.IntegrationTests.Quiz;

/// <summary><c>quiz me</c>: each member's own SM-2 reviews, in the database, on a fake clock, on both providers.</summary>
[Collection(PostgresCollection.Name)]
public partial class QuizPracticeTests(PostgresServer postgres)
{
    public static TheoryData<StorageProvider> Providers => new(StorageProvider.Sqlite, StorageProvider.Postgres);

    private static FakeTimeProvider At(string utc) => new(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizMe_NothingDue_AsksANewQuestionPrivatelyWithItsOwnButtons(StorageProvider provider)
    {
        using var folder = QuizHarness.NewFolder(5);
        await using var h = Start(provider, folder, At("2026-06-01T07:00:00Z"));

        var asked = await QuizMeAsync(h, "u1");

        Assert.True(asked.Private);
        Assert.StartsWith("Nothing is due for you: a new question.", asked.Markdown, StringComparison.Ordinal);
        Assert.Equal(3, asked.ButtonList.Count);
        Assert.All(asked.ButtonList, b => Assert.Matches("^quiz:me:[0-9a-f]{16}:[0-2]$", b.ActionId));
        Assert.Empty(h.Publisher.Posts);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizMe_MissedQuestion_DueForThatMemberOnlyTheNextDayAndKeptAcrossARestart(StorageProvider provider)
    {
        using var folder = QuizHarness.NewFolder(5);
        var time = At("2026-06-01T07:00:00Z");
        string missed;
        await using (var h = Start(provider, folder, time))
        {
            var first = await QuizMeAsync(h, "u1");
            missed = QuestionOf(first);
            var feedback = await AnswerAsync(h, first, right: false);
            Assert.StartsWith("Not quite", feedback.Markdown, StringComparison.Ordinal);
            Assert.Contains("You will get it again in 1 day.", feedback.Markdown, StringComparison.Ordinal);
            Assert.Single(feedback.CitationList);

            // Not due yet: the same day brings a new question; another member's schedule is their own.
            var sameDay = await QuizMeAsync(h, "u1");
            Assert.NotEqual(missed, QuestionOf(sameDay));
            Assert.StartsWith("Nothing is due", (await QuizMeAsync(h, "u2")).Markdown, StringComparison.Ordinal);
            await AnswerAsync(h, sameDay, right: true);
        }

        // A day later, after a restart: the missed question is due, and comes first.
        time.Advance(TimeSpan.FromDays(1));
        await using var again = Start(provider, folder, time);
        var due = await QuizMeAsync(again, "u1");
        Assert.StartsWith("2 questions are due for you", due.Markdown, StringComparison.Ordinal);
        Assert.Equal(missed, QuestionOf(due));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizMe_RightAnswers_ComeBackAfterOneThenSixDays(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(1);
        await using var h = Start(provider, folder, time);
        var first = await QuizMeAsync(h, "u1");
        Assert.Contains("again in 1 day.", (await AnswerAsync(h, first, right: true)).Markdown, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromDays(1));
        var second = await QuizMeAsync(h, "u1");
        Assert.StartsWith("1 question is due for you", second.Markdown, StringComparison.Ordinal);
        Assert.Contains("again in 6 days.", (await AnswerAsync(h, second, right: true)).Markdown, StringComparison.Ordinal);

        // Five days on nothing is due; with every question had, the next review comes early and says so.
        time.Advance(TimeSpan.FromDays(5));
        Assert.StartsWith("Nothing is due and you have had every question", (await QuizMeAsync(h, "u1")).Markdown, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromDays(1));
        Assert.StartsWith("1 question is due for you", (await QuizMeAsync(h, "u1")).Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizMe_PressedTwiceAtOnce_GradedOnce(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(2);
        await using var h = Start(provider, folder, time);
        var asked = await QuizMeAsync(h, "u1");
        var right = QuizHarness.Action(asked, QuizHarness.RightChoice(asked));
        var wrong = QuizHarness.Action(asked, (QuizHarness.RightChoice(asked) + 1) % 3);

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => h.PressAsync(i % 2 == 0 ? right : wrong, "u1"))));

        Assert.Equal(1, replies.Count(r => r.Markdown.StartsWith("Correct", StringComparison.Ordinal) || r.Markdown.StartsWith("Not quite", StringComparison.Ordinal)));
        Assert.Equal(5, replies.Count(r => r.Markdown.StartsWith("You have answered this question already", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizMe_DailyQuizMissed_IsDueForThatMemberTheNextDay(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(5);
        await using var h = Start(provider, folder, time);
        await h.CommandAsync("quiz now");
        var quiz = h.Publisher.Quizzes.Single().Reply;
        await AnswerAsync(h, quiz, right: false);

        time.Advance(TimeSpan.FromDays(1));
        var due = await QuizMeAsync(h, "u1");

        Assert.StartsWith("1 question is due for you", due.Markdown, StringComparison.Ordinal);
        Assert.Equal(QuestionOf(quiz), QuestionOf(due));
        Assert.StartsWith("Nothing is due", (await QuizMeAsync(h, "u2")).Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizMe_TwoQuestionsWithOneSetOfChoices_AreNotAskedOneAfterTheOther(StorageProvider provider)
    {
        using var folder = QuizHarness.NewFolder(0);
        QuizHarness.WriteContrastSides(Path.Combine(folder, "knowledge"));
        await using var h = Start(provider, folder, At("2026-06-01T07:00:00Z"));

        // Each member has an order of their own: eight members, so that some order puts the two side by side.
        foreach (var user in Enumerable.Range(1, 8).Select(i => $"u{i}"))
        {
            var asked = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                var question = await QuizMeAsync(h, user);
                asked.Add(question.Markdown);
                await h.PressAsync(QuizHarness.Action(question, 0), user); // answered: not asked again today
            }

            Assert.Equal(4, asked.Distinct().Count());
            Assert.DoesNotContain(asked.Zip(asked.Skip(1)), pair => pair.First.Contains("FTP mode", StringComparison.Ordinal) && pair.Second.Contains("FTP mode", StringComparison.Ordinal));
        }
    }

    private QuizHarness Start(StorageProvider provider, string folder, FakeTimeProvider time) =>
        QuizHarness.Start(folder, time, postgres: provider == StorageProvider.Postgres ? postgres : null);

    private static Task<Reply> QuizMeAsync(QuizHarness h, string user) => h.CommandAsync("quiz me", user: user, admin: false);

    /// <summary>Member u1 presses the right choice of a question, or a wrong one.</summary>
    private static Task<Reply> AnswerAsync(QuizHarness h, Reply question, bool right) =>
        h.PressAsync(QuizHarness.Action(question, (QuizHarness.RightChoice(question) + (right ? 0 : 1)) % question.ButtonList.Count), "u1");

    private static string QuestionOf(Reply reply) => QuestionRegex().Match(reply.Markdown).Value;

    [GeneratedRegex(@"Question \d+\?")]
    private static partial Regex QuestionRegex();
}
