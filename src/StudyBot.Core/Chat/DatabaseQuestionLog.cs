using System.Globalization;
using System.Threading.Channels;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Chat;

/// <summary>
/// Question counts per UTC day and platform, and the declined questions, in the database. Questions are queued and
/// written in batches by one background writer, so answering never waits for the disk; the writer gathers a batch
/// for up to <see cref="GatherTime"/>, reads flush the queue first, and stopping the host drains it.
/// </summary>
internal sealed partial class DatabaseQuestionLog : IHostedService, IQuestionLog
{
    private const int MaxBatch = 512;

    private const int MaxWriteAttempts = 3;
    private const int MaxQuestionLength = 500;

    /// <summary>How long the writer waits after a question for more to join its batch. A batch costs about 0.3 ms of
    /// CPU for its transaction (connection, statements, commit) and 0.03 ms a question; the writer took each question
    /// as it came, so under load (a question every few milliseconds) it wrote batches of one or two and the log cost
    /// 3–4 % of the server's CPU. A flush or a stop does not wait; a crash loses at most this much more.</summary>
    internal static readonly TimeSpan GatherTime = TimeSpan.FromMilliseconds(100);

    /// <summary>"What was wrong" comments kept per gap (newest first); gaps shows them all.</summary>
    internal const int MaxCommentsPerGap = 3;

    /// <summary>Declined questions kept for <c>gaps</c>. Anyone can ask, and web user ids are free, so the table is capped:
    /// past it the least asked, longest unasked questions go first (10,000 rows of at most 500 characters ≈ 10 MB).</summary>
    internal const int DefaultMaxGaps = 10_000;

    /// <summary>Answered questions kept for autocomplete, capped the same way (the least asked go first).</summary>
    internal const int MaxFrequent = 2_000;

    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly ILogger<DatabaseQuestionLog> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Task? _writer;

    /// <summary>Set when a flush or a stop waits, so the writer stores what is queued without gathering more.</summary>
    private TaskCompletionSource _hurry = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile bool _stopping;

    private readonly int _maxGaps;

    public DatabaseQuestionLog(Database database, TimeProvider time, ILogger<DatabaseQuestionLog> logger)
        : this(database, time, logger, DefaultMaxGaps)
    {
    }

    internal DatabaseQuestionLog(Database database, TimeProvider time, ILogger<DatabaseQuestionLog> logger, int maxGaps)
    {
        _database = database;
        _time = time;
        _logger = logger;
        _maxGaps = maxGaps;
    }

    public void Record(QuestionRecord record)
    {
        if (!_queue.Writer.TryWrite(new Pending(record, null)))
        {
            LogDropped(record.Platform);
        }
    }

    public async Task<QuestionStats> GetStatsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleAsync<QuestionStats>(new CommandDefinition(
            """
            SELECT COALESCE(SUM(CASE WHEN day = @today THEN asked END), 0) AS AskedToday,
                   COALESCE(SUM(CASE WHEN day = @today THEN answered END), 0) AS AnsweredToday,
                   COALESCE(SUM(asked), 0) AS AskedTotal,
                   COALESCE(SUM(answered), 0) AS AnsweredTotal
            FROM chat_question_days;
            """,
            new { today = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<KnowledgeGap>> GetGapsAsync(int count, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Question, long TimesAsked, string LastAsked, long WrongAnswers)>(new CommandDefinition(
            """
            SELECT normalized, times_asked, last_at, wrong_answers FROM (
                SELECT normalized, times_asked, wrong_answers, answered_at, last_asked_at, done_at,
                       CASE WHEN last_wrong_at > last_asked_at THEN last_wrong_at ELSE last_asked_at END AS last_at
                FROM chat_gaps) AS g
            WHERE ((times_asked > 0 AND (answered_at IS NULL OR last_asked_at > answered_at)) OR wrong_answers > 0)
              AND (done_at IS NULL OR last_at > done_at)
            ORDER BY times_asked + wrong_answers DESC, last_at DESC LIMIT @count;
            """,
            new { count },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var questions = rows.Where(r => r.WrongAnswers > 0).Select(r => r.Question).ToList();

        // One parameter per question, written out: Dapper would send a list to PostgreSQL as one array parameter,
        // which "IN" does not take.
        var parameters = new DynamicParameters();
        for (var i = 0; i < questions.Count; i++)
        {
            parameters.Add($"q{i}", questions[i]);
        }

        var comments = questions.Count == 0
            ? []
            : (await connection.QueryAsync<(string Question, string Comment)>(new CommandDefinition(
                $"SELECT normalized, comment FROM chat_gap_comments WHERE normalized IN ({string.Join(", ", questions.Select((_, i) => $"@q{i}"))}) ORDER BY at DESC, id DESC;",
                parameters,
                cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        return rows.Select(r => new KnowledgeGap(
            r.Question,
            r.TimesAsked,
            DateTimeOffset.Parse(r.LastAsked, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            r.WrongAnswers,
            comments.Where(c => c.Question == r.Question).Select(c => c.Comment).ToList())).ToList();
    }

    public async Task RecordWrongAnswerCommentAsync(string question, string comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var normalized = Truncate(QuestionText.Normalize(question));
        var stamp = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

        // The 👎 came first and made the gap; if the gap cap dropped it since, the comment brings it back as one wrong
        // answer rather than being kept where gaps never shows it. A comment also brings a gap marked done back.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO chat_gaps (normalized, example, times_asked, first_asked_at, last_asked_at, wrong_answers, last_wrong_at)
            VALUES (@Normalized, @Example, 0, @At, @At, 1, @At)
            ON CONFLICT (normalized) DO UPDATE SET last_wrong_at = excluded.last_wrong_at;
            """,
            new { Normalized = normalized, Example = Truncate(question.Trim()), At = stamp },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO chat_gap_comments (normalized, comment, at) VALUES (@Normalized, @Comment, @At);",
            new { Normalized = normalized, Comment = Truncate(comment.Trim()), At = stamp },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        // Bounded like the gaps themselves: the newest few per question, none for a gap that is gone.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM chat_gap_comments WHERE normalized = @Normalized AND id NOT IN (
                SELECT id FROM chat_gap_comments WHERE normalized = @Normalized ORDER BY at DESC, id DESC LIMIT @keep);
            """,
            new { Normalized = normalized, keep = MaxCommentsPerGap },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM chat_gap_comments WHERE normalized NOT IN (SELECT normalized FROM chat_gaps);",
            transaction: transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordWrongAnswerAsync(string question, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var stamp = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

        // times_asked counts declines only; a question that was answered (and then marked wrong) starts at 0.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO chat_gaps (normalized, example, times_asked, first_asked_at, last_asked_at, wrong_answers, last_wrong_at)
            VALUES (@Normalized, @Example, 0, @At, @At, 1, @At)
            ON CONFLICT (normalized) DO UPDATE SET wrong_answers = chat_gaps.wrong_answers + 1, last_wrong_at = excluded.last_wrong_at;
            """,
            new { Normalized = Truncate(QuestionText.Normalize(question)), Example = Truncate(question.Trim()), At = stamp },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> MarkGapDoneAsync(string question, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE chat_gaps SET done_at = @At WHERE normalized = @Question;",
            new { Question = question, At = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>Waits until every question recorded before the call is stored.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Pending(null, flushed)))
        {
            return; // stopped: everything queued has been drained already
        }

        Volatile.Read(ref _hurry).TrySetResult();
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Not a BackgroundService: its ExecuteAsync may never start when the host stops right after starting, and the
    // writer must always drain the queue. StopAsync completes the queue and waits for the writer to store the rest.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer ??= Task.Run(RunWriterAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        Volatile.Read(ref _hurry).TrySetResult();
        if (_writer is not null)
        {
            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await GatherAsync().ConfigureAwait(false);
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await WriteWithRetryAsync(batch.Where(p => p.Record is not null).Select(p => p.Record!).ToList()).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // The writer must outlive a bad batch: losing a few counts beats a stuck flush for stats and gaps.
                LogWriteFailed(exception, batch.Count);
            }

            foreach (var pending in batch)
            {
                pending.Flushed?.TrySetResult();
            }

            batch.Clear();
        }
    }

    /// <summary>Waits up to <see cref="GatherTime"/> for more questions to join the batch, unless a flush or a stop is
    /// waiting or a full batch is queued.</summary>
    private async Task GatherAsync()
    {
        if (_stopping)
        {
            return;
        }

        var hurry = Volatile.Read(ref _hurry).Task;
        if (!hurry.IsCompleted && _queue.Reader.Count < MaxBatch)
        {
            await Task.WhenAny(hurry, Task.Delay(GatherTime, _time)).ConfigureAwait(false);
        }

        // Renewed before the queue is read: a flush queued after this point hurries the next batch, and one queued
        // before it is in this batch.
        if (hurry.IsCompleted)
        {
            Volatile.Write(ref _hurry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    /// <summary>
    /// Writes a batch, again when the database called the failure transient: another instance's batch on a shared
    /// PostgreSQL database can still deadlock with this one (the gap cap deletes rows in another order than the upserts),
    /// and SQLite can stay busy past its timeout. The batch is one transaction, so a retry counts nothing twice.
    /// </summary>
    private async Task WriteWithRetryAsync(IReadOnlyList<QuestionRecord> records)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(records).ConfigureAwait(false);
                return;
            }
            catch (System.Data.Common.DbException exception) when (exception.IsTransient && attempt < MaxWriteAttempts)
            {
                LogWriteRetried(exception, records.Count, attempt);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<QuestionRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var days = records
            .GroupBy(r => (Day: r.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Platform))
            .Select(g => new { g.Key.Day, g.Key.Platform, Asked = g.Count(), Answered = g.Count(r => r.Answered) })

            // Rows in key order: two instances writing batches to one PostgreSQL lock the rows they share in the same
            // order, so they wait for each other instead of deadlocking.
            .OrderBy(d => d.Day, StringComparer.Ordinal).ThenBy(d => d.Platform, StringComparer.Ordinal);
        await connection.ExecuteAsync(
            """
            INSERT INTO chat_question_days (day, platform, asked, answered) VALUES (@Day, @Platform, @Asked, @Answered)
            ON CONFLICT (day, platform) DO UPDATE SET asked = chat_question_days.asked + excluded.asked,
                answered = chat_question_days.answered + excluded.answered;
            """,
            days,
            transaction).ConfigureAwait(false);

        var gaps = records.Select(r => new
        {
            Normalized = Truncate(QuestionText.Normalize(r.Question)),
            Example = Truncate(r.Question.Trim()),
            At = r.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            r.Answered,
        }).OrderBy(g => g.Normalized, StringComparer.Ordinal).ToList();
        await connection.ExecuteAsync(
            """
            INSERT INTO chat_gaps (normalized, example, times_asked, first_asked_at, last_asked_at)
            VALUES (@Normalized, @Example, 1, @At, @At)
            ON CONFLICT (normalized) DO UPDATE SET times_asked = chat_gaps.times_asked + 1, example = excluded.example,
                last_asked_at = excluded.last_asked_at;
            """,
            gaps.Where(g => !g.Answered),
            transaction).ConfigureAwait(false);

        // A gap that the notes answer now (after a reload) is filled until it is declined again.
        await connection.ExecuteAsync(
            "UPDATE chat_gaps SET answered_at = @At WHERE normalized = @Normalized;",
            gaps.Where(g => g.Answered),
            transaction).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            INSERT INTO chat_frequent (normalized, example, times_asked, last_asked_at)
            VALUES (@Normalized, @Example, 1, @At)
            ON CONFLICT (normalized) DO UPDATE SET times_asked = chat_frequent.times_asked + 1, example = excluded.example,
                last_asked_at = excluded.last_asked_at;
            """,
            gaps.Where(g => g.Answered && g.Normalized.Length > 0),
            transaction).ConfigureAwait(false);
        await KeepMostAskedAsync(connection, transaction, "chat_frequent", MaxFrequent).ConfigureAwait(false);
        await KeepMostAskedAsync(connection, transaction, "chat_gaps", _maxGaps).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> GetFrequentQuestionsAsync(string typed, int count, CancellationToken cancellationToken)
    {
        // No flush: a keystroke must not wait for the writer; a question asked a moment ago shows up a moment later.
        var pattern = "%" + QuestionText.Normalize(typed).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT example FROM chat_frequent WHERE normalized LIKE @pattern ESCAPE '\'
            ORDER BY times_asked DESC, last_asked_at DESC LIMIT @count;
            """,
            new { pattern, count },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
    }

    /// <summary>Caps a question table (<c>chat_gaps</c>, <c>chat_frequent</c>: both keyed by the normalized question, with
    /// times asked and last asked) at <paramref name="max"/> rows: the least asked, longest unasked go first.</summary>
    private static async Task KeepMostAskedAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string table, int max)
    {
        // Counted on its own, and the delete run only when the table is over the cap: with the count as the delete's
        // LIMIT subquery, SQLite walked the whole table in every batch even when nothing was over (0.34 ms a batch at
        // 10,000 gaps, where the count takes 0.04 ms and the delete of a few rows with a known limit 0.03–0.06 ms).
        var count = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table};", transaction: transaction).ConfigureAwait(false);
        if (count <= max)
        {
            return;
        }

        await connection.ExecuteAsync(
            $"""
            DELETE FROM {table} WHERE normalized IN (
                SELECT normalized FROM {table} ORDER BY times_asked ASC, last_asked_at ASC LIMIT @excess);
            """,
            new { excess = count - max },
            transaction).ConfigureAwait(false);
    }

    private static string Truncate(string text) => text.Length > MaxQuestionLength ? text[..MaxQuestionLength] : text;

    private sealed record Pending(QuestionRecord? Record, TaskCompletionSource? Flushed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The question log is full or stopped; a {Platform} question was not counted")]
    private partial void LogDropped(string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} questions to the database failed transiently (attempt {Attempt}); trying again")]
    private partial void LogWriteRetried(Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} questions to the database failed")]
    private partial void LogWriteFailed(Exception exception, int count);
}
