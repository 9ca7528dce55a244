using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StudyBot.IntegrationTests.Host;

/// <summary>What an anonymous client can make the web endpoints do: nothing stored for made-up channels, capped
/// bodies, limited admin guesses.</summary>
public sealed class WebAbuseTests : IAsyncLifetime
{
    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync(
        [new("WebChat:AdminGuessLimit", "5"), new("WebChat:AdminGuessReplenishmentSeconds", "3600")]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetMessages_UnknownChannel_Returns404()
    {
        using var unknown = await _server.Client.GetAsync("api/channels/" + new string('x', 2000) + "/messages");
        using var configured = await _server.Client.GetAsync("api/channels/web/messages");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
    }

    [Fact]
    public async Task PostAdminCheck_BodyOver64KB_Returns413()
    {
        var body = "{\"adminToken\":\"" + new string('a', 100 * 1024) + "\"}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _server.Client.PostAsync("api/admin/check", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostAdminCheck_WrongGuessesOverLimit_429EvenForTheRightTokenAndLogged()
    {
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await _server.Client.PostAsJsonAsync("api/admin/check", new { adminToken = $"guess-{i}-guess-guess-guess" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await _server.Client.PostAsJsonAsync("api/admin/check", new { adminToken = "guess-6-guess-guess-guess" });
        using var right = await _server.Client.PostAsJsonAsync("api/admin/check", new { adminToken = BotServer.AdminToken });
        using var chatWithToken = await _server.Client.PostAsJsonAsync("api/chat", new { userId = "u", text = "reload", adminToken = BotServer.AdminToken });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, chatWithToken.StatusCode);
        Assert.Equal(5, _server.Logs.Messages(LogLevel.Warning).Count(m => m.StartsWith("Wrong admin token from", StringComparison.Ordinal)));
    }
}
