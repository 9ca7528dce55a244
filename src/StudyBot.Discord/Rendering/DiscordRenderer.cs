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

    /// <summary>Renders the reply; <paramref name="ephemeral"/> sets flag 64 (only for interaction responses).</summary>
    public static MessagePayload Render(Reply reply, bool ephemeral = false) => new(
        Embeds: [RenderEmbed(reply)],
        Components: RenderButtons(reply.ButtonList) is { Count: > 0 } rows ? rows : null,
        Flags: ephemeral ? MessageFlags.Ephemeral : null,
        AllowedMentions: new AllowedMentions([]));

    /// <summary>The field name of a citation: "file › section, lines a–b" (field names cannot hold links).</summary>
    public static string CitationName(Citation citation) => Truncate(CitationText.Label(citation), MaxFieldName);

    /// <summary>The field value: the quoted snippet, then the link to the source when there is one.</summary>
    public static string CitationValue(Citation citation)
    {
        var link = citation.Url is null ? "" : $"\n[Open the source]({citation.Url})";
        return Truncate(Quote(citation.Snippet), MaxFieldValue - link.Length) + link;
    }

    private static Embed RenderEmbed(Reply reply)
    {
        var fields = reply.CitationList
            .Take(MaxFields)
            .Select(c => new EmbedField(CitationName(c), CitationValue(c)))
            .ToList();
        var description = string.IsNullOrWhiteSpace(reply.Markdown) ? "\u200b" : Truncate(reply.Markdown, MaxDescription);
        return new Embed(
            Title: string.IsNullOrWhiteSpace(reply.Title) ? null : Truncate(reply.Title, MaxTitle),
            Description: description,
            Color: ColorOf(reply.Kind),
            Fields: fields.Count > 0 ? fields : null);
    }

    /// <summary>Up to 5 buttons per row and 5 rows; a button whose action id is too long for a custom_id is left out.</summary>
    public static IReadOnlyList<ActionRow> RenderButtons(IReadOnlyList<ReplyButton> buttons) => buttons
        .Where(b => b.ActionId.Length is > 0 and <= MaxCustomId)
        .Take(MaxButtonsPerRow * MaxRows)
        .Select(b => new Button(StyleOf(b.Style), Truncate(string.IsNullOrWhiteSpace(b.Label) ? "…" : b.Label, MaxLabel), b.ActionId))
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
