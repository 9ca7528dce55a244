using System.Text.Json;
using StudyBot.Discord.Payloads;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// The slash commands StudyBot registers, and their mapping to the platform-neutral text commands
/// (<c>/quiz schedule cron:… timezone:…</c> → <c>quiz schedule … …</c>).
/// </summary>
internal static class SlashCommands
{
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;
    private const int StringOption = 3;

    /// <summary>The message context-menu command that asks about the selected message (answered privately).</summary>
    public const string AskAboutMessage = "Ask StudyBot";

    /// <summary>
    /// <c>default_member_permissions</c> of the admin commands: 0 hides them from members who are not Discord
    /// administrators, until a server admin allows StudyBot's admin role for them in Server Settings › Integrations.
    /// The bot still checks <c>Discord:AdminRoleIds</c>/<c>AdminUserIds</c> on every use.
    /// </summary>
    public const long AdminPermissions = 0;

    /// <summary>Commands, and sub-commands as "command sub", that only admins may run: Discord hides the top-level ones
    /// from members, and their replies are ephemeral.</summary>
    private static readonly HashSet<string> AdminCommands = new(StringComparer.Ordinal)
    {
        "reload", "stats", "gaps", "quiz schedule", "quiz skip", "quiz off", "quiz now",
    };

    /// <summary>Commands whose replies are personal, so they are answered ephemerally.</summary>
    private static readonly HashSet<string> PersonalCommands = new(StringComparer.Ordinal) { "me", "quiz me" };

    /// <summary>Commands that also work in a DM with the bot (the rest belong to a server channel: its quiz, its admins).</summary>
    private static readonly HashSet<string> DmCommands = new(StringComparer.Ordinal) { "ask", "help", "sources", AskAboutMessage };

    /// <summary>The commands sent with <c>discord register-commands</c> (bulk overwrite). Declared after the sets it
    /// reads, which static initialisation needs.</summary>
    public static readonly IReadOnlyList<ApplicationCommand> All = Definitions().Select(WithAccess).ToList();

    private static IEnumerable<ApplicationCommand> Definitions() =>
    [
        new("ask", "Ask a question; the answer comes from the team's notes, with citations.",
            [new CommandOption(StringOption, "question", "What do you want to know?", Required: true, MaxLength: 2000, Autocomplete: true)]),
        new("quiz", "The daily quiz in this channel.",
        [
            new CommandOption(SubCommand, "status", "When the next quiz is posted here."),
            new CommandOption(SubCommand, "me", "A question due for you from your own reviews (only you see it)."),
            new CommandOption(SubCommand, "now", "Post a quiz question now (admin)."),
            new CommandOption(SubCommand, "schedule", "Set when the daily quiz is posted here (admin).",
            Options:
            [
                new CommandOption(StringOption, "cron", "A cron expression, for example 0 9 * * 1-5", Required: true, MaxLength: 100),
                new CommandOption(StringOption, "timezone", "A time zone, for example Europe/Berlin", MaxLength: 64),
            ]),
            new CommandOption(SubCommand, "skip", "Skip the next scheduled quiz here (admin)."),
            new CommandOption(SubCommand, "off", "Stop the daily quiz here (admin)."),
        ]),
        new("leaderboard", "Quiz points this month and all time."),
        new("me", "Your quiz points, streak and accuracy (only you see it)."),
        new("sources", "Which notes are loaded, with counts."),
        new("reload", "Re-read the notes and show what changed (admin)."),
        new("stats", "Files, passages, questions asked and answered (admin)."),
        new("gaps", "Questions the notes could not answer, most asked first (admin)."),
        new("help", "What StudyBot can do."),
        new(AskAboutMessage, null, Type: CommandType.Message),
    ];

    private static ApplicationCommand WithAccess(ApplicationCommand command) => command with
    {
        DefaultMemberPermissions = AdminCommands.Contains(command.Name) ? AdminPermissions : null,
        Contexts = DmCommands.Contains(command.Name) ? [CommandContext.Guild, CommandContext.BotDm] : [CommandContext.Guild],
        IntegrationTypes = [IntegrationType.GuildInstall],
    };

    /// <summary>True when <paramref name="name"/> (a command, or "command sub") is one only admins may run.</summary>
    public static bool IsAdmin(string name) => AdminCommands.Contains(name);

    /// <summary>Maps a slash command to the text command the conversation core understands; the message command
    /// "Ask StudyBot" to <c>ask</c> with the selected message's text.</summary>
    public static string ToText(InteractionData data)
    {
        if (data.Type == CommandType.Message)
        {
            var target = data.TargetId is { } id && data.Resolved?.Messages?.TryGetValue(id, out var message) == true ? message : null;
            return "ask " + (target?.Content ?? "").Trim();
        }


        var parts = new List<string> { data.Name ?? string.Empty };
        var definition = All.FirstOrDefault(c => c.Name == data.Name)?.Options;
        Append(parts, data.Options, definition);
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    /// <summary>True when the command's reply is personal or administrative (decided before the reply exists, for deferral).</summary>
    public static bool IsPrivate(string commandText)
    {
        var words = commandText.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && (IsPrivateName(words[0]) || (words.Length > 1 && IsPrivateName(words[0] + " " + words[1])));

        static bool IsPrivateName(string name) => AdminCommands.Contains(name) || PersonalCommands.Contains(name);
    }

    /// <summary>The text of the option being typed in an autocomplete interaction, or null when none is focused.</summary>
    public static string? FocusedText(InteractionData data)
    {
        for (var options = data.Options; options is { Count: > 0 };)
        {
            if (options.FirstOrDefault(o => o.Focused == true) is { } focused)
            {
                return focused.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() ?? "" : focused.Value?.GetRawText() ?? "";
            }

            options = options.FirstOrDefault(o => o.Type is SubCommand or SubCommandGroup)?.Options;
        }

        return null;
    }

    private static void Append(List<string> parts, IReadOnlyList<InteractionOption>? options, IReadOnlyList<CommandOption>? definition)
    {
        if (options is null)
        {
            return;
        }

        // Options are put in their declared order, whatever order the client sent them in.
        var ordered = options.OrderBy(o => definition is null ? 0 : IndexOf(definition, o.Name));
        foreach (var option in ordered)
        {
            if (option.Type is SubCommand or SubCommandGroup)
            {
                parts.Add(option.Name);
                Append(parts, option.Options, definition?.FirstOrDefault(d => d.Name == option.Name)?.Options);
            }
            else if (option.Value is { } value)
            {
                parts.Add(value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : value.GetRawText());
            }
        }
    }

    private static int IndexOf(IReadOnlyList<CommandOption> definition, string name)
    {
        for (var i = 0; i < definition.Count; i++)
        {
            if (definition[i].Name == name)
            {
                return i;
            }
        }

        return definition.Count;
    }
}
