using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Discord.Payloads;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Gateway;

/// <summary>
/// Keeps one gateway connection to hear @mentions: HELLO → heartbeats (first after interval × jitter) → IDENTIFY or
/// RESUME; op 7, op 9, a dropped socket or a missing heartbeat ACK lead to a resume (or a fresh identify when the
/// session is gone), with exponential backoff on repeated failures.
/// </summary>
internal sealed partial class DiscordGatewayService(
    DiscordRestClient rest,
    MentionResponder responder,
    IOptions<DiscordOptions> options,
    GatewayTimings timings,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<Task> _responses = [];
    private Uri? _gatewayUrl;
    private Uri? _resumeUrl;
    private string? _sessionId;
    private long _lastSequence = -1; // read by the heartbeat loop, written by the receive loop

    private long? Sequence
    {
        get => Interlocked.Read(ref _lastSequence) is var s and >= 0 ? s : null;
        set => Interlocked.Exchange(ref _lastSequence, value ?? -1);
    }
    private volatile bool _ackReceived = true;

    /// <summary>The bot's user id, from READY.</summary>
    public string? BotUserId { get; private set; }

    /// <summary>What the next connection does.</summary>
    internal enum Next
    {
        Resume,
        Identify,
        IdentifyAfterWait,
        Stop,
    }

    internal GatewayIntents Intents =>
        GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages
        | (options.Value.MessageContentIntent ? GatewayIntents.MessageContent : GatewayIntents.None);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = Next.Resume;
            var healthy = false;
            try
            {
                _gatewayUrl ??= await rest.GetGatewayUrlAsync(stoppingToken).ConfigureAwait(false);
                var resume = _sessionId is not null;
                (next, healthy) = await RunConnectionAsync(resume ? _resumeUrl ?? _gatewayUrl : _gatewayUrl, resume, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordApiException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
            {
                LogFatal(logger, "Discord rejected the bot token (401). Check Discord__BotToken.");
                next = Next.Stop;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // Whatever broke this connection (socket, HTTP, a rejected call, a malformed frame), the service keeps
                // going: an exception escaping ExecuteAsync would stop the whole app.
                LogConnectionFailed(logger, ex, ex.GetType().Name);
                _gatewayUrl = null;
            }

            if (next == Next.Stop)
            {
                return;
            }

            if (next is Next.Identify or Next.IdentifyAfterWait)
            {
                _sessionId = null;
                _resumeUrl = null;
                Sequence = null;
            }

            failures = healthy ? 0 : failures + 1;
            var delay = TimeSpan.Zero;
            if (next == Next.IdentifyAfterWait)
            {
                delay = timings.InvalidSessionMin + ((timings.InvalidSessionMax - timings.InvalidSessionMin) * timings.Jitter());
            }

            if (failures > 0)
            {
                var backoff = timings.BackoffBase * Math.Pow(2, Math.Min(failures - 1, 16));
                backoff = backoff > timings.BackoffMax ? timings.BackoffMax : backoff;
                delay += backoff * (0.5 + (timings.Jitter() / 2));
            }

            LogReconnecting(logger, next.ToString(), failures, delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        Task[] pending;
        lock (_responses)
        {
            pending = [.. _responses];
        }

        await Task.WhenAll(pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Runs one connection until it ends; says what to do next and whether it got to READY or RESUMED.</summary>
    private async Task<(Next Next, bool Healthy)> RunConnectionAsync(Uri baseUrl, bool resume, CancellationToken stoppingToken)
    {
        var compress = options.Value.GatewayCompression;
        var url = new UriBuilder(baseUrl) { Query = compress ? "v=10&encoding=json&compress=zlib-stream" : "v=10&encoding=json" }.Uri;
        using var inflater = compress ? new GatewayInflater(MaxFrameBytes) : null;
        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        LogConnecting(logger, url.GetLeftPart(UriPartial.Path), resume);
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            connectTimeout.CancelAfter(timings.SocketTimeout);
            await socket.ConnectAsync(url, connectTimeout.Token).ConfigureAwait(false);
        }

        var healthy = false;
        var zombie = false;
        Task? heartbeat = null;
        try
        {
            while (true)
            {
                var frame = heartbeat is null
                    ? await ReceiveHelloAsync(socket, inflater, connection.Token).ConfigureAwait(false)
                    : await ReceiveAsync(socket, inflater, connection.Token).ConfigureAwait(false);
                if (frame is null)
                {
                    return (OnClose(socket.CloseStatus, socket.CloseStatusDescription), healthy);
                }

                var payload = JsonSerializer.Deserialize<GatewayPayload>(frame, DiscordJson.Options);
                if (payload is null)
                {
                    continue;
                }

                if (payload.S is { } s)
                {
                    Sequence = s;
                }

                switch (payload.Op)
                {
                    case 10:
                        var hello = payload.D?.Deserialize<GatewayHello>(DiscordJson.Options) ?? throw new JsonException("HELLO without data");
                        var interval = TimeSpan.FromMilliseconds(hello.HeartbeatInterval);
                        LogHello(logger, interval.TotalMilliseconds);
                        heartbeat = HeartbeatAsync(socket, interval, connection, () => zombie = true);
                        await SendAsync(socket, resume ? ResumePayload() : IdentifyPayload(), connection.Token).ConfigureAwait(false);
                        LogSent(logger, resume ? "RESUME" : "IDENTIFY");
                        break;
                    case 11:
                        _ackReceived = true;
                        break;
                    case 1:
                        await SendAsync(socket, new { op = 1, d = Sequence }, connection.Token).ConfigureAwait(false);
                        break;
                    case 7:
                        LogReconnectRequested(logger);
                        await CloseForResumeAsync(socket).ConfigureAwait(false);
                        return (Next.Resume, healthy);
                    case 9:
                        var resumable = payload.D is { ValueKind: JsonValueKind.True };
                        LogInvalidSession(logger, resumable);
                        await CloseForResumeAsync(socket).ConfigureAwait(false);
                        return (resumable ? Next.Resume : Next.IdentifyAfterWait, healthy);
                    case 0:
                        healthy |= Dispatch(payload, stoppingToken);
                        break;
                    default:
                        break;
                }
            }
        }
        catch (Exception ex) when (zombie && ex is OperationCanceledException or WebSocketException && !stoppingToken.IsCancellationRequested)
        {
            LogZombie(logger);
            return (Next.Resume, healthy);
        }
        catch (WebSocketException ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogDropped(logger, ex.WebSocketErrorCode.ToString());
            return (Next.Resume, healthy);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            if (heartbeat is not null)
            {
                await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Handles a dispatch; true when the session is (again) ready.</summary>
    private bool Dispatch(GatewayPayload payload, CancellationToken stoppingToken)
    {
        switch (payload.T)
        {
            case "READY":
                var ready = payload.D?.Deserialize<GatewayReady>(DiscordJson.Options) ?? throw new JsonException("READY without data");
                _sessionId = ready.SessionId;
                _resumeUrl = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var resumeUrl) ? resumeUrl : null;
                BotUserId = ready.User.Id;
                LogReady(logger, ready.User.Id);
                return true;
            case "RESUMED":
                LogResumed(logger, Sequence ?? 0);
                return true;
            case "MESSAGE_CREATE" when BotUserId is { } botId:
                var message = payload.D?.Deserialize<DiscordMessage>(DiscordJson.Options);
                if (message is not null)
                {
                    Track(responder.RespondAsync(message, botId, stoppingToken));
                }

                return false;
            default:
                return false;
        }
    }

    private void Track(Task task)
    {
        lock (_responses)
        {
            _responses.RemoveAll(t => t.IsCompleted);
            _responses.Add(task);
        }
    }

    private async Task HeartbeatAsync(ClientWebSocket socket, TimeSpan interval, CancellationTokenSource connection, Action onZombie)
    {
        _ackReceived = true;
        var delay = interval * timings.Jitter();
        try
        {
            while (!connection.IsCancellationRequested)
            {
                await Task.Delay(delay, time, connection.Token).ConfigureAwait(false);
                delay = interval;
                if (!_ackReceived)
                {
                    // No ACK since the last heartbeat: the connection is a zombie. Drop it and resume.
                    onZombie();
                    await connection.CancelAsync().ConfigureAwait(false);
                    socket.Abort();
                    return;
                }

                _ackReceived = false;
                await SendAsync(socket, new { op = 1, d = Sequence }, connection.Token).ConfigureAwait(false);
                LogHeartbeat(logger, Sequence);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the receive loop decides what comes next.
        }
    }

    private object IdentifyPayload() => new
    {
        op = 2,
        d = new
        {
            token = options.Value.BotToken,
            intents = (int)Intents,
            properties = new Dictionary<string, string> { ["os"] = "linux", ["browser"] = "studybot", ["device"] = "studybot" },

            // Discord sends this process the events of the guilds where (guild_id >> 22) % count == id (and DMs to shard 0).
            shard = new[] { options.Value.ShardId, options.Value.ShardCount },
        },
    };

    private object ResumePayload() => new { op = 6, d = new { token = options.Value.BotToken, session_id = _sessionId, seq = Sequence } };

    private async Task SendAsync(ClientWebSocket socket, object payload, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Options);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Until HELLO there are no heartbeats to notice a silent server, so the first frame has a deadline.</summary>
    private async Task<byte[]?> ReceiveHelloAsync(ClientWebSocket socket, GatewayInflater? inflater, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timings.HelloTimeout);
        try
        {
            return await ReceiveAsync(socket, inflater, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("The gateway sent no HELLO.");
        }
    }

    /// <summary>The next gateway message: one WebSocket message, or with compression the WebSocket messages up to the
    /// next sync-flush marker, inflated. Null when the server closed.</summary>
    private static async Task<byte[]?> ReceiveAsync(ClientWebSocket socket, GatewayInflater? inflater, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync(socket, cancellationToken).ConfigureAwait(false);
            if (frame is null || inflater is null)
            {
                return frame;
            }

            if (inflater.Append(frame) is { } message)
            {
                return message;
            }
        }
    }

    private static async Task<byte[]?> ReceiveFrameAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            frame.Write(buffer, 0, result.Count);
            if (frame.Length > MaxFrameBytes)
            {
                throw new WebSocketException(WebSocketError.HeaderError, "Gateway frame too large.");
            }

            if (result.EndOfMessage)
            {
                return frame.ToArray();
            }
        }
    }

    /// <summary>Closes with a code other than 1000/1001, which would end the session Discord keeps for a resume.</summary>
    private async Task CloseForResumeAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(timings.SocketTimeout);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)4000, "reconnecting", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    private Next OnClose(WebSocketCloseStatus? status, string? description)
    {
        var code = (int?)status ?? 0;
        LogClosed(logger, code, description);
        switch (code)
        {
            case 4004:
                LogFatal(logger, "Discord rejected the bot token on the gateway (4004). Check Discord__BotToken.");
                return Next.Stop;
            case 4014:
                LogFatal(logger, "Discord refused the intents (4014): enable MESSAGE CONTENT in the Developer Portal or set Discord:MessageContentIntent to false.");
                return Next.Stop;
            case 4010 or 4011 or 4012 or 4013:
                LogFatal(logger, "Discord closed the gateway with a code that a reconnect cannot fix.");
                return Next.Stop;
            case 4007 or 4009:
                return Next.Identify;
            default:
                return Next.Resume;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: connecting to {Url} (resume: {Resume})")]
    private static partial void LogConnecting(ILogger logger, string url, bool resume);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: HELLO, heartbeat every {IntervalMs} ms")]
    private static partial void LogHello(ILogger logger, double intervalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: sent {Op}")]
    private static partial void LogSent(ILogger logger, string op);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord gateway: heartbeat (seq {Sequence})")]
    private static partial void LogHeartbeat(ILogger logger, long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: READY as user {BotUserId}")]
    private static partial void LogReady(ILogger logger, string botUserId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: RESUMED at seq {Sequence}")]
    private static partial void LogResumed(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: op 7 reconnect requested; resuming")]
    private static partial void LogReconnectRequested(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: op 9 invalid session (resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK; dropping the connection to resume")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: connection dropped ({Error}); resuming")]
    private static partial void LogDropped(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: closed with code {Code} ({Description})")]
    private static partial void LogClosed(ILogger logger, int code, string? description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: connection failed ({ErrorType})")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: next {Next} after {Failures} failures in a row, in {DelayMs} ms")]
    private static partial void LogReconnecting(ILogger logger, string next, int failures, double delayMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway stopped: {Reason}")]
    private static partial void LogFatal(ILogger logger, string reason);
}
