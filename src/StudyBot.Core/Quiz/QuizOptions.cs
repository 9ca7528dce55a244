using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Quiz;

/// <summary>The <c>Quiz</c> configuration section.</summary>
public sealed class QuizOptions : IValidatableObject
{
    public const string SectionName = "Quiz";

    /// <summary>
    /// Channels that get the daily quiz from configuration, on every platform (admins can add more with
    /// <c>quiz schedule</c>). The old <c>Discord:QuizChannels</c> and <c>Teams:QuizChannels</c> are read into it.
    /// </summary>
    public List<QuizChannelOptions> Channels { get; set; } = [];

    /// <summary>How long after posting the answer is revealed (or earlier, when the next quiz is posted).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RevealAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A question may come back in a channel after this many days even if not every question was asked yet.</summary>
    [Range(1, 3650)]
    public int RepeatAfterDays { get; set; } = 60;

    /// <summary>The knowledge folder holding <c>*.quiz.md</c> files; empty means <c>Knowledge:Path</c>.</summary>
    public string? KnowledgePath { get; set; }

    /// <summary>Points for a correct first answer.</summary>
    [Range(1, 1000)]
    public int PointsPerCorrectAnswer { get; set; } = 1;

    /// <summary>How often the scheduler looks at the schedule at the latest (it also wakes on changes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxSleep { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a worker owns a post or reveal it is publishing. Several instances on one PostgreSQL database post each
    /// quiz once: the one that claims it publishes, and if it dies mid-publish another one publishes it (with the same
    /// idempotency key) once this much time has passed. Longer than a publish can take (the platforms' HTTP timeouts).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait before retrying a post the platform refused or that failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A configured channel with a bad cron expression or time zone stops the app at start, naming it by index.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Channels.Count; i++)
        {
            var c = Channels[i];
            if (c.DeprecatedKey is not null)
            {
                continue; // checked, and named, by its platform's options under its old key
            }

            if (string.IsNullOrWhiteSpace(c.Platform) || string.IsNullOrWhiteSpace(c.ChannelId))
            {
                yield return new ValidationResult($"Quiz:Channels:{i}: Platform and ChannelId are required.");
            }

            if (!QuizSchedule.TryParseCron(c.Cron ?? string.Empty, out _))
            {
                yield return new ValidationResult($"Quiz:Channels:{i}:Cron '{c.Cron}' is not a cron expression (minute hour day month weekday).");
            }

            if (!QuizSchedule.TryFindZone(c.TimeZone, out _))
            {
                yield return new ValidationResult($"Quiz:Channels:{i}:TimeZone '{c.TimeZone}' is not a known time zone.");
            }
        }
    }
}

/// <summary>Validates <see cref="QuizOptions"/> (generated at compile time).</summary>
[OptionsValidator]
internal sealed partial class QuizOptionsValidator : IValidateOptions<QuizOptions>;

/// <summary>One configured quiz channel (<c>Quiz:Channels</c>); checked by <see cref="QuizOptions.Validate"/>, which names it by index.</summary>
public sealed class QuizChannelOptions
{
    /// <summary>One of <see cref="Chat.Platforms"/>.</summary>
    public string Platform { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    /// <summary>Five-field cron, for example <c>0 9 * * 1-5</c>.</summary>
    public string Cron { get; set; } = "0 9 * * 1-5";

    /// <summary>IANA or Windows time zone id; UTC when empty.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Teams only: the connector URL of the channel's team, used until the bot has seen the team itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Where an entry read from an old key came from (<c>Teams:QuizChannels:0</c>); null for <c>Quiz:Channels</c>.</summary>
    internal string? DeprecatedKey { get; set; }
}
