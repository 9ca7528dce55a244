using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace StudyBot.Core.Storage;

/// <summary>
/// The bot's state in one SQLite file: opens connections (WAL, busy timeout, foreign keys) and applies migrations.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly IReadOnlyList<IMigration> _migrations;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly SemaphoreSlim _migrateLock = new(1, 1);
    private volatile bool _migrated;

    public SqliteDatabase(string path, IEnumerable<IMigration> migrations, ILogger<SqliteDatabase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = System.IO.Path.GetFullPath(path);
        _migrations = migrations.OrderBy(m => m.Version).ToList();
        var duplicate = _migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations have version {duplicate.Key}.");
        }

        _logger = logger;
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

    /// <summary>Opens a connection, applying pending migrations on first use.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the file if needed and applies the migrations not yet applied.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            var directory = System.IO.Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL;").ConfigureAwait(false);
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);")
                .ConfigureAwait(false);
            var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations;").ConfigureAwait(false))
                .ToHashSet();
            foreach (var migration in _migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(migration.Sql, transaction: tx).ConfigureAwait(false);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, strftime('%Y-%m-%dT%H:%M:%fZ','now'));",
                    new { migration.Version, migration.Name },
                    tx).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
            }

            _migrated = true;
        }
        finally
        {
            _migrateLock.Release();
        }
    }

    /// <summary>
    /// Throws <see cref="SqliteException"/> unless a write can be made: takes the write lock and changes the schema in
    /// a transaction that is rolled back, so nothing is kept. Waits at most <paramref name="busyTimeout"/> for a lock.
    /// </summary>
    public async Task ProbeWriteAsync(TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ProbeWriteAsync(connection, busyTimeout, cancellationToken).ConfigureAwait(false);
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

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;")
            .ConfigureAwait(false);
        return connection;
    }
}
