using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;

namespace StudyBot.TestKit;

/// <summary>
/// The one way tests wait for something another thread or process does: poll a condition until it holds. The
/// deadline is real time and only a guard against a hang; it is generous because this machine may be busy, and a test
/// must never pass or fail by how fast it is. Nothing here reads or moves a test's fake clock.
/// </summary>
public static class Wait
{
    /// <summary>How long a wait may take before the test fails as hung.</summary>
    public static readonly TimeSpan SafetyDeadline = TimeSpan.FromSeconds(60);

    /// <summary>How often a condition is looked at again.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static Task UntilAsync(Func<bool> condition, string what = "the condition", TimeSpan? deadline = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, deadline);

    /// <summary>Polls an asynchronous condition (a database read, a request) until it holds; <paramref name="poll"/>
    /// spaces out conditions that cost the app something.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what = "the condition", TimeSpan? deadline = null, TimeSpan? poll = null)
    {
        var limit = deadline ?? SafetyDeadline;
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(poll ?? Poll);
        }
    }

    /// <summary>Polls until <paramref name="probe"/> finds something (not null) and returns it.</summary>
    public static async Task<T> ForAsync<T>(Func<T?> probe, string what = "the value", TimeSpan? deadline = null)
        where T : class
    {
        T? found = null;
        await UntilAsync(() => (found = probe()) is not null, what, deadline);
        return found!;
    }

    /// <summary>Polls an asynchronous probe (a database read) until it finds something (not null) and returns it.</summary>
    public static async Task<T> ForResultAsync<T>(Func<Task<T?>> probe, string what = "the value", TimeSpan? deadline = null)
    {
        T? found = default;
        await UntilAsync(async () => (found = await probe()) is not null, what, deadline);
        return found!;
    }

    /// <summary>
    /// Waits until every background loop of the app (<see cref="IBackgroundWork"/>: quiz scheduler, notes watcher,
    /// Teams queue) is idle: what they would do without the clock moving or a new event has been done. Assert that
    /// nothing happened after this, never after a sleep.
    /// </summary>
    public static Task UntilIdleAsync(IServiceProvider services, TimeSpan? deadline = null) =>
        UntilIdleAsync(services.GetServices<IBackgroundWork>().ToList(), deadline);

    /// <summary>Waits until the given background loops are idle (see the overload on a service provider).</summary>
    public static async Task UntilIdleAsync(IReadOnlyList<IBackgroundWork> work, TimeSpan? deadline = null)
    {
        // Twice round: one loop's last step (a quiz post) may hand work to another (the Teams queue).
        var limit = deadline ?? SafetyDeadline;
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            for (var round = 0; round < 2; round++)
            {
                foreach (var loop in work)
                {
                    await loop.WhenIdleAsync(timeout.Token);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for the background work to be idle.");
        }
    }
}
