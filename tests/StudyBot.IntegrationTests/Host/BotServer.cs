using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using StudyBot.IntegrationTests.Discord;
using StudyBot.IntegrationTests.Teams;
using StudyBot.Teams;
using StudyBot.Teams.Auth;

namespace StudyBot.IntegrationTests.Host;

/// <summary>
/// The one test host: the real app (<see cref="BotHost.Build"/>, so the real composition root) on a real Kestrel at
/// 127.0.0.1 on a free port, with its own copy of the notes and its own SQLite file in a temp folder. Hooks: extra
/// settings, service overrides, a fake clock, the fake Discord and Microsoft servers. Start a second one on the same
/// folder to test a restart (the test then owns the folder: <c>using var folder = BotServer.CreateFolder();</c>). Every
/// log line is kept in <see cref="Logs"/>.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
    public const string AdminToken = "integration-admin-token-0123456789";

    private readonly WebApplication _app;
    private readonly TempFolder? _ownFolder;

    private BotServer(WebApplication app, string folder, TempFolder? ownFolder, LogCapture logs)
    {
        _app = app;
        Folder = folder;
        _ownFolder = ownFolder;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
    }

    /// <summary>The temp folder: <c>knowledge/</c> (a copy of the repo's notes) and <c>bot.db</c>.</summary>
    public string Folder { get; }

    public string KnowledgeFolder => Path.Combine(Folder, "knowledge");

    public string DatabasePath => Path.Combine(Folder, "bot.db");

    public Uri BaseAddress => Client.BaseAddress!;

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The log entries at the configured levels (warnings and up unless settings say otherwise), or from
    /// the level given to <see cref="StartAsync"/>.</summary>
    public LogCapture Logs { get; }

    /// <summary>
    /// Starts a server. <paramref name="settings"/> are extra configuration switches ("Section:Key", "value");
    /// <paramref name="configureServices"/> adds or replaces services after the app's own; <paramref name="time"/>
    /// replaces the clock; <paramref name="microsoft"/> points the Teams adapter at the fake Microsoft servers (and
    /// trusts only their certificate); without <paramref name="copyNotes"/> the notes folder is empty (for adapter
    /// tests whose conversation is a stand-in); <paramref name="logLevel"/> makes <see cref="Logs"/> keep more than the
    /// console shows.
    /// </summary>
    public static async Task<BotServer> StartAsync(
        IEnumerable<KeyValuePair<string, string>>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string? folder = null,
        TimeProvider? time = null,
        FakeMicrosoft? microsoft = null,
        bool copyNotes = true,
        LogLevel? logLevel = null)
    {
        var ownFolder = folder is null ? CreateFolder(copyNotes) : null;
        folder ??= ownFolder!.Path;
        var logs = new LogCapture();
        var all = microsoft is null ? settings : TeamsSettings(microsoft).Concat(settings ?? []);
        void Configure(IServiceCollection services)
        {
            services.AddSingleton<ILoggerProvider>(logs);
            if (logLevel is { } level)
            {
                // A provider's own rule wins over Logging:LogLevel, so the console stays quiet.
                services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, level, null)));
            }

            if (time is not null)
            {
                services.AddSingleton(time);
            }

            if (microsoft is not null)
            {
                TrustFakeMicrosoft(services, microsoft);
            }

            configureServices?.Invoke(services);
        }

        WebApplication? app = null;
        var started = false;
        try
        {
            app = BotHost.Build([.. Arguments(folder, all)], Configure);
            await app.StartAsync();
            started = true;
            return new BotServer(app, folder, ownFolder, logs);
        }
        finally
        {
            if (!started)
            {
                if (app is not null)
                {
                    await DisposeAppAsync(app);
                }

                ownFolder?.Dispose();
            }
        }
    }

    /// <summary>
    /// Starts the app for an adapter test whose conversation core is a stand-in (registered by
    /// <paramref name="configureServices"/>): no notes to index, and every log line from Debug up kept in
    /// <see cref="Logs"/>.
    /// </summary>
    public static Task<BotServer> StartAdapterAsync(
        IEnumerable<KeyValuePair<string, string>> settings, Action<IServiceCollection> configureServices, string? folder = null, FakeMicrosoft? microsoft = null) =>
        StartAsync(settings, configureServices, folder, microsoft: microsoft, copyNotes: false, logLevel: LogLevel.Debug);

    /// <summary>A temp folder with a copy of the repo's notes (or an empty notes folder), for servers started on it
    /// (a restart: a second server on the same folder); the caller deletes it (<c>using</c>) after the last one.</summary>
    public static TempFolder CreateFolder(bool copyNotes = true)
    {
        var folder = new TempFolder("studybot-it-");
        if (copyNotes)
        {
            folder.CopyNotes();
        }
        else
        {
            folder.Folder("knowledge");
        }

        return folder;
    }

    /// <summary>The command-line switches the server is built with.</summary>
    public static IEnumerable<string> Arguments(string folder, IEnumerable<KeyValuePair<string, string>>? settings)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = "http://127.0.0.1:0",

            // Not Development, whatever the shell says: a developer's user-secrets (~/.microsoft/usersecrets) stay out.
            ["environment"] = "Testing",
            ["contentRoot"] = folder,
            ["Storage:Path"] = Path.Combine(folder, "bot.db"),
            ["Knowledge:Path"] = Path.Combine(folder, "knowledge"),
            ["WebChat:AdminToken"] = AdminToken,
            ["Logging:LogLevel:Default"] = "Warning",

            // The semantic model loads and embeds in the background; tests of other features run without it so its
            // CPU and memory never blur theirs. HealthTests turns it on and waits for the semantic path.
            ["Knowledge:SemanticSearch"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        return values.Select(kv => $"--{kv.Key}={kv.Value}");
    }

    /// <summary>The Discord settings for the fake Discord API (<paramref name="api"/>) and an interactions key.</summary>
    internal static Dictionary<string, string> DiscordSettings(FakeDiscordApi api, string publicKeyHex) => new()
    {
        ["Discord:ApplicationId"] = "290926444748734465",
        ["Discord:PublicKey"] = publicKeyHex,
        ["Discord:BotToken"] = FakeDiscordApi.Token,
        ["Discord:ApiBaseUrl"] = api.BaseUrl.ToString(),
        ["Discord:AdminRoleIds:0"] = "539082325061836999",
        ["Discord:InteractionBudget"] = "00:00:02",
    };

    /// <summary>The Teams settings for the fake Microsoft servers; settings given to <see cref="StartAsync"/> win.</summary>
    public static Dictionary<string, string> TeamsSettings(FakeMicrosoft fake) => new()
    {
        ["Teams:AppId"] = TeamsBot.AppId,
        ["Teams:TenantId"] = TeamsBot.TenantId,
        ["Teams:ClientSecret"] = "test-secret",
        ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
        ["Teams:TokenAuthority"] = fake.HttpsBase,
    };

    /// <summary>Completes once every background loop (quiz scheduler, notes watcher, Teams queue) is idle.</summary>
    public Task WhenIdleAsync() => Wait.UntilIdleAsync(Services);

    /// <summary>Posts a message to <c>/api/chat</c> and returns the status and the first reply.</summary>
    public async Task<(int Status, JsonElement Reply)> AskAsync(string text, string userId = "tester", bool admin = false)
    {
        using var response = await Client.PostAsJsonAsync("api/chat", new
        {
            userId,
            displayName = "Tester " + userId,
            text,
            adminToken = admin ? AdminToken : null,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body.GetProperty("replies")[0]);
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await DisposeAppAsync(_app);
        _ownFolder?.Dispose();
    }

    /// <summary>Disposes the app. The semantic indexer's background embedding has ended by then (the host's stop, or
    /// the indexer's disposal, waits for it), so nothing writes to <c>embeddings/</c> once the folder is deleted.</summary>
    private static async Task DisposeAppAsync(WebApplication app) => await app.DisposeAsync();

    private static void TrustFakeMicrosoft(IServiceCollection services, FakeMicrosoft fake)
    {
        // Trust the fake token endpoint's self-signed certificate, and only it.
        var thumbprint = fake.Certificate.GetCertHashString();
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
        });

        // Retry fast in tests; production keeps the 1 s base delay.
        services.PostConfigure<HttpStandardResilienceOptions>(
            TeamsServiceCollectionExtensions.ConnectorClientName + "-standard", o => o.Retry.Delay = TimeSpan.FromMilliseconds(20));
    }
}
