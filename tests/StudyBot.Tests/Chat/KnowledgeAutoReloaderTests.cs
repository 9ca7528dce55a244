using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

/// <summary>
/// The debounce runs on a fake clock, so how fast this machine writes files or schedules threads cannot turn one
/// burst into two reloads: the clock only moves when a test moves it, after the watcher has delivered every change,
/// and every step waits until the reloader is idle (parked on the clock or on the next change), never on a sleep.
/// </summary>
public sealed class KnowledgeAutoReloaderTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly TempFolder _root = new("studybot-watch-");
    private readonly FakeKnowledgeBase _knowledge = new();
    private readonly FakeTimeProvider _time = new();
    private readonly LogCapture _log = new();

    public KnowledgeAutoReloaderTests()
    {
        _root.Folder("notes");
        _knowledge.NextReload = () => new ReloadReport(true, null, [], ["a.md"], [], 1, 1, [], _knowledge.Stats);
    }

    private string Notes => _root.Combine("notes");

    [Fact]
    public async Task ExecuteAsync_BurstOfWrites_ReloadsOnceAfterQuiet()
    {
        using var reloader = await StartAsync(autoReload: true);
        Assert.True(_log.Has("watching"));

        // An editor's burst: five saves and then a last file, all within one instant of the reloader's clock.
        for (var i = 0; i < 5; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(Notes, "a.md"), $"# A\nversion {i}\n");
        }

        await SaveAndWaitForWatcherAsync(reloader, "last.md");
        Assert.Equal(0, _knowledge.ReloadCount);

        await AdvanceUntilAsync(reloader, () => _knowledge.ReloadCount >= 1);
        for (var i = 0; i < 5; i++)
        {
            await AdvanceAsync(reloader, Debounce);
        }

        await reloader.StopAsync(CancellationToken.None);
        Assert.Equal(1, _knowledge.ReloadCount);
        Assert.True(_log.Has("Auto-reload after a change to " + Path.Combine(Notes, "last.md")), "the reload names the last change");
    }

    [Fact]
    public async Task ExecuteAsync_ChangeWhileWaitingForQuiet_ReloadsNoSoonerThanADebounceAfterIt()
    {
        using var reloader = await StartAsync(autoReload: true);

        await SaveAndWaitForWatcherAsync(reloader, "a.md");
        await AdvanceAsync(reloader, Debounce - TimeSpan.FromMilliseconds(100));
        await SaveAndWaitForWatcherAsync(reloader, "b.md");

        // 250 ms after the second save is still inside its quiet time: no reload yet.
        await AdvanceAsync(reloader, TimeSpan.FromMilliseconds(250));
        Assert.Equal(0, _knowledge.ReloadCount);

        await AdvanceUntilAsync(reloader, () => _knowledge.ReloadCount >= 1);
        await reloader.StopAsync(CancellationToken.None);
        Assert.Equal(1, _knowledge.ReloadCount);
    }

    [Fact]
    public async Task ExecuteAsync_TwoBurstsApart_ReloadsTwice()
    {
        using var reloader = await StartAsync(autoReload: true);

        await SaveAndWaitForWatcherAsync(reloader, "a.md");
        await AdvanceUntilAsync(reloader, () => _knowledge.ReloadCount >= 1);
        await SaveAndWaitForWatcherAsync(reloader, "b.md");
        await AdvanceUntilAsync(reloader, () => _knowledge.ReloadCount >= 2);
        await reloader.StopAsync(CancellationToken.None);

        Assert.Equal(2, _knowledge.ReloadCount);
    }

    [Fact]
    public async Task ExecuteAsync_Switchedoff_NeverReloads()
    {
        using var reloader = await StartAsync(autoReload: false);

        // The loop has ended, so no watcher exists (it lives only inside the loop): a change cannot reach it.
        Assert.True(reloader.ExecuteTask!.IsCompleted, "the reloader stopped at once");
        Assert.True(_log.Has("Auto-reload is off"));
        await File.WriteAllTextAsync(Path.Combine(Notes, "a.md"), "# A\n");
        await AdvanceAsync(reloader, TimeSpan.FromMinutes(1));
        await reloader.StopAsync(CancellationToken.None);

        Assert.Equal(0, _knowledge.ReloadCount);
        Assert.False(_log.Has("Auto-reload: Created"), "nothing watches the folder");
    }

    public void Dispose() => _root.Dispose();

    /// <summary>Starts a reloader and waits until it is idle: watching (parked on the first change), or ended.</summary>
    private async Task<KnowledgeAutoReloader> StartAsync(bool autoReload)
    {
        var reloader = new KnowledgeAutoReloader(
            _knowledge,
            Options.Create(new KnowledgeOptions { Path = Notes, AutoReload = autoReload, AutoReloadDebounceMilliseconds = (int)Debounce.TotalMilliseconds }),
            _time,
            _log.For<KnowledgeAutoReloader>());
        await reloader.StartAsync(CancellationToken.None);
        await IdleAsync(reloader);
        return reloader;
    }

    private static Task IdleAsync(KnowledgeAutoReloader reloader) => Wait.UntilIdleAsync([reloader]);

    /// <summary>Saves a file the way many editors do (write beside it, then move it in: one change event) and waits,
    /// in real time, until the watcher has handed that change to the reloader and the reloader has taken it in. The
    /// watcher delivers changes in order, so every earlier change has been handed over too, and none of this save is
    /// still on its way.</summary>
    private async Task SaveAndWaitForWatcherAsync(KnowledgeAutoReloader reloader, string file)
    {
        var path = Path.Combine(Notes, file);
        var draft = _root.Combine(file + ".draft");
        var seen = _log.Count(path);
        await File.WriteAllTextAsync(draft, "# " + file + "\n" + Guid.NewGuid() + "\n");
        File.Move(draft, path, overwrite: true);
        await Wait.UntilAsync(() => _log.Count(path) > seen, "the watcher to report " + file);
        await IdleAsync(reloader);
    }

    /// <summary>Moves the fake clock once the reloader is idle, and waits until it is idle again.</summary>
    private async Task AdvanceAsync(KnowledgeAutoReloader reloader, TimeSpan by)
    {
        await IdleAsync(reloader);
        _time.Advance(by);
        await IdleAsync(reloader);
    }

    /// <summary>Moves the fake clock one debounce at a time until <paramref name="condition"/> holds; the debounce
    /// restarts at most once per change, so a few steps are always enough.</summary>
    private async Task AdvanceUntilAsync(KnowledgeAutoReloader reloader, Func<bool> condition)
    {
        for (var step = 0; !condition(); step++)
        {
            Assert.True(step < 10, "no reload after 10 quiet periods; logged: " + string.Join(" | ", _log.Lines));
            await AdvanceAsync(reloader, Debounce);
        }
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
