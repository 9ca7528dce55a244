using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Core.Knowledge;

/// <summary>What was read from the knowledge folder.</summary>
/// <param name="Entries">The passages of the files parsed (all of them unless a sink took them).</param>
/// <param name="FileHashes">Every file indexed: its content hash.</param>
/// <param name="PassagesPerFile">Every file indexed: its passage count (also of files reused from the index).</param>
/// <param name="Stamps">Every file indexed: its length and last write time when it was read.</param>
internal sealed record LoadedNotes(
    IReadOnlyList<NoteEntry> Entries,
    IReadOnlyDictionary<string, string> FileHashes,
    IReadOnlyList<FileFailure> Failures,
    IReadOnlyList<string[]> SynonymGroups,
    IReadOnlyDictionary<string, int> PassagesPerFile,
    IReadOnlyDictionary<string, FileStamp> Stamps);

/// <summary>A file's length and last write time (UTC ticks): when both are what they were, its content is taken to be
/// too, and it is not even hashed (as git's index does).</summary>
internal readonly record struct FileStamp(long Length, long LastWriteTicks);

/// <summary>Where a load puts what it parses, instead of a list: the index on disk.</summary>
internal interface INotesSink
{
    /// <summary>The content hash and passage count of <paramref name="file"/> when the index holds it from a read with
    /// this same length and write time; otherwise null.</summary>
    (string Hash, int Passages)? Unchanged(string file, FileStamp stamp);

    /// <summary>The passage count of <paramref name="file"/> when it is indexed already with this content hash (it is
    /// then not parsed); otherwise null.</summary>
    int? Indexed(string file, string hash);

    /// <summary>Takes a parsed file's passages, in the notes' order of files.</summary>
    void Add(string file, string hash, IReadOnlyList<NoteEntry> entries);
}

/// <summary>A file found under the notes folder: its resolved real path and its path relative to the folder.</summary>
internal sealed record NotesFile(string FullPath, string Relative);

/// <summary>
/// Reads every <c>*.md</c>, <c>*.markdown</c>, <c>*.mdx</c> and <c>*.txt</c> under the knowledge folder (hidden folders, the
/// synonyms file and <c>*.quiz.md</c> question files excluded). Binary, invalid UTF-8 and oversized files are
/// reported as failures and skipped, and so are files over the passage limits or past the reload's time budget.
/// </summary>
internal static class NotesLoader
{
    /// <summary>Files with this ending hold the team's own quiz questions; the quiz reads them, not the index.</summary>
    public const string QuizFileSuffix = ".quiz.md";

    /// <summary>How many links a path may pass through, as Linux's own <c>MAXSYMLINKS</c>.</summary>
    private const int MaxLinkHops = 40;

    private static readonly string[] Extensions = [".md", ".markdown", ".mdx", ".txt"];

    /// <summary>The files read, as a user would list them ("*.md, *.markdown, *.mdx, *.txt").</summary>
    internal static string NotePatterns => string.Join(", ", Extensions.Select(e => "*" + e));

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the folder; throws <see cref="DirectoryNotFoundException"/> when it does not exist.</summary>
    public static LoadedNotes Load(KnowledgeOptions options, CancellationToken cancellationToken) =>
        Load(options, TimeProvider.System, cancellationToken);

    /// <summary>Reads the folder, timing the reload's budget on <paramref name="time"/>.</summary>
    public static LoadedNotes Load(KnowledgeOptions options, TimeProvider time, CancellationToken cancellationToken) =>
        Load(options, time, cancellationToken, openSink: null);

    /// <summary>
    /// Reads the folder in two passes. The synonyms are read first and given to <paramref name="openSink"/>; then the
    /// sink says which files its index already holds (same length and write time, or else same content hash), and only
    /// the others are parsed, in parallel, in batches, and handed to the sink in the notes' order (so the passage
    /// limits apply as if one file were read after another, and memory holds two batches at most).
    /// </summary>
    public static LoadedNotes Load(KnowledgeOptions options, TimeProvider time, CancellationToken cancellationToken, Func<IReadOnlyList<string[]>, INotesSink>? openSink)
    {
        var root = options.FullPath;
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The knowledge folder '{root}' does not exist.");
        }

        var started = time.GetUtcNow();
        var budget = TimeSpan.FromSeconds(options.ReloadTimeBudgetSeconds);
        var (files, failures) = Scan(root, IsNoteFile);
        var synonymsName = options.SynonymsFile.Replace('\\', '/');
        var notes = files.Where(f => !string.Equals(f.Relative, synonymsName, StringComparison.Ordinal)).ToList();

        var synonymFailures = new List<FileFailure>();
        var groups = Synonyms.ParseGroups(Synonyms.DefaultGroups).ToList();
        var synonyms = files.FirstOrDefault(f => string.Equals(f.Relative, synonymsName, StringComparison.Ordinal))
            ?? SynonymsOutsideTheScan(root, options.SynonymsFile, synonymFailures);
        if (synonyms is not null)
        {
            var (text, _, reason) = Read(synonyms, options.MaxFileBytes);
            if (text is null)
            {
                synonymFailures.Add(new FileFailure(synonyms.Relative, reason!));
            }
            else
            {
                groups.AddRange(Synonyms.ParseGroups(text.Split('\n'), synonyms.Relative, synonymFailures));
            }
        }

        var sink = openSink?.Invoke(groups);
        var entries = new List<NoteEntry>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;

        // First pass: the files already indexed with the same content are counted, not parsed: by length and write
        // time when those are unchanged, else by content hash (a file touched but not changed).
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var toParse = new List<NotesFile>();
        foreach (var file in notes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sink is not null && StampOf(file) is { } stamp && stamp.Length <= options.MaxFileBytes)
            {
                var reused = sink.Unchanged(file.Relative, stamp)
                    ?? (HashOf(file) is { } hash && sink.Indexed(file.Relative, hash) is { } indexed ? (hash, indexed) : null);
                if (reused is { } same)
                {
                    hashes[file.Relative] = same.Hash;
                    counts[file.Relative] = same.Passages;
                    stamps[file.Relative] = stamp;
                    total += same.Passages;
                    continue;
                }
            }

            toParse.Add(file);
        }

        // Second pass: the rest, parsed in parallel a batch at a time and taken in order. The budget is checked once
        // a file, as each is taken; once it is spent, later batches are not parsed at all.
        // The sink (Lucene's analysis, one thread) takes a batch while the next batch is parsed on the other cores;
        // at most two batches are held at once.
        var budgetSpent = false;
        var indexing = Task.CompletedTask;
        try
        {
            foreach (var batch in toParse.Chunk(Math.Max(8, Environment.ProcessorCount * 8)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var accepted = new List<(string File, string Hash, IReadOnlyList<NoteEntry> Entries)>();
                var parsed = new ParsedFile[batch.Length];
                if (!budgetSpent)
                {
                    Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => parsed[i] = Parse(batch[i], options));
                }

                for (var i = 0; i < batch.Length; i++)
                {
                    var file = batch[i];
                    budgetSpent = budgetSpent || time.GetUtcNow() - started > budget;
                    if (budgetSpent)
                    {
                        failures.Add(new FileFailure(file.Relative,
                            $"not read: the reload took longer than its {options.ReloadTimeBudgetSeconds}-second budget (Knowledge:ReloadTimeBudgetSeconds)"));
                        continue;
                    }

                    var result = parsed[i];
                    if (result.Failure is not null)
                    {
                        failures.Add(new FileFailure(file.Relative, result.Failure));
                        continue;
                    }

                    if (total >= options.MaxPassages)
                    {
                        failures.Add(new FileFailure(file.Relative,
                            $"not read: the notes already have {options.MaxPassages:N0} passages, the limit (Knowledge:MaxPassages)"));
                        continue;
                    }

                    if (total + result.Entries!.Count > options.MaxPassages)
                    {
                        failures.Add(new FileFailure(file.Relative, $"would take the notes over {options.MaxPassages:N0} passages (Knowledge:MaxPassages)"));
                        continue;
                    }

                    hashes[file.Relative] = result.Hash!;
                    counts[file.Relative] = result.Entries.Count;
                    stamps[file.Relative] = result.Stamp;
                    total += result.Entries.Count;
                    if (sink is null)
                    {
                        entries.AddRange(result.Entries);
                    }
                    else
                    {
                        accepted.Add((file.Relative, result.Hash!, result.Entries));
                    }
                }

                indexing.GetAwaiter().GetResult();
                if (sink is not null && accepted.Count > 0)
                {
                    indexing = Task.Run(
                        () =>
                        {
                            foreach (var (file, hash, parsedEntries) in accepted)
                            {
                                sink.Add(file, hash, parsedEntries);
                            }
                        },
                        cancellationToken);
                }
            }

            indexing.GetAwaiter().GetResult();
        }
        finally
        {
            // A failure or cancellation here must not leave the sink writing while the caller rolls the index back.
            if (!indexing.IsCompleted)
            {
                try
                {
                    indexing.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The failure that is already on its way out is the one to report.
                }
            }
        }

        failures.AddRange(synonymFailures);
        return new LoadedNotes(entries, hashes, failures, groups, counts, stamps);
    }

    /// <summary>One file read and parsed, or why not.</summary>
    private readonly record struct ParsedFile(IReadOnlyList<NoteEntry>? Entries, string? Hash, string? Failure, FileStamp Stamp = default);

    private static ParsedFile Parse(NotesFile file, KnowledgeOptions options)
    {
        // Stamped before reading: a write during the read leaves a stamp older than the file, so the next load looks again.
        var stamp = StampOf(file) ?? default;
        var (text, hash, reason) = Read(file, options.MaxFileBytes);
        if (text is null)
        {
            return new ParsedFile(null, null, reason);
        }

        if (LineCountOver(text, options.MaxLinesPerFile) is { } lines)
        {
            // Checked before parsing: the syntax tree of a million headings alone takes hundreds of megabytes.
            return new ParsedFile(null, null, $"has more than {options.MaxLinesPerFile:N0} lines (Knowledge:MaxLinesPerFile); {lines:N0} lines seen");
        }

        try
        {
            return new ParsedFile(NotesParser.Parse(file.Relative, text, Math.Min(options.MaxPassagesPerFile, options.MaxPassages)), hash, null, stamp);
        }
        catch (PassageLimitException)
        {
            return new ParsedFile(null, null, options.MaxPassagesPerFile <= options.MaxPassages
                ? $"has more than {options.MaxPassagesPerFile:N0} passages (Knowledge:MaxPassagesPerFile)"
                : $"would take the notes over {options.MaxPassages:N0} passages (Knowledge:MaxPassages)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One odd file must not stop the others from being indexed; it is reported instead.
            return new ParsedFile(null, null, $"could not be parsed: {ex.Message}");
        }
    }

    private static FileStamp? StampOf(NotesFile file)
    {
        try
        {
            var info = new FileInfo(file.FullPath);
            return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The content hash of a readable file; null when it cannot be read (the second pass says why).</summary>
    private static string? HashOf(NotesFile file)
    {
        try
        {
            using var stream = File.OpenRead(file.FullPath);
            return Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The files under <paramref name="root"/> that <paramref name="wanted"/> accepts (by path relative to the root),
    /// in ordinal order. Hidden entries are skipped. A link is followed only when its resolved real path is inside the
    /// resolved root, and every real file or folder is visited once, so a link back up the tree is no loop; links
    /// that point outside, dangle or loop are returned as failures (no absolute paths in the reasons: anyone may read
    /// them with <c>sources</c>).
    /// </summary>
    public static (List<NotesFile> Files, List<FileFailure> Failures) Scan(string root, Func<string, bool> wanted)
    {
        var realRoot = RealPath(Path.GetFullPath(root)) ?? Path.GetFullPath(root);
        var files = new Dictionary<string, NotesFile>(StringComparer.Ordinal);
        var failures = new List<FileFailure>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { realRoot };
        var pending = new Stack<string>();
        pending.Push(realRoot);
        var enumeration = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.System };
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", enumeration))
            {
                if (entry.Name.StartsWith('.') || entry.Attributes.HasFlag(FileAttributes.Hidden))
                {
                    continue;
                }

                var relative = Relative(realRoot, entry.FullName);
                var real = entry.FullName;
                if (entry.LinkTarget is not null)
                {
                    if (RealPath(entry.FullName) is not { } resolved)
                    {
                        failures.Add(new FileFailure(relative, $"is a link that loops or passes through more than {MaxLinkHops} links; not followed"));
                        continue;
                    }

                    if (!IsInside(realRoot, resolved))
                    {
                        failures.Add(new FileFailure(relative, "is a link to a place outside the notes folder; not followed"));
                        continue;
                    }

                    if (!File.Exists(resolved) && !Directory.Exists(resolved))
                    {
                        failures.Add(new FileFailure(relative, "is a link to nothing (the target does not exist)"));
                        continue;
                    }

                    real = resolved;

                    // A link to the notes folder itself is "." from the root: a link back up the tree, read once, not a
                    // hidden folder.
                    if (real != realRoot && Relative(realRoot, real).Split('/').Any(part => part.StartsWith('.')))
                    {
                        failures.Add(new FileFailure(relative, "is a link into a hidden folder; not followed"));
                        continue;
                    }
                }

                if (Directory.Exists(real))
                {
                    if (visited.Add(real))
                    {
                        pending.Push(real);
                    }
                }
                else if (!files.ContainsKey(real))
                {
                    // A file reached through a link inside the folder keeps its real name, so it is read once.
                    var realRelative = Relative(realRoot, real);
                    if (wanted(realRelative))
                    {
                        files[real] = new NotesFile(real, realRelative);
                    }
                }
            }
        }

        return ([.. files.Values.OrderBy(f => f.Relative, StringComparer.Ordinal)], failures);
    }

    /// <summary>The path with every link resolved (like POSIX <c>realpath</c>); null when links loop or nest too deep.</summary>
    internal static string? RealPath(string fullPath)
    {
        var remaining = new Stack<string>(Parts(fullPath).Reverse());
        var current = Path.GetPathRoot(fullPath)!;
        var hops = 0;
        while (remaining.Count > 0)
        {
            var part = remaining.Pop();
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (IOException)
            {
                target = null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            // The target is resolved from the link's folder, and ".." in it applies to the resolved path, as the kernel does.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }

            foreach (var targetPart in Parts(target).Reverse())
            {
                remaining.Push(targetPart);
            }
        }

        return current;

        static IEnumerable<string> Parts(string path) =>
            path[Path.GetPathRoot(path)!.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
    }

    /// <summary>True when <paramref name="path"/>, links resolved, is inside <paramref name="folder"/> (links resolved).</summary>
    internal static bool IsInsideFolder(string folder, string path)
    {
        var root = Path.GetFullPath(folder);
        var realRoot = RealPath(root) ?? root;
        return RealPath(Path.GetFullPath(path)) is { } real && IsInside(realRoot, real);
    }

    private static bool IsInside(string realRoot, string realPath) =>
        string.Equals(realPath, realRoot, StringComparison.Ordinal)
        || realPath.StartsWith(Path.EndsInDirectorySeparator(realRoot) ? realRoot : realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    internal static bool IsNoteFile(string relative) =>
        Extensions.Contains(Path.GetExtension(relative), StringComparer.OrdinalIgnoreCase)
        && !relative.EndsWith(QuizFileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>A synonyms file the scan did not list (another extension, or a path outside the usual names).</summary>
    private static NotesFile? SynonymsOutsideTheScan(string root, string synonymsFile, List<FileFailure> failures)
    {
        var path = Path.GetFullPath(Path.Combine(root, synonymsFile));
        if (!File.Exists(path))
        {
            return null;
        }

        var realRoot = RealPath(Path.GetFullPath(root)) ?? root;
        var real = RealPath(path);
        var relative = synonymsFile.Replace('\\', '/');
        if (real is null || !IsInside(realRoot, real))
        {
            failures.Add(new FileFailure(relative, "is outside the notes folder (or a link that leaves it); not read"));
            return null;
        }

        return new NotesFile(real, relative);
    }

    /// <summary>The number of lines seen when it passes <paramref name="max"/>, else null.</summary>
    private static int? LineCountOver(string text, int max)
    {
        var lines = text.AsSpan().Count('\n') + 1;
        return lines > max ? lines : null;
    }

    private static (string? Text, string? Hash, string? Reason) Read(NotesFile file, int maxBytes)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(file.FullPath).Length;
            if (length > maxBytes)
            {
                return (null, null, $"larger than the {maxBytes}-byte limit ({length} bytes)");
            }

            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (UnauthorizedAccessException)
        {
            return (null, null, "cannot be read: permission denied");
        }
        catch (IOException ex)
        {
            // The system's message names the absolute path; the reason is shown to anyone who asks for sources.
            return (null, null, $"cannot be read: {ex.Message.Replace(file.FullPath, file.Relative, StringComparison.Ordinal)}");
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return (null, null, "binary content (NUL bytes), not text");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, null, "not valid UTF-8 text");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            // The byte-order mark is not a character of the first line; keep offsets on the visible text.
            text = text[1..];
        }

        return (text, Convert.ToHexString(SHA256.HashData(bytes)), null);
    }
}
