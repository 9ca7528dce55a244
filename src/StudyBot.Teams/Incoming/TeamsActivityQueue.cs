using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Teams.Incoming;

/// <summary>
/// Activities that passed authentication wait here, so <c>/api/messages</c> acknowledges them at once and the reply is
/// sent proactively through the connector: Teams gives up on a request after about 15 seconds and may send the
/// activity again, and an answer (or a slow connector) can take longer than that. Each activity is handled in a DI
/// scope of its own; on shutdown the queued ones are still handled until the host's stop timeout runs out.
/// </summary>
internal sealed partial class TeamsActivityQueue(IServiceScopeFactory scopes, ILogger<TeamsActivityQueue> logger) : IHostedService, IBackgroundWork, IDisposable
{
    /// <summary>More activities waiting than this are refused with 503, which Teams retries later.</summary>
    public const int Capacity = 1000;

    /// <summary>Activities handled at once: a slow answer does not hold up everyone else's.</summary>
    public const int Workers = 4;

    private readonly Channel<TeamsActivity> _queue = Channel.CreateBounded<TeamsActivity>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Cancelled only when shutdown runs out of time.</summary>
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _idleLock = new();
    private TaskCompletionSource _idle = CompletedIdle();
    private Task[] _workers = [];
    private int _pending;

    /// <summary>Queues the activity; false when the queue is full.</summary>
    public bool TryEnqueue(TeamsActivity activity)
    {
        lock (_idleLock)
        {
            if (!_queue.Writer.TryWrite(activity))
            {
                return false;
            }

            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return true;
    }

    /// <summary>Completes when every queued activity has been handled (tests wait on it instead of sleeping).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_idleLock)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToArray();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogAbandoned(logger, Volatile.Read(ref _pending));
            await _abort.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task WorkAsync()
    {
        await foreach (var activity in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TeamsActivityHandler>().HandleAsync(activity, _abort.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                LogCancelled(logger, activity.Type);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The activity was acknowledged; the answer could not be delivered (the connector, its token service
                // or the store failed). Nothing is left to tell Teams, so it is logged.
                LogFailed(logger, ex, activity.Type);
            }
            finally
            {
                Done();
            }
        }
    }

    private void Done()
    {
        lock (_idleLock)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource CompletedIdle()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not handle a Teams {Type} activity")]
    private static partial void LogFailed(ILogger logger, Exception exception, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown cut short the handling of a Teams {Type} activity")]
    private static partial void LogCancelled(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown ran out of time with {Count} Teams activities not handled")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
