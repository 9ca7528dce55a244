using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>
/// Watches the notes folder and reloads the knowledge base once changes have settled (debounced), so an editor's
/// burst of writes costs one reload. The diff is logged.
/// </summary>
internal sealed partial class KnowledgeAutoReloader(
    IKnowledgeBase knowledge,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeAutoReloader> logger) : BackgroundService, IBackgroundWork
{
    private readonly IdleTracker _idle = new();

    private readonly Channel<string> _changes = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public Task WhenIdleAsync(CancellationToken cancellationToken) => _idle.WhenIdleAsync(cancellationToken);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _idle.Started();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var running = _idle.Running();
        var settings = options.Value;
        if (!settings.AutoReload)
        {
            LogDisabled();
            return;
        }

        var folder = settings.FullPath;
        if (!Directory.Exists(folder))
        {
            LogNoFolder(folder);
            return;
        }

        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.Error += (_, e) => _changes.Writer.TryWrite("watcher error: " + e.GetException().Message);
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // For example the inotify watch limit: the bot keeps running; `reload` still works.
            watcher?.Dispose();
            LogWatchFailed(exception, folder);
            return;
        }

        using var owned = watcher;
        LogWatching(folder, settings.AutoReloadDebounceMilliseconds);

        var debounce = TimeSpan.FromMilliseconds(settings.AutoReloadDebounceMilliseconds);
        try
        {
            while (await _idle.ParkAsync(_changes.Reader.WaitToReadAsync(stoppingToken).AsTask(), HasChange).ConfigureAwait(false))
            {
                var trigger = await _changes.Reader.ReadAsync(stoppingToken).ConfigureAwait(false);

                // Wait until no change has arrived for the whole debounce period.
                while (true)
                {
                    var quiet = Task.Delay(debounce, time, stoppingToken);
                    await _idle.ParkUntilAsync(quiet, time, time.GetUtcNow() + debounce).ConfigureAwait(false);
                    if (!_changes.Reader.TryRead(out var later))
                    {
                        break;
                    }

                    trigger = later;
                }

                await ReloadAsync(trigger, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>A change waiting in the channel wakes the loop (a moment later, on the thread pool).</summary>
    private bool HasChange() => _changes.Reader.Count > 0;

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        _changes.Writer.TryWrite(e.FullPath);
        LogChange(e.ChangeType, e.FullPath);
    }

    private async Task ReloadAsync(string trigger, CancellationToken cancellationToken)
    {
        try
        {
            var report = await knowledge.ReloadAsync(cancellationToken).ConfigureAwait(false);
            if (report.Succeeded)
            {
                LogReloaded(trigger, report.Stats.Files, report.Stats.Passages, report.FilesAdded.Count, report.FilesChanged.Count,
                    report.FilesRemoved.Count, report.PassagesAdded, report.PassagesRemoved, report.Failures.Count);
            }
            else
            {
                LogReloadFailed(trigger, report.Error);
            }

            foreach (var failure in report.Failures)
            {
                LogFileFailed(failure.File, failure.Reason);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReloadThrew(exception, trigger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-reload is off (Knowledge:AutoReload=false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auto-reload: the notes folder {Folder} does not exist; not watching")]
    private partial void LogNoFolder(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auto-reload is unavailable: the notes folder {Folder} cannot be watched; use the reload command")]
    private partial void LogWatchFailed(Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Auto-reload: {ChangeType} {Path}; the reload waits for quiet")]
    private partial void LogChange(WatcherChangeTypes changeType, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-reload: watching {Folder} (debounce {DebounceMs} ms)")]
    private partial void LogWatching(string folder, int debounceMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-reload after a change to {Trigger}: {Files} files, {Passages} passages; files +{Added} ~{Changed} -{Removed}; passages +{PassagesAdded} -{PassagesRemoved}; {Failed} files failed")]
    private partial void LogReloaded(string trigger, int files, int passages, int added, int changed, int removed, int passagesAdded, int passagesRemoved, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auto-reload after a change to {Trigger} failed, the previous index keeps serving: {Error}")]
    private partial void LogReloadFailed(string trigger, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auto-reload: {File} was skipped: {Reason}")]
    private partial void LogFileFailed(string file, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Auto-reload after a change to {Trigger} threw; the previous index keeps serving")]
    private partial void LogReloadThrew(Exception exception, string trigger);
}
