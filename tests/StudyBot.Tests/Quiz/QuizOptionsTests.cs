using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Tests.Chat;

namespace StudyBot.Tests.Quiz;

public class QuizOptionsTests
{
    [Fact]
    public void Validate_ChannelsOnBothPlatforms_Succeeds()
    {
        var options = new QuizOptions
        {
            Channels =
            [
                new() { Platform = Platforms.Discord, ChannelId = "645027906669510667", Cron = "0 9 * * 1-5", TimeZone = "Europe/Berlin" },
                new() { Platform = Platforms.Teams, ChannelId = "19:general@thread.tacv2", Cron = "0 9 * * *", ServiceUrl = "https://smba.trafficmanager.net/amer/" },
            ],
        };

        Assert.True(new QuizOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadCronAndMissingPlatform_NamesTheEntries()
    {
        var options = new QuizOptions
        {
            Channels =
            [
                new() { Platform = Platforms.Discord, ChannelId = "645027906669510667", Cron = "every morning" },
                new() { ChannelId = "19:general@thread.tacv2" },
            ],
        };

        var result = new QuizOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Quiz:Channels:0:Cron 'every morning' is not a cron expression", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Quiz:Channels:1: Platform and ChannelId are required.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void PostConfigure_OldTeamsKey_ReadIntoChannelsWithThePlatform()
    {
        var options = new QuizOptions { Channels = [new() { Platform = Platforms.Discord, ChannelId = "645027906669510667" }] };

        Deprecated(new LogCapture().For<QuizOptionsTests>()).PostConfigure(Options.DefaultName, options);

        Assert.Equal(2, options.Channels.Count);
        var read = options.Channels[1];
        Assert.Equal(
            (Platforms.Teams, "19:general@thread.tacv2", "0 8 * * 1-5", "Europe/Berlin", "https://smba.trafficmanager.net/amer/"),
            (read.Platform, read.ChannelId, read.Cron, read.TimeZone, read.ServiceUrl));
    }

    [Fact]
    public void PostConfigure_OldKeyReadAgain_WarnsOnceNamingTheNewKey()
    {
        var logs = new LogCapture();
        var deprecated = Deprecated(logs.For<QuizOptionsTests>());

        // The options are built again on each configuration change (IOptionsMonitor) and in each scope (IOptionsSnapshot).
        deprecated.PostConfigure(Options.DefaultName, new QuizOptions());
        deprecated.PostConfigure(Options.DefaultName, new QuizOptions());

        var (level, _, message, _) = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("Teams:QuizChannels is deprecated", message, StringComparison.Ordinal);
        Assert.Contains("Quiz:Channels", message, StringComparison.Ordinal);
        Assert.Contains("\"Platform\": \"teams\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EntryReadFromOldKey_LeftToItsPlatformsOptions()
    {
        // Teams:QuizChannels:0:Cron is reported by the Teams options under its own name; not again as Quiz:Channels:N.
        var options = new QuizOptions();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:QuizChannels:0:ChannelId"] = "19:general@thread.tacv2",
            ["Teams:QuizChannels:0:Cron"] = "every morning",
        }).Build();
        new DeprecatedQuizChannels(configuration, "Teams:QuizChannels", Platforms.Teams, new LogCapture().For<QuizOptionsTests>())
            .PostConfigure(Options.DefaultName, options);

        Assert.True(new QuizOptionsValidator().Validate(null, options).Succeeded);
    }

    private static DeprecatedQuizChannels Deprecated(ILogger logger) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:QuizChannels:0:ChannelId"] = "19:general@thread.tacv2",
            ["Teams:QuizChannels:0:Cron"] = "0 8 * * 1-5",
            ["Teams:QuizChannels:0:TimeZone"] = "Europe/Berlin",
            ["Teams:QuizChannels:0:ServiceUrl"] = "https://smba.trafficmanager.net/amer/",
        }).Build(),
        "Teams:QuizChannels",
        Platforms.Teams,
        logger);
}
