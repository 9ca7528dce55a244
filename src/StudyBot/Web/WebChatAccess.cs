using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Hosting;

namespace StudyBot.Web;

/// <summary>
/// Who may use the web chat's API. On a loopback-only bot with no <see cref="WebChatOptions.AccessToken"/>: anyone
/// (that is the person at the machine). With an access token: whoever has it, from a cookie set by
/// <c>/?access=TOKEN</c> or the <c>X-StudyBot-Access</c> header. Listening beyond loopback without a token: nobody,
/// since web identities are self-declared and one visitor could answer as another.
/// </summary>
internal sealed class WebChatAccess
{
    public const string CookieName = "studybot_access";
    public const string HeaderName = "X-StudyBot-Access";
    public const string QueryName = "access";

    private static readonly PathString[] GuardedPaths = ["/api/chat", "/api/admin", "/api/channels", "/api/webchat"];

    /// <summary>The notes' images: guarded like the chat, unless a public address is set for Discord and Teams to fetch
    /// them from (those platforms send no access token).</summary>
    private static readonly PathString NoteImages = "/api/notes";

    private readonly PathString[] _guarded;

    private readonly byte[]? _tokenDigest;
    private readonly string? _cookieValue;
    private readonly bool _loopbackOnly;

    public WebChatAccess(IOptions<WebChatOptions> options, IConfiguration configuration, IOptions<NoteImageOptions>? images = null)
    {
        _guarded = images?.Value.PublicBaseUrl is null ? [.. GuardedPaths, NoteImages] : GuardedPaths;
        var token = options.Value.AccessToken;
        _loopbackOnly = ListenAddresses.LoopbackOnly(configuration["urls"]);
        if (!string.IsNullOrEmpty(token))
        {
            _tokenDigest = SHA256.HashData(Encoding.UTF8.GetBytes(token));

            // The cookie holds a digest, not the token: a leaked cookie does not give away the link.
            _cookieValue = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("studybot-web-access\n" + token)));
        }
    }

    /// <summary>True when the web chat's API refuses everyone (beyond loopback without an access token).</summary>
    public bool IsOff => _tokenDigest is null && !_loopbackOnly;

    /// <summary>Null when the request may go on; else the response that refuses it.</summary>
    public IResult? Check(HttpContext context)
    {
        if (_tokenDigest is not null && context.Request.Query.TryGetValue(QueryName, out var query) && Matches(query.ToString()))
        {
            context.Response.Cookies.Append(CookieName, _cookieValue!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            return null;
        }

        if (!_guarded.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (_tokenDigest is null)
        {
            return !IsOff ? null : Results.Json(
                new { error = "The web chat is off: the bot listens beyond this machine (Urls) and WebChat:AccessToken is not set." },
                statusCode: StatusCodes.Status403Forbidden);
        }

        var cookie = context.Request.Cookies[CookieName];
        var allowed = (cookie is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(_cookieValue!)))
            || Matches(context.Request.Headers[HeaderName].ToString());
        return allowed ? null : Results.Json(
            new { error = "This web chat needs its access link (/?access=…) or the X-StudyBot-Access header." },
            statusCode: StatusCodes.Status401Unauthorized);
    }

    private bool Matches(string candidate) =>
        candidate.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _tokenDigest);
}
