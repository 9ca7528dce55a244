using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (the default: one file, no set-up, one bot process) or <c>Postgres</c> (several bot
    /// processes may share the database). Text, not the enum, so a wrong name is reported by the validator with the
    /// setting's name instead of failing in the configuration binder.</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>The provider <see cref="Provider"/> names (case ignored), or null when it names none.</summary>
    public StorageProvider? ProviderKind =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(Provider.Trim()[0])
            ? kind
            : null;

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
