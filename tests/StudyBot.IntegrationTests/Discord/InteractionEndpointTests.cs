using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using StudyBot.Core.Chat;

using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Discord;

/// <summary>The fake Discord API, the bot host and the signing key shared by one test class.</summary>
public sealed class InteractionFixture : IAsyncLifetime
{
    internal FakeDiscordApi Api { get; private set; } = null!;

    internal BotServer Bot { get; private set; } = null!;

    internal RecordingConversation Conversation { get; } = new() { MoreButton = true };

    internal string PublicKeyHex { get; private set; } = null!;

    /// <summary>The interaction budget runs out only when a test moves this on.</summary>
    internal HeldTimersTimeProvider Time { get; } = new();

    public async Task InitializeAsync()
    {
        Api = await FakeDiscordApi.StartAsync();
        PublicKeyHex = (await NodeSigner.SignAsync([], DateTimeOffset.UtcNow.ToUnixTimeSeconds())).PublicKeyHex;
        Bot = await BotServer.StartAdapterAsync(BotServer.DiscordSettings(Api, PublicKeyHex), s => s.AddSingleton<IConversation>(Conversation).AddSingleton<TimeProvider>(Time));
        Client = new InteractionClient(Bot.BaseAddress, PublicKeyHex);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Api.DisposeAsync();
    }

    internal InteractionClient Client { get; private set; } = null!;

    internal Task<(HttpStatusCode Status, string Body)> SendSignedAsync(string body, long? timestamp = null) => Client.SendSignedAsync(body, timestamp);

    internal Task<(HttpStatusCode Status, string Body)> SendAsync(byte[] body, string? signatureHex, string? timestamp) => Client.SendAsync(body, signatureHex, timestamp);
}

public sealed class InteractionEndpointTests(InteractionFixture fixture) : IClassFixture<InteractionFixture>
{
    /// <summary>The fixture's Discord:InteractionBudget.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "specs", "samples", name));

    [Fact]
    public async Task Ping_SignedByTweetnacl_AnswersPong()
    {
        var (status, body) = await fixture.SendSignedAsync("""{"id":"1","application_id":"290926444748734465","type":1,"token":"t","version":1}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, (int)JsonNode.Parse(body)!["type"]!);
        DiscordOpenApi.AssertValid("create_interaction_response", body);
    }

    [Fact]
    public async Task ApplicationCommandSample_SignedByTweetnacl_AnswersWithEmbedAndCitation()
    {
        var before = fixture.Conversation.Received.Count;

        var (status, body) = await fixture.SendSignedAsync(Sample("discord-interaction-application-command.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        var message = fixture.Conversation.Received.Skip(before).Single();
        Assert.Equal("/cardsearch The Gitrog Monster", message.Text);
        Assert.Equal(Platforms.Discord, message.Platform);
        Assert.Equal("645027906669510667", message.ChannelId);
        Assert.Equal("53908232506183680", message.UserId);
        Assert.True(message.IsAdmin); // the member has the configured admin role
        var response = JsonNode.Parse(body)!;
        Assert.Equal(4, (int)response["type"]!);
        var embed = response["data"]!["embeds"]![0]!;
        Assert.Equal("Answer to: /cardsearch The Gitrog Monster", (string)embed["description"]!);
        Assert.Equal("aws/ebs.md › Encryption, lines 70–71", (string)embed["fields"]![0]!["name"]!);
        Assert.Equal("more:1", (string)response["data"]!["components"]![0]!["components"]![0]!["custom_id"]!);
        Assert.Null(response["data"]!["flags"]);
        DiscordOpenApi.AssertValid("create_interaction_response", body);
    }

    [Fact]
    public async Task AskCommand_NotAdmin_MapsQuestionAndAnswersPublicly()
    {
        var before = fixture.Conversation.Received.Count;
        var options = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "Is EBS encrypted by default?" });

        var (status, body) = await fixture.SendSignedAsync(InteractionPayloads.Command("ask", options, roles: ["1"]));

        Assert.Equal(HttpStatusCode.OK, status);
        var message = fixture.Conversation.Received.Skip(before).Single();
        Assert.Equal("/ask Is EBS encrypted by default?", message.Text);
        Assert.False(message.IsAdmin);
        Assert.Contains("Answer to: /ask Is EBS encrypted by default?", body, StringComparison.Ordinal);
        DiscordOpenApi.AssertValid("create_interaction_response", body);
    }

    [Fact]
    public async Task QuizScheduleCommand_SubcommandOptions_MappedInDeclaredOrderAndEphemeral()
    {
        var before = fixture.Conversation.Received.Count;
        var options = new JsonArray(new JsonObject
        {
            ["name"] = "schedule",
            ["type"] = 1,
            ["options"] = new JsonArray(
                new JsonObject { ["name"] = "timezone", ["type"] = 3, ["value"] = "Europe/Berlin" },
                new JsonObject { ["name"] = "cron", ["type"] = 3, ["value"] = "0 9 * * 1-5" }),
        });

        var (_, body) = await fixture.SendSignedAsync(InteractionPayloads.Command("quiz", options, userId: "42"));

        Assert.Equal("/quiz schedule 0 9 * * 1-5 Europe/Berlin", fixture.Conversation.Received.Skip(before).Single().Text);
        Assert.Equal(64, (int)JsonNode.Parse(body)!["data"]!["flags"]!);
    }

    [Fact]
    public async Task MessageComponentSample_ButtonPress_ActionDataAndEphemeralFeedback()
    {
        var before = fixture.Conversation.Received.Count;

        var (status, body) = await fixture.SendSignedAsync(Sample("discord-interaction-message-component.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        var message = fixture.Conversation.Received.Skip(before).Single();
        Assert.Equal("click_one", message.ActionData);
        Assert.Equal("345626669114982999", message.ChannelId);
        var response = JsonNode.Parse(body)!;
        Assert.Equal(4, (int)response["type"]!);
        Assert.Equal(64, (int)response["data"]!["flags"]!);
        Assert.Contains("You pressed click_one.", body, StringComparison.Ordinal);
        DiscordOpenApi.AssertValid("create_interaction_response", body);
    }

    [Fact]
    public async Task SlowReload_OverBudget_DefersThenEditsOriginal()
    {
        var release = new TaskCompletionSource();
        fixture.Conversation.Respond = async (m, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return new Reply("Reloaded: 1 file changed.", Title: "Reload", Kind: ReplyKind.Admin);
        };
        try
        {
            var (status, body) = await fixture.Time.AdvanceUntilDoneAsync(fixture.SendSignedAsync(InteractionPayloads.Command("reload", userId: "7")), Budget);
            Assert.DoesNotContain(fixture.Api.On("PATCH /webhooks/{webhooks}/{token}/messages/@original"), r => r.Path.Contains("interaction-token-reload-", StringComparison.Ordinal));
            release.SetResult();

            Assert.Equal(HttpStatusCode.OK, status);
            var response = JsonNode.Parse(body)!;
            Assert.Equal(5, (int)response["type"]!);
            Assert.Equal(64, (int)response["data"]!["flags"]!);
            DiscordOpenApi.AssertValid("create_interaction_response", body);
            var edit = await fixture.Api.WaitForAsync(r => r.Route == "PATCH /webhooks/{webhooks}/{token}/messages/@original" && r.Path.Contains("interaction-token-reload-", StringComparison.Ordinal));
            Assert.Equal("Bot " + FakeDiscordApi.Token, edit.Authorization);
            Assert.Equal("Reloaded: 1 file changed.", (string)edit.Json!["embeds"]![0]!["description"]!);
            DiscordOpenApi.AssertValid("update_original_webhook_message", edit.Body);
        }
        finally
        {
            release.TrySetResult();
            fixture.Conversation.Respond = (m, _) => Task.FromResult(fixture.Conversation.Answer(m));
        }
    }

    [Fact]
    public async Task SlowPrivateReply_AfterPublicDeferral_SentAsEphemeralFollowup()
    {
        var release = new TaskCompletionSource();
        fixture.Conversation.Respond = async (m, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return new Reply("Only for you.", Private: true);
        };
        try
        {
            var (_, body) = await fixture.Time.AdvanceUntilDoneAsync(fixture.SendSignedAsync(InteractionPayloads.Command("leaderboard")), Budget);
            release.SetResult();

            Assert.Equal(5, (int)JsonNode.Parse(body)!["type"]!);
            Assert.Null(JsonNode.Parse(body)!["data"]?["flags"]);
            var followup = await fixture.Api.WaitForAsync(r => r.Route == "POST /webhooks/{webhooks}/{token}" && r.Path.Contains("interaction-token-leaderboard-", StringComparison.Ordinal));
            Assert.Equal(64, (int)followup.Json!["flags"]!);
            Assert.Equal("Only for you.", (string)followup.Json!["embeds"]![0]!["description"]!);
            DiscordOpenApi.AssertValid("execute_webhook", followup.Body);
            var edit = await fixture.Api.WaitForAsync(r => r.Route == "PATCH /webhooks/{webhooks}/{token}/messages/@original" && r.Path.Contains("interaction-token-leaderboard-", StringComparison.Ordinal));
            DiscordOpenApi.AssertValid("update_original_webhook_message", edit.Body);
        }
        finally
        {
            release.TrySetResult();
            fixture.Conversation.Respond = (m, _) => Task.FromResult(fixture.Conversation.Answer(m));
        }
    }

    /// <summary>Makes the stand-in core answer <paramref name="reply"/> only once released; disposing restores quick answers.</summary>
    private HeldReply Hold(Reply reply) => new(fixture.Conversation, reply);

    private sealed class HeldReply : IDisposable
    {
        private readonly TaskCompletionSource _release = new();
        private readonly RecordingConversation _conversation;

        public HeldReply(RecordingConversation conversation, Reply reply)
        {
            _conversation = conversation;
            conversation.Respond = async (_, ct) =>
            {
                await _release.Task.WaitAsync(ct);
                return reply;
            };
        }

        public void Release() => _release.TrySetResult();

        public void Dispose()
        {
            Release();
            _conversation.Respond = (m, _) => Task.FromResult(_conversation.Answer(m));
        }
    }

    [Fact]
    public async Task SlowLongAnswer_AfterDeferral_EditFitsDiscordsEmbedTotal()
    {
        var snippet = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"Line {i} of a long passage about EBS encryption."));
        using var held = Hold(new Reply(
            new string('a', 4096),
            Citations: [.. Enumerable.Range(1, 3).Select(i => new Core.Knowledge.Citation($"aws/ebs-{i}.md", "Encryption at rest", i * 10, i * 10 + 40, snippet))],
            Kind: ReplyKind.Answer));
        var question = InteractionPayloads.Command("ask", InteractionPayloads.Option("question", "Tell me everything about EBS"));
        var token = (string)JsonNode.Parse(question)!["token"]!;

        var (_, body) = await fixture.Time.AdvanceUntilDoneAsync(fixture.SendSignedAsync(question), Budget);
        held.Release();

        Assert.Equal(5, (int)JsonNode.Parse(body)!["type"]!);
        var edit = await fixture.Api.WaitForAsync(r => r.Route == "PATCH /webhooks/{webhooks}/{token}/messages/@original" && r.Path.Contains(token, StringComparison.Ordinal));
        var embed = edit.Json!["embeds"]![0]!;
        var fields = embed["fields"]!.AsArray();
        var total = (((string?)embed["title"])?.Length ?? 0) + ((string)embed["description"]!).Length
            + fields.Sum(f => ((string)f!["name"]!).Length + ((string)f["value"]!).Length);
        Assert.InRange(total, 5900, 6000);
        Assert.Equal(4096, ((string)embed["description"]!).Length);
        Assert.Equal(3, fields.Count);
        Assert.All(fields, f => Assert.StartsWith("> Line 0 of a long passage", (string)f!["value"]!, StringComparison.Ordinal));
        DiscordOpenApi.AssertValid("update_original_webhook_message", edit.Body);
    }

    [Fact]
    public async Task SlowPublicAsk_ThenRateLimited_DeletesThinkingAndTellsOnlyTheAsker()
    {
        using var held = Hold(new Reply("Slow down a little: you have asked a lot of questions in a short time.", Kind: ReplyKind.RateLimited, Private: true));
        var question = InteractionPayloads.Command("ask", InteractionPayloads.Option("question", "Is EBS encrypted?"));
        var token = (string)JsonNode.Parse(question)!["token"]!;

        var (_, body) = await fixture.Time.AdvanceUntilDoneAsync(fixture.SendSignedAsync(question), Budget);
        held.Release();

        Assert.Null(JsonNode.Parse(body)!["data"]?["flags"]);
        var followup = await fixture.Api.WaitForAsync(r => r.Route == "POST /webhooks/{webhooks}/{token}" && r.Path.Contains(token, StringComparison.Ordinal));
        Assert.Equal(64, (int)followup.Json!["flags"]!);
        Assert.StartsWith("Slow down", (string)followup.Json!["embeds"]![0]!["description"]!, StringComparison.Ordinal);
        await fixture.Api.WaitForAsync(r => r.Route == "DELETE /webhooks/{webhooks}/{token}/messages/@original" && r.Path.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Api.Requests, r => r.Path.Contains(token, StringComparison.Ordinal) && r.Method == "PATCH");
    }

    [Fact]
    public async Task MessageCommand_AskStudyBotOnAMessage_AsksItsTextAndAnswersOnlyTheMember()
    {
        var before = fixture.Conversation.Received.Count;

        var (status, body) = await fixture.SendSignedAsync(InteractionPayloads.MessageCommand("Is EBS encrypted by default?"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/ask Is EBS encrypted by default?", fixture.Conversation.Received.Skip(before).Single().Text);
        var response = JsonNode.Parse(body)!;
        Assert.Equal(4, (int)response["type"]!);
        Assert.Equal(64, (int)response["data"]!["flags"]!);
        Assert.Contains("Answer to: /ask Is EBS encrypted by default?", body, StringComparison.Ordinal);
        DiscordOpenApi.AssertValid("create_interaction_response", body);
    }

    [Fact]
    public async Task AskCommand_InADmWithTheBot_AnsweredWithTheUsersId()
    {
        var before = fixture.Conversation.Received.Count;
        var dm = JsonNode.Parse(InteractionPayloads.Command("ask", InteractionPayloads.Option("question", "What is KMS?"), userId: "777"))!.AsObject();
        dm.Remove("guild_id");
        dm.Remove("member");
        dm["user"] = new JsonObject { ["id"] = "777", ["username"] = "dm-user" };

        var (status, body) = await fixture.SendSignedAsync(dm.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var message = fixture.Conversation.Received.Skip(before).Single();
        Assert.Equal("777", message.UserId);
        Assert.Equal("/ask What is KMS?", message.Text);
        Assert.Equal(4, (int)JsonNode.Parse(body)!["type"]!);
    }

    [Fact]
    public async Task Autocomplete_WithoutNotesLoaded_AnswersType8WithNoChoices()
    {
        var before = fixture.Conversation.Received.Count;

        var (status, body) = await fixture.SendSignedAsync(InteractionPayloads.Autocomplete("ebs"));

        Assert.Equal(HttpStatusCode.OK, status);
        var response = JsonNode.Parse(body)!;
        Assert.Equal(8, (int)response["type"]!);
        Assert.Empty(response["data"]!["choices"]!.AsArray());
        Assert.Equal(before, fixture.Conversation.Received.Count); // typing is not asking
        DiscordOpenApi.AssertValid("create_interaction_response", body);
    }

    [Fact]
    public async Task SameSignedCommandTwice_ActsOnceAndAnswersTheRepeatTheSame()
    {
        var before = fixture.Conversation.Received.Count;
        var body = InteractionPayloads.Command("ask", InteractionPayloads.Option("question", "Is EBS encrypted by default?"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var first = await fixture.SendSignedAsync(body, timestamp);
        var repeat = await fixture.SendSignedAsync(body, timestamp);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, repeat.Status);
        Assert.Equal(first.Body, repeat.Body);
        Assert.Equal(before + 1, fixture.Conversation.Received.Count);
    }

    [Fact]
    public async Task BodyOver256KB_Returns413AndProcessesNothing()
    {
        var before = fixture.Conversation.Received.Count;
        var body = InteractionPayloads.Command("ask", InteractionPayloads.Option("question", new string('x', 300 * 1024)));

        var (status, _) = await fixture.SendSignedAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(before, fixture.Conversation.Received.Count);
    }

    [Fact]
    public async Task StaleTimestamp_SignedByTweetnacl_Unauthorized()
    {
        var before = fixture.Conversation.Received.Count;

        var (status, _) = await fixture.SendSignedAsync(InteractionPayloads.Command("help"), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 301);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(before, fixture.Conversation.Received.Count);
    }

    [Fact]
    public async Task ThousandMutatedRequests_AllUnauthorized_AndNothingHappens()
    {
        var body = Encoding.UTF8.GetBytes(InteractionPayloads.Command("ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "What is S3?" })));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signed = await NodeSigner.SignAsync(body, now);
        var valid = await fixture.SendAsync(body, signed.SignatureHex, signed.Timestamp);
        Assert.Equal(HttpStatusCode.OK, valid.Status); // the unmutated request is answered, so the 401s below mean something
        var conversationBefore = fixture.Conversation.Received.Count;
        var apiBefore = fixture.Api.Requests.Count;
        using var rightKey = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(NodeSigner.SeedHex), KeyBlobFormat.RawPrivateKey);
        using var wrongKey = Key.Create(SignatureAlgorithm.Ed25519);
        var random = new Random(20261128);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 1000; i++)
        {
            var mutatedBody = body.ToArray();
            var signature = Convert.FromHexString(signed.SignatureHex);
            string? signatureHex;
            string? timestamp = signed.Timestamp;
            switch (i % 10)
            {
                case 0 or 1: // one byte of the body changed
                    mutatedBody[random.Next(mutatedBody.Length)] ^= (byte)random.Next(1, 256);
                    signatureHex = signed.SignatureHex;
                    break;
                case 2: // a byte appended or removed
                    mutatedBody = random.Next(2) == 0 ? [.. mutatedBody, (byte)' '] : mutatedBody[..^1];
                    signatureHex = signed.SignatureHex;
                    break;
                case 3: // another timestamp
                    timestamp = (now + random.Next(1, 200) * (random.Next(2) == 0 ? 1 : -1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    signatureHex = signed.SignatureHex;
                    break;
                case 4 or 5: // one bit of the signature flipped
                    signature[random.Next(64)] ^= (byte)(1 << random.Next(8));
                    signatureHex = Convert.ToHexStringLower(signature);
                    break;
                case 6: // signed with another key
                    signatureHex = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(wrongKey, [.. Encoding.ASCII.GetBytes(timestamp), .. body]));
                    break;
                case 7: // validly signed, but stale or from the future
                    timestamp = (now + random.Next(301, 100_000) * (random.Next(2) == 0 ? 1 : -1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    signatureHex = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(rightKey, [.. Encoding.ASCII.GetBytes(timestamp), .. body]));
                    break;
                case 8: // a missing header
                    signatureHex = random.Next(2) == 0 ? null : signed.SignatureHex;
                    timestamp = signatureHex is null ? timestamp : null;
                    break;
                default: // malformed signature: truncated, not hex, empty
                    signatureHex = (i / 10 % 3) switch
                    {
                        0 => signed.SignatureHex[..^2],
                        1 => "zz" + signed.SignatureHex[2..],
                        _ => string.Empty,
                    };
                    break;
            }

            statuses.Add((await fixture.SendAsync(mutatedBody, signatureHex, timestamp)).Status);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(1000, statuses.Count);
        Assert.Equal(conversationBefore, fixture.Conversation.Received.Count);
        Assert.Equal(apiBefore, fixture.Api.Requests.Count);
    }

    [Fact]
    public async Task Logs_AfterTraffic_NeverContainTheBotToken()
    {
        await fixture.SendSignedAsync(InteractionPayloads.Command("help"));

        Assert.NotEmpty(fixture.Bot.Logs.Lines);
        Assert.DoesNotContain(fixture.Bot.Logs.Lines, l => l.Contains(FakeDiscordApi.Token, StringComparison.Ordinal));
    }
}
