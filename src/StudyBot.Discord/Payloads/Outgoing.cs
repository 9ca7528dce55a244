namespace StudyBot.Discord.Payloads;

/// <summary>Interaction callback types used here.</summary>
internal static class CallbackType
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int ApplicationCommandAutocompleteResult = 8;
    public const int Modal = 9;
}

/// <summary>Message flags used here.</summary>
internal static class MessageFlags
{
    public const int Ephemeral = 64;
}

/// <summary>A message body for create message, interaction callbacks and webhooks (unused fields stay null).</summary>
internal sealed record MessagePayload(
    string? Content = null,
    IReadOnlyList<Embed>? Embeds = null,
    IReadOnlyList<ActionRow>? Components = null,
    int? Flags = null,
    AllowedMentions? AllowedMentions = null,
    MessageReference? MessageReference = null,
    string? Nonce = null,
    bool? EnforceNonce = null);

internal sealed record InteractionResponse(int Type, MessagePayload? Data = null);

/// <summary>The answer to an autocomplete interaction: up to 25 choices for the focused option.</summary>
internal sealed record AutocompleteResponse(AutocompleteChoices Data)
{
    public int Type => CallbackType.ApplicationCommandAutocompleteResult;
}

/// <summary>A modal (a small form) shown in answer to a button press; its submit comes back as a MODAL_SUBMIT interaction
/// with the same custom_id.</summary>
internal sealed record ModalResponse(ModalData Data)
{
    public int Type => CallbackType.Modal;
}

/// <param name="Title">At most 45 characters.</param>
internal sealed record ModalData(string CustomId, string Title, IReadOnlyList<ModalRow> Components);

internal sealed record ModalRow(IReadOnlyList<TextInput> Components)
{
    public int Type => 1;
}

/// <summary>A text input of a modal.</summary>
/// <param name="Style">1 a short line, 2 a paragraph.</param>
/// <param name="Label">At most 45 characters.</param>
/// <param name="Placeholder">At most 100 characters.</param>
internal sealed record TextInput(string CustomId, int Style, string Label, string? Placeholder = null, int? MaxLength = null, bool? Required = null)
{
    public int Type => 4;
}

internal sealed record AutocompleteChoices(IReadOnlyList<CommandChoice> Choices);

internal sealed record CommandChoice(string Name, string Value);

internal sealed record Embed(
    string? Title = null,
    string? Description = null,
    int? Color = null,
    IReadOnlyList<EmbedField>? Fields = null,
    EmbedFooter? Footer = null,
    EmbedImage? Image = null);

/// <summary>An embed's image: Discord fetches it from <paramref name="Url"/> (http, https or an attachment).</summary>
internal sealed record EmbedImage(string Url);

internal sealed record EmbedField(string Name, string Value, bool? Inline = null);

internal sealed record EmbedFooter(string Text);

internal sealed record ActionRow(IReadOnlyList<Button> Components)
{
    public int Type => 1;
}

/// <param name="Disabled">True on a revealed quiz's buttons; left out (null) otherwise.</param>
internal sealed record Button(int Style, string Label, string CustomId, bool? Disabled = null)
{
    public int Type => 2;
}

internal sealed record AllowedMentions(IReadOnlyList<string> Parse, bool? RepliedUser = null);

internal sealed record MessageReference(string MessageId, string? ChannelId = null, string? GuildId = null, bool? FailIfNotExists = null);

/// <summary>Application command types.</summary>
internal static class CommandType
{
    public const int ChatInput = 1;
    public const int Message = 3;
}

/// <summary>Where a command can be used (<c>contexts</c>).</summary>
internal static class CommandContext
{
    public const int Guild = 0;
    public const int BotDm = 1;
}

/// <summary>How the app is installed for a command to show (<c>integration_types</c>).</summary>
internal static class IntegrationType
{
    public const int GuildInstall = 0;
}

/// <summary>A command definition for bulk overwrite: a slash command, or (type 3, no description) a message context-menu command.</summary>
/// <param name="DefaultMemberPermissions">A permission bit set; 0 shows the command only to administrators until a server
/// admin allows others in Server Settings › Integrations. Discord's OpenAPI declares it an integer (its documentation
/// shows the string form; the API takes both), so the integer is sent.</param>
internal sealed record ApplicationCommand(
    string Name,
    string? Description,
    IReadOnlyList<CommandOption>? Options = null,
    int Type = CommandType.ChatInput,
    long? DefaultMemberPermissions = null,
    IReadOnlyList<int>? Contexts = null,
    IReadOnlyList<int>? IntegrationTypes = null);

internal sealed record CommandOption(
    int Type, string Name, string Description, bool? Required = null, IReadOnlyList<CommandOption>? Options = null, int? MaxLength = null, bool? Autocomplete = null);

/// <summary>Starts a thread on a message; it archives after <paramref name="AutoArchiveDuration"/> minutes without activity.</summary>
internal sealed record ThreadRequest(string Name, int AutoArchiveDuration);

/// <summary>Opens a direct-message channel with a user.</summary>
internal sealed record DmChannelRequest(string RecipientId);
