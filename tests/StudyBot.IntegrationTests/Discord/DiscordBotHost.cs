using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Storage;
using StudyBot.Discord;

namespace StudyBot.IntegrationTests.Discord;

/// <summary>A conversation core stand-in for protocol tests: records what it is given and answers with citations.</summary>
internal sealed class RecordingConversation : IConversation
{
    public ConcurrentQueue<IncomingMessage> Received { get; } = new();

    public Func<IncomingMessage, CancellationToken, Task<Reply>> Respond { get; set; } = (m, _) => Task.FromResult(Answer(m));

    public async Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        return await Respond(message, cancellationToken);
    }

    public static Reply Answer(IncomingMessage message) => message.ActionData is { } action
        ? new Reply($"You pressed {action}.", Private: true, Kind: ReplyKind.QuizFeedback)
        : new Reply(
            $"Answer to: {message.Text}",
            Title: "StudyBot",
            Citations: [new Citation("aws/ebs.md", "Encryption", 70, 71, "EBS volumes are not encrypted by default.")],
            Buttons: [new ReplyButton("More", "more:1", ButtonStyle.Primary)],
            Kind: ReplyKind.Answer);
}

/// <summary>Captures every log line, to check that no secret is logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>The bot's Discord adapter on a real Kestrel server on 127.0.0.1, with a temp SQLite database.</summary>
internal sealed class DiscordBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownedDirectory;

    private DiscordBotHost(WebApplication app, string? ownedDirectory, CapturingLoggerProvider logs)
    {
        _app = app;
        _ownedDirectory = ownedDirectory;
        Logs = logs;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public CapturingLoggerProvider Logs { get; }

    public static Dictionary<string, string?> Settings(FakeDiscordApi api, string publicKeyHex) => new()
    {
        ["Discord:ApplicationId"] = "290926444748734465",
        ["Discord:PublicKey"] = publicKeyHex,
        ["Discord:BotToken"] = FakeDiscordApi.Token,
        ["Discord:ApiBaseUrl"] = api.BaseUrl.ToString(),
        ["Discord:AdminRoleIds:0"] = "539082325061836999",
        ["Discord:InteractionBudget"] = "00:00:02",
    };

    /// <summary>
    /// Starts the host; <paramref name="configure"/> registers the conversation core (or a stand-in). With a
    /// <paramref name="folder"/> (which the caller deletes) the database outlives the host, as across a restart.
    /// </summary>
    public static async Task<DiscordBotHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection> configure, string? folder = null)
    {
        var directory = folder ?? Directory.CreateTempSubdirectory("studybot-discord-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<Database>(sp => new SqliteDatabase(
            Path.Combine(directory, "studybot.db"), sp.GetServices<IMigration>(), sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        configure(builder.Services);
        builder.Services.AddDiscord(builder.Configuration);
        var app = builder.Build();
        app.MapDiscord();
        var host = new DiscordBotHost(app, folder is null ? directory : null, logs);
        try
        {
            await app.StartAsync();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            // Never started, so there is nothing to stop.
            await app.DisposeAsync();
            if (folder is null)
            {
                Directory.Delete(directory, recursive: true);
            }

            throw;
        }

        host.BaseUrl = new Uri(app.Urls.First());
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownedDirectory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
