namespace StudyBot.Core.Quiz;

/// <summary>When a channel gets its daily quiz: a cron expression (5 fields) in an IANA or Windows time zone.</summary>
/// <param name="Platform">One of <see cref="Chat.Platforms"/>.</param>
/// <param name="Cron">For example <c>0 9 * * 1-5</c> (weekdays at 09:00).</param>
/// <param name="TimeZone">For example <c>Europe/Berlin</c>; UTC when empty.</param>
public sealed record QuizChannelSchedule(string Platform, string ChannelId, string Cron, string TimeZone);

/// <summary>
/// The channels that get the daily quiz. Platform adapters register the channels from their configuration here at
/// start, and forget a channel when the bot is removed from it.
/// </summary>
public interface IQuizChannelRegistry
{
    /// <summary>
    /// Adds the channel with this schedule if it is not known yet. A schedule an admin has set with
    /// <c>quiz schedule</c> is kept over the configured one.
    /// </summary>
    Task EnsureScheduleAsync(QuizChannelSchedule schedule, CancellationToken cancellationToken);

    /// <summary>Stops posting to a channel (the bot was removed from it). Scores are kept.</summary>
    Task RemoveChannelAsync(string platform, string channelId, CancellationToken cancellationToken);
}
