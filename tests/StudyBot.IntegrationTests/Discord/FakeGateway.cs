using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StudyBot.IntegrationTests.Discord;

/// <summary>
/// A loopback fake of Discord's gateway (WebSocket on 127.0.0.1). Each incoming connection runs the next scripted
/// step; heartbeats (op 1) are answered with ACK (op 11) unless a step turns that off.
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<GatewayConnection, Task>> _script = new();
    private readonly ConcurrentQueue<string> _connections = new();

    /// <summary>Steps added and not yet finished: the script is done when the last one finishes, not when the queue
    /// is empty (the client reconnects as soon as it drops a connection, so the next step can start before the step
    /// that saw the drop has finished).</summary>
    private int _unfinished;

    private FakeGateway(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The resume_gateway_url handed out in READY.</summary>
    public Uri ResumeUrl => new(Url, "resume");

    /// <summary>The path and query of each connection, in order.</summary>
    public IReadOnlyList<string> Connections => [.. _connections];

    public TaskCompletionSource ScriptDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<Exception> Errors { get; } = [];

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGateway(app);
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Url = new Uri(app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/");
        return fake;
    }

    /// <summary>Adds the step for the next connection.</summary>
    public void Then(Func<GatewayConnection, Task> step)
    {
        Interlocked.Increment(ref _unfinished);
        _script.Enqueue(step);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        _connections.Enqueue(context.Request.Path + context.Request.QueryString);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new GatewayConnection(socket, context);
        var reading = connection.ReadLoopAsync();
        if (!_script.TryDequeue(out var step))
        {
            await connection.CloseAsync(WebSocketCloseStatus.NormalClosure);
            return;
        }

        try
        {
            await step(connection);
            if (Interlocked.Decrement(ref _unfinished) == 0)
            {
                ScriptDone.TrySetResult();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            lock (Errors)
            {
                Errors.Add(ex);
            }

            ScriptDone.TrySetException(ex);
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One client connection to the fake gateway. When the client asks for <c>compress=zlib-stream</c>, every
/// message is written to one zlib stream for the connection and flushed (sync flush: it ends with 00 00 FF FF), as
/// Discord does.</summary>
internal sealed class GatewayConnection(WebSocket socket, HttpContext context)
{
    private readonly MemoryStream _wire = new();
    private ZLibStream? _zlib;

    private readonly Channel<JsonObject> _frames = Channel.CreateUnbounded<JsonObject>();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Which heartbeats (by their sequence) get an ACK; all by default.</summary>
    public Func<JsonNode?, bool> AckWhen { get; set; } = _ => true;

    public ConcurrentQueue<JsonNode?> Heartbeats { get; } = new();

    public string Path => context.Request.Path;

    /// <summary>The client asked for zlib-stream transport compression.</summary>
    public bool Compressed => context.Request.Query["compress"] == "zlib-stream";

    /// <summary>Send each compressed message in two WebSocket messages (Discord may; the client must buffer until
    /// the sync-flush marker).</summary>
    public bool SplitCompressedMessages { get; set; }

    public Task Closed => _closed.Task;

    internal async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var frame = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
                if ((int)frame["op"]! == 1)
                {
                    Heartbeats.Enqueue(frame["d"]?.DeepClone());
                    if (AckWhen(frame["d"]))
                    {
                        await SendAsync(new JsonObject { ["op"] = 11 });
                    }

                    continue;
                }

                await _frames.Writer.WriteAsync(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client dropped the connection.
        }
        finally
        {
            _frames.Writer.TryComplete();
            _closed.TrySetResult();
        }
    }

    public Task SendAsync(JsonObject payload) => SendRawAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()));

    /// <summary>Sends bytes as one gateway message (compressed when the client asked for it).</summary>
    public async Task SendRawAsync(byte[] message)
    {
        await _send.WaitAsync();
        try
        {
            if (!Compressed)
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
                return;
            }

            _zlib ??= new ZLibStream(_wire, CompressionLevel.Optimal, leaveOpen: true);
            _wire.SetLength(0);
            _zlib.Write(message);
            _zlib.Flush();
            var compressed = _wire.ToArray();
            if (SplitCompressedMessages && compressed.Length > 8)
            {
                var half = compressed.Length / 2;
                await socket.SendAsync(compressed.AsMemory(0, half), WebSocketMessageType.Binary, true, CancellationToken.None);
                await socket.SendAsync(compressed.AsMemory(half), WebSocketMessageType.Binary, true, CancellationToken.None);
                return;
            }

            await socket.SendAsync(compressed, WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    public Task HelloAsync(int heartbeatIntervalMs) =>
        SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = heartbeatIntervalMs } });

    /// <summary>Asks the client for a heartbeat now (op 1), as Discord may.</summary>
    public Task RequestHeartbeatAsync() => SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    public Task DispatchAsync(string eventName, JsonNode data, long sequence) =>
        SendAsync(new JsonObject { ["op"] = 0, ["t"] = eventName, ["s"] = sequence, ["d"] = data });

    /// <summary>The next frame other than a heartbeat; it must have opcode <paramref name="op"/>.</summary>
    public async Task<JsonObject> ExpectAsync(int op, int timeoutMs = 60_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        var frame = await _frames.Reader.ReadAsync(cts.Token);
        Assert.Equal(op, (int)frame["op"]!);
        return frame;
    }

    /// <summary>Waits until the client closes or drops the connection.</summary>
    public Task WaitClosedAsync(int timeoutMs = 60_000) => _closed.Task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));

    public async Task CloseAsync(WebSocketCloseStatus status)
    {
        using var cts = new CancellationTokenSource(2000);
        await socket.CloseOutputAsync(status, null, cts.Token);
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Drop() => context.Abort();
}
