using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Cli;

/// <summary>
/// The app started as a user starts it, from folders other than the one holding appsettings.json: settings and the
/// relative paths in them come from the nearest appsettings.json above the current folder, else the current folder.
/// </summary>
public sealed class CliProcessTests : IDisposable
{
    /// <summary>An app folder (appsettings.json naming "notes", a copy of the seed notes there) with a deep sub-folder.</summary>
    private readonly TempFolder _app = new("studybot-cli-");

    public CliProcessTests()
    {
        var notes = Path.Combine(_app, "notes");
        Directory.CreateDirectory(notes);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "knowledge")))
        {
            File.Copy(file, Path.Combine(notes, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(_app, "appsettings.json"),
            """{ "Urls": "http://127.0.0.1:0", "Knowledge": { "Path": "notes" }, "WebChat": { "AdminToken": "cli-process-admin-token-0123456789" } }""");
        Directory.CreateDirectory(SubFolder);
    }

    private string SubFolder => Path.Combine(_app, "src", "StudyBot");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Ask_FromASubFolder_ReadsTheNotesNamedInTheNearestSettings()
    {
        var (code, stdout, stderr) = await StudyBotProcess.RunAsync(SubFolder, ["ask", "What is GuardDuty?"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("aws-devsecops.md:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_FromAFolderWithoutSettingsOrNotes_OneLineNamingTheFolderAndExit2()
    {
        using var empty = new TempFolder("studybot-nowhere-");

        var (code, stdout, stderr) = await StudyBotProcess.RunAsync(empty, ["ask", "What is GuardDuty?"]);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{empty.Combine("knowledge")}' does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_StdinWithBlankLines_AnswersOnlyTheQuestions()
    {
        var (code, stdout, stderr) = await StudyBotProcess.RunAsync(SubFolder, ["ask", "--json", "-"], "What is GuardDuty?\n\n  \nIs EBS encrypted by default?\n");

        Assert.True(code == 0, stderr);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Quiz_CountNotANumber_OneMessageAndExit2()
    {
        var (code, stdout, stderr) = await StudyBotProcess.RunAsync(SubFolder, ["quiz", "--count", "abc"]);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("--count must be a whole number", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--json", "--markdown")]
    [InlineData("--reserve", "--drafts")]
    public async Task Quiz_TwoOptionsThatExcludeEachOther_OneMessageAndExit2(string first, string second)
    {
        var (code, stdout, stderr) = await StudyBotProcess.RunAsync(SubFolder, ["quiz", first, second]);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains($"Choose one of {first} and {second}.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_Typo_SaysDidYouMeanAndCreatesNoDatabase()
    {
        var (code, _, stderr) = await StudyBotProcess.RunAsync(SubFolder, ["asks", "hello"]);

        Assert.Equal(2, code);
        Assert.Contains("did you mean ask?", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_app, "data")), "a typo must not start the server and create the database");
    }

    [Fact]
    public async Task Run_FromASubFolder_ServesTheNotesAndWritesJsonLogsWithIsoTimestamps()
    {
        await using var bot = StudyBotProcess.Start(SubFolder, [], new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });

        var line = await bot.WaitForLineAsync(l => l.Contains("Web chat: http", StringComparison.Ordinal));

        using var log = JsonDocument.Parse(line);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$", log.RootElement.GetProperty("Timestamp").GetString());
        using var client = new HttpClient { BaseAddress = new Uri(log.RootElement.GetProperty("State").GetProperty("Url").GetString()!) };
        using var health = await client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(File.Exists(Path.Combine(_app, "data", "studybot.db")), "Storage:Path's default is relative to the app folder");
    }

    [Fact]
    public async Task Run_PortInUse_PrintsOnlyTheOneLineMessage()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        await using var bot = StudyBotProcess.Start(_app, ["--urls", url]);
        var code = await bot.WaitForExitAsync();

        Assert.Equal(2, code);
        var line = Assert.Single(bot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{url} is already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", bot.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", bot.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", bot.Stdout + bot.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EmptyNotesFolder_SaysOnceInTheLogAndOnHealthzAndInEveryReply()
    {
        var notes = Path.Combine(_app, "notes");
        foreach (var file in Directory.EnumerateFiles(notes))
        {
            File.Delete(file);
        }

        await using var bot = StudyBotProcess.Start(SubFolder, []);
        var url = (await bot.WaitForLineAsync(l => l.Contains("Web chat: http", StringComparison.Ordinal))).Split("Web chat: ")[1].Trim();
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        foreach (var question in new[] { "What is GuardDuty?", "Is EBS encrypted by default?" })
        {
            using var response = await client.PostAsJsonAsync("api/chat", new { userId = "u1", displayName = "Ada", text = question });
            var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies")[0];
            Assert.Contains("No notes are loaded", reply.GetProperty("markdown").GetString(), StringComparison.Ordinal);
            Assert.Contains(notes, reply.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        }

        using var health = await client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("No notes are loaded", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A graceful stop flushes the log, so nothing about the questions can still be on its way.
        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", bot.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await bot.WaitForExitAsync();
        var log = bot.Stdout + bot.Stderr;
        // Once from the knowledge base at start (the health check logs its own probe's result, which is not counted).
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(log, "No notes are loaded; every question gets that reply"));
        Assert.Contains(notes, log, StringComparison.Ordinal);
        Assert.DoesNotContain("previous notes keep serving", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Knowledge: 0 files", log, StringComparison.Ordinal);
    }
}
