using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Core.Chat;
using StudyBot.Discord.Gateway;

using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Discord;

public sealed class DiscordGatewayTests : IAsyncLifetime
{
    private const string BotUserId = "1000";

    /// <summary>
    /// So long that a busy test machine never misses an ACK by accident: steps that need a heartbeat with the latest
    /// sequence ask for one (op 1, as Discord may), and only the zombie step uses <see cref="ZombieHeartbeatMs"/>.
    /// </summary>
    private const int HeartbeatMs = 60_000;

    /// <summary>The zombie step's interval: only its heartbeats with the resumed sequence go unanswered.</summary>
    private const int ZombieHeartbeatMs = 3000;

    /// <summary>Positive waits only: a busy machine may take long, a passing run does not wait for it.</summary>
    private const int WaitMs = 60_000;
    private const string Messages = "POST /channels/{channels}/messages";
    private readonly RecordingConversation _conversation = new();
    private FakeDiscordApi _api = null!;
    private FakeGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeDiscordApi.StartAsync();
        _gateway = await FakeGateway.StartAsync();
        _api.GatewayUrl = _gateway.Url;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _api.DisposeAsync();
    }

    private Task<BotServer> StartBotAsync(int helloTimeoutMs = 10_000, Func<double>? jitter = null, Dictionary<string, string>? settings = null) => BotServer.StartAdapterAsync(
        new Dictionary<string, string>(BotServer.DiscordSettings(_api, new string('c', 64)).Concat(settings ?? [])) { ["Discord:GatewayEnabled"] = "true" },
        s => s.AddSingleton<IConversation>(_conversation).AddSingleton(new GatewayTimings
        {
            BackoffBase = TimeSpan.FromMilliseconds(50),
            BackoffMax = TimeSpan.FromMilliseconds(400),
            InvalidSessionMin = TimeSpan.FromMilliseconds(100),
            InvalidSessionMax = TimeSpan.FromMilliseconds(200),
            HelloTimeout = TimeSpan.FromMilliseconds(helloTimeoutMs),
            Jitter = jitter ?? Random.Shared.NextDouble,
        }));

    private static DiscordGatewayService Gateway(BotServer bot) =>
        bot.Services.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();

    /// <summary>The documented MESSAGE_CREATE sample, in a guild; optionally @mentioning the bot.</summary>
    private static JsonObject MessageCreate(string messageId, string? mentionText)
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "specs", "samples", "discord-gateway-message-create.json")))!;
        var data = sample["d"]!.DeepClone().AsObject();
        data["id"] = messageId;
        data["guild_id"] = "290926798626357999";
        if (mentionText is not null)
        {
            data["content"] = $"<@{BotUserId}> {mentionText}";
            data["mentions"] = new JsonArray(new JsonObject { ["id"] = BotUserId, ["username"] = "StudyBot", ["bot"] = true });
        }

        return data;
    }

    private static JsonObject Ready(string sessionId, Uri resumeUrl) => new()
    {
        ["v"] = 10,
        ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "StudyBot", ["bot"] = true },
        ["guilds"] = new JsonArray(),
        ["session_id"] = sessionId,
        ["resume_gateway_url"] = resumeUrl.ToString().TrimEnd('/'),
        ["application"] = new JsonObject { ["id"] = "290926444748734465" },
    };

    private async Task<FakeRequest> ReplyTo(string messageId) =>
        await _api.WaitForAsync(r => r.Route == Messages && (string?)r.Json?["message_reference"]?["message_id"] == messageId);

    private static async Task ExpectResumeAsync(GatewayConnection c, long seq)
    {
        var resume = await c.ExpectAsync(6);
        Assert.Equal(FakeDiscordApi.Token, (string)resume["d"]!["token"]!);
        Assert.Equal("session-1", (string)resume["d"]!["session_id"]!);
        Assert.Equal(seq, (long)resume["d"]!["seq"]!);
    }

    [Fact]
    public async Task Gateway_ReconnectsDropsAndZombies_ResumesAndAnswersMentions()
    {
        // 1: identify, ready, an unmentioned message (ignored), a mention (answered), heartbeats carry the last seq, op 7.
        _gateway.Then(async c =>
        {
            Assert.True(c.Compressed); // zlib-stream by default: every frame of this test went through it
            await c.HelloAsync(HeartbeatMs);
            var identify = await c.ExpectAsync(2);
            Assert.Equal(FakeDiscordApi.Token, (string)identify["d"]!["token"]!);
            Assert.Equal("[0,1]", identify["d"]!["shard"]!.ToJsonString());
            Assert.Equal(1 | (1 << 9) | (1 << 12), (int)identify["d"]!["intents"]!);
            await c.DispatchAsync("READY", Ready("session-1", _gateway.ResumeUrl), 1);
            await c.DispatchAsync("MESSAGE_CREATE", MessageCreate("334385199974967042", null), 2);
            await c.DispatchAsync("MESSAGE_CREATE", MessageCreate("334385199974967043", "Is EBS encrypted by default?"), 3);
            await ReplyTo("334385199974967043");
            await c.RequestHeartbeatAsync();
            await Wait.UntilAsync(() => c.Heartbeats.Any(h => h is not null && (long)h == 3));
            await c.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });
            await c.WaitClosedAsync();
        });

        // 2: resume, then op 9 invalid session (resumable).
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await ExpectResumeAsync(c, 3);
            await c.DispatchAsync("RESUMED", new JsonObject(), 4);
            await c.SendAsync(new JsonObject { ["op"] = 9, ["d"] = true });
            await c.WaitClosedAsync();
        });

        // 3: resume, then the socket drops without a close frame.
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await ExpectResumeAsync(c, 4);
            await c.DispatchAsync("RESUMED", new JsonObject(), 5);
            await c.RequestHeartbeatAsync();
            await Wait.UntilAsync(() => c.Heartbeats.Any(h => h is not null && (long)h == 5));
            c.Drop();
        });

        // 4: resume, then heartbeats are no longer acknowledged: the bot must notice and reconnect. Only periodic
        // heartbeats carrying the resumed seq 6 go unanswered, so an early one (seq 5) cannot cut the step short.
        var zombieHeartbeats = new List<JsonNode?>();
        _gateway.Then(async c =>
        {
            c.AckWhen = h => h is null || (long)h! < 6;
            await c.HelloAsync(ZombieHeartbeatMs);
            await ExpectResumeAsync(c, 5);
            await c.DispatchAsync("RESUMED", new JsonObject(), 6);
            await c.WaitClosedAsync(WaitMs);
            zombieHeartbeats.AddRange(c.Heartbeats.Where(h => h is not null && (long)h! == 6));
        });

        // 5: resume refused (op 9, not resumable): the bot waits 1–5 s (shortened here) and identifies afresh.
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await ExpectResumeAsync(c, 6);
            await c.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
            await c.WaitClosedAsync();
        });

        // 6: a new session answers the next mention.
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await c.ExpectAsync(2);
            await c.DispatchAsync("READY", Ready("session-2", _gateway.ResumeUrl), 1);
            await c.DispatchAsync("MESSAGE_CREATE", MessageCreate("334385199974967044", "What is S3?"), 2);
            await ReplyTo("334385199974967044");
        });

        await using var bot = await StartBotAsync();
        await _gateway.ScriptDone.Task.WaitAsync(TimeSpan.FromMilliseconds(3 * WaitMs));

        Assert.NotEmpty(zombieHeartbeats); // periodic heartbeats carry the last sequence
        Assert.Equal(
            ["/?v=10&encoding=json&compress=zlib-stream", "/resume?v=10&encoding=json&compress=zlib-stream", "/resume?v=10&encoding=json&compress=zlib-stream",
                "/resume?v=10&encoding=json&compress=zlib-stream", "/resume?v=10&encoding=json&compress=zlib-stream", "/?v=10&encoding=json&compress=zlib-stream"],
            _gateway.Connections);
        Assert.Equal(["Is EBS encrypted by default?", "What is S3?"], _conversation.Received.Select(m => m.Text));
        Assert.All(_conversation.Received, m => Assert.True(m.MentionedBot));
        Assert.All(_conversation.Received, m => Assert.Equal("53908099506183680", m.UserId));
        var replies = _api.On(Messages);
        Assert.Equal(2, replies.Count); // the unmentioned message got no answer
        foreach (var reply in replies)
        {
            Assert.Equal("290926798999357250", reply.Path.Split('/')[2]);
            DiscordOpenApi.AssertValid("create_message", reply.Body);
        }

        Assert.Contains("Answer to: Is EBS encrypted by default?", replies[0].Body, StringComparison.Ordinal);
        var logs = bot.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("op 7 reconnect requested", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("op 9 invalid session (resumable: True)", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("op 9 invalid session (resumable: False)", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("connection dropped", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("no heartbeat ACK", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(FakeDiscordApi.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mention_PrivateReply_SentAsDirectMessageWithANoteInTheChannel()
    {
        _conversation.Respond = (m, _) => Task.FromResult(new Reply($"Your points: 3 ({m.Text})", Private: true));
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await c.ExpectAsync(2);
            await c.DispatchAsync("READY", Ready("session-1", _gateway.ResumeUrl), 1);
            await c.DispatchAsync("MESSAGE_CREATE", MessageCreate("334385199974967060", "me"), 2);
            await ReplyTo("334385199974967060");
        });

        await using var bot = await StartBotAsync();
        await _gateway.ScriptDone.Task.WaitAsync(TimeSpan.FromMilliseconds(WaitMs));

        var dm = _api.On("POST /users/@me/channels").Single();
        Assert.Equal("53908099506183680", (string)dm.Json!["recipient_id"]!);
        DiscordOpenApi.AssertValid(DiscordOpenApi.OperationOf(dm.Route), dm.Body);
        var posts = _api.On(Messages);
        Assert.Equal(2, posts.Count);
        Assert.NotEqual("290926798999357250", posts[0].Path.Split('/')[2]);
        Assert.Equal("Your points: 3 (me)", (string)posts[0].Json!["embeds"]![0]!["description"]!);
        Assert.Equal("290926798999357250", posts[1].Path.Split('/')[2]);
        Assert.DoesNotContain("Your points", posts[1].Body, StringComparison.Ordinal);
        Assert.All(posts, p => DiscordOpenApi.AssertValid("create_message", p.Body));
    }

    [Fact]
    public async Task Gateway_SilentServerWithoutHello_GivesUpAndConnectsAgain()
    {
        _gateway.Then(c => c.WaitClosedAsync(WaitMs));
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await c.ExpectAsync(2);
            await c.DispatchAsync("READY", Ready("session-1", _gateway.ResumeUrl), 1);
        });

        await using var bot = await StartBotAsync(helloTimeoutMs: 5000); // the second server says HELLO at once; a busy machine still hears it in time
        await _gateway.ScriptDone.Task.WaitAsync(TimeSpan.FromMilliseconds(WaitMs));

        await Wait.UntilAsync(() => bot.Logs.Lines.Any(l => l.Contains("READY as user 1000", StringComparison.Ordinal)));

        Assert.Contains(bot.Logs.Lines, l => l.Contains("connection failed (TimeoutException)", StringComparison.Ordinal));
        Assert.Equal(2, _gateway.Connections.Count);
    }

    [Fact]
    public async Task Gateway_CompressionOffAndSecondOfTwoShards_PlainFramesAndShardInIdentify()
    {
        _gateway.Then(async c =>
        {
            Assert.False(c.Compressed);
            await c.HelloAsync(HeartbeatMs);
            var identify = await c.ExpectAsync(2);
            Assert.Equal("[1,2]", identify["d"]!["shard"]!.ToJsonString());
            await c.DispatchAsync("READY", Ready("session-1", _gateway.ResumeUrl), 1);
            await c.DispatchAsync("MESSAGE_CREATE", MessageCreate("334385199974967050", "What is S3?"), 2);
            await ReplyTo("334385199974967050");
        });

        await using var bot = await StartBotAsync(settings: new()
        {
            ["Discord:GatewayCompression"] = "false",
            ["Discord:ShardId"] = "1",
            ["Discord:ShardCount"] = "2",
        });
        await _gateway.ScriptDone.Task.WaitAsync(TimeSpan.FromMilliseconds(WaitMs));

        Assert.Equal(["/?v=10&encoding=json"], _gateway.Connections);
        Assert.Equal(["What is S3?"], _conversation.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task Gateway_CompressedMessagesSplitOverTwoFrames_ReassembledAtTheSyncFlush()
    {
        _gateway.Then(async c =>
        {
            c.SplitCompressedMessages = true;
            await c.HelloAsync(HeartbeatMs);
            await c.ExpectAsync(2);
            await c.DispatchAsync("READY", Ready("session-1", _gateway.ResumeUrl), 1);
            await c.DispatchAsync("MESSAGE_CREATE", MessageCreate("334385199974967051", "Is EBS encrypted by default?"), 2);
            await ReplyTo("334385199974967051");
        });

        await using var bot = await StartBotAsync();
        await _gateway.ScriptDone.Task.WaitAsync(TimeSpan.FromMilliseconds(WaitMs));

        Assert.Equal(["Is EBS encrypted by default?"], _conversation.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task Gateway_CompressedMessageInflatingPastTheLimit_DropsTheConnectionAndResumes()
    {
        // 16 MB of spaces compress to ~16 KB: the client must stop inflating at its 4 MB limit, not hold it all.
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await c.ExpectAsync(2);
            await c.DispatchAsync("READY", Ready("session-1", _gateway.ResumeUrl), 1);
            var bomb = new byte[16 * 1024 * 1024];
            Array.Fill(bomb, (byte)' ');
            await c.SendRawAsync(bomb);
            await c.WaitClosedAsync();
        });
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await ExpectResumeAsync(c, 1);
            await c.DispatchAsync("RESUMED", new JsonObject(), 2);
            await c.DispatchAsync("MESSAGE_CREATE", MessageCreate("334385199974967052", "What is S3?"), 3);
            await ReplyTo("334385199974967052");
        });

        await using var bot = await StartBotAsync();
        await _gateway.ScriptDone.Task.WaitAsync(TimeSpan.FromMilliseconds(2 * WaitMs));

        Assert.Contains(bot.Logs.Lines, l => l.Contains("connection dropped (HeaderError)", StringComparison.Ordinal));
        Assert.Equal(["What is S3?"], _conversation.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task Gateway_DisallowedIntents4014_StopsWithoutRetrying()
    {
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await c.ExpectAsync(2);
            await c.CloseAsync((System.Net.WebSockets.WebSocketCloseStatus)4014);
        });

        await using var bot = await StartBotAsync();
        await _gateway.ScriptDone.Task.WaitAsync(TimeSpan.FromMilliseconds(WaitMs));

        // The service has returned: nothing can connect any more, however slow the machine.
        await Gateway(bot).ExecuteTask!.WaitAsync(TimeSpan.FromMilliseconds(WaitMs));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("refused the intents (4014)", StringComparison.Ordinal));
        Assert.Single(_gateway.Connections);
    }

    [Fact]
    public async Task Gateway_ServerUnreachable_BacksOffExponentially()
    {
        _api.GatewayUrl = new Uri("ws://127.0.0.1:1/");

        await using var bot = await StartBotAsync();
        await Wait.UntilAsync(() => bot.Logs.Lines.Count(l => l.Contains("connection failed", StringComparison.Ordinal)) >= 4);

        var delays = bot.Logs.Lines.Where(l => l.Contains("Discord gateway: next Resume after", StringComparison.Ordinal)).Take(4).ToList();
        Assert.Contains("after 1 failures", delays[0], StringComparison.Ordinal);
        Assert.Contains("after 2 failures", delays[1], StringComparison.Ordinal);
        Assert.Contains("after 3 failures", delays[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heartbeat_First_AfterIntervalTimesJitter()
    {
        // Jitter 0: the first heartbeat goes out at once, not after the (here one-minute) interval.
        _gateway.Then(async c =>
        {
            await c.HelloAsync(HeartbeatMs);
            await c.ExpectAsync(2);
            await c.DispatchAsync("READY", Ready("session-1", _gateway.ResumeUrl), 1);
            await Wait.UntilAsync(() => !c.Heartbeats.IsEmpty, "a heartbeat", TimeSpan.FromMilliseconds(HeartbeatMs / 2));
        });

        await using var bot = await StartBotAsync(jitter: () => 0);
        await _gateway.ScriptDone.Task.WaitAsync(TimeSpan.FromMilliseconds(WaitMs));

        Assert.Single(_gateway.Connections);
    }
}
