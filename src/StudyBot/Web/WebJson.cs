using System.Text.Json;
using System.Text.Json.Serialization;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Web;

/// <summary>The web chat's JSON shape: camelCase, enums as camelCase strings.</summary>
internal static class WebJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}

/// <summary><c>POST /api/chat</c>: a message (<see cref="Text"/>) or a button press (<see cref="Action"/>).</summary>
internal sealed record ChatRequest(string? UserId, string? DisplayName, string? Text, string? Action, string? AdminToken);

/// <summary>The replies to one <see cref="ChatRequest"/>.</summary>
internal sealed record ChatResponse(IReadOnlyList<ReplyDto> Replies);

/// <summary>A <see cref="Reply"/> as JSON.</summary>
internal sealed record ReplyDto(
    string Markdown,
    string? Title,
    IReadOnlyList<CitationDto> Citations,
    IReadOnlyList<ButtonDto> Buttons,
    bool Private,
    string? ReplacesMessageId,
    ReplyKind Kind,
    IReadOnlyList<ImageDto>? Images = null)
{
    public static ReplyDto From(Reply reply) => new(
        reply.Markdown,
        reply.Title,
        reply.CitationList.Select(c => new CitationDto(c.File, c.Section, c.LineStart, c.LineEnd, c.Snippet, CitationText.Label(c), c.Url)).ToList(),
        reply.ButtonList.Select(b => new ButtonDto(b.Label, b.ActionId, b.Style, b.Disabled, b.Prompt)).ToList(),
        reply.Private,
        reply.ReplacesMessageId,
        reply.Kind,
        reply.ImageList.Count == 0 ? null : reply.ImageList.Select(ImageDto.From).ToList());

    public Reply ToReply() => new(
        Markdown,
        Title,
        (Citations ?? []).Select(c => new Citation(c.File, c.Section, c.LineStart, c.LineEnd, c.Snippet, c.Url)).ToList(),
        (Buttons ?? []).Select(b => new ReplyButton(b.Label, b.ActionId, b.Style, b.Disabled, b.Prompt)).ToList(),
        Private,
        ReplacesMessageId,
        Kind,
        Images: Images?.Select(i => new NoteImage(i.Path, i.Alt, i.Exists, i.PublicUrl)).ToList());
}

/// <summary>An image the notes show beside the answer.</summary>
/// <param name="Src">Where the page loads it (<c>api/notes/images/…</c>, relative to the page); null when the file is
/// missing, and then <paramref name="Placeholder"/> is shown instead.</param>
/// <param name="Placeholder">"🖼 image-6.png — not in the notes folder".</param>
/// <param name="PublicUrl">Kept so a stored reply keeps the platforms' address.</param>
internal sealed record ImageDto(string Path, string Alt, bool Exists, string? Src, string Placeholder, string? PublicUrl = null)
{
    public static ImageDto From(NoteImage image) => new(
        image.Path, image.Alt, image.Exists, image.Exists ? NoteImageText.WebPath(image.Path) : null, NoteImageText.Placeholder(image), image.Url);
}

/// <param name="Label">How the citation reads ("file › section, lines a–b"), the same on every platform.</param>
/// <param name="Url">Where the passage can be opened (<c>Knowledge:LinkBase</c>), or null.</param>
internal sealed record CitationDto(string File, string Section, int LineStart, int LineEnd, string Snippet, string? Label = null, string? Url = null);

/// <param name="Disabled">Shown but not pressable (a revealed quiz).</param>
/// <param name="Prompt">When set, pressing the button opens a small text field first; the text is sent with the action.</param>
internal sealed record ButtonDto(string Label, string ActionId, ButtonStyle Style, bool Disabled = false, TextPrompt? Prompt = null);

/// <summary>A channel feed page for <c>GET /api/channels/{id}/messages</c>.</summary>
internal sealed record ChannelMessagesResponse(string ChannelId, IReadOnlyList<ChannelMessageDto> Messages);

internal sealed record ChannelMessageDto(long Id, string MessageId, DateTimeOffset PostedAt, ReplyDto Reply);
