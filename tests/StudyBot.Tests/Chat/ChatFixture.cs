using Microsoft.Extensions.Logging;
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
    private readonly string _folder = Directory.CreateTempSubdirectory("studybot-chat-").FullName;

    public ChatFixture(
        ChatOptions? options = null, IEnumerable<IChatCommand>? commands = null, IEnumerable<IChatActionHandler>? actions = null, SourceLinks? links = null,
        NoteImageFinder? images = null)
    {
        Database = new SqliteDatabase(Path.Combine(_folder, "bot.db"), ChatMigrations.All, NullLogger<SqliteDatabase>.Instance);
        Questions = new DatabaseQuestionLog(Database, NullLogger<DatabaseQuestionLog>.Instance);
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
            Answers, builtIn.Concat(commands ?? []), (actions ?? []).Append(new AnswerFeedback(Questions, Time)), Questions, Audit, Limiter, Time, chatOptions, Logger, links, images);
    }

    public FakeKnowledgeBase Knowledge { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    public SqliteDatabase Database { get; }

    public DatabaseQuestionLog Questions { get; }

    public DatabaseAuditLog Audit { get; }

    public QuestionRateLimiter Limiter { get; }

    public AnswerCache Answers { get; }

    public RecordingLogger<Conversation> Logger { get; } = new();

    public Conversation Conversation { get; }

    public Task<Reply> SendAsync(string text, bool admin = false, string user = "u1") =>
        Conversation.HandleAsync(new IncomingMessage(Platforms.Web, "web", user, "Ada", text, IsAdmin: admin), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Questions.StopAsync(CancellationToken.None);
        Limiter.Dispose();
        Answers.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Keeps log entries so tests can see that an error was logged.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }
}
