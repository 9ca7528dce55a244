namespace StudyBot.Core.Storage;

/// <summary>
/// One step of the schema. Each feature registers its own steps in DI; <see cref="SqliteDatabase"/> applies the
/// ones not yet applied, in <see cref="Version"/> order, each in a transaction, and never drops data.
/// Versions in use: 100–199 chat and audit, 200–299 quiz, 300–399 Discord, 400–499 Teams.
/// </summary>
public interface IMigration
{
    /// <summary>Unique across the app; see the ranges above.</summary>
    int Version { get; }

    /// <summary>A short name, stored with the version.</summary>
    string Name { get; }

    /// <summary>The SQL to run (one or more statements).</summary>
    string Sql { get; }
}

/// <summary>A migration given as plain values.</summary>
public sealed record SqlMigration(int Version, string Name, string Sql) : IMigration;
