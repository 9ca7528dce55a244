using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Knowledge;

namespace StudyBot.IntegrationTests.Host;

public class AutoReloadTests
{
    [Fact]
    public async Task KnowledgeFolderChange_AutoReloadOn_NewNotesAnsweredWithoutRestart()
    {
        await using var server = await BotServer.StartAsync([new("Knowledge:AutoReloadDebounceMilliseconds", "200")]);

        await File.WriteAllTextAsync(
            Path.Combine(server.KnowledgeFolder, "gcp.md"),
            "# GCP notes\n\nCloud Armor\n- Cloud Armor protects load balancers against DDoS attacks and filters layer 7 traffic\n");

        // The watcher and the debounce run on real time; a busy machine may need plenty of it. Polled in-process: asking
        // "sources" over and over would run into the chat's rate limit.
        var knowledge = server.Services.GetRequiredService<IKnowledgeBase>();
        await Wait.UntilAsync(() => knowledge.Stats.PassagesPerFile.ContainsKey("gcp.md"), "gcp.md to be picked up by the auto-reload");

        var (_, sources) = await server.AskAsync("sources");
        Assert.Contains("`gcp.md`", sources.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        var (_, answer) = await server.AskAsync("What does Cloud Armor protect?");
        Assert.Equal("gcp.md", answer.GetProperty("citations")[0].GetProperty("file").GetString());
    }
}
