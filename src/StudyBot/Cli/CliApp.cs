using System.CommandLine;
using System.CommandLine.Help;
using StudyBot.Hosting;

namespace StudyBot.Cli;

/// <summary>
/// Entry point. With no command, with <c>run</c>, or with only ASP.NET Core switches (<c>--urls …</c>,
/// <c>--Section:Key=value</c>) the bot host runs; a named command (ask, quiz, teams, discord) runs and exits;
/// <c>help</c>, <c>--help</c> and <c>-h</c> print usage; any other word is an unknown command (exit 2), so a typo
/// never starts the server and migrates a database.
/// </summary>
internal static class CliApp
{
    /// <summary>The exit code of a command line that cannot be run as written (unknown command, bad option).</summary>
    public const int UsageError = 2;

    private const string RunWord = "run";
    private const string HelpWord = "help";
    private static readonly string[] HelpSwitches = ["--help", "-h", "-?", "/?", "/h"];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, BotHost.RunAsync);

    /// <summary>Runs the command line; <paramref name="runHost"/> runs the bot (tests pass a stand-in).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string[], Task<int>> runHost)
    {
        var root = BuildRoot();
        var first = args.Length == 0 ? null : args[0];
        var commandNames = root.Subcommands.Select(c => c.Name).ToList();
        if (first is null || (IsHostSwitch(first) && !args.Any(IsHelpSwitch)))
        {
            return await runHost(args).ConfigureAwait(false);
        }

        if (first == RunWord && !args.Skip(1).Any(IsHelpSwitch))
        {
            return await runHost(args[1..]).ConfigureAwait(false);
        }

        if (first == HelpWord || IsHelpSwitch(first))
        {
            // "help ask" is "ask --help".
            string[] helpArgs = args.Length > 1 && commandNames.Contains(args[1]) ? [args[1], "--help"] : ["--help"];
            return await InvokeAsync(root, helpArgs, output, error).ConfigureAwait(false);
        }

        if (!commandNames.Contains(first))
        {
            var suggestion = Suggestions.Closest(first, [.. commandNames, HelpWord]);
            await error.WriteLineAsync(suggestion is null
                ? $"studybot: unknown command '{first}'."
                : $"studybot: unknown command '{first}' (did you mean {suggestion}?).").ConfigureAwait(false);
            await error.WriteLineAsync("Run 'studybot --help' to see the commands.").ConfigureAwait(false);
            return UsageError;
        }

        return await InvokeAsync(root, args, output, error).ConfigureAwait(false);
    }

    private static RootCommand BuildRoot()
    {
        var run = new Command(RunWord, "Run the bot (the default): web chat and API, Discord and Teams when configured. " +
            "ASP.NET Core switches pass through, e.g. --urls http://127.0.0.1:6000 or --Storage:Path=/tmp/bot.db.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var root = new RootCommand(
            "StudyBot: answers from your team's notes, a daily quiz, and admin commands. " +
            $"Settings come from the nearest {AppFolder.SettingsFile} (this folder or a parent); relative paths in them are taken from there.")
        {
            run,
            AskCommand.Create(),
            QuizCommand.Create(),
            TeamsCommand.Build(),
            DiscordCommand.Build(),
        };
        return root;
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            // System.CommandLine would print the errors and the whole help with exit 1; one line each and a pointer
            // to the help is easier to read, and 2 is the usage-error code the rest of the CLI uses.
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"studybot {parse.CommandResult.Command.Name}: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync($"Run 'studybot {parse.CommandResult.Command.Name} --help' to see its options.").ConfigureAwait(false);
            return UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }

    private static bool IsHelpSwitch(string arg) => HelpSwitches.Contains(arg, StringComparer.Ordinal);

    /// <summary>ASP.NET Core configuration on the command line: <c>--key value</c>, <c>--key=value</c>, <c>/key</c> or <c>key=value</c>.</summary>
    private static bool IsHostSwitch(string arg) =>
        !IsHelpSwitch(arg) && (arg.StartsWith('-') || arg.StartsWith('/') || arg.Contains('=', StringComparison.Ordinal));
}
