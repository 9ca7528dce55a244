namespace StudyBot.Core.Storage;

/// <summary>
/// One step of the schema. Each feature lists its steps in one <c>XMigrations.All</c> (ChatMigrations, QuizMigrations,
/// WebChatMigrations, DiscordMigrations, TeamsMigrations) and registers them in its <c>AddX()</c> with
/// <see cref="StorageServiceCollectionExtensions.AddMigrations"/>; <see cref="Database"/> applies the ones not
/// yet applied, in <see cref="Version"/> order, each in a transaction, and never drops data. The same numbered steps
/// run on every provider. Versions in use: 100–199 chat, audit and web chat, 200–299 quiz, 300–399 Discord, 400–499 Teams.
/// </summary>
public interface IMigration
{
    /// <summary>Unique across the app; see the ranges above.</summary>
    int Version { get; }

    /// <summary>A short name, stored with the version.</summary>
    string Name { get; }

    /// <summary>The SQL to run (one or more statements), on SQLite and, unless <see cref="PostgresSql"/> is given, on PostgreSQL.</summary>
    string Sql { get; }

    /// <summary>The same step in PostgreSQL's words, where they differ (an identity column, a double); null when
    /// <see cref="Sql"/> runs on both. <see cref="DialectMigration"/> writes both from one text.</summary>
    string? PostgresSql => null;
}

/// <summary>A migration given as plain values.</summary>
public sealed record SqlMigration(int Version, string Name, string Sql, string? PostgresSql = null) : IMigration;

/// <summary>
/// A migration written once for both providers, with the column types that differ taken from the dialect
/// (<see cref="SqlDialect.IdentityKey"/>, <see cref="SqlDialect.BigInteger"/>, <see cref="SqlDialect.Double"/>).
/// </summary>
public sealed record DialectMigration(int Version, string Name, Func<SqlDialect, string> Write) : IMigration
{
    public string Sql => Write(SqlDialect.Sqlite);

    public string? PostgresSql => Write(SqlDialect.Postgres);
}
