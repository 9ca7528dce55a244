using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Core.Knowledge;

/// <summary>What was read from the knowledge folder.</summary>
internal sealed record LoadedNotes(
    IReadOnlyList<NoteEntry> Entries,
    IReadOnlyDictionary<string, string> FileHashes,
    IReadOnlyList<FileFailure> Failures,
    IReadOnlyList<string[]> SynonymGroups);

/// <summary>
/// Reads every <c>*.md</c>, <c>*.markdown</c> and <c>*.txt</c> under the knowledge folder (hidden folders, the
/// synonyms file and <c>*.quiz.md</c> question files excluded). Binary, invalid UTF-8 and oversized files are
/// reported as failures and skipped.
/// </summary>
internal static class NotesLoader
{
    /// <summary>Files with this ending hold the team's own quiz questions; the quiz reads them, not the index.</summary>
    public const string QuizFileSuffix = ".quiz.md";

    private static readonly string[] Extensions = [".md", ".markdown", ".txt"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the folder; throws <see cref="DirectoryNotFoundException"/> when it does not exist.</summary>
    public static LoadedNotes Load(KnowledgeOptions options, CancellationToken cancellationToken)
    {
        var root = options.FullPath;
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The knowledge folder '{root}' does not exist.");
        }

        var synonymsPath = Path.GetFullPath(Path.Combine(root, options.SynonymsFile));
        var entries = new List<NoteEntry>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<FileFailure>();
        foreach (var path in NoteFiles(root, synonymsPath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var (text, hash, reason) = Read(path, options.MaxFileBytes);
            if (text is null)
            {
                failures.Add(new FileFailure(relative, reason!));
                continue;
            }

            IReadOnlyList<NoteEntry> parsed;
            try
            {
                parsed = NotesParser.Parse(relative, text);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One odd file must not stop the others from being indexed; it is reported instead.
                failures.Add(new FileFailure(relative, $"could not be parsed: {ex.Message}"));
                continue;
            }

            hashes[relative] = hash!;
            entries.AddRange(parsed);
        }

        var groups = Synonyms.ParseGroups(Synonyms.DefaultGroups).ToList();
        if (File.Exists(synonymsPath))
        {
            var (text, _, reason) = Read(synonymsPath, options.MaxFileBytes);
            if (text is null)
            {
                failures.Add(new FileFailure(Path.GetRelativePath(root, synonymsPath).Replace('\\', '/'), reason!));
            }
            else
            {
                groups.AddRange(Synonyms.ParseGroups(text.Split('\n')));
            }
        }

        return new LoadedNotes(entries, hashes, failures, groups);
    }

    private static IEnumerable<string> NoteFiles(string root, string synonymsPath)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(p => Extensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Where(p => !p.EndsWith(QuizFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Where(p => !string.Equals(Path.GetFullPath(p), synonymsPath, StringComparison.Ordinal))
            .Where(p => !Path.GetRelativePath(root, p).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }

    private static (string? Text, string? Hash, string? Reason) Read(string path, int maxBytes)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                return (null, null, $"larger than the {maxBytes}-byte limit ({length} bytes)");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            return (null, null, $"cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return (null, null, $"cannot be read: {ex.Message}");
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
