using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Tests.Storage;

/// <summary>SQLite-only cases; the stores' behaviour on both providers is in the integration tests'
/// <c>StoresOnBothProvidersTests</c> (they need a PostgreSQL server).</summary>
public sealed class ChatStorageTests : IDisposable
{
    private readonly TempFolder _folder = new("studybot-store-");

    private string DatabasePath => Path.Combine(_folder, "bot.db");

    [Fact]
    public async Task QuestionLog_DatabaseUnwritable_FlushStillCompletes()
    {
        Directory.CreateDirectory(DatabasePath);
        var log = new DatabaseQuestionLog(NewDatabase(), NullLogger<DatabaseQuestionLog>.Instance);
        await log.StartAsync(CancellationToken.None);

        log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Web, "Who wrote Hamlet?", false));
        await log.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Web, "Who wrote Hamlet?", false));
        await log.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private SqliteDatabase NewDatabase() => new(DatabasePath, ChatMigrations.All, NullLogger<SqliteDatabase>.Instance);
}
