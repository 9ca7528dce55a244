using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace StudyBot.Teams.Auth;

/// <summary>Gets the bearer token for connector calls.</summary>
internal interface IConnectorTokenProvider
{
    /// <summary>A token for the Bot Framework scope, from the cache while it is valid.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials tokens through MSAL's <see cref="IConfidentialClientApplication"/>, whose in-memory app token
/// cache keeps a token until shortly before it expires. MSAL talks through an <see cref="IHttpClientFactory"/> client,
/// so its HTTP stack is configured like the app's other clients.
/// </summary>
internal sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    internal const string HttpClientName = "StudyBot.Teams.Token";

    private readonly IConfidentialClientApplication _app;
    private readonly string[] _scopes;

    public MsalConnectorTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClients)
    {
        var o = options.Value;
        // MSAL accepts https authorities only; tests run the fake token endpoint over https on 127.0.0.1.
        var authority = $"{o.TokenAuthority.TrimEnd('/')}/{o.TenantId}";
        _app = ConfidentialClientApplicationBuilder
            .Create(o.AppId)
            .WithClientSecret(o.ClientSecret)
            .WithAuthority(authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new Factory(httpClients))
            .Build();
        _scopes = [o.TokenScope];
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private sealed class Factory(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }
}
