using StudyBot.Teams;

namespace StudyBot.Tests.Teams;

public class TeamsOptionsValidatorTests
{
    private readonly TeamsOptionsValidator _validator = new();

    [Fact]
    public void Validate_NothingSet_TeamsIsOffAndValid()
    {
        var result = _validator.Validate(null, new TeamsOptions());

        Assert.True(result.Succeeded);
        Assert.False(new TeamsOptions().IsConfigured);
    }

    [Fact]
    public void Validate_OnlyAppId_NamesTenantAndSecret()
    {
        var result = _validator.Validate(null, new TeamsOptions { AppId = "6f1f7a3e-2b8c-4d5e-9f10-1a2b3c4d5e6f" });

        Assert.True(result.Failed);
        Assert.Contains("Teams:TenantId", result.FailureMessage);
        Assert.Contains("Teams:ClientSecret", result.FailureMessage);
        Assert.Contains("Teams__ClientSecret", result.FailureMessage);
        Assert.DoesNotContain("Teams:AppId is missing", result.FailureMessage);
    }

    [Fact]
    public void Validate_PackageLinksNotHttps_AreNamedEvenWithTeamsOff()
    {
        var result = _validator.Validate(null, new TeamsOptions { WebsiteUrl = "https://ok.example", PrivacyUrl = "http://insecure.example/privacy", TermsOfUseUrl = "terms" });

        Assert.True(result.Failed);
        Assert.Contains("Teams:PrivacyUrl", result.FailureMessage);
        Assert.Contains("Teams:TermsOfUseUrl", result.FailureMessage);
        Assert.DoesNotContain("Teams:WebsiteUrl", result.FailureMessage);
    }

    [Fact]
    public void Validate_AllSet_Succeeds()
    {
        var options = WithCredentials();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.True(options.IsConfigured);
    }

    [Fact]
    public void Validate_BadMetadataUrlAndChannelWithoutId_AreNamed()
    {
        var options = WithCredentials();
        options.OpenIdMetadataUrl = "not a url";
        options.QuizChannels = [new TeamsQuizChannelOptions { ChannelId = "", Cron = "0 9 * * *" }];

        var result = _validator.Validate(null, options);

        Assert.Contains("Teams:OpenIdMetadataUrl", result.FailureMessage);
        Assert.Contains("Teams:QuizChannels:0:ChannelId", result.FailureMessage);
    }

    [Fact]
    public void Validate_BadCronAndZone_AreNamed()
    {
        var options = WithCredentials();
        options.QuizChannels = [new TeamsQuizChannelOptions { ChannelId = "19:x@thread.skype", Cron = "every day", TimeZone = "Mars/Olympus" }];

        var result = _validator.Validate(null, options);

        Assert.Contains("Teams:QuizChannels:0:Cron", result.FailureMessage);
        Assert.Contains("Teams:QuizChannels:0:TimeZone", result.FailureMessage);
    }

    [Fact]
    public void Validate_QuizChannelsWithoutCredentials_Fails()
    {
        var options = new TeamsOptions { QuizChannels = [new TeamsQuizChannelOptions { ChannelId = "19:x@thread.skype" }] };

        Assert.True(_validator.Validate(null, options).Failed);
    }

    private static TeamsOptions WithCredentials() => new() { AppId = "a", TenantId = "t", ClientSecret = "s" };
}
