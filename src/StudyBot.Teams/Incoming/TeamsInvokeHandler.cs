using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Teams.Cards;

namespace StudyBot.Teams.Incoming;

/// <summary>
/// <c>invoke</c> activities, which Teams waits on and whose answer is the HTTP response itself (so they are not queued
/// like messages). Handled: the search message extension's <c>composeExtension/query</c>, which asks the notes and
/// offers the answer card, citations included, to insert into the compose box.
/// </summary>
internal sealed partial class TeamsInvokeHandler(IConversation conversation, IOptions<TeamsOptions> options, ILogger<TeamsInvokeHandler> logger)
{
    /// <summary>The search command's id in the app manifest (<c>composeExtensions</c>).</summary>
    public const string SearchCommandId = "searchNotes";

    /// <summary>The search command's one parameter.</summary>
    public const string SearchParameter = "question";

    private const int MaxPreviewText = 200;

    public async Task<IResult> HandleAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        switch (activity.Name)
        {
            case "composeExtension/query":
                return Results.Json(await SearchAsync(activity, cancellationToken).ConfigureAwait(false));
            default:
                // Teams shows the user that the app could not do it; nothing else is expected of the bot.
                LogUnhandled(logger, activity.Name);
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }
    }

    private async Task<JsonObject> SearchAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var question = Parameter(activity.Value, SearchParameter)?.Trim() ?? "";
        if (question.Length == 0 || activity.From is null)
        {
            // The first run, before anything is typed.
            return Message("Type a question to search the team's notes.");
        }

        var message = new IncomingMessage(
            Platforms.Teams,
            activity.PlaceId ?? activity.ConversationId ?? activity.From.Id,
            activity.From.AadObjectId ?? activity.From.Id,
            activity.From.Name ?? "",
            "ask " + question,
            MentionedBot: true,
            IsAdmin: activity.From.AadObjectId is { } aad && options.Value.AdminAadObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase));
        var reply = await conversation.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        if (reply.Kind is ReplyKind.RateLimited or ReplyKind.Error)
        {
            return Message(reply.Markdown);
        }

        // The card is posted by the user, so it carries no buttons: a 👍 pressed by a reader would answer for them.
        var card = ReplyRenderer.ToCard(reply with { Buttons = null, Title = reply.Title ?? question });
        var preview = new JsonObject
        {
            ["title"] = question,
            ["text"] = Shorten(reply.Markdown.Split('\n', 2)[0]),
        };
        return new JsonObject
        {
            ["composeExtension"] = new JsonObject
            {
                ["type"] = "result",
                ["attachmentLayout"] = "list",
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = ReplyRenderer.AdaptiveCardContentType,
                    ["content"] = card,
                    ["preview"] = new JsonObject { ["contentType"] = "application/vnd.microsoft.card.thumbnail", ["content"] = preview },
                }),
            },
        };
    }

    private static JsonObject Message(string text) => new()
    {
        ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text },
    };

    /// <summary>A query parameter's value: <c>value.parameters[{name, value}]</c>.</summary>
    private static string? Parameter(JsonElement? value, string name)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var parameter in parameters.EnumerateArray())
        {
            if (parameter.ValueKind == JsonValueKind.Object
                && parameter.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() == name
                && parameter.TryGetProperty("value", out var text) && text.ValueKind == JsonValueKind.String)
            {
                return text.GetString();
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= MaxPreviewText ? text : text[..(MaxPreviewText - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams invoke {Name} is not handled; answered 501")]
    private static partial void LogUnhandled(ILogger logger, string? name);
}
