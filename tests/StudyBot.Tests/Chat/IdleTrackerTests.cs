using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;

namespace StudyBot.Tests.Chat;

/// <summary>
/// "Idle" must never be said while work is due. A fake clock's <c>SetUtcNow</c> fires due timers on the calling thread
/// only when no other thread is already firing timers: otherwise it returns at once and leaves the firing to that
/// thread (a request whose timer continuation runs its own work first). A loop parked on a timer the clock has
/// passed is then still "parked on a wait that has not completed" for a moment, and a test that moved the clock and
/// waited for idle would move it again before the loop saw the first move (the quiz posted a minute late under load).
/// </summary>
public sealed class IdleTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 7, 6, 0, TimeSpan.Zero);
    private static readonly TimeSpan Sleep = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task WhenIdle_ClockPassedTheParkedTimerWhileAnotherThreadFiresTimers_NotIdleUntilTheLoopHasRun()
    {
        var time = new FakeTimeProvider(Start);
        var tracker = new IdleTracker();
        using var gateHeld = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        // Another thread fires a due timer whose callback takes a while (it runs inside CreateTimer, on that thread),
        // holding the clock's wake-up gate.
        var busy = Task.Run(() => time.CreateTimer(_ => { gateHeld.Set(); release.Wait(); }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        Assert.True(gateHeld.Wait(TimeSpan.FromSeconds(30)));

        var ran = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        tracker.Started(); // busy from the start, as a hosted service is
        var loop = Task.Run(async () =>
        {
            using var running = tracker.Running();
            await tracker.ParkUntilAsync(Task.Delay(Sleep, time), time, Start + Sleep);
            ran.SetResult(time.GetUtcNow());
        });
        await tracker.WhenIdleAsync(CancellationToken.None); // parked on the clock

        time.SetUtcNow(Start + Sleep); // returns without firing: the other thread holds the gate

        Assert.False(tracker.WhenIdleAsync(CancellationToken.None).IsCompleted);
        Assert.False(ran.Task.IsCompleted);

        release.Set(); // the other thread goes on and fires the loop's timer
        (await busy.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        Assert.Equal(Start + Sleep, await ran.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        await tracker.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WhenIdle_ParkedUntilALaterTime_IdleWhileTheClockIsShortOfIt()
    {
        var time = new FakeTimeProvider(Start);
        var tracker = new IdleTracker();
        using var stop = new CancellationTokenSource();
        tracker.Started();
        var loop = Task.Run(async () =>
        {
            using var running = tracker.Running();
            await tracker.ParkUntilAsync(Task.Delay(Sleep, time, stop.Token), time, Start + Sleep);
        });
        await tracker.WhenIdleAsync(CancellationToken.None);

        time.SetUtcNow(Start + Sleep - TimeSpan.FromSeconds(1));

        await tracker.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
