using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Cli;
using StudyBot.Discord;
using StudyBot.Discord.Payloads;
using StudyBot.Discord.Rest;

using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Discord;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private const string Messages = "POST /channels/{channels}/messages";
    private FakeDiscordApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeDiscordApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private IConfiguration Configuration(string token = FakeDiscordApi.Token) => new ConfigurationBuilder()
        .AddInMemoryCollection(BotServer.DiscordSettings(_api, new string('a', 64)).Where(kv => kv.Key != "Discord:BotToken").Append(new("Discord:BotToken", token)).Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)))
        .Build();

    private ServiceProvider Services(string token = FakeDiscordApi.Token) =>
        new ServiceCollection().AddLogging().AddSingleton(Configuration(token)).AddDiscordRest().BuildServiceProvider();

    private static MessagePayload Hello => new(Content: "hello");

    [Fact]
    public async Task CreateMessage_Route429_WaitsRetryAfterThenSucceeds()
    {
        await using var services = Services();
        var rest = services.GetRequiredService<DiscordRestClient>();
        _api.FailNext(Messages, 429, retryAfter: 0.5);

        var message = await rest.CreateMessageAsync("111", Hello, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(message.Id));
        var requests = _api.On(Messages);
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(450), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
        Assert.All(requests, r => Assert.Equal("Bot " + FakeDiscordApi.Token, r.Authorization));
    }

    [Fact]
    public async Task Global429_OnOneRoute_OtherRoutesWaitUntilItEnds()
    {
        await using var services = Services();
        var rest = services.GetRequiredService<DiscordRestClient>();
        _api.FailNext(Messages, 429, retryAfter: 0.6, global: true);

        await rest.CreateMessageAsync("111", Hello, CancellationToken.None);
        await rest.CreateFollowupAsync("some-interaction-token", Hello, CancellationToken.None);

        var first = _api.On(Messages)[0];
        var other = _api.On("POST /webhooks/{webhooks}/{token}").Single();
        Assert.Equal(0, _api.Violations);
        Assert.True(other.At - first.At >= TimeSpan.FromMilliseconds(550));
        Assert.Equal(2, _api.On(Messages).Count);
    }

    [Fact]
    public async Task ManyMessages_BucketOfTwo_HonoursRemainingAndResetWithoutA429()
    {
        _api.BucketLimit = 2;
        _api.BucketWindow = TimeSpan.FromMilliseconds(500);
        await using var services = Services();
        var rest = services.GetRequiredService<DiscordRestClient>();
        var stopwatch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => rest.CreateMessageAsync("222", new MessagePayload(Content: $"m{i}"), CancellationToken.None)));

        Assert.Equal(0, _api.Violations);
        Assert.Equal(6, _api.On(Messages).Count);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(900), $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task DifferentChannels_SeparateBuckets_DoNotWaitForEachOther()
    {
        _api.BucketLimit = 1;
        _api.BucketWindow = TimeSpan.FromSeconds(20);
        await using var services = Services();
        var rest = services.GetRequiredService<DiscordRestClient>();
        var stopwatch = Stopwatch.StartNew();

        await rest.CreateMessageAsync("301", Hello, CancellationToken.None);
        await rest.CreateMessageAsync("302", Hello, CancellationToken.None);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(0, _api.Violations);
    }

    [Fact]
    public async Task ManyChannels_MoreThanFiftyRequests_HeldToFiftyASecondGlobally()
    {
        await using var services = Services();
        var rest = services.GetRequiredService<DiscordRestClient>();
        var stopwatch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => rest.CreateMessageAsync((5000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Hello, CancellationToken.None)));

        Assert.Equal(120, _api.On(Messages).Count);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(1.8), $"120 requests took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task CreateMessage_Transient503_RetriedWithBackoff()
    {
        await using var services = Services();
        var rest = services.GetRequiredService<DiscordRestClient>();
        _api.FailNext(Messages, 503);

        await rest.CreateMessageAsync("111", Hello, CancellationToken.None);

        Assert.Equal(2, _api.On(Messages).Count);
    }

    [Fact]
    public async Task CreateMessage_WrongToken_ThrowsClearErrorWithoutRetrying()
    {
        await using var services = Services(token: "wrong-token");
        var rest = services.GetRequiredService<DiscordRestClient>();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.CreateMessageAsync("111", Hello, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Discord rejected the bot token (401). Check Discord__BotToken.", error.Message);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task RegisterCommands_Guild_BulkOverwritesWithSpecValidBody()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DiscordCommand.RegisterCommandsAsync(Configuration(), "290926798626357999", output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        var request = _api.On("PUT /applications/{id}/guilds/{id}/commands").Single();
        Assert.Equal("/applications/290926444748734465/guilds/290926798626357999/commands", request.Path);
        var names = request.Json!.AsArray().Select(c => (string)c!["name"]!).ToList();
        Assert.Equal(["ask", "quiz", "leaderboard", "me", "sources", "reload", "stats", "gaps", "help", "Ask StudyBot"], names);
        Assert.Contains("Registered 10 commands", output.ToString(), StringComparison.Ordinal);
        DiscordOpenApi.AssertValid("bulk_set_guild_application_commands", request.Body);
    }

    [Fact]
    public async Task RegisterCommands_Global_BulkOverwritesWithSpecValidBody()
    {
        using var output = new StringWriter();

        var exit = await DiscordCommand.RegisterCommandsAsync(Configuration(), null, output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        var request = _api.On("PUT /applications/{id}/commands").Single();
        DiscordOpenApi.AssertValid("bulk_set_application_commands", request.Body);
        var commands = request.Json!.AsArray();
        Assert.Equal([0, 1], commands.Single(c => (string)c!["name"]! == "ask")!["contexts"]!.AsArray().Select(c => (int)c!));
        Assert.Equal(0, (long)commands.Single(c => (string)c!["name"]! == "reload")!["default_member_permissions"]!);
        Assert.Equal(3, (int)commands.Single(c => (string)c!["name"]! == "Ask StudyBot")!["type"]!);
    }

    [Fact]
    public async Task RegisterCommands_WrongToken_ExitsWithClearMessage()
    {
        using var error = new StringWriter();

        var exit = await DiscordCommand.RegisterCommandsAsync(Configuration("wrong-token"), null, TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("Discord rejected the bot token (401). Check Discord__BotToken.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterCommands_MissingToken_NamesTheSetting()
    {
        using var error = new StringWriter();

        var exit = await DiscordCommand.RegisterCommandsAsync(Configuration(string.Empty), null, TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("Discord:BotToken is missing", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }
}
