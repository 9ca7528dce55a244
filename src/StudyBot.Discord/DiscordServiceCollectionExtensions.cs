using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Core.Storage;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord;

/// <summary>DI and endpoint wiring for Discord.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>The interactions endpoint path (the Developer Portal's Interactions Endpoint URL ends with it).</summary>
    public const string InteractionsPath = "/api/discord/interactions";

    /// <summary>
    /// Adds Discord when the <c>Discord</c> section has any setting; otherwise does nothing and the bot runs without it.
    /// Partial settings stop the app at start with a message naming what is missing.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        if (!DiscordOptions.IsConfigured(configuration))
        {
            return services;
        }

        services.AddDiscordRest();
        services.AddSingleton<DiscordEnabled>();
        services.AddSingleton<InteractionSignatureVerifier>();
        services.AddSingleton<InteractionHandler>();
        services.AddHostedService(sp => sp.GetRequiredService<InteractionHandler>());
        services.AddSingleton<MentionResponder>();
        services.AddMigrations(DiscordMigrations.All);
        services.AddSingleton<IChannelPublisher, DiscordChannelPublisher>();
        services.AddDeprecatedQuizChannels($"{DiscordOptions.SectionName}:{nameof(DiscordOptions.QuizChannels)}", Platforms.Discord);
        if (configuration.GetValue<bool>($"{DiscordOptions.SectionName}:{nameof(DiscordOptions.GatewayEnabled)}"))
        {
            services.TryAddSingleton<GatewayTimings>();
            services.AddHostedService<DiscordGatewayService>();
        }

        return services;
    }

    /// <summary>
    /// The options and the REST client only (for the <c>discord</c> CLI commands): the "Discord" HTTP client with the
    /// bot token, rate-limit handling and the standard resilience handler.
    /// </summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordSecretValidator>());
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddTransient<DiscordRateLimitHandler>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton(sp => new DiscordCommandRegistrar(sp.GetRequiredService<DiscordRestClient>()));
        services.AddHttpClient(DiscordRestClient.HttpClientName, (sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
                client.BaseAddress = new Uri(options.ApiBaseUrl.AbsoluteUri.TrimEnd('/') + "/");
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.BotToken);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://github.com/studybot/studybot, 1.0)");
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default HttpClient logs print request URLs, and interaction webhook URLs carry the interaction token.
            .RemoveAllLoggers()
            .AddHttpMessageHandler<DiscordRateLimitHandler>()
            .AddStandardResilienceHandler(ConfigureResilience);
        return services;
    }

    /// <summary>Maps <c>POST /api/discord/interactions</c> when Discord is on.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<DiscordEnabled>() is null)
        {
            return endpoints;
        }

        Func<HttpContext, Task<IResult>> handle = context => context.RequestServices.GetRequiredService<InteractionHandler>().HandleAsync(context);
        endpoints.MapPost(InteractionsPath, handle);
        return endpoints;
    }

    /// <summary>Retries transient failures with backoff, but leaves 429 to <see cref="DiscordRateLimitHandler"/>.</summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions options)
    {
        static ValueTask<bool> Transient(Polly.Outcome<HttpResponseMessage> outcome) => ValueTask.FromResult(
            outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(outcome));
        options.Retry.ShouldHandle = args => Transient(args.Outcome);
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.ShouldRetryAfterHeader = false;
        options.CircuitBreaker.ShouldHandle = args => Transient(args.Outcome);
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(20);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(90);
    }

    /// <summary>Marks that Discord is on.</summary>
    internal sealed class DiscordEnabled;
}
