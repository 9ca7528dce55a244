using Microsoft.Extensions.Configuration;
using StudyBot.Discord;

namespace StudyBot.Tests.Discord;

public class DiscordOptionsValidatorTests
{
    private static DiscordOptions Valid() => new()
    {
        ApplicationId = "290926444748734465",
        PublicKey = new string('a', 64),
        BotToken = "token",
    };

    [Fact]
    public void Validate_OnlyApplicationId_NamesPublicKeyAndBotToken()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { ApplicationId = "290926444748734465" });

        Assert.True(result.Failed);
        Assert.Contains("Discord:PublicKey is missing", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:BotToken is missing", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Discord:ApplicationId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Complete_Succeeds()
    {
        Assert.True(new DiscordOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Validate_BadKeyAndQuizChannel_NamesEach()
    {
        var options = Valid();
        options.PublicKey = "not-hex";
        options.QuizChannels.Add(new DiscordQuizChannel { ChannelId = "general" });

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Contains("Discord:PublicKey must be 64 hex characters.", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:QuizChannels:0:ChannelId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:QuizChannels:0:Cron is missing", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, "Discord:ShardCount must be at least 1.")]
    [InlineData(2, 2, "Discord:ShardId must be between 0 and 1")]
    [InlineData(-1, 2, "Discord:ShardId must be between 0 and 1")]
    public void Validate_ShardOutsideTheCount_NamesTheSetting(int shardId, int shardCount, string expected)
    {
        var options = Valid();
        options.ShardId = shardId;
        options.ShardCount = shardCount;

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokenInAppSettingsJson_RefusedAsASecretInAFile()
    {
        using var directory = new TempFolder("studybot-options-");
        directory.Write("appsettings.json", """{"Discord":{"BotToken":"oops"}}""");
        var configuration = new ConfigurationBuilder().SetBasePath(directory).AddJsonFile("appsettings.json").Build();

        var result = new DiscordSecretValidator(configuration).Validate(null, Valid());

        Assert.Contains("Discord:BotToken must not be in appsettings.json", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokenFromEnvironmentStyleSource_Accepted()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:BotToken"] = "t" }).Build();

        Assert.True(new DiscordSecretValidator(configuration).Validate(null, Valid()).Succeeded);
    }
}
