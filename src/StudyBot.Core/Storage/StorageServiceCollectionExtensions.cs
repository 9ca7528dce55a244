using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Storage;

/// <summary>DI wiring for the database.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="Database"/> of <c>Storage:Provider</c>: SQLite at <c>Storage:Path</c> (relative to the
    /// content root) or PostgreSQL at <c>Storage:ConnectionString</c>, validated at start, created and migrated when the
    /// host starts. Features add their steps as <see cref="IMigration"/> singletons. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DatabaseMigrator)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StoragePathValidator>());
        services.TryAddSingleton(sp => CreateDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<IHostEnvironment>(), sp));
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        return services;
    }

    /// <summary>
    /// Registers a feature's schema steps (its <c>XMigrations.All</c>) for the <see cref="Database"/> to apply. Each step
    /// is its own singleton, since the database reads them all as <see cref="IMigration"/>.
    /// </summary>
    public static IServiceCollection AddMigrations(this IServiceCollection services, IEnumerable<IMigration> migrations)
    {
        foreach (var migration in migrations)
        {
            services.AddSingleton(migration);
        }

        return services;
    }

    /// <summary>
    /// Registers the <see cref="Database"/> from configuration unless one is registered, without the start-up checks of
    /// <see cref="AddStorage"/>: for features used on their own (the quiz in tests and CLI commands).
    /// </summary>
    internal static IServiceCollection TryAddDatabaseFromConfiguration(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var options = new StorageOptions();
            sp.GetRequiredService<IConfiguration>().GetSection(StorageOptions.SectionName).Bind(options);
            return CreateDatabase(options, sp.GetService<IHostEnvironment>(), sp);
        });
        return services;
    }

    private static Database CreateDatabase(StorageOptions options, IHostEnvironment? environment, IServiceProvider sp) =>
        options.ProviderKind switch
        {
            StorageProvider.Postgres => new PostgresDatabase(
                options.ConnectionString ?? string.Empty, sp.GetServices<IMigration>(), sp.GetRequiredService<ILogger<PostgresDatabase>>()),
            StorageProvider.Sqlite => new SqliteDatabase(
                ContentPaths.Resolve(options.Path, environment),
                sp.GetServices<IMigration>(),
                sp.GetRequiredService<ILogger<SqliteDatabase>>()),
            _ => throw new InvalidOperationException(
                $"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} '{options.Provider}' is not a provider: use Sqlite or Postgres."),
        };
}
