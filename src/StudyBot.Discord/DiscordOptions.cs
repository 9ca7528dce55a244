using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace StudyBot.Discord;

/// <summary>The <c>Discord</c> configuration section. Without it Discord is off.</summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string SectionName = "Discord";

    /// <summary>The application (client) id from the Developer Portal.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key, 64 hex characters, used to verify interactions.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The bot token. A secret: set it with the <c>Discord__BotToken</c> environment variable or user-secrets.</summary>
    public string? BotToken { get; set; }

    /// <summary>The REST API base; tests point it at a loopback fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>Connect to the gateway to hear @mentions in channels.</summary>
    public bool GatewayEnabled { get; set; }

    /// <summary>Ask the gateway for zlib-stream transport compression (Discord's recommended transport; events arrive
    /// a fraction of their size).</summary>
    public bool GatewayCompression { get; set; } = true;

    /// <summary>This process's shard, from 0 to <see cref="ShardCount"/> − 1: a bot in many guilds runs several
    /// processes, each hearing the @mentions of its share of the guilds (Discord requires shards past 2,500 guilds).</summary>
    public int ShardId { get; set; }

    /// <summary>How many shards (processes) share the bot's gateway traffic; 1 for a single process.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>Also ask for the privileged MESSAGE_CONTENT intent (must be enabled in the Developer Portal).</summary>
    public bool MessageContentIntent { get; set; }

    /// <summary>Members with any of these roles are admins.</summary>
    public IList<string> AdminRoleIds { get; set; } = [];

    /// <summary>These users are admins.</summary>
    public IList<string> AdminUserIds { get; set; } = [];

    /// <summary>Deprecated: channels that get the daily quiz, read into <c>Quiz:Channels</c> with a warning (use that).</summary>
    public IList<DiscordQuizChannel> QuizChannels { get; set; } = [];

    /// <summary>Start a thread on each daily quiz post, for the channel to discuss it without burying the next one.</summary>
    public bool QuizThreads { get; set; }

    /// <summary>How long an interaction may run before it is answered deferred (Discord allows 3 s).</summary>
    public TimeSpan InteractionBudget { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>True when the section has any setting, that is, when the operator means to turn Discord on.</summary>
    internal static bool IsConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return section.GetChildren().Any(c => c.Value is { Length: > 0 } || c.GetChildren().Any());
    }

    /// <summary>Names every missing or malformed setting, so a partial configuration stops the app with a clear message.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(ApplicationId))
        {
            failures.Add("Discord:ApplicationId is missing (the application id from the Developer Portal).");
        }
        else if (!IsSnowflake(ApplicationId))
        {
            failures.Add("Discord:ApplicationId must be a numeric id.");
        }

        if (string.IsNullOrWhiteSpace(PublicKey))
        {
            failures.Add("Discord:PublicKey is missing (the application's public key, 64 hex characters).");
        }
        else if (!IsHex(PublicKey, 64))
        {
            failures.Add("Discord:PublicKey must be 64 hex characters.");
        }

        if (string.IsNullOrWhiteSpace(BotToken))
        {
            failures.Add("Discord:BotToken is missing (set the Discord__BotToken environment variable or user-secrets).");
        }

        if (!ApiBaseUrl.IsAbsoluteUri)
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute URL.");
        }

        if (InteractionBudget <= TimeSpan.Zero || InteractionBudget >= TimeSpan.FromSeconds(3))
        {
            failures.Add("Discord:InteractionBudget must be between 0 and 3 seconds.");
        }

        if (ShardCount < 1)
        {
            failures.Add("Discord:ShardCount must be at least 1.");
        }
        else if (ShardId < 0 || ShardId >= ShardCount)
        {
            failures.Add($"Discord:ShardId must be between 0 and {ShardCount - 1} (Discord:ShardCount − 1).");
        }

        failures.AddRange(AdminRoleIds.Where(r => !IsSnowflake(r)).Select(r => $"Discord:AdminRoleIds has a non-numeric id '{r}'."));
        failures.AddRange(AdminUserIds.Where(u => !IsSnowflake(u)).Select(u => $"Discord:AdminUserIds has a non-numeric id '{u}'."));
        for (var i = 0; i < QuizChannels.Count; i++)
        {
            var channel = QuizChannels[i];
            if (string.IsNullOrWhiteSpace(channel.ChannelId) || !IsSnowflake(channel.ChannelId))
            {
                failures.Add($"Discord:QuizChannels:{i}:ChannelId is missing or not a numeric id.");
            }

            if (string.IsNullOrWhiteSpace(channel.Cron))
            {
                failures.Add($"Discord:QuizChannels:{i}:Cron is missing (for example \"0 9 * * 1-5\").");
            }
        }

        return failures.Select(f => new ValidationResult(f));
    }

    private static bool IsSnowflake(string value) =>
        value.Length is > 0 and <= 20 && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsHex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigit);

    internal bool IsAdmin(string userId, IEnumerable<string> roleIds) =>
        AdminUserIds.Contains(userId, StringComparer.Ordinal) || roleIds.Any(r => AdminRoleIds.Contains(r, StringComparer.Ordinal));
}

/// <summary>A channel that gets the daily quiz under the deprecated <c>Discord:QuizChannels</c>.</summary>
public sealed class DiscordQuizChannel
{
    public string? ChannelId { get; set; }

    /// <summary>A 5-field cron expression, for example <c>0 9 * * 1-5</c>.</summary>
    public string? Cron { get; set; }

    /// <summary>An IANA time zone such as <c>Europe/Berlin</c>; UTC when empty.</summary>
    public string? TimeZone { get; set; }
}

/// <summary>Validates <see cref="DiscordOptions"/> (generated at compile time).</summary>
[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;

/// <summary>
/// Stops the app when a JSON settings file (appsettings.json, not user-secrets) holds the bot token: the file is
/// committed and copied around, the token is a secret. Beside the generated validator because it reads where a value
/// came from, which the options class cannot see.
/// </summary>
internal sealed class DiscordSecretValidator(IConfiguration configuration) : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options) =>
        TokenInJsonFile() is { } file
            ? ValidateOptionsResult.Fail($"Discord:BotToken must not be in {file}: it is a secret; use the Discord__BotToken environment variable or user-secrets.")
            : ValidateOptionsResult.Success;

    /// <summary>The JSON settings file that holds the token, if one does (user-secrets excepted).</summary>
    private string? TokenInJsonFile() =>
        (configuration as IConfigurationRoot)?.Providers
            .OfType<JsonConfigurationProvider>()
            .Where(p => p.Source.Path is { } path && !path.Equals("secrets.json", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(p => p.TryGet($"{DiscordOptions.SectionName}:{nameof(DiscordOptions.BotToken)}", out var value) && !string.IsNullOrEmpty(value))
            ?.Source.Path;
}
