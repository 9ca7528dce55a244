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

    private readonly Lazy<IConfidentialClientApplication> _app;
    private readonly IOptions<TeamsOptions> _options;

    public MsalConnectorTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClients)
    {
        // Built on first use: resolving the publisher at start must not read (and so validate) the options early.
        _app = new Lazy<IConfidentialClientApplication>(() => Build(options.Value, httpClients));
        _options = options;
    }

    private static IConfidentialClientApplication Build(TeamsOptions o, IHttpClientFactory httpClients) =>
        // MSAL accepts https authorities only; tests run the fake token endpoint over https on 127.0.0.1.
        ConfidentialClientApplicationBuilder
            .Create(o.AppId)
            .WithClientSecret(o.ClientSecret)
            .WithAuthority($"{o.TokenAuthority.TrimEnd('/')}/{o.TenantId}", validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new Factory(httpClients))
            .Build();

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _app.Value.AcquireTokenForClient([_options.Value.TokenScope]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private sealed class Factory(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }
}
