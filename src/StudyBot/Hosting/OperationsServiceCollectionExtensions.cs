using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Storage;

namespace StudyBot.Hosting;

/// <summary>DI wiring for running the bot: address and secret validation, the embedding cache beside the database, index warm-up, health checks, the start-up report.</summary>
internal static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddServerUrlsValidation();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageSecretValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<KnowledgeOptions>, KnowledgeFoldersBesideDatabase>());
        services.AddHostedService<KnowledgeWarmup>();
        services.AddBotHealthChecks();
        services.AddHostedService<StartupReport>();
        return services;
    }
}
