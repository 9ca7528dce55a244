using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Knowledge;

/// <summary>DI wiring for the notes index.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="KnowledgeOptions"/> to the <c>Knowledge</c> section (validated at start: the folder must
    /// exist) and registers <see cref="IKnowledgeBase"/> as a singleton that loads the notes at first use
    /// (or call <see cref="KnowledgeBase.LoadAsync"/>).
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<KnowledgeOptions>, KnowledgePathResolver>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new Semantic.SemanticIndexer(
            EmbeddingCacheFolder(sp),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<Semantic.SemanticIndexer>>())
        {
            MaxPassages = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value.SemanticMaxPassages,
            TokenMatchMaxPassages = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value.TokenMatchMaxPassages,
        });
        services.TryAddSingleton(sp => new KnowledgeBase(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<KnowledgeBase>>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value.SemanticSearch ? sp.GetRequiredService<Semantic.SemanticIndexer>() : null));
        services.TryAddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.AddHostedService<Semantic.SemanticIndexerShutdown>();
        return services;
    }

    /// <summary><c>Knowledge:EmbeddingCache</c>, or no cache when it is empty (the app sets it beside its database).</summary>
    private static string? EmbeddingCacheFolder(IServiceProvider services)
    {
        var configured = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value.EmbeddingCache;
        return string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(configured);
    }
}

/// <summary>In a host, a relative <c>Knowledge:Path</c> is taken from the content root, as <c>Storage:Path</c> is.</summary>
internal sealed class KnowledgePathResolver(IServiceProvider services) : IPostConfigureOptions<KnowledgeOptions>
{
    public void PostConfigure(string? name, KnowledgeOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Path) && services.GetService(typeof(IHostEnvironment)) is IHostEnvironment environment)
        {
            options.Path = ContentPaths.Resolve(options.Path, environment);
        }
    }
}
