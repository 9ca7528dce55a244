using StudyBot.Discord.Rest;

namespace StudyBot.Tests.Discord;

public class RouteKeyTests
{
    [Fact]
    public void From_ChannelMessage_ChannelIsMajorAndOtherIdsTemplated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "https://discord.com/api/v10/channels/123/messages/456");

        var key = RouteKey.From(request);

        Assert.Equal("PATCH /api/v10/channels/{channels}/messages/{id}", key.Route);
        Assert.Equal("channels/123", key.Major);
    }

    [Fact]
    public void From_InteractionWebhook_TokenInMajorButNotInTheLoggedRoute()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "https://discord.com/api/v10/webhooks/789/secret-token/messages/@original");

        var key = RouteKey.From(request);

        Assert.Equal("PATCH /api/v10/webhooks/{webhooks}/{token}/messages/@original", key.Route);
        Assert.Equal("webhooks/789/secret-token", key.Major);
    }

    [Fact]
    public void From_DifferentChannels_DifferentMajorSameRoute()
    {
        using var a = new HttpRequestMessage(HttpMethod.Post, "https://discord.com/api/v10/channels/1/messages");
        using var b = new HttpRequestMessage(HttpMethod.Post, "https://discord.com/api/v10/channels/2/messages");

        Assert.Equal(RouteKey.From(a).Route, RouteKey.From(b).Route);
        Assert.NotEqual(RouteKey.From(a).Major, RouteKey.From(b).Major);
    }
}
