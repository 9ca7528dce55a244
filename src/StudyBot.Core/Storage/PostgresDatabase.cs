using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace StudyBot.Core.Storage;

/// <summary>
/// The bot's state in PostgreSQL (<c>Storage:Provider</c> = <c>Postgres</c>), shared by every bot process that points
/// at it. The database must exist; its tables are created by the same numbered migrations as on SQLite. Named locks
/// are session advisory locks, so a process that dies lets go of them with its connection.
/// </summary>
public sealed class PostgresDatabase : Database, IAsyncDisposable, IDisposable
{
    private const string MigrationLockName = "studybot:migrations";

    /// <summary>The longest another instance's migration may hold this one's start.</summary>
    private static readonly TimeSpan MigrationLockTimeout = TimeSpan.FromMinutes(2);

    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connectionString">An Npgsql connection string (a secret: it may hold a password; never logged).</param>
    public PostgresDatabase(string connectionString, IEnumerable<IMigration> migrations, ILogger<PostgresDatabase> logger)
        : base(migrations, logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = string.Create(CultureInfo.InvariantCulture, $"PostgreSQL database {builder.Database ?? builder.Username} on {builder.Host}:{builder.Port}");
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override SqlDialect Dialect => SqlDialect.Postgres;

    public override string Location { get; }

    public override bool IsShared => true;

    public override async Task<IAsyncDisposable> LockAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await AdvisoryLockAsync(connection, name, timeout, disposeConnection: true, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task ProbeWriteAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT set_config('lock_timeout', @ms, true), set_config('statement_timeout', @ms, true);",
            new { ms = ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        // Refused by a read-only server or role, a full disk or a missing privilege; rolled back, so nothing is kept.
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE studybot_write_probe (x INTEGER);", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // A service provider disposed synchronously (a CLI command's) refuses a singleton that is only IAsyncDisposable.
    public void Dispose() => _dataSource.Dispose();

    private protected override async Task<DbConnection> PrepareAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override Task<IAsyncDisposable> LockForMigrationAsync(DbConnection connection, CancellationToken cancellationToken) =>
        AdvisoryLockAsync(connection, MigrationLockName, MigrationLockTimeout, disposeConnection: false, cancellationToken);

    private protected override async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private static async Task<IAsyncDisposable> AdvisoryLockAsync(
        DbConnection connection, string name, TimeSpan timeout, bool disposeConnection, CancellationToken cancellationToken)
    {
        try
        {
            // lock_timeout bounds the wait; the session setting is put back before the connection is used again.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT set_config('lock_timeout', @ms, false); SELECT pg_advisory_lock(hashtextextended(@name, 0)); SELECT set_config('lock_timeout', '0', false);",
                new { name, ms = ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new TimeoutException($"The lock '{name}' was not free within {timeout}.", exception);
        }

        return new Release(async () =>
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtextextended(@name, 0));", new { name }).ConfigureAwait(false);
            }
            finally
            {
                if (disposeConnection)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
    }
}
