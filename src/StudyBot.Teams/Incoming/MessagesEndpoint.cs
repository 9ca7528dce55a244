using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using StudyBot.Teams.Auth;

namespace StudyBot.Teams.Incoming;

/// <summary><c>POST /api/messages</c>: the token is checked before anything else is read.</summary>
internal static partial class MessagesEndpoint
{
    public const string Route = "/api/messages";
    private const long MaxBodyBytes = 256 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        BotTokenValidator validator,
        TeamsActivityQueue queue,
        TeamsInvokeHandler invokes,
        ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint).FullName!);
        var identity = await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        if (identity is null)
        {
            return Results.Unauthorized();
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // Activities are small; a chunked body without a length gets the same cap.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        catch (BadHttpRequestException ex)
        {
            return Results.StatusCode(ex.StatusCode);
        }

        using (document)
        {
            var activity = TeamsActivity.Parse(document.RootElement);
            if (activity is null)
            {
                return Results.BadRequest();
            }

            // The token must have been issued for the connector this activity says it came from.
            var claim = identity.Claims.FindFirst("serviceurl")?.Value;
            if (claim is null || !string.Equals(claim.TrimEnd('/'), activity.ServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                LogServiceUrlMismatch(logger);
                return Results.Unauthorized();
            }

            if (!identity.Endorses(activity.ChannelId))
            {
                LogNotEndorsed(logger, activity.ChannelId);
                return Results.Unauthorized();
            }

            if (activity.Type == "invoke")
            {
                // Teams waits for an invoke's answer in this response (a message extension's results).
                return await invokes.HandleAsync(activity, cancellationToken).ConfigureAwait(false);
            }

            // Acknowledged now, answered proactively: Teams may send the activity again when the answer takes long.
            if (!queue.TryEnqueue(activity))
            {
                LogQueueFull(logger, TeamsActivityQueue.Capacity);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Ok();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams token rejected: its serviceurl claim does not match the activity's serviceUrl")]
    private static partial void LogServiceUrlMismatch(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams token rejected: its signing key is not endorsed for channel {Channel}")]
    private static partial void LogNotEndorsed(ILogger logger, string? channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity refused: {Capacity} activities are waiting")]
    private static partial void LogQueueFull(ILogger logger, int capacity);
}
