using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StudyBot.Web;

/// <summary>The outcome of checking an admin token sent by a client.</summary>
internal enum AdminTokenCheck
{
    /// <summary>No token was sent.</summary>
    None,

    /// <summary>The token is right.</summary>
    Match,

    /// <summary>The token is wrong (counted against the client).</summary>
    Wrong,

    /// <summary>The client guessed wrong too often; the token was not even compared.</summary>
    TooManyGuesses,
}

/// <summary>The web chat's admin token: the configured one, or one made for this run.</summary>
internal sealed partial class AdminToken : IDisposable
{
    private readonly byte[] _digest;
    private readonly PartitionedRateLimiter<string> _wrongGuesses;
    private readonly ILogger<AdminToken> _logger;

    public AdminToken(IOptions<WebChatOptions> options, ILogger<AdminToken> logger)
    {
        var configured = options.Value.AdminToken;
        IsGenerated = string.IsNullOrEmpty(configured);
        Value = IsGenerated ? RandomNumberGenerator.GetHexString(32, lowercase: true) : configured!;
        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(Value));
        _logger = logger;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.AdminGuessLimit,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(options.Value.AdminGuessReplenishmentSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        };

        // A partition per client address; the limiter drops a partition once its bucket is full again.
        _wrongGuesses = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => bucket));
    }

    /// <summary>True when no token was configured and this one was made at start.</summary>
    public bool IsGenerated { get; }

    /// <summary>The token (log it only when <see cref="IsGenerated"/>).</summary>
    public string Value { get; }

    /// <summary>Compares in constant time (over SHA-256 digests, so not even the length leaks).</summary>
    public bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _digest);

    /// <summary>Checks a token a client sent; wrong guesses are logged and limited per client address.</summary>
    public AdminTokenCheck Check(string? candidate, HttpContext context)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return AdminTokenCheck.None;
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        // Asks "is a guess left?" without spending one, so the right admin is never charged.
        if (_wrongGuesses.GetStatistics(client) is { CurrentAvailablePermits: <= 0 })
        {
            return AdminTokenCheck.TooManyGuesses;
        }

        if (Matches(candidate))
        {
            return AdminTokenCheck.Match;
        }

        using var spent = _wrongGuesses.AttemptAcquire(client);
        LogWrongToken(client, spent.IsAcquired);
        return AdminTokenCheck.Wrong;
    }

    public void Dispose() => _wrongGuesses.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wrong admin token from {Client} (counted: {Counted})")]
    private partial void LogWrongToken(string client, bool counted);
}
