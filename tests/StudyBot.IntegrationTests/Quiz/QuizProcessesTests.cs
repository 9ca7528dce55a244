using System.Globalization;
using StudyBot.Core.Chat;
using StudyBot.IntegrationTests.Host;
using StudyBot.IntegrationTests.Storage;
using StudyBot.ProcessHost;

namespace StudyBot.IntegrationTests.Quiz;

/// <summary>
/// Two bot processes (<see cref="BotProcess"/>: the real app, each with its own Kestrel, notes index and fake clock,
/// which the test moves in step) on one PostgreSQL database; one is killed (no graceful shutdown) in the middle of a
/// publish. The same run as <see cref="QuizMultiInstanceTests"/>, with real processes, a real kill and the web API.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class QuizProcessesTests(PostgresServer postgres)
{
    /// <summary>The web chat's channel: the quiz is posted there and its buttons pressed through <c>/api/chat</c>.</summary>
    private const string Channel = "web";

    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(2);

    /// <summary>Questions the notes answer, asked of either process while the clocks move.</summary>
    private static readonly string[] Questions = ["Is EBS encrypted by default?", "What is GuardDuty?", "What does a WAF stop?"];

    [Fact]
    public async Task TwoProcesses_EveryMinuteFor100Occurrences_OneKilledMidPublish_EachPostedOnceAndNoAnswerLost()
    {
        var start = DateTimeOffset.Parse("2026-06-01T06:00:00Z", CultureInfo.InvariantCulture);
        var folder = BotServer.CreateFolder();
        try
        {
            QuizHarness.WriteTeamQuestions(Path.Combine(folder, "knowledge"), 120);
            var database = postgres.CreateDatabase(folder);
            await using var a = BotProcess.Start("a", folder, Settings(folder, database, "a"), start);
            await using var b = BotProcess.Start("b", folder, Settings(folder, database, "b"), start);
            await Task.WhenAll(a.ReadyAsync(), b.ReadyAsync());
            await Task.WhenAll(HealthyAsync(a), HealthyAsync(b));
            await Task.WhenAll(a.SetClockAsync(start), b.SetClockAsync(start));

            const int Occurrences = 100;
            const int Crash = 50;
            var answered = new Dictionary<string, bool>(StringComparer.Ordinal); // quiz key → the press was counted
            for (var minute = 1; minute <= Occurrences; minute++)
            {
                var at = start.AddMinutes(minute);

                // A member's question lands on one of the live processes while both wake for the same occurrence.
                var question = AskAsync(minute < Crash && minute % 2 == 0 ? a : b, Questions[minute % Questions.Length]);
                var clocks = minute < Crash ? Task.WhenAll(a.SetClockAsync(at), b.SetClockAsync(at))
                    : minute == Crash ? CrashAsync(a, b, at)
                    : b.SetClockAsync(at);
                await Task.WhenAll(clocks, question);

                // Every quiz is answered once, through either process's web API, as members' button presses land.
                foreach (var quiz in Quizzes(a, b).Where(q => !answered.ContainsKey(q.Post.Key)).ToList())
                {
                    var user = "u" + (answered.Count % 5).ToString(CultureInfo.InvariantCulture);
                    var on = minute < Crash && answered.Count % 2 == 0 ? a : b;
                    var posted = quiz.Post.Reply.ToReply();
                    var reply = await on.ChatAsync(user, action: QuizHarness.Action(posted, QuizHarness.RightChoice(posted)));
                    answered[quiz.Post.Key] = reply.Markdown.StartsWith("Correct", StringComparison.Ordinal);
                    if (!answered[quiz.Post.Key])
                    {
                        // The quiz a died on is posted late, in the same run as that minute's own quiz, and the one
                        // posted second reveals the first at once.
                        Assert.Contains("closed", reply.Markdown, StringComparison.Ordinal);
                    }
                }
            }

            // The last quiz is revealed an hour later by the survivor (with the schedule off, so no 101st is posted).
            await b.ChatAsync("admin", "quiz off", admin: true);
            await b.SetClockAsync(start.AddMinutes(Occurrences).AddHours(1));

            // Every report of both processes, a's up to its death: a quiz reported twice would be here twice.
            var quizzes = Quizzes(a, b).ToList();
            Assert.Equal(Occurrences, quizzes.Count);
            Assert.Equal(Occurrences, quizzes.Select(q => q.Post.Key).Distinct().Count());
            Assert.All(quizzes, q => Assert.Equal(Channel, q.Post.ChannelId));
            Assert.All(quizzes.Where(q => q.By == a.Name), q => Assert.True(q.Post.At < start.AddMinutes(Crash)));
            Assert.Contains(quizzes, q => q.By == a.Name);

            // Every occurrence but the one a died on was posted at its minute, every later one by b; that one by b,
            // once a's claim ran out: within the lease time.
            for (var m = 1; m <= Occurrences; m++)
            {
                var quiz = Assert.Single(quizzes, q => q.Post.Key == QuizHarness.OccurrenceKey(start.AddMinutes(m), Channel));
                if (m == Crash)
                {
                    Assert.Equal(b.Name, quiz.By);
                    Assert.InRange(quiz.Post.At - start.AddMinutes(m), TimeSpan.Zero, LeaseTime);
                }
                else
                {
                    Assert.Equal(start.AddMinutes(m), quiz.Post.At);
                    Assert.True(m < Crash || quiz.By == b.Name, $"minute {m} was posted by {quiz.By} after it was killed");
                }
            }

            // No answer lost: each quiz revealed exactly once, counting the press it got, and the scores hold every
            // counted press. At most the late quiz and the one posted beside it closed before their press.
            var reveals = a.Posts.Concat(b.Posts).Where(p => p.Reply.Kind == ReplyKind.QuizReveal).ToList();
            Assert.Equal(Occurrences, reveals.Count);
            Assert.Equal(Occurrences, reveals.Select(r => r.Key).Distinct().Count());
            Assert.InRange(answered.Count(x => x.Value), Occurrences - 2, Occurrences);
            foreach (var (key, counted) in answered)
            {
                var reveal = Assert.Single(reveals, r => r.Key == "r" + key[1..]);
                Assert.Contains(counted ? "1 answered, 100% correct" : "nobody answered", reveal.Reply.Markdown, StringComparison.Ordinal);
            }

            var points = 0;
            for (var u = 0; u < 5; u++)
            {
                var me = await b.ChatAsync("u" + u.ToString(CultureInfo.InvariantCulture), "me");
                points += int.Parse(me.Markdown.Split(' ')[0], CultureInfo.InvariantCulture);
            }

            Assert.Equal(answered.Count(x => x.Value), points);
        }
        finally
        {
            folder.Dispose();
        }
    }

    /// <summary>The settings of process <paramref name="name"/>: the shared database and notes, a data folder (notes
    /// index) of its own, the web channel's quiz every minute.</summary>
    private Dictionary<string, string> Settings(string folder, string database, string name)
    {
        var settings = postgres.Settings(database).ToDictionary(kv => kv.Key, kv => kv.Value!);
        settings["Storage:Path"] = Path.Combine(folder, "data-" + name, "studybot.db");
        settings["Quiz:Channels:0:Platform"] = Platforms.Web;
        settings["Quiz:Channels:0:ChannelId"] = Channel;
        settings["Quiz:Channels:0:Cron"] = "* * * * *";
        settings["Quiz:Channels:0:TimeZone"] = "UTC";
        settings["Quiz:LeaseTime"] = LeaseTime.ToString();
        settings["Quiz:RevealAfter"] = "01:00:00";

        // Every press and question goes through the conversation core's rate limit, on a clock that moves by minutes.
        settings["Chat:RateLimit:TokenLimit"] = "1000000";
        return settings;
    }

    /// <summary>
    /// Process <paramref name="dying"/> takes this minute's work and is killed in the middle of publishing it, holding
    /// its claims (the quiz's and the reveal of the one before); then the survivor's clock reaches the same minute.
    /// </summary>
    private static async Task CrashAsync(BotProcess dying, BotProcess survivor, DateTimeOffset at)
    {
        await dying.HangAtAsync(at);
        await dying.KillAsync();
        await survivor.SetClockAsync(at);
    }

    private static Task HealthyAsync(BotProcess process) => Wait.UntilAsync(
        async () =>
        {
            using var health = await process.Client.GetAsync("healthz");
            return health.IsSuccessStatusCode;
        },
        $"{process.Name} to be healthy",
        poll: TimeSpan.FromMilliseconds(100));

    /// <summary>Asks a question the notes answer; it must be answered, with a citation.</summary>
    private static async Task AskAsync(BotProcess process, string question)
    {
        var reply = await process.ChatAsync("member", question);
        Assert.True(reply.Citations.Count > 0, $"{process.Name} did not answer '{question}': {reply.Markdown}");
    }

    private static IEnumerable<(string By, HostPost Post)> Quizzes(params BotProcess[] processes) =>
        processes.SelectMany(p => p.Posts.Where(q => q.Reply.Kind == ReplyKind.Quiz).Select(q => (p.Name, q)));
}
