namespace StudyBot.Discord.Gateway;

/// <summary>Reconnect timings of the gateway (Discord's documented values by default; tests shorten them).</summary>
internal sealed class GatewayTimings
{
    /// <summary>The first backoff after a failed connection; doubled per failure in a row.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After op 9 with d=false Discord asks for a random wait of 1–5 s before identifying again.</summary>
    public TimeSpan InvalidSessionMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Waits for a connection to open or close.</summary>
    public TimeSpan SocketTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Waits for HELLO on a new connection; a server that stays silent longer is given up on.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Jitter for heartbeats and backoff, a number in [0, 1).</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
}
