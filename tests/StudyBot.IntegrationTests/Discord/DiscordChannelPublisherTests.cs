using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Discord;

public sealed class DiscordChannelPublisherTests : IAsyncLifetime
{
    private const string Messages = "POST /channels/{channels}/messages";
    private FakeDiscordApi _api = null!;
    private BotServer _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeDiscordApi.StartAsync();
        _bot = await BotServer.StartAdapterAsync(BotServer.DiscordSettings(_api, new string('b', 64)), s => s.AddSingleton<IConversation>(new RecordingConversation()));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _api.DisposeAsync();
    }

    private IChannelPublisher Publisher => PublisherOf(_bot);

    private static IChannelPublisher PublisherOf(BotServer bot) => bot.Services.GetServices<IChannelPublisher>().Single(p => p.Platform == Platforms.Discord);

    private static Reply Quiz => new(
        "Is EBS encrypted by default?",
        Title: "Daily quiz",
        Buttons: [new ReplyButton("Yes", "quiz:42:0"), new ReplyButton("No", "quiz:42:1")],
        Kind: ReplyKind.Quiz);

    [Fact]
    public async Task PostAsync_Quiz_SpecValidMessageWithButtonsAndNonce()
    {
        var id = await Publisher.PostAsync("645027906669510667", Quiz, "quiz:42:channel:645027906669510667", CancellationToken.None);

        var request = _api.On(Messages).Single();
        Assert.Equal("/channels/645027906669510667/messages", request.Path);
        var json = request.Json!;
        Assert.Equal(id, await Publisher.PostAsync("645027906669510667", Quiz, "quiz:42:channel:645027906669510667", CancellationToken.None));
        Assert.True(((string)json["nonce"]!).Length <= 25);
        Assert.True((bool)json["enforce_nonce"]!);
        Assert.Equal("quiz:42:1", (string)json["components"]![0]!["components"]![1]!["custom_id"]!);
        Assert.Single(_api.On(Messages)); // the second PostAsync with the same key did not post again
        DiscordOpenApi.AssertValid("create_message", request.Body);
    }

    [Fact]
    public async Task PostAsync_QuizWithThreadsOn_StartsADiscussionThreadOnThePost_RevealGetsNone()
    {
        var settings = new Dictionary<string, string>(BotServer.DiscordSettings(_api, new string('b', 64))) { ["Discord:QuizThreads"] = "true" };
        await using var bot = await BotServer.StartAdapterAsync(settings, s => s.AddSingleton<IConversation>(new RecordingConversation()));

        var id = await PublisherOf(bot).PostAsync("645027906669510667", Quiz, "quiz:44", CancellationToken.None);
        await PublisherOf(bot).PostAsync("645027906669510667", new Reply("It was No.", Title: "Quiz answer", Kind: ReplyKind.QuizReveal), "reveal:44", CancellationToken.None);

        var thread = Assert.Single(_api.On("POST /channels/{channels}/messages/{id}/threads")); // the reveal gets none
        Assert.Equal($"/channels/645027906669510667/messages/{id}/threads", thread.Path);
        Assert.StartsWith("Daily quiz — ", (string)thread.Json!["name"]!, StringComparison.Ordinal);
        Assert.Equal(1440, (int)thread.Json!["auto_archive_duration"]!);
        DiscordOpenApi.AssertValid("create_thread_from_message", thread.Body);
    }

    [Fact]
    public async Task PostAsync_ThreadRefused_QuizStillPostedOnce()
    {
        var settings = new Dictionary<string, string>(BotServer.DiscordSettings(_api, new string('b', 64))) { ["Discord:QuizThreads"] = "true" };
        await using var bot = await BotServer.StartAdapterAsync(settings, s => s.AddSingleton<IConversation>(new RecordingConversation()));
        _api.FailNext("POST /channels/{channels}/messages/{id}/threads", 403);

        var id = await PublisherOf(bot).PostAsync("645027906669510667", Quiz, "quiz:45", CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(id));
        Assert.Single(_api.On(Messages));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Could not start a quiz thread", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostAsync_AfterTransientFailure_RetrySendsTheSameNonce()
    {
        _api.FailNext(Messages, 502);

        await Publisher.PostAsync("645027906669510667", Quiz, "quiz:43", CancellationToken.None);

        var requests = _api.On(Messages);
        Assert.Equal(2, requests.Count);
        Assert.Equal((string)requests[0].Json!["nonce"]!, (string)requests[1].Json!["nonce"]!);
    }

    [Fact]
    public async Task PostAsync_ResponseLostThenRestart_PostedOnceAndRecorded()
    {
        const string Channel = "645027906669510667";
        using var folder = BotServer.CreateFolder(copyNotes: false);
        var settings = BotServer.DiscordSettings(_api, new string('b', 64));
        _api.ResponsesToLose = 1;
        await using (var first = await BotServer.StartAdapterAsync(settings, s => s.AddSingleton<IConversation>(new RecordingConversation()), folder))
        {
            // Discord created the message, but the bot stops before the response arrives: the post stays pending.
            using var stopping = new CancellationTokenSource();
            var posting = PublisherOf(first).PostAsync(Channel, Quiz, "quiz:44", stopping.Token);
            await _api.WaitForAsync(r => r.Route == Messages);
            await stopping.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        }

        await using var second = await BotServer.StartAdapterAsync(settings, s => s.AddSingleton<IConversation>(new RecordingConversation()), folder);
        var id = await PublisherOf(second).PostAsync(Channel, Quiz, "quiz:44", CancellationToken.None);
        var again = await PublisherOf(second).PostAsync(Channel, Quiz, "quiz:44", CancellationToken.None);

        Assert.Equal(id, again);
        Assert.Equal([id], _api.CreatedMessageIds);
        var requests = _api.On(Messages);
        Assert.Equal(2, requests.Count); // the send after the restart; then the stored id answers without a request
        Assert.Equal((string)requests[0].Json!["nonce"]!, (string)requests[1].Json!["nonce"]!);
    }

    [Fact]
    public async Task PostAsync_Reveal_CitationFieldsAndValidBody()
    {
        var reveal = new Reply(
            "The answer was **No**.",
            Title: "Quiz answer",
            Citations: [new Citation("aws/ebs.md", "Encryption", 71, 71, "No. EBS encryption is off by default.")],
            Kind: ReplyKind.QuizReveal);

        await Publisher.PostAsync("645027906669510667", reveal, "reveal:42", CancellationToken.None);

        var request = _api.On(Messages).Single();
        Assert.Equal("aws/ebs.md › Encryption, line 71", (string)request.Json!["embeds"]![0]!["fields"]![0]!["name"]!);
        Assert.Null(request.Json!["components"]);
        DiscordOpenApi.AssertValid("create_message", request.Body);
    }

    [Fact]
    public async Task PostAsync_ReplacesMessage_EditsItWithSpecValidBody()
    {
        var posted = await Publisher.PostAsync("645027906669510667", Quiz, "quiz:42", CancellationToken.None);
        var closed = Quiz with
        {
            Buttons = [new ReplyButton("✓ Yes · 2", "quiz:42:0", ButtonStyle.Success, Disabled: true), new ReplyButton("No · 1", "quiz:42:1", Disabled: true)],
            ReplacesMessageId = posted,
            Kind = ReplyKind.QuizReveal,
        };

        var id = await Publisher.PostAsync("645027906669510667", closed, "close:42", CancellationToken.None);

        Assert.Equal(posted, id);
        Assert.Single(_api.On(Messages));
        var edit = _api.On("PATCH /channels/{channels}/messages/{id}").Single();
        Assert.Equal($"/channels/645027906669510667/messages/{posted}", edit.Path);
        Assert.All(edit.Json!["components"]![0]!["components"]!.AsArray(), b => Assert.True((bool)b!["disabled"]!));
        Assert.Null(_api.On(Messages).Single().Json!["components"]![0]!["components"]![0]!["disabled"]);
        DiscordOpenApi.AssertValid("update_message", edit.Body);
    }

    [Fact]
    public async Task PostAsync_ReplacesADeletedMessage_ThrowsSoTheCallerKeepsItPending()
    {
        var posted = await Publisher.PostAsync("645027906669510667", Quiz, "quiz:43", CancellationToken.None);
        _api.DeleteMessage(posted);

        var closed = Quiz with { ReplacesMessageId = posted, Kind = ReplyKind.QuizReveal };

        var refused = await Assert.ThrowsAsync<StudyBot.Discord.Rest.DiscordApiException>(() => Publisher.PostAsync("645027906669510667", closed, "close:43", CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Single(_api.On("PATCH /channels/{channels}/messages/{id}"));
    }
}
