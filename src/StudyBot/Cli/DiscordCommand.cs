using System.CommandLine;
using Microsoft.Extensions.Options;
using StudyBot.Discord;

namespace StudyBot.Cli;

/// <summary><c>discord register-commands [--guild ID]</c>: registers the slash commands (bulk overwrite).</summary>
internal static class DiscordCommand
{
    public static Command Build()
    {
        var guild = new Option<string?>("--guild")
        {
            Description = "Register for one server (guild) id only; guild commands appear at once, global ones can take up to an hour.",
        };
        var register = new Command("register-commands", "Register StudyBot's slash commands with Discord (overwrites the existing ones).");
        register.Options.Add(guild);
        register.SetAction((parse, cancellationToken) =>
            RegisterCommandsAsync(CliOptions.LoadConfiguration(), parse.GetValue(guild), Console.Out, Console.Error, cancellationToken));

        var discord = new Command("discord", "Discord set-up tasks.");
        discord.Subcommands.Add(register);
        return discord;
    }

    internal static async Task<int> RegisterCommandsAsync(
        IConfiguration configuration, string? guildId, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (guildId is not null && (guildId.Length is 0 or > 20 || !guildId.All(char.IsAsciiDigit)))
        {
            await error.WriteLineAsync($"--guild must be a numeric server id, not '{guildId}'.").ConfigureAwait(false);
            return 2;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration)
            .AddDiscordRest();
        await using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("Discord is not configured:").ConfigureAwait(false);
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync("  " + failure).ConfigureAwait(false);
            }

            return 1;
        }

        try
        {
            var count = await provider.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync(guildId, cancellationToken).ConfigureAwait(false);
            var names = $"/{string.Join(", /", DiscordCommandRegistrar.CommandNames)} and the message command \"{string.Join("\", \"", DiscordCommandRegistrar.MessageCommandNames)}\"";
            await output.WriteLineAsync(guildId is null
                ? $"Registered {count} global commands: {names}. They can take up to an hour to appear."
                : $"Registered {count} commands in server {guildId}: {names}.").ConfigureAwait(false);
            return 0;
        }
        catch (StudyBot.Discord.Rest.DiscordApiException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"Could not reach Discord: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
