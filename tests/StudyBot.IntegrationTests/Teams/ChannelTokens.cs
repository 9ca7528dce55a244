using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>Mints the bearer tokens the Bot Framework channel would send, signed RS256 with a test key.</summary>
public static class ChannelTokens
{
    public static string Create(
        RSA key,
        string audience,
        string serviceUrl,
        string issuer = FakeMicrosoft.Issuer,
        string keyId = FakeMicrosoft.KeyId,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(59),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(
            $$"""{"iss":"{{FakeMicrosoft.Issuer}}","aud":"{{audience}}","serviceurl":"{{serviceUrl}}","nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(59).ToUnixTimeSeconds()}}}"""));
        return $"{header}.{payload}.";
    }

    /// <summary>A signed token whose payload was changed afterwards (the signature no longer matches).</summary>
    public static string Tampered(RSA key, string audience, string serviceUrl)
    {
        var parts = Create(key, audience, serviceUrl).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var changed = payload.Replace(serviceUrl, serviceUrl.Replace("/amer/", "/emea/", StringComparison.Ordinal), StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(changed))}.{parts[2]}";
    }
}
