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
internal sealed partial class BotTokenValidator
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

    /// <summary>Bot Framework tokens are about 1.5 KB; a header far longer is not one.</summary>
    private const int MaxTokenLength = 16 * 1024;

    /// <summary>How long a request waits for the OpenID metadata; the fetch itself goes on in the background and its
    /// result is cached, so an unreachable Microsoft costs each request this much at most, not the retries' minutes.</summary>
    private static readonly TimeSpan MetadataWait = TimeSpan.FromSeconds(5);

    /// <summary>At most one forced metadata fetch for an unknown key id per this interval: key ids are chosen by
    /// whoever sends the token, so each one must not cost a request to Microsoft.</summary>
    private static readonly TimeSpan MinForcedRefreshInterval = TimeSpan.FromSeconds(30);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private readonly HttpDocumentRetriever _retriever;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private OpenIdConnectConfiguration? _refreshed;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;
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
        _retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            // Only a loopback test fake may serve the keys over plain http.
            RequireHttps = !metadata.IsLoopback,
        };
        _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
            _options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), _retriever);
    }

    /// <summary>Validates <paramref name="authorizationHeader"/>; null when it is not acceptable.</summary>
    public async Task<BotIdentity?> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        const string prefix = "Bearer ";
        if (string.IsNullOrEmpty(authorizationHeader) || !authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            LogNoToken(_logger);
            return null;
        }

        var token = authorizationHeader[prefix.Length..].Trim();

        // Everything that can be checked without the keys is checked first, so a malformed or foreign token costs
        // no metadata fetch.
        if (PreCheck(token) is { } malformed)
        {
            LogMalformed(_logger, malformed);
            return null;
        }

        var config = await CachedConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var result = config is null ? null : await ValidateOnceAsync(token, config).ConfigureAwait(false);
        if (result is null || (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException))
        {
            // Keys roll over: fetch the metadata now, and retry with what was fetched (RequestRefresh alone would
            // refresh in the background and the retry would still see the old keys).
            config = await FreshConfigurationAsync(cancellationToken).ConfigureAwait(false);
            result = config is null ? null : await ValidateOnceAsync(token, config).ConfigureAwait(false);
        }

        if (result is null || config is null)
        {
            LogMetadataLate(_logger, _options.OpenIdMetadataUrl);
            return null;
        }

        if (!result.IsValid)
        {
            LogRejected(_logger, result.Exception?.GetType().Name ?? "invalid");
            return null;
        }

        var keyId = (result.SecurityToken as JsonWebToken)?.Kid;
        return new BotIdentity(result.ClaimsIdentity, Endorsements(config, keyId));
    }

    /// <summary>Why the token cannot be valid whatever the keys are (shape, algorithm, key id, issuer, audience,
    /// lifetime), or null when it is worth checking its signature.</summary>
    private string? PreCheck(string token)
    {
        if (token.Length > MaxTokenLength || !_handler.CanReadToken(token))
        {
            return "not a JWT";
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return "not a JWT";
        }

        if (!string.Equals(jwt.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal) || string.IsNullOrEmpty(jwt.Kid))
        {
            return "not signed RS256 with a key id";
        }

        if (!string.Equals(jwt.Issuer, _options.ValidIssuer, StringComparison.Ordinal) || !jwt.Audiences.Contains(_options.AppId, StringComparer.Ordinal))
        {
            return "wrong issuer or audience";
        }

        var validTo = jwt.ValidTo == DateTime.MinValue ? (DateTime?)null : jwt.ValidTo;
        var validFrom = jwt.ValidFrom == DateTime.MinValue ? (DateTime?)null : jwt.ValidFrom;
        return IsWithinLifetime(validFrom, validTo, jwt, new TokenValidationParameters()) ? null : "outside its lifetime";
    }

    /// <summary>The cached metadata, waiting at most <see cref="MetadataWait"/> for a fetch; null when none came.</summary>
    private async Task<OpenIdConnectConfiguration?> CachedConfigurationAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _configuration.GetConfigurationAsync(CancellationToken.None).WaitAsync(MetadataWait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
        {
            LogMetadataFailed(_logger, ex, _options.OpenIdMetadataUrl);
            return Volatile.Read(ref _refreshed);
        }
    }

    /// <summary>Fetches the metadata now (at most once per <see cref="MinForcedRefreshInterval"/>, else the last
    /// forced result), waiting at most <see cref="MetadataWait"/>.</summary>
    private async Task<OpenIdConnectConfiguration?> FreshConfigurationAsync(CancellationToken cancellationToken)
    {
        if (!await _refreshLock.WaitAsync(MetadataWait, cancellationToken).ConfigureAwait(false))
        {
            return Volatile.Read(ref _refreshed);
        }

        try
        {
            var now = _time.GetUtcNow();
            if (now - _lastForcedRefresh < MinForcedRefreshInterval)
            {
                return Volatile.Read(ref _refreshed);
            }

            _lastForcedRefresh = now;
            var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(_options.OpenIdMetadataUrl, _retriever, CancellationToken.None)
                .WaitAsync(MetadataWait, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _refreshed, fresh);
            _configuration.RequestRefresh();
            return fresh;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
        {
            LogMetadataFailed(_logger, ex, _options.OpenIdMetadataUrl);
            return Volatile.Read(ref _refreshed);
        }
        finally
        {
            _refreshLock.Release();
        }
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

    private async Task<TokenValidationResult> ValidateOnceAsync(string token, OpenIdConnectConfiguration config)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams request without a bearer token")]
    private static partial void LogNoToken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams token rejected before its signature was checked: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams token rejected: the OpenID metadata at {Url} could not be read in time")]
    private static partial void LogMetadataLate(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams token rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the OpenID metadata at {Url}")]
    private static partial void LogMetadataFailed(ILogger logger, Exception exception, string url);
}
