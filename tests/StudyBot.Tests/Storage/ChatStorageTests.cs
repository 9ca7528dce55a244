using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
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
        var log = new DatabaseQuestionLog(NewDatabase(), TimeProvider.System, NullLogger<DatabaseQuestionLog>.Instance);
        await log.StartAsync(CancellationToken.None);

        log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Web, "Who wrote Hamlet?", false));
        await log.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Web, "Who wrote Hamlet?", false));
        await log.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task QuestionLog_StoppedWithoutFlushWhileGathering_EveryQuestionStored()
    {
        // The clock never moves, so the writer's wait for more questions never ends by itself: the stop must end it,
        // and store every batch queued (1,200 questions, more than one batch).
        var log = new DatabaseQuestionLog(NewDatabase(), new FakeTimeProvider(), NullLogger<DatabaseQuestionLog>.Instance);
        await log.StartAsync(CancellationToken.None);
        for (var i = 0; i < 1200; i++)
        {
            log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Web, $"Who wrote play number {i % 300}?", i % 3 == 0));
        }

        await log.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var reopened = new DatabaseQuestionLog(NewDatabase(), new FakeTimeProvider(), NullLogger<DatabaseQuestionLog>.Instance);
        await reopened.StartAsync(CancellationToken.None);
        var stats = await reopened.GetStatsAsync(DateOnly.FromDateTime(DateTime.UnixEpoch), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var gaps = await reopened.GetGapsAsync(1000, CancellationToken.None);
        await reopened.StopAsync(CancellationToken.None);
        Assert.Equal(new QuestionStats(AskedToday: 1200, AnsweredToday: 400, AskedTotal: 1200, AnsweredTotal: 400), stats);
        Assert.Equal(800, gaps.Sum(g => g.TimesAsked));
    }

    [Fact]
    public async Task QuestionLog_FlushWhileGathering_StoresWithoutWaitingForMore()
    {
        var log = new DatabaseQuestionLog(NewDatabase(), new FakeTimeProvider(), NullLogger<DatabaseQuestionLog>.Instance);
        await log.StartAsync(CancellationToken.None);
        log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Web, "Who wrote Hamlet?", false));
        await log.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Discord, "Who wrote Hamlet?", true));
        await log.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, await CountAskedAsync());
        await log.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task QuestionLog_NoFlush_StoredOnceTheGatherTimePasses()
    {
        // What another reader of the database (a second instance's stats) sees without a flush here.
        var time = new FakeTimeProvider();
        var log = new DatabaseQuestionLog(NewDatabase(), time, NullLogger<DatabaseQuestionLog>.Instance);
        await log.StartAsync(CancellationToken.None);
        log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Web, "Who wrote Hamlet?", false));

        // The writer's timer may start after any one advance, so the clock moves on until the question is in.
        var stored = 0L;
        for (var attempt = 0; attempt < 3000 && stored == 0; attempt++)
        {
            time.Advance(DatabaseQuestionLog.GatherTime);
            await Task.Delay(10);
            stored = await CountAskedAsync();
        }

        await log.StopAsync(CancellationToken.None);
        Assert.Equal(1, stored);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>Questions counted in the file, read through a database object of its own (no flush).</summary>
    private async Task<long> CountAskedAsync()
    {
        await using var connection = await NewDatabase().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(asked), 0) FROM chat_question_days;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private SqliteDatabase NewDatabase() => new(DatabasePath, ChatMigrations.All, NullLogger<SqliteDatabase>.Instance);
}
