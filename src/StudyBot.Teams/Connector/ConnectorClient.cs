using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StudyBot.Teams.Auth;

namespace StudyBot.Teams.Connector;

/// <summary>A connector call that failed after the retries.</summary>
public sealed class ConnectorException(HttpStatusCode status, string operation, string? errorCode)
    : Exception($"Teams connector {operation} failed with {(int)status} {status}{(errorCode is null ? "" : $" ({errorCode})")}.")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The connector's error code, e.g. <c>BotNotInConversationRoster</c> (the bot is not installed there).</summary>
    public string? ErrorCode { get; } = errorCode;
}

/// <summary>What <c>POST /v3/conversations</c> answers.</summary>
internal sealed record CreatedConversation(string ConversationId, string? ActivityId);

/// <summary>
/// The Bot Framework connector REST API (<c>{serviceUrl}/v3/conversations…</c>), a typed client whose pipeline retries
/// 429, 412, 502 and 504 with exponential backoff and jitter (see <c>AddTeams</c>).
/// </summary>
internal sealed partial class ConnectorClient(HttpClient http, IConnectorTokenProvider tokens, ILogger<ConnectorClient> logger)
{
    /// <summary>Replies in the conversation (a channel thread keeps the reply in the thread).</summary>
    public async Task<string> ReplyAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");
        var response = await SendAsync(HttpMethod.Post, uri, activity, "reply", cancellationToken).ConfigureAwait(false);
        return Id(response, "id") ?? "";
    }

    /// <summary>Posts a new message into an existing conversation.</summary>
    public async Task<string> SendToConversationAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");
        var response = await SendAsync(HttpMethod.Post, uri, activity, "send", cancellationToken).ConfigureAwait(false);
        return Id(response, "id") ?? "";
    }

    /// <summary>Replaces an earlier bot message (an updated card).</summary>
    public async Task UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");
        activity["id"] = activityId;
        await SendAsync(HttpMethod.Put, uri, activity, "update", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a conversation: a new thread in a channel, or a 1:1 chat with a user.</summary>
    public async Task<CreatedConversation> CreateConversationAsync(string serviceUrl, JsonObject parameters, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, "v3/conversations");
        var response = await SendAsync(HttpMethod.Post, uri, parameters, "create conversation", cancellationToken).ConfigureAwait(false);
        var id = Id(response, "id") ?? throw new ConnectorException(HttpStatusCode.OK, "create conversation", "no conversation id in the response");
        return new CreatedConversation(id, Id(response, "activityId"));
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, Uri uri, JsonObject body, string operation, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonElement json = default;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                json = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                json = default;
            }
        }

        if (!response.IsSuccessStatusCode)
        {
            var code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? Id(error, "code")
                : null;
            LogFailed(logger, operation, uri.Host, (int)response.StatusCode, code);
            throw new ConnectorException(response.StatusCode, operation, code);
        }

        return json;
    }

    private static Uri Url(string serviceUrl, string path) => new(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);

    private static string? Id(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams connector {Operation} to {Host} failed: {Status} {Code}")]
    private static partial void LogFailed(ILogger logger, string operation, string host, int status, string? code);
}
