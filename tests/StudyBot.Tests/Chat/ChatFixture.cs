using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;
using StudyBot.Core.Chat.Commands;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Storage;

namespace StudyBot.Tests.Chat;

/// <summary>A conversation core on a real SQLite file in a temp folder, a fake knowledge base and a fake clock.</summary>
internal sealed class ChatFixture : IAsyncDisposable
{
    private readonly TempFolder _folder = new("studybot-chat-");

    public ChatFixture(
        ChatOptions? options = null, IEnumerable<IChatCommand>? commands = null, IEnumerable<IChatActionHandler>? actions = null, SourceLinks? links = null,
        NoteImageFinder? images = null)
    {
        try
        {
            Database = new SqliteDatabase(_folder.Combine("bot.db"), ChatMigrations.All, NullLogger<SqliteDatabase>.Instance);
            Questions = new DatabaseQuestionLog(Database, Time, NullLogger<DatabaseQuestionLog>.Instance);
            Questions.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            Audit = new DatabaseAuditLog(Database);
            var chatOptions = Options.Create(options ?? new ChatOptions());
            Limiter = new QuestionRateLimiter(chatOptions);
            IChatCommand[] builtIn =
            [
                new SourcesCommand(Knowledge),
                new ReloadCommand(Knowledge),
                new StatsCommand(Knowledge, Questions, Time),
                new GapsCommand(Questions, Time),
            ];
            Answers = new AnswerCache(Knowledge, chatOptions);
            Conversation = new Conversation(
                Answers, builtIn.Concat(commands ?? []), (actions ?? []).Append(new AnswerFeedback(Questions, Time)), Questions, Audit, Limiter, Time, chatOptions, Logs.For<Conversation>(), links, images);
        }
        catch (Exception)
        {
            // A fixture that cannot be built (a test of a bad command list) still stops what it started and removes
            // its folder.
            DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public FakeKnowledgeBase Knowledge { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    public SqliteDatabase Database { get; }

    public DatabaseQuestionLog Questions { get; }

    public DatabaseAuditLog Audit { get; }

    public QuestionRateLimiter Limiter { get; }

    public AnswerCache Answers { get; }

    public LogCapture Logs { get; } = new();

    public Conversation Conversation { get; }

    public Task<Reply> SendAsync(string text, bool admin = false, string user = "u1") =>
        Conversation.HandleAsync(new IncomingMessage(Platforms.Web, "web", user, "Ada", text, IsAdmin: admin), CancellationToken.None);

    /// <summary>Stops and disposes what the fixture made (only what was made, when its constructor failed part way),
    /// then removes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Questions is not null)
        {
            await Questions.StopAsync(CancellationToken.None);
        }

        Limiter?.Dispose();
        Answers?.Dispose();
        _folder.Dispose();
    }
}
