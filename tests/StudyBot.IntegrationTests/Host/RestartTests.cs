using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;

namespace StudyBot.IntegrationTests.Host;

public class RestartTests
{
    [Fact]
    public async Task Restart_SameDatabase_KeepsStatsGapsAndAudit()
    {
        using var folder = BotServer.CreateFolder();
        await using (var first = await BotServer.StartAsync(folder: folder))
        {
            await first.AskAsync("Is EBS encrypted by default?");
            await first.AskAsync("What is the capital of France?");
            await first.AskAsync("what is the capital of France");
            await first.AskAsync("Who painted the Mona Lisa?");
            await first.AskAsync("reload");
            await first.AskAsync("sources", admin: true);
        }

        await using var second = await BotServer.StartAsync(folder: folder);
        var (_, stats) = await second.AskAsync("stats", admin: true);
        var (_, gaps) = await second.AskAsync("gaps", admin: true);
        var audit = await second.Services.GetRequiredService<IAuditLog>().RecentAsync(10, CancellationToken.None);

        Assert.Contains("Questions in total: 4 — answered 1 (25%), declined 3 (75%)", stats.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        var gapText = gaps.GetProperty("markdown").GetString()!;
        Assert.Contains("1. \"what is the capital of france\" — asked 2 times", gapText, StringComparison.Ordinal);
        Assert.Contains("2. \"who painted the mona lisa\" — asked once", gapText, StringComparison.Ordinal);
        Assert.Equal(
            [("gaps", AuditOutcomes.Ok), ("stats", AuditOutcomes.Ok), ("reload", AuditOutcomes.Refused)],
            audit.Select(a => (a.Command, a.Outcome)));
        Assert.All(audit, a => Assert.Equal("tester", a.UserId));
    }
}
