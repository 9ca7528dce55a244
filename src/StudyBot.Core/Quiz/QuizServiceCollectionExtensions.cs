using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Quiz;

/// <summary>DI wiring for the daily quiz.</summary>
public static class QuizServiceCollectionExtensions
{
    /// <summary>
    /// Adds the quiz: the question bank (needs an <see cref="Knowledge.IKnowledgeBase"/>), its store and
    /// migrations, the <c>quiz</c>/<c>leaderboard</c>/<c>me</c> commands, the <c>quiz:</c> button handler, the
    /// <see cref="IQuizChannelRegistry"/> and the scheduler. Posts go through the registered
    /// <see cref="IChannelPublisher"/>s, one per platform.
    /// </summary>
    public static IServiceCollection AddQuiz(this IServiceCollection services)
    {
        services.AddOptions<QuizOptions>()
            .BindConfiguration(QuizOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QuizOptions>, QuizOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddMigrations(QuizMigrations.All);

        services.TryAddDatabaseFromConfiguration();
        services.TryAddSingleton(sp => ResolveFolder(sp));
        services.TryAddSingleton(sp => QuizModel(sp));
        services.TryAddSingleton<QuestionBank>();
        services.AddSingleton<IAdminNotes, QuizAdminNotes>();
        services.TryAddSingleton<QuizStore>();
        services.TryAddSingleton<QuizSchedulerSignal>();
        services.TryAddTransient<QuizService>();
        services.TryAddTransient<IQuizChannelRegistry, QuizChannelRegistry>();
        services.AddTransient<IChatCommand, QuizChatCommand>();
        services.AddTransient<IChatCommand, LeaderboardCommand>();
        services.AddTransient<IChatCommand, MeCommand>();
        services.AddTransient<IChatActionHandler, QuizActionHandler>();
        services.AddTransient<IChatActionHandler, QuizViewHandler>();
        services.TryAddSingleton<QuizScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<QuizScheduler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackgroundWork, QuizScheduler>(sp => sp.GetRequiredService<QuizScheduler>()));
        return services;
    }

    /// <summary>
    /// For a platform adapter: reads the quiz channels still listed under its old <paramref name="key"/> (for example
    /// <c>Teams:QuizChannels</c>) into <c>Quiz:Channels</c> with <paramref name="platform"/>, and warns once that the key
    /// is deprecated. New settings go in <c>Quiz:Channels</c>.
    /// </summary>
    public static IServiceCollection AddDeprecatedQuizChannels(this IServiceCollection services, string key, string platform)
    {
        services.AddSingleton<IPostConfigureOptions<QuizOptions>>(sp => new DeprecatedQuizChannels(
            sp.GetRequiredService<IConfiguration>(),
            key,
            platform,
            sp.GetService<ILoggerFactory>()?.CreateLogger<DeprecatedQuizChannels>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        return services;
    }

    /// <summary>The sentence model for wrong choices, on when the answers use it (<c>Knowledge:SemanticSearch</c>): the
    /// same loaded model as the answers' (its 8-bit form in <c>Knowledge:EmbeddingCache</c>).</summary>
    private static QuizTermModel QuizModel(IServiceProvider sp)
    {
        var knowledge = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        return knowledge.SemanticSearch
            ? QuizTermModel.SharedMiniLm(string.IsNullOrWhiteSpace(knowledge.EmbeddingCache) ? null : Path.GetFullPath(knowledge.EmbeddingCache))
            : QuizTermModel.None;
    }

    private static QuizKnowledgeFolder ResolveFolder(IServiceProvider sp)
    {
        // Quiz:KnowledgePath, else the notes folder (Knowledge:Path, else its default); relative to the content root,
        // like every path setting. Read from configuration, so the quiz works without the knowledge options bound.
        var configured = sp.GetRequiredService<IOptions<QuizOptions>>().Value.KnowledgePath;
        var path = string.IsNullOrWhiteSpace(configured)
            ? sp.GetRequiredService<IConfiguration>()[$"{KnowledgeOptions.SectionName}:Path"] is { Length: > 0 } notes ? notes : KnowledgeOptions.DefaultPath
            : configured;
        return new QuizKnowledgeFolder(sp.GetService<IHostEnvironment>() is { } environment
            ? ContentPaths.Resolve(path, environment)
            : Path.GetFullPath(path));
    }
}
