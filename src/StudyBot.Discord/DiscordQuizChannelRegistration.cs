using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;

namespace StudyBot.Discord;

/// <summary>At start, registers the configured Discord quiz channels with the quiz schedule (an admin's schedule wins).</summary>
internal sealed partial class DiscordQuizChannelRegistration(
    IServiceScopeFactory scopes,
    IOptions<DiscordOptions> options,
    ILogger<DiscordQuizChannelRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var channels = options.Value.QuizChannels;
        if (channels.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetServices<IQuizChannelRegistry>().FirstOrDefault();
        if (registry is null)
        {
            LogNoQuiz(logger, channels.Count);
            return;
        }

        foreach (var channel in channels)
        {
            await registry.EnsureScheduleAsync(
                new QuizChannelSchedule(Platforms.Discord, channel.ChannelId!, channel.Cron!, channel.TimeZone ?? string.Empty),
                cancellationToken).ConfigureAwait(false);
            LogRegistered(logger, channel.ChannelId!, channel.Cron!, channel.TimeZone ?? "UTC");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord quiz channel {ChannelId}: {Cron} ({TimeZone})")]
    private static partial void LogRegistered(ILogger logger, string channelId, string cron, string timeZone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} Discord quiz channels are configured but the quiz is not available")]
    private static partial void LogNoQuiz(ILogger logger, int count);
}
