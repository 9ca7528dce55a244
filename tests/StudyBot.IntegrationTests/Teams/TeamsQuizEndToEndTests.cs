using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;
using StudyBot.IntegrationTests.Host;
using StudyBot.IntegrationTests.Quiz;
using StudyBot.Teams;
using StudyBot.Teams.Auth;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>
/// The whole app (BotHost with the real conversation core, knowledge and quiz) talking to loopback fakes of the Bot
/// Framework: the daily quiz card arrives at its scheduled time, members answer with the card's buttons, and the
/// leaderboard shows the point.
/// </summary>
public sealed class TeamsQuizEndToEndTests : IAsyncLifetime
{
    private const string TeamId = "19:097e6717fd7245bdbeba6baa13840db8@thread.skype";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 58, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private FakeMicrosoft _fake = null!;
    private BotServer _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeMicrosoft.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Teams:AdminAadObjectIds:0"] = "6b703ce3-6d14-4fe6-b90c-dc5f03657ae4",
            ["Teams:QuizChannels:0:ChannelId"] = TeamId,
            ["Teams:QuizChannels:0:Cron"] = "0 9 * * *",
            ["Teams:QuizChannels:0:TimeZone"] = "UTC",
        };
        _bot = await BotServer.StartAsync(settings, time: _time, microsoft: _fake);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(JsonObject activity)
    {
        // Tokens are judged by the app's clock, which this test moves.
        var now = _time.GetUtcNow().UtcDateTime;
        var token = ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl, notBefore: now.AddMinutes(-1), expires: now.AddMinutes(59));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await _bot.Client.SendAsync(request);

        // The endpoint acknowledges first and answers afterwards: wait until the answer has gone out.
        await _bot.WhenIdleAsync();
        return response;
    }

    private Task<ConnectorRequest> WaitForAsync(Func<ConnectorRequest, bool> match) =>
        Wait.ForAsync(() => _fake.Requests.FirstOrDefault(match), "a request to the fake connector");

    private static bool IsChannelPost(ConnectorRequest r) =>
        r.Path == "/amer/v3/conversations" && r.Body["isGroup"]?.GetValue<bool>() == true;

    [Fact]
    public async Task ChannelQuestion_AnsweredAsCardWithCitationsAndFeedbackButtons()
    {
        await SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, "Is EBS encrypted by default?"));

        var reply = Assert.Single(_fake.Requests, r => r.ActivityId == "1571537152320");
        Assert.Empty(reply.SpecErrors);
        var card = reply.Body["attachments"]![0]!["content"]!;
        var body = card["body"]!.AsArray();
        Assert.StartsWith("No", (string)body[0]!["text"]!, StringComparison.Ordinal);
        var citations = body.Single(b => (string?)b!["type"] == "Container")!["items"]!.AsArray();
        Assert.StartsWith("aws-devsecops.md › ", (string)citations[0]!["text"]!, StringComparison.Ordinal);
        Assert.Equal(["👍 Helpful", "👎 Wrong"], card["actions"]!.AsArray().Select(a => (string)a!["title"]!));
    }

    [Fact]
    public async Task ChannelQuestion_ThumbsDownThenWhatWasWrong_ImageNamedAndCommentStored()
    {
        await SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, "Is EBS encrypted by default?"));
        var answer = Assert.Single(_fake.Requests, r => r.ActivityId == "1571537152320").Body["attachments"]![0]!["content"]!;
        Assert.Contains(answer["body"]!.AsArray(), b => (string?)b!["text"] == "🖼 image-6.png — not in the notes folder");
        var down = (string)answer["actions"]!.AsArray().Single(a => (string?)a!["title"] == "👎 Wrong")!["data"]!["action"]!;

        await SendAsync(TeamsTestData.CardSubmit(_fake.ServiceUrl, new JsonObject { ["action"] = down }));
        var thanks = _fake.Requests.Last(r => r.ConversationId?.StartsWith("a:personal-chat-", StringComparison.Ordinal) == true);
        Assert.Empty(thanks.SpecErrors);
        var card = thanks.Body["attachments"]![0]!["content"]!;
        var field = card["body"]!.AsArray().Single(b => (string?)b!["type"] == "Input.Text")!;
        var send = card["actions"]!.AsArray().Single()!;
        Assert.Equal("Send", (string?)send["title"]);

        await SendAsync(TeamsTestData.CardSubmit(_fake.ServiceUrl, new JsonObject
        {
            ["action"] = (string)send["data"]!["action"]!,
            [(string)field["id"]!] = "Snapshots of encrypted volumes are encrypted too.",
        }));

        var stored = _fake.Requests.Last(r => r.ConversationId?.StartsWith("a:personal-chat-", StringComparison.Ordinal) == true);
        Assert.Contains("your note is on the", stored.Body.ToJsonString(), StringComparison.Ordinal);
        var gaps = await _bot.Services.GetRequiredService<StudyBot.Core.Chat.IQuestionLog>().GetGapsAsync(10, CancellationToken.None);
        Assert.Equal(["Snapshots of encrypted volumes are encrypted too."], Assert.Single(gaps).CommentList);
    }

    [Fact]
    public async Task SearchExtension_QuestionFromTheComposeBox_AnswerCardFromTheNotes()
    {
        var response = await SendAsync(TeamsTestData.SearchQuery(_fake.ServiceUrl, "Is EBS encrypted by default?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attachment = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!["attachments"]![0]!;
        var body = attachment["content"]!["body"]!.AsArray();
        Assert.Contains(body, b => ((string?)b!["text"])?.StartsWith("No", StringComparison.Ordinal) == true);
        Assert.Contains(body, b => (string?)b!["type"] == "Container");
        Assert.StartsWith("No", (string)attachment["preview"]!["content"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyQuiz_PostedAtNine_AnsweredWithButtons_ShowsOnLeaderboard()
    {
        var install = await SendAsync(TeamsTestData.Sample("teams-conversation-update.json", _fake.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, install.StatusCode);

        // Nothing before 09:00, once the scheduler has done all it would do at 08:59 and sleeps.
        _time.SetUtcNow(Start.AddMinutes(1));
        await _bot.WhenIdleAsync();
        Assert.DoesNotContain(_fake.Requests, IsChannelPost);

        _time.SetUtcNow(Start.AddMinutes(2).AddSeconds(5));
        var post = await WaitForAsync(IsChannelPost);

        Assert.Empty(post.SpecErrors);
        Assert.Equal(TeamId, post.Body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        var card = post.Body["activity"]!["attachments"]![0]!["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        var actions = card["actions"]!.AsArray().Select(a => a!["data"]!["action"]!.GetValue<string>()).ToList();
        Assert.InRange(actions.Count, 2, 5);
        Assert.All(actions, a => Assert.StartsWith("quiz:", a));

        // The connector has the card a moment before the quiz core records the post as open; answers wait for that.
        await QuizPosts.WaitUntilPostedAsync(_bot.Services, long.Parse(actions[0].Split(':')[1], CultureInfo.InvariantCulture));

        // Member 0 answers with the card's Action.Execute (current Teams clients): the card the member then sees is in
        // the invoke's response, and nothing is posted anywhere.
        var executed = Member(TeamsTestData.Execute(_fake.ServiceUrl, new JsonObject { ["action"] = actions[0] }), 0);
        executed["conversation"]!["id"] = $"{TeamId};messageid=1";
        var executeResponse = await SendAsync(executed);
        Assert.Equal(HttpStatusCode.OK, executeResponse.StatusCode);
        var ownCard = JsonNode.Parse(await executeResponse.Content.ReadAsStringAsync())!["value"]!;
        Assert.Contains(ownCard["body"]!.AsArray(), b => (string?)b!["text"] is { } t && (t.StartsWith("Correct: ", StringComparison.Ordinal) || t.StartsWith("Not quite: you chose ", StringComparison.Ordinal)));
        Assert.Null(ownCard["actions"]);

        // The others with the Action.Submit fallback (older clients); one member per choice: exactly one is right.
        var thread = $"{TeamId};messageid=";
        for (var i = 1; i < actions.Count; i++)
        {
            var submit = Member(TeamsTestData.ChannelMessage(_fake.ServiceUrl), i);
            submit.Remove("text");
            submit.Remove("entities");
            submit.Remove("attachments");
            submit["conversation"]!["id"] = thread + "1";
            submit["value"] = new JsonObject { ["action"] = actions[i] };
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(submit)).StatusCode);
        }

        // Feedback went to each member's 1:1 chat, never into the channel.
        var feedback = _fake.Requests.Where(r => r.ConversationId?.StartsWith("a:personal-chat-29:member-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(actions.Count - 1, feedback.Count);
        Assert.DoesNotContain(_fake.Requests, r => r.ConversationId?.StartsWith(TeamId, StringComparison.Ordinal) == true);

        var before = _fake.Requests.Count;
        await SendAsync(TeamsTestData.ChannelMessage(_fake.ServiceUrl, "leaderboard"));
        var board = _fake.Requests.Skip(before).Single(r => r.ConversationId?.StartsWith(TeamId, StringComparison.Ordinal) == true);
        Assert.Empty(board.SpecErrors);
        var text = string.Join('\n', board.Body["attachments"]![0]!["content"]!["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()));
        var winners = Enumerable.Range(0, actions.Count).Count(i => text.Contains($"Member {i} — 1 point (1/1 correct)", StringComparison.Ordinal));
        Assert.Equal(1, winners);
        Assert.Equal(actions.Count - 1, Enumerable.Range(0, actions.Count).Count(i => text.Contains($"Member {i} — 0 points (0/1 correct)", StringComparison.Ordinal)));

        // An hour after the post, the reveal updates the quiz card's activity in place for everyone (no new post): no
        // live buttons, each choice with how many chose it, the right one marked.
        _time.SetUtcNow(Start.AddMinutes(2).AddSeconds(6).AddHours(1));
        var update = await WaitForAsync(r => r.Method == "PUT");
        Assert.Empty(update.SpecErrors);
        // The quiz's own activity: the root of the thread the post started ("{channel};messageid={activity}").
        Assert.Equal($"{TeamId};messageid={update.ActivityId}", update.ConversationId);
        Assert.Single(_fake.Requests, IsChannelPost);
        var revealed = update.Body["attachments"]![0]!["content"]!;
        Assert.Null(revealed["actions"]);
        var revealText = string.Join('\n', revealed["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()));
        Assert.Contains("✅ **", revealText, StringComparison.Ordinal);
        Assert.Contains($"{actions.Count} answered, {Math.Round(100.0 / actions.Count)}% correct", revealText, StringComparison.Ordinal);
        Assert.Equal(actions.Count, revealText.Split('\n').Count(line => line.EndsWith("— 1 answer", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DailyQuiz_ConnectorRefusesFirstPost_StaysPendingAndIsPostedOnceOnRetry()
    {
        await SendAsync(TeamsTestData.Sample("teams-conversation-update.json", _fake.ServiceUrl));
        _fake.FailNext(HttpStatusCode.Forbidden);

        _time.SetUtcNow(Start.AddMinutes(2).AddSeconds(5));
        await WaitForAsync(IsChannelPost);

        // The clock moves only while no connector call is in flight: the connector client's attempt timeout runs on
        // the app's clock, so a step during a call timed it out although the fake had taken the post, and the quiz
        // core then posted it once more (3 posts where 2 were expected, on a busy machine). So: wait until the
        // refusal is recorded, move to the retry time it set, wait until the retry is confirmed, only then move on.
        var refused = await WaitForQuizPostAsync(p => p.Attempts == 1);
        Assert.Equal("pending", refused.Status);
        _time.SetUtcNow(DateTimeOffset.Parse(refused.NextAttemptUtc, CultureInfo.InvariantCulture));
        await WaitForQuizPostAsync(p => p.Status == "posted");

        _time.SetUtcNow(Start.AddMinutes(10));
        await _bot.WhenIdleAsync();
        var posts = _fake.Requests.Where(IsChannelPost).ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body["activity"]!.ToJsonString(), posts[1].Body["activity"]!.ToJsonString());
    }

    [Fact]
    public async Task DailyQuiz_CardRefresh_EachMemberSeesTheQuestionUntilTheyAnswerThenTheirOwnChoice()
    {
        await SendAsync(TeamsTestData.Sample("teams-conversation-update.json", _fake.ServiceUrl));
        _time.SetUtcNow(Start.AddMinutes(2).AddSeconds(5));
        var post = await WaitForAsync(IsChannelPost);
        var card = post.Body["activity"]!["attachments"]![0]!["content"]!;
        var answers = card["actions"]!.AsArray().Select(a => a!["data"]!["action"]!.GetValue<string>()).ToList();
        var postId = answers[0].Split(':')[1];

        // The posted card asks Teams to refresh it for whoever opens it, with the quiz's view action.
        Assert.Equal("Action.Execute", (string)card["refresh"]!["action"]!["type"]!);
        Assert.Equal("quizView", (string)card["refresh"]!["action"]!["verb"]!);
        var view = (string)card["refresh"]!["action"]!["data"]!["action"]!;
        Assert.Equal($"quizview:{postId}", view);
        await QuizPosts.WaitUntilPostedAsync(_bot.Services, long.Parse(postId, CultureInfo.InvariantCulture));

        async Task<JsonNode> RefreshAsync(int member)
        {
            var refresh = Member(TeamsTestData.Execute(_fake.ServiceUrl, new JsonObject { ["action"] = view }, verb: "quizView", trigger: "automatic"), member);
            refresh["conversation"]!["id"] = $"{TeamId};messageid=1";
            var response = await SendAsync(refresh);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string)json["type"]!);
            return json["value"]!;
        }

        static string Text(JsonNode view) => string.Join('\n', view["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()));

        // Before answering: the question with its buttons (and the refresh, so the next opening asks again).
        var before = await RefreshAsync(1);
        Assert.Equal(answers, before["actions"]!.AsArray().Select(a => a!["data"]!["action"]!.GetValue<string>()));
        Assert.NotNull(before["refresh"]);

        var executed = Member(TeamsTestData.Execute(_fake.ServiceUrl, new JsonObject { ["action"] = answers[1] }), 1);
        executed["conversation"]!["id"] = $"{TeamId};messageid=1";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(executed)).StatusCode);

        // After: member 1 sees their own choice, on any device; member 2, who has not answered, still the question.
        var mine = await RefreshAsync(1);
        Assert.Null(mine["actions"]);
        Assert.Contains("You chose **", Text(mine), StringComparison.Ordinal);
        Assert.NotNull((await RefreshAsync(2))["actions"]);

        // A view of the quiz from another channel is not one.
        var elsewhere = Member(TeamsTestData.Execute(_fake.ServiceUrl, new JsonObject { ["action"] = view }, verb: "quizView", trigger: "automatic"), 1);
        elsewhere["conversation"]!["id"] = "19:another-channel@thread.tacv2;messageid=1";
        elsewhere["channelData"]!["channel"] = new JsonObject { ["id"] = "19:another-channel@thread.tacv2" };
        var foreign = JsonNode.Parse(await (await SendAsync(elsewhere)).Content.ReadAsStringAsync())!["value"]!;
        Assert.Contains("This quiz is not open.", Text(foreign), StringComparison.Ordinal);
    }

    /// <summary>Polls the bot's database until the Teams quiz post matches.</summary>
    private async Task<(string Status, long Attempts, string NextAttemptUtc)> WaitForQuizPostAsync(
        Func<(string Status, long Attempts, string NextAttemptUtc), bool> match)
    {
        (string Status, long Attempts, string NextAttemptUtc) row = default;
        await Wait.UntilAsync(async () => await ReadQuizPostAsync() is { } read && match(row = read), "the Teams quiz post to reach the expected state");
        return row;
    }

    private async Task<(string Status, long Attempts, string NextAttemptUtc)?> ReadQuizPostAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, attempts, next_attempt_utc FROM quiz_posts WHERE platform = 'teams' ORDER BY id DESC LIMIT 1;";
        using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt64(1), reader.GetString(2)) : null;
    }

    private static JsonObject Member(JsonObject activity, int i)
    {
        activity["from"] = new JsonObject
        {
            ["id"] = $"29:member-{i}",
            ["name"] = $"Member {i}",
            ["aadObjectId"] = $"00000000-0000-0000-0000-{i.ToString("D12", CultureInfo.InvariantCulture)}",
        };
        activity["id"] = (1571537160000 + i).ToString(CultureInfo.InvariantCulture);
        return activity;
    }
}
