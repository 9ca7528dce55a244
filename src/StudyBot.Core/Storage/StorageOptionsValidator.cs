using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Storage;

/// <summary>
/// Checks at start that <c>Storage:Path</c> names a SQLite file that can be created or opened, or, for PostgreSQL,
/// that <c>Storage:ConnectionString</c> is a connection string (whether the server answers shows at the first
/// migration, which stops the app with the server's reason).
/// </summary>
internal sealed class StorageOptionsValidator(IHostEnvironment environment) : IValidateOptions<StorageOptions>
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        switch (options.ProviderKind)
        {
            case null:
                return ValidateOptionsResult.Fail(
                    $"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} '{options.Provider}' is not a provider: use Sqlite or Postgres.");
            case StorageProvider.Postgres:
                return ValidatePostgres(options);
        }

        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return Fail(options, "it is empty");
        }

        string fullPath;
        try
        {
            fullPath = ContentPaths.Resolve(options.Path, environment);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Fail(options, exception.Message);
        }

        if (Directory.Exists(fullPath))
        {
            return Fail(options, $"{fullPath} is a folder; give a file name such as data/studybot.db");
        }

        if (File.Exists(fullPath))
        {
            return !IsSqliteOrEmpty(fullPath, out var reason) ? Fail(options, reason)
                : IsUsable(fullPath, out reason) ? ValidateOptionsResult.Success
                : Fail(options, reason);
        }

        var folder = Path.GetDirectoryName(fullPath);
        for (var ancestor = folder; !string.IsNullOrEmpty(ancestor); ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                return Fail(options, $"{ancestor} is a file, so the folder {folder} cannot be created");
            }

            if (Directory.Exists(ancestor))
            {
                break;
            }
        }

        try
        {
            Directory.CreateDirectory(folder!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(options, $"the folder {folder} cannot be created: {exception.Message}");
        }

        try
        {
            // SQLite creates the file on first open; try it now (and remove the probe), so a read-only or virtual
            // folder such as /proc stops the app here with the setting's name instead of in the first migration.
            using var probe = new FileStream(fullPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(options, $"the file {fullPath} cannot be created: {exception.Message}");
        }

        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidatePostgres(StorageOptions options)
    {
        const string Setting = $"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is required when {StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} is Postgres " +
                "(a secret: set Storage__ConnectionString=\"Host=…;Database=…;Username=…;Password=…\" in the environment or user-secrets).");
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail($"{Setting} names no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The message names the bad keyword or value type; the string itself is a secret and is not repeated.
            return ValidateOptionsResult.Fail($"{Setting} is not a PostgreSQL connection string: {exception.Message}");
        }
    }

    private static bool IsSqliteOrEmpty(string path, out string reason)
    {
        reason = "";
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length == 0)
            {
                return true;
            }

            var header = new byte[SqliteHeader.Length];
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.AsSpan().SequenceEqual(SqliteHeader))
            {
                return true;
            }

            reason = $"{path} exists but is not a SQLite database";
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            reason = $"{path} cannot be read: {exception.Message}";
            return false;
        }
    }

    /// <summary>A corrupt, read-only or locked database stops the app here, with the setting's name, instead of as a
    /// stack trace from the first migration.</summary>
    private static bool IsUsable(string path, out string reason)
    {
        reason = "";
        if (new FileInfo(path).Length == 0)
        {
            return true;
        }

        try
        {
            SqliteDatabase.CheckExisting(path);
            return true;
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            reason = $"{path} cannot be used as the database: {exception.Message}";
            return false;
        }
    }

    private static ValidateOptionsResult Fail(StorageOptions options, string reason) =>
        ValidateOptionsResult.Fail($"{StorageOptions.SectionName}:{nameof(StorageOptions.Path)} '{options.Path}' is not usable: {reason.TrimEnd('.')}.");
}
