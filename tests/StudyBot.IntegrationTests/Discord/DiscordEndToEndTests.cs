using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;
using StudyBot.Discord.Interactions;
using StudyBot.IntegrationTests.Host;
using StudyBot.IntegrationTests.Quiz;
using StudyBot.IntegrationTests.Validation;

namespace StudyBot.IntegrationTests.Discord;

/// <summary>The real app (BotHost with knowledge, conversation and quiz) behind Discord's interactions endpoint.</summary>
public sealed class DiscordEndToEndTests : IAsyncLifetime
{
    private const string Admin = "111111111111111111";
    private FakeDiscordApi _api = null!;
    private BotServer _server = null!;
    private InteractionClient _client = null!;
    private string _publicKey = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeDiscordApi.StartAsync();
        _publicKey = (await NodeSigner.SignAsync([], DateTimeOffset.UtcNow.ToUnixTimeSeconds())).PublicKeyHex;
        _server = await BotServer.StartAsync(Settings());
        _client = new InteractionClient(_server.BaseAddress, _publicKey);
    }

    private IEnumerable<KeyValuePair<string, string>> Settings() => BotServer.DiscordSettings(_api, _publicKey)
        .Where(kv => kv.Key != "Discord:InteractionBudget")
        .Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!))
        .Append(new("Discord:AdminUserIds:0", Admin));

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        await _api.DisposeAsync();
    }

    private static JsonNode Ok((HttpStatusCode Status, string Body) response)
    {
        Assert.Equal(HttpStatusCode.OK, response.Status);
        DiscordOpenApi.AssertValid("create_interaction_response", response.Body);
        return JsonNode.Parse(response.Body)!;
    }

    /// <summary>
    /// The message the member ends up seeing, shaped like an interaction callback's data: the immediate answer (type 4)
    /// or, when a busy machine made the real knowledge base and quiz slower than the 2.5 s budget, the deferred one
    /// (type 5) as completed through the webhook, ephemeral exactly when the member alone sees it.
    /// </summary>
    private async Task<JsonNode> SeenAsync(string payload, InteractionClient? client = null, long? timestamp = null)
    {
        var token = (string)JsonNode.Parse(payload)!["token"]!;
        var response = Ok(await (client ?? _client).SendSignedAsync(payload, timestamp));
        if ((int)response["type"]! == 4)
        {
            return response["data"]!;
        }

        Assert.Equal(5, (int)response["type"]!);
        var edit = await _api.WaitForAsync(r => r.Route == "PATCH /webhooks/{webhooks}/{token}/messages/@original" && r.Path.Contains(token, StringComparison.Ordinal));
        DiscordOpenApi.AssertValid("update_original_webhook_message", edit.Body);
        if ((string?)edit.Json!["content"] == "I sent you the answer privately.")
        {
            var followup = await _api.WaitForAsync(r => r.Route == "POST /webhooks/{webhooks}/{token}" && r.Path.Contains(token, StringComparison.Ordinal));
            DiscordOpenApi.AssertValid("execute_webhook", followup.Body);
            return followup.Json!;
        }

        var seen = edit.Json!.AsObject();
        seen["flags"] = response["data"]?["flags"]?.DeepClone();
        return seen;
    }

    [Fact]
    public async Task Ask_EbsQuestion_AnswersNoWithCitationOfLine71()
    {
        var seen = await SeenAsync(InteractionPayloads.Command("ask", InteractionPayloads.Option("question", "Is EBS encrypted by default?")));

        var embed = seen["embeds"]![0]!;
        Assert.StartsWith("No", (string)embed["description"]!, StringComparison.Ordinal);
        var citation = (string)embed["fields"]![0]!["name"]!;
        Assert.StartsWith("aws-devsecops.md › ", citation, StringComparison.Ordinal);
        Assert.Matches(@"line(s \d+–)?\d+", citation);
        Assert.Null(seen["flags"]);
    }

    [Fact]
    public async Task Ask_AnswerWhoseSectionShowsAMissingImage_NamedUnderTheAnswer()
    {
        var seen = await SeenAsync(InteractionPayloads.Command("ask", InteractionPayloads.Option("question", "Is EBS encrypted by default?")));

        var embed = seen["embeds"]![0]!;
        Assert.Contains("🖼 image-6.png — not in the notes folder", (string)embed["description"]!, StringComparison.Ordinal);
        Assert.Null(embed["image"]);
    }

    [Fact]
    public async Task ThumbsDown_WhatWasWrongModal_SubmittedCommentShownInGaps()
    {
        const string Member = "222222222222222222";
        var answer = await SeenAsync(InteractionPayloads.Command("ask", InteractionPayloads.Option("question", "Is EBS encrypted by default?")));
        var down = answer["components"]![0]!["components"]!.AsArray().Single(b => (string?)b!["label"] == "👎 Wrong")!;

        var thanks = await SeenAsync(InteractionPayloads.Button((string)down["custom_id"]!, Member));
        Assert.Equal(64, (int)thanks["flags"]!);
        var why = (string)thanks["components"]![0]!["components"]![0]!["custom_id"]!;

        var modal = Ok(await _client.SendSignedAsync(InteractionPayloads.Button(why, Member)));
        Assert.Equal(9, (int)modal["type"]!);
        Assert.Equal(why, (string)modal["data"]!["custom_id"]!);
        var input = modal["data"]!["components"]![0]!["components"]![0]!;
        Assert.Equal(500, (int)input["max_length"]!);
        PlatformValidators.AssertValid("create_interaction_response", modal.ToJsonString());

        var stored = await SeenAsync(InteractionPayloads.ModalSubmit(why, (string)input["custom_id"]!, "Snapshots of encrypted volumes are encrypted too.", Member));
        Assert.Equal(64, (int)stored["flags"]!);
        Assert.Contains("your note is on the", (string)stored["embeds"]![0]!["description"]!, StringComparison.Ordinal);

        var gaps = await SeenAsync(InteractionPayloads.Command("gaps", userId: Admin));
        Assert.Contains("what was wrong: *Snapshots of encrypted volumes are encrypted too.*", (string)gaps["embeds"]![0]!["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_TypingInAsk_SectionTitlesWithin3SecondsAtMost25()
    {
        // Signed first (tweetnacl runs in a node process), so only the bot's answer is timed.
        var payload = System.Text.Encoding.UTF8.GetBytes(InteractionPayloads.Autocomplete("encr"));
        var signature = await NodeSigner.SignAsync(payload, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var started = Stopwatch.GetTimestamp();
        var (status, body) = await _client.SendAsync(payload, signature.SignatureHex, signature.Timestamp);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"Discord drops autocomplete answers after 3 s; this took {elapsed}.");
        var response = JsonNode.Parse(body)!;
        Assert.Equal(8, (int)response["type"]!);
        var choices = response["data"]!["choices"]!.AsArray().Select(c => (Name: (string)c!["name"]!, Value: (string)c["value"]!)).ToList();
        Assert.InRange(choices.Count, 1, 25);
        Assert.Contains(choices, c => c.Name.Contains("Encryption", StringComparison.OrdinalIgnoreCase));
        Assert.All(choices, c => Assert.Contains("encr", c.Name, StringComparison.OrdinalIgnoreCase));
        Assert.All(choices, c => Assert.InRange(c.Value.Length, 1, 100));
        DiscordOpenApi.AssertValid("create_interaction_response", body);

        // Nothing typed yet: the largest sections, more of them than match "encr".
        var empty = JsonNode.Parse((await _client.SendSignedAsync(InteractionPayloads.Autocomplete(""))).Body)!;
        Assert.InRange(empty["data"]!["choices"]!.AsArray().Count, choices.Count + 1, 25);
    }

    [Fact]
    public async Task Autocomplete_AfterQuestionsWereAnswered_OffersTheFrequentOnesBeforeTheTitles()
    {
        Ok(await _client.SendSignedAsync(InteractionPayloads.Command("ask", InteractionPayloads.Option("question", "Is EBS encrypted by default?"))));
        var log = (StudyBot.Core.Chat.DatabaseQuestionLog)_server.Services.GetRequiredService<StudyBot.Core.Chat.IQuestionLog>();
        await log.FlushAsync(CancellationToken.None);

        var response = Ok(await _client.SendSignedAsync(InteractionPayloads.Autocomplete("ebs")));

        var names = response["data"]!["choices"]!.AsArray().Select(c => (string)c!["name"]!).ToList();
        Assert.Equal("Is EBS encrypted by default?", names[0]);
        Assert.Contains(names.Skip(1), n => n.Contains("EBS", StringComparison.Ordinal)); // the section titles follow
        Assert.InRange(names.Count, 2, 25);
        DiscordOpenApi.AssertValid("create_interaction_response", response.ToJsonString());
    }

    [Fact]
    public async Task MessageCommand_AskStudyBotOnAQuestion_AnswersPrivatelyFromTheNotes()
    {
        var seen = await SeenAsync(InteractionPayloads.MessageCommand("Is EBS encrypted by default?"));

        Assert.Equal(64, (int)seen["flags"]!);
        var embed = seen["embeds"]![0]!;
        Assert.StartsWith("No", (string)embed["description"]!, StringComparison.Ordinal);
        Assert.StartsWith("aws-devsecops.md › ", (string)embed["fields"]![0]!["name"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_ChatCommands_AreTheCatalogueLessTheBuiltIns()
    {
        // The app's composition root registers a handler for every catalogue command but ask and help, which the
        // conversation core answers itself, and no handler the catalogue does not declare.
        var handled = _server.Services.GetServices<IChatCommand>().Select(c => c.Descriptor).ToList();

        Assert.Equal(
            CommandCatalogue.All.Except([CommandCatalogue.Ask, CommandCatalogue.Help]).Select(c => c.Name).Order(StringComparer.Ordinal),
            handled.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(handled, c => Assert.Same(CommandCatalogue.All.Single(d => d.Name == c.Name), c));
    }

    [Fact]
    public async Task Reload_NotAdmin_RefusedEphemerally()
    {
        var seen = await SeenAsync(InteractionPayloads.Command("reload", userId: "222"));

        Assert.Equal(64, (int)seen["flags"]!);
        Assert.Contains("admin", (string)seen["embeds"]![0]!["description"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task QuizNow_PostedToChannel_ButtonsAnsweredOncePerMember_LeaderboardPublic()
    {
        var posted = await SeenAsync(InteractionPayloads.Command("quiz", new JsonArray(new JsonObject { ["name"] = "now", ["type"] = 1 }), userId: Admin));
        Assert.Equal(64, (int)posted["flags"]!);
        Assert.Contains("Posted quiz", (string)posted["embeds"]![0]!["description"]!, StringComparison.Ordinal);

        var message = _api.On("POST /channels/{channels}/messages").Single();
        Assert.Equal($"/channels/{InteractionPayloads.ChannelId}/messages", message.Path);
        DiscordOpenApi.AssertValid("create_message", message.Body);
        var buttons = message.Json!["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray()).Select(b => (string)b!["custom_id"]!).ToList();
        Assert.InRange(buttons.Count, 2, 5);
        Assert.All(buttons, id => Assert.Matches(@"^quiz:\d+:\d$", id));

        var first = await SeenAsync(InteractionPayloads.Button(buttons[0], "333"));
        var again = await SeenAsync(InteractionPayloads.Button(buttons[1], "333"));

        Assert.Equal(64, (int)first["flags"]!);
        Assert.Equal(64, (int)again["flags"]!);
        Assert.NotEqual((string)first["embeds"]![0]!["description"]!, (string)again["embeds"]![0]!["description"]!);
        var board = await SeenAsync(InteractionPayloads.Command("leaderboard", userId: "333"));
        Assert.Null(board["flags"]);
    }

    [Fact]
    public async Task QuizMe_SlashSubcommand_AsksEphemerallyAndTheButtonIsGradedEphemerally()
    {
        var asked = await SeenAsync(InteractionPayloads.Command("quiz", new JsonArray(new JsonObject { ["name"] = "me", ["type"] = 1 }), userId: "333"));

        Assert.Equal(64, (int)asked["flags"]!);
        var buttons = asked["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray()).Select(b => (string)b!["custom_id"]!).ToList();
        Assert.InRange(buttons.Count, 2, 5);
        Assert.All(buttons, id => Assert.Matches("^quiz:me:[0-9a-f]{16}:[0-9]$", id));
        Assert.Empty(_api.On("POST /channels/{channels}/messages"));

        var graded = await SeenAsync(InteractionPayloads.Button(buttons[0], "333"));
        var again = await SeenAsync(InteractionPayloads.Button(buttons[1], "333"));
        Assert.Equal(64, (int)graded["flags"]!);
        Assert.Matches("^(Correct|Not quite)", (string)graded["embeds"]![0]!["description"]!);
        Assert.StartsWith("You have answered this question already", (string)again["embeds"]![0]!["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizReveal_AnHourLater_EditsTheQuizMessageWithDisabledButtonsAndHowManyChoseEach()
    {
        // The app's clock starts now (interactions are signed with its time) and moves the hour to the reveal.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await BotServer.StartAsync(Settings(), services => services.AddSingleton<TimeProvider>(time));
        using var client = new InteractionClient(server.BaseAddress, _publicKey);
        long Now() => time.GetUtcNow().ToUnixTimeSeconds();

        await SeenAsync(InteractionPayloads.Command("quiz", new JsonArray(new JsonObject { ["name"] = "now", ["type"] = 1 }), userId: Admin), client, Now());
        var created = await _api.WaitForAsync(r => r.Route == "POST /channels/{channels}/messages");
        var messageId = Assert.Single(_api.CreatedMessageIds);
        var post = await QuizPosts.WaitUntilPostedAsync(server.Services, 1);
        var right = post.Question.AnswerIndex;
        var wrong = (right + 1) % post.Question.Choices.Count;
        await SeenAsync(InteractionPayloads.Button($"quiz:1:{right}", "333"), client, Now());
        await SeenAsync(InteractionPayloads.Button($"quiz:1:{wrong}", "444"), client, Now());

        time.Advance(TimeSpan.FromHours(1));
        var edit = await _api.WaitForAsync(r => r.Route == "PATCH /channels/{channels}/messages/{id}");

        // PATCH /channels/{channel.id}/messages/{message.id}: the quiz message itself, not a new post.
        Assert.Equal($"/channels/{InteractionPayloads.ChannelId}/messages/{messageId}", edit.Path);
        DiscordOpenApi.AssertValid("update_message", edit.Body);
        Assert.Single(_api.On("POST /channels/{channels}/messages"), created);
        var buttons = edit.Json!["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray()).ToList();
        Assert.Equal(post.Question.Choices.Count, buttons.Count);
        Assert.All(buttons, b => Assert.True((bool)b!["disabled"]!));
        Assert.Equal(3, (int)buttons[right]!["style"]!);
        Assert.EndsWith("· 1", (string)buttons[right]!["label"]!, StringComparison.Ordinal);
        Assert.EndsWith("· 1", (string)buttons[wrong]!["label"]!, StringComparison.Ordinal);
        Assert.Contains("2 answered, 50% correct", (string)edit.Json!["embeds"]![0]!["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizReveal_QuizMessageDeleted_TwoEditsRefusedThenTheAnswerIsPostedAnew()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await BotServer.StartAsync(Settings(), services => services.AddSingleton<TimeProvider>(time));
        using var client = new InteractionClient(server.BaseAddress, _publicKey);
        await SeenAsync(InteractionPayloads.Command("quiz", new JsonArray(new JsonObject { ["name"] = "now", ["type"] = 1 }), userId: Admin), client, time.GetUtcNow().ToUnixTimeSeconds());
        await QuizPosts.WaitUntilPostedAsync(server.Services, 1);
        _api.DeleteMessage(Assert.Single(_api.CreatedMessageIds));
        var store = server.Services.GetRequiredService<StudyBot.Core.Quiz.QuizStore>();

        // The clock moves only once each refused edit is recorded (the retry time is read from the clock).
        time.Advance(TimeSpan.FromHours(1));
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var recorded = attempt;
            await Wait.UntilAsync(async () => (await store.PostAsync(1, CancellationToken.None))!.RevealAttempts >= recorded, $"refused edit {attempt} to be recorded");

            Assert.Equal(attempt, _api.On("PATCH /channels/{channels}/messages/{id}").Count);
            time.Advance(TimeSpan.FromSeconds(30));
        }

        var reveal = await _api.WaitForAsync(r => r.Route == "POST /channels/{channels}/messages" && r.Body.Contains("nobody answered", StringComparison.Ordinal));
        DiscordOpenApi.AssertValid("create_message", reveal.Body);
        Assert.All(reveal.Json!["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray()), b => Assert.True((bool)b!["disabled"]!));
        Assert.Equal(2, _api.On("PATCH /channels/{channels}/messages/{id}").Count);
    }

    [Fact]
    public async Task Mention_OverTheGateway_AnsweredLikeAskAsAReply()
    {
        await using var gateway = await FakeGateway.StartAsync();
        _api.GatewayUrl = gateway.Url;
        var settings = BotServer.DiscordSettings(_api, new string('e', 64))
            .Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!))
            .Append(new("Discord:GatewayEnabled", "true"));
        gateway.Then(async c =>
        {
            await c.HelloAsync(40_000);
            await c.ExpectAsync(2);
            await c.DispatchAsync("READY", new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = "1000", ["username"] = "StudyBot", ["bot"] = true },
                ["session_id"] = "s",
                ["resume_gateway_url"] = gateway.ResumeUrl.ToString(),
            }, 1);
            await c.DispatchAsync("MESSAGE_CREATE", new JsonObject
            {
                ["id"] = "334385199974967050",
                ["channel_id"] = "290926798999357250",
                ["guild_id"] = InteractionPayloads.GuildId,
                ["author"] = new JsonObject { ["id"] = "53908099506183680", ["username"] = "Mason" },
                ["content"] = "<@1000> Is EBS encrypted by default?",
                ["mentions"] = new JsonArray(new JsonObject { ["id"] = "1000", ["username"] = "StudyBot", ["bot"] = true }),
            }, 2);
            await _api.WaitForAsync(r => (string?)r.Json?["message_reference"]?["message_id"] == "334385199974967050");
        });

        await using var server = await BotServer.StartAsync(settings);
        await gateway.ScriptDone.Task.WaitAsync(TimeSpan.FromSeconds(90));

        var reply = _api.On("POST /channels/{channels}/messages").Single();
        DiscordOpenApi.AssertValid("create_message", reply.Body);

        // "StudyBot is typing…" in that channel while the answer was composed, and before it was posted.
        var typing = _api.On("POST /channels/{channels}/typing");
        Assert.Contains(typing, t => t.Path == "/channels/290926798999357250/typing");
        Assert.True(_api.Requests.ToList().IndexOf(typing[0]) < _api.Requests.ToList().IndexOf(reply), "The typing trigger came after the answer.");
        Assert.StartsWith("No", (string)reply.Json!["embeds"]![0]!["description"]!, StringComparison.Ordinal);
        Assert.StartsWith("aws-devsecops.md › ", (string)reply.Json!["embeds"]![0]!["fields"]![0]!["name"]!, StringComparison.Ordinal);
    }
}
