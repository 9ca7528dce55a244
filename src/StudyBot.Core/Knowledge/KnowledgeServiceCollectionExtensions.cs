using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path) && Directory.Exists(o.FullPath), "Knowledge:Path must name an existing folder of notes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new Semantic.SemanticIndexer(
            EmbeddingCacheFolder(sp),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<Semantic.SemanticIndexer>>()));
        services.TryAddSingleton(sp => new KnowledgeBase(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<KnowledgeBase>>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value.SemanticSearch ? sp.GetRequiredService<Semantic.SemanticIndexer>() : null));
        services.TryAddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        return services;
    }

    /// <summary><c>Knowledge:EmbeddingCache</c>, or an <c>embeddings</c> folder beside the database.</summary>
    private static string? EmbeddingCacheFolder(IServiceProvider services)
    {
        var configured = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value.EmbeddingCache;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var storage = services.GetService<Microsoft.Extensions.Options.IOptions<Storage.StorageOptions>>()?.Value;
        var environment = services.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>();
        if (storage is null || environment is null)
        {
            return null;
        }

        var database = Storage.StorageServiceCollectionExtensions.ResolvePath(storage.Path, environment);
        return Path.Combine(Path.GetDirectoryName(database) ?? ".", "embeddings");
    }
}
