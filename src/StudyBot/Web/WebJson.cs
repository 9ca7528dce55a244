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
    ReplyKind Kind)
{
    public static ReplyDto From(Reply reply) => new(
        reply.Markdown,
        reply.Title,
        reply.CitationList.Select(c => new CitationDto(c.File, c.Section, c.LineStart, c.LineEnd, c.Snippet, CitationText.Label(c), c.Url)).ToList(),
        reply.ButtonList.Select(b => new ButtonDto(b.Label, b.ActionId, b.Style, b.Disabled)).ToList(),
        reply.Private,
        reply.ReplacesMessageId,
        reply.Kind);

    public Reply ToReply() => new(
        Markdown,
        Title,
        (Citations ?? []).Select(c => new Citation(c.File, c.Section, c.LineStart, c.LineEnd, c.Snippet, c.Url)).ToList(),
        (Buttons ?? []).Select(b => new ReplyButton(b.Label, b.ActionId, b.Style, b.Disabled)).ToList(),
        Private,
        ReplacesMessageId,
        Kind);
}

/// <param name="Label">How the citation reads ("file › section, lines a–b"), the same on every platform.</param>
/// <param name="Url">Where the passage can be opened (<c>Knowledge:LinkBase</c>), or null.</param>
internal sealed record CitationDto(string File, string Section, int LineStart, int LineEnd, string Snippet, string? Label = null, string? Url = null);

/// <param name="Disabled">Shown but not pressable (a revealed quiz).</param>
internal sealed record ButtonDto(string Label, string ActionId, ButtonStyle Style, bool Disabled = false);

/// <summary>A channel feed page for <c>GET /api/channels/{id}/messages</c>.</summary>
internal sealed record ChannelMessagesResponse(string ChannelId, IReadOnlyList<ChannelMessageDto> Messages);

internal sealed record ChannelMessageDto(long Id, string MessageId, DateTimeOffset PostedAt, ReplyDto Reply);
