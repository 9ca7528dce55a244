using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace StudyBot.Core.Storage;

/// <summary>Where the bot keeps its state: <c>Storage:Provider</c>.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file beside the bot; no set-up, one bot process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database; several bot processes may share it.</summary>
    Postgres,
}

/// <summary>
/// The bot's state store, whatever the provider: opens connections, applies the numbered migrations once (the
/// provider's SQL where a step has one), and holds named locks. Stores write SQL both providers understand (Dapper,
/// <c>@name</c> parameters, times as sortable UTC ISO-8601 text); <see cref="Dialect"/> holds what differs.
/// </summary>
public abstract partial class Database
{
    private readonly IReadOnlyList<IMigration> _migrations;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _migrateLock = new(1, 1);
    private volatile bool _migrated;

    private protected Database(IEnumerable<IMigration> migrations, ILogger logger)
    {
        _migrations = migrations.OrderBy(m => m.Version).ToList();
        var duplicate = _migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations have version {duplicate.Key}.");
        }

        _logger = logger;
    }

    /// <summary>Which provider this is.</summary>
    public StorageProvider Provider => Dialect.Provider;

    /// <summary>The SQL that differs between providers.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>Where the data is, for logs and messages: a file path, or host, port and database (never a password).</summary>
    public abstract string Location { get; }

    /// <summary>
    /// True when other bot processes may use the same database at once (PostgreSQL). A SQLite file belongs to one
    /// process, so what an earlier run of it left claimed can be taken back at start.
    /// </summary>
    public abstract bool IsShared { get; }

    /// <summary>Opens a connection, applying pending migrations on first use.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the database if needed and applies the migrations not yet applied, each in a transaction.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            await using var connection = await PrepareAsync(cancellationToken).ConfigureAwait(false);

            // Another process may migrate the same database at the same moment (two instances starting together):
            // the provider's lock makes the second one wait and then find every step applied.
            await using (await LockForMigrationAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                var applied = (await connection.QueryAsync<long>(new CommandDefinition(
                    "SELECT version FROM schema_migrations;", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
                foreach (var migration in _migrations.Where(m => !applied.Contains(m.Version)))
                {
                    await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

                    // Checked again inside the step's transaction: SQLite has no lock across processes (or across two
                    // Database objects on one file) but takes the write lock when the transaction begins, so a second
                    // migrator waits here and then finds the step applied instead of failing on "table already exists".
                    var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version;",
                        new { migration.Version },
                        tx,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                    if (done > 0)
                    {
                        continue;
                    }

                    await connection.ExecuteAsync(new CommandDefinition(
                        Dialect.MigrationSql(migration), transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    await connection.ExecuteAsync(new CommandDefinition(
                        $"INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, {Dialect.UtcNowText});",
                        new { migration.Version, migration.Name },
                        tx,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                    await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                    LogApplied(_logger, migration.Version, migration.Name);
                }
            }

            _migrated = true;
        }
        finally
        {
            _migrateLock.Release();
        }
    }

    /// <summary>
    /// Waits for the named lock, held until the result is disposed, across every process on this database (within
    /// the process for SQLite, whose file has one). For short critical sections such as choosing the next quiz
    /// question; waits at most <paramref name="timeout"/>, then throws <see cref="TimeoutException"/>.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockAsync(string name, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Throws unless a write can be made: changes the schema in a transaction that is rolled back, so nothing is
    /// kept. Waits at most <paramref name="timeout"/> for another writer's lock.
    /// </summary>
    public abstract Task ProbeWriteAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Creates what must exist before the first connection (a folder, a journal mode) and opens it.</summary>
    private protected abstract Task<DbConnection> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Holds off other processes migrating the same database until disposed.</summary>
    private protected abstract Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    private protected abstract Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);

    /// <summary>Runs an action once when disposed.</summary>
    private protected sealed class Release(Func<ValueTask> release) : IAsyncDisposable
    {
        private Func<ValueTask>? _release = release;

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _release, null)?.Invoke() ?? ValueTask.CompletedTask;
    }
}

/// <summary>The SQL that differs between the providers; everything else is written once.</summary>
public sealed class SqlDialect
{
    /// <summary>SQLite 3.35+ (upserts, <c>RETURNING</c>).</summary>
    public static readonly SqlDialect Sqlite = new(
        StorageProvider.Sqlite,
        "strftime('%Y-%m-%dT%H:%M:%fZ','now')",
        identityKey: "INTEGER PRIMARY KEY AUTOINCREMENT",
        bigInteger: "INTEGER",
        @double: "REAL");

    /// <summary>PostgreSQL 13+.</summary>
    public static readonly SqlDialect Postgres = new(
        StorageProvider.Postgres,
        """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')""",
        identityKey: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        bigInteger: "BIGINT",
        @double: "DOUBLE PRECISION");

    private SqlDialect(StorageProvider provider, string utcNowText, string identityKey, string bigInteger, string @double)
    {
        Provider = provider;
        UtcNowText = utcNowText;
        IdentityKey = identityKey;
        BigInteger = bigInteger;
        Double = @double;
    }

    public StorageProvider Provider { get; }

    /// <summary>An auto-numbered 8-byte primary key column: its type and constraint.</summary>
    public string IdentityKey { get; }

    /// <summary>An 8-byte integer column (SQLite's INTEGER is 8 bytes, PostgreSQL's 4); for columns that reference an
    /// <see cref="IdentityKey"/>.</summary>
    public string BigInteger { get; }

    /// <summary>An 8-byte float column (PostgreSQL's REAL has 4 bytes).</summary>
    public string Double { get; }

    /// <summary>The database's own clock as UTC ISO-8601 text; only for bookkeeping such as when a migration ran
    /// (everything the bot decides on uses the injected TimeProvider).</summary>
    public string UtcNowText { get; }

    /// <summary>The SQL of a migration step for this provider.</summary>
    public string MigrationSql(IMigration migration) =>
        Provider == StorageProvider.Postgres && migration.PostgresSql is { } postgres ? postgres : migration.Sql;
}
