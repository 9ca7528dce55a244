using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// The team's notes, indexed with Lucene and answerable. Loads at first use (or <see cref="LoadAsync"/>);
/// <see cref="ReloadAsync"/> builds a new index beside the live one and swaps it in atomically; questions in flight
/// finish on the old index, which is disposed when the last of them releases it.
/// </summary>
public sealed partial class KnowledgeBase : IKnowledgeBase, IDisposable
{
    private readonly KnowledgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<KnowledgeBase> _logger;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly Lock _firstLoadLock = new();
    private readonly Lock _buildLock = new();
    private KnowledgeIndex? _current;
    private IndexStore? _store;
    private KnowledgeStats _stats;
    private string? _notLoaded;
    private bool _firstLoadTried;
    private bool _disposed;
    private Task _merged = Task.CompletedTask;

    /// <summary>Counts the generations swapped in by loads and reloads (under the build lock): a background merge
    /// merges again only when a reload came in while it ran.</summary>
    private long _reloads;

    private readonly Semantic.SemanticIndexer? _semantic;

    public KnowledgeBase(IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeBase>? logger = null, Semantic.SemanticIndexer? semantic = null)
    {
        _options = options.Value;
        _semantic = semantic;
        _time = time;
        _logger = logger ?? NullLogger<KnowledgeBase>.Instance;
        _stats = new KnowledgeStats(0, 0, new Dictionary<string, int>(), [], _time.GetUtcNow());
    }

    /// <inheritdoc />
    public event EventHandler<ReloadReport>? Reloaded;

    /// <summary>Called before each parsed file goes into the index; tests throw from it to make a build fail.</summary>
    internal Action<string>? IndexingFile { get; init; }

    /// <summary>Called on the merge's thread before each round of the background merge, and after Lucene's merge before
    /// its generation is swapped in; tests hold the merge there to reload while it runs.</summary>
    internal Action? MergeStarting { get; init; }

    /// <inheritdoc cref="MergeStarting"/>
    internal Action? MergeDone { get; init; }

    /// <summary>An index in memory of loaded notes, with the synonyms they define (tools and tests).</summary>
    internal static KnowledgeIndex IndexOf(LoadedNotes notes) =>
        KnowledgeIndex.InMemory(new NotesAnalyzer(Synonyms.Build(notes.SynonymGroups)), notes.Entries, notes.FileHashes, notes.Failures);

    /// <summary>The index answering now (null before the first load): tests check that a replaced one is released.</summary>
    internal KnowledgeIndex? CurrentIndex => Volatile.Read(ref _current);

    /// <summary>Completes when the merge into one segment that the last load or reload started in the background has
    /// swapped its generation in (at once when none was needed); tests and the scale benchmark wait on it.</summary>
    internal Task Merged => Volatile.Read(ref _merged);

    /// <inheritdoc />
    public IReadOnlyList<Passage> Passages =>
        // In the notes' order: a reload appends a changed file's passages at the end of the index.
        ReadOnce(ref _passages, index => [.. index.ReadAll().Select(e => e.Passage).OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.LineStart)]);

    /// <inheritdoc />
    public IReadOnlyList<SectionTitle> SectionTitles =>
        // Counted passage by passage, without keeping the passages.
        ReadOnce(ref _sections, index => SectionTitle.Of(index.ReadAll().Select(e => e.Passage)));

    private Generation<IReadOnlyList<Passage>>? _passages;
    private Generation<IReadOnlyList<SectionTitle>>? _sections;

    /// <summary>A list read from the index that serves now, once a generation, at its first use after a reload. The
    /// read holds a reference to the index, as a question does: a background merge may retire it meanwhile, and a
    /// retired index closes its reader once the last reference goes (without one, the quiz bank built for a reload's
    /// reply read a closed index once in the reload-under-load test).</summary>
    private IReadOnlyList<T> ReadOnce<T>(ref Generation<IReadOnlyList<T>>? slot, Func<KnowledgeIndex, IReadOnlyList<T>> read)
    {
        while (true)
        {
            var index = EnsureLoaded();
            if (index is null)
            {
                return [];
            }

            var cached = Volatile.Read(ref slot);
            if (cached is not null && ReferenceEquals(cached.Index, index))
            {
                return cached.Value;
            }

            if (!index.TryAcquire())
            {
                // Retired between the read and the acquire: the new index is already in place.
                continue;
            }

            try
            {
                cached = new Generation<IReadOnlyList<T>>(index, read(index));
                Volatile.Write(ref slot, cached);
                return cached.Value;
            }
            finally
            {
                index.Release();
            }
        }
    }

    /// <summary>What was read from one generation of the index.</summary>
    private sealed record Generation<T>(KnowledgeIndex Index, T Value);

    /// <inheritdoc />
    public KnowledgeStats Stats
    {
        get
        {
            EnsureLoaded();
            return Volatile.Read(ref _stats);
        }
    }

    /// <inheritdoc />
    public string AnswerPath => _semantic is null ? "lexical"
        : Volatile.Read(ref _current)?.Semantic is not null ? "semantic"
        : "lexical (semantic model " + _semantic.Status + ")";

    /// <inheritdoc />
    public string? NotLoadedReason
    {
        get
        {
            EnsureLoaded();
            return Volatile.Read(ref _current) is null ? Volatile.Read(ref _notLoaded) : null;
        }
    }

    /// <inheritdoc />
    public Answer Ask(string question) =>
        OnLiveIndex(
            index => AnswerComposer.Ask(index, question),
            // Not the ordinary decline: nothing could be found because nothing is loaded, and whoever asks should
            // learn that (and where the bot looked) rather than think the notes lack the topic.
            () => new Answer(question ?? string.Empty, false, AnswerVerdict.None, string.Empty, [], [], Volatile.Read(ref _notLoaded) ?? string.Empty));

    /// <summary>Every stage of answering <paramref name="question"/>, one line each (the analysis, the candidates with
    /// their signals' contributions, the decision and the Yes/No reading): what <c>ask --explain</c> prints.</summary>
    public IReadOnlyList<string> Explain(string question) =>
        OnLiveIndex(index => AnswerComposer.Explain(index, question), () => [Volatile.Read(ref _notLoaded) ?? "No notes are loaded."]);

    /// <summary>Runs <paramref name="read"/> on the index that serves now, held so that a reload cannot retire it
    /// meanwhile; <paramref name="notLoaded"/> when no index could be loaded.</summary>
    private T OnLiveIndex<T>(Func<KnowledgeIndex, T> read, Func<T> notLoaded)
    {
        while (true)
        {
            var index = EnsureLoaded();
            if (index is null)
            {
                return notLoaded();
            }

            if (!index.TryAcquire())
            {
                // Retired between the read and the acquire: the new index is already in place.
                continue;
            }

            try
            {
                return read(index);
            }
            finally
            {
                index.Release();
            }
        }
    }

    /// <summary>Loads the notes unless they are loaded; the report of the first load, or of a no-op.</summary>
    public async Task<ReloadReport> LoadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is not null)
        {
            return new ReloadReport(true, null, [], [], [], 0, 0, Volatile.Read(ref _stats).Failures, Volatile.Read(ref _stats));
        }

        return await ReloadAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ReloadReport> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Rebuild(cancellationToken), cancellationToken);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Interlocked.Exchange(ref _current, null)?.Dispose();
        lock (_buildLock)
        {
            _store?.Dispose();
            _store = null;
        }

        _reloadLock.Dispose();
    }

    private KnowledgeIndex? EnsureLoaded()
    {
        var index = Volatile.Read(ref _current);
        if (index is not null)
        {
            return index;
        }

        lock (_firstLoadLock)
        {
            // One attempt: after a failed first load, only a reload (the admin's or the auto-reloader's) tries again,
            // so an empty folder is reported once, not on every question.
            if (Volatile.Read(ref _current) is null && !_firstLoadTried)
            {
                _firstLoadTried = true;
                var report = Rebuild(CancellationToken.None);
                if (!report.Succeeded)
                {
                    LogLoadFailed(_logger, report.Error);
                }
            }

            return Volatile.Read(ref _current);
        }
    }

    private ReloadReport Rebuild(CancellationToken cancellationToken)
    {
        // The first load (on a question) and a reload may race; the store has one writer.
        lock (_buildLock)
        {
            return RebuildLocked(cancellationToken);
        }
    }

    private ReloadReport RebuildLocked(CancellationToken cancellationToken)
    {
        var old = Volatile.Read(ref _current);
        var oldStats = Volatile.Read(ref _stats);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        LoadedNotes notes;
        IndexStore? store = null;
        try
        {
            notes = NotesLoader.Load(_options, _time, cancellationToken, groups =>
            {
                store = StoreFor(groups);
                return new StoreSink(store, IndexingFile);
            });
        }
        catch (DirectoryNotFoundException ex)
        {
            return Failed(ex.Message, [], oldStats);
        }
        catch (Exception ex)
        {
            // Whatever Lucene refuses, the admin who asked for the reload learns why and the old notes keep serving;
            // what the failed reload wrote is undone.
            RollBack(store);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            return Failed(
                ex is IOException or UnauthorizedAccessException
                    ? $"The knowledge folder cannot be read: {ex.Message}"
                    : $"The notes could not be indexed ({ex.GetType().Name}: {ex.Message}).",
                [],
                oldStats);
        }

        if (notes.FileHashes.Count == 0)
        {
            RollBack(store);
            return Failed($"The knowledge folder '{_options.FullPath}' has no readable notes ({NotesLoader.NotePatterns}).", notes.Failures, oldStats);
        }

        KnowledgeIndex index;
        try
        {
            index = store!.Commit(notes.FileHashes, notes.Stamps, notes.Failures);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RollBack(store);
            return Failed($"The notes could not be indexed ({ex.GetType().Name}: {ex.Message}).", notes.Failures, oldStats);
        }

        var stats = new KnowledgeStats(
            notes.FileHashes.Count,
            notes.PassagesPerFile.Values.Sum(),
            notes.PassagesPerFile,
            notes.Failures,
            _time.GetUtcNow());

        var report = Diff(old, index, stats);
        Volatile.Write(ref _stats, stats);
        var previous = Interlocked.Exchange(ref _current, index);
        previous?.Dispose();
        _reloads++;

        // Lists read from the retired index go with it (they are read again from the new one at their next use).
        Volatile.Write(ref _passages, null);
        Volatile.Write(ref _sections, null);
        _semantic?.Attach(index);
        MergeInBackground(store, index);
        LogLoaded(_logger, stats.Files, stats.Passages, stats.Failures.Count, store.Reused, store.Folder ?? "memory", clock.ElapsedMilliseconds);
        foreach (var failure in notes.Failures)
        {
            LogFileSkipped(_logger, failure.File, failure.Reason);
        }

        Reloaded?.Invoke(this, report);
        return report;
    }

    /// <summary>After a load or reload that left the index in more than one segment (a reload adds one): merges it
    /// into one off the reload's path, because every question looks each of its words up in every segment, which on
    /// large notes costs about a millisecond per extra segment. Called under the build lock.</summary>
    private void MergeInBackground(IndexStore store, KnowledgeIndex index)
    {
        if (index.Segments <= 1 || store.Merging)
        {
            // One segment; or a merge runs already, and it merges again for this reload's segment when it ends.
            return;
        }

        store.StartMerge();
        var reloads = _reloads;
        Volatile.Write(ref _merged, Task.Factory.StartNew(() => Merge(store, reloads), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    /// <summary>Merges <paramref name="store"/> into one segment, then swaps in a generation over the merged index as a
    /// reload does (questions in flight finish on the old one); again while reloads came in during the merge.</summary>
    private void Merge(IndexStore store, long reloads)
    {
        var started = _time.GetTimestamp();
        try
        {
            while (true)
            {
                // Without the build lock: a reload meanwhile writes, commits and swaps in its generation as usual.
                MergeStarting?.Invoke();
                store.MergeToOne();
                MergeDone?.Invoke();
                lock (_buildLock)
                {
                    if (_disposed || !ReferenceEquals(_store, store) || Volatile.Read(ref _current) is not { } current)
                    {
                        // Closed, or a failed reload rolled the store back (which aborted the merge): nothing to swap.
                        return;
                    }

                    var merged = current.Successor(store.FinishMerge());
                    if (merged is null)
                    {
                        LogMergeFailed(_logger, "the merged index does not hold the passages of the one answering");
                        return;
                    }

                    Interlocked.Exchange(ref _current, merged)?.Dispose();
                    CarryOver(ref _passages, current, merged);
                    CarryOver(ref _sections, current, merged);
                    if (merged.Semantic is null)
                    {
                        // The retired generation's embedding, when it runs, ends on the embeddings both share; when it
                        // had not started it never will (its generation is retired): this one is embedded, from the cache.
                        _semantic?.Attach(merged);
                    }

                    if (merged.Segments <= 1 || _reloads == reloads)
                    {
                        LogMerged(_logger, merged.Segments, (long)_time.GetElapsedTime(started).TotalMilliseconds);
                        return;
                    }

                    // A reload during the merge added a segment the merge did not take in: one more round.
                    store.StartMerge();
                    reloads = _reloads;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Closed or rolled back under the merge, or the disk is full: the index keeps answering from its segments,
            // and the next reload merges again.
            lock (_buildLock)
            {
                if (ReferenceEquals(_store, store) && !_disposed)
                {
                    store.CancelMerge();
                    LogMergeFailed(_logger, ex.Message);
                }
            }
        }
    }

    /// <summary>A list read from <paramref name="from"/> kept for <paramref name="to"/>, which holds the same passages.</summary>
    private static void CarryOver<T>(ref Generation<T>? slot, KnowledgeIndex from, KnowledgeIndex to)
    {
        if (Volatile.Read(ref slot) is { } cached && ReferenceEquals(cached.Index, from))
        {
            Volatile.Write(ref slot, new Generation<T>(to, cached.Value));
        }
    }

    /// <summary>The store to write into: the open one when the notes' synonyms are the same, else a new one (an index
    /// written with other synonyms is rebuilt).</summary>
    private IndexStore StoreFor(IReadOnlyList<string[]> synonymGroups)
    {
        var fingerprint = IndexStore.FingerprintOf(synonymGroups);
        if (_store is { } open && open.Fingerprint == fingerprint)
        {
            return open;
        }

        // Generations already serving keep their own readers; the old writer is closed before the new one opens
        // the same folder.
        _store?.Dispose();
        _store = null;
        var folder = string.IsNullOrWhiteSpace(_options.IndexFolder) ? null : Path.GetFullPath(_options.IndexFolder);
        _store = IndexStore.Open(folder, new NotesAnalyzer(Synonyms.Build(synonymGroups)), fingerprint, _logger);
        return _store;
    }

    /// <summary>Drops what a failed reload wrote; the next reload opens the store again from its last commit.</summary>
    private void RollBack(IndexStore? store)
    {
        if (store is null)
        {
            return;
        }

        try
        {
            store.Rollback();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            LogRollbackFailed(_logger, ex.Message);
        }

        if (ReferenceEquals(_store, store))
        {
            _store = null;
        }
    }

    /// <summary>Writes parsed files into the store.</summary>
    private sealed class StoreSink(IndexStore store, Action<string>? indexing) : INotesSink
    {
        public (string Hash, int Passages)? Unchanged(string file, FileStamp stamp) => store.Unchanged(file, stamp);

        public int? Indexed(string file, string hash) => store.Indexed(file, hash);

        public void Add(string file, string hash, IReadOnlyList<NoteEntry> entries)
        {
            try
            {
                indexing?.Invoke(file);
                store.Replace(file, hash, entries);
            }
            catch (IOException ex)
            {
                // Not the notes folder's fault (a full disk under the index): said as the index's, not as unreadable notes.
                throw new IndexWriteException($"the index folder could not be written: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Writing the index failed (not reading the notes).</summary>
    private sealed class IndexWriteException(string message, Exception inner) : Exception(message, inner);

    /// <summary>What changed: files by content hash; passages by their text and place, compared only in the files
    /// that changed (the others are the same passages).</summary>
    private static ReloadReport Diff(KnowledgeIndex? old, KnowledgeIndex index, KnowledgeStats stats)
    {
        var before = old?.FileHashes ?? new Dictionary<string, string>();
        var after = index.FileHashes;
        var added = after.Keys.Where(f => !before.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Where(f => !after.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        var changed = after.Keys.Where(f => before.TryGetValue(f, out var h) && h != after[f]).Order(StringComparer.Ordinal).ToList();

        // Added and removed files bring or take all their passages; only a changed file's are compared.
        var oldPassages = Keys(old, changed);
        var newPassages = Keys(index, changed);
        var passagesAdded = added.Sum(f => index.PassagesPerFile.GetValueOrDefault(f))
            + newPassages.Sum(kv => Math.Max(0, kv.Value - oldPassages.GetValueOrDefault(kv.Key)));
        var passagesRemoved = removed.Sum(f => old!.PassagesPerFile.GetValueOrDefault(f))
            + oldPassages.Sum(kv => Math.Max(0, kv.Value - newPassages.GetValueOrDefault(kv.Key)));
        return new ReloadReport(true, null, added, changed, removed, passagesAdded, passagesRemoved, stats.Failures, stats);

        static Dictionary<string, int> Keys(KnowledgeIndex? index, List<string> files) =>
            (index is null ? [] : files.SelectMany(index.EntriesOf).Select(e => Key(e.Passage)))
                .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        static string Key(Passage p) => $"{p.File}\u0001{p.Section}\u0001{p.Kind}\u0001{p.Text}";
    }

    private ReloadReport Failed(string error, IReadOnlyList<FileFailure> failures, KnowledgeStats stats)
    {
        if (Volatile.Read(ref _current) is null)
        {
            Volatile.Write(ref _notLoaded, error);
        }
        else
        {
            LogReloadFailed(_logger, error);
        }

        return new ReloadReport(false, error, [], [], [], 0, 0, failures, stats);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge loaded: {Files} files, {Passages} passages, {Failures} unreadable files; {Reused} files unchanged in the index ({IndexFolder}), {Milliseconds} ms")]
    private static partial void LogLoaded(ILogger logger, int files, int passages, int failures, int reused, string indexFolder, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The notes index was merged in the background into {Segments} segment(s) in {Milliseconds} ms")]
    private static partial void LogMerged(ILogger logger, int segments, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notes index could not be merged in the background, it keeps answering from its segments: {Error}")]
    private static partial void LogMergeFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A failed reload's changes to the notes index could not be undone: {Error}")]
    private static partial void LogRollbackFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge file {File} skipped: {Reason}")]
    private static partial void LogFileSkipped(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge reload failed, the previous notes keep serving: {Error}")]
    private static partial void LogReloadFailed(ILogger logger, string error);

    /// <summary>The reply to every question while no notes are loaded.</summary>
    [LoggerMessage(Level = LogLevel.Error, Message = "No notes are loaded; every question gets that reply until a reload succeeds: {Error}")]
    private static partial void LogLoadFailed(ILogger logger, string? error);
}
