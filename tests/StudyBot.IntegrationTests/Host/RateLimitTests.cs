namespace StudyBot.IntegrationTests.Host;

public class RateLimitTests
{
    [Fact]
    public async Task PostChat_OverPerUserLimit_Returns429WithSlowDownReply()
    {
        await using var server = await BotServer.StartAsync(
            [new("Chat:RateLimit:TokenLimit", "3"), new("Chat:RateLimit:ReplenishmentSeconds", "3600")]);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await server.AskAsync("Is EBS encrypted by default?", "fast")).Status);
        }

        var (status, reply) = await server.AskAsync("Is EBS encrypted by default?", "fast");
        var (otherStatus, _) = await server.AskAsync("Is EBS encrypted by default?", "calm");

        Assert.Equal(429, status);
        Assert.Equal("rateLimited", reply.GetProperty("kind").GetString());
        Assert.Contains("Slow down", reply.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, otherStatus);
    }
}
