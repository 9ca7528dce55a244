using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

public sealed class KnowledgeAutoReloaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("studybot-watch-").FullName;
    private readonly FakeKnowledgeBase _knowledge = new();

    public KnowledgeAutoReloaderTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "notes"));
        _knowledge.NextReload = () => new ReloadReport(true, null, [], ["a.md"], [], 1, 1, [], _knowledge.Stats);
    }

    [Fact]
    public async Task ExecuteAsync_BurstOfWrites_ReloadsOnceAfterQuiet()
    {
        using var reloader = Create(autoReload: true);
        await reloader.StartAsync(CancellationToken.None);
        await Task.Delay(200);

        for (var i = 0; i < 5; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_root, "notes", "a.md"), $"# A\nversion {i}\n");
            await Task.Delay(30);
        }

        await WaitUntilAsync(() => _knowledge.ReloadCount >= 1, TimeSpan.FromSeconds(10));
        await Task.Delay(600);
        await reloader.StopAsync(CancellationToken.None);

        Assert.Equal(1, _knowledge.ReloadCount);
    }

    [Fact]
    public async Task ExecuteAsync_Switchedoff_NeverReloads()
    {
        using var reloader = Create(autoReload: false);
        await reloader.StartAsync(CancellationToken.None);

        await File.WriteAllTextAsync(Path.Combine(_root, "notes", "a.md"), "# A\n");
        await Task.Delay(800);
        await reloader.StopAsync(CancellationToken.None);

        Assert.Equal(0, _knowledge.ReloadCount);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private KnowledgeAutoReloader Create(bool autoReload) => new(
        _knowledge,
        Options.Create(new AutoReloadOptions { AutoReload = autoReload, AutoReloadDebounceMilliseconds = 300 }),
        Options.Create(new KnowledgeOptions { Path = Path.Combine(_root, "notes") }),
        TimeProvider.System,
        NullLogger<KnowledgeAutoReloader>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!condition() && Environment.TickCount64 < deadline)
        {
            await Task.Delay(50);
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
