using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StudyBot.IntegrationTests.Discord;

/// <summary>One request the fake received.</summary>
internal sealed record FakeRequest(string Method, string Path, string Route, string? Authorization, string Body, DateTimeOffset At)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>
/// A loopback fake of Discord's REST API (Kestrel on 127.0.0.1): checks <c>Authorization: Bot</c>, enforces and
/// announces a per-route bucket with <c>X-RateLimit-*</c> headers, and answers scripted 429s (route or global) and 5xx.
/// </summary>
internal sealed partial class FakeDiscordApi : IAsyncDisposable
{
    public const string Token = "fake-bot-token.for-tests-only";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Failure>> _failures = new();
    private readonly ConcurrentDictionary<string, (int Used, DateTimeOffset ResetAt)> _buckets = new();
    private readonly ConcurrentDictionary<string, string> _messagesByNonce = new();
    private readonly Lock _bucketLock = new();
    private long _nextId = 900_000_000_000_000_000;
    private DateTimeOffset _globalUntil;

    private FakeDiscordApi(WebApplication app) => _app = app;

    /// <summary>The API base, like https://discord.com/api/v10.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What GET /gateway/bot returns.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Requests per bucket window; a request beyond it gets a 429 and counts as a violation.</summary>
    public int BucketLimit { get; set; } = 50;

    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many of the next created channel messages get no response (as when the bot stops mid-call).</summary>
    public int ResponsesToLose { get => _responsesToLose; set => _responsesToLose = value; }

    private int _responsesToLose;

    /// <summary>Channel messages that exist: id → channel id.</summary>
    private readonly ConcurrentDictionary<string, string> _created = new();

    /// <summary>The ids of the channel messages that exist (a retried nonce does not add one).</summary>
    public IReadOnlyCollection<string> CreatedMessageIds => [.. _created.Keys];

    /// <summary>Deletes a channel message, as a member with Manage Messages would: editing it then fails.</summary>
    public void DeleteMessage(string id) => _created.TryRemove(id, out _);

    /// <summary>Requests that broke the announced limits (sent although the bucket was empty or a global limit held).</summary>
    public int Violations => _violations;

    private int _violations;

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public static async Task<FakeDiscordApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscordApi(app);
        app.Map("/api/v10/{**path}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First() + "/api/v10");
        return fake;
    }

    /// <summary>The next <paramref name="count"/> requests on <paramref name="route"/> (e.g. "POST /channels/{id}/messages") fail.</summary>
    public void FailNext(string route, int status, int count = 1, double retryAfter = 0.2, bool global = false)
    {
        var queue = _failures.GetOrAdd(route, _ => new ConcurrentQueue<Failure>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(new Failure(status, retryAfter, global));
        }
    }

    public IReadOnlyList<FakeRequest> On(string route) => Requests.Where(r => r.Route == route).ToList();

    /// <summary>Waits until a request matches.</summary>
    public Task<FakeRequest> WaitForAsync(Func<FakeRequest, bool> match) =>
        Wait.ForAsync(() => Requests.FirstOrDefault(match), "a request to the fake Discord API; got: " + string.Join(", ", Requests.Select(r => r.Route)));
    private async Task HandleAsync(HttpContext context)
    {
        var path = "/" + ((string?)context.Request.RouteValues["path"] ?? string.Empty);
        var route = context.Request.Method + " " + Template(path);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var now = DateTimeOffset.UtcNow;
        var authorization = context.Request.Headers.Authorization.ToString();
        _requests.Enqueue(new FakeRequest(context.Request.Method, path, route, authorization, body, now));

        if (authorization != "Bot " + Token)
        {
            await WriteAsync(context, 401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
            return;
        }

        if (now < _globalUntil)
        {
            Interlocked.Increment(ref _violations);
            await TooManyAsync(context, (_globalUntil - now).TotalSeconds, global: true);
            return;
        }

        if (_failures.TryGetValue(route, out var failures) && failures.TryDequeue(out var failure))
        {
            if (failure.Status == 429)
            {
                if (failure.Global)
                {
                    _globalUntil = now + TimeSpan.FromSeconds(failure.RetryAfter);
                }

                await TooManyAsync(context, failure.RetryAfter, failure.Global);
                return;
            }

            await WriteAsync(context, failure.Status, new JsonObject { ["message"] = "scripted failure", ["code"] = 0 });
            return;
        }

        var bucketKey = route + "|" + MajorOf(path);
        int remaining;
        DateTimeOffset resetAt;
        lock (_bucketLock)
        {
            var (used, reset) = _buckets.GetValueOrDefault(bucketKey, (0, now + BucketWindow));
            if (now >= reset)
            {
                (used, reset) = (0, now + BucketWindow);
            }

            if (used >= BucketLimit)
            {
                Interlocked.Increment(ref _violations);
                remaining = -1;
            }
            else
            {
                used++;
                remaining = BucketLimit - used;
            }

            _buckets[bucketKey] = (used, reset);
            resetAt = reset;
        }

        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = BucketLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(remaining, 0).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = (resetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = Math.Max((resetAt - now).TotalSeconds, 0).ToString("F3", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(route)))[..16];
        if (remaining < 0)
        {
            await TooManyAsync(context, Math.Max((resetAt - now).TotalSeconds, 0.01), global: false);
            return;
        }

        await AnswerAsync(context, route, path, body);
    }

    private async Task AnswerAsync(HttpContext context, string route, string path, string body)
    {
        var json = body.Length > 0 ? JsonNode.Parse(body) : null;
        switch (route)
        {
            case "GET /gateway/bot":
                await WriteAsync(context, 200, new JsonObject
                {
                    ["url"] = GatewayUrl?.ToString() ?? "ws://127.0.0.1:1",
                    ["shards"] = 1,
                    ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14400000, ["max_concurrency"] = 1 },
                });
                return;
            case "PUT /applications/{id}/commands" or "PUT /applications/{id}/guilds/{id}/commands":
                var commands = json?.AsArray() ?? [];
                var registered = new JsonArray();
                foreach (var command in commands)
                {
                    var copy = command!.DeepClone().AsObject();
                    copy["id"] = NextId();
                    registered.Add(copy);
                }

                await WriteAsync(context, 200, registered);
                return;
            case "POST /channels/{channels}/messages":
                var channelId = path.Split('/')[2];
                var nonce = json?["nonce"]?.GetValue<string>();
                var id = nonce is not null && json?["enforce_nonce"]?.GetValue<bool>() == true
                    ? _messagesByNonce.GetOrAdd(channelId + "|" + nonce, _ => NextId())
                    : NextId();
                _created[id] = channelId;
                if (Interlocked.Decrement(ref _responsesToLose) >= 0)
                {
                    // The message exists, but its response never reaches the bot.
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    return;
                }

                await WriteAsync(context, 200, Message(id, channelId, json));
                return;
            case "POST /channels/{channels}/messages/{id}/threads":
                await WriteAsync(context, 201, new JsonObject { ["id"] = NextId(), ["type"] = 11, ["name"] = json?["name"]?.DeepClone(), ["parent_id"] = path.Split('/')[2] });
                return;
            case "POST /users/@me/channels":
                await WriteAsync(context, 200, new JsonObject { ["id"] = NextId(), ["type"] = 1 });
                return;
            case "PATCH /channels/{channels}/messages/{id}":
                // As Discord: only a message that exists in that channel can be edited (404, code 10008 otherwise).
                var (editChannel, editId) = (path.Split('/')[2], path.Split('/')[4]);
                if (_created.GetValueOrDefault(editId) != editChannel)
                {
                    await WriteAsync(context, 404, new JsonObject { ["message"] = "Unknown Message", ["code"] = 10008 });
                    return;
                }

                await WriteAsync(context, 200, Message(editId, editChannel, json));
                return;
            case "DELETE /webhooks/{webhooks}/{token}/messages/@original" or "POST /channels/{channels}/typing":
                context.Response.StatusCode = 204;
                return;
            case "POST /webhooks/{webhooks}/{token}" or "PATCH /webhooks/{webhooks}/{token}/messages/@original":
                await WriteAsync(context, 200, Message(NextId(), "1", json));
                return;
            default:
                await WriteAsync(context, 404, new JsonObject { ["message"] = "404: Not Found", ["code"] = 0 });
                return;
        }
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Message(string id, string channelId, JsonNode? request) => new()
    {
        ["id"] = id,
        ["channel_id"] = channelId,
        ["type"] = 0,
        ["content"] = request?["content"]?.DeepClone() ?? string.Empty,
        ["embeds"] = request?["embeds"]?.DeepClone() ?? new JsonArray(),
        ["components"] = request?["components"]?.DeepClone() ?? new JsonArray(),
        ["author"] = new JsonObject { ["id"] = "1000", ["username"] = "StudyBot", ["bot"] = true },
    };

    private static async Task TooManyAsync(HttpContext context, double retryAfter, bool global)
    {
        context.Response.Headers["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
        if (global)
        {
            context.Response.Headers["X-RateLimit-Global"] = "true";
        }

        context.Response.Headers["X-RateLimit-Scope"] = global ? "global" : "user";
        await WriteAsync(context, 429, new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Round(retryAfter, 3),
            ["global"] = global,
            ["code"] = 0,
        });
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>"/channels/123/messages" → "/channels/{channels}/messages"; other ids → {id}; webhook tokens → {token}.</summary>
    internal static string Template(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0 && segments[i - 1] is "channels" or "webhooks" && Id().IsMatch(segments[i]))
            {
                segments[i] = "{" + segments[i - 1] + "}";
            }
            else if (i > 1 && segments[i - 2] == "webhooks")
            {
                segments[i] = "{token}";
            }
            else if (Id().IsMatch(segments[i]))
            {
                segments[i] = "{id}";
            }
        }

        return "/" + string.Join('/', segments);
    }

    private static string MajorOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 1 && segments[0] is "channels" or "guilds" or "webhooks" ? segments[1] : string.Empty;
    }

    /// <summary>Stops the fake, then fails the test when the bot sent a body Discord's own libraries reject.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Validation.PlatformValidators.AssertAllValid(
            Requests.Where(r => r.Authorization == "Bot " + Token && DiscordOpenApi.BodyOperationOf(r) is not null)
                .Select(r => (DiscordOpenApi.BodyOperationOf(r)!, r.Body)),
            "The fake Discord API");
    }

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex Id();

    private sealed record Failure(int Status, double RetryAfter, bool Global);
}
