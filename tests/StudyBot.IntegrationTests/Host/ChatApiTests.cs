using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;
using StudyBot.Web;

namespace StudyBot.IntegrationTests.Host;

public sealed class ChatApiTests : IAsyncLifetime
{
    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync(
        [new("Chat:RateLimit:TokenLimit", "1000")],
        services => services.AddSingleton<IChatActionHandler, EchoActionHandler>());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PostChat_EbsQuestion_AnswersNoAndCitesLine71()
    {
        var (status, reply) = await _server.AskAsync("Is EBS encrypted by default?");

        Assert.Equal(200, status);
        Assert.Equal("answer", reply.GetProperty("kind").GetString());
        Assert.StartsWith("No", reply.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        var first = reply.GetProperty("citations")[0];
        Assert.Equal("aws-devsecops.md", first.GetProperty("file").GetString());
        Assert.InRange(71, first.GetProperty("lineStart").GetInt32(), first.GetProperty("lineEnd").GetInt32());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("section").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("snippet").GetString()));
    }

    [Fact]
    public async Task PostChat_UnknownTopic_DeclinedWithoutCitations()
    {
        var (status, reply) = await _server.AskAsync("What is the capital of France?");

        Assert.Equal(200, status);
        Assert.Equal("declined", reply.GetProperty("kind").GetString());
        Assert.Equal(0, reply.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task PostChat_ReloadWithAdminToken_RunsAndWithoutIsRefused()
    {
        var (_, refused) = await _server.AskAsync("reload");
        var (_, allowed) = await _server.AskAsync("reload", admin: true);

        Assert.Equal("refused", refused.GetProperty("kind").GetString());
        Assert.Equal("admin", allowed.GetProperty("kind").GetString());
        Assert.Contains("Reloaded", allowed.GetProperty("markdown").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"displayName":"x","text":"hi"}""")]
    [InlineData("""{"userId":"","text":"hi"}""")]
    [InlineData("""{"userId":"u"}""")]
    [InlineData("not json")]
    [InlineData("""{"userId":"u","text":""")]
    [InlineData("""{"userId":5,"text":"hi"}""")]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task PostChat_InvalidRequest_Returns400WithError(string json)
    {
        using var response = await _server.Client.PostAsync("api/chat", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task PostChat_NotJson_Returns415WithError()
    {
        using var response = await _server.Client.PostAsync("api/chat", new StringContent("userId=u&text=hi", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostChat_HugeBody_Returns413AndLongTextGetsClearReply()
    {
        var huge = JsonSerializer.Serialize(new { userId = "u", text = new string('a', 200_000) });
        using var response = await _server.Client.PostAsync("api/chat", new StringContent(huge, System.Text.Encoding.UTF8, "application/json"));
        var (status, reply) = await _server.AskAsync(new string('a', 10_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(200, status);
        Assert.Contains("10,000 characters", reply.GetProperty("markdown").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostChat_Action_RoutedToHandler()
    {
        using var response = await _server.Client.PostAsJsonAsync("api/chat", new { userId = "u9", displayName = "Nine", action = "echo:7" });
        var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies")[0];

        Assert.Equal("echo:7 from Nine", reply.GetProperty("markdown").GetString());
        Assert.True(reply.GetProperty("private").GetBoolean());
    }

    [Fact]
    public async Task AdminCheck_RightAndWrongToken_200And401()
    {
        using var right = await _server.Client.PostAsJsonAsync("api/admin/check", new { adminToken = BotServer.AdminToken });
        using var wrong = await _server.Client.PostAsJsonAsync("api/admin/check", new { adminToken = "guess-guess-guess" });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task ChannelFeed_PostsAfterId_WithButtonsAndIdempotency()
    {
        var publisher = _server.Services.GetServices<IChannelPublisher>().Single(p => p.Platform == Platforms.Web);
        var quiz = new Reply("**Quiz:** Is EBS encrypted by default?", Buttons: [new ReplyButton("Yes", "quiz:1:0"), new ReplyButton("No", "quiz:1:1")], Kind: ReplyKind.Quiz);
        var firstId = await publisher.PostAsync("web", quiz, "quiz-1", CancellationToken.None);
        var againId = await publisher.PostAsync("web", quiz, "quiz-1", CancellationToken.None);
        await publisher.PostAsync("web", new Reply("Answer: No", ReplacesMessageId: firstId, Kind: ReplyKind.QuizReveal), "quiz-1-reveal", CancellationToken.None);

        var all = await FeedAsync(0);
        var afterFirst = await FeedAsync(all[0].GetProperty("id").GetInt64());

        Assert.Equal(firstId, againId);
        Assert.Equal(2, all.Count);
        Assert.Equal("quiz:1:1", all[0].GetProperty("reply").GetProperty("buttons")[1].GetProperty("actionId").GetString());
        Assert.Equal(firstId, all[1].GetProperty("messageId").GetString());
        Assert.Equal(firstId, all[1].GetProperty("reply").GetProperty("replacesMessageId").GetString());
        Assert.Equal("quizReveal", Assert.Single(afterFirst).GetProperty("reply").GetProperty("kind").GetString());
        Assert.Empty(await FeedAsync(all[1].GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task ChannelFeed_PrivateReply_IsRejected()
    {
        var publisher = _server.Services.GetRequiredService<WebChannelPublisher>();

        await Assert.ThrowsAsync<ArgumentException>(
            () => publisher.PostAsync("web", new Reply("secret", Private: true), "p-1", CancellationToken.None));

        Assert.Empty(await FeedAsync(0));
    }

    private async Task<List<JsonElement>> FeedAsync(long after)
    {
        var body = await _server.Client.GetFromJsonAsync<JsonElement>($"api/channels/web/messages?after={after}");
        return [.. body.GetProperty("messages").EnumerateArray()];
    }

    private sealed class EchoActionHandler : IChatActionHandler
    {
        public string Prefix => "echo";

        public Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new Reply($"{message.ActionData} from {message.DisplayName}", Private: true));
    }
}
