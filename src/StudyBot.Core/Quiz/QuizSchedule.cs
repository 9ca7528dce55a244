using System.Globalization;
using Cronos;

namespace StudyBot.Core.Quiz;

/// <summary>Cron and time-zone arithmetic for quiz channels (Cronos).</summary>
public static class QuizSchedule
{
    /// <summary>Parses a 5-field (or 6-field, with seconds) cron expression; throws <see cref="CronFormatException"/>.</summary>
    public static CronExpression ParseCron(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    /// <summary>True when <paramref name="cron"/> parses.</summary>
    public static bool TryParseCron(string cron, out CronExpression? expression)
    {
        try
        {
            expression = ParseCron(cron);
            return true;
        }
        catch (CronFormatException)
        {
            expression = null;
            return false;
        }
    }

    /// <summary>Finds an IANA or Windows time zone; UTC for an empty id.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone!);
    }

    public static TimeZoneInfo Zone(string? id) => TryFindZone(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The local calendar date of an instant, "yyyy-MM-dd".</summary>
    public static string LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The latest occurrence after <paramref name="after"/> and at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset? LatestDue(CronExpression cron, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset now)
    {
        // Look back at most two days: anything older is backlog that is never posted anyway.
        var from = after > now.AddDays(-2) ? after : now.AddDays(-2);
        if (from >= now)
        {
            return null;
        }

        DateTimeOffset? latest = null;
        foreach (var o in cron.GetOccurrences(from, now, zone, fromInclusive: false, toInclusive: true))
        {
            latest = o;
        }

        return latest;
    }

    /// <summary>The next occurrence strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset? Next(CronExpression cron, TimeZoneInfo zone, DateTimeOffset after) =>
        cron.GetNextOccurrence(after, zone, inclusive: false);
}
