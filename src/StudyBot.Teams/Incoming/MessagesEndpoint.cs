using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using StudyBot.Teams.Auth;

namespace StudyBot.Teams.Incoming;

/// <summary><c>POST /api/messages</c>: the token is checked before anything else is read.</summary>
internal static class MessagesEndpoint
{
    public const string Route = "/api/messages";
    private const long MaxBodyBytes = 256 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        BotTokenValidator validator,
        TeamsActivityHandler handler,
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
                logger.LogWarning("Teams token rejected: its serviceurl claim does not match the activity's serviceUrl");
                return Results.Unauthorized();
            }

            if (!identity.Endorses(activity.ChannelId))
            {
                logger.LogWarning("Teams token rejected: its signing key is not endorsed for channel {Channel}", activity.ChannelId);
                return Results.Unauthorized();
            }

            try
            {
                await handler.HandleAsync(activity, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Connector.ConnectorException or HttpRequestException or Microsoft.Identity.Client.MsalException)
            {
                // The activity was handled; the answer could not be delivered (the connector or its token service
                // failed). Teams does not retry, so say OK.
                logger.LogError(ex, "Could not deliver the reply to a Teams {Type} activity", activity.Type);
            }

            return Results.Ok();
        }
    }
}
