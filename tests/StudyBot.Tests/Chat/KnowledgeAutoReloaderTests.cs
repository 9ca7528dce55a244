using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

/// <summary>
/// The debounce runs on a fake clock, so how fast this machine writes files or schedules threads cannot turn one
/// burst into two reloads: the clock only moves when a test moves it, after the watcher has delivered every change.
/// </summary>
public sealed class KnowledgeAutoReloaderTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly string _root = Directory.CreateTempSubdirectory("studybot-watch-").FullName;
    private readonly FakeKnowledgeBase _knowledge = new();
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingLogger _log = new();

    public KnowledgeAutoReloaderTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "notes"));
        _knowledge.NextReload = () => new ReloadReport(true, null, [], ["a.md"], [], 1, 1, [], _knowledge.Stats);
    }

    private string Notes => Path.Combine(_root, "notes");

    [Fact]
    public async Task ExecuteAsync_BurstOfWrites_ReloadsOnceAfterQuiet()
    {
        using var reloader = Create(autoReload: true);
        await reloader.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _log.Has("watching"));

        // An editor's burst: five saves and then a last file, all within one instant of the reloader's clock.
        for (var i = 0; i < 5; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(Notes, "a.md"), $"# A\nversion {i}\n");
        }

        await SaveAndWaitForWatcherAsync("last.md");
        Assert.Equal(0, _knowledge.ReloadCount);

        await AdvanceUntilAsync(() => _knowledge.ReloadCount >= 1);
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(Debounce);
            await Task.Delay(20);
        }

        await reloader.StopAsync(CancellationToken.None);
        Assert.Equal(1, _knowledge.ReloadCount);
        Assert.True(_log.Has("Auto-reload after a change to " + Path.Combine(Notes, "last.md")), "the reload names the last change");
    }

    [Fact]
    public async Task ExecuteAsync_ChangeWhileWaitingForQuiet_ReloadsNoSoonerThanADebounceAfterIt()
    {
        using var reloader = Create(autoReload: true);
        await reloader.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _log.Has("watching"));

        await SaveAndWaitForWatcherAsync("a.md");
        _time.Advance(Debounce - TimeSpan.FromMilliseconds(100));
        await SaveAndWaitForWatcherAsync("b.md");

        // 250 ms after the second save is still inside its quiet time: no reload yet.
        _time.Advance(TimeSpan.FromMilliseconds(250));
        await Task.Delay(100);
        Assert.Equal(0, _knowledge.ReloadCount);

        await AdvanceUntilAsync(() => _knowledge.ReloadCount >= 1);
        await reloader.StopAsync(CancellationToken.None);
        Assert.Equal(1, _knowledge.ReloadCount);
    }

    [Fact]
    public async Task ExecuteAsync_TwoBurstsApart_ReloadsTwice()
    {
        using var reloader = Create(autoReload: true);
        await reloader.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _log.Has("watching"));

        await SaveAndWaitForWatcherAsync("a.md");
        await AdvanceUntilAsync(() => _knowledge.ReloadCount >= 1);
        await SaveAndWaitForWatcherAsync("b.md");
        await AdvanceUntilAsync(() => _knowledge.ReloadCount >= 2);
        await reloader.StopAsync(CancellationToken.None);

        Assert.Equal(2, _knowledge.ReloadCount);
    }

    [Fact]
    public async Task ExecuteAsync_Switchedoff_NeverReloads()
    {
        using var reloader = Create(autoReload: false);
        await reloader.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _log.Has("Auto-reload is off"));

        await File.WriteAllTextAsync(Path.Combine(Notes, "a.md"), "# A\n");
        await Task.Delay(300);
        _time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(100);
        await reloader.StopAsync(CancellationToken.None);

        Assert.Equal(0, _knowledge.ReloadCount);
        Assert.False(_log.Has("Auto-reload: Created"), "nothing watches the folder");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private KnowledgeAutoReloader Create(bool autoReload) => new(
        _knowledge,
        Options.Create(new KnowledgeOptions { Path = Notes, AutoReload = autoReload, AutoReloadDebounceMilliseconds = (int)Debounce.TotalMilliseconds }),
        _time,
        _log);

    /// <summary>Saves a file the way many editors do (write beside it, then move it in: one change event) and waits,
    /// in real time, until the watcher has handed that change to the reloader. The watcher delivers changes in order,
    /// so every earlier change has been handed over too, and none of this save is still on its way.</summary>
    private async Task SaveAndWaitForWatcherAsync(string file)
    {
        var path = Path.Combine(Notes, file);
        var draft = Path.Combine(_root, file + ".draft");
        var seen = _log.Count(path);
        await File.WriteAllTextAsync(draft, "# " + file + "\n" + Guid.NewGuid() + "\n");
        File.Move(draft, path, overwrite: true);
        await WaitUntilAsync(() => _log.Count(path) > seen);
    }

    /// <summary>Moves the fake clock one debounce at a time (the reloader may not have armed its timer yet when the
    /// clock first moves) until <paramref name="condition"/> holds.</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "timed out waiting for the reload");
            _time.Advance(Debounce);
            await Task.Delay(20);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "timed out waiting for the watcher");
            await Task.Delay(10);
        }
    }

    private sealed class RecordingLogger : ILogger<KnowledgeAutoReloader>
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public bool Has(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

        public int Count(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception));
    }
}

/// <summary>A host environment rooted at a test folder.</summary>
internal sealed class TestEnvironment(string contentRoot) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Test";

    public string ApplicationName { get; set; } = "StudyBot.Tests";

    public string ContentRootPath { get; set; } = contentRoot;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
