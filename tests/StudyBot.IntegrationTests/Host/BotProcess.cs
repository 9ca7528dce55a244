using System.Net.Http.Json;
using StudyBot.IntegrationTests.Cli;
using StudyBot.ProcessHost;
using StudyBot.Web;

namespace StudyBot.IntegrationTests.Host;

/// <summary>
/// The bot in a process of its own: <c>tests/StudyBot.ProcessHost</c>, the real app (<see cref="BotHost.Build"/>) on a
/// real Kestrel at 127.0.0.1 on a free port, on a fake clock this test moves (<see cref="SetClockAsync"/>), reporting
/// every post a platform received (<see cref="Posts"/>). Built with <see cref="BotServer.Arguments"/> and the given
/// settings; disposing it (or <see cref="KillAsync"/>) kills the process.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly StudyBotProcess _process;
    private HttpClient? _client;

    private BotProcess(string name, StudyBotProcess process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>The web API's client, once <see cref="ReadyAsync"/> has returned.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The process is not ready yet.");

    /// <summary>Every post a platform received from this process, in order (also after it was killed).</summary>
    public IReadOnlyList<HostPost> Posts => HostProtocol.Posts(_process.Stdout);

    /// <summary>Starts the process in <paramref name="folder"/> with its clock at <paramref name="clock"/>; wait for <see cref="ReadyAsync"/>.</summary>
    public static BotProcess Start(string name, string folder, IEnumerable<KeyValuePair<string, string>> settings, DateTimeOffset clock) =>
        new(name, StudyBotProcess.Start(
            folder,
            [.. BotServer.Arguments(folder, settings), $"--{HostProtocol.StartSetting}={clock:O}"],
            program: "StudyBot.ProcessHost.dll"));

    /// <summary>Waits until the server listens.</summary>
    public async Task ReadyAsync()
    {
        var line = await _process.WaitForLineAsync(l => HostProtocol.ReadyUrl(l) is not null);
        _client = new HttpClient { BaseAddress = new Uri(HostProtocol.ReadyUrl(line)!.TrimEnd('/') + "/") };
    }

    /// <summary>Sets the process's clock (to the same time or later) and waits until the process has done what became
    /// due (its background loops are idle again).</summary>
    public Task SetClockAsync(DateTimeOffset time) => SendAsync(HostProtocol.At(time));

    /// <summary>
    /// Makes every later publish hang, sets the clock and returns the idempotency key of the first publish that hangs:
    /// the process is then in the middle of publishing, holding what it claimed.
    /// </summary>
    public async Task<string> HangAtAsync(DateTimeOffset time)
    {
        await SendAsync(HostProtocol.Hang);
        await _process.WriteLineAsync(HostProtocol.At(time));
        return HostProtocol.HungKey(await _process.WaitForLineAsync(HostProtocol.IsHung));
    }

    /// <summary>Kills the process at once: no graceful shutdown, nothing written on the way out.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Posts a message or a button press to <c>/api/chat</c>; a reply must come (200).</summary>
    public async Task<ReplyDto> ChatAsync(string userId, string? text = null, string? action = null, bool admin = false)
    {
        using var response = await Client.PostAsJsonAsync("api/chat", new ChatRequest(userId, "Tester " + userId, text, action, admin ? BotServer.AdminToken : null), WebJson.Options);
        Assert.True(response.IsSuccessStatusCode, $"{Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return Assert.Single((await response.Content.ReadFromJsonAsync<ChatResponse>(WebJson.Options))!.Replies);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _process.DisposeAsync();
    }

    /// <summary>Sends a command (each at most once: the first answer to it is taken) and waits for its answer.</summary>
    private async Task SendAsync(string command)
    {
        await _process.WriteLineAsync(command);
        await _process.WaitForLineAsync(l => l == HostProtocol.Done(command));
    }
}
