using System.Text.Json;
using StudyBot.Core.Chat;
using StudyBot.Discord.Payloads;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// The slash commands StudyBot registers, generated from <see cref="CommandCatalogue"/>, and their mapping to the
/// platform-neutral text commands (<c>/quiz schedule cron:… timezone:…</c> → <c>/quiz schedule … …</c>).
/// </summary>
internal static class SlashCommands
{
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;
    private const int StringOption = 3;
    private const int IntegerOption = 4;

    /// <summary>The message context-menu command that asks about the selected message (answered privately).</summary>
    public const string AskAboutMessage = "Ask StudyBot";

    /// <summary>
    /// <c>default_member_permissions</c> of the admin commands: 0 hides them from members who are not Discord
    /// administrators, until a server admin allows StudyBot's admin role for them in Server Settings › Integrations.
    /// The bot still checks <c>Discord:AdminRoleIds</c>/<c>AdminUserIds</c> on every use.
    /// </summary>
    public const long AdminPermissions = 0;

    /// <summary>The commands sent with <c>discord register-commands</c> (bulk overwrite): one per catalogue command, and
    /// the message command, which Discord alone has.</summary>
    public static readonly IReadOnlyList<ApplicationCommand> All =
    [
        .. CommandCatalogue.All.Select(FromDescriptor),
        new(AskAboutMessage, null, Type: CommandType.Message, Contexts: [CommandContext.Guild, CommandContext.BotDm], IntegrationTypes: [IntegrationType.GuildInstall]),
    ];

    /// <summary>The slash command of a catalogue command: sub-verbs become sub-commands when the command has no
    /// parameters of its own (Discord cannot mix the two; <c>gaps done N</c> is then typed), admin commands are hidden
    /// from members, and only commands that make sense outside a channel are offered in DMs.</summary>
    internal static ApplicationCommand FromDescriptor(CommandDescriptor command) => new(
        command.Name,
        command.MenuDescription,
        command.ParameterList.Count == 0 && command.SubVerbList.Count > 0
            ? command.SubVerbList.Select(s => new CommandOption(SubCommand, s.Name, s.MenuDescription, Options: Options(s.ParameterList))).ToList()
            : Options(command.ParameterList),
        DefaultMemberPermissions: command.Admin ? AdminPermissions : null,
        Contexts: command.InDirectMessages ? [CommandContext.Guild, CommandContext.BotDm] : [CommandContext.Guild],
        IntegrationTypes: [IntegrationType.GuildInstall]);

    private static List<CommandOption>? Options(IReadOnlyList<CommandParameter> parameters) =>
        parameters.Count == 0
            ? null
            : parameters.Select(p => new CommandOption(
                p.Kind == ParameterKind.Integer ? IntegerOption : StringOption,
                p.Name,
                p.Description,
                Required: p.Required ? true : null,
                MaxLength: p.Kind == ParameterKind.Integer ? null : p.MaxLength,
                Autocomplete: p.SuggestsSections ? true : null)).ToList();

    /// <summary>Maps a slash command to the text command the conversation core understands, "/"-prefixed so it is read
    /// as the command whatever its options hold; the message command "Ask StudyBot" to <c>/ask</c> with the selected
    /// message's text.</summary>
    public static string ToText(InteractionData data)
    {
        if (data.Type == CommandType.Message)
        {
            var target = data.TargetId is { } id && data.Resolved?.Messages?.TryGetValue(id, out var message) == true ? message : null;
            return "/ask " + (target?.Content ?? "").Trim();
        }

        var parts = new List<string> { data.Name ?? string.Empty };
        var definition = All.FirstOrDefault(c => c.Name == data.Name)?.Options;
        Append(parts, data.Options, definition);
        return "/" + string.Join(' ', parts.Where(p => p.Length > 0));
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
