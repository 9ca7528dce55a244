using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;

namespace StudyBot.Core.Quiz;

/// <summary>Wakes the scheduler early when a schedule changed.</summary>
public sealed class QuizSchedulerSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled by another thread.
            }
        }
    }

    internal Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);
}

/// <summary>
/// Posts due quizzes and reveals: registers the configured channels, then runs the due work in a fresh DI scope and
/// sleeps (on the injected <see cref="TimeProvider"/>) until the next occurrence, reveal or retry.
/// </summary>
internal sealed partial class QuizScheduler(
    IServiceScopeFactory scopes,
    IOptions<QuizOptions> options,
    QuizSchedulerSignal signal,
    TimeProvider time,
    ILogger<QuizScheduler> logger) : BackgroundService, IBackgroundWork
{
    private static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(100);
    private readonly IdleTracker _idle = new();

    /// <summary>Completes once the scheduler sleeps on the clock (or a schedule change) with nothing due.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => _idle.WhenIdleAsync(cancellationToken);

    /// <summary>Runs the due work once (a unit of work in its own scope); returns when to look again.</summary>
    public async Task<DateTimeOffset> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuizService>().RunDueAsync(cancellationToken);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _idle.Started();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var running = _idle.Running();
        await RegisterConfiguredChannelsAsync(stoppingToken);
        await TakeBackClaimsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset next;
            try
            {
                next = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRunFailed(e);
                next = time.GetUtcNow() + options.Value.RetryAfter;
            }

            var delay = next - time.GetUtcNow();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);

            // Work already (or all but) due: a short pause in real time guards against a busy loop. It is no wait on
            // the schedule, so it must not hang on a clock that stands still (a test's fake clock moved on meanwhile).
            var span = delay > options.Value.MaxSleep ? options.Value.MaxSleep : delay;
            var sleep = delay < MinPause ? Task.Delay(MinPause, cts.Token) : Task.Delay(span, time, cts.Token);

            // The timer was set at or before this read, so it fires when the clock gets here at the latest.
            var firesBy = time.GetUtcNow() + span;
            var wake = signal.WaitAsync(cts.Token);

            // A clock that moved between reading it and setting the timer (a test's fake clock, stepped to the next
            // occurrence) would start the timer late and sleep past work that is due now: look again at once.
            if (delay < MinPause)
            {
                await Task.WhenAny(sleep, wake);
            }
            else if (time.GetUtcNow() < next)
            {
                // Only a sleep on the clock is idle: the short pause above ends by itself, in real time.
                await _idle.ParkUntilAsync(Task.WhenAny(sleep, wake), time, firesBy, () => sleep.IsCompleted || wake.IsCompleted);
            }

            await cts.CancelAsync();
            await Task.WhenAll(sleep, wake).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// On SQLite this process is the only one on the file, so a post or reveal an earlier run claimed and was cut off
    /// publishing (a crash) is retried at once, as before claims existed. On PostgreSQL the claim may be another
    /// instance's, live: it runs out by itself.
    /// </summary>
    private async Task TakeBackClaimsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<QuizStore>();
        if (store.IsShared)
        {
            return;
        }

        try
        {
            await store.ReleaseClaimsAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogClaimsNotTakenBack(e);
        }
    }

    private async Task RegisterConfiguredChannelsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<IQuizChannelRegistry>();
        foreach (var c in options.Value.Channels)
        {
            try
            {
                await registry.EnsureScheduleAsync(new QuizChannelSchedule(c.Platform, c.ChannelId, c.Cron, c.TimeZone), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bad entry or an unreachable database must not stop the bot; the entry is retried at the next start.
                LogChannelNotRegistered(e, c.Platform, c.ChannelId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Quiz posts claimed by an earlier run not taken back; they are retried when the claims run out")]
    private partial void LogClaimsNotTakenBack(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Quiz scheduler run failed; retrying")]
    private partial void LogRunFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Quiz channel {Platform} {ChannelId} from configuration not registered")]
    private partial void LogChannelNotRegistered(Exception exception, string platform, string channelId);
}
