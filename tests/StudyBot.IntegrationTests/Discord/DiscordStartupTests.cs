using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;

using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Discord;

public sealed class DiscordStartupTests
{
    [Fact]
    public async Task Start_NoDiscordSettings_RunsWithoutDiscord()
    {
        await using var bot = await BotServer.StartAdapterAsync(new Dictionary<string, string>(), s => s.AddSingleton<IConversation>(new RecordingConversation()));
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(bot.BaseAddress, "api/discord/interactions"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(bot.Services.GetServices<IChannelPublisher>(), p => p.Platform == Platforms.Discord);
    }

    [Fact]
    public async Task Start_PartialDiscordSettings_StopsNamingWhatIsMissing()
    {
        var settings = new Dictionary<string, string> { ["Discord:ApplicationId"] = "290926444748734465" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotServer.StartAdapterAsync(settings, s => s.AddSingleton<IConversation>(new RecordingConversation())));

        Assert.Contains("Discord:PublicKey is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:BotToken is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OldAndNewQuizChannelKeys_OneListForTheScheduleAndAWarningForTheOldKey()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        var settings = new Dictionary<string, string>(BotServer.DiscordSettings(api, new string('d', 64)))
        {
            ["Discord:QuizChannels:0:ChannelId"] = "645027906669510667",
            ["Discord:QuizChannels:0:Cron"] = "0 9 * * 1-5",
            ["Discord:QuizChannels:0:TimeZone"] = "Europe/Berlin",
            ["Quiz:Channels:0:Platform"] = Platforms.Discord,
            ["Quiz:Channels:0:ChannelId"] = "645027906669510668",
            ["Quiz:Channels:0:Cron"] = "30 8 * * *",
        };

        // The real composition root binds Quiz:Channels once (AddQuiz); the quiz scheduler registers this one list.
        await using var bot = await BotServer.StartAdapterAsync(settings, s => s.AddSingleton<IConversation>(new RecordingConversation()));

        var channels = bot.Services.GetRequiredService<IOptions<QuizOptions>>().Value.Channels
            .Select(c => new QuizChannelSchedule(c.Platform, c.ChannelId, c.Cron, c.TimeZone));
        Assert.Equal(
            [
                new QuizChannelSchedule(Platforms.Discord, "645027906669510668", "30 8 * * *", "UTC"),
                new QuizChannelSchedule(Platforms.Discord, "645027906669510667", "0 9 * * 1-5", "Europe/Berlin"),
            ],
            channels);
        using (var scope = bot.Services.CreateScope())
        {
            _ = scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<QuizOptions>>().Value; // built again: no second warning
        }

        var warning = Assert.Single(bot.Logs.Lines, l => l.Contains("Discord:QuizChannels is deprecated", StringComparison.Ordinal));
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
        Assert.Contains("Quiz:Channels", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_DeferredAnswerInFlight_StillDelivered()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        var publicKey = (await NodeSigner.SignAsync([], DateTimeOffset.UtcNow.ToUnixTimeSeconds())).PublicKeyHex;
        var release = new TaskCompletionSource();
        var conversation = new RecordingConversation
        {
            Respond = async (m, ct) =>
            {
                await release.Task.WaitAsync(ct);
                return new Reply("Reloaded while stopping.", Kind: ReplyKind.Admin);
            },
        };
        var bot = await BotServer.StartAdapterAsync(BotServer.DiscordSettings(api, publicKey), s => s.AddSingleton<IConversation>(conversation));
        using var client = new InteractionClient(bot.BaseAddress, publicKey);

        var (_, body) = await client.SendSignedAsync(InteractionPayloads.Command("reload"));
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(stopRequested.SetResult);
        var stopping = bot.DisposeAsync().AsTask();
        await stopRequested.Task.WaitAsync(Wait.SafetyDeadline); // the host is shutting down; only then the answer comes
        release.SetResult();
        await stopping;

        Assert.Contains("\"type\":5", body, StringComparison.Ordinal);
        var edit = api.On("PATCH /webhooks/{webhooks}/{token}/messages/@original").Single();
        Assert.Equal("Reloaded while stopping.", (string)edit.Json!["embeds"]![0]!["description"]!);
    }
}
