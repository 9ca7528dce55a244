using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace StudyBot.Web;

/// <summary>The <c>WebChat</c> configuration section.</summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>The one channel of the web chat (where the quiz posts).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "WebChat:ChannelId must be 1–64 letters, digits, '.', '_' or '-'.")]
    public string ChannelId { get; set; } = "web";

    /// <summary>
    /// The token that turns on admin mode in the page. A secret: set it with the environment variable
    /// <c>WebChat__AdminToken</c> or user-secrets, never in appsettings.json. When it is not set, a random token is
    /// made at start and written once to the log, for the person running the bot locally.
    /// </summary>
    [MinLength(24, ErrorMessage = "WebChat:AdminToken must be at least 24 characters long.")]
    public string? AdminToken { get; set; }

    /// <summary>
    /// A secret that visitors need to use the web chat (open <c>/?access=TOKEN</c> once; scripts send the header
    /// <c>X-StudyBot-Access</c>). Without it the web chat answers only when <c>Urls</c> is loopback-only: web user ids
    /// are whatever the browser says, which is fine for one person on 127.0.0.1 but not for strangers.
    /// </summary>
    [MinLength(24, ErrorMessage = "WebChat:AccessToken must be at least 24 characters long.")]
    public string? AccessToken { get; set; }

    /// <summary>Wrong admin tokens a client address may send before it gets 429 (then one more per
    /// <see cref="AdminGuessReplenishmentSeconds"/>).</summary>
    [Range(1, 10_000)]
    public int AdminGuessLimit { get; set; } = 10;

    /// <summary>How often one more wrong admin token is allowed once <see cref="AdminGuessLimit"/> is spent.</summary>
    [Range(1, 86_400)]
    public int AdminGuessReplenishmentSeconds { get; set; } = 60;
}

/// <summary>Validates <see cref="WebChatOptions"/> (generated at compile time).</summary>
[OptionsValidator]
internal sealed partial class WebChatOptionsValidator : IValidateOptions<WebChatOptions>;
