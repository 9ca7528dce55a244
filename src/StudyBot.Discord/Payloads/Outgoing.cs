namespace StudyBot.Discord.Payloads;

/// <summary>Interaction callback types used here.</summary>
internal static class CallbackType
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
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

internal sealed record Embed(
    string? Title = null,
    string? Description = null,
    int? Color = null,
    IReadOnlyList<EmbedField>? Fields = null,
    EmbedFooter? Footer = null);

internal sealed record EmbedField(string Name, string Value, bool? Inline = null);

internal sealed record EmbedFooter(string Text);

internal sealed record ActionRow(IReadOnlyList<Button> Components)
{
    public int Type => 1;
}

internal sealed record Button(int Style, string Label, string CustomId)
{
    public int Type => 2;
}

internal sealed record AllowedMentions(IReadOnlyList<string> Parse, bool? RepliedUser = null);

internal sealed record MessageReference(string MessageId, string? ChannelId = null, string? GuildId = null, bool? FailIfNotExists = null);

/// <summary>A slash command definition for bulk overwrite.</summary>
internal sealed record ApplicationCommand(string Name, string Description, IReadOnlyList<CommandOption>? Options = null)
{
    public int Type => 1;
}

internal sealed record CommandOption(int Type, string Name, string Description, bool? Required = null, IReadOnlyList<CommandOption>? Options = null, int? MaxLength = null);

/// <summary>Opens a direct-message channel with a user.</summary>
internal sealed record DmChannelRequest(string RecipientId);
