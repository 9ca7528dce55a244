namespace StudyBot.Hosting;

/// <summary>DI wiring for running the bot: address validation, index warm-up, health checks, the start-up report.</summary>
internal static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddServerUrlsValidation();
        services.AddHostedService<KnowledgeWarmup>();
        services.AddBotHealthChecks();
        services.AddHostedService<StartupReport>();
        return services;
    }
}
