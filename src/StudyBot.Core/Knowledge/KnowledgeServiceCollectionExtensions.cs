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
        services.TryAddSingleton<KnowledgeBase>();
        services.TryAddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        return services;
    }
}
