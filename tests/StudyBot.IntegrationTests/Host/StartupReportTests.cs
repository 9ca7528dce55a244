using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Knowledge;

namespace StudyBot.IntegrationTests.Host;

public class StartupReportTests
{
    [Fact]
    public async Task Start_DefaultPlatforms_LogsWebChatAddressIndexDatabaseAndPlatforms()
    {
        await using var server = await BotServer.StartAsync([new("Logging:LogLevel:StudyBot.Hosting.StartupReport", "Information")]);
        var logs = server.Logs.Messages().ToList();
        var stats = server.Services.GetRequiredService<IKnowledgeBase>().Stats;

        Assert.Contains($"Web chat: {server.BaseAddress.ToString().TrimEnd('/')}/", logs);
        Assert.Contains($"Knowledge: {stats.Files} files, {stats.Passages} passages indexed, 0 files skipped", logs);
        Assert.True(stats.Passages > 0);
        Assert.Contains($"Database: {server.DatabasePath}", logs);
        Assert.Contains("Platforms on: web; off: discord, teams (not configured)", logs);
    }
}
