using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Discord.Payloads;

namespace StudyBot.Discord.Rendering;

/// <summary>Turns a platform-neutral <see cref="Reply"/> into a Discord message: one embed, citations as fields, buttons as action rows.</summary>
internal static class DiscordRenderer
{
    public const int MaxButtonsPerRow = 5;
    public const int MaxRows = 5;
    public const int MaxLabel = 80;
    public const int MaxCustomId = 100;
    private const int MaxTitle = 256;
    private const int MaxDescription = 4096;
    private const int MaxFieldName = 256;
    private const int MaxFieldValue = 1024;
    private const int MaxFields = 25;

    /// <summary>Discord refuses a message whose embeds hold more than this in titles, descriptions, field names and
    /// values, footers and author names together, even when each part is within its own limit.</summary>
    public const int MaxEmbedTotal = 6000;

    /// <summary>Discord shows at most 10 embeds in a message; the answer takes one.</summary>
    private const int MaxEmbeds = 10;

    /// <summary>Modal titles and text input labels are at most 45 characters, placeholders 100.</summary>
    private const int MaxModalTitle = 45;
    private const int MaxPlaceholder = 100;

    /// <summary>A text input's value is at most 4,000 characters.</summary>
    private const int MaxTextInput = 4000;

    /// <summary>The custom_id of the text input in a prompt's modal.</summary>
    public const string PromptInputId = "comment";

    /// <summary>A citation whose quote would be shorter than this is not worth showing cut: it is left out.</summary>
    private const int MinFieldValue = 40;

    /// <summary>Renders the reply; <paramref name="ephemeral"/> sets flag 64 (only for interaction responses).</summary>
    public static MessagePayload Render(Reply reply, bool ephemeral = false) => new(
        Embeds: [RenderEmbed(reply), .. ImageEmbeds(reply)],
        Components: RenderButtons(reply.ButtonList) is { Count: > 0 } rows ? rows : null,
        Flags: ephemeral ? MessageFlags.Ephemeral : null,
        AllowedMentions: new AllowedMentions([]));

    /// <summary>The field name of a citation: "file › section, lines a–b" (field names cannot hold links).</summary>
    public static string CitationName(Citation citation) => Truncate(CitationText.Label(citation), MaxFieldName);

    /// <summary>The field value: the quoted snippet, then the link to the source when there is one.</summary>
    public static string CitationValue(Citation citation) => CitationValue(citation, MaxFieldValue);

    /// <summary>The field value in at most <paramref name="max"/> characters; the quote is cut, the link is kept.</summary>
    private static string CitationValue(Citation citation, int max)
    {
        max = Math.Min(max, MaxFieldValue);
        var link = citation.Url is null ? "" : $"\n[Open the source]({citation.Url})";
        if (max - link.Length < MinFieldValue / 2)
        {
            // In a tight embed the quote is worth more than the link; the field name still names the source.
            link = "";
        }

        return Truncate(Quote(citation.Snippet), max - link.Length) + link;
    }

    /// <summary>The modal a button with a <see cref="TextPrompt"/> opens; its custom_id is the button's, so the submit
    /// reaches the same action.</summary>
    public static ModalResponse RenderModal(string customId, TextPrompt prompt) => new(new ModalData(
        customId,
        Truncate(prompt.Title, MaxModalTitle),
        [new ModalRow([new TextInput(
            PromptInputId,
            Style: 2,
            Truncate(prompt.Label, MaxModalTitle),
            Truncate(prompt.Placeholder, MaxPlaceholder),
            Math.Clamp(prompt.MaxLength, 1, MaxTextInput),
            Required: true)])]));

    private static Embed RenderEmbed(Reply reply)
    {
        var title = string.IsNullOrWhiteSpace(reply.Title) ? null : Truncate(reply.Title, MaxTitle);

        // An image Discord cannot fetch (missing, or no public address) is named under the answer instead.
        var placeholders = string.Concat(reply.ImageList.Where(i => i.Url is null).Select(i => "\n\n" + NoteImageText.Placeholder(i)));
        var text = reply.Markdown + placeholders;
        var description = string.IsNullOrWhiteSpace(text) ? "\u200b" : Truncate(text, MaxDescription);
        var fields = FitFields(reply.CitationList, MaxEmbedTotal - (title?.Length ?? 0) - description.Length);
        return new Embed(
            Title: title,
            Description: description,
            Color: ColorOf(reply.Kind),
            Fields: fields.Count > 0 ? fields : null,
            Image: reply.ImageList.FirstOrDefault(i => i.Url is not null) is { Url: { } url } ? new EmbedImage(url) : null);
    }

    /// <summary>The second and further images, one image-only embed each (an embed holds one image).</summary>
    private static IEnumerable<Embed> ImageEmbeds(Reply reply) => reply.ImageList
        .Where(i => i.Url is not null)
        .Skip(1)
        .Take(MaxEmbeds - 1)
        .Select(i => new Embed(Color: ColorOf(reply.Kind), Image: new EmbedImage(i.Url!)));

    /// <summary>
    /// The citations as fields within <paramref name="budget"/> characters (what the 6,000-character embed total leaves
    /// after title and description): the answer text is kept whole, and the quotes share what is left, the shortest
    /// first, so a long answer shows every source label with a shorter quote instead of being refused by Discord.
    /// </summary>
    private static List<EmbedField> FitFields(IReadOnlyList<Citation> citations, int budget)
    {
        var names = new List<string>();
        var fitting = new List<Citation>();
        foreach (var citation in citations.Take(MaxFields))
        {
            var name = CitationName(citation);
            if (budget - names.Sum(n => n.Length) - name.Length < (fitting.Count + 1) * MinFieldValue)
            {
                break;
            }

            names.Add(name);
            fitting.Add(citation);
        }

        var values = new string[fitting.Count];
        var left = budget - names.Sum(n => n.Length);
        var byLength = Enumerable.Range(0, fitting.Count).OrderBy(i => CitationValue(fitting[i]).Length).ToList();
        for (var k = 0; k < byLength.Count; k++)
        {
            var i = byLength[k];
            values[i] = CitationValue(fitting[i], left / (byLength.Count - k));
            left -= values[i].Length;
        }

        return fitting.Select((_, i) => new EmbedField(names[i], values[i])).ToList();
    }

    /// <summary>Up to 5 buttons per row and 5 rows; a button whose action id is too long for a custom_id is left out.</summary>
    public static IReadOnlyList<ActionRow> RenderButtons(IReadOnlyList<ReplyButton> buttons) => buttons
        .Where(b => b.ActionId.Length is > 0 and <= MaxCustomId)
        .Take(MaxButtonsPerRow * MaxRows)
        .Select(b => new Button(StyleOf(b.Style), Truncate(string.IsNullOrWhiteSpace(b.Label) ? "…" : b.Label, MaxLabel), b.ActionId, b.Disabled ? true : null))
        .Chunk(MaxButtonsPerRow)
        .Select(chunk => new ActionRow(chunk))
        .ToList();

    private static int StyleOf(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => 1,
        ButtonStyle.Success => 3,
        ButtonStyle.Danger => 4,
        _ => 2,
    };

    private static int ColorOf(ReplyKind kind) => kind switch
    {
        ReplyKind.Answer => 0x2E86C1,
        ReplyKind.Declined => 0x95A5A6,
        ReplyKind.Refused or ReplyKind.Error => 0xC0392B,
        ReplyKind.Quiz or ReplyKind.QuizReveal or ReplyKind.QuizFeedback => 0x8E44AD,
        ReplyKind.Leaderboard => 0xF1C40F,
        ReplyKind.Admin => 0x16A085,
        _ => 0x5865F2,
    };

    private static string Quote(string snippet)
    {
        var lines = snippet.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "\u200b" : string.Join('\n', lines.Select(l => "> " + l.Trim()));
    }

    internal static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
