using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.IntegrationTests.Host;

public class SemanticShutdownTests
{
    [Fact]
    public async Task Stop_MidEmbedding_TheEmbeddingEndsBeforeTheHostHasStoppedAndNothingIsLogged()
    {
        // The notes are still being embedded when the bot is stopped (Ctrl+C): the process exits right after the host
        // has stopped, so the model must no longer be in use by then.
        using var model = new StallingEmbedder();
        await using var server = await BotServer.StartAsync(
            settings: [new("Knowledge:SemanticSearch", "true")],
            configureServices: services => services.AddSingleton(sp =>
                new SemanticIndexer(() => Task.FromResult<ITextEmbedder>(model), cacheFolder: null, sp.GetService<ILogger<SemanticIndexer>>())));
        await model.Started.WaitAsync(Wait.SafetyDeadline);

        await server.StopAsync();
        model.OwnerStopped();
        await server.Services.GetRequiredService<SemanticIndexer>().Idle.WaitAsync(Wait.SafetyDeadline);

        Assert.False(model.RanAfterStop, "the model was still embedding after the host had stopped");
        Assert.Equal(0, model.InFlight);
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }
}
