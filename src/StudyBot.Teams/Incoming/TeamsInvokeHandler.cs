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
/// offers the answer card, citations included, to insert into the compose box; and <c>adaptiveCard/action</c>, a quiz
/// answer given with Action.Execute.
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
            case "adaptiveCard/action":
                return Results.Json(await ExecuteAsync(activity, cancellationToken).ConfigureAwait(false));
            default:
                // Teams shows the user that the app could not do it; nothing else is expected of the bot.
                LogUnhandled(logger, activity.Name);
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }
    }

    /// <summary>
    /// A Universal Action (a quiz answer's Action.Execute): the conversation core records it as a button press, and the
    /// reply goes back as the card the answering member sees in place of the question; the others keep the question
    /// until the reveal updates the message for everyone. A card <c>refresh</c> (verb <see cref="ReplyRenderer.ViewVerb"/>,
    /// sent when a member opens the card) gets that member's own view of the quiz.
    /// </summary>
    private async Task<JsonObject> ExecuteAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var action = activity.Value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var a)
            && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        var actionData = TeamsActivityHandler.ActionData(action is { } x && x.TryGetProperty("data", out var d) ? d : null);
        var refresh = action is { } y && y.TryGetProperty("verb", out var verb)
            && verb.ValueKind == JsonValueKind.String && verb.GetString() == ReplyRenderer.ViewVerb;
        if (actionData is null || activity.From is null)
        {
            return CardResponse(new Reply("That button is no longer active.", Kind: ReplyKind.QuizFeedback));
        }

        var reply = await conversation.HandleAsync(Incoming(activity, activity.From, "", actionData), cancellationToken).ConfigureAwait(false);
        if (refresh)
        {
            // A card refresh: the member's own view, which is the question with its buttons until they answer.
            return CardResponse(reply);
        }

        return CardResponse(reply with { Title = reply.Title ?? "Your answer", Buttons = null });
    }

    /// <summary>The invoke response that replaces the card for the member who acted.</summary>
    private static JsonObject CardResponse(Reply reply) => new()
    {
        ["statusCode"] = 200,
        ["type"] = ReplyRenderer.AdaptiveCardContentType,
        ["value"] = ReplyRenderer.ToCard(reply),
    };

    private IncomingMessage Incoming(TeamsActivity activity, TeamsAccount from, string text, string? actionData = null) => new(
        Platforms.Teams,
        activity.PlaceId ?? activity.ConversationId ?? from.Id,
        from.AadObjectId ?? from.Id,
        from.Name ?? "",
        text,
        MentionedBot: true,
        IsAdmin: from.AadObjectId is { } aad && options.Value.AdminAadObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase),
        ActionData: actionData);

    private async Task<JsonObject> SearchAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var question = Parameter(activity.Value, SearchParameter)?.Trim() ?? "";
        if (question.Length == 0 || activity.From is null)
        {
            // The first run, before anything is typed.
            return Message("Type a question to search the team's notes.");
        }

        var reply = await conversation.HandleAsync(Incoming(activity, activity.From, "ask " + question), cancellationToken).ConfigureAwait(false);
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
