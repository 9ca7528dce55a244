using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>A request the fake connector received, with the spec errors of its body.</summary>
public sealed record ConnectorRequest(string Method, string Path, string? ConversationId, string? ActivityId, JsonNode Body, string? Authorization, IReadOnlyList<string> SpecErrors);

/// <summary>
/// Microsoft's servers on loopback: the Bot Framework OpenID metadata and JWKS (http), the Entra token endpoint (https,
/// self-signed: MSAL accepts only https authorities) and the connector REST API (http), which checks every body
/// against the connector swagger.
/// </summary>
public sealed class FakeMicrosoft : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "test-signing-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<ConnectorRequest> _typing = new();
    private readonly ConcurrentQueue<HttpStatusCode> _failures = new();
    private readonly ConcurrentQueue<(string KeyId, RSA Key)> _extraKeys = new();
    private int _tokenRequests;
    private int _metadataRequests;
    private int _nextId = 1000;

    private FakeMicrosoft(WebApplication app, RSA signingKey, X509Certificate2 certificate)
    {
        _app = app;
        SigningKey = signingKey;
        Certificate = certificate;
    }

    /// <summary>The key the fake channel signs tokens with (published in the JWKS).</summary>
    public RSA SigningKey { get; }

    /// <summary>The token endpoint's self-signed certificate.</summary>
    public X509Certificate2 Certificate { get; }

    public string HttpBase { get; private set; } = "";

    public string HttpsBase { get; private set; } = "";

    public string MetadataUrl => $"{HttpBase}/v1/.well-known/openidconfiguration";

    /// <summary>The connector's serviceUrl as Teams sends it (with a trailing slash).</summary>
    public string ServiceUrl => $"{HttpBase}/amer/";

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>How often the OpenID metadata document was fetched.</summary>
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>Publishes one more signing key in the JWKS (a key rollover), endorsed for msteams.</summary>
    public void PublishKey(string keyId, RSA key) => _extraKeys.Enqueue((keyId, key));

    public IReadOnlyList<ConnectorRequest> Requests => _requests.ToArray();

    /// <summary>The typing activities the bot sent, apart from <see cref="Requests"/>.</summary>
    public IReadOnlyList<ConnectorRequest> Typing => _typing.ToArray();

    /// <summary>The next connector calls answer these statuses, in order, before succeeding again.</summary>
    public void FailNext(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    public static async Task<FakeMicrosoft> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate));
        });
        var app = builder.Build();
        var fake = new FakeMicrosoft(app, rsa, certificate);
        fake.Map(app);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        fake.HttpBase = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        fake.HttpsBase = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Interlocked.Increment(ref _metadataRequests) > 0 ? Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com/v1/auth",
            ["jwks_uri"] = $"{HttpBase}/v1/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }) : Results.StatusCode(500));
        app.MapGet("/v1/keys", () =>
        {
            return Results.Json(new
            {
                keys = _extraKeys.Prepend((KeyId: KeyId, Key: SigningKey)).Select(k =>
                {
                    var p = k.Key.ExportParameters(false);
                    return new { kty = "RSA", use = "sig", kid = k.KeyId, alg = "RS256", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements = new[] { "msteams" } };
                }).ToArray(),
            });
        });
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["client_id"]) || string.IsNullOrEmpty(form["client_secret"])
                || form["scope"] != "https://api.botframework.com/.default")
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            var n = Interlocked.Increment(ref _tokenRequests);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"connector-token-{n}" });
        });
        app.MapPost("/amer/v3/conversations", (Delegate)((HttpContext c) => Connector(c, "ConversationParameters", null, null))).WithName("create");
        app.MapPost("/amer/v3/conversations/{conversationId}/activities", (HttpContext c, string conversationId) => Connector(c, "Activity", conversationId, null));
        app.MapPost("/amer/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => Connector(c, "Activity", conversationId, activityId));
        app.MapPut("/amer/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => Connector(c, "Activity", conversationId, activityId));
    }

    private async Task<IResult> Connector(HttpContext context, string definition, string? conversationId, string? activityId)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        var errors = await ConnectorSpec.ValidateAsync(definition, body);
        if ((string?)body["type"] == "typing")
        {
            // Kept apart from the messages (and never failed on purpose), so tests count replies as before.
            _typing.Enqueue(new ConnectorRequest(
                context.Request.Method, context.Request.Path, conversationId, activityId, body, context.Request.Headers.Authorization.ToString(), errors));
            return Results.Json(new { id = "typing" }, statusCode: 201);
        }

        _requests.Enqueue(new ConnectorRequest(
            context.Request.Method, context.Request.Path, conversationId, activityId, body, context.Request.Headers.Authorization.ToString(), errors));
        if (_failures.TryDequeue(out var failure))
        {
            return Results.Json(new { error = new { code = failure == HttpStatusCode.Forbidden ? "BotNotInConversationRoster" : "ServiceError", message = "fake" } }, statusCode: (int)failure);
        }

        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (definition == "ConversationParameters")
        {
            var isGroup = body["isGroup"]?.GetValue<bool>() ?? false;
            var channel = body["channelData"]?["channel"]?["id"]?.GetValue<string>();
            return isGroup && channel is not null
                ? Results.Json(new { id = $"{channel};messageid={id}", activityId = id }, statusCode: 201)
                : Results.Json(new { id = $"a:personal-chat-{body["members"]?[0]?["id"]?.GetValue<string>()}" }, statusCode: 201);
        }

        return Results.Json(new { id }, statusCode: context.Request.Method == "PUT" ? 200 : 201);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Stops the fake, then fails the test when the bot sent a card that adaptivecards rejects for Teams.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SigningKey.Dispose();
        Certificate.Dispose();
        Validation.PlatformValidators.AssertAllValid(
            Requests.SelectMany(r => Validation.PlatformValidators.CardsIn(r.Body)).Select(card => (Validation.PlatformValidators.AdaptiveCard, card)),
            "The fake Teams connector");
    }
}
