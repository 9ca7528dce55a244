using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using StudyBot.Core.Storage;

namespace StudyBot.Hosting;

/// <summary>
/// Stops the app when a JSON settings file (appsettings.json, not user-secrets) holds a PostgreSQL connection string
/// with a password: the file is committed and copied around, the password is a secret.
/// </summary>
internal sealed class StorageSecretValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    private const string Key = $"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var file = (configuration as IConfigurationRoot)?.Providers
            .OfType<JsonConfigurationProvider>()
            .Where(p => p.Source.Path is { } path && !path.Equals("secrets.json", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(p => p.TryGet(Key, out var value) && HasPassword(value))
            ?.Source.Path;
        return file is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Key} must not hold a password in {file}: it is a secret; use the Storage__ConnectionString environment variable or user-secrets.");
    }

    private static bool HasPassword(string? connectionString)
    {
        try
        {
            return !string.IsNullOrEmpty(connectionString) && !string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(connectionString).Password);
        }
        catch (ArgumentException)
        {
            return false; // not a connection string: the storage validator says so
        }
    }
}
