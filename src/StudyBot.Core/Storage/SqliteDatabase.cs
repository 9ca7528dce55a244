using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace StudyBot.Core.Storage;

/// <summary>
/// The bot's state in one SQLite file (the default provider): opens connections (WAL, busy timeout, foreign keys).
/// One bot process owns the file, so named locks are in-process.
/// </summary>
public sealed class SqliteDatabase : Database
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public SqliteDatabase(string path, IEnumerable<IMigration> migrations, ILogger<SqliteDatabase> logger)
        : base(migrations, logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Default,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    public string ConnectionString { get; }

    public override SqlDialect Dialect => SqlDialect.Sqlite;

    public override string Location => FilePath;

    public override bool IsShared => false;

    public override async Task<IAsyncDisposable> LockAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(name, static _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"The lock '{name}' was not free within {timeout}.");
        }

        return new Release(() =>
        {
            gate.Release();
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// Throws <see cref="SqliteException"/> unless a write can be made: takes the write lock and changes the schema in
    /// a transaction that is rolled back, so nothing is kept. Waits at most <paramref name="timeout"/> for a lock.
    /// </summary>
    public override async Task ProbeWriteAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ProbeWriteAsync(connection, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks an existing database file at start: opens it without creating it, runs SQLite's quick integrity check
    /// and a rolled-back write. Throws <see cref="SqliteException"/> (corrupt, read-only, locked) or
    /// <see cref="InvalidDataException"/> (the integrity check found damage).
    /// </summary>
    internal static void CheckExisting(string fullPath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var check = connection.ExecuteScalar<string>("PRAGMA quick_check(1);");
        if (!string.Equals(check, "ok", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"SQLite's integrity check failed: {check}");
        }

        ProbeWriteAsync(connection, TimeSpan.FromSeconds(5), CancellationToken.None).GetAwaiter().GetResult();
    }

    private protected override async Task<DbConnection> PrepareAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;").ConfigureAwait(false);
        return connection;
    }

    // No lock across Database objects or processes on one file: Database checks each step again inside the step's own
    // transaction, whose write lock (with the busy timeout) makes a second migrator wait and then skip it.
    private protected override Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(new Release(() => ValueTask.CompletedTask));

    private protected override async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;")
            .ConfigureAwait(false);
        return connection;
    }

    private static async Task ProbeWriteAsync(SqliteConnection connection, TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            $"PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds};", cancellationToken: cancellationToken)).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN is deferred; the CREATE takes the write lock and dirties a page, which a read-only or locked file refuses.
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE studybot_write_probe (x INTEGER);", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
    }
}
