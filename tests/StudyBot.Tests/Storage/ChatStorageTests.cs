using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Tests.Storage;

public sealed class ChatStorageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("studybot-store-").FullName;

    private string DatabasePath => Path.Combine(_folder, "bot.db");

    [Fact]
    public async Task QuestionLog_NewInstanceOnSameFile_KeepsCountsAndGaps()
    {
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var first = await StartLogAsync();
        first.Record(new QuestionRecord(at, Platforms.Web, "Who wrote Hamlet?", false));
        first.Record(new QuestionRecord(at, Platforms.Discord, "Is EBS encrypted?", true));
        await first.StopAsync(CancellationToken.None);

        var second = await StartLogAsync();
        second.Record(new QuestionRecord(at.AddDays(1), Platforms.Web, "who wrote hamlet", false));
        var stats = await second.GetStatsAsync(DateOnly.FromDateTime(at.AddDays(1).UtcDateTime), CancellationToken.None);
        var gaps = await second.GetGapsAsync(10, CancellationToken.None);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(new QuestionStats(AskedToday: 1, AnsweredToday: 0, AskedTotal: 3, AnsweredTotal: 1), stats);
        var gap = Assert.Single(gaps);
        Assert.Equal(("who wrote hamlet", 2L, at.AddDays(1)), (gap.Question, gap.TimesAsked, gap.LastAsked));
    }

    [Fact]
    public async Task QuestionLog_GapAnsweredLater_LeavesGapsUntilDeclinedAgain()
    {
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var log = await StartLogAsync();
        log.Record(new QuestionRecord(at, Platforms.Web, "What is Macie?", false));
        log.Record(new QuestionRecord(at.AddMinutes(1), Platforms.Web, "what is macie", true));
        var afterAnswer = await log.GetGapsAsync(10, CancellationToken.None);
        log.Record(new QuestionRecord(at.AddMinutes(2), Platforms.Web, "What is Macie?", false));
        var afterDecline = await log.GetGapsAsync(10, CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        Assert.Empty(afterAnswer);
        Assert.Equal(2, Assert.Single(afterDecline).TimesAsked);
    }

    [Fact]
    public async Task QuestionLog_MoreDistinctGapsThanTheCap_KeepsTheMostAskedWithinTheCap()
    {
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var log = new DatabaseQuestionLog(NewDatabase(), NullLogger<DatabaseQuestionLog>.Instance, maxGaps: 50);
        await log.StartAsync(CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            log.Record(new QuestionRecord(at, Platforms.Web, "Who wrote Hamlet?", false));
        }

        // Anonymous visitors with fresh ids, each asking something new: the table must not grow with them.
        for (var i = 0; i < 500; i++)
        {
            log.Record(new QuestionRecord(at.AddSeconds(i), Platforms.Web, $"Random question number {i} {new string('x', 400)}?", false));
        }

        var gaps = await log.GetGapsAsync(1000, CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        Assert.Equal(50, gaps.Count);
        Assert.Equal("who wrote hamlet", gaps[0].Question);
    }

    [Fact]
    public async Task QuestionLog_DatabaseUnwritable_FlushStillCompletes()
    {
        Directory.CreateDirectory(DatabasePath);
        var log = new DatabaseQuestionLog(NewDatabase(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseQuestionLog>.Instance);
        await log.StartAsync(CancellationToken.None);

        log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Web, "Who wrote Hamlet?", false));
        await log.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        log.Record(new QuestionRecord(DateTimeOffset.UnixEpoch, Platforms.Web, "Who wrote Hamlet?", false));
        await log.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AuditLog_Entries_NewestFirstAndSurviveNewInstance()
    {
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var audit = new DatabaseAuditLog(NewDatabase());
        await audit.RecordAsync(new AuditEntry(at, "web", "u1", "Ada", "reload", "", AuditOutcomes.Ok), CancellationToken.None);
        await audit.RecordAsync(new AuditEntry(at.AddMinutes(1), "discord", "u2", "Bob", "stats", "", AuditOutcomes.Refused), CancellationToken.None);

        var entries = await new DatabaseAuditLog(NewDatabase()).RecentAsync(10, CancellationToken.None);

        Assert.Equal(["stats", "reload"], entries.Select(e => e.Command));
        Assert.Equal(new AuditEntry(at.AddMinutes(1), "discord", "u2", "Bob", "stats", "", AuditOutcomes.Refused), entries[0]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteDatabase NewDatabase() => new(DatabasePath, ChatMigrations.All, NullLogger<SqliteDatabase>.Instance);

    private async Task<DatabaseQuestionLog> StartLogAsync()
    {
        var log = new DatabaseQuestionLog(NewDatabase(), NullLogger<DatabaseQuestionLog>.Instance);
        await log.StartAsync(CancellationToken.None);
        return log;
    }
}
