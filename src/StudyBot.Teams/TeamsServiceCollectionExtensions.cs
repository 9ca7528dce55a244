using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Core.Storage;
using StudyBot.Teams.Auth;
using StudyBot.Teams.Connector;
using StudyBot.Teams.Incoming;
using StudyBot.Teams.Storage;

namespace StudyBot.Teams;

/// <summary>DI wiring and endpoints of the Teams adapter.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>The name of the connector's typed client (its resilience options are named after it).</summary>
    public const string ConnectorClientName = "StudyBot.Teams.Connector";

    /// <summary>
    /// Adds the Teams adapter when <c>Teams</c> credentials are configured; validates the section at start either way
    /// (partial credentials stop the app, naming what is missing). Needs <see cref="Database"/> and
    /// <see cref="IConversation"/> from the host.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.AddMigrations(TeamsMigrations.All);

        if (!TeamsOptions.IsRequested(configuration.GetSection(TeamsOptions.SectionName)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TeamsMarker>();
        services.AddHttpClient(BotTokenValidator.HttpClientName).AddStandardResilienceHandler();
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.AddSingleton<TeamsStore>();
        services.AddHttpClient<ConnectorClient>(ConnectorClientName)
            .AddStandardResilienceHandler(ConfigureConnectorResilience);
        services.AddScoped<TeamsActivityHandler>();
        services.AddScoped<TeamsInvokeHandler>();
        services.AddSingleton<TeamsActivityQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsActivityQueue>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackgroundWork, TeamsActivityQueue>(sp => sp.GetRequiredService<TeamsActivityQueue>()));
        services.AddSingleton<TeamsChannelPublisher>();
        services.AddSingleton<IChannelPublisher>(sp => sp.GetRequiredService<TeamsChannelPublisher>());
        services.AddDeprecatedQuizChannels($"{TeamsOptions.SectionName}:{nameof(TeamsOptions.QuizChannels)}", Platforms.Teams);
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> when Teams is on.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<TeamsMarker>() is null)
        {
            return endpoints;
        }

        endpoints.MapPost(MessagesEndpoint.Route, MessagesEndpoint.HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>Retries only what the connector documents as transient: 429, 412, 502, 504 (and lost connections).</summary>
    internal static void ConfigureConnectorResilience(HttpStandardResilienceOptions options)
    {
        options.Retry.MaxRetryAttempts = 4;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Exception is HttpRequestException
            || args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
                or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout);
    }

    /// <summary>Present in DI when Teams is on.</summary>
    internal sealed class TeamsMarker;
}
