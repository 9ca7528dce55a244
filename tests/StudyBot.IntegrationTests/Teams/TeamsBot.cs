using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Quiz;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>Records what the adapter tells the quiz core.</summary>
public sealed class RecordingQuizRegistry : IQuizChannelRegistry
{
    public ConcurrentQueue<QuizChannelSchedule> Ensured { get; } = new();

    public ConcurrentQueue<string> Removed { get; } = new();

    public Task EnsureScheduleAsync(QuizChannelSchedule schedule, CancellationToken cancellationToken)
    {
        Ensured.Enqueue(schedule);
        return Task.CompletedTask;
    }

    public Task RemoveChannelAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        Removed.Enqueue($"{platform}/{channelId}");
        return Task.CompletedTask;
    }
}

/// <summary>
/// The app (<see cref="BotServer"/>, the real composition root) with its Teams adapter wired to
/// <see cref="FakeMicrosoft"/>, and the Bot Framework channel's side of <c>/api/messages</c>.
/// </summary>
public sealed class TeamsBot : IAsyncDisposable
{
    public const string AppId = "6f1f7a3e-2b8c-4d5e-9f10-1a2b3c4d5e6f";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly BotServer _server;

    private TeamsBot(BotServer server) => _server = server;

    public HttpClient Client => _server.Client;

    public IServiceProvider Services => _server.Services;

    /// <param name="configure">The conversation core's stand-in and other services.</param>
    /// <param name="settings">Extra settings; they win over the fake's.</param>
    public static async Task<TeamsBot> StartAsync(
        FakeMicrosoft fake, Action<IServiceCollection> configure, IEnumerable<KeyValuePair<string, string>>? settings = null) =>
        new(await BotServer.StartAdapterAsync(settings ?? [], configure, microsoft: fake));

    /// <summary>
    /// POSTs an activity to /api/messages with the given bearer token (none when null) and returns once the bot has
    /// handled it: the endpoint acknowledges at once and answers afterwards, so what the fake connector got is then
    /// complete.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(string activityJson, string? token)
    {
        var response = await SendUnwaitedAsync(activityJson, token);
        await _server.WhenIdleAsync();
        return response;
    }

    /// <summary>POSTs an activity and returns the acknowledgement, without waiting for the bot's reply.</summary>
    public async Task<HttpResponseMessage> SendUnwaitedAsync(string activityJson, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activityJson, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
