using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;
using StudyBot.IntegrationTests.Host;
using StudyBot.IntegrationTests.Storage;

namespace StudyBot.IntegrationTests.Quiz;

/// <summary>A channel publisher that records posts; it can be told to fail, and drops a repeated idempotency key
/// the way Discord drops a repeated nonce.</summary>
internal sealed class RecordingPublisher(TimeProvider time, string platform = Platforms.Web) : IChannelPublisher
{
    private int _failures;
    private int _ids;

    public string Platform => platform;

    public ConcurrentQueue<(string ChannelId, Reply Reply, string Key, DateTimeOffset At)> Posts { get; } = new();

    public ConcurrentQueue<string> Attempts { get; } = new();

    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public IEnumerable<(string ChannelId, Reply Reply, string Key, DateTimeOffset At)> Quizzes => Posts.Where(p => p.Reply.Kind == ReplyKind.Quiz);

    public IEnumerable<(string ChannelId, Reply Reply, string Key, DateTimeOffset At)> Reveals => Posts.Where(p => p.Reply.Kind == ReplyKind.QuizReveal);

    public Task<string> PostAsync(string channelId, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(idempotencyKey);
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new HttpRequestException("platform unavailable");
        }

        if (!Posts.Any(p => p.Key == idempotencyKey))
        {
            Posts.Enqueue((channelId, reply, idempotencyKey, time.GetUtcNow()));
        }

        return Task.FromResult("m" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>A knowledge base with fixed passages.</summary>
internal sealed class FixedKnowledgeBase(IReadOnlyList<Passage> passages, DateTimeOffset loadedAt) : IKnowledgeBase
{
    private KnowledgeStats _stats = new(1, passages.Count, new Dictionary<string, int>(), [], loadedAt);

    public IReadOnlyList<Passage> Passages { get; private set; } = passages;

    public KnowledgeStats Stats => _stats;

    public event EventHandler<ReloadReport>? Reloaded;

    public Answer Ask(string question) => new(question, false, AnswerVerdict.None, string.Empty, [], []);

    public Task<ReloadReport> ReloadAsync(CancellationToken cancellationToken)
    {
        _stats = _stats with { LoadedAt = _stats.LoadedAt.AddSeconds(1) };
        var report = new ReloadReport(true, null, [], [], [], 0, 0, [], _stats);
        Reloaded?.Invoke(this, report);
        return Task.FromResult(report);
    }
}

/// <summary>The quiz services of the real app (<see cref="BotHost.Build"/>, built but not started: no web server,
/// no background service but the quiz scheduler, which tests drive), on a real SQLite file or a real PostgreSQL
/// database when given a server, with fixed passages, a recording publisher and a knowledge folder with team
/// questions; "restart" = a new harness on the same folder (and so the same database).</summary>
internal sealed class QuizHarness : IAsyncDisposable
{
    private readonly WebApplication _app;

    private QuizHarness(string folder, FakeTimeProvider time, RecordingPublisher publisher, IReadOnlyList<Passage> passages,
        IDictionary<string, string?>? settings, PostgresServer? postgres, IChannelPublisher? platform)
    {
        Folder = folder;
        Time = time;
        Publisher = publisher;
        var config = new Dictionary<string, string>
        {
            ["Storage:Path"] = Path.Combine(folder, "data", "studybot.db"),
            ["Knowledge:Path"] = Path.Combine(folder, "knowledge"),
            ["Quiz:RevealAfter"] = "01:00:00",

            // Commands go through the conversation core (which refuses and audits admin verbs); tests send many.
            ["Chat:RateLimit:TokenLimit"] = "1000000",
        };
        if (postgres is not null)
        {
            Postgres = postgres;
            DatabaseName = postgres.CreateDatabase(folder);
            foreach (var (k, v) in postgres.Settings(DatabaseName))
            {
                config[k] = v!;
            }
        }

        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v!;
        }

        _app = BotHost.Build([.. BotServer.Arguments(folder, config)], services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.RemoveAll<IKnowledgeBase>();
            services.AddSingleton<IKnowledgeBase>(new FixedKnowledgeBase(passages, time.GetUtcNow()));
            services.RemoveAll<IChannelPublisher>();
            services.AddSingleton(platform ?? publisher);

            // The tests drive the quiz scheduler, the only background service they start (or tick it themselves).
            services.RemoveAll<IHostedService>();
            services.AddHostedService(sp => sp.GetRequiredService<QuizScheduler>());
        });
    }

    public string Folder { get; }

    public FakeTimeProvider Time { get; }

    public RecordingPublisher Publisher { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The quiz scheduler's loop, for tests that start it (a tick without it: <see cref="TickAsync"/>).</summary>
    public IHostedService Scheduler => _app.Services.GetRequiredService<QuizScheduler>();

    /// <summary>The PostgreSQL server and database, when the harness runs on one.</summary>
    public PostgresServer? Postgres { get; }

    public string? DatabaseName { get; }

    /// <summary>A new temp folder with a quiz file of <paramref name="questions"/> team questions (answer: the first
    /// choice). It outlives each harness on it (a restart is a new harness on the same folder), so the test owns it:
    /// <c>using var folder = QuizHarness.NewFolder(3);</c> before the harnesses, which are disposed first.</summary>
    public static TempFolder NewFolder(int questions)
    {
        var folder = new TempFolder("studybot-quiz-");
        WriteTeamQuestions(folder.Folder("knowledge"), questions);
        return folder;
    }

    /// <summary>Writes <c>team.quiz.md</c> with <paramref name="questions"/> team questions (answer: "right N") into a notes folder.</summary>
    public static void WriteTeamQuestions(string knowledgeFolder, int questions)
    {
        var text = new StringBuilder("# Team questions\n\n");
        for (var i = 1; i <= questions; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## Question {i}?\n- [x] right {i}\n- [ ] wrong {i}a\n- [ ] wrong {i}b\n\n> Because {i}.\n\n");
        }

        File.WriteAllText(Path.Combine(knowledgeFolder, "team.quiz.md"), text.ToString());
    }

    /// <summary>Writes <c>team.quiz.md</c> with both sides of one contrast (two FTP questions with the same two choices)
    /// and three questions on other things (DNS and DHCP share neither their answer nor their set of choices).</summary>
    public static void WriteContrastSides(string knowledgeFolder) =>
        File.WriteAllText(Path.Combine(knowledgeFolder, "team.quiz.md"), """
            # Team questions

            ## In which FTP mode does the server open the data connection?
            - [x] Active Mode
            - [ ] Passive Mode

            ## In which FTP mode does the client open the data connection?
            - [x] Passive Mode
            - [ ] Active Mode

            ## Which port does HTTPS use?
            - [x] 443
            - [ ] 80
            - [ ] 22

            ## Which protocol resolves host names?
            - [x] DNS
            - [ ] DHCP
            - [ ] ARP

            ## Which protocol hands out IP addresses?
            - [x] DHCP
            - [ ] DNS
            - [ ] NTP
            """);

    /// <summary>The idempotency key of a web channel's occurrence: one per occurrence, whichever instance posts it; its
    /// reveal's key starts with "r" instead of "q".</summary>
    public static string OccurrenceKey(DateTimeOffset occurrence, string channel = "c1") =>
        "q" + QuizQuestion.MakeId(Platforms.Web, channel, QuizStore.Iso(occurrence));

    public static QuizHarness Start(string folder, FakeTimeProvider time, RecordingPublisher? publisher = null,
        IReadOnlyList<Passage>? passages = null, IDictionary<string, string?>? settings = null, PostgresServer? postgres = null,
        IChannelPublisher? platform = null) =>
        new(folder, time, publisher ?? new RecordingPublisher(time), passages ?? [], settings, postgres, platform);

    public Task<DateTimeOffset> TickAsync() => _app.Services.GetRequiredService<QuizScheduler>().RunOnceAsync(CancellationToken.None);

    /// <summary>Runs the scheduler the way its loop does, jumping the fake clock to each wake-up, until <paramref name="end"/>.</summary>
    public async Task RunUntilAsync(DateTimeOffset end)
    {
        while (Time.GetUtcNow() < end)
        {
            var next = await TickAsync();
            var now = Time.GetUtcNow();
            Time.SetUtcNow(next <= now ? now.AddSeconds(1) : next < end ? next : end);
        }

        await TickAsync();
    }

    public Task EnsureChannelAsync(string channel, string cron, string zone) =>
        _app.Services.GetRequiredService<IQuizChannelRegistry>().EnsureScheduleAsync(new QuizChannelSchedule(Platforms.Web, channel, cron, zone), CancellationToken.None);

    /// <summary>Sends <paramref name="text"/> as a command ("/"-prefixed) through the conversation core, which enforces
    /// the catalogue's admin rules.</summary>
    public Task<Reply> CommandAsync(string text, string channel = "c1", string user = "admin", bool admin = true) =>
        _app.Services.GetRequiredService<IConversation>().HandleAsync(Message(channel, user, admin, "/" + text), CancellationToken.None);

    public Task<Reply> PressAsync(string actionId, string user, string channel = "c1") =>
        _app.Services.GetServices<IChatActionHandler>().Single(h => h.Prefix == "quiz")
            .HandleAsync(Message(channel, user, false, string.Empty) with { ActionData = actionId }, CancellationToken.None);

    /// <summary>The quiz post's id, from its buttons' action ids (<c>quiz:{postId}:{choice}</c>).</summary>
    public static long PostId(Reply quiz) => long.Parse(quiz.ButtonList[0].ActionId.Split(':')[1], CultureInfo.InvariantCulture);

    /// <summary>The action id of choice <paramref name="choice"/> on a posted quiz.</summary>
    public static string Action(Reply quiz, int choice) => quiz.ButtonList[choice].ActionId;

    /// <summary>The choice index whose text is "right N" (team questions put the right answer first, then shuffled by nobody).</summary>
    public static int RightChoice(Reply quiz) => quiz.ButtonList.Select((b, i) => (b, i)).First(x => x.b.Label.Contains(". right", StringComparison.Ordinal)).i;

    private static IncomingMessage Message(string channel, string user, bool admin, string text) =>
        new(Platforms.Web, channel, user, "Name " + user, text, IsAdmin: admin);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
