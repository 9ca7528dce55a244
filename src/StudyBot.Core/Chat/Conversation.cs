using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>
/// The one conversation core. Routes a message to a command when it is one (<see cref="CommandLine"/>: a leading "/"
/// or "!", or the command's exact syntax), a button press to the <see cref="IChatActionHandler"/> of its prefix, and
/// anything else to the notes as a question. Enforces what each <see cref="CommandDescriptor"/> declares (admin rule,
/// audit, rate limit, visibility) for every platform, records questions for <c>stats</c> and <c>gaps</c>, and turns any
/// exception into a polite reply.
/// </summary>
public sealed partial class Conversation : IConversation
{
    /// <summary>The built-in commands, answered here; "ask" is also the action prefix of the suggested sections.</summary>
    private static readonly string AskWord = CommandCatalogue.Ask.Name;
    private static readonly string HelpWord = CommandCatalogue.Help.Name;

    private static readonly TimeSpan RefusalWindow = TimeSpan.FromMinutes(1);
    /// <summary>Discord's custom_id limit, the tightest of the platforms.</summary>
    private const int MaxActionId = 100;
    private const int MaxSuggestions = 3;
    private const int MaxSuggestionLabel = 80;

    private readonly AnswerCache _answers;
    private readonly IReadOnlyDictionary<string, IChatCommand> _commands;
    private readonly IReadOnlyDictionary<string, IChatActionHandler> _actions;
    private readonly IQuestionLog _questions;
    private readonly IAuditLog _audit;
    private readonly QuestionRateLimiter _rateLimiter;
    private readonly TimeProvider _time;
    private readonly ChatOptions _options;
    private readonly ILogger<Conversation> _logger;
    private readonly RefusalWindowState _refusals = new();
    private readonly SourceLinks? _links;
    private readonly FollowUps _followUps;
    private readonly NoteImageFinder? _images;

    public Conversation(
        AnswerCache answers,
        IEnumerable<IChatCommand> commands,
        IEnumerable<IChatActionHandler> actions,
        IQuestionLog questions,
        IAuditLog audit,
        QuestionRateLimiter rateLimiter,
        TimeProvider time,
        IOptions<ChatOptions> options,
        ILogger<Conversation> logger,
        SourceLinks? links = null,
        NoteImageFinder? images = null)
    {
        _answers = answers;
        _commands = ToDictionary(commands, c => c.Descriptor.Name, "command");
        if (_commands.ContainsKey(AskWord) || _commands.ContainsKey(HelpWord))
        {
            throw new InvalidOperationException("The command names 'ask' and 'help' are built in.");
        }

        _actions = ToDictionary(actions, a => a.Prefix, "action prefix");
        if (_actions.ContainsKey(AskWord))
        {
            throw new InvalidOperationException("The action prefix 'ask' is built in (the suggested sections under a decline).");
        }

        _questions = questions;
        _audit = audit;
        _rateLimiter = rateLimiter;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _links = links;
        _images = images;
        _followUps = new FollowUps(time);
    }

    /// <inheritdoc />
    public async Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return message.ActionData is { } action
                ? await HandleActionAsync(message, action, cancellationToken).ConfigureAwait(false)
                : await HandleTextAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            LogFailed(exception, message.Platform, message.ChannelId, message.UserId);
            return new Reply(
                "Sorry, something went wrong on my side while handling that. Please try again in a moment.",
                Kind: ReplyKind.Error,
                Private: true);
        }
    }

    private async Task<Reply> HandleActionAsync(IncomingMessage message, string action, CancellationToken cancellationToken)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? action : action[..colon];
        if (prefix == AskWord && colon > 0 && action.Length > colon + 1)
        {
            // A suggested section under a decline: asking about it is asking its title.
            return Answer(message, action[(colon + 1)..]);
        }

        if (_actions.TryGetValue(prefix, out var handler))
        {
            return await handler.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        }

        LogUnknownAction(prefix);
        return new Reply("That button is no longer active.", Private: true);
    }

    private async Task<Reply> HandleTextAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var text = message.Text.Trim();
        if (text.Length == 0)
        {
            return new Reply("Ask me a question about the notes, or type **help** to see what I can do.", Kind: ReplyKind.Help);
        }

        var split = CommandLine.SplitText(text);

        // The limit is on what the user typed as the question: Discord's /ask allows 2,000 characters in its option,
        // and the "ask " the adapter puts in front must not make a question of exactly that length too long.
        var measured = split.Word == AskWord ? split.Arguments : text;
        if (measured.Length > _options.MaxMessageLength)
        {
            return new Reply(
                string.Create(CultureInfo.InvariantCulture,
                    $"That message is {measured.Length:N0} characters long; I read at most {_options.MaxMessageLength:N0}. Please ask a shorter question."),
                Kind: ReplyKind.Text);
        }

        if (split.Prefixed && split.Word.Length == 0)
        {
            return HelpReply(message, null);
        }

        // "Sources of EBS encryption?" is a question, not the sources command; "/sources" or "sources" is the command.
        if (CommandLine.Match(split, Find(split.Word)) is { } command)
        {
            return await RunCommandAsync(message, command, cancellationToken).ConfigureAwait(false);
        }

        return split.Prefixed ? HelpReply(message, split.Word) : Answer(message, text, Find(split.Word));
    }

    /// <summary>The built-in <c>ask</c> and <c>help</c>, or a registered command's descriptor.</summary>
    private CommandDescriptor? Find(string word) =>
        word == AskWord ? CommandCatalogue.Ask
        : word == HelpWord ? CommandCatalogue.Help
        : _commands.TryGetValue(word, out var handler) ? handler.Descriptor : null;

    /// <summary>Runs a command as its descriptor says: rate limit, admin rule (refusals and runs audited), handler,
    /// visibility.</summary>
    private async Task<Reply> RunCommandAsync(IncomingMessage message, ParsedCommand command, CancellationToken cancellationToken)
    {
        var descriptor = command.Descriptor;
        if (descriptor.Name == AskWord)
        {
            // Questions take their token in Answer, after small talk (which is free).
            return command.Arguments.Length == 0
                ? new Reply("Ask what? For example: **ask Is EBS encrypted by default?**", Kind: ReplyKind.Help)
                : Answer(message, command.Arguments);
        }

        if (descriptor.RateLimit == RateLimitClass.PerUser && !_rateLimiter.TryAcquire(message))
        {
            LogRateLimited(message.Platform, message.UserId);
            return SlowDownReply();
        }

        var visibility = descriptor.VisibilityOf(command.SubVerb);
        if (descriptor.Name == HelpWord)
        {
            return Visible(HelpReply(message, null), visibility);
        }

        var handler = _commands[descriptor.Name];
        if (!descriptor.IsAdmin(command.SubVerb))
        {
            return Visible(await handler.ExecuteAsync(message, command.Arguments, cancellationToken).ConfigureAwait(false), visibility);
        }

        if (!message.IsAdmin)
        {
            await RecordRefusalAsync(message, command, cancellationToken).ConfigureAwait(false);
            return new Reply(
                $"Sorry, **{command.DisplayName}** is an admin command, and you are not an admin here.",
                Kind: ReplyKind.Refused,
                Private: true);
        }

        Reply reply;
        try
        {
            reply = await handler.ExecuteAsync(message, command.Arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await AuditAsync(message, command, $"{AuditOutcomes.Failed}: {exception.GetType().Name}", CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }

        LogAdminCommand(command.DisplayName, message.Platform, message.UserId);
        await AuditAsync(message, command, AuditOutcomes.Ok, cancellationToken).ConfigureAwait(false);
        return Visible(reply, visibility);
    }

    /// <summary>A private command's reply is private on every platform, whatever the handler wrote; a public command's
    /// reply may still be private (a refusal, an error).</summary>
    private static Reply Visible(Reply reply, Visibility visibility) =>
        visibility == Visibility.Private && !reply.Private ? reply with { Private = true } : reply;

    /// <summary>
    /// Logs and audits a refused admin command, but only the first <see cref="ChatOptions.MaxRefusalsRecordedPerMinute"/>
    /// of each minute across all users (user ids are whatever a web client says, so a per-user cap bounds nothing);
    /// the rest are counted and recorded as one summary entry with the next refusal after the minute.
    /// </summary>
    private async Task RecordRefusalAsync(IncomingMessage message, ParsedCommand command, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        int summarised;
        DateTimeOffset windowStart;
        lock (_refusals)
        {
            windowStart = _refusals.WindowStart;
            summarised = 0;
            if (now - _refusals.WindowStart >= RefusalWindow)
            {
                summarised = _refusals.Suppressed;
                _refusals.WindowStart = now;
                _refusals.Recorded = 0;
                _refusals.Suppressed = 0;
            }

            if (_refusals.Recorded >= _options.MaxRefusalsRecordedPerMinute)
            {
                _refusals.Suppressed++;
                return;
            }

            _refusals.Recorded++;
        }

        if (summarised > 0)
        {
            LogRefusalsSummarised(summarised, windowStart);
            await _audit.RecordAsync(
                new AuditEntry(now, "*", "*", "*", "*", "",
                    string.Create(CultureInfo.InvariantCulture, $"{AuditOutcomes.Refused}: {summarised} more refused admin commands in the minute from {windowStart:O}, not recorded one by one")),
                cancellationToken).ConfigureAwait(false);
        }

        LogRefused(command.DisplayName, message.Platform, message.UserId);
        await AuditAsync(message, command, AuditOutcomes.Refused, cancellationToken).ConfigureAwait(false);
    }

    private Task AuditAsync(IncomingMessage message, ParsedCommand command, string outcome, CancellationToken cancellationToken) =>
        _audit.RecordAsync(
            new AuditEntry(_time.GetUtcNow(), message.Platform, message.UserId, message.DisplayName, command.Descriptor.Name, command.Arguments, outcome),
            cancellationToken);

    /// <param name="commandWord">The command <paramref name="text"/> opens with but does not follow the syntax of
    /// ("quiz schedule every day at 9", "stats please"): read as a question, and when the notes decline it the reply says
    /// how the command is typed, so an admin's slip is not left at "the notes don't cover that".</param>
    private Reply Answer(IncomingMessage message, string text, CommandDescriptor? commandWord = null)
    {
        if (SmallTalk.ReplyTo(text) is { } smallTalk)
        {
            return smallTalk;
        }

        var (question, assumed) = _followUps.Resolve(message, text);

        if (!_rateLimiter.TryAcquire(message))
        {
            LogRateLimited(message.Platform, message.UserId);
            return SlowDownReply();
        }

        var answer = _answers.Ask(question);
        if (!answer.Answered && assumed is not null && _answers.Ask(text) is { Answered: true } asTyped)
        {
            // A follow-up guess the notes do not answer gives way to the words as typed when those are answered: "what
            // about S3?" after "compare ECS and EKS" was read "compare S3 and EKS" and declined.
            (question, assumed, answer) = (text, null, asTyped);
        }

        _questions.Record(new QuestionRecord(_time.GetUtcNow(), message.Platform, question, answer.Answered));
        LogQuestion(message.Platform, message.UserId, answer.Answered, answer.Citations.Count);
        _followUps.Remember(message, question);

        // A follow-up or a misspelt word says how it was read, so a wrong guess is seen at once.
        var readAs = answer.Answered ? answer.Corrected ?? assumed : assumed;
        var reading = readAs is null ? "" : $"*Reading that as: {readAs}*\n\n";
        if (answer.Answered)
        {
            var citations = _links is null ? answer.Citations : answer.Citations.Select(_links.WithLink).ToList();
            answer = _images?.WithImages(answer) ?? answer;
            return new Reply(
                reading + AnswerMarkdown.Write(answer),
                Citations: citations,
                Buttons: AnswerFeedback.Buttons(question),
                Kind: ReplyKind.Answer,
                Images: answer.Images);
        }

        // The decline names the related sections; the buttons ask about them.
        var usage = commandWord is null || commandWord == CommandCatalogue.Ask
            ? ""
            : $"\n\nIf you meant the **{commandWord.Name}** command: {commandWord.Help}. Start with / to be read as the command alone (/{commandWord.Name} …).";
        return new Reply(reading + AnswerMarkdown.Write(answer) + usage, Buttons: SuggestionButtons(answer.Related, answer.Corrected), Kind: ReplyKind.Declined);
    }

    /// <summary>"Did you mean": the question with its misspelt words corrected, when the notes answer that, then one
    /// button per related section (at most <see cref="MaxSuggestions"/> in all) that asks about it.</summary>
    private static List<ReplyButton>? SuggestionButtons(IReadOnlyList<Citation> related, string? corrected)
    {
        var spelling = corrected is { Length: > 0 } c && c.Length <= MaxActionId - AskWord.Length - 1
            ? new ReplyButton(Shorten($"Did you mean: {c}", MaxSuggestionLabel), $"{AskWord}:{c}", ButtonStyle.Primary)
            : null;
        var buttons = related
            .Select(r => r.Section.Trim())
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(spelling is null ? MaxSuggestions : MaxSuggestions - 1)
            .Select(s => new ReplyButton(Shorten(s, MaxSuggestionLabel), $"{AskWord}:{Shorten(s, MaxActionId - AskWord.Length - 1)}"))
            .ToList();
        if (spelling is not null)
        {
            buttons.Insert(0, spelling);
        }

        return buttons.Count == 0 ? null : buttons;

        static string Shorten(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd();
    }

    private static Reply SlowDownReply() => new(
        "Slow down a little: you have asked a lot of questions in a short time. Please wait a few seconds and ask again.",
        Kind: ReplyKind.RateLimited,
        Private: true);

    private Reply HelpReply(IncomingMessage message, string? unknownWord)
    {
        var text = new StringBuilder();
        if (unknownWord is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"I don't know the command **{unknownWord}**. Here is what I can do:\n\n");
        }

        text.Append("Ask me anything about the team's notes — just type the question — and I answer with the lines I found it in.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- {CommandCatalogue.Ask.Help}\n");
        text.Append(CultureInfo.InvariantCulture, $"- {CommandCatalogue.Help.Help}\n");
        var commands = _commands.Values.Select(c => c.Descriptor).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        foreach (var command in commands.Where(c => !c.Admin))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {command.Help}\n");
        }

        var admin = commands.Where(c => c.Admin).ToList();
        if (admin.Count > 0)
        {
            text.Append(message.IsAdmin ? "\nAdmin commands:\n" : "\nAdmin commands (for admins only):\n");
            foreach (var command in admin)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {command.Help}\n");
            }
        }

        return new Reply(text.ToString().TrimEnd(), Title: "Help", Kind: ReplyKind.Help);
    }

    private static Dictionary<string, T> ToDictionary<T>(IEnumerable<T> items, Func<T, string> key, string what)
    {
        var dictionary = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (!dictionary.TryAdd(key(item), item))
            {
                throw new InvalidOperationException($"Two chat handlers use the {what} '{key(item)}'.");
            }
        }

        return dictionary;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a message failed on {Platform} channel {ChannelId} for user {UserId}")]
    private partial void LogFailed(Exception exception, string platform, string channelId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No action handler for the button prefix {Prefix}")]
    private partial void LogUnknownAction(string prefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused admin command {Command} for {Platform} user {UserId}")]
    private partial void LogRefused(string command, string platform, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more admin commands were refused in the minute from {WindowStart}; not logged one by one")]
    private partial void LogRefusalsSummarised(int count, DateTimeOffset windowStart);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin command {Command} run by {Platform} user {UserId}")]
    private partial void LogAdminCommand(string command, string platform, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limited questions from {Platform} user {UserId}")]
    private partial void LogRateLimited(string platform, string userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Question from {Platform} user {UserId}: answered {Answered} with {Citations} citations")]
    private partial void LogQuestion(string platform, string userId, bool answered, int citations);
}

/// <summary>Refused admin commands in the current minute: recorded one by one, and suppressed beyond the cap.</summary>
internal sealed class RefusalWindowState
{
    public DateTimeOffset WindowStart { get; set; } = DateTimeOffset.MinValue;

    public int Recorded { get; set; }

    public int Suppressed { get; set; }
}
