using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (the default: one file, no set-up, one bot process) or <c>Postgres</c> (several bot
    /// processes may share the database).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file; relative paths are resolved against the content root. Created on first run.</summary>
    [Required]
    public string Path { get; set; } = "data/studybot.db";

    /// <summary>
    /// For <c>Postgres</c>: an Npgsql connection string, e.g. <c>Host=db;Database=studybot;Username=studybot;Password=…</c>.
    /// A secret (it holds the password): set it in an environment variable (<c>Storage__ConnectionString</c>) or
    /// user-secrets; it is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }
}
