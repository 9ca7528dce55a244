using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// The Lucene index of the notes that lives across reloads and restarts: on disk in <c>Knowledge:IndexFolder</c>
/// (memory-mapped), or in memory when no folder is set or another process holds it. Each commit records, per file,
/// the content hash and passage count it was indexed from, and a fingerprint of how it was written (the stored layout,
/// the build of this assembly, the synonyms): a start with the index on disk parses only files whose hash changed, and
/// an index written any other way is rebuilt. A reload deletes and re-adds a changed file's passages as one block (so
/// they stay consecutive and in order), deletes removed files' passages, commits, and opens a new generation.
/// </summary>
internal sealed partial class IndexStore : IDisposable
{
    private const string FingerprintKey = "studybot.fingerprint";
    private const string FilesKey = "studybot.files";

    /// <summary>Share of deleted documents above which a commit merges them away.</summary>
    private const double MaxDeletedShare = 0.1;

    /// <summary>Share of the index a commit must have written anew (a first build, most notes changed) for it to be
    /// merged into one segment.</summary>
    /// <remarks>Every question pays a cost per segment: Lucene looks each word up in every segment's dictionary and
    /// its bulk scorer allocates a bucket table per segment and query. On 100 MB of notes a first build leaves about
    /// six segments; merged into one, an answer took 2.5 times less CPU and allocated a quarter as much (measured with
    /// the scale benchmark), for a merge of about 6 s. A reload that changes a few files adds a small segment, merged with
    /// the other small ones (<see cref="MaxSegments"/>), so it stays within its time.</remarks>
    private const double MergeAllShare = 0.5;

    /// <summary>At most this many segments after a commit: the one a build wrote, and one for what reloads changed
    /// since (the small segments of later reloads are merged into it, which costs little). The two are then merged
    /// into one off the reload's path (<see cref="MergeToOne"/>).</summary>
    private const int MaxSegments = 2;

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly IndexWriter _writer;
    private readonly Dictionary<string, IndexedFile> _committed;
    private readonly Dictionary<string, IndexedFile> _pending = new(StringComparer.Ordinal);

    private IndexStore(Lucene.Net.Store.Directory directory, IndexWriter writer, NotesAnalyzer analyzer, string fingerprint, Dictionary<string, IndexedFile> committed, string? folder)
    {
        _directory = directory;
        _writer = writer;
        Analyzer = analyzer;
        Fingerprint = fingerprint;
        _committed = committed;
        Folder = folder;
    }

    /// <summary>What a commit records of one file: its content hash, passage count, and length and write time.</summary>
    internal sealed record IndexedFile(string Hash, int Passages, long Length = -1, long LastWriteTicks = 0);

    public NotesAnalyzer Analyzer { get; }

    public string Fingerprint { get; }

    /// <summary>The folder the index is kept in; null when it is in memory.</summary>
    public string? Folder { get; }

    /// <summary>How many files were reused from the index on disk at the last commit (not parsed again).</summary>
    public int Reused { get; private set; }

    /// <summary>Whether a merge into one segment runs in the background, from <see cref="StartMerge"/> to
    /// <see cref="FinishMerge"/>. Read and written only under the caller's build lock, like <see cref="Commit"/>.</summary>
    public bool Merging { get; private set; }

    /// <summary>How the index is written, for the synonyms in <paramref name="synonymGroups"/>: an index with another
    /// fingerprint is rebuilt.</summary>
    public static string FingerprintOf(IReadOnlyList<string[]> synonymGroups)
    {
        var text = new StringBuilder()
            .Append(StoredEntry.Version).Append('|')
            .Append(typeof(IndexStore).Assembly.ManifestModule.ModuleVersionId).Append('|');
        foreach (var group in synonymGroups)
        {
            text.AppendJoin(',', group).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Opens the index in <paramref name="folder"/> (created when missing; rebuilt when written another way,
    /// unreadable or damaged), or in memory when <paramref name="folder"/> is null or held by another process.</summary>
    public static IndexStore Open(string? folder, NotesAnalyzer analyzer, string fingerprint, ILogger logger)
    {
        if (folder is null)
        {
            return InMemory(analyzer, fingerprint);
        }

        FSDirectory? directory = null;
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            directory = FSDirectory.Open(folder);
            var committed = ReadCommitted(directory, fingerprint, out var why);
            if (committed is null && why is not null)
            {
                LogRebuilding(logger, folder, why);
            }

            var writer = new IndexWriter(directory, KnowledgeIndex.WriterConfig(analyzer, committed is null ? OpenMode.CREATE : OpenMode.APPEND));
            return new IndexStore(directory, writer, analyzer, fingerprint, committed ?? new(StringComparer.Ordinal), folder);
        }
        catch (LockObtainFailedException)
        {
            // Another process (a second instance on the same data folder) writes there: this one indexes in memory.
            directory?.Dispose();
            LogInUse(logger, folder);
            return InMemory(analyzer, fingerprint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            directory?.Dispose();
            LogUnusable(logger, folder, ex.Message);
            return InMemory(analyzer, fingerprint);
        }
    }

    private static IndexStore InMemory(NotesAnalyzer analyzer, string fingerprint)
    {
        var directory = new RAMDirectory();
        var writer = new IndexWriter(directory, KnowledgeIndex.WriterConfig(analyzer, OpenMode.CREATE));
        return new IndexStore(directory, writer, analyzer, fingerprint, new(StringComparer.Ordinal), null);
    }

    /// <summary>The files of the last commit when it was written the same way; otherwise null and why.</summary>
    private static Dictionary<string, IndexedFile>? ReadCommitted(Lucene.Net.Store.Directory directory, string fingerprint, out string? why)
    {
        why = null;
        if (!DirectoryReader.IndexExists(directory))
        {
            return null;
        }

        try
        {
            var commit = DirectoryReader.ListCommits(directory).Last();
            var data = commit.UserData;
            if (!data.TryGetValue(FingerprintKey, out var stored) || stored != fingerprint)
            {
                why = "it was written by another version or with other synonyms";
                return null;
            }

            return data.TryGetValue(FilesKey, out var files)
                ? JsonSerializer.Deserialize<Dictionary<string, IndexedFile>>(files) is { } map
                    ? new Dictionary<string, IndexedFile>(map, StringComparer.Ordinal)
                    : new(StringComparer.Ordinal)
                : new(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or JsonException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            why = $"it cannot be read ({ex.Message})";
            return null;
        }
    }

    /// <summary>The hash and passage count of <paramref name="file"/> when the index holds it from a read with this
    /// length and write time.</summary>
    /// <remarks>A write time in whole seconds comes from a file system that keeps no finer time (FAT, some network
    /// shares), where a change within the same second would keep the stamp: such a file is hashed every time.</remarks>
    public (string Hash, int Passages)? Unchanged(string file, FileStamp stamp) =>
        stamp.LastWriteTicks % TimeSpan.TicksPerSecond != 0
        && _committed.TryGetValue(file, out var indexed) && indexed.Length == stamp.Length && indexed.LastWriteTicks == stamp.LastWriteTicks
            ? (indexed.Hash, indexed.Passages)
            : null;

    /// <summary>The passage count of <paramref name="file"/> when the index already holds it with this content hash.</summary>
    public int? Indexed(string file, string hash) =>
        _committed.TryGetValue(file, out var indexed) && indexed.Hash == hash ? indexed.Passages : null;

    /// <summary>Puts <paramref name="file"/>'s passages in place of what the index held for it.</summary>
    public void Replace(string file, string hash, IReadOnlyList<NoteEntry> entries)
    {
        _writer.DeleteDocuments(new Term(KnowledgeIndex.FileField, file));
        _writer.AddDocuments(KnowledgeIndex.DocumentsOf(entries));
        _pending[file] = new IndexedFile(hash, entries.Count);
    }

    /// <summary>Commits: every committed file not in <paramref name="files"/> is deleted, the rest kept or replaced; a
    /// new generation over the result.</summary>
    public KnowledgeIndex Commit(IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, FileStamp> stamps, IReadOnlyList<FileFailure> failures)
    {
        var next = new Dictionary<string, IndexedFile>(StringComparer.Ordinal);
        var reused = 0;
        foreach (var (file, hash) in files)
        {
            var stamp = stamps.GetValueOrDefault(file, new FileStamp(-1, 0));
            if (_pending.TryGetValue(file, out var replaced))
            {
                next[file] = replaced with { Length = stamp.Length, LastWriteTicks = stamp.LastWriteTicks };
            }
            else if (_committed.TryGetValue(file, out var kept) && kept.Hash == hash)
            {
                next[file] = kept with { Length = stamp.Length, LastWriteTicks = stamp.LastWriteTicks };
                reused++;
            }
        }

        foreach (var file in _committed.Keys.Concat(_pending.Keys).Where(f => !next.ContainsKey(f)).Distinct(StringComparer.Ordinal))
        {
            _writer.DeleteDocuments(new Term(KnowledgeIndex.FileField, file));
        }

        _writer.SetCommitData(new Dictionary<string, string>
        {
            [FingerprintKey] = Fingerprint,
            [FilesKey] = JsonSerializer.Serialize(next),
        });
        _writer.Commit();
        _committed.Clear();
        foreach (var (file, indexed) in next)
        {
            _committed[file] = indexed;
        }

        var written = _pending.Values.Sum(p => p.Passages);
        _pending.Clear();
        Reused = reused;
        var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        var segments = written >= reader.NumDocs * MergeAllShare ? 1 : MaxSegments;

        // While a merge into one segment runs in the background, a forced merge here would wait for it (Lucene waits
        // for every running forced merge), which takes seconds on large notes: the merge's next round takes in this
        // commit's segment, and the deletions. Most of the notes written anew still merge here (after it).
        var leftToMerge = Merging && segments > 1;
        if (!leftToMerge && reader.Leaves.Count > segments)
        {
            reader.Dispose();
            _writer.ForceMerge(segments);
            _writer.Commit();
            reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        }
        else if (!leftToMerge && reader.NumDeletedDocs > reader.MaxDoc * MaxDeletedShare)
        {
            // Deleted passages still count in Lucene's term statistics until their segment is merged: past a tenth
            // of the index (a large file removed, many changed) they are merged away, so word weights are the notes'
            // own; a one-file change in large notes stays below it and costs no merge.
            reader.Dispose();
            _writer.ForceMergeDeletes(doWait: true);
            _writer.Commit();
            reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        }

        return new KnowledgeIndex(
            Analyzer,
            reader,
            next.ToDictionary(kv => kv.Key, kv => kv.Value.Hash, StringComparer.Ordinal),
            next.ToDictionary(kv => kv.Key, kv => kv.Value.Passages, StringComparer.Ordinal),
            failures);
    }

    /// <summary>Marks a merge into one segment as started; the caller then runs <see cref="MergeToOne"/> off its lock
    /// and <see cref="FinishMerge"/> under it.</summary>
    public void StartMerge() => Merging = true;

    /// <summary>Merges the index into one segment and waits for it; called without the build lock, so reloads write
    /// and commit meanwhile (Lucene carries their deletions into the merged segment; segments they add stay apart).
    /// Throws when the store is closed or rolled back under it, which aborts the merge.</summary>
    public void MergeToOne() => _writer.ForceMerge(1);

    /// <summary>Marks the background merge as ended without its result (it failed); the next reload starts another.</summary>
    public void CancelMerge() => Merging = false;

    /// <summary>Commits the merged index (so a restart finds one segment) and opens a reader over it; under the
    /// build lock, so no reload's uncommitted writes go into that commit.</summary>
    public DirectoryReader FinishMerge()
    {
        Merging = false;
        _writer.Commit();
        return DirectoryReader.Open(_writer, applyAllDeletes: true);
    }

    /// <summary>Drops what was written since the last commit (a reload that failed half-way); the store is closed
    /// and must be opened again.</summary>
    public void Rollback()
    {
        try
        {
            _writer.Rollback();
        }
        finally
        {
            _directory.Dispose();
        }
    }

    /// <summary>Closes the writer; generations already open keep reading. A merge running in the background is
    /// aborted rather than waited for (it takes seconds on large notes); the next start merges again.</summary>
    public void Dispose()
    {
        _writer.Dispose(waitForMerges: false);
        _directory.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The notes index in {Folder} is rebuilt: {Why}")]
    private static partial void LogRebuilding(ILogger logger, string folder, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notes index folder {Folder} is in use by another process; this one indexes the notes in memory (give each instance its own Knowledge:IndexFolder)")]
    private static partial void LogInUse(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notes index folder {Folder} cannot be used ({Reason}); the notes are indexed in memory")]
    private static partial void LogUnusable(ILogger logger, string folder, string reason);
}
