using System.Net;
using System.Text.Json;

namespace StudyBot.IntegrationTests.Host;

public class HealthTests
{
    [Fact]
    public async Task Healthz_IndexLoadedAndDatabaseUp_Returns200Json()
    {
        await using var server = await BotServer.StartAsync();

        using var response = await server.Client.GetAsync("healthz");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("checks").GetProperty("knowledge").GetProperty("data").GetProperty("passages").GetInt32() > 0);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_SemanticSearchOn_SaysTheSemanticPathAnswersOnceTheNotesAreEmbedded()
    {
        await using var server = await BotServer.StartAsync(settings: [new("Knowledge:SemanticSearch", "true")]);

        // The model loads and the notes are embedded in the background; until then the lexical path answers.
        var path = string.Empty;
        await Wait.UntilAsync(
            async () =>
            {
                using var response = await server.Client.GetAsync("healthz");
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                path = body.GetProperty("checks").GetProperty("knowledge").GetProperty("data").GetProperty("answers").GetString()!;
                Assert.True(path == "semantic" || path.StartsWith("lexical", StringComparison.Ordinal), path);
                return path == "semantic";
            },
            "the semantic path",
            TimeSpan.FromSeconds(120),
            poll: TimeSpan.FromMilliseconds(200));

        Assert.Equal("semantic", path);
        var (status, reply) = await server.AskAsync("Is EBS encrypted by default?");
        Assert.Equal(200, status);
        Assert.Contains("EBS", reply.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(server.Folder, "embeddings")).Any(), "the vectors are cached beside the database");
    }

    [Fact]
    public async Task Healthz_NoNotesLoaded_Returns503NamingTheFolder()
    {
        using var folder = BotServer.CreateFolder(copyNotes: false);

        await using var server = await BotServer.StartAsync(folder: folder);
        using var response = await server.Client.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("No notes are loaded", body, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, "knowledge"), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_DatabaseUnreachable_Returns503()
    {
        await using var server = await BotServer.StartAsync();
        ReplaceDatabaseWithFolder(server.DatabasePath);

        using var response = await server.Client.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("database cannot be reached", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_DatabaseCannotBeWritten_ReportsDegraded()
    {
        await using var server = await BotServer.StartAsync();

        // Another writer holds the write lock for the whole request: reads still work, writes cannot be made.
        await using var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        await using var transaction = blocker.BeginTransaction();
        using (var command = blocker.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "CREATE TABLE held_lock (x INTEGER);";
            await command.ExecuteNonQueryAsync();
        }

        using var response = await server.Client.GetAsync("healthz");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        transaction.Rollback();

        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var database = body.GetProperty("checks").GetProperty("database");
        Assert.Equal("Degraded", database.GetProperty("status").GetString());
        Assert.Contains("not written", database.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Puts a folder where the database file was, so no connection can open it. The bot's background services keep
    /// working meanwhile, and one that opens a connection between the delete and the folder's creation makes the file
    /// again (a CI run failed so: "bot.db already exists"); so the swap is tried again until the folder is in place.
    /// </summary>
    private static void ReplaceDatabaseWithFolder(string databasePath)
    {
        const int MaxAttempts = 50;
        for (var attempt = 1; ; attempt++)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(databasePath);
            File.Delete(databasePath + "-wal");
            File.Delete(databasePath + "-shm");
            try
            {
                Directory.CreateDirectory(databasePath);

                // Once more now: a connection in use until a moment ago may have gone back to the pool holding the old file.
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                return;
            }
            catch (IOException) when (attempt < MaxAttempts && File.Exists(databasePath))
            {
                // Recreated by a background service in between: delete it again.
            }
        }
    }
}
