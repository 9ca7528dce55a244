using System.Text;
using System.Text.Json.Nodes;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Teams.Cards;

/// <summary>
/// Turns a platform-neutral <see cref="Reply"/> into a Bot Framework message activity: plain answers as markdown text
/// with their citations, the quiz question, reveal and leaderboard (and anything with buttons) as an Adaptive Card
/// built by hand.
/// </summary>
internal static class ReplyRenderer
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string CardSchema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Adaptive Card 1.4 renders on every Teams client (desktop, web, mobile).</summary>
    public const string CardVersion = "1.4";

    /// <summary>More buttons than this become one drop-down (Input.ChoiceSet) and one submit: Teams shows at most
    /// six card actions on some clients, and the rest could not be clicked.</summary>
    public const int MaxButtons = 5;

    /// <summary>Universal Actions (Action.Execute) need card version 1.5; Teams renders older cards' Action.Execute unreliably.</summary>
    public const string UniversalCardVersion = "1.5";

    /// <summary>The verb of a quiz answer's Action.Execute (an <c>adaptiveCard/action</c> invoke).</summary>
    public const string AnswerVerb = "quizAnswer";

    /// <summary>The verb of a card's <c>refresh</c> action: Teams asks for the opening member's own view of the card.</summary>
    public const string ViewVerb = "quizView";

    /// <summary>The input id of the choice drop-down; its value comes back as the activity's <c>value.choice</c>.</summary>
    public const string ChoiceInputId = "choice";

    /// <summary>The input id of a button's text prompt ("what was wrong"); its value comes back as <c>value.comment</c>.</summary>
    public const string PromptInputId = "comment";

    /// <summary>True when the reply is shown as a card.</summary>
    public static bool UsesCard(Reply reply) =>
        reply.ButtonList.Count > 0 || reply.Kind is ReplyKind.Quiz or ReplyKind.QuizReveal or ReplyKind.Leaderboard;

    /// <summary>A <c>message</c> activity carrying <paramref name="reply"/>; addressing fields are added by the caller.</summary>
    public static JsonObject ToActivity(Reply reply)
    {
        var activity = new JsonObject { ["type"] = "message" };
        if (UsesCard(reply))
        {
            // The summary shows in notifications and the chat list, where cards are not rendered.
            activity["summary"] = reply.Title ?? FirstLine(reply.Markdown);
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardContentType,
                ["content"] = ToCard(reply),
            });
        }
        else
        {
            activity["textFormat"] = "markdown";
            activity["text"] = ToMarkdown(reply);
        }

        return activity;
    }

    /// <summary>
    /// The reply as Teams markdown, citations under it. Teams reads a message's markdown as HTML too, so a bare
    /// <c>&lt;</c> would start a tag and swallow text ("ask &lt;question&gt;" showed as "ask"): it is written as an
    /// entity. Citation labels and quotes are the notes' own text, so their markdown characters are escaped and the
    /// quote is set off with quotation marks rather than <c>_…_</c>, which an underscore in the notes broke.
    /// </summary>
    public static string ToMarkdown(Reply reply)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            text.Append("**").Append(EscapeHtml(reply.Title)).Append("**\n\n");
        }

        text.Append(EscapeHtml(reply.Markdown));
        foreach (var image in reply.ImageList)
        {
            text.Append("\n\n").Append(image.Url is { } url
                ? $"![{EscapeHtml(MarkdownText.Escape(string.IsNullOrWhiteSpace(image.Alt) ? image.Path : image.Alt))}]({url})"
                : EscapeHtml(MarkdownText.Escape(NoteImageText.Placeholder(image))));
        }

        if (reply.CitationList.Count > 0)
        {
            text.Append("\n\n**Sources**\n");
            foreach (var citation in reply.CitationList)
            {
                var label = EscapeHtml(MarkdownText.Escape(CitationLabel(citation)));
                text.Append("\n- ").Append(citation.Url is null ? label : $"[{label}]({citation.Url})");
                if (!string.IsNullOrWhiteSpace(citation.Snippet))
                {
                    text.Append(" — “").Append(EscapeHtml(MarkdownText.Escape(OneLine(citation.Snippet)))).Append('”');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <c>&amp;</c> and <c>&lt;</c> as entities, so Teams shows them instead of reading HTML.</summary>
    internal static string EscapeHtml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    /// <summary>The Adaptive Card for a reply: title, text, citations, one Action.Submit per button.</summary>
    public static JsonObject ToCard(Reply reply)
    {
        var body = new JsonArray();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = reply.Title,
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
            });
        }

        if (!string.IsNullOrWhiteSpace(reply.Markdown))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = reply.Markdown, ["wrap"] = true });
        }

        foreach (var image in reply.ImageList)
        {
            // Teams fetches a card image from its URL, or takes a small one inline; otherwise the name stands in for it.
            body.Add((image.Url ?? image.DataUri) is { } url
                ? new JsonObject { ["type"] = "Image", ["url"] = url, ["altText"] = string.IsNullOrWhiteSpace(image.Alt) ? image.Path : image.Alt, ["size"] = "Auto" }
                : new JsonObject { ["type"] = "TextBlock", ["text"] = NoteImageText.Placeholder(image), ["size"] = "Small", ["isSubtle"] = true, ["wrap"] = true });
        }

        if (reply.CitationList.Count > 0)
        {
            var items = new JsonArray();
            foreach (var citation in reply.CitationList)
            {
                items.Add(new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = CitationLink(citation),
                    ["size"] = "Small",
                    ["weight"] = "Bolder",
                    ["isSubtle"] = true,
                    ["wrap"] = true,
                });
                if (!string.IsNullOrWhiteSpace(citation.Snippet))
                {
                    items.Add(new JsonObject
                    {
                        ["type"] = "TextBlock",
                        ["text"] = OneLine(citation.Snippet),
                        ["size"] = "Small",
                        ["isSubtle"] = true,
                        ["wrap"] = true,
                        ["spacing"] = "None",
                    });
                }
            }

            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items });
        }

        // A quiz answer is a Universal Action: Teams sends it as an invoke and shows the answering member the card the
        // bot returns, in place of the question, while everyone else still sees the question. Older clients use the
        // Action.Submit fallback, answered in the member's 1:1 chat as before.
        var universal = reply.Kind == ReplyKind.Quiz;

        // A card action cannot be shown disabled on every Teams client, so a revealed quiz's disabled buttons are left
        // out: its text already lists each choice with how many chose it and marks the right one.
        var buttons = reply.ButtonList.Where(b => !b.Disabled).ToList();

        // A button that asks for a text first is the field itself plus its submit: the card has no second step, and
        // the field's value comes back with the action (value.comment).
        if (buttons.FirstOrDefault(b => b.Prompt is not null) is { Prompt: { } prompt })
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = PromptInputId,
                ["label"] = prompt.Label,
                ["placeholder"] = prompt.Placeholder,
                ["maxLength"] = prompt.MaxLength,
                ["isMultiline"] = true,
            });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = CardSchema,
            ["version"] = universal ? UniversalCardVersion : CardVersion,
            ["body"] = body,
        };
        if (universal && reply.ViewActionId is { } view)
        {
            // Universal Actions' user-specific views: a member who opens the card gets it refreshed to their own view
            // (their choice once they have answered, on any device). Without userIds Teams refreshes automatically for
            // everyone in chats and channels of up to 60 members; in larger ones a member refreshes from the card menu.
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = ViewVerb,
                    ["data"] = new JsonObject { ["action"] = view },
                },
            };
        }

        if (buttons.Count > MaxButtons)
        {
            var choices = new JsonArray();
            foreach (var button in buttons)
            {
                choices.Add(new JsonObject { ["title"] = button.Label, ["value"] = button.ActionId });
            }

            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = ChoiceInputId,
                ["style"] = "expanded",
                ["isRequired"] = true,
                // A required input without these is flagged by the card validator: a screen reader has no name for
                // it, and a submit without a choice would fail silently.
                ["label"] = "Your answer",
                ["errorMessage"] = "Pick one of the choices first.",
                ["choices"] = choices,
            });
            card["actions"] = new JsonArray(Action("Answer", null, "positive", universal));
        }
        else if (buttons.Count > 0)
        {
            var actions = new JsonArray();
            foreach (var button in buttons)
            {
                var style = button.Style switch
                {
                    ButtonStyle.Primary or ButtonStyle.Success => "positive",
                    ButtonStyle.Danger => "destructive",
                    _ => null,
                };
                actions.Add(Action(button.Prompt is null ? button.Label : "Send", button.ActionId, style, universal));
            }

            card["actions"] = actions;
        }

        return card;
    }

    /// <summary>An Action.Submit whose data (<c>{"action": id}</c>, plus the card's inputs) comes back as the message
    /// activity's <c>value</c>; when <paramref name="universal"/>, an Action.Execute with the same data and the submit as
    /// its fallback.</summary>
    private static JsonObject Action(string title, string? actionId, string? style, bool universal)
    {
        JsonObject Make(string type)
        {
            var action = new JsonObject { ["type"] = type, ["title"] = title };
            if (type == "Action.Execute")
            {
                action["verb"] = AnswerVerb;
            }

            if (actionId is not null)
            {
                action["data"] = new JsonObject { ["action"] = actionId };
            }

            if (style is not null)
            {
                action["style"] = style;
            }

            return action;
        }

        var submit = Make("Action.Submit");
        if (!universal)
        {
            return submit;
        }

        var execute = Make("Action.Execute");
        execute["fallback"] = submit;
        return execute;
    }

    /// <summary>"file › section, lines a–b".</summary>
    public static string CitationLabel(Citation citation) => CitationText.Label(citation);

    /// <summary>The label as a markdown link to the source (<c>Knowledge:LinkBase</c>), or the plain label.</summary>
    public static string CitationLink(Citation citation) =>
        citation.Url is null ? CitationLabel(citation) : $"[{CitationLabel(citation)}]({citation.Url})";

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= 300 ? flat : flat[..297] + "…";
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 120 ? line : line[..117] + "…";
    }
}
