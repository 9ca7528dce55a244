using System.CommandLine;

namespace StudyBot.Cli;

/// <summary>
/// Entry point: with no sub-command (or only ASP.NET Core switches such as <c>--urls</c>) the bot host runs;
/// otherwise the named sub-command (ask, quiz, discord, teams) runs and exits.
/// </summary>
internal static class CliApp
{
    /// <summary>Sub-commands; each capability adds its own here.</summary>
    private static IEnumerable<Command> BuildCommands()
    {
        // Filled in by each capability: ask (knowledge), quiz (quiz), discord (Discord), teams (Teams).
        yield return AskCommand.Create();
        yield return QuizCommand.Create();
        yield return DiscordCommand.Build();
        yield return TeamsCommand.Build();
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var commands = BuildCommands().ToList();
        if (args.Length == 0 || !commands.Any(c => c.Name == args[0]))
        {
            return await BotHost.RunAsync(args);
        }

        var root = new RootCommand("StudyBot: answers from your team's notes, a daily quiz, and admin commands.");
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }
}
