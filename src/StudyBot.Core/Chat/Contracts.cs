using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>Well-known platform names used in <see cref="IncomingMessage.Platform"/>.</summary>
public static class Platforms
{
    public const string Web = "web";
    public const string Cli = "cli";
    public const string Discord = "discord";
    public const string Teams = "teams";
}

/// <summary>A message to the bot, mapped from a platform payload at the edge.</summary>
/// <param name="Platform">One of <see cref="Platforms"/>.</param>
/// <param name="ChannelId">The platform's channel or conversation id.</param>
/// <param name="UserId">The platform's user id (stable; scores are kept per platform + user).</param>
/// <param name="Text">The text with any bot mention already removed.</param>
/// <param name="MentionedBot">True when the bot was @mentioned.</param>
/// <param name="IsAdmin">Decided by the adapter from the platform's admin configuration.</param>
/// <param name="ActionData">When the message is a button press: the button's action id; Text is then only the text a
/// button with a <see cref="ReplyButton.Prompt"/> asked for (empty otherwise).</param>
public sealed record IncomingMessage(
    string Platform,
    string ChannelId,
    string UserId,
    string DisplayName,
    string Text,
    bool MentionedBot = false,
    bool IsAdmin = false,
    string? ActionData = null);

/// <summary>How a button looks.</summary>
public enum ButtonStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

/// <summary>A button under a reply; pressing it sends an <see cref="IncomingMessage"/> whose ActionData is <paramref name="ActionId"/>.</summary>
/// <param name="ActionId">At most 100 characters (Discord's custom_id limit).</param>
/// <param name="Disabled">Shown but not pressable (a revealed quiz's choices, with the right one marked).</param>
/// <param name="Prompt">Pressing it first asks for a short text (a Discord modal, a text input in the Teams card, a field
/// on the web page); the text arrives as the message's <see cref="IncomingMessage.Text"/> with the action id.</param>
public sealed record ReplyButton(string Label, string ActionId, ButtonStyle Style = ButtonStyle.Secondary, bool Disabled = false, TextPrompt? Prompt = null);

/// <summary>The short text a <see cref="ReplyButton"/> asks for before it is sent.</summary>
/// <param name="Title">What the form is about (a Discord modal title: at most 45 characters).</param>
/// <param name="Label">The field's label (at most 45 characters, Discord's limit).</param>
/// <param name="Placeholder">Shown in the empty field (at most 100 characters).</param>
/// <param name="MaxLength">The longest text accepted; longer text is refused with a clear reply.</param>
public sealed record TextPrompt(string Title, string Label, string Placeholder, int MaxLength);

/// <summary>What the bot answers; each platform renders it its own way (embed, Adaptive Card, HTML).</summary>
/// <param name="Markdown">The text, in simple markdown (bold, italics, bullets, links).</param>
/// <param name="Title">An optional title (an embed title, a card heading).</param>
/// <param name="Citations">Cited passages, shown as quotes with file › section, lines.</param>
/// <param name="Buttons">Action buttons.</param>
/// <param name="Private">Only the asking user should see it (ephemeral on Discord).</param>
/// <param name="ReplacesMessageId">Edit this earlier bot message instead of posting a new one.</param>
/// <param name="Kind">What produced the reply, for logs, stats and platform rendering.</param>
/// <param name="ViewActionId">For a message everyone shares whose content differs per member (a quiz: their own
/// choice once they answered): the action that returns it as the pressing member sees it. Platforms that show each
/// member their own view (Teams' card refresh) ask for it; the others ignore it.</param>
/// <param name="Images">Images the notes show beside the cited passages: shown inline, as an embed image or a card
/// image, or as a placeholder line when the file is missing (<see cref="NoteImageText.Placeholder"/>).</param>
public sealed record Reply(
    string Markdown,
    string? Title = null,
    IReadOnlyList<Citation>? Citations = null,
    IReadOnlyList<ReplyButton>? Buttons = null,
    bool Private = false,
    string? ReplacesMessageId = null,
    ReplyKind Kind = ReplyKind.Text,
    string? ViewActionId = null,
    IReadOnlyList<NoteImage>? Images = null)
{
    public IReadOnlyList<Citation> CitationList => Citations ?? [];
    public IReadOnlyList<ReplyButton> ButtonList => Buttons ?? [];
    public IReadOnlyList<NoteImage> ImageList => Images ?? [];
}

/// <summary>What produced a reply.</summary>
public enum ReplyKind
{
    Text,
    Answer,
    Declined,
    Help,
    Refused,
    Error,
    Quiz,
    QuizFeedback,
    QuizReveal,
    Leaderboard,
    Admin,
    /// <summary>The user asked too fast; the web API answers it with HTTP 429.</summary>
    RateLimited,
}

/// <summary>The one conversation core: every platform hands its messages here.</summary>
public interface IConversation
{
    /// <summary>Handles a message or button press and returns the reply to send back.</summary>
    Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// The handler of a chat command (sources, reload, quiz …). Registered in DI; the conversation core routes a message to
/// the handler of its command word and enforces what the descriptor declares (admin, audit, rate limit, visibility)
/// before and after it runs, so a handler only does the work.
/// </summary>
public interface IChatCommand
{
    /// <summary>What the command is: one of <see cref="CommandCatalogue.All"/> in the app.</summary>
    CommandDescriptor Descriptor { get; }

    /// <summary>Runs the command; <paramref name="arguments"/> is the text after the command word (a sub-verb first, as
    /// declared).</summary>
    Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken);
}

/// <summary>
/// Posts to a channel without a user message to reply to (the daily quiz, its reveal).
/// Each platform adapter registers one.
/// </summary>
public interface IChannelPublisher
{
    /// <summary>One of <see cref="Platforms"/>.</summary>
    string Platform { get; }

    /// <summary>Posts <paramref name="reply"/> to a channel and returns the platform's message id.</summary>
    /// <param name="idempotencyKey">The same key for every retry of one logical post (a quiz id, say), so a platform
    /// that supports it (Discord's nonce) can drop a duplicate; stored posts use it to avoid posting twice.</param>
    Task<string> PostAsync(string channelId, Reply reply, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>
/// Handles button presses whose action id starts with <see cref="Prefix"/> followed by ':'
/// (for example "quiz:42:1").
/// </summary>
public interface IChatActionHandler
{
    /// <summary>The action id prefix, without the colon.</summary>
    string Prefix { get; }

    /// <summary>Handles the press; <paramref name="message"/>.ActionData holds the whole action id.</summary>
    Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken);
}

/// <summary>What became of an admin command.</summary>
public static class AuditOutcomes
{
    public const string Ok = "ok";
    public const string Refused = "refused";
    public const string Failed = "failed";
}

/// <summary>One admin command, allowed or refused.</summary>
/// <param name="At">When the command was given.</param>
/// <param name="Command">The command word (e.g. "reload", "quiz").</param>
/// <param name="Arguments">The text after the command word.</param>
/// <param name="Outcome">One of <see cref="AuditOutcomes"/>, optionally followed by ": detail".</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Platform,
    string UserId,
    string DisplayName,
    string Command,
    string Arguments,
    string Outcome);

/// <summary>
/// The audit table of admin commands. The conversation core writes an entry for every command or sub-verb whose
/// descriptor is <see cref="CommandDescriptor.Admin"/>, run or refused.
/// </summary>
public interface IAuditLog
{
    /// <summary>Stores one entry.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken);
}
