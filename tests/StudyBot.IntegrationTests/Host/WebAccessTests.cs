using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StudyBot.Hosting;
using StudyBot.Web;

namespace StudyBot.IntegrationTests.Host;

/// <summary>Host header filtering and who may use the web chat, on a real server and on the access rule itself.</summary>
public sealed class WebAccessTests
{
    private const string AccessToken = "web-access-token-0123456789abcdef";

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("rebind.attacker.example:5080", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task Get_HostHeader_OnlyTheListenNamesAnswered(string host, HttpStatusCode expected)
    {
        await using var server = await BotServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/webchat");
        request.Headers.Host = host;

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PostChat_AccessTokenSet_RefusedWithoutItAllowedAfterTheAccessLinkOrWithTheHeader()
    {
        await using var server = await BotServer.StartAsync([new("WebChat:AccessToken", AccessToken)]);
        var chat = new { userId = "u1", text = "help" };

        using var without = await server.Client.PostAsJsonAsync("api/chat", chat);
        using var feedWithout = await server.Client.GetAsync("api/channels/web/messages");
        using var page = await server.Client.GetAsync("/?access=" + AccessToken);
        using var withCookie = await server.Client.PostAsJsonAsync("api/chat", chat);
        using var fresh = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(chat) };
        request.Headers.Add(WebChatAccess.HeaderName, AccessToken);
        using var withHeader = await fresh.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, feedWithout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(AccessToken, string.Join(";", page.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5000;http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.5:5080", false)]
    public void LoopbackOnly_Urls_TellsWhetherOthersCanConnect(string? urls, bool expected) =>
        Assert.Equal(expected, ListenAddresses.LoopbackOnly(urls));

    [Theory]
    [InlineData("/api/chat", true)]
    [InlineData("/api/channels/web/messages", true)]
    [InlineData("/api/admin/check", true)]
    [InlineData("/api/messages", false)]
    [InlineData("/api/discord/interactions", false)]
    [InlineData("/healthz", false)]
    public void Check_ListeningBeyondLoopbackWithoutAccessToken_WebChatOffPlatformsOn(string path, bool refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("urls", "http://0.0.0.0:5080")]).Build();
        var access = new WebChatAccess(Options.Create(new WebChatOptions()), configuration);
        var context = new DefaultHttpContext();
        context.Request.Path = path;

        Assert.Equal(refused, access.Check(context) is not null);
    }
}
