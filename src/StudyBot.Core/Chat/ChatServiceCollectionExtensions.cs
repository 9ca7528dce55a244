using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat.Commands;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Chat;

/// <summary>DI wiring for the conversation core.</summary>
public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConversation"/> with the built-in commands (sources, reload, stats, gaps), the question
    /// log and audit table in SQLite (calls <see cref="StorageServiceCollectionExtensions.AddStorage"/>), the per-user
    /// question limit and the auto-reload watcher. Needs an <see cref="Knowledge.IKnowledgeBase"/> (AddKnowledge).
    /// Other features add <see cref="IChatCommand"/> and <see cref="IChatActionHandler"/> singletons.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddStorage();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ChatOptions>()
            .BindConfiguration(ChatOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>());

        services.AddMigrations(ChatMigrations.All);

        services.AddSingleton<DatabaseQuestionLog>();
        services.AddSingleton<IQuestionLog>(sp => sp.GetRequiredService<DatabaseQuestionLog>());
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseQuestionLog>());
        services.AddSingleton<IAuditLog, DatabaseAuditLog>();
        services.AddSingleton<QuestionRateLimiter>();
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<SectionSuggestions>();
        services.TryAddSingleton<Knowledge.SourceLinks>();
        services.AddOptions<NoteImageOptions>()
            .BindConfiguration(NoteImageOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NoteImageOptions>, NoteImageOptionsValidator>());
        services.TryAddSingleton<NoteImageFiles>();
        services.TryAddSingleton<NoteImageFinder>();

        services.AddSingleton<IChatCommand, SourcesCommand>();
        services.AddSingleton<IChatCommand, ReloadCommand>();
        services.AddSingleton<IChatCommand, StatsCommand>();
        services.AddSingleton<IChatCommand, GapsCommand>();
        services.AddSingleton<IChatActionHandler, AnswerFeedback>();
        services.AddSingleton<IConversation, Conversation>();
        services.TryAddSingleton<KnowledgeAutoReloader>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeAutoReloader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackgroundWork, KnowledgeAutoReloader>(sp => sp.GetRequiredService<KnowledgeAutoReloader>()));
        return services;
    }
}
