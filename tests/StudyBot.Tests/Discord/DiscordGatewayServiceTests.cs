using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StudyBot.Discord;
using StudyBot.Discord.Gateway;

namespace StudyBot.Tests.Discord;

public class DiscordGatewayServiceTests
{
    [Theory]
    [InlineData(false, 1 | (1 << 9) | (1 << 12))]
    [InlineData(true, 1 | (1 << 9) | (1 << 12) | (1 << 15))]
    public void Intents_MessageContentSetting_PrivilegedIntentOnlyWhenAsked(bool messageContent, int expected)
    {
        // Only the intents are read here; the connection's collaborators are not needed.
        using var service = new DiscordGatewayService(
            null!, null!, Options.Create(new DiscordOptions { MessageContentIntent = messageContent }), new GatewayTimings(), TimeProvider.System, NullLogger<DiscordGatewayService>.Instance);

        Assert.Equal(expected, (int)service.Intents);
    }
}
