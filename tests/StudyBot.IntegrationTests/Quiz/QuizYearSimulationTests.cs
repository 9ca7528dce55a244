using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace StudyBot.IntegrationTests.Quiz;

/// <summary>
/// A year of weekday quizzes on a fake clock, real SQLite and the real scheduler: five members answering right 50,
/// 50, 70, 70 and 90 % of the time (a seeded random, so every run is the same year).
/// </summary>
public sealed class QuizYearSimulationTests(ITestOutputHelper output)
{
    private const int RepeatAfterDays = 60;

    [Fact]
    public async Task Rotation_OneYearOfWeekdayQuizzes_MostlyNewQuestionsNoEarlyRepeatAndReviewsServed()
    {
        var start = DateTimeOffset.Parse("2026-01-05T00:00:00Z", CultureInfo.InvariantCulture); // a Monday
        var time = new FakeTimeProvider(start);
        using var folder = QuizHarness.NewFolder(1000);
        await using var h = QuizHarness.Start(folder, time);
        await h.EnsureChannelAsync("c1", "0 9 * * 1-5", "UTC");
        (string User, double Accuracy)[] members = [("m1", 0.5), ("m2", 0.5), ("m3", 0.7), ("m4", 0.7), ("m5", 0.9)];
        var random = new Random(20261105);
        var asked = new List<(string Question, DateTimeOffset At, int Right)>();

        for (var day = 0; day < 365; day++)
        {
            var date = start.AddDays(day);
            time.SetUtcNow(date.AddHours(9));
            await h.TickAsync();
            if (h.Publisher.Quizzes.Count() > asked.Count)
            {
                var quiz = h.Publisher.Quizzes.Last().Reply;
                var right = QuizHarness.RightChoice(quiz);
                var rightCount = 0;
                foreach (var (user, accuracy) in members)
                {
                    var correct = random.NextDouble() < accuracy;
                    rightCount += correct ? 1 : 0;
                    await h.PressAsync(QuizHarness.Action(quiz, correct ? right : (right + 1) % quiz.ButtonList.Count), user);
                }

                asked.Add((quiz.Markdown.Split('\n')[0], date, rightCount));
            }

            time.SetUtcNow(date.AddHours(10).AddMinutes(1));
            await h.TickAsync();
        }

        var repeats = asked.Select((a, i) => (a, i))
            .Where(x => asked.Take(x.i).Any(b => b.Question == x.a.Question))
            .Select(x => (x.a, Previous: asked.Take(x.i).Last(b => b.Question == x.a.Question)))
            .ToList();
        var distinct = asked.Select(a => a.Question).Distinct().Count();
        var summary = $"{asked.Count} posts, {distinct} distinct, {repeats.Count} reviews, misses {asked.Count(a => a.Right < 3)}";

        output.WriteLine(summary);
        Assert.Equal(261, asked.Count);
        Assert.True(distinct >= 250, summary);
        Assert.NotEmpty(repeats);
        Assert.All(repeats, r =>
        {
            Assert.True((r.a.At - r.Previous.At).TotalDays >= RepeatAfterDays, $"{r.a.Question} again after {(r.a.At - r.Previous.At).TotalDays} days");
            Assert.True(r.Previous.Right < 3, $"{r.a.Question} came back though the channel got it right");
        });
    }
}
