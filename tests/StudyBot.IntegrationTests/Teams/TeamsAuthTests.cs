using Microsoft.Extensions.DependencyInjection;
using System.Net;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>POST /api/messages accepts only tokens the Bot Framework channel would send; anything else is 401 and nothing happens.</summary>
public sealed class TeamsAuthTests : IAsyncLifetime
{
    private FakeMicrosoft _fake = null!;
    private TeamsBot _bot = null!;
    private readonly RecordingConversation _conversation = new();

    public async Task InitializeAsync()
    {
        _fake = await FakeMicrosoft.StartAsync();
        _bot = await TeamsBot.StartAsync(_fake, s => s.AddSingleton<Core.Chat.IConversation>(_conversation));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task PostMessages_ValidToken_IsProcessedAndAnswered()
    {
        var token = ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl);

        var response = await _bot.SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, "hello").ToJsonString(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_conversation.Received);
        Assert.Single(_fake.Requests);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "missing",
        "wrong-issuer",
        "wrong-audience",
        "expired",
        "not-yet-valid",
        "alg-none",
        "unknown-key",
        "tampered-signature",
        "serviceurl-mismatch",
        "garbage",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task PostMessages_BadToken_Returns401AndProcessesNothing(string kind)
    {
        var key = _fake.SigningKey;
        var aud = TeamsBot.AppId;
        var url = _fake.ServiceUrl;
        var now = DateTime.UtcNow;
        using var otherKey = System.Security.Cryptography.RSA.Create(2048);
        var token = kind switch
        {
            "missing" => null,
            "wrong-issuer" => ChannelTokens.Create(key, aud, url, issuer: "https://evil.example.com"),
            "wrong-audience" => ChannelTokens.Create(key, "11111111-2222-3333-4444-555555555555", url),
            "expired" => ChannelTokens.Create(key, aud, url, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            "not-yet-valid" => ChannelTokens.Create(key, aud, url, notBefore: now.AddMinutes(6), expires: now.AddHours(1)),
            "alg-none" => ChannelTokens.Unsigned(aud, url),
            "unknown-key" => ChannelTokens.Create(otherKey, aud, url, keyId: "someone-elses-key"),
            "tampered-signature" => ChannelTokens.Tampered(key, aud, url),
            "serviceurl-mismatch" => ChannelTokens.Create(key, aud, "https://smba.trafficmanager.net/emea/"),
            "garbage" => "not.a.jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await _bot.SendAsync(TeamsTestData.ChannelMessage(url, "hello").ToJsonString(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_conversation.Received);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task PostMessages_KeyNotEndorsedForTheActivitysChannel_Returns401()
    {
        var token = ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl);
        var activity = TeamsTestData.ChannelMessage(_fake.ServiceUrl, "hello");
        activity["channelId"] = "webchat";

        var response = await _bot.SendAsync(activity.ToJsonString(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_conversation.Received);
    }

    [Fact]
    public async Task PostMessages_OversizedChunkedBody_Returns413AndProcessesNothing()
    {
        var token = ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl);
        var activity = TeamsTestData.ChannelMessage(_fake.ServiceUrl, new string('x', 300 * 1024));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            // A stream of unknown length goes out chunked, without Content-Length.
            Content = new StreamContent(new UnknownLengthStream(System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString()))),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_conversation.Received);
    }

    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task PostMessages_TokenWithinSkew_IsAccepted()
    {
        // Expired 4 minutes ago: inside the 5 minutes of allowed clock skew.
        var now = DateTime.UtcNow;
        var token = ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-4));

        var response = await _bot.SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, "hello").ToJsonString(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not.a.jwt")]
    [InlineData("alg-none")]
    [InlineData("wrong-issuer")]
    [InlineData("expired")]
    [InlineData("x")]
    public async Task PostMessages_MalformedOrForeignToken_RejectedWithoutFetchingMetadata(string kind)
    {
        var now = DateTime.UtcNow;
        var token = kind switch
        {
            "alg-none" => ChannelTokens.Unsigned(TeamsBot.AppId, _fake.ServiceUrl),
            "wrong-issuer" => ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl, issuer: "https://evil.example.com"),
            "expired" => ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            _ => kind,
        };

        var response = await _bot.SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, "hello").ToJsonString(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _fake.MetadataRequests);
    }

    [Fact]
    public async Task PostMessages_TokenSignedWithNewlyPublishedKey_AcceptedOnFirstTry()
    {
        var first = await _bot.SendAsync(
            TeamsTestData.ChannelMessage(_fake.ServiceUrl, "hello").ToJsonString(), ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl));
        using var rolled = System.Security.Cryptography.RSA.Create(2048);
        _fake.PublishKey("rolled-key", rolled);

        var response = await _bot.SendAsync(
            TeamsTestData.ChannelMessage(_fake.ServiceUrl, "after the rollover").ToJsonString(),
            ChannelTokens.Create(rolled, TeamsBot.AppId, _fake.ServiceUrl, keyId: "rolled-key"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _conversation.Received.Count);
    }

    [Fact]
    public async Task PostMessages_TokenServiceUnreachableWhileReplying_Returns200AndDeliversNothing()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var bot = await TeamsBot.StartAsync(
            _fake,
            s =>
            {
                s.AddSingleton<Core.Chat.IConversation>(_conversation);
                s.PostConfigure<Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions>(
                    StudyBot.Teams.Auth.MsalConnectorTokenProvider.HttpClientName + "-standard", o => o.Retry.Delay = TimeSpan.FromMilliseconds(10));
            },
            new Dictionary<string, string> { ["Teams:TokenAuthority"] = $"https://127.0.0.1:{port}" });
        var token = ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl);

        var response = await bot.SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, "hello").ToJsonString(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_conversation.Received);
        Assert.Empty(_fake.Requests);
    }
}
