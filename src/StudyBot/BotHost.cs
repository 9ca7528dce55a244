using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;
using StudyBot.Discord;
using StudyBot.Hosting;
using StudyBot.Teams;
using StudyBot.Web;

namespace StudyBot;

/// <summary>The ASP.NET Core host: web chat, JSON API, platform endpoints, background services.</summary>
internal static class BotHost
{
    /// <summary>ISO 8601 with milliseconds and offset, for JSON log lines.</summary>
    public const string IsoTimestamp = "yyyy-MM-ddTHH:mm:ss.fffzzz";

    /// <summary>Runs the bot until Ctrl+C; a bad setting stops it at start with a message naming the setting.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        try
        {
            // Settings are checked before the host starts, so a bad one is reported in one line, not also as the host's
            // "failed to start" error with a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            if (PortsInUse.FindTaken(app.Services.GetRequiredService<IOptions<ServerUrlsOptions>>().Value.Urls) is { } taken)
            {
                await Console.Error.WriteLineAsync(
                    $"StudyBot cannot start: {taken} is already in use by another program (is StudyBot already running? Choose another port with the Urls setting or --urls).");
                return 2;
            }

            await app.StartAsync();
        }
        catch (OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync($"StudyBot cannot start: {StartupErrors.Describe(exception)}");
            return 2;
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync($"StudyBot cannot start: {exception.Message} (check the Urls setting or --urls).");
            return 2;
        }
        catch (System.Data.Common.DbException exception)
        {
            // Checked at start too; this catches what goes wrong between the check and the first migration (and, for
            // PostgreSQL, a server that cannot be reached or refuses the login). Npgsql's messages hold no password.
            var setting = exception is Microsoft.Data.Sqlite.SqliteException ? "Storage:Path" : "Storage:ConnectionString";
            await Console.Error.WriteLineAsync($"StudyBot cannot start: the database ({setting}) cannot be used: {exception.Message}");
            return 2;
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>Builds the app; tests start it on a free port and may add or replace services.</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,

            // Settings and the relative paths in them are read from the folder holding appsettings.json, so the bot
            // starts the same from the repository root or from src/StudyBot; --contentRoot still wins.
            ContentRootPath = new ConfigurationBuilder().AddCommandLine(args).Build()[HostDefaults.ContentRootKey] ?? AppFolder.Find(),
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            // The console's simple format shows a short time; a JSON line goes to a log store and needs the date too.
            options.TimestampFormat = IsoTimestamp;
            options.UseUtcTimestamp = true;
        });
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            // Answer only to the names the bot listens on, so a DNS-rebinding page cannot read the notes or the quiz
            // feed through a local browser. Set AllowedHosts to serve other names (e.g. behind a proxy).
            builder.Configuration["AllowedHosts"] = string.Join(';', ListenAddresses.DefaultAllowedHosts(builder.Configuration["urls"]));
        }

        builder.Services.AddKnowledge();
        builder.Services.AddChat();
        builder.Services.AddWebChat();
        builder.Services.AddOperations();
        builder.Services.AddQuiz();
        builder.Services.AddDiscord(builder.Configuration);
        builder.Services.AddTeams(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHealthEndpoint();
        app.MapWebChat();
        app.MapDiscord();
        app.MapTeams();
        return app;
    }
}
