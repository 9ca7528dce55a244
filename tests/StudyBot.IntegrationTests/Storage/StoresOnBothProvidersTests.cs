using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Core.Storage;
using StudyBot.Teams.Storage;
using StudyBot.Web;

namespace StudyBot.IntegrationTests.Storage;

/// <summary>
/// Every store on both providers: the chat question log and audit table, the web chat's channel posts and the Teams
/// state, on a SQLite file and on a PostgreSQL database, with every migration of the app applied.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoresOnBothProvidersTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new("studybot-stores-");
    private readonly List<Database> _opened = [];

    public static TheoryData<StorageProvider> Providers => new(StorageProvider.Sqlite, StorageProvider.Postgres);

    private static IEnumerable<IMigration> AllMigrations =>
    [
        .. ChatMigrations.All, .. QuizMigrations.All, .. WebChatMigrations.All,
        .. StudyBot.Discord.Rest.DiscordMigrations.All, .. TeamsMigrations.All,
    ];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuestionLog_NewInstanceOnSameDatabase_KeepsCountsAndGaps(StorageProvider provider)
    {
        var first = await StartLogAsync(provider);
        first.Record(new QuestionRecord(At, Platforms.Web, "Who wrote Hamlet?", false));
        first.Record(new QuestionRecord(At, Platforms.Discord, "Is EBS encrypted?", true));
        await first.StopAsync(CancellationToken.None);

        var second = await StartLogAsync(provider);
        second.Record(new QuestionRecord(At.AddDays(1), Platforms.Web, "who wrote hamlet", false));
        var stats = await second.GetStatsAsync(DateOnly.FromDateTime(At.AddDays(1).UtcDateTime), CancellationToken.None);
        var gaps = await second.GetGapsAsync(10, CancellationToken.None);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(new QuestionStats(AskedToday: 1, AnsweredToday: 0, AskedTotal: 3, AnsweredTotal: 1), stats);
        var gap = Assert.Single(gaps);
        Assert.Equal(("who wrote hamlet", 2L, At.AddDays(1)), (gap.Question, gap.TimesAsked, gap.LastAsked));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuestionLog_AnsweredQuestions_FrequentOnesMatchingTheTypedTextMostAskedFirst(StorageProvider provider)
    {
        var log = await StartLogAsync(provider);
        log.Record(new QuestionRecord(At, Platforms.Web, "Is EBS encrypted by default?", true));
        log.Record(new QuestionRecord(At.AddMinutes(1), Platforms.Discord, "is ebs encrypted by default", true));
        log.Record(new QuestionRecord(At.AddMinutes(2), Platforms.Web, "How do I encrypt an S3 bucket?", true));
        log.Record(new QuestionRecord(At.AddMinutes(3), Platforms.Web, "What is encryption_at_rest 100%?", true));
        log.Record(new QuestionRecord(At.AddMinutes(4), Platforms.Web, "Who wrote Hamlet and encrypted it?", false));
        await log.FlushAsync(CancellationToken.None);

        var encr = await log.GetFrequentQuestionsAsync("ENCR", 10, CancellationToken.None);
        var percent = await log.GetFrequentQuestionsAsync("%", 10, CancellationToken.None); // % and _ are not wildcards
        var underscore = await log.GetFrequentQuestionsAsync("ebs_encrypted", 10, CancellationToken.None);
        var all = await log.GetFrequentQuestionsAsync("", 2, CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        // Asked twice first (as last asked), then the others; a declined question is never offered.
        Assert.Equal("is ebs encrypted by default", encr[0]);
        Assert.Equal(3, encr.Count);
        Assert.DoesNotContain(encr, q => q.Contains("Hamlet", StringComparison.Ordinal));
        Assert.Equal(2, all.Count);
        Assert.Equal(["What is encryption_at_rest 100%?"], percent);
        Assert.Empty(underscore);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuestionLog_GapAnsweredLater_LeavesGapsUntilDeclinedAgain(StorageProvider provider)
    {
        var log = await StartLogAsync(provider);
        log.Record(new QuestionRecord(At, Platforms.Web, "What is Macie?", false));
        log.Record(new QuestionRecord(At.AddMinutes(1), Platforms.Web, "what is macie", true));
        var afterAnswer = await log.GetGapsAsync(10, CancellationToken.None);
        log.Record(new QuestionRecord(At.AddMinutes(2), Platforms.Web, "What is Macie?", false));
        var afterDecline = await log.GetGapsAsync(10, CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        Assert.Empty(afterAnswer);
        Assert.Equal(2, Assert.Single(afterDecline).TimesAsked);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuestionLog_WrongAnswersAndDone_ListedUntilMarkedDoneThenBackWhenFlaggedAgain(StorageProvider provider)
    {
        var log = await StartLogAsync(provider);
        log.Record(new QuestionRecord(At, Platforms.Web, "Is EBS encrypted?", true));
        await log.RecordWrongAnswerAsync("Is EBS encrypted?", At.AddMinutes(1), CancellationToken.None);
        await log.RecordWrongAnswerAsync("is ebs encrypted", At.AddMinutes(2), CancellationToken.None);
        var flagged = Assert.Single(await log.GetGapsAsync(10, CancellationToken.None));

        Assert.True(await log.MarkGapDoneAsync(flagged.Question, At.AddMinutes(3), CancellationToken.None));
        var afterDone = await log.GetGapsAsync(10, CancellationToken.None);
        await log.RecordWrongAnswerAsync("Is EBS encrypted?", At.AddMinutes(4), CancellationToken.None);
        var again = Assert.Single(await log.GetGapsAsync(10, CancellationToken.None));
        await log.StopAsync(CancellationToken.None);

        Assert.Equal((2L, At.AddMinutes(2)), (flagged.WrongAnswers, flagged.LastAsked));
        Assert.Empty(afterDone);
        Assert.Equal((3L, At.AddMinutes(4)), (again.WrongAnswers, again.LastAsked));
        Assert.False(await log.MarkGapDoneAsync("never asked", At, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuestionLog_WhatWasWrongComments_NewestFewPerGapWithTheirGap(StorageProvider provider)
    {
        var log = await StartLogAsync(provider);
        await log.RecordWrongAnswerAsync("Is EBS encrypted?", At, CancellationToken.None);
        await log.RecordWrongAnswerAsync("Who rotates KMS keys?", At, CancellationToken.None);
        for (var i = 1; i <= 4; i++)
        {
            await log.RecordWrongAnswerCommentAsync("is ebs encrypted", $"comment {i}", At.AddMinutes(i), CancellationToken.None);
        }

        await log.RecordWrongAnswerCommentAsync("Who rotates KMS keys?", "AWS does, yearly", At.AddMinutes(5), CancellationToken.None);
        var gaps = await log.GetGapsAsync(10, CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        Assert.Equal(["comment 4", "comment 3", "comment 2"], gaps.Single(g => g.Question == "is ebs encrypted").CommentList);
        Assert.Equal(["AWS does, yearly"], gaps.Single(g => g.Question == "who rotates kms keys").CommentList);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuestionLog_MoreDistinctGapsThanTheCap_KeepsTheMostAskedWithinTheCap(StorageProvider provider)
    {
        var log = new DatabaseQuestionLog(Open(provider), TimeProvider.System, NullLogger<DatabaseQuestionLog>.Instance, maxGaps: 50);
        await log.StartAsync(CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            log.Record(new QuestionRecord(At, Platforms.Web, "Who wrote Hamlet?", false));
        }

        // Anonymous visitors with fresh ids, each asking something new: the table must not grow with them.
        for (var i = 0; i < 500; i++)
        {
            log.Record(new QuestionRecord(At.AddSeconds(i), Platforms.Web, $"Random question number {i} {new string('x', 400)}?", false));
        }

        var gaps = await log.GetGapsAsync(1000, CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        Assert.Equal(50, gaps.Count);
        Assert.Equal("who wrote hamlet", gaps[0].Question);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuestionLog_TwoInstancesWritingTheSameQuestionsAtOnce_EveryQuestionCounted(StorageProvider provider)
    {
        // Two instances (two logs on one database) each get 1,500 declined questions over the same 40 texts, in
        // opposite orders, so their batches upsert the same rows at the same time.
        var first = await StartLogAsync(provider);
        var second = await StartLogAsync(provider);
        var texts = Enumerable.Range(0, 40).Select(i => $"What is service number {i}?").ToList();
        var writers = new[] { (Log: first, Texts: texts), (Log: second, Texts: Enumerable.Reverse(texts).ToList()) }
            .Select(w => Task.Run(() =>
            {
                for (var i = 0; i < 1500; i++)
                {
                    w.Log.Record(new QuestionRecord(At.AddSeconds(i), Platforms.Web, w.Texts[i % w.Texts.Count], false));
                }
            }))
            .ToList();
        await Task.WhenAll(writers);
        await first.FlushAsync(CancellationToken.None);
        await second.FlushAsync(CancellationToken.None);

        var stats = await first.GetStatsAsync(DateOnly.FromDateTime(At.UtcDateTime), CancellationToken.None);
        var gaps = await first.GetGapsAsync(100, CancellationToken.None);
        await first.StopAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(3000, stats.AskedTotal);
        Assert.Equal(40, gaps.Count);
        Assert.Equal(3000, gaps.Sum(g => g.TimesAsked));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AuditLog_Entries_NewestFirstAndSurviveNewInstance(StorageProvider provider)
    {
        var audit = new DatabaseAuditLog(Open(provider));
        await audit.RecordAsync(new AuditEntry(At, "web", "u1", "Ada", "reload", "", AuditOutcomes.Ok), CancellationToken.None);
        await audit.RecordAsync(new AuditEntry(At.AddMinutes(1), "discord", "u2", "Bob", "stats", "", AuditOutcomes.Refused), CancellationToken.None);

        var entries = await new DatabaseAuditLog(Open(provider)).RecentAsync(10, CancellationToken.None);

        Assert.Equal(["stats", "reload"], entries.Select(e => e.Command));
        Assert.Equal(new AuditEntry(At.AddMinutes(1), "discord", "u2", "Bob", "stats", "", AuditOutcomes.Refused), entries[0]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WebChannelPosts_SameKeyTwice_OnePostAndAPageAfterAnId(StorageProvider provider)
    {
        var time = new FakeTimeProvider(At);
        var web = new WebChannelPublisher(Open(provider), time);
        var first = await web.PostAsync("web", new Reply("Quiz 1"), "k1", CancellationToken.None);
        var again = await web.PostAsync("web", new Reply("Quiz 1"), "k1", CancellationToken.None);
        await web.PostAsync("web", new Reply("Quiz 2"), "k2", CancellationToken.None);

        // Another instance (a fresh publisher) reads what this one posted.
        var posts = await new WebChannelPublisher(Open(provider), time).GetPostsAsync("web", 0, CancellationToken.None);
        var after = await new WebChannelPublisher(Open(provider), time).GetPostsAsync("web", posts[0].Id, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(["Quiz 1", "Quiz 2"], posts.Select(p => p.Reply.Markdown));
        Assert.Equal(["Quiz 2"], after.Select(p => p.Reply.Markdown));
        Assert.Equal(At, posts[0].PostedAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TeamsStore_UpsertKeepsKnownNames_RemoveTeamReturnsItsChannels_PostsAndChatsByKey(StorageProvider provider)
    {
        var store = new TeamsStore(Open(provider), new FakeTimeProvider(At));
        await store.UpsertAsync(new TeamsConversation("19:general", "channel", "team1", "Team One", "General", "https://smba/", "tenant", "bot"), CancellationToken.None);
        await store.UpsertAsync(new TeamsConversation("19:general", "channel", "team1", null, null, "https://smba2/", null, null), CancellationToken.None);
        await store.UpsertAsync(new TeamsConversation("19:other", "channel", "team1", "Team One", "Other", "https://smba/", "tenant", "bot"), CancellationToken.None);
        await store.RecordPostAsync("19:general", "key1", "m1", CancellationToken.None);
        await store.RecordPostAsync("19:general", "key1", "m2", CancellationToken.None);
        await store.RecordPersonalChatAsync("user1", "https://smba/", "a:1", CancellationToken.None);
        await store.RecordPersonalChatAsync("user1", "https://smba/", "a:2", CancellationToken.None);

        var found = await store.FindAsync("19:general", CancellationToken.None);
        var listed = await store.ListTeamAsync("team1", CancellationToken.None);
        var post = await store.FindPostAsync("19:general", "key1", CancellationToken.None);
        var chat = await store.FindPersonalChatAsync("user1", "https://smba/", CancellationToken.None);
        var removed = await store.RemoveTeamAsync("team1", CancellationToken.None);

        Assert.Equal(new TeamsConversation("19:general", "channel", "team1", "Team One", "General", "https://smba2/", "tenant", "bot"), found);
        Assert.Equal(["19:general", "19:other"], listed.Select(c => c.ChannelId));
        Assert.Equal("m1", post);
        Assert.Equal("a:2", chat);
        Assert.Equal(["19:general", "19:other"], removed.Order(StringComparer.Ordinal));
        Assert.Empty(await store.ListTeamAsync("team1", CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_SeveralDatabasesOnOneSqliteFileAtOnce_ApplyEachStepOnceWithoutErrors()
    {
        // No lock spans two Database objects (or two processes) on one SQLite file: each step is checked again inside
        // its own transaction, whose write lock makes the others wait. Before, one of them could fail with "table
        // chat_question_days already exists" and a question log lost the batch it was writing. Ten rounds, fresh files.
        for (var round = 0; round < 10; round++)
        {
            var file = Path.Combine(_folder, $"together-{round}.db");
            var instances = Enumerable.Range(0, 4).Select(_ => new SqliteDatabase(file, AllMigrations, NullLogger<SqliteDatabase>.Instance)).ToList();

            await MigrateTogetherAndAssertEachStepOnceAsync(instances);
        }
    }

    [Fact]
    public async Task Migrate_TwoInstancesStartingTogetherOnOnePostgres_ApplyEachStepOnce()
    {
        var name = postgres.CreateDatabase(_folder + "/together");
        var instances = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(
            postgres.ConnectionString(name), AllMigrations, NullLogger<PostgresDatabase>.Instance)).ToList();
        try
        {
            await MigrateTogetherAndAssertEachStepOnceAsync(instances);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Lock_SameNameFromTwoDatabaseObjects_SecondWaitsThenTimesOut(StorageProvider provider)
    {
        var first = Open(provider);
        var second = provider == StorageProvider.Sqlite ? first : Open(provider); // one SQLite file has one process
        await using (await first.LockAsync("quiz-choice:web:c1", TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            await Assert.ThrowsAsync<TimeoutException>(() => second.LockAsync("quiz-choice:web:c1", TimeSpan.FromMilliseconds(300), CancellationToken.None));
            await using (await second.LockAsync("quiz-choice:web:c2", TimeSpan.FromSeconds(5), CancellationToken.None))
            {
                // Another name is free.
            }
        }

        await using (await second.LockAsync("quiz-choice:web:c1", TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            // Free again once the first is released.
        }
    }

    public void Dispose()
    {
        foreach (var database in _opened.OfType<PostgresDatabase>())
        {
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>A new handle on this test's database (as a restarted bot or another instance would open it).</summary>
    private Database Open(StorageProvider provider)
    {
        Database database = provider == StorageProvider.Postgres
            ? new PostgresDatabase(postgres.ConnectionString(postgres.CreateDatabase(_folder)), AllMigrations, NullLogger<PostgresDatabase>.Instance)
            : new SqliteDatabase(Path.Combine(_folder, "bot.db"), AllMigrations, NullLogger<SqliteDatabase>.Instance);
        _opened.Add(database);
        return database;
    }

    /// <summary>Migrates every database object at once, then checks that each step was recorded exactly once.</summary>
    private static async Task MigrateTogetherAndAssertEachStepOnceAsync(IReadOnlyList<Database> instances)
    {
        await Task.WhenAll(instances.Select(i => Task.Run(() => i.MigrateAsync(CancellationToken.None))));

        await using var connection = await instances[0].OpenAsync(CancellationToken.None);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations;";
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(AllMigrations.Count(), reader.GetInt64(0));
        Assert.Equal(AllMigrations.Count(), reader.GetInt64(1));
    }

    private async Task<DatabaseQuestionLog> StartLogAsync(StorageProvider provider)
    {
        var log = new DatabaseQuestionLog(Open(provider), TimeProvider.System, NullLogger<DatabaseQuestionLog>.Instance);
        await log.StartAsync(CancellationToken.None);
        return log;
    }
}
