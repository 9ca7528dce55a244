namespace StudyBot.Core.Chat;

/// <summary>Who sees a command's reply.</summary>
public enum Visibility
{
    /// <summary>Everyone in the channel.</summary>
    Public,

    /// <summary>Only the member who asked (ephemeral on Discord, a 1:1 chat on Teams, "only you" on the web).</summary>
    Private,
}

/// <summary>What a command costs against the asker's rate limit.</summary>
public enum RateLimitClass
{
    /// <summary>Static text that costs nothing to write (help).</summary>
    Free,

    /// <summary>One token from the asker's bucket, the bucket questions use (<see cref="ChatOptions.RateLimit"/>): a
    /// refused admin command still costs a database row, so it must cost a token.</summary>
    PerUser,
}

/// <summary>How a parameter is written after the command word.</summary>
public enum ParameterKind
{
    /// <summary>One word (a time zone, a question id).</summary>
    Word,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>Exactly <see cref="CommandParameter.Words"/> words (the five fields of a cron expression).</summary>
    Words,

    /// <summary>The rest of the message (a question).</summary>
    Text,
}

/// <summary>A parameter of a command or sub-verb, in the order it is written.</summary>
/// <param name="Description">One line, at most 100 characters (Discord's limit).</param>
/// <param name="Words">For <see cref="ParameterKind.Words"/>: how many.</param>
/// <param name="MaxLength">The longest value a platform form accepts.</param>
/// <param name="SuggestsSections">Type-ahead offers the notes' section titles (Discord's autocomplete).</param>
public sealed record CommandParameter(
    string Name,
    string Description,
    ParameterKind Kind = ParameterKind.Word,
    bool Required = false,
    int Words = 1,
    int MaxLength = 100,
    bool SuggestsSections = false);

/// <summary>A second word that selects part of a command (<c>quiz now</c>); it has its own admin rule and visibility.</summary>
/// <param name="Description">One line for the platforms' menus, without "(admin)": that is added from <paramref name="Admin"/>.</param>
public sealed record CommandSubVerb(
    string Name,
    string Description,
    bool Admin = false,
    Visibility Visibility = Visibility.Public,
    IReadOnlyList<CommandParameter>? Parameters = null)
{
    public IReadOnlyList<CommandParameter> ParameterList => Parameters ?? [];

    /// <summary>The line the platforms' menus show: "Post a quiz question now (admin)."</summary>
    public string MenuDescription => CommandCatalogue.MenuLine(Description, Admin);
}

/// <summary>
/// One chat command, declared once: the conversation core enforces its admin rule, audit, rate limit and visibility on
/// every platform, and Discord's registration, the Teams manifest's command list, <c>help</c> and the web page's admin
/// buttons are generated from it.
/// </summary>
/// <param name="Name">The first word, lower case.</param>
/// <param name="Description">One line for the platforms' menus (at most 100 characters), without "(admin)".</param>
/// <param name="Help">The line in <c>help</c>, with its syntax ("gaps [N] — …").</param>
/// <param name="Admin">Only admins may run it (the command word alone, or with a sub-verb that is not admin); refusals
/// and runs are audited.</param>
/// <param name="InDirectMessages">It also makes sense outside a channel (a DM with the bot); the rest belong to a
/// channel: its quiz, its admins.</param>
/// <param name="AdminShortcut">A one-click button in the web page's admin bar.</param>
/// <param name="SubVerbs">Second words; on Discord they become sub-commands when the command has no parameters of its own
/// (Discord cannot mix the two; then the sub-verbs are typed).</param>
public sealed record CommandDescriptor(
    string Name,
    string Description,
    string Help,
    bool Admin = false,
    Visibility Visibility = Visibility.Public,
    RateLimitClass RateLimit = RateLimitClass.PerUser,
    IReadOnlyList<CommandParameter>? Parameters = null,
    IReadOnlyList<CommandSubVerb>? SubVerbs = null,
    bool InDirectMessages = false,
    bool AdminShortcut = false)
{
    public IReadOnlyList<CommandParameter> ParameterList => Parameters ?? [];

    public IReadOnlyList<CommandSubVerb> SubVerbList => SubVerbs ?? [];

    /// <summary>The line the platforms' menus show: "Re-read the notes and show what changed (admin)."</summary>
    public string MenuDescription => CommandCatalogue.MenuLine(Description, Admin);

    /// <summary>The sub-verb named <paramref name="word"/> (case and trailing ?!. ignored), or null.</summary>
    public CommandSubVerb? SubVerb(string word)
    {
        var name = CommandLine.Word(word);
        return SubVerbList.FirstOrDefault(s => s.Name == name);
    }

    /// <summary>Whether the command word with <paramref name="subVerb"/> is for admins only.</summary>
    public bool IsAdmin(CommandSubVerb? subVerb) => subVerb?.Admin ?? Admin;

    /// <summary>Who sees the reply to the command word with <paramref name="subVerb"/>.</summary>
    public Visibility VisibilityOf(CommandSubVerb? subVerb) => subVerb?.Visibility ?? Visibility;
}

/// <summary>
/// Every chat command StudyBot has. To add one: a descriptor here (and in <see cref="All"/>), and an
/// <see cref="IChatCommand"/> whose <see cref="IChatCommand.Descriptor"/> is it, registered by its feature's AddX().
/// docs/commands.md says the same in five lines.
/// </summary>
public static class CommandCatalogue
{
    /// <summary>Built in: answered by the conversation core itself.</summary>
    public static readonly CommandDescriptor Ask = new(
        "ask", "Ask a question; the answer comes from the team's notes, with citations.", "ask <question> — the same, spelled out",
        Parameters: [new("question", "What do you want to know?", ParameterKind.Text, Required: true, MaxLength: 2000, SuggestsSections: true)],
        InDirectMessages: true);

    /// <summary>Built in: answered by the conversation core itself, from this catalogue.</summary>
    public static readonly CommandDescriptor Help = new(
        "help", "What StudyBot can do.", "help — this text", RateLimit: RateLimitClass.Free, InDirectMessages: true);

    public static readonly CommandDescriptor Quiz = new(
        "quiz", "The daily quiz in this channel.",
        "quiz — this channel's quiz schedule; quiz me — a question due for you (private); admins: quiz now | quiz skip | quiz off | quiz ban [id] | quiz schedule <cron> [timezone]",
        SubVerbs:
        [
            new("status", "When the next quiz is posted here."),
            new("me", "A quiz question due for you, from your own reviews (only you see it).", Visibility: Visibility.Private),
            new("now", "Post a quiz question now.", Admin: true, Visibility: Visibility.Private),
            new("schedule", "Set when the daily quiz is posted here.", Admin: true, Visibility: Visibility.Private,
                Parameters:
                [
                    new("cron", "A cron expression, for example 0 9 * * 1-5", ParameterKind.Words, Required: true, Words: 5),
                    new("timezone", "A time zone, for example Europe/Berlin", MaxLength: 64),
                ]),
            new("skip", "Skip the next scheduled quiz here.", Admin: true, Visibility: Visibility.Private),
            new("off", "Stop the daily quiz here.", Admin: true, Visibility: Visibility.Private),
            new("ban", "Retire a quiz question for good (the last one posted here by default).", Admin: true, Visibility: Visibility.Private,
                Parameters: [new("id", "The question's id")]),
        ]);

    public static readonly CommandDescriptor Leaderboard = new(
        "leaderboard", "Quiz points this month and all time.", "leaderboard — quiz points this month and all time");

    public static readonly CommandDescriptor Me = new(
        "me", "Your quiz points, streak and accuracy (only you see it).", "me — your quiz points, streak and accuracy",
        Visibility: Visibility.Private);

    public static readonly CommandDescriptor Sources = new(
        "sources", "Which notes are loaded, with counts.", "sources — which notes are loaded, with passage counts",
        InDirectMessages: true, AdminShortcut: true);

    public static readonly CommandDescriptor Reload = new(
        "reload", "Re-read the notes and show what changed.", "reload — re-read the notes folder and show what changed",
        Admin: true, Visibility: Visibility.Private, AdminShortcut: true);

    public static readonly CommandDescriptor Stats = new(
        "stats", "Files, passages, questions asked and answered.", "stats — files and passages indexed, questions asked, share answered",
        Admin: true, Visibility: Visibility.Private, AdminShortcut: true);

    public static readonly CommandDescriptor Gaps = new(
        "gaps", "Questions the notes could not answer, most asked first.",
        "gaps [N] — the questions the notes could not answer or answered wrongly (👎), most asked first; gaps done N — take entry N off the list",
        Admin: true, Visibility: Visibility.Private, AdminShortcut: true,
        Parameters: [new("count", "How many to list (10 by default)", ParameterKind.Integer)],
        SubVerbs: [new("done", "Take entry N off the list.", Admin: true, Visibility: Visibility.Private,
            Parameters: [new("number", "The entry's number in the list", ParameterKind.Integer, Required: true)])]);

    /// <summary>Every command, in the order the platforms' menus show them.</summary>
    public static IReadOnlyList<CommandDescriptor> All { get; } = [Ask, Quiz, Leaderboard, Me, Sources, Reload, Stats, Gaps, Help];

    internal static string MenuLine(string description, bool admin) =>
        admin ? description.TrimEnd('.') + " (admin)." : description;

    /// <summary>Who sees the reply to <paramref name="text"/> when it is one of these commands (decided before the reply
    /// exists, for a platform that must say so up front, as Discord's deferred answer does); public otherwise.</summary>
    public static Visibility VisibilityOf(string text) =>
        CommandLine.Parse(text, All) is { } command ? command.Descriptor.VisibilityOf(command.SubVerb) : Visibility.Public;
}
