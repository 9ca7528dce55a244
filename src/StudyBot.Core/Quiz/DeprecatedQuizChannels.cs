using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Reads the quiz channels a platform section still lists under its old key (<c>Teams:QuizChannels</c>,
/// <c>Discord:QuizChannels</c>) into <see cref="QuizOptions.Channels"/> with the platform filled in, so the scheduler
/// and the publishers read one list; warns once, naming the new key, so operators move them.
/// </summary>
internal sealed partial class DeprecatedQuizChannels(IConfiguration configuration, string key, string platform, ILogger logger)
    : IPostConfigureOptions<QuizOptions>
{
    private int _warned;

    public void PostConfigure(string? name, QuizOptions options)
    {
        if (name != Options.DefaultName)
        {
            return;
        }

        var channels = configuration.GetSection(key).Get<List<QuizChannelOptions>>() ?? [];
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i];
            channel.Platform = platform;
            channel.DeprecatedKey = $"{key}:{i}";
            options.Channels.Add(channel);
        }

        // IOptionsMonitor builds the options again on every configuration change; the operator needs telling once.
        if (channels.Count > 0 && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogDeprecated(logger, key, channels.Count, QuizOptions.SectionName, platform);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Key} is deprecated and read into {Section}:Channels ({Count} channels): move them there with \"Platform\": \"{Platform}\"")]
    private static partial void LogDeprecated(ILogger logger, string key, int count, string section, string platform);
}
