using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions : IValidatableObject
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

    /// <summary>
    /// The provider must be one we have; PostgreSQL needs a connection string naming a host (whether the server answers
    /// shows at the first migration, which stops the app with the server's reason).
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        switch (ProviderKind)
        {
            case null:
                yield return new ValidationResult($"{SectionName}:{nameof(Provider)} '{Provider}' is not a provider: use Sqlite or Postgres.");
                break;
            case StorageProvider.Postgres when PostgresProblem() is { } problem:
                yield return new ValidationResult(problem);
                break;
        }
    }

    private string? PostgresProblem()
    {
        const string Setting = $"{SectionName}:{nameof(ConnectionString)}";
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return $"{Setting} is required when {SectionName}:{nameof(Provider)} is Postgres " +
                "(a secret: set Storage__ConnectionString=\"Host=…;Database=…;Username=…;Password=…\" in the environment or user-secrets).";
        }

        try
        {
            return string.IsNullOrWhiteSpace(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Host) ? $"{Setting} names no Host." : null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The message names the bad keyword or value type; the string itself is a secret and is not repeated.
            return $"{Setting} is not a PostgreSQL connection string: {exception.Message}";
        }
    }
}

/// <summary>Validates <see cref="StorageOptions"/> (generated at compile time); the file checks are
/// <see cref="StoragePathValidator"/>'s.</summary>
[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
