using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;

namespace StudyBot.Teams;

/// <summary>At start, registers the configured Teams quiz channels with the quiz core.</summary>
internal sealed class TeamsQuizChannelSync(IServiceProvider services, IOptions<TeamsOptions> options, ILogger<TeamsQuizChannelSync> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var channels = options.Value.QuizChannels;
        if (channels.Count == 0)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetService<IQuizChannelRegistry>();
        if (registry is null)
        {
            logger.LogWarning("Teams:QuizChannels is set but the quiz is not enabled; no quiz will be posted to Teams");
            return;
        }

        foreach (var channel in channels)
        {
            await registry.EnsureScheduleAsync(
                new QuizChannelSchedule(Platforms.Teams, channel.ChannelId, channel.Cron, channel.TimeZone ?? ""), cancellationToken)
                .ConfigureAwait(false);
        }

        logger.LogInformation("Teams quiz channels registered: {Count}", channels.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
