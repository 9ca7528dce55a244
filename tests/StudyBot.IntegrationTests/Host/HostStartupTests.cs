using Microsoft.Extensions.Options;
using StudyBot.Hosting;

namespace StudyBot.IntegrationTests.Host;

public sealed class HostStartupTests : IDisposable
{
    private readonly TempFolder _folder = BotServer.CreateFolder();

    [Fact]
    public async Task StartAsync_StoragePathIsFolder_StopsNamingSetting()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "db-folder"));

        var message = await StartFailureAsync(("Storage:Path", Path.Combine(_folder, "db-folder")));

        Assert.Contains("Storage:Path", message, StringComparison.Ordinal);
        Assert.Contains("is a folder", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_KnowledgePathMissing_StopsNamingSetting()
    {
        var message = await StartFailureAsync(("Knowledge:Path", Path.Combine(_folder, "no-such-notes")));

        Assert.Contains("Knowledge:Path", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:99999", "port")]
    [InlineData("ftp://127.0.0.1:5080", "http://")]
    [InlineData("http://127.0.0.1:80;not a url", "not a url")]
    [InlineData("http://127.0.0.1:notaport", "not a number")]
    [InlineData("http://127.0.0.1:", "not a number")]
    [InlineData("http://[::1]:x", "not a number")]
    public async Task StartAsync_BadUrls_StopsNamingSetting(string urls, string detail)
    {
        var message = await StartFailureAsync(("urls", urls));

        Assert.Contains("Urls:", message, StringComparison.Ordinal);
        Assert.Contains(detail, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chat:MaxMessageLength", "0", "MaxMessageLength")]
    [InlineData("Chat:RateLimit:TokenLimit", "0", "TokenLimit")]
    [InlineData("WebChat:AdminToken", "short", "WebChat:AdminToken")]
    [InlineData("WebChat:AdminToken", "twenty-three-characters", "at least 24")]
    [InlineData("WebChat:ChannelId", "a b", "WebChat:ChannelId")]
    [InlineData("Knowledge:AutoReloadDebounceMilliseconds", "1", "AutoReloadDebounceMilliseconds")]
    [InlineData("NoteImages:PublicBaseUrl", "ftp://bot.example.com", "NoteImages:PublicBaseUrl")]
    [InlineData("NoteImages:MaxBytes", "0", "MaxBytes")]
    public async Task StartAsync_BadSetting_StopsNamingSetting(string key, string value, string named)
    {
        var message = await StartFailureAsync((key, value));

        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_StoragePathInUnwritableFolder_StopsNamingSetting()
    {
        // /proc refuses new files even for root, where file permissions would not.
        var message = await StartFailureAsync(("Storage:Path", "/proc/studybot-review.db"));

        Assert.Contains("Storage:Path", message, StringComparison.Ordinal);
        Assert.Contains("cannot be created", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_CorruptDatabase_StopsNamingSettingAndCause()
    {
        var path = Path.Combine(_folder, "corrupt.db");
        CreateDatabase(path, wal: false);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            // Keep the header (page 1), overwrite the table's pages with garbage.
            file.Position = 4096;
            file.Write(Enumerable.Repeat((byte)0xA5, (int)file.Length - 4096).ToArray());
        }

        var message = await StartFailureAsync(("Storage:Path", path));

        Assert.Contains("Storage:Path", message, StringComparison.Ordinal);
        Assert.Contains("cannot be used", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_DatabaseThatCannotBeOpenedForWriting_StopsNamingSettingAndCause()
    {
        var path = Path.Combine(_folder, "wal.db");
        CreateDatabase(path, wal: true);

        // A folder where SQLite must create its write-ahead log: the file opens but can neither be read nor written
        // (SQLite error 14, as on a read-only volume; tests run as root, so file permissions would not stop it).
        Directory.CreateDirectory(path + "-wal");

        var message = await StartFailureAsync(("Storage:Path", path));

        Assert.Contains("Storage:Path", message, StringComparison.Ordinal);
        Assert.Contains("SQLite Error", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NewStorageFolder_CreatesDatabaseFile()
    {
        var path = Path.Combine(_folder, "state", "nested", "bot.db");

        await using (await BotServer.StartAsync([new("Storage:Path", path)], folder: _folder))
        {
            Assert.True(File.Exists(path));
        }
    }

    public void Dispose() => _folder.Dispose();

    private static void CreateDatabase(string path, bool wal)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = (wal ? "PRAGMA journal_mode=WAL;" : "") + """
            CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
            INSERT INTO notes (text) SELECT printf('note number %d with some text', i) FROM n;
            CREATE INDEX notes_text ON notes (text);
            """;
        command.ExecuteNonQuery();
    }

    private async Task<string> StartFailureAsync((string Key, string Value) setting)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(
            () => BotServer.StartAsync([new(setting.Key, setting.Value)], folder: _folder));
        return StartupErrors.Describe(exception);
    }
}

public class HostProcessTests
{
    [Fact]
    public async Task Main_BadSetting_ExitsWithMessageNamingSetting()
    {
        using var folder = BotServer.CreateFolder();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "studybot.dll"));
        foreach (var argument in BotServer.Arguments(folder, [new("Chat:MaxMessageLength", "-5")]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Wait.SafetyDeadline);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("StudyBot cannot start: [Chat]", await stderr, StringComparison.Ordinal);
        Assert.Contains("MaxMessageLength", await stderr, StringComparison.Ordinal);

        // One clear line, not also the host's error with a stack trace.
        Assert.DoesNotContain("Hosting failed to start", stdout + await stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Microsoft.", stdout + await stderr, StringComparison.Ordinal);
    }
}
