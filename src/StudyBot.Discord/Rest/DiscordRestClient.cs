using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using StudyBot.Discord.Payloads;

namespace StudyBot.Discord.Rest;

/// <summary>Discord answered with an error status.</summary>
public sealed class DiscordApiException(HttpStatusCode statusCode, string route, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The templated route (no ids or tokens).</summary>
    public string Route { get; } = route;
}

/// <summary>
/// The Discord REST calls the bot makes, on the factory's "Discord" client (<c>Authorization: Bot</c> is set on the
/// client; rate limits and retries are handled by its message handlers). A fresh client per call, so this class can be
/// held by singletons without pinning a handler.
/// </summary>
internal sealed class DiscordRestClient(IHttpClientFactory httpClients, IOptions<DiscordOptions> options)
{
    /// <summary>The name of the configured HTTP client (base address, bot token, rate limits, resilience).</summary>
    public const string HttpClientName = "Discord";

    private string ApplicationId => options.Value.ApplicationId ?? throw new InvalidOperationException("Discord:ApplicationId is missing.");

    /// <summary>POST /channels/{channel_id}/messages.</summary>
    public Task<CreatedMessage> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(HttpMethod.Post, $"channels/{Id(channelId)}/messages", message, cancellationToken);

    /// <summary>PATCH /channels/{channel_id}/messages/{message_id}.</summary>
    public Task<CreatedMessage> EditMessageAsync(string channelId, string messageId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(HttpMethod.Patch, $"channels/{Id(channelId)}/messages/{Id(messageId)}", message, cancellationToken);

    /// <summary>POST /channels/{channel_id}/messages/{message_id}/threads: a thread on a message; returns the thread (a channel).</summary>
    public Task<CreatedMessage> CreateThreadAsync(string channelId, string messageId, ThreadRequest thread, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(HttpMethod.Post, $"channels/{Id(channelId)}/messages/{Id(messageId)}/threads", thread, cancellationToken);

    /// <summary>POST /users/@me/channels: opens (or finds) the direct-message channel with a user.</summary>
    public Task<CreatedMessage> CreateDmChannelAsync(string userId, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(HttpMethod.Post, "users/@me/channels", new DmChannelRequest(Id(userId)), cancellationToken);

    /// <summary>POST /webhooks/{application_id}/{interaction_token}: a follow-up message.</summary>
    public Task<CreatedMessage> CreateFollowupAsync(string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(HttpMethod.Post, $"webhooks/{Id(ApplicationId)}/{Uri.EscapeDataString(interactionToken)}", message, cancellationToken);

    /// <summary>PATCH /webhooks/{application_id}/{interaction_token}/messages/@original: completes a deferred response.</summary>
    public Task<CreatedMessage> EditOriginalAsync(string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(HttpMethod.Patch, $"webhooks/{Id(ApplicationId)}/{Uri.EscapeDataString(interactionToken)}/messages/@original", message, cancellationToken);

    /// <summary>DELETE /webhooks/{application_id}/{interaction_token}/messages/@original: removes a deferred response.</summary>
    public Task DeleteOriginalAsync(string interactionToken, CancellationToken cancellationToken) =>
        SendNoContentAsync(HttpMethod.Delete, $"webhooks/{Id(ApplicationId)}/{Uri.EscapeDataString(interactionToken)}/messages/@original", null, cancellationToken);

    /// <summary>POST /channels/{channel_id}/typing: "StudyBot is typing…" for about ten seconds or until the bot posts.</summary>
    public Task TriggerTypingAsync(string channelId, CancellationToken cancellationToken) =>
        SendNoContentAsync(HttpMethod.Post, $"channels/{Id(channelId)}/typing", null, cancellationToken);

    /// <summary>PUT /applications/{application_id}/commands (or the guild's): bulk overwrite.</summary>
    public async Task<int> OverwriteCommandsAsync(IReadOnlyList<ApplicationCommand> commands, string? guildId, CancellationToken cancellationToken)
    {
        var path = guildId is null
            ? $"applications/{Id(ApplicationId)}/commands"
            : $"applications/{Id(ApplicationId)}/guilds/{Id(guildId)}/commands";
        var registered = await SendAsync<List<RegisteredCommand>>(HttpMethod.Put, path, commands, cancellationToken).ConfigureAwait(false);
        return registered.Count;
    }

    /// <summary>GET /gateway/bot: the URL to connect the gateway to.</summary>
    public async Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken)
    {
        var info = await SendAsync<GatewayBotInfo>(HttpMethod.Get, "gateway/bot", null, cancellationToken).ConfigureAwait(false);
        return new Uri(info.Url);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(DiscordJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new DiscordApiException(response.StatusCode, RouteKey.From(response.RequestMessage!).Route, "Discord answered with an empty body.");
    }

    /// <summary>For the calls Discord answers with 204 No Content.</summary>
    private async Task SendNoContentAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, path, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: DiscordJson.Options);
        }

        var http = httpClients.CreateClient(HttpClientName);
        var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            var route = RouteKey.From(request).Route;
            throw new DiscordApiException(response.StatusCode, route, response.StatusCode == HttpStatusCode.Unauthorized
                ? "Discord rejected the bot token (401). Check Discord__BotToken."
                : $"Discord answered {(int)response.StatusCode} {response.ReasonPhrase} to {route}.");
        }

        return response;
    }

    private static string Id(string snowflake) =>
        snowflake.Length is > 0 and <= 20 && snowflake.All(char.IsAsciiDigit) ? snowflake : throw new ArgumentException($"'{snowflake}' is not a Discord id.", nameof(snowflake));
}
