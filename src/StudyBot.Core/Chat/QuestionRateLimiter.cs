using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Chat;

/// <summary>
/// The per-user question limit, shared by every platform: a <see cref="TokenBucketRateLimiter"/> per
/// platform + user id, from System.Threading.RateLimiting (the limiters ASP.NET Core rate limiting uses).
/// </summary>
public sealed class QuestionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public QuestionRateLimiter(IOptions<ChatOptions> options)
    {
        var limit = options.Value.RateLimit;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.TokenLimit,
            TokensPerPeriod = limit.TokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(limit.ReplenishmentSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
    }

    /// <summary>Takes one question token for the user; false when the user must slow down.</summary>
    public bool TryAcquire(IncomingMessage message)
    {
        using var lease = _limiter.AttemptAcquire(Key(message));
        return lease.IsAcquired;
    }

    /// <summary>The bucket's key: "Ada", " ada" and "ＡＤＡ" are one user to the limiter, so case, width and spacing
    /// variants of a self-declared web id do not each get a fresh bucket.</summary>
    internal static string Key(IncomingMessage message) =>
        message.Platform.ToLowerInvariant() + ":" + message.UserId.Normalize(System.Text.NormalizationForm.FormKC).Trim().ToLowerInvariant();

    public void Dispose() => _limiter.Dispose();
}
