using Microsoft.Extensions.Time.Testing;

namespace StudyBot.IntegrationTests.Discord;

/// <summary>
/// Real time for "now" (signatures are checked against real timestamps), but timers fire only when the test moves
/// them on: the interaction budget cannot run out on a busy machine unless a test says so.
/// </summary>
internal sealed class HeldTimersTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider _timers = new();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _timers.CreateTimer(callback, state, dueTime, period);

    /// <summary>Fires the timers due within <paramref name="by"/> from the timers' own clock.</summary>
    public void Advance(TimeSpan by) => _timers.Advance(by);

    /// <summary>Moves the timers on a step at a time (the timer may not exist yet) until <paramref name="task"/> ends.</summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task, TimeSpan step)
    {
        await Wait.UntilAsync(
            () =>
            {
                Advance(step);
                return task.IsCompleted;
            },
            "the request to end");
        return await task;
    }
}
