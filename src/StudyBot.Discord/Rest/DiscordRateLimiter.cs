using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace StudyBot.Discord.Rest;

/// <summary>
/// Shared rate-limit state: per-route buckets (learned from <c>X-RateLimit-Bucket</c>, keyed with the route's major
/// parameter) and the global limit. One instance per app, used by every <see cref="DiscordRateLimitHandler"/>.
/// </summary>
internal sealed partial class DiscordRateLimiter(TimeProvider time) : IDisposable
{
    /// <summary>Discord's global limit: 50 requests a second per bot (interaction webhooks are exempt).</summary>
    public const int GlobalPerSecond = 50;

    private readonly TokenBucketRateLimiter _global = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = GlobalPerSecond,
        TokensPerPeriod = GlobalPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    /// <summary>Added to every wait: timers and the server's clock do not agree to the millisecond.</summary>
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _globalResetTicks;

    public TimeProvider Time => time;

    /// <summary>The bucket for a request: the learned bucket hash plus the major parameter, or the route until learned.</summary>
    public Bucket BucketFor(RouteKey route)
    {
        var key = _bucketOfRoute.TryGetValue(route.Route, out var hash) ? hash + "|" + route.Major : route.Route + "|" + route.Major;
        return _buckets.GetOrAdd(key, _ => new Bucket());
    }

    /// <summary>Waits while a global 429 is in force.</summary>
    public async Task WaitGlobalAsync(CancellationToken cancellationToken)
    {
        var wait = new DateTimeOffset(Interlocked.Read(ref _globalResetTicks), TimeSpan.Zero) - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes one of the 50 requests a second, waiting for it if needed; interaction webhooks need none.</summary>
    public async ValueTask<RateLimitLease?> AcquireGlobalAsync(RouteKey route, CancellationToken cancellationToken) =>
        route.Major.StartsWith("webhooks/", StringComparison.Ordinal)
            ? null
            : await _global.AcquireAsync(1, cancellationToken).ConfigureAwait(false);

    public void Dispose() => _global.Dispose();

    public void SetGlobalReset(TimeSpan retryAfter)
    {
        var until = (time.GetUtcNow() + retryAfter + SafetyMargin).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _globalResetTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _globalResetTicks, until, current) != current);
    }

    /// <summary>Learns from the response's <c>X-RateLimit-*</c> headers.</summary>
    public void Update(RouteKey route, Bucket bucket, HttpResponseMessage response)
    {
        if (Header(response, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            _bucketOfRoute[route.Route] = hash;
            _buckets.TryAdd(hash + "|" + route.Major, bucket);
        }

        if (int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            && TryParseSeconds(Header(response, "X-RateLimit-Reset-After"), out var resetAfter))
        {
            bucket.Set(remaining, time.GetUtcNow() + resetAfter + SafetyMargin);
        }
    }

    /// <summary>Reads <c>retry_after</c> (seconds) and <c>global</c> from a 429, falling back to the headers.</summary>
    public static async Task<(TimeSpan RetryAfter, bool Global)> ReadTooManyRequestsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var global = string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(Header(response, "X-RateLimit-Scope"), "global", StringComparison.OrdinalIgnoreCase);
        TimeSpan? retryAfter = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("retry_after", out var ra) && ra.TryGetDouble(out var seconds) && seconds >= 0)
                {
                    retryAfter = TimeSpan.FromSeconds(seconds);
                }

                if (document.RootElement.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
                {
                    global = true;
                }
            }
        }
        catch (JsonException)
        {
            // A 429 from a proxy (Cloudflare) may not be JSON; the Retry-After header still tells the wait.
        }

        if (retryAfter is null && TryParseSeconds(Header(response, "Retry-After"), out var headerSeconds))
        {
            retryAfter = headerSeconds;
        }

        return (retryAfter ?? TimeSpan.FromSeconds(1), global);
    }

    private static bool TryParseSeconds(string? value, out TimeSpan result)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 86_400)
        {
            result = TimeSpan.FromSeconds(seconds);
            return true;
        }

        result = default;
        return false;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>One rate-limit bucket: requests in it go one at a time so its remaining count stays true.</summary>
    internal sealed class Bucket
    {
        private readonly Lock _gate = new();
        private int _remaining = 1;
        private DateTimeOffset _resetAt;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public void Set(int remaining, DateTimeOffset resetAt)
        {
            lock (_gate)
            {
                _remaining = remaining;
                _resetAt = resetAt;
            }
        }

        /// <summary>How long to wait before the next request in this bucket.</summary>
        public TimeSpan WaitBeforeNext(DateTimeOffset now)
        {
            lock (_gate)
            {
                return _remaining <= 0 && _resetAt > now ? _resetAt - now : TimeSpan.Zero;
            }
        }
    }
}

/// <summary>A request's route: the path with ids replaced, plus the major parameter (channel, guild or webhook).</summary>
/// <param name="Route">Method and templated path, safe to log.</param>
/// <param name="Major">The major parameter value (a webhook's token is part of it, so it is never logged).</param>
internal sealed partial record RouteKey(string Route, string Major)
{
    public static RouteKey From(HttpRequestMessage request)
    {
        var segments = (request.RequestUri?.AbsolutePath ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var template = new List<string>(segments.Length);
        var major = string.Empty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            var beforePrevious = i > 1 ? segments[i - 2] : string.Empty;
            if (previous is "channels" or "guilds" or "webhooks" && major.Length == 0 && Snowflake().IsMatch(segment))
            {
                major = previous + "/" + segment;
                template.Add("{" + previous + "}");
            }
            else if (beforePrevious == "webhooks" && major.StartsWith("webhooks/", StringComparison.Ordinal) && major.IndexOf('/', 9) < 0)
            {
                major += "/" + segment;
                template.Add("{token}");
            }
            else if (Snowflake().IsMatch(segment))
            {
                template.Add("{id}");
            }
            else
            {
                template.Add(segment);
            }
        }

        return new RouteKey(request.Method.Method + " /" + string.Join('/', template), major);
    }

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex Snowflake();
}

/// <summary>
/// Honours Discord's rate limits: waits for an exhausted bucket's reset and for a global limit, and on 429 waits
/// <c>retry_after</c> and sends again (per route or global). Transient failures are retried by the resilience handler
/// inside this one, which is told to leave 429 alone.
/// </summary>
internal sealed partial class DiscordRateLimitHandler(DiscordRateLimiter limiter, ILogger<DiscordRateLimitHandler> logger) : DelegatingHandler
{
    /// <summary>How many 429s in a row one request sits out before giving up.</summary>
    public const int MaxRateLimitedAttempts = 5;

    /// <summary>A longer retry_after is not waited out; the caller gets the 429.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = RouteKey.From(request);
        var time = limiter.Time;
        for (var attempt = 1; ; attempt++)
        {
            await limiter.WaitGlobalAsync(cancellationToken).ConfigureAwait(false);
            using var lease = await limiter.AcquireGlobalAsync(route, cancellationToken).ConfigureAwait(false);
            var bucket = limiter.BucketFor(route);
            HttpResponseMessage response;
            await bucket.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var wait = bucket.WaitBeforeNext(time.GetUtcNow());
                if (wait > TimeSpan.Zero)
                {
                    LogBucketWait(logger, route.Route, wait.TotalMilliseconds);
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }

                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                limiter.Update(route, bucket, response);
            }
            finally
            {
                bucket.Turn.Release();
            }

            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var (retryAfter, global) = await DiscordRateLimiter.ReadTooManyRequestsAsync(response, cancellationToken).ConfigureAwait(false);
            LogRateLimited(logger, route.Route, global, retryAfter.TotalMilliseconds, attempt);
            if (attempt >= MaxRateLimitedAttempts || retryAfter > MaxWait)
            {
                return response;
            }

            if (global)
            {
                limiter.SetGlobalReset(retryAfter);
            }
            else
            {
                bucket.Set(0, time.GetUtcNow() + retryAfter + DiscordRateLimiter.SafetyMargin);
            }

            response.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord bucket for {Route} is exhausted; waiting {WaitMs} ms")]
    private static partial void LogBucketWait(ILogger logger, string route, double waitMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate-limited {Route} (global: {Global}); retry after {RetryAfterMs} ms (attempt {Attempt})")]
    private static partial void LogRateLimited(ILogger logger, string route, bool global, double retryAfterMs, int attempt);
}
