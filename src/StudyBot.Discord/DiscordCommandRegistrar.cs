using StudyBot.Discord.Interactions;
using StudyBot.Discord.Payloads;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord;

/// <summary>Registers StudyBot's slash commands with Discord (bulk overwrite), globally or for one guild.</summary>
public sealed class DiscordCommandRegistrar
{
    private readonly DiscordRestClient _rest;

    internal DiscordCommandRegistrar(DiscordRestClient rest) => _rest = rest;

    /// <summary>The names of the slash commands that are registered.</summary>
    public static IReadOnlyList<string> CommandNames => SlashCommands.All.Where(c => c.Type == CommandType.ChatInput).Select(c => c.Name).ToList();

    /// <summary>The names of the message context-menu commands that are registered.</summary>
    public static IReadOnlyList<string> MessageCommandNames => SlashCommands.All.Where(c => c.Type == CommandType.Message).Select(c => c.Name).ToList();

    /// <summary>Overwrites the application's commands; returns how many Discord now has.</summary>
    /// <exception cref="DiscordApiException">Discord refused (401: the token is wrong).</exception>
    public Task<int> RegisterAsync(string? guildId, CancellationToken cancellationToken) =>
        _rest.OverwriteCommandsAsync(
            // contexts and integration_types are for global commands only: a guild's commands exist only in that guild.
            guildId is null ? SlashCommands.All : SlashCommands.All.Select(c => c with { Contexts = null, IntegrationTypes = null }).ToList(),
            guildId,
            cancellationToken);
}
