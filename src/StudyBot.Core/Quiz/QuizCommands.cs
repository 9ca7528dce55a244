using System.Globalization;
using StudyBot.Core.Chat;

namespace StudyBot.Core.Quiz;

/// <summary>
/// <c>quiz</c>: the channel's schedule for everyone; <c>quiz me</c>, a private question from the member's own
/// reviews; <c>quiz schedule &lt;cron&gt; [timezone]</c>, <c>quiz now</c>, <c>quiz skip</c>, <c>quiz off</c> and
/// <c>quiz ban [id]</c> for admins (<see cref="CommandCatalogue.Quiz"/> says which sub-verbs are admin; the
/// conversation core refuses and audits).
/// </summary>
internal sealed class QuizChatCommand(
    QuizService quiz, QuizStore store, QuizSchedulerSignal signal, TimeProvider time, QuestionBank bank) : IChatCommand
{
    public CommandDescriptor Descriptor => CommandCatalogue.Quiz;

    public async Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length == 0 ? "status" : words[0].ToLowerInvariant();
        if (verb is "status")
        {
            return await StatusAsync(message, cancellationToken);
        }

        if (verb is "me")
        {
            return await quiz.PracticeAsync(message, cancellationToken);
        }

        if (verb is not ("schedule" or "now" or "skip" or "off" or "ban"))
        {
            return new Reply($"Unknown quiz command '{words[0]}'. {Descriptor.Help}", Kind: ReplyKind.Help);
        }

        // Admin rights, refusals and the audit are the conversation core's (the sub-verbs are admin in the catalogue).
        return await RunAdminAsync(message, verb, words, cancellationToken);
    }

    /// <summary><c>quiz ban [id]</c>: retires a question for good (the one last posted here when no id is given).</summary>
    private async Task<Reply> BanAsync(IncomingMessage message, string? id, CancellationToken cancellationToken)
    {
        var question = id is null
            ? (await store.LatestPostAsync(message.Platform, message.ChannelId, cancellationToken))?.Question
            : bank.Find(id);
        if (question is null)
        {
            return new Reply(id is null ? "No quiz was posted in this channel yet; give the question's id: quiz ban <id>." : $"There is no question with id '{id}'.", Kind: ReplyKind.Admin);
        }

        var retired = await store.BanAsync(question.Id, message.UserId, time.GetUtcNow(), cancellationToken);
        return new Reply(
            retired ? $"Retired question `{question.Id}` (“{question.Text}”); it will not be asked again." : $"Question `{question.Id}` was retired already.",
            Kind: ReplyKind.Admin);
    }

    private async Task<Reply> RunAdminAsync(IncomingMessage message, string verb, string[] words, CancellationToken cancellationToken)
    {
        switch (verb)
        {
            case "now":
                var post = await quiz.PostNowAsync(message.Platform, message.ChannelId, cancellationToken);
                signal.Wake(); // the scheduler plans the reveal
                return post switch
                {
                    // A small set of notes may give no question a reader would keep: the team's own questions fill that gap.
                    null => new Reply($"There is no quiz question to post: {QuizService.NoQuestionsReason}, or this platform cannot post to channels.", Kind: ReplyKind.Admin),
                    { Status: "posted" } => new Reply($"Posted quiz #{post.Id}.", Kind: ReplyKind.Admin),
                    _ => new Reply($"Quiz #{post.Id} could not be posted yet ({post.Status}); it will be retried if possible.", Kind: ReplyKind.Admin),
                };
            case "off":
                var known = await store.DisableAsync(message.Platform, message.ChannelId, time.GetUtcNow(), cancellationToken);
                signal.Wake();
                return new Reply(known ? "The daily quiz is off in this channel. Scores are kept." : "This channel has no quiz schedule.", Kind: ReplyKind.Admin);
            case "skip":
                return await SkipAsync(message, cancellationToken);
            case "ban":
                return await BanAsync(message, words.Length > 1 ? words[1] : null, cancellationToken);
            default:
                return await ScheduleAsync(message, words[1..], cancellationToken);
        }
    }

    private async Task<Reply> ScheduleAsync(IncomingMessage message, string[] args, CancellationToken cancellationToken)
    {
        // A 5-field cron, optionally followed by a time zone: "0 9 * * 1-5 Europe/Berlin".
        if (args.Length < 5)
        {
            return new Reply("Usage: quiz schedule <cron> [timezone], for example: quiz schedule 0 9 * * 1-5 Europe/Berlin", Kind: ReplyKind.Admin);
        }

        var cronText = string.Join(' ', args[..5]);
        var zoneText = args.Length > 5 ? string.Join(' ', args[5..]) : "UTC";
        if (!QuizSchedule.TryParseCron(cronText, out var cron))
        {
            return new Reply($"'{cronText}' is not a cron expression (minute hour day month weekday).", Kind: ReplyKind.Admin);
        }

        if (!QuizSchedule.TryFindZone(zoneText, out var zone))
        {
            return new Reply($"'{zoneText}' is not a known time zone (try Europe/Berlin or UTC).", Kind: ReplyKind.Admin);
        }

        var now = time.GetUtcNow();
        await store.SetScheduleAsync(message.Platform, message.ChannelId, cronText, zoneText, now, cancellationToken);
        signal.Wake();
        var next = QuizSchedule.Next(cron!, zone, now);
        return new Reply($"Quiz scheduled: {CronText.Describe(cronText)} ({zoneText}). Next: {Format(next, zone)}.", Kind: ReplyKind.Admin);
    }

    private async Task<Reply> SkipAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (await ScheduledAsync(message, cancellationToken) is not { } scheduled)
        {
            return new Reply("This channel has no quiz schedule to skip.", Kind: ReplyKind.Admin);
        }

        var (_, zone, next) = scheduled;
        if (next is null)
        {
            return new Reply("There is no next quiz to skip.", Kind: ReplyKind.Admin);
        }

        await store.SetSkipAsync(message.Platform, message.ChannelId, next.Value, cancellationToken);
        return new Reply($"The quiz of {Format(next, zone)} will be skipped.", Kind: ReplyKind.Admin);
    }

    private async Task<Reply> StatusAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var supply = Supply(await quiz.SupplyAsync(message.Platform, message.ChannelId, cancellationToken));
        if (await ScheduledAsync(message, cancellationToken) is not { } scheduled)
        {
            return new Reply($"This channel has no daily quiz. An admin can start one with: quiz schedule 0 9 * * 1-5 Europe/Berlin\n\n{supply}", Kind: ReplyKind.Text);
        }

        var (channel, zone, next) = scheduled;
        return new Reply($"Daily quiz: {CronText.Describe(channel.Cron)} ({channel.TimeZone}). Next: {Format(next, zone)}.\n\n{supply}", Kind: ReplyKind.Text);
    }

    /// <summary>"Questions: 5 questions from the notes (2 of them in reserve); 3 not yet asked here." and, when few are left,
    /// how a team adds its own.</summary>
    internal static string Supply(QuizSupply supply)
    {
        var left = supply.Bank + supply.Reserve == 0 ? string.Empty
            : supply.Unasked == 0 ? "; every one was asked here, so the quiz repeats those asked longest ago"
            : $"; {supply.Unasked} not yet asked here";
        var text = $"Questions: {supply.Describe()}{left}.";
        return supply.Unasked >= QuizSupply.FewLeft
            ? text
            : text + " Write more in a *.quiz.md file beside the notes (see docs/quiz.md; `studybot quiz --markdown` drafts one from them); `reload` reads it.";
    }

    /// <summary>The channel's enabled schedule with its zone and next occurrence; null when it has none.</summary>
    private async Task<(QuizChannelRow Channel, TimeZoneInfo Zone, DateTimeOffset? Next)?> ScheduledAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var channel = await store.ChannelAsync(message.Platform, message.ChannelId, cancellationToken);
        if (channel is null || !channel.Enabled || !QuizSchedule.TryParseCron(channel.Cron, out var cron))
        {
            return null;
        }

        var zone = QuizSchedule.Zone(channel.TimeZone);
        return (channel, zone, QuizSchedule.Next(cron!, zone, time.GetUtcNow()));
    }

    private static string Format(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is null ? "never" : TimeZoneInfo.ConvertTime(instant.Value, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary><c>leaderboard</c>: points this month and all time.</summary>
internal sealed class LeaderboardCommand(QuizService quiz) : IChatCommand
{
    public CommandDescriptor Descriptor => CommandCatalogue.Leaderboard;

    public Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken) =>
        quiz.LeaderboardAsync(message, cancellationToken);
}

/// <summary><c>me</c>: my points, streak and accuracy.</summary>
internal sealed class MeCommand(QuizService quiz) : IChatCommand
{
    public CommandDescriptor Descriptor => CommandCatalogue.Me;

    public async Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken)
    {
        var s = await quiz.MyStatsAsync(message.Platform, message.ChannelId, message.UserId, cancellationToken);
        var text = s.Answered == 0
            ? "You have not answered a quiz yet."
            : string.Create(CultureInfo.InvariantCulture,
                $"{s.Points} point{(s.Points == 1 ? string.Empty : "s")}, streak {s.Streak} day{(s.Streak == 1 ? string.Empty : "s")}, accuracy {Math.Round(100 * s.Accuracy)}% ({s.Correct}/{s.Answered} correct).");
        return new Reply(text, Title: message.DisplayName, Private: true, Kind: ReplyKind.Leaderboard);
    }
}

/// <summary>Quiz answer buttons: action ids <c>quiz:{postId}:{choiceIndex}</c>.</summary>
internal sealed class QuizActionHandler(QuizService quiz) : IChatActionHandler
{
    public string Prefix => "quiz";

    public Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        quiz.AnswerAsync(message, cancellationToken);
}

/// <summary>Lets adapters register channels (<see cref="IQuizChannelRegistry"/>), backed by the quiz store.</summary>
internal sealed class QuizChannelRegistry(QuizStore store, QuizSchedulerSignal signal, TimeProvider time) : IQuizChannelRegistry
{
    public async Task EnsureScheduleAsync(QuizChannelSchedule schedule, CancellationToken cancellationToken)
    {
        if (!QuizSchedule.TryParseCron(schedule.Cron, out _))
        {
            throw new ArgumentException($"'{schedule.Cron}' is not a cron expression.", nameof(schedule));
        }

        if (!QuizSchedule.TryFindZone(schedule.TimeZone, out _))
        {
            throw new ArgumentException($"'{schedule.TimeZone}' is not a known time zone.", nameof(schedule));
        }

        var zone = string.IsNullOrWhiteSpace(schedule.TimeZone) ? "UTC" : schedule.TimeZone.Trim();
        await store.EnsureConfiguredAsync(schedule with { TimeZone = zone }, time.GetUtcNow(), cancellationToken);
        signal.Wake();
    }

    public async Task RemoveChannelAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await store.RemoveAsync(platform, channelId, cancellationToken);
        signal.Wake();
    }
}
