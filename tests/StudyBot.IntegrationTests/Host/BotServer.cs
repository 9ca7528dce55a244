using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace StudyBot.IntegrationTests.Host;

/// <summary>
/// The real app (BotHost) on a real Kestrel at 127.0.0.1 on a free port, with its own copy of the notes and its own
/// SQLite file in a temp folder. Start a second one on the same folder to test a restart.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
    public const string AdminToken = "integration-admin-token-0123456789";

    private readonly WebApplication _app;
    private readonly bool _ownsFolder;

    private BotServer(WebApplication app, string folder, bool ownsFolder)
    {
        _app = app;
        Folder = folder;
        _ownsFolder = ownsFolder;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
    }

    /// <summary>The temp folder: <c>knowledge/</c> (a copy of the repo's notes) and <c>bot.db</c>.</summary>
    public string Folder { get; }

    public string KnowledgeFolder => Path.Combine(Folder, "knowledge");

    public string DatabasePath => Path.Combine(Folder, "bot.db");

    public Uri BaseAddress => Client.BaseAddress!;

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="settings"/> are extra configuration switches ("Section:Key", "value").</summary>
    public static async Task<BotServer> StartAsync(
        IEnumerable<KeyValuePair<string, string>>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string? folder = null)
    {
        var ownsFolder = folder is null;
        folder ??= CreateFolder();
        var app = BotHost.Build([.. Arguments(folder, settings)], configureServices);
        var started = false;
        try
        {
            await app.StartAsync();
            started = true;
            return new BotServer(app, folder, ownsFolder);
        }
        finally
        {
            if (!started)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>A temp folder with a copy of the repo's notes.</summary>
    public static string CreateFolder()
    {
        var folder = Directory.CreateTempSubdirectory("studybot-it-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "knowledge");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, "knowledge", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
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
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        return values.Select(kv => $"--{kv.Key}={kv.Value}");
    }

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
        await _app.DisposeAsync();
        if (_ownsFolder)
        {
            SqliteConnection.ClearAllPools();
            DeleteFolder(Folder);
        }
    }

    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned by the OS.
        }
    }
}
