using System.Globalization;

namespace StudyBot.Core.Quiz;

/// <summary>
/// A quiz schedule in words ("weekdays at 09:00") for people who do not read cron; the cron itself is kept in
/// brackets for the forms this does not put into words (steps, several hours, days of the month).
/// </summary>
public static class CronText
{
    private static readonly string[] DayNames = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"];

    /// <summary>"every day at 15:32", "weekdays at 09:00", "Mondays and Thursdays at 08:30", else "on the schedule `cron`".</summary>
    public static string Describe(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5
            && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) && minute < 60
            && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour < 24
            && fields[2] == "*" && fields[3] == "*"
            && Days(fields[4]) is { } days)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{days} at {hour:00}:{minute:00}");
        }

        return $"on the schedule `{cron}`";
    }

    private static string? Days(string field)
    {
        if (field is "*" or "?")
        {
            return "every day";
        }

        var days = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var range = part.Split('-');
            if (range.Length is < 1 or > 2 || !range.All(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= 7))
            {
                return null;
            }

            var from = int.Parse(range[0], CultureInfo.InvariantCulture);
            var to = int.Parse(range[^1], CultureInfo.InvariantCulture);
            if (to < from)
            {
                return null;
            }

            for (var day = from; day <= to; day++)
            {
                days.Add(day % 7);
            }
        }

        return days.Count switch
        {
            7 => "every day",
            _ when days.SetEquals([1, 2, 3, 4, 5]) => "weekdays",
            _ when days.SetEquals([0, 6]) => "weekends",
            1 => DayNames[days.Min],
            _ => string.Join(", ", Ordered(days).SkipLast(1)) + " and " + Ordered(days).Last(),
        };
    }

    /// <summary>Monday first, Sunday last, as a week reads.</summary>
    private static IEnumerable<string> Ordered(SortedSet<int> days) => days.OrderBy(d => (d + 6) % 7).Select(d => DayNames[d]);
}
