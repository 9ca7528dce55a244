using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Storage;

/// <summary>DI wiring for the SQLite database.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteDatabase"/> at <c>Storage:Path</c> (relative to the content root), validated at
    /// start, created and migrated when the host starts. Features add their steps as <see cref="IMigration"/>
    /// singletons. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SqliteDatabase)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddSingleton(sp => new SqliteDatabase(
            ResolvePath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path, sp.GetRequiredService<IHostEnvironment>()),
            sp.GetServices<IMigration>(),
            sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>The full path of a configured file, relative paths taken from the content root.</summary>
    public static string ResolvePath(string path, IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
}
