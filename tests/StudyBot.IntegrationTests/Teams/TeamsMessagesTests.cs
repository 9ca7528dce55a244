using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Teams.Storage;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>Recorded Teams activities through /api/messages: answers go to the fake connector, installs are stored.</summary>
public sealed class TeamsMessagesTests : IAsyncLifetime
{
    private const string TeamId = "19:097e6717fd7245bdbeba6baa13840db8@thread.skype";
    private FakeMicrosoft _fake = null!;
    private TeamsBot _bot = null!;
    private readonly RecordingConversation _conversation = new();
    private readonly RecordingQuizRegistry _registry = new();

    public async Task InitializeAsync()
    {
        _fake = await FakeMicrosoft.StartAsync();
        _bot = await TeamsBot.StartAsync(
            _fake,
            s =>
            {
                s.AddSingleton<IConversation>(_conversation);
                s.AddSingleton<IQuizChannelRegistry>(_registry);
            },
            new Dictionary<string, string> { ["Teams:AdminAadObjectIds:0"] = "6b703ce3-6d14-4fe6-b90c-dc5f03657ae4" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(JsonObject activity) =>
        _bot.SendAsync(activity.ToJsonString(), ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl));

    private TeamsStore Store => _bot.Services.GetRequiredService<TeamsStore>();

    [Fact]
    public async Task RecordedChannelMessage_IsAnsweredInItsThreadWithCitations()
    {
        var response = await SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(_conversation.Received);
        Assert.Equal(Platforms.Teams, message.Platform);
        Assert.Equal("1", message.Text);
        Assert.Equal(TeamId, message.ChannelId);
        Assert.Equal("6b703ce3-6d14-4fe6-b90c-dc5f03657ae4", message.UserId);
        Assert.Equal("Dave Taniguchi", message.DisplayName);
        Assert.True(message.MentionedBot);
        Assert.True(message.IsAdmin);

        var reply = Assert.Single(_fake.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal(TeamId + ";messageid=1571537152320", reply.ConversationId);
        Assert.Equal("1571537152320", reply.ActivityId);
        Assert.Equal("Bearer connector-token-1", reply.Authorization);
        Assert.Empty(reply.SpecErrors);
        Assert.Equal("message", reply.Body["type"]!.GetValue<string>());
        Assert.Equal("1571537152320", reply.Body["replyToId"]!.GetValue<string>());
        Assert.Equal("28:eac5e5c6-ab14-4f50-80cb-49213fe51b1a", reply.Body["from"]!["id"]!.GetValue<string>());
        var text = reply.Body["text"]!.GetValue<string>();
        Assert.StartsWith("<at>Dave Taniguchi</at> Answer to: 1", text);
        var mention = Assert.Single(reply.Body["entities"]!.AsArray())!;
        Assert.Equal("mention", mention["type"]!.GetValue<string>());
        Assert.Equal("<at>Dave Taniguchi</at>", mention["text"]!.GetValue<string>());
        Assert.Equal(reply.Body["recipient"]!["id"]!.GetValue<string>(), mention["mentioned"]!["id"]!.GetValue<string>());
        Assert.Empty(_fake.Typing); // Teams shows no typing indicator in channels
        Assert.Contains("aws/ebs.md › Encryption, lines 70–71", text);
    }

    [Fact]
    public async Task RecordedPersonalMessage_IsAnsweredInThePersonalChat()
    {
        var activity = TeamsTestData.Sample("teams-message-activity-personal.json", _fake.ServiceUrl);

        await SendAsync(activity);

        var message = Assert.Single(_conversation.Received);
        Assert.Equal("file", message.Text);
        Assert.False(message.IsAdmin);
        var reply = Assert.Single(_fake.Requests);
        Assert.StartsWith("a:1VF4K2uXl", reply.ConversationId);
        Assert.Empty(reply.SpecErrors);
        Assert.Null(reply.Body["entities"]); // no @mention in a 1:1 chat
        var typing = Assert.Single(_fake.Typing); // sent before the answer was composed
        Assert.Equal(reply.ConversationId, typing.ConversationId);
        Assert.Empty(typing.SpecErrors);
    }

    [Fact]
    public async Task RecordedConversationUpdate_StoresTheTeamAndItsGeneralChannel()
    {
        await SendAsync(TeamsTestData.Sample("teams-conversation-update.json", _fake.ServiceUrl));

        var stored = await Store.FindAsync(TeamId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("channel", stored.Kind);
        Assert.Equal(TeamId, stored.TeamId);
        Assert.Equal("DaveTeams TEST", stored.TeamName);
        Assert.Equal(_fake.ServiceUrl, stored.ServiceUrl);
        Assert.Equal(TeamsBot.TenantId, stored.TenantId);
        Assert.Empty(_conversation.Received);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task RecordedChannelCreated_StoresTheNewChannel()
    {
        await SendAsync(TeamsTestData.Sample("teams-conversation-update-channel-created.json", _fake.ServiceUrl));

        var channels = await Store.ListTeamAsync(TeamId, CancellationToken.None);
        var moo = Assert.Single(channels, c => c.ChannelId == "19:aaa04daa38af4f97a8c85dc57167fa23@thread.skype");
        Assert.Equal("MOO", moo.ChannelName);
        Assert.Equal(_fake.ServiceUrl, moo.ServiceUrl);
    }

    [Fact]
    public async Task BotRemovedFromTeam_ForgetsItsChannelsAndTheirQuiz()
    {
        await SendAsync(TeamsTestData.Sample("teams-conversation-update-channel-created.json", _fake.ServiceUrl));
        var removal = TeamsTestData.Sample("teams-conversation-update.json", _fake.ServiceUrl);
        removal.Remove("membersAdded");
        removal["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = "28:eac5e5c6-ab14-4f50-80cb-49213fe51b1a" });
        removal["channelData"]!["eventType"] = "teamMemberRemoved";

        await SendAsync(removal);

        Assert.Empty(await Store.ListTeamAsync(TeamId, CancellationToken.None));
        Assert.Contains($"teams/{TeamId}", _registry.Removed);
        Assert.Contains("teams/19:aaa04daa38af4f97a8c85dc57167fa23@thread.skype", _registry.Removed);
    }

    /// <summary>A channel message that is an Adaptive Card submit with <paramref name="value"/>, replying to a card.</summary>
    private JsonObject CardSubmit(JsonObject value) => TeamsTestData.CardSubmit(_fake.ServiceUrl, value);

    [Fact]
    public async Task PromptSubmit_FieldValueGoesToCoreAsTheTextOfTheAction()
    {
        var response = await SendAsync(CardSubmit(new JsonObject { ["action"] = "fb:why:is ebs encrypted", ["comment"] = "Snapshots differ." }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(_conversation.Received);
        Assert.Equal(("fb:why:is ebs encrypted", "Snapshots differ."), (message.ActionData, message.Text));
    }

    [Fact]
    public async Task ChoiceSetSubmit_PickedChoiceGoesToCoreAsAction()
    {
        var response = await SendAsync(CardSubmit(new JsonObject { ["choice"] = "quiz:42:7" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("quiz:42:7", Assert.Single(_conversation.Received).ActionData);
    }

    [Fact]
    public async Task CardSubmitInChannel_GoesToCoreAsActionAndFeedbackIsSentOnlyToTheUser()
    {
        var response = await SendAsync(CardSubmit(new JsonObject { ["action"] = "quiz:42:1" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(_conversation.Received);
        Assert.Equal("quiz:42:1", message.ActionData);
        Assert.Equal("", message.Text);

        var requests = _fake.Requests;
        Assert.Equal(2, requests.Count);
        // A 1:1 chat with the member is opened, and the feedback goes there, never to the channel thread.
        Assert.Equal("/amer/v3/conversations", requests[0].Path);
        Assert.False(requests[0].Body["isGroup"]!.GetValue<bool>());
        Assert.Equal("29:1CFIxRJBLjT_io3iNsDZxMk_4YPWQmr3DZUM1I6ihf5L2ocCDqg9S1vkHK6kRdGfK1P_2LFE2nQqFIvdu-GBOZA", requests[0].Body["members"]![0]!["id"]!.GetValue<string>());
        Assert.StartsWith("a:personal-chat-", requests[1].ConversationId);
        Assert.Contains("quiz:42:1", requests[1].Body["text"]!.GetValue<string>());
        Assert.All(requests, r => Assert.Empty(r.SpecErrors));
        Assert.DoesNotContain(requests, r => r.ConversationId?.StartsWith(TeamId, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task CardSubmitTwice_ReusesTheOneToOneChat()
    {
        for (var i = 0; i < 2; i++)
        {
            var submit = TeamsTestData.ChannelMessage(_fake.ServiceUrl);
            submit.Remove("text");
            submit["value"] = new JsonObject { ["action"] = $"quiz:4{i}:0" };
            await SendAsync(submit);
        }

        Assert.Single(_fake.Requests, r => r.Path == "/amer/v3/conversations");
        Assert.Equal(2, _fake.Requests.Count(r => r.ConversationId?.StartsWith("a:personal-chat-", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task CardSubmit_PrivateChatRefused_ChannelGetsNoSpoiler()
    {
        _fake.FailNext(HttpStatusCode.Forbidden);
        var submit = TeamsTestData.ChannelMessage(_fake.ServiceUrl);
        submit.Remove("text");
        submit["value"] = new JsonObject { ["action"] = "quiz:42:1" };

        await SendAsync(submit);

        var toChannel = Assert.Single(_fake.Requests, r => r.ConversationId?.StartsWith(TeamId, StringComparison.Ordinal) == true);
        var text = toChannel.Body["text"]!.GetValue<string>();
        Assert.DoesNotContain("quiz:42:1", text);
        Assert.Contains("privately", text);
    }

    [Fact]
    public async Task Message_ConnectorReturns502Twice_IsRetriedAndDeliveredOnce()
    {
        _fake.FailNext(HttpStatusCode.BadGateway, HttpStatusCode.TooManyRequests);

        var response = await SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, "retry me"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _fake.Requests.Count);
        Assert.Single(_conversation.Received);
    }

    [Fact]
    public async Task SlowAnswer_AcknowledgedBeforeTheReplyIsSent()
    {
        var gate = new TaskCompletionSource();
        _conversation.Respond = async (m, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return _conversation.Answer(m);
        };
        var token = ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl);

        var response = await _bot.SendUnwaitedAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, "slow one").ToJsonString(), token);

        // The answer cannot have been sent: it is still waiting on the gate, while Teams already has its 200.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_fake.Requests);
        gate.SetResult();
        await Wait.UntilIdleAsync(_bot.Services);
        var reply = Assert.Single(_fake.Requests);
        Assert.Equal("1571537152320", reply.ActivityId);
        Assert.StartsWith("<at>Dave Taniguchi</at> Answer to: slow one", reply.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchExtensionQuery_AnsweredInTheResponseWithTheAnswerCard()
    {
        var response = await SendAsync(TeamsTestData.SearchQuery(_fake.ServiceUrl, "Is EBS encrypted?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ask Is EBS encrypted?", Assert.Single(_conversation.Received).Text);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        Assert.Equal("result", (string)result["type"]!);
        var attachment = Assert.Single(result["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)attachment["contentType"]!);
        var card = attachment["content"]!;
        var texts = card["body"]!.AsArray().SelectMany(b => b!["items"] is JsonArray items ? items.ToList() : [b]).Select(b => (string?)b!["text"]).ToList();
        Assert.Contains("Answer to: ask Is EBS encrypted?", texts);
        Assert.Contains("aws/ebs.md › Encryption, lines 70–71", texts);
        Assert.Null(card["actions"]); // inserted by the user: no buttons that would answer for them
        Assert.Equal("Is EBS encrypted?", (string)attachment["preview"]!["content"]!["title"]!);
        Validation.PlatformValidators.AssertValid(Validation.PlatformValidators.AdaptiveCard, card.ToJsonString());
        Assert.Empty(_fake.Requests); // the answer went back in the response, not through the connector
    }

    [Fact]
    public async Task SearchExtensionQuery_NothingTyped_AsksForAQuestionWithoutAsking()
    {
        var response = await SendAsync(TeamsTestData.SearchQuery(_fake.ServiceUrl, "  "));

        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        Assert.Equal("message", (string)result["type"]!);
        Assert.Empty(_conversation.Received);
    }

    [Fact]
    public async Task QuizAnswerByExecute_CardForTheMemberInTheResponse_NothingPosted()
    {
        var response = await SendAsync(TeamsTestData.Execute(_fake.ServiceUrl, new JsonObject { ["action"] = "quiz:42:1" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("quiz:42:1", Assert.Single(_conversation.Received).ActionData);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)result["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)result["type"]!);
        var card = result["value"]!;
        var texts = card["body"]!.AsArray().Select(b => (string?)b!["text"]).ToList();
        Assert.Contains("You pressed quiz:42:1.", texts);
        Assert.Null(card["actions"]); // answered: no buttons left for this member
        Validation.PlatformValidators.AssertValid(Validation.PlatformValidators.AdaptiveCard, card.ToJsonString());
        Assert.Empty(_fake.Requests); // not in the channel, not in a 1:1 chat: in place, for this member only
    }

    [Fact]
    public async Task QuizAnswerByExecuteFromChoiceSet_PickedChoiceRecorded()
    {
        await SendAsync(TeamsTestData.Execute(_fake.ServiceUrl, new JsonObject { ["choice"] = "quiz:42:7" }));

        Assert.Equal("quiz:42:7", Assert.Single(_conversation.Received).ActionData);
    }

    [Fact]
    public async Task UnknownInvoke_Answered501()
    {
        var invoke = TeamsTestData.SearchQuery(_fake.ServiceUrl, "x");
        invoke["name"] = "composeExtension/fetchTask";

        var response = await SendAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_conversation.Received);
    }

    [Fact]
    public async Task ManyMessages_TokenIsFetchedOnceAndCached()
    {
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, $"q{i}"));
        }

        Assert.Equal(3, _fake.Requests.Count);
        Assert.Equal(1, _fake.TokenRequests);
    }

    [Fact]
    public async Task UnknownActivityTypeWithUnknownFields_IsAcceptedAndIgnored()
    {
        var activity = new JsonObject
        {
            ["type"] = "messageReaction",
            ["serviceUrl"] = _fake.ServiceUrl,
            ["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" }),
            ["futureField"] = new JsonObject { ["x"] = 1 },
        };

        var response = await SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_conversation.Received);
        Assert.Empty(_fake.Requests);
    }
}
