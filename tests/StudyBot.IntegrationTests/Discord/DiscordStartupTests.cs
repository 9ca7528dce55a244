using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;

namespace StudyBot.IntegrationTests.Discord;

public sealed class DiscordStartupTests
{
    [Fact]
    public async Task Start_NoDiscordSettings_RunsWithoutDiscord()
    {
        await using var bot = await DiscordBotHost.StartAsync(new Dictionary<string, string?>(), s => s.AddSingleton<IConversation>(new RecordingConversation()));
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(bot.BaseUrl, "api/discord/interactions"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(bot.Services.GetServices<IChannelPublisher>(), p => p.Platform == Platforms.Discord);
    }

    [Fact]
    public async Task Start_PartialDiscordSettings_StopsNamingWhatIsMissing()
    {
        var settings = new Dictionary<string, string?> { ["Discord:ApplicationId"] = "290926444748734465" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            DiscordBotHost.StartAsync(settings, s => s.AddSingleton<IConversation>(new RecordingConversation())));

        Assert.Contains("Discord:PublicKey is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:BotToken is missing", error.Message, StringComparison.Ordinal);
    }
}
