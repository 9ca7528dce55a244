using System.Globalization;
using System.Text.Json;
using Dapper;
using System.Data.Common;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Quiz;

/// <summary>A channel that gets the quiz, as stored.</summary>
internal sealed class QuizChannelRow
{
    public string Platform { get; set; } = string.Empty;
    public string ChannelId { get; set; } = string.Empty;
    public string Cron { get; set; } = string.Empty;
    public string TimeZone { get; set; } = string.Empty;
    public bool Enabled { get; set; }
    public string Source { get; set; } = string.Empty;
    public string AnchorUtc { get; set; } = string.Empty;
    public string? SkipUtc { get; set; }
}

/// <summary>A quiz post, as stored: pending until the platform confirmed it, then posted; revealed later.</summary>
internal sealed class QuizPostRow
{
    public long Id { get; set; }
    public string Platform { get; set; } = string.Empty;
    public string ChannelId { get; set; } = string.Empty;
    public string IdempotencyKey { get; set; } = string.Empty;
    public string QuestionId { get; set; } = string.Empty;
    public string QuestionJson { get; set; } = string.Empty;
    public string TimeZone { get; set; } = string.Empty;
    public string LocalDate { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public long Attempts { get; set; }
    public string? MessageId { get; set; }
    public string? PostedUtc { get; set; }
    public string? RevealUtc { get; set; }
    public string? RevealStatus { get; set; }
    public long RevealAttempts { get; set; }

    public QuizQuestion Question => JsonSerializer.Deserialize<QuizQuestion>(QuestionJson, QuizStore.Json)!;
}

internal sealed class QuestionStateRow
{
    public string QuestionId { get; set; } = string.Empty;
    public long AskedCount { get; set; }
    public string LastAskedUtc { get; set; } = string.Empty;
    public long Repetitions { get; set; }
    public double Ease { get; set; }
    public double IntervalDays { get; set; }
    public string? DueUtc { get; set; }
    public double? LastShareCorrect { get; set; }
}

/// <summary>One member's review state of one question (<c>quiz me</c>).</summary>
internal sealed class MemberStateRow
{
    public string QuestionId { get; set; } = string.Empty;
    public long Repetitions { get; set; }
    public double Ease { get; set; }
    public double IntervalDays { get; set; }
    public string? DueUtc { get; set; }
    public long Pending { get; set; }
    public string? LastAskedUtc { get; set; }
}

internal sealed class AnswerRow
{
    public string UserId { get; set; } = string.Empty;
    public string DisplayName { get; set; } = string.Empty;
    public bool Correct { get; set; }
    public long Points { get; set; }
    public string LocalDate { get; set; } = string.Empty;
    public string LocalMonth { get; set; } = string.Empty;
    public string AnsweredUtc { get; set; } = string.Empty;
}

/// <summary>A post's answers at its reveal: how many chose each choice (by index) and how many were right.</summary>
internal sealed record RevealCounts(int Answered, int Correct, IReadOnlyList<int> PerChoice);

/// <summary>The outcome of recording an answer.</summary>
internal enum AnswerOutcome
{
    Recorded,
    AlreadyAnswered,
}

/// <summary>
/// All quiz SQL, in one place (Dapper over <see cref="Database"/>, the same SQL on SQLite and PostgreSQL).
/// Several bot processes may share a PostgreSQL database, so a post or reveal is published only by the process that
/// holds its claim: a time in the post's row (<c>next_attempt_utc</c>, <c>reveal_next_utc</c>) before which no other
/// process touches it. Whoever creates a post holds its claim; a process that dies mid-publish lets the claim run out,
/// and another one publishes with the same idempotency key.
/// </summary>
internal sealed class QuizStore(Database database)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static QuizStore()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseIso(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The longest a question choice waits for another one in the same channel.</summary>
    private static readonly TimeSpan ChoiceLockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>True when other processes may share the database (and claims must be respected across them).</summary>
    public bool IsShared => database.IsShared;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => database.OpenAsync(cancellationToken);

    /// <summary>
    /// Held while a question is chosen for a channel and its post recorded, so two quizzes started at the same instant
    /// (two admins' <c>quiz now</c>, on one instance or two, or one beside the scheduler) see each other's choice and
    /// rotate to different questions.
    /// </summary>
    public Task<IAsyncDisposable> LockChoiceAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        database.LockAsync($"quiz-choice:{platform}:{channelId}", ChoiceLockTimeout, cancellationToken);

    // Channels

    public async Task<IReadOnlyList<QuizChannelRow>> ChannelsAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<QuizChannelRow>(new CommandDefinition(
            "SELECT * FROM quiz_channels ORDER BY platform, channel_id;", cancellationToken: cancellationToken))).ToList();
    }

    public async Task<QuizChannelRow?> ChannelAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<QuizChannelRow>(new CommandDefinition(
            "SELECT * FROM quiz_channels WHERE platform = @platform AND channel_id = @channelId;",
            new { platform, channelId }, cancellationToken: cancellationToken));
    }

    /// <summary>Adds a configured channel; updates it only while no admin has changed it.</summary>
    public async Task EnsureConfiguredAsync(QuizChannelSchedule s, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO quiz_channels (platform, channel_id, cron, time_zone, enabled, source, anchor_utc, updated_utc)
            VALUES (@Platform, @ChannelId, @Cron, @TimeZone, 1, 'config', @now, @now)
            ON CONFLICT (platform, channel_id) DO UPDATE SET
                cron = excluded.cron, time_zone = excluded.time_zone, updated_utc = excluded.updated_utc
            WHERE quiz_channels.source = 'config' AND (quiz_channels.cron <> excluded.cron OR quiz_channels.time_zone <> excluded.time_zone);
            """, new { s.Platform, s.ChannelId, s.Cron, s.TimeZone, now = Iso(now) }, cancellationToken: cancellationToken));
    }

    /// <summary>An admin's schedule: kept over the configured one.</summary>
    public async Task SetScheduleAsync(string platform, string channelId, string cron, string timeZone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO quiz_channels (platform, channel_id, cron, time_zone, enabled, source, anchor_utc, updated_utc)
            VALUES (@platform, @channelId, @cron, @timeZone, 1, 'admin', @now, @now)
            ON CONFLICT (platform, channel_id) DO UPDATE SET
                cron = excluded.cron, time_zone = excluded.time_zone, enabled = 1, source = 'admin',
                anchor_utc = excluded.anchor_utc, skip_utc = NULL, updated_utc = excluded.updated_utc;
            """, new { platform, channelId, cron, timeZone, now = Iso(now) }, cancellationToken: cancellationToken));
    }

    /// <summary>Turns a channel's schedule off (kept off over the configuration); false when unknown.</summary>
    public async Task<bool> DisableAsync(string platform, string channelId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_channels SET enabled = 0, source = 'admin', updated_utc = @now WHERE platform = @platform AND channel_id = @channelId;",
            new { platform, channelId, now = Iso(now) }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task RemoveAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM quiz_channels WHERE platform = @platform AND channel_id = @channelId;",
            new { platform, channelId }, cancellationToken: cancellationToken));
    }

    public async Task SetSkipAsync(string platform, string channelId, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_channels SET skip_utc = @skip WHERE platform = @platform AND channel_id = @channelId;",
            new { platform, channelId, skip = Iso(occurrence) }, cancellationToken: cancellationToken));
    }

    /// <summary>Marks an occurrence as handled without a post (skipped, or missed on an earlier day).</summary>
    public async Task<bool> AdvanceAnchorAsync(string platform, string channelId, string oldAnchor, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.ExecuteAsync(new CommandDefinition("""
            UPDATE quiz_channels SET anchor_utc = @occurrence,
                skip_utc = CASE WHEN skip_utc IS NOT NULL AND skip_utc <= @occurrence THEN NULL ELSE skip_utc END
            WHERE platform = @platform AND channel_id = @channelId AND anchor_utc = @oldAnchor;
            """, new { platform, channelId, oldAnchor, occurrence = Iso(occurrence) }, cancellationToken: cancellationToken)) > 0;
    }

    // Posts

    /// <summary>
    /// Records a post as pending before it is published, claimed by the caller until <paramref name="claimUntil"/>.
    /// With <paramref name="anchor"/> the channel's schedule moves past the occurrence in the same transaction (only
    /// if nobody moved it first), so neither a restart nor a second process posts one occurrence twice.
    /// Returns the stored post (the existing one, not created, when another worker handled the occurrence; null when
    /// that worker posted nothing).
    /// </summary>
    public async Task<(QuizPostRow? Post, bool Created)> CreatePostAsync(
        string platform, string channelId, string key, QuizQuestion question, string timeZone, string localDate,
        DateTimeOffset now, DateTimeOffset claimUntil, (string OldAnchor, DateTimeOffset Occurrence)? anchor, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        if (anchor is { } a)
        {
            var moved = await c.ExecuteAsync(new CommandDefinition("""
                UPDATE quiz_channels SET anchor_utc = @occurrence
                WHERE platform = @platform AND channel_id = @channelId AND anchor_utc = @oldAnchor;
                """, new { platform, channelId, oldAnchor = a.OldAnchor, occurrence = Iso(a.Occurrence) }, tx, cancellationToken: cancellationToken));
            if (moved == 0)
            {
                // Another worker handled this occurrence; fall through to the existing row, if any.
                await tx.RollbackAsync(cancellationToken);
                var existing = await PostByKeyAsync(c, key, cancellationToken);
                return (existing, false);
            }
        }

        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO quiz_posts (platform, channel_id, idempotency_key, question_id, question_json, time_zone, local_date,
                                    status, attempts, next_attempt_utc, created_utc)
            VALUES (@platform, @channelId, @key, @questionId, @json, @timeZone, @localDate, 'pending', 0, @claimUntil, @now)
            ON CONFLICT (idempotency_key) DO NOTHING;
            """, new
        {
            platform, channelId, key, questionId = question.Id, json = JsonSerializer.Serialize(question, Json),
            timeZone, localDate, now = Iso(now), claimUntil = Iso(claimUntil),
        }, tx, cancellationToken: cancellationToken));
        if (inserted > 0)
        {
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO quiz_question_state (platform, channel_id, question_id, asked_count, last_asked_utc)
                VALUES (@platform, @channelId, @questionId, 1, @now)
                ON CONFLICT (platform, channel_id, question_id) DO UPDATE SET
                    asked_count = quiz_question_state.asked_count + 1, last_asked_utc = excluded.last_asked_utc, due_utc = NULL;
                """, new { platform, channelId, questionId = question.Id, now = Iso(now) }, tx, cancellationToken: cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
        return (await PostByKeyAsync(c, key, cancellationToken), inserted > 0);
    }

    /// <summary>
    /// Claims a pending post whose claim (or retry wait) has run out, until <paramref name="until"/>; false when another
    /// worker holds it or it is no longer pending. Atomic: of two processes only one gets it.
    /// </summary>
    public async Task<bool> TryClaimPostAsync(long id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_posts SET next_attempt_utc = @until WHERE id = @id AND status = 'pending' AND next_attempt_utc <= @now;",
            new { id, now = Iso(now), until = Iso(until) }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// Lets go of the claims an earlier run left (SQLite only: one process owns the file, so a post or reveal cut off
    /// mid-publish by a crash is retried at start instead of when its claim runs out). Only those not yet attempted:
    /// after a failed attempt the time in the row is the retry time, which is kept as before.
    /// </summary>
    public async Task ReleaseClaimsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition("""
            UPDATE quiz_posts SET next_attempt_utc = @now WHERE status = 'pending' AND next_attempt_utc > @now AND attempts = 0;
            UPDATE quiz_posts SET reveal_next_utc = @now WHERE status = 'posted' AND reveal_status = 'pending' AND reveal_next_utc > @now AND reveal_attempts = 0;
            """, new { now = Iso(now) }, cancellationToken: cancellationToken));
    }

    private static Task<QuizPostRow?> PostByKeyAsync(DbConnection c, string key, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<QuizPostRow>(new CommandDefinition(
            "SELECT * FROM quiz_posts WHERE idempotency_key = @key;", new { key }, cancellationToken: cancellationToken));

    /// <summary>The latest post in a channel, or null.</summary>
    public async Task<QuizPostRow?> LatestPostAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<QuizPostRow>(new CommandDefinition(
            "SELECT * FROM quiz_posts WHERE platform = @platform AND channel_id = @channelId ORDER BY id DESC LIMIT 1;",
            new { platform, channelId }, cancellationToken: cancellationToken));
    }

    /// <summary>Retires a question everywhere; false when it was retired already.</summary>
    public async Task<bool> BanAsync(string questionId, string bannedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO quiz_banned (question_id, banned_utc, banned_by) VALUES (@questionId, @now, @bannedBy) ON CONFLICT (question_id) DO NOTHING;",
            new { questionId, now = Iso(now), bannedBy }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The ids of retired questions.</summary>
    public async Task<IReadOnlySet<string>> BannedAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<string>(new CommandDefinition("SELECT question_id FROM quiz_banned;", cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<QuizPostRow?> PostAsync(long id, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<QuizPostRow>(new CommandDefinition(
            "SELECT * FROM quiz_posts WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<QuizPostRow>> PendingPostsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<QuizPostRow>(new CommandDefinition(
            "SELECT * FROM quiz_posts WHERE status = 'pending' AND next_attempt_utc <= @now ORDER BY id;",
            new { now = Iso(now) }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task ConfirmPostAsync(long id, string messageId, DateTimeOffset now, DateTimeOffset revealAt, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_posts SET status = 'posted', message_id = @messageId, posted_utc = @now, reveal_utc = @reveal WHERE id = @id AND status = 'pending';",
            new { id, messageId, now = Iso(now), reveal = Iso(revealAt) }, cancellationToken: cancellationToken));
    }

    public async Task FailPostAttemptAsync(long id, DateTimeOffset nextAttempt, bool giveUp, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_posts SET attempts = attempts + 1, next_attempt_utc = @next, status = CASE WHEN @giveUp THEN 'failed' ELSE status END WHERE id = @id AND status = 'pending';",
            new { id, next = Iso(nextAttempt), giveUp }, cancellationToken: cancellationToken));
    }

    /// <summary>Posted, not yet revealed posts of a channel (to reveal before the next quiz) or, with no channel, all
    /// whose reveal time has come.</summary>
    public async Task<IReadOnlyList<QuizPostRow>> RevealablePostsAsync(DateTimeOffset now, string? platform, string? channelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        var sql = platform is null
            ? """
              SELECT * FROM quiz_posts WHERE status = 'posted' AND
                ((reveal_status IS NULL AND reveal_utc <= @now) OR (reveal_status = 'pending' AND reveal_next_utc <= @now))
              ORDER BY id;
              """
            : """
              SELECT * FROM quiz_posts WHERE status = 'posted' AND platform = @platform AND channel_id = @channelId
                AND (reveal_status IS NULL OR reveal_status = 'pending')
              ORDER BY id;
              """;
        return (await c.QueryAsync<QuizPostRow>(new CommandDefinition(sql, new { now = Iso(now), platform, channelId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Closes a post for answers and claims its reveal until <paramref name="claimUntil"/>; the first time, it records
    /// the reveal as pending and updates the question's SM-2 state. Returns the answer counts, or null when another
    /// worker holds the reveal or it is done.
    /// </summary>
    public async Task<RevealCounts?> BeginRevealAsync(QuizPostRow post, DateTimeOffset now, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);

        // The claim first: it takes the row's lock, so on PostgreSQL a second process waits here and then finds the
        // reveal claimed, instead of counting and grading the post twice.
        var first = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_posts SET reveal_status = 'pending', reveal_next_utc = @claimUntil WHERE id = @id AND status = 'posted' AND reveal_status IS NULL;",
            new { id = post.Id, claimUntil = Iso(claimUntil) }, tx, cancellationToken: cancellationToken)) > 0;
        if (!first && await c.ExecuteAsync(new CommandDefinition(
                "UPDATE quiz_posts SET reveal_next_utc = @claimUntil WHERE id = @id AND reveal_status = 'pending' AND reveal_next_utc <= @now;",
                new { id = post.Id, now = Iso(now), claimUntil = Iso(claimUntil) }, tx, cancellationToken: cancellationToken)) == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return null;
        }

        var byChoice = (await c.QueryAsync<(long Choice, long Answered, long Correct)>(new CommandDefinition(
            "SELECT CAST(choice_index AS BIGINT), COUNT(*), CAST(COALESCE(SUM(correct), 0) AS BIGINT) FROM quiz_answers WHERE post_id = @id GROUP BY choice_index;",
            new { id = post.Id }, tx, cancellationToken: cancellationToken))).ToList();
        var counts = (Answered: byChoice.Sum(x => x.Answered), Correct: byChoice.Sum(x => x.Correct));
        if (first && counts.Answered > 0)
        {
            var share = (double)counts.Correct / counts.Answered;
            var row = await c.QuerySingleOrDefaultAsync<QuestionStateRow>(new CommandDefinition(
                "SELECT * FROM quiz_question_state WHERE platform = @Platform AND channel_id = @ChannelId AND question_id = @QuestionId;",
                new { post.Platform, post.ChannelId, post.QuestionId }, tx, cancellationToken: cancellationToken));
            var state = row is null ? Sm2State.New : new Sm2State((int)row.Repetitions, row.Ease, row.IntervalDays);
            var next = Sm2.Review(state, Sm2.Grade(share));
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO quiz_question_state (platform, channel_id, question_id, asked_count, last_asked_utc, repetitions, ease, interval_days, due_utc, last_share_correct)
                VALUES (@Platform, @ChannelId, @QuestionId, 1, @now, @reps, @ease, @interval, @due, @share)
                ON CONFLICT (platform, channel_id, question_id) DO UPDATE SET
                    repetitions = excluded.repetitions, ease = excluded.ease, interval_days = excluded.interval_days,
                    due_utc = excluded.due_utc, last_share_correct = excluded.last_share_correct;
                """, new
            {
                post.Platform, post.ChannelId, post.QuestionId, now = Iso(now), reps = next.Repetitions, ease = next.Ease,
                interval = next.IntervalDays, due = Iso(now.AddDays(next.IntervalDays)), share,
            }, tx, cancellationToken: cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
        var perChoice = new int[post.Question.Choices.Count];
        foreach (var x in byChoice.Where(x => x.Choice >= 0 && x.Choice < perChoice.Length))
        {
            perChoice[x.Choice] = (int)x.Answered;
        }

        return new RevealCounts((int)counts.Answered, (int)counts.Correct, perChoice);
    }

    public async Task ConfirmRevealAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_posts SET reveal_status = 'done', revealed_utc = @now WHERE id = @id;",
            new { id, now = Iso(now) }, cancellationToken: cancellationToken));
    }

    public async Task FailRevealAttemptAsync(long id, DateTimeOffset next, bool giveUp, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_posts SET reveal_attempts = reveal_attempts + 1, reveal_next_utc = @next, reveal_status = CASE WHEN @giveUp THEN 'failed' ELSE reveal_status END WHERE id = @id;",
            new { id, next = Iso(next), giveUp }, cancellationToken: cancellationToken));
    }

    /// <summary>The earliest time something is due: a retry or a reveal.</summary>
    public async Task<DateTimeOffset?> NextPendingAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        var next = await c.ExecuteScalarAsync<string?>(new CommandDefinition("""
            SELECT MIN(t) FROM (
                SELECT MIN(next_attempt_utc) AS t FROM quiz_posts WHERE status = 'pending'
                UNION ALL SELECT MIN(reveal_utc) FROM quiz_posts WHERE status = 'posted' AND reveal_status IS NULL
                UNION ALL SELECT MIN(reveal_next_utc) FROM quiz_posts WHERE status = 'posted' AND reveal_status = 'pending') AS due;
            """, cancellationToken: cancellationToken));
        return next is null ? null : ParseIso(next);
    }

    public async Task<IReadOnlyList<QuestionStateRow>> QuestionStatesAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<QuestionStateRow>(new CommandDefinition(
            "SELECT * FROM quiz_question_state WHERE platform = @platform AND channel_id = @channelId;",
            new { platform, channelId }, cancellationToken: cancellationToken))).ToList();
    }

    // Answers

    /// <summary>Records a member's answer; the UNIQUE (post, user) constraint makes the first answer the one that counts.</summary>
    public async Task<AnswerOutcome> AddAnswerAsync(
        long postId, string platform, string userId, string displayName, int choice, bool correct, int points,
        DateTimeOffset now, string localDate, string localMonth, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO quiz_answers (post_id, platform, user_id, display_name, choice_index, correct, points, answered_utc, local_date, local_month)
            VALUES (@postId, @platform, @userId, @displayName, @choice, @correct, @points, @now, @localDate, @localMonth)
            ON CONFLICT (post_id, user_id) DO NOTHING;
            """, new { postId, platform, userId, displayName, choice, correct = correct ? 1 : 0, points, now = Iso(now), localDate, localMonth }, cancellationToken: cancellationToken));
        return inserted > 0 ? AnswerOutcome.Recorded : AnswerOutcome.AlreadyAnswered;
    }

    public async Task<IReadOnlyList<AnswerRow>> AnswersOfUserAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<AnswerRow>(new CommandDefinition(
            "SELECT * FROM quiz_answers WHERE platform = @platform AND user_id = @userId ORDER BY answered_utc;",
            new { platform, userId }, cancellationToken: cancellationToken))).ToList();
    }

    // Members' own reviews (quiz me)

    public async Task<IReadOnlyList<MemberStateRow>> MemberStatesAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<MemberStateRow>(new CommandDefinition(
            "SELECT * FROM quiz_member_state WHERE platform = @platform AND user_id = @userId;",
            new { platform, userId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Records that <c>quiz me</c> asked the member this question: its next answer is graded. A question new to the
    /// member is due at once, so one asked and left unanswered is asked again rather than lost.
    /// </summary>
    public async Task MarkAskedAsync(string platform, string userId, string questionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO quiz_member_state (platform, user_id, question_id, due_utc, pending, last_asked_utc)
            VALUES (@platform, @userId, @questionId, @now, 1, @now)
            ON CONFLICT (platform, user_id, question_id) DO UPDATE SET pending = 1, last_asked_utc = @now;
            """, new { platform, userId, questionId, now = Iso(now) }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Grades the member's answer to a question (0–5) and schedules their next review of it by SM-2. With
    /// <paramref name="asked"/> (an answer to <c>quiz me</c>) it counts only while the question waits for its answer,
    /// and null is returned for a second press; a daily quiz answer (already counted once per member) always counts.
    /// </summary>
    public async Task<Sm2State?> ReviewMemberAsync(
        string platform, string userId, string questionId, int grade, bool asked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var key = new { platform, userId, questionId };

        // The claim first: it takes the row's lock, so of two presses at once only one is graded.
        if (asked && await c.ExecuteAsync(new CommandDefinition(
                "UPDATE quiz_member_state SET pending = 0 WHERE platform = @platform AND user_id = @userId AND question_id = @questionId AND pending = 1;",
                key, tx, cancellationToken: cancellationToken)) == 0)
        {
            await tx.RollbackAsync(cancellationToken);
            return null;
        }

        var row = await c.QuerySingleOrDefaultAsync<MemberStateRow>(new CommandDefinition(
            "SELECT * FROM quiz_member_state WHERE platform = @platform AND user_id = @userId AND question_id = @questionId;",
            key, tx, cancellationToken: cancellationToken));
        var next = Sm2.Review(row is null ? Sm2State.New : new Sm2State((int)row.Repetitions, row.Ease, row.IntervalDays), grade);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO quiz_member_state (platform, user_id, question_id, repetitions, ease, interval_days, due_utc, reviews, pending)
            VALUES (@platform, @userId, @questionId, @reps, @ease, @interval, @due, 1, 0)
            ON CONFLICT (platform, user_id, question_id) DO UPDATE SET
                repetitions = excluded.repetitions, ease = excluded.ease, interval_days = excluded.interval_days,
                due_utc = excluded.due_utc, reviews = quiz_member_state.reviews + 1;
            """, new
        {
            platform, userId, questionId, reps = next.Repetitions, ease = next.Ease, interval = next.IntervalDays,
            due = Iso(now.AddDays(next.IntervalDays)),
        }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return next;
    }

    /// <summary>
    /// The days a quiz was posted in a channel, newest first (at most <paramref name="max"/>): whether one of that day's
    /// quizzes is still open, and whether the member answered one of them, and one correctly. Streaks count these days
    /// only, so a Mon–Fri schedule's weekend breaks nothing.
    /// </summary>
    public async Task<IReadOnlyList<(string LocalDate, bool Open, bool Answered, bool Correct)>> QuizDaysAsync(
        string platform, string channelId, string userId, int max, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        var rows = await c.QueryAsync<(string, long, long, long)>(new CommandDefinition("""
            SELECT p.local_date,
                   CAST(MAX(CASE WHEN p.reveal_status IS NULL THEN 1 ELSE 0 END) AS BIGINT),
                   CAST(COUNT(a.user_id) AS BIGINT),
                   CAST(COALESCE(MAX(a.correct), 0) AS BIGINT)
            FROM quiz_posts p LEFT JOIN quiz_answers a ON a.post_id = p.id AND a.user_id = @userId
            WHERE p.platform = @platform AND p.channel_id = @channelId AND p.status = 'posted'
            GROUP BY p.local_date
            ORDER BY p.local_date DESC
            LIMIT @max;
            """, new { platform, channelId, userId, max }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.Item1, r.Item2 > 0, r.Item3 > 0, r.Item4 > 0)).ToList();
    }

    /// <summary>The channel of the member's latest quiz answer on a platform, or null.</summary>
    public async Task<string?> LatestAnswerChannelAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await c.ExecuteScalarAsync<string?>(new CommandDefinition("""
            SELECT p.channel_id FROM quiz_answers a JOIN quiz_posts p ON p.id = a.post_id
            WHERE a.platform = @platform AND a.user_id = @userId ORDER BY a.answered_utc DESC LIMIT 1;
            """, new { platform, userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Top members by points (a month "yyyy-MM", or all time when null).</summary>
    public async Task<IReadOnlyList<(string UserId, string DisplayName, long Points, long Correct, long Answered)>> LeaderboardAsync(
        string platform, string channelId, string? month, int top, CancellationToken cancellationToken)
    {
        // Per channel: a team's board is its own channel's quiz, not every channel on the platform.
        await using var c = await OpenAsync(cancellationToken);
        return (await c.QueryAsync<(string, string, long, long, long)>(new CommandDefinition("""
            SELECT a.user_id, (SELECT display_name FROM quiz_answers b WHERE b.platform = @platform AND b.user_id = a.user_id ORDER BY answered_utc DESC LIMIT 1),
                   SUM(a.points) AS total, SUM(a.correct), COUNT(*)
            FROM quiz_answers a JOIN quiz_posts p ON p.id = a.post_id
            WHERE a.platform = @platform AND p.channel_id = @channelId AND (@month IS NULL OR a.local_month = @month)
            GROUP BY a.user_id
            ORDER BY total DESC, SUM(a.correct) DESC, MIN(a.answered_utc)
            LIMIT @top;
            """, new { platform, channelId, month, top }, cancellationToken: cancellationToken))).ToList();
    }
}
