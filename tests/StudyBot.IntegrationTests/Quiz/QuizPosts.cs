using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Quiz;

namespace StudyBot.IntegrationTests.Quiz;

/// <summary>Waits on the quiz's own record rather than on wall-clock guesses.</summary>
internal static class QuizPosts
{
    /// <summary>
    /// Waits (real time, <see cref="Wait.SafetyDeadline"/> at most) until post <paramref name="postId"/> is confirmed. A platform receives the post a
    /// moment before the quiz core records it as posted (and reads the clock for its reveal time), so a test that moves
    /// the fake clock or answers the quiz as soon as the platform has it would race the core on a busy machine.
    /// </summary>
    public static Task<QuizPostRow> WaitUntilPostedAsync(IServiceProvider services, long postId)
    {
        var store = services.GetRequiredService<QuizStore>();
        return Wait.ForResultAsync(
            async () => await store.PostAsync(postId, CancellationToken.None) is { Status: "posted" } post ? post : null, $"quiz post {postId} to be posted");
    }
}
