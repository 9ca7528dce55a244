using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StudyBot.Core.Quiz;

namespace StudyBot.Teams;

/// <summary>
/// The <c>Teams</c> configuration section. None of <see cref="AppId"/>, <see cref="TenantId"/> and
/// <see cref="ClientSecret"/> set: Teams is off. Some but not all: the app stops at start naming what is missing.
/// </summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string SectionName = "Teams";

    /// <summary>The default Bot Framework OpenID metadata (keys that sign the channel's tokens).</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The bot's Microsoft app id (client id); the audience of incoming tokens.</summary>
    public string? AppId { get; set; }

    /// <summary>The Entra tenant of the (single-tenant) bot registration.</summary>
    public string? TenantId { get; set; }

    /// <summary>The client secret. Environment (<c>Teams__ClientSecret</c>) or user-secrets only.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where the keys of incoming tokens are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>The token authority for outgoing calls; the tenant id is appended.</summary>
    public string TokenAuthority { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The scope requested for connector calls.</summary>
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The issuer of incoming tokens.</summary>
    public string ValidIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Entra object ids of the users allowed to run admin commands.</summary>
    public List<string> AdminAadObjectIds { get; set; } = [];

    /// <summary>Deprecated: channels that get the daily quiz, read into <c>Quiz:Channels</c> with a warning (use that).</summary>
    public List<TeamsQuizChannelOptions> QuizChannels { get; set; } = [];

    /// <summary>The bot's name in the app package.</summary>
    public string BotName { get; set; } = "StudyBot";

    /// <summary>The developer's website in the app package (https); Teams shows it on the app's details page.</summary>
    public string? WebsiteUrl { get; set; }

    /// <summary>The privacy statement in the app package (https); the website when not set.</summary>
    public string? PrivacyUrl { get; set; }

    /// <summary>The terms of use in the app package (https); the website when not set.</summary>
    public string? TermsOfUseUrl { get; set; }

    /// <summary>True when all of the credentials are set.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>True when any credential is set in <paramref name="section"/> (Teams is meant to be on).</summary>
    public static bool IsRequested(IConfiguration section) =>
        !string.IsNullOrWhiteSpace(section["AppId"])
        || !string.IsNullOrWhiteSpace(section["TenantId"])
        || !string.IsNullOrWhiteSpace(section["ClientSecret"]);

    /// <summary>Names every missing or bad Teams setting.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var requested = !string.IsNullOrWhiteSpace(AppId)
            || !string.IsNullOrWhiteSpace(TenantId)
            || !string.IsNullOrWhiteSpace(ClientSecret);
        var failures = new List<string>();

        // The package links are read by `teams package` whether or not the bot itself is configured.
        CheckHttps(WebsiteUrl, "Teams:WebsiteUrl", failures);
        CheckHttps(PrivacyUrl, "Teams:PrivacyUrl", failures);
        CheckHttps(TermsOfUseUrl, "Teams:TermsOfUseUrl", failures);
        if (!requested)
        {
            if (QuizChannels.Count > 0)
            {
                failures.Add("Teams:QuizChannels is set but Teams is off: set Teams:AppId, Teams:TenantId and Teams:ClientSecret.");
            }

            return failures.Select(f => new ValidationResult(f));
        }

        if (string.IsNullOrWhiteSpace(AppId))
        {
            failures.Add("Teams is partly configured: Teams:AppId is missing (the bot's Microsoft app id).");
        }

        if (string.IsNullOrWhiteSpace(TenantId))
        {
            failures.Add("Teams is partly configured: Teams:TenantId is missing (the Entra tenant of the bot registration).");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            failures.Add("Teams is partly configured: Teams:ClientSecret is missing (set the environment variable Teams__ClientSecret or a user-secret; never appsettings.json).");
        }

        CheckUrl(OpenIdMetadataUrl, "Teams:OpenIdMetadataUrl", failures);
        CheckUrl(TokenAuthority, "Teams:TokenAuthority", failures);
        if (string.IsNullOrWhiteSpace(ValidIssuer))
        {
            failures.Add("Teams:ValidIssuer must not be empty.");
        }

        for (var i = 0; i < QuizChannels.Count; i++)
        {
            var channel = QuizChannels[i];
            if (string.IsNullOrWhiteSpace(channel.ChannelId))
            {
                failures.Add($"Teams:QuizChannels:{i}:ChannelId is missing.");
            }

            if (!QuizSchedule.TryParseCron(channel.Cron ?? "", out _))
            {
                failures.Add($"Teams:QuizChannels:{i}:Cron '{channel.Cron}' is not a cron expression (minute hour day month weekday).");
            }

            if (!QuizSchedule.TryFindZone(channel.TimeZone, out _))
            {
                failures.Add($"Teams:QuizChannels:{i}:TimeZone '{channel.TimeZone}' is not a known time zone.");
            }

            if (!string.IsNullOrWhiteSpace(channel.ServiceUrl))
            {
                CheckUrl(channel.ServiceUrl, $"Teams:QuizChannels:{i}:ServiceUrl", failures);
            }
        }

        return failures.Select(f => new ValidationResult(f));
    }

    /// <summary>Teams refuses a package whose developer links are not https.</summary>
    private static void CheckHttps(string? value, string setting, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value) && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{setting} must be an absolute https URL (got '{value}').");
        }
    }

    private static void CheckUrl(string? value, string setting, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{setting} must be an absolute http(s) URL (got '{value}').");
        }
    }
}

/// <summary>A channel that gets the daily quiz under the deprecated <c>Teams:QuizChannels</c>.</summary>
public sealed class TeamsQuizChannelOptions
{
    /// <summary>The Teams channel id (<c>19:…@thread.skype</c> / <c>@thread.tacv2</c>).</summary>
    public string ChannelId { get; set; } = "";

    /// <summary>The connector URL for the channel's team, used until the bot has seen the team itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>5-field cron, for example <c>0 9 * * 1-5</c>.</summary>
    public string Cron { get; set; } = "0 9 * * 1-5";

    /// <summary>IANA or Windows time zone; UTC when empty.</summary>
    public string TimeZone { get; set; } = "UTC";
}

/// <summary>Validates <see cref="TeamsOptions"/> (generated at compile time).</summary>
[OptionsValidator]
internal sealed partial class TeamsOptionsValidator : IValidateOptions<TeamsOptions>;
