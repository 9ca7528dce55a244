using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace StudyBot.Web;

/// <summary>The web chat's admin token: the configured one, or one made for this run.</summary>
internal sealed class AdminToken
{
    private readonly byte[] _token;

    public AdminToken(IOptions<WebChatOptions> options)
    {
        var configured = options.Value.AdminToken;
        IsGenerated = string.IsNullOrEmpty(configured);
        Value = IsGenerated ? RandomNumberGenerator.GetHexString(32, lowercase: true) : configured!;
        _token = Encoding.UTF8.GetBytes(Value);
    }

    /// <summary>True when no token was configured and this one was made at start.</summary>
    public bool IsGenerated { get; }

    /// <summary>The token (log it only when <see cref="IsGenerated"/>).</summary>
    public string Value { get; }

    /// <summary>Compares in constant time.</summary>
    public bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);
}
