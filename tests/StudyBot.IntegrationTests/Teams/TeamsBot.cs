using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Core.Storage;
using StudyBot.Teams;
using StudyBot.Teams.Auth;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>The conversation core's stand-in for protocol tests: records what reached it and echoes it back.</summary>
public sealed class RecordingConversation : IConversation
{
    public ConcurrentQueue<IncomingMessage> Messages { get; } = new();

    /// <summary>When set, answers wait for it (a slow answer).</summary>
    public Task? Gate { get; set; }

    public async Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Messages.Enqueue(message);
        if (Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        return message.ActionData is { } action
            ? new Reply($"Your answer to {action} was recorded.", Private: true, Kind: ReplyKind.QuizFeedback)
            : new Reply(
                $"You asked: {message.Text}",
                Citations: [new Core.Knowledge.Citation("notes/aws.md", "EBS", 71, 71, "EBS is not encrypted by default.")],
                Kind: ReplyKind.Answer);
    }
}

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
/// The Teams adapter on a real Kestrel (127.0.0.1), wired to <see cref="FakeMicrosoft"/>, with a real SQLite file.
/// </summary>
public sealed class TeamsBot : IAsyncDisposable
{
    public const string AppId = "6f1f7a3e-2b8c-4d5e-9f10-1a2b3c4d5e6f";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly WebApplication _app;
    private readonly string _directory;

    private TeamsBot(WebApplication app, string directory, HttpClient client)
    {
        _app = app;
        _directory = directory;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="configure">Extra services (the real core, a registry) and settings.</param>
    public static async Task<TeamsBot> StartAsync(
        FakeMicrosoft fake,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "studybot-teams-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var config = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:TenantId"] = TenantId,
            ["Teams:ClientSecret"] = "test-secret",
            ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["Teams:TokenAuthority"] = fake.HttpsBase,
            ["Storage:Path"] = Path.Combine(directory, "studybot.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        configureBuilder?.Invoke(builder);
        var services = builder.Services;
        services.AddSingleton<Database>(sp => new SqliteDatabase(
            config["Storage:Path"]!, sp.GetServices<IMigration>(), sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.AddTeams(builder.Configuration);
        configure?.Invoke(services);

        // Trust the fake token endpoint's self-signed certificate, and only it.
        var thumbprint = fake.Certificate.GetCertHashString();
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
        });
        // Retry fast in tests; production keeps the 1 s base delay.
        services.PostConfigure<HttpStandardResilienceOptions>(
            TeamsServiceCollectionExtensions.ConnectorClientName + "-standard", o => o.Retry.Delay = TimeSpan.FromMilliseconds(20));

        var app = builder.Build();
        app.MapTeams();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TeamsBot(app, directory, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>
    /// POSTs an activity to /api/messages with the given bearer token (none when null) and returns once the bot has
    /// handled it: the endpoint acknowledges at once and answers afterwards, so what the fake connector got is then
    /// complete.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(string activityJson, string? token)
    {
        var response = await SendUnwaitedAsync(activityJson, token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Services.GetRequiredService<StudyBot.Teams.Incoming.TeamsActivityQueue>().WhenIdleAsync(timeout.Token);
        return response;
    }

    /// <summary>POSTs an activity and returns the acknowledgement, without waiting for the bot's reply.</summary>
    public async Task<HttpResponseMessage> SendUnwaitedAsync(string activityJson, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activityJson, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned by the OS.
        }
    }
}
