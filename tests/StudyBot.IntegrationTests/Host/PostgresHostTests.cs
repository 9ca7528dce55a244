using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Hosting;
using StudyBot.IntegrationTests.Discord;
using StudyBot.IntegrationTests.Storage;

namespace StudyBot.IntegrationTests.Host;

/// <summary>The whole app on PostgreSQL: one setting switches the provider, and two servers share the state.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresServer postgres)
{
    private const string Password = "never-logged-7b1f9c";

    [Fact]
    public async Task TwoServers_OnePostgres_HealthyAndEachSeesTheOthersState_NoSqliteFileAndNoPasswordLogged()
    {
        using var folder = BotServer.CreateFolder();
        var database = postgres.CreateDatabase(folder);

        // Trust authentication ignores the password; it is there to prove it never reaches a log line.
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = postgres.ConnectionString(database) + ";Password=" + Password,
            ["Logging:LogLevel:Default"] = "Information",
        };
        await using var first = await BotServer.StartAsync(settings, folder: folder);
        await using var second = await BotServer.StartAsync(settings, folder: folder);

        using var health = await second.Client.GetAsync("healthz");
        var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("PostgreSQL answers and accepts writes", body.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());

        // A question the notes do not cover, asked on one server, is a gap an admin sees on the other.
        var (status, _) = await first.AskAsync("What is the airspeed velocity of an unladen swallow?");
        Assert.Equal(200, status);
        await first.Services.GetRequiredService<StudyBot.Core.Chat.DatabaseQuestionLog>().FlushAsync(CancellationToken.None);
        var (_, gaps) = await second.AskAsync("gaps", admin: true);
        Assert.Contains("airspeed velocity of an unladen swallow", gaps.GetProperty("markdown").GetString(), StringComparison.Ordinal);

        Assert.False(File.Exists(first.DatabasePath));
        var logs = first.Logs.Lines.Concat(second.Logs.Lines).ToList();
        Assert.Contains(logs, l => l.Contains($"Database: PostgreSQL database {database} on 127.0.0.1:{postgres.Port}", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(Password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Mysql")]
    [InlineData("1")]
    public async Task Start_UnknownProvider_StopsNamingTheSetting(string provider)
    {
        await InFolderAsync(async folder =>
        {
            var exception = await Assert.ThrowsAsync<OptionsValidationException>(
                () => BotServer.StartAsync([new("Storage:Provider", provider)], folder: folder));

            Assert.Contains($"Storage:Provider '{provider}' is not a provider: use Sqlite or Postgres", StartupErrors.Describe(exception), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("", "Storage:ConnectionString is required when Storage:Provider is Postgres")]
    [InlineData("Host=127.0.0.1;Port=notaport", "Storage:ConnectionString is not a PostgreSQL connection string")]
    public async Task Start_PostgresWithABadConnectionString_StopsNamingTheSetting(string connectionString, string expected)
    {
        await InFolderAsync(async folder =>
        {
            var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => BotServer.StartAsync(
                [new("Storage:Provider", "Postgres"), new("Storage:ConnectionString", connectionString)], folder: folder));

            Assert.Contains(expected, StartupErrors.Describe(exception), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Start_PasswordInAppSettingsJson_StopsBecauseItIsASecret()
    {
        await InFolderAsync(async folder =>
        {
            File.WriteAllText(Path.Combine(folder, "appsettings.json"), $$"""
                { "Storage": { "Provider": "Postgres", "ConnectionString": "Host=127.0.0.1;Port={{postgres.Port}};Username=studybot;Password={{Password}}" } }
                """);

            var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => BotServer.StartAsync(folder: folder));

            var message = StartupErrors.Describe(exception);
            Assert.Contains("Storage:ConnectionString must not hold a password in appsettings.json", message, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Start_PostgresServerNotThere_StopsWithTheServersReasonAndNoPassword()
    {
        await InFolderAsync(async folder =>
        {
            // A port nobody listens on: the first migration fails with a database error (BotHost turns it into one line
            // naming Storage:ConnectionString) that holds no password.
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var app = BotHost.Build([.. BotServer.Arguments(folder, [
                new("Storage:Provider", "Postgres"),
                new("Storage:ConnectionString", $"Host=127.0.0.1;Port={port};Username=x;Password={Password};Timeout=3"),
            ])]);
            await using (app)
            {
                var exception = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => app.StartAsync());
                Assert.DoesNotContain(Password, exception.ToString(), StringComparison.Ordinal);
            }
        });
    }

    /// <summary>Runs a test in a new bot folder (a copy of the notes) and removes the folder after.</summary>
    private static async Task InFolderAsync(Func<string, Task> test)
    {
        using var folder = BotServer.CreateFolder();
        await test(folder);
    }
}
