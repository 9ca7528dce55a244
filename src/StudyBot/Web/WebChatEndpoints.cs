using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;

namespace StudyBot.Web;

/// <summary>The web chat's JSON API: <c>POST /api/chat</c>, the channel feed and the admin token check.</summary>
internal static class WebChatEndpoints
{
    private const int MaxUserIdLength = 100;
    private const int MaxDisplayNameLength = 80;
    private const int MaxActionLength = 100;
    private const int MaxBodyBytes = 64 * 1024;

    public static void MapChatApi(this IEndpointRouteBuilder endpoints)
    {
        // A message is at most a few thousand characters; refuse megabyte bodies before parsing them (413), on every
        // endpoint of the group.
        var api = endpoints.MapGroup("/api").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapPost("/chat", PostChatAsync);
        api.MapPost("/admin/check", (AdminCheckRequest request, AdminToken token, HttpContext context) =>
            token.Check(request.AdminToken, context) switch
            {
                AdminTokenCheck.Match => Results.Ok(new { admin = true }),
                AdminTokenCheck.TooManyGuesses => TooManyGuesses(),
                _ => Results.Json(new { admin = false }, statusCode: StatusCodes.Status401Unauthorized),
            });
        api.MapGet("/channels/{channelId}/messages", GetMessagesAsync);
        api.MapGet("/webchat", (IOptions<WebChatOptions> options, IOptions<ChatOptions> chat) =>
            Results.Ok(new { channelId = options.Value.ChannelId, maxMessageLength = chat.Value.MaxMessageLength }));
    }

    private static async Task<IResult> PostChatAsync(
        HttpRequest http, IConversation conversation, AdminToken adminToken, IOptions<WebChatOptions> options, CancellationToken cancellationToken)
    {
        // The body is read here rather than bound by the framework, so a script that sends something malformed
        // learns what is wrong ({"error": …}) instead of getting an empty 400.
        if (!http.HasJsonContentType())
        {
            return Results.Json(new { error = "Send the request as JSON (Content-Type: application/json)." }, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        ChatRequest? request;
        try
        {
            request = await http.ReadFromJsonAsync<ChatRequest>(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return Results.BadRequest(new { error = $"The body is not a valid chat request (JSON error at {exception.Path ?? "$"}, line {exception.LineNumber + 1})." });
        }
        catch (BadHttpRequestException exception)
        {
            return Results.Json(new { error = exception.Message }, statusCode: exception.StatusCode);
        }

        if (request is null)
        {
            return Results.BadRequest(new { error = "The body must be a JSON object." });
        }

        if (Validate(request) is { } error)
        {
            return Results.BadRequest(new { error });
        }

        var check = adminToken.Check(request.AdminToken, http.HttpContext);
        if (check == AdminTokenCheck.TooManyGuesses)
        {
            return TooManyGuesses();
        }

        var isAdmin = check == AdminTokenCheck.Match;
        var message = new IncomingMessage(
            Platforms.Web,
            options.Value.ChannelId,
            request.UserId!.Trim(),
            string.IsNullOrWhiteSpace(request.DisplayName) ? "Guest" : request.DisplayName.Trim(),
            request.Text ?? "",
            MentionedBot: true,
            IsAdmin: isAdmin,
            ActionData: string.IsNullOrEmpty(request.Action) ? null : request.Action);
        var reply = await conversation.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        var status = reply.Kind == ReplyKind.RateLimited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK;
        return Results.Json(new ChatResponse([ReplyDto.From(reply)]), WebJson.Options, statusCode: status);
    }

    private static IResult TooManyGuesses() =>
        Results.Json(new { error = "Too many wrong admin tokens from this address; try again later." }, statusCode: StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> GetMessagesAsync(
        string channelId, long? after, WebChannelPublisher publisher, IOptions<WebChatOptions> options, CancellationToken cancellationToken)
    {
        // Only the configured channel exists; anything else is refused before it can be remembered or queried.
        if (!string.Equals(channelId, options.Value.ChannelId, StringComparison.Ordinal))
        {
            return Results.NotFound(new { error = "No such channel." });
        }

        var posts = await publisher.GetPostsAsync(channelId, after ?? 0, cancellationToken).ConfigureAwait(false);
        var messages = posts.Select(p => new ChannelMessageDto(p.Id, p.MessageId, p.PostedAt, ReplyDto.From(p.Reply))).ToList();
        return Results.Json(new ChannelMessagesResponse(channelId, messages), WebJson.Options);
    }

    private static string? Validate(ChatRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.UserId) || request.UserId.Trim().Length > MaxUserIdLength)
        {
            return $"userId is required (at most {MaxUserIdLength} characters).";
        }

        if (request.DisplayName is { Length: > MaxDisplayNameLength })
        {
            return $"displayName is at most {MaxDisplayNameLength} characters.";
        }

        if (request.Text is null && string.IsNullOrEmpty(request.Action))
        {
            return "Send text or action.";
        }

        return request.Action is { Length: > MaxActionLength } ? $"action is at most {MaxActionLength} characters." : null;
    }

    private sealed record AdminCheckRequest(string? AdminToken);
}
