using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Teams.Connector;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>Proactive posts (the daily quiz) through IChannelPublisher("teams") to the fake connector.</summary>
public sealed class TeamsChannelPublisherTests : IAsyncLifetime
{
    private const string TeamId = "19:097e6717fd7245bdbeba6baa13840db8@thread.skype";
    private const string ConfiguredChannel = "19:configured0123456789@thread.tacv2";
    private const string QuizChannelsChannel = "19:quizchannels012345678@thread.tacv2";
    private FakeMicrosoft _fake = null!;
    private TeamsBot _bot = null!;

    private static readonly Reply Quiz = new(
        "Can we create an un-encrypted EBS volume from an encrypted snapshot?",
        Title: "Daily quiz",
        Buttons: [new ReplyButton("Yes", "quiz:7:0"), new ReplyButton("No", "quiz:7:1")],
        Kind: ReplyKind.Quiz);

    public async Task InitializeAsync()
    {
        _fake = await FakeMicrosoft.StartAsync();
        _bot = await TeamsBot.StartAsync(
            _fake,
            s => s.AddSingleton<IConversation>(new RecordingConversation()),
            new Dictionary<string, string>
            {
                ["Teams:QuizChannels:0:ChannelId"] = ConfiguredChannel,
                ["Teams:QuizChannels:0:ServiceUrl"] = _fake.ServiceUrl,
                ["Teams:QuizChannels:0:Cron"] = "0 9 * * 1-5",
                ["Teams:QuizChannels:0:TimeZone"] = "Europe/Berlin",
                ["Quiz:Channels:0:Platform"] = Platforms.Teams,
                ["Quiz:Channels:0:ChannelId"] = QuizChannelsChannel,
                ["Quiz:Channels:0:ServiceUrl"] = _fake.ServiceUrl,
            });
        await _bot.SendAsync(
            TeamsTestData.Sample("teams-conversation-update.json", _fake.ServiceUrl).ToJsonString(),
            ChannelTokens.Create(_fake.SigningKey, TeamsBot.AppId, _fake.ServiceUrl));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private IChannelPublisher Publisher => _bot.Services.GetServices<IChannelPublisher>().Single(p => p.Platform == Platforms.Teams);

    [Fact]
    public void Start_OldTeamsQuizChannelsKey_ReadIntoQuizChannelsBesideTheNewEntry()
    {
        var channels = _bot.Services.GetRequiredService<IOptions<QuizOptions>>().Value.Channels
            .Select(c => new QuizChannelSchedule(c.Platform, c.ChannelId, c.Cron, c.TimeZone));

        Assert.Equal(
            [
                new QuizChannelSchedule(Platforms.Teams, QuizChannelsChannel, "0 9 * * 1-5", "UTC"),
                new QuizChannelSchedule(Platforms.Teams, ConfiguredChannel, "0 9 * * 1-5", "Europe/Berlin"),
            ],
            channels);
    }

    [Fact]
    public async Task PostAsync_InstalledTeamChannel_CreatesAThreadWithTheQuizCard()
    {
        var id = await Publisher.PostAsync(TeamId, Quiz, "quiz-7", CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("/amer/v3/conversations", request.Path);
        Assert.Empty(request.SpecErrors);
        Assert.True(request.Body["isGroup"]!.GetValue<bool>());
        Assert.Equal(TeamId, request.Body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        var card = request.Body["activity"]!["attachments"]![0]!["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("quiz:7:1", card["actions"]![1]!["data"]!["action"]!.GetValue<string>());
        Assert.StartsWith(TeamId + ";messageid=", id);
    }

    [Theory]
    [InlineData(ConfiguredChannel)] // under the deprecated Teams:QuizChannels
    [InlineData(QuizChannelsChannel)] // under Quiz:Channels
    public async Task PostAsync_ConfiguredChannelNotSeenYet_UsesConfiguredServiceUrl(string channel)
    {
        await Publisher.PostAsync(channel, Quiz, "quiz-7", CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal(channel, request.Body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Empty(request.SpecErrors);
    }

    [Fact]
    public async Task PostAsync_SameIdempotencyKeyTwice_PostsOnce()
    {
        var first = await Publisher.PostAsync(TeamId, Quiz, "quiz-7", CancellationToken.None);
        var second = await Publisher.PostAsync(TeamId, Quiz, "quiz-7", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task PostAsync_TransientFailures_AreRetriedAndPostedOnce()
    {
        _fake.FailNext(HttpStatusCode.GatewayTimeout, HttpStatusCode.PreconditionFailed);

        await Publisher.PostAsync(TeamId, Quiz, "quiz-8", CancellationToken.None);

        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact]
    public async Task PostAsync_BotNotInRoster_ThrowsAndStaysPendingForTheNextTry()
    {
        _fake.FailNext(HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Publisher.PostAsync(TeamId, Quiz, "quiz-9", CancellationToken.None));
        Assert.Equal("BotNotInConversationRoster", error.ErrorCode);
        Assert.Single(_fake.Requests);

        // Not recorded as posted: the quiz core's retry posts it (once).
        await Publisher.PostAsync(TeamId, Quiz, "quiz-9", CancellationToken.None);
        await Publisher.PostAsync(TeamId, Quiz, "quiz-9", CancellationToken.None);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task PostAsync_BadRequest_IsNotRetried()
    {
        _fake.FailNext(HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Publisher.PostAsync(TeamId, Quiz, "quiz-11", CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task PostAsync_UnknownChannel_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Publisher.PostAsync("19:nowhere@thread.skype", Quiz, "quiz-1", CancellationToken.None));
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task PostAsync_ReplacesEarlierMessage_UpdatesItInPlace()
    {
        var id = await Publisher.PostAsync(TeamId, Quiz, "quiz-10", CancellationToken.None);
        var reveal = new Reply("The answer was **No**.", Title: "Daily quiz: answer", ReplacesMessageId: id, Kind: ReplyKind.QuizReveal);

        await Publisher.PostAsync(TeamId, reveal, "quiz-10-reveal", CancellationToken.None);

        var update = _fake.Requests[^1];
        Assert.Equal("PUT", update.Method);
        Assert.Equal(id, $"{update.ConversationId}|{update.ActivityId}");
        Assert.Empty(update.SpecErrors);
    }
}
