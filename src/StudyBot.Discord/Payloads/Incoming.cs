using System.Text.Json;

namespace StudyBot.Discord.Payloads;

/// <summary>Interaction types Discord sends.</summary>
internal static class InteractionType
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;
}

internal sealed record Interaction(
    string Id,
    int Type,
    string? Token,
    string? ApplicationId = null,
    InteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    GuildMember? Member = null,
    DiscordUser? User = null,
    DiscordMessage? Message = null)
{
    /// <summary>The user who acted: the member's user in a guild, the user in a DM.</summary>
    public DiscordUser? Actor => Member?.User ?? User;
}

/// <param name="TargetId">For a message context-menu command: the message it was used on, found in <paramref name="Resolved"/>.</param>
internal sealed record InteractionData(
    string? Name = null,
    int? Type = null,
    IReadOnlyList<InteractionOption>? Options = null,
    string? CustomId = null,
    int? ComponentType = null,
    string? TargetId = null,
    ResolvedData? Resolved = null,
    IReadOnlyList<SubmittedComponent>? Components = null);

/// <summary>A component of a submitted modal: an action row (or a label) holding a text input and its value.</summary>
internal sealed record SubmittedComponent(
    int Type,
    string? CustomId = null,
    string? Value = null,
    IReadOnlyList<SubmittedComponent>? Components = null,
    SubmittedComponent? Component = null)
{
    /// <summary>The value of the input <paramref name="customId"/> in this component or those it holds.</summary>
    public string? ValueOf(string customId) =>
        CustomId == customId && Value is not null ? Value
        : Component?.ValueOf(customId) ?? Components?.Select(c => c.ValueOf(customId)).FirstOrDefault(v => v is not null);
}

/// <summary>Objects an interaction refers to by id (here: the target message of a context-menu command).</summary>
internal sealed record ResolvedData(IReadOnlyDictionary<string, DiscordMessage>? Messages = null);

/// <param name="Focused">True on the option being typed in an autocomplete interaction.</param>
internal sealed record InteractionOption(string Name, int Type, JsonElement? Value = null, IReadOnlyList<InteractionOption>? Options = null, bool? Focused = null);

internal sealed record GuildMember(DiscordUser? User = null, IReadOnlyList<string>? Roles = null, string? Nick = null);

internal sealed record DiscordUser(string Id, string? Username = null, string? GlobalName = null, bool? Bot = null);

internal sealed record DiscordMessage(
    string Id,
    string ChannelId,
    string? GuildId = null,
    DiscordUser? Author = null,
    GuildMember? Member = null,
    string? Content = null,
    IReadOnlyList<DiscordUser>? Mentions = null);

/// <summary>A gateway frame: opcode, data, sequence, event name.</summary>
internal sealed record GatewayPayload(int Op, JsonElement? D = null, long? S = null, string? T = null);

internal sealed record GatewayReady(string SessionId, string? ResumeGatewayUrl, DiscordUser User);

internal sealed record GatewayHello(double HeartbeatInterval);

internal sealed record GatewayBotInfo(string Url);

internal sealed record CreatedMessage(string Id, string? ChannelId = null);

internal sealed record RegisteredCommand(string Id, string Name);
