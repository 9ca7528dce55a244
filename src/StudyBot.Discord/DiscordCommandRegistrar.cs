using StudyBot.Discord.Interactions;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord;

/// <summary>Registers StudyBot's slash commands with Discord (bulk overwrite), globally or for one guild.</summary>
public sealed class DiscordCommandRegistrar
{
    private readonly DiscordRestClient _rest;

    internal DiscordCommandRegistrar(DiscordRestClient rest) => _rest = rest;

    /// <summary>The names of the commands that are registered.</summary>
    public static IReadOnlyList<string> CommandNames => SlashCommands.All.Select(c => c.Name).ToList();

    /// <summary>Overwrites the application's commands; returns how many Discord now has.</summary>
    /// <exception cref="DiscordApiException">Discord refused (401: the token is wrong).</exception>
    public Task<int> RegisterAsync(string? guildId, CancellationToken cancellationToken) =>
        _rest.OverwriteCommandsAsync(SlashCommands.All, guildId, cancellationToken);
}
