namespace StudyBot.Core.Chat;

/// <summary>
/// A background loop (the quiz scheduler, the notes watcher, the Teams activity queue) that can say when it is idle:
/// parked on something from outside (a file change, the clock, a signal) with nothing it could do without it. Tests
/// wait for this before asserting that nothing happened, instead of sleeping and hoping the work has caught up.
/// </summary>
public interface IBackgroundWork
{
    /// <summary>Completes once the work is idle.</summary>
    Task WhenIdleAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Tracks one background loop for <see cref="IBackgroundWork"/>: it is busy from <see cref="Started"/> until the
/// loop's <see cref="Running"/> ends, except while it awaits in <see cref="ParkAsync"/> on a wait that has not
/// completed yet.
/// </summary>
internal sealed class IdleTracker
{
    /// <summary>How often a waiter looks again while a completed wait has not yet woken the loop (milliseconds).</summary>
    private const int WakeUpPollMilliseconds = 5;

    private readonly Lock _lock = new();
    private TaskCompletionSource _idle = Completed();
    private int _running;
    private int _started;
    private Task? _parkedOn;
    private Func<bool>? _woken;
    private long _changes; // counts every Enter and Leave: the loop has not moved while it stands still

    /// <summary>
    /// Marks the loop busy from the service's <c>StartAsync</c>: a <c>BackgroundService</c> runs <c>ExecuteAsync</c>
    /// later, on the thread pool, and "idle" before it has begun would be a lie.
    /// </summary>
    public void Started()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            Enter();
        }
    }

    /// <summary>Marks the loop busy (if <see cref="Started"/> did not) until the result is disposed, when it ends.</summary>
    public IDisposable Running()
    {
        Started();
        return new Stretch(this);
    }

    /// <summary>
    /// Awaits <paramref name="wait"/>, counting as idle until it completes or <paramref name="woken"/> says the wake-up
    /// is on its way: a channel or <c>WhenAny</c> completes the awaited task later, on the thread pool, and "idle" in
    /// between would let a test move the clock before the loop has seen the change.
    /// </summary>
    public async Task ParkAsync(Task wait, Func<bool>? woken = null)
    {
        Leave(wait, woken);
        try
        {
            await wait.ConfigureAwait(false);
        }
        finally
        {
            Enter();
        }
    }

    /// <summary>
    /// Awaits <paramref name="wait"/>, a sleep on <paramref name="time"/> that ends when the clock reaches
    /// <paramref name="until"/> at the latest, as <see cref="ParkAsync(Task, Func{bool})"/> does; the loop counts as
    /// waking once the clock has got there, whether or not the timer has fired yet. A fake clock's <c>SetUtcNow</c>
    /// leaves the firing to another thread that is already firing timers (a request whose timer continuation does its
    /// own work first), and a test that moved the clock and heard "idle" would move it again before the loop woke.
    /// </summary>
    public Task ParkUntilAsync(Task wait, TimeProvider time, DateTimeOffset until, Func<bool>? woken = null) =>
        ParkAsync(wait, () => woken?.Invoke() == true || time.GetUtcNow() >= until);

    /// <summary>Awaits <paramref name="wait"/> as <see cref="ParkAsync(Task, Func{bool})"/> does.</summary>
    public async Task<T> ParkAsync<T>(Task<T> wait, Func<bool>? woken = null)
    {
        await ParkAsync((Task)wait, woken).ConfigureAwait(false);
        return await wait.ConfigureAwait(false);
    }

    /// <summary>Completes when the loop is parked on a wait that has not completed, or has ended.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task? parked;
            Func<bool>? woken;
            long changes;
            Task busy;
            lock (_lock)
            {
                (parked, woken, changes, busy) = (_parkedOn, _woken, _changes, _idle.Task);
            }

            if (!busy.IsCompleted) // the loop is running
            {
                await busy.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            // Asked outside the lock: a fake clock's read fires due timers, and their continuations enter this tracker.
            // A completed wait whose continuation has not run yet (a fake clock just moved) is work on its way.
            var waking = parked is not null && (parked.IsCompleted || woken?.Invoke() == true);
            if (!waking)
            {
                lock (_lock)
                {
                    if (_changes == changes)
                    {
                        return;
                    }
                }

                continue;
            }

            await Task.Delay(WakeUpPollMilliseconds, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Enter()
    {
        lock (_lock)
        {
            _parkedOn = null;
            _woken = null;
            _changes++;
            if (_running++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Leave(Task? parkedOn, Func<bool>? woken = null)
    {
        lock (_lock)
        {
            _parkedOn = parkedOn;
            _woken = woken;
            _changes++;
            if (--_running == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private sealed class Stretch(IdleTracker owner) : IDisposable
    {
        public void Dispose()
        {
            if (Interlocked.Exchange(ref owner._started, 0) == 1)
            {
                owner.Leave(null);
            }
        }
    }
}
