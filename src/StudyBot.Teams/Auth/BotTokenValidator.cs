using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace StudyBot.Teams.Auth;

/// <summary>
/// Checks the bearer token the Bot Framework channel sends with every activity: RS256 signature with a key from the
/// OpenID metadata (cached by <see cref="ConfigurationManager{T}"/>), issuer, audience = the app id, lifetime with
/// 5 minutes of skew. The caller then compares the <c>serviceUrl</c> claim with the activity's.
/// </summary>
internal sealed class BotTokenValidator
{
    /// <summary>A token that passed: its claims, and the channels its signing key is endorsed for (null: not listed).</summary>
    internal sealed record BotIdentity(ClaimsIdentity Claims, IReadOnlyList<string>? Endorsements)
    {
        /// <summary>Keys that list endorsements may sign only for those channels (as the Bot Framework SDK checks).</summary>
        public bool Endorses(string? channelId) =>
            Endorsements is null || string.IsNullOrEmpty(channelId) || Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    internal const string HttpClientName = "StudyBot.Teams.OpenId";
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenValidator> _logger;

    public BotTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<BotTokenValidator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        var metadata = new Uri(_options.OpenIdMetadataUrl);
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            // Only a loopback test fake may serve the keys over plain http.
            RequireHttps = !metadata.IsLoopback,
        };
        _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
            _options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <summary>Validates <paramref name="authorizationHeader"/>; null when it is not acceptable.</summary>
    public async Task<BotIdentity?> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        const string prefix = "Bearer ";
        if (string.IsNullOrEmpty(authorizationHeader) || !authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            _logger.LogWarning("Teams request without a bearer token");
            return null;
        }

        var token = authorizationHeader[prefix.Length..].Trim();
        var result = await ValidateOnceAsync(token, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: fetch the metadata again once before giving up on an unknown key id.
            _configuration.RequestRefresh();
            result = await ValidateOnceAsync(token, cancellationToken).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            _logger.LogWarning("Teams token rejected: {Reason}", result.Exception?.GetType().Name ?? "invalid");
            return null;
        }

        var config = await _configuration.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var keyId = (result.SecurityToken as JsonWebToken)?.Kid;
        return new BotIdentity(result.ClaimsIdentity, Endorsements(config, keyId));
    }

    /// <summary>
    /// The channels the signing key is endorsed for (the Bot Framework JWKS lists them per key, e.g. "msteams");
    /// null when the key lists none.
    /// </summary>
    private static IReadOnlyList<string>? Endorsements(OpenIdConnectConfiguration config, string? keyId)
    {
        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array =>
                array.EnumerateArray().Select(e => e.ToString()).ToList(),
            IEnumerable<object> list => list.Select(o => o?.ToString() ?? "").ToList(),
            _ => null,
        };
    }

    private async Task<TokenValidationResult> ValidateOnceAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration config;
        try
        {
            config = await _configuration.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            _logger.LogError(ex, "Could not read the OpenID metadata at {Url}", _options.OpenIdMetadataUrl);
            return new TokenValidationResult { IsValid = false, Exception = ex };
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _options.ValidIssuer,
            ValidateIssuer = true,
            ValidAudience = _options.AppId,
            ValidateAudience = true,
            IssuerSigningKeys = config.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = Skew,
            // Lifetime is checked against the injected clock, so tests can move time.
            LifetimeValidator = IsWithinLifetime,
            TryAllIssuerSigningKeys = false,
        };
        return await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        return (notBefore is null || notBefore.Value <= now + Skew) && now - Skew < expires.Value;
    }
}
