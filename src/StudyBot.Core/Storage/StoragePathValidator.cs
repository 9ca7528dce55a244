using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Storage;

/// <summary>
/// Checks at start that <c>Storage:Path</c> names a SQLite file that can be created or opened. Beside the generated
/// <see cref="StorageOptionsValidator"/> because it needs the content root and the file system, which an options
/// class cannot reach.
/// </summary>
internal sealed class StoragePathValidator(IHostEnvironment environment) : IValidateOptions<StorageOptions>
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.ProviderKind is not StorageProvider.Sqlite)
        {
            return ValidateOptionsResult.Success; // the provider and the connection string are StorageOptions' own rules
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
