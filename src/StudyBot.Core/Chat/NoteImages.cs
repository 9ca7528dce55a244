using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>The <c>NoteImages</c> configuration section: where platforms fetch the notes' images, and how large one may be.</summary>
public sealed class NoteImageOptions : IValidatableObject
{
    public const string SectionName = "NoteImages";

    /// <summary>Without <see cref="PublicBaseUrl"/>, a file up to this size goes into a Teams card as a <c>data:</c> URI
    /// (Teams leaves base64 images out of its 100 KB message limit; a diagram is usually larger and is named instead).</summary>
    public const int MaxInlineBytes = 32 * 1024;

    /// <summary>The bot's public address (for example <c>https://studybot.example.com</c>). Discord and Teams fetch an
    /// image from a URL, so without it they show the image's name instead; the web page needs no address. Setting it
    /// makes <c>/api/notes/images/…</c> answer without the web chat's access token, since those platforms have none.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Larger files are not shown (nor served).</summary>
    [Range(1, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>At most this many images go with one answer (Discord shows at most 10 embeds; a card stays small).</summary>
    [Range(0, 10)]
    public int MaxPerAnswer { get; set; } = 4;

    /// <summary>Stops the app at start when <see cref="PublicBaseUrl"/> is not an http(s) address to put paths under.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { } url
            && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            yield return new ValidationResult(
                "NoteImages:PublicBaseUrl must be an absolute http(s) address without query or fragment, for example https://studybot.example.com.");
        }
    }
}

/// <summary>Validates <see cref="NoteImageOptions"/> (generated at compile time).</summary>
[OptionsValidator]
internal sealed partial class NoteImageOptionsValidator : IValidateOptions<NoteImageOptions>;

/// <summary>How a missing image reads on every platform.</summary>
public static class NoteImageText
{
    /// <summary>What a platform shows instead of an image it cannot show: "🖼 image-6.png — not in the notes folder", or
    /// for a file that is there but has no public address for the platform to fetch, "🖼 image-6.png (in the notes folder)".</summary>
    public static string Placeholder(NoteImage image) =>
        image.Exists ? $"🖼 {image.Path} (in the notes folder)" : $"🖼 {image.Path} — not in the notes folder";

    /// <summary>The web page's relative address of an image (the endpoint that serves it).</summary>
    public static string WebPath(string path) => "api/notes/images/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}

/// <summary>
/// The image files of the notes folder that may be shown: an image type, within <see cref="NoteImageOptions.MaxBytes"/>,
/// and no symbolic link on the way (a link could point out of the folder). Used for the answer's images and by the
/// endpoint that serves them.
/// </summary>
public sealed class NoteImageFiles(IOptions<KnowledgeOptions> knowledge, IOptions<NoteImageOptions> options)
{
    private readonly NoteImageOptions _options = options.Value;

    /// <summary>The notes folder, absolute.</summary>
    public string Root { get; } = Path.TrimEndingDirectorySeparator(knowledge.Value.FullPath);

    /// <summary>The file for a path relative to the notes folder (as <see cref="NoteImageReferences.Resolve"/> gives it),
    /// or null when it is missing, not an image type, too large, hidden, or reached through a link.</summary>
    public FileInfo? Find(string relativePath)
    {
        var segments = relativePath.Split('/');
        if (relativePath.Length == 0 || relativePath.Length > 1024 || relativePath.Contains('\\', StringComparison.Ordinal)
            || relativePath.Contains(':', StringComparison.Ordinal) || relativePath.Any(char.IsControl)
            || segments.Any(s => s.Length == 0 || s.StartsWith('.'))
            || !NoteImageReferences.Extensions.Contains(Path.GetExtension(relativePath)))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, Path.Combine(segments)));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var current = Root;
            for (var i = 0; i < segments.Length; i++)
            {
                current = Path.Combine(current, segments[i]);
                FileSystemInfo info = i == segments.Length - 1 ? new FileInfo(current) : new DirectoryInfo(current);
                if (!info.Exists || info.LinkTarget is not null)
                {
                    return null;
                }
            }

            var file = new FileInfo(full);
            return file.Length <= _options.MaxBytes ? file : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The content type of an image path, by its extension.</summary>
    public static string ContentType(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".PNG" => "image/png",
        ".GIF" => "image/gif",
        ".WEBP" => "image/webp",
        _ => "image/jpeg",
    };

    /// <summary>The absolute URL of an image for platforms that fetch it, or null without a public address.</summary>
    public string? UrlOf(string path) => _options.PublicBaseUrl is { } root
        ? root.AbsoluteUri.TrimEnd('/') + "/" + NoteImageText.WebPath(path)
        : null;

    /// <summary>A small file (at most <see cref="NoteImageOptions.MaxInlineBytes"/>) as a <c>data:</c> URI, or null.</summary>
    public static string? DataUriOf(FileInfo file)
    {
        if (file.Length > NoteImageOptions.MaxInlineBytes)
        {
            return null;
        }

        try
        {
            return $"data:{ContentType(file.Name)};base64,{Convert.ToBase64String(File.ReadAllBytes(file.FullName))}";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// Adds to an answer the images its cited passages show, in the passage or anywhere in its section. The notes index
/// keeps plain text without images, so the cited file is read here and, when it references images, parsed again for
/// its own passages (kept until the file changes): the index's whole passage list is never loaded for this.
/// </summary>
public sealed class NoteImageFinder(NoteImageFiles files, IOptions<NoteImageOptions> options)
{
    private readonly ConcurrentDictionary<string, NoteScan> _scans = new(StringComparer.Ordinal);
    private readonly int _max = options.Value.MaxPerAnswer;

    /// <summary>The answer with its <see cref="Answer.Images"/>; a decline is returned as it is.</summary>
    public Answer WithImages(Answer answer)
    {
        if (!answer.Answered || answer.Citations.Count == 0 || _max == 0)
        {
            return answer;
        }

        var images = new List<NoteImage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var citation in answer.Citations)
        {
            if (Scan(citation.File) is not { References.Count: > 0 } scan)
            {
                continue;
            }

            var (start, end) = NoteImageReferences.SectionLines(scan.Lines, scan.Passages, citation);
            foreach (var reference in scan.References.Where(r => r.Line >= start && r.Line <= end))
            {
                if (NoteImageReferences.Resolve(citation.File, reference.Source) is { } path && seen.Add(path) && images.Count < _max)
                {
                    var file = files.Find(path);
                    var url = file is null ? null : files.UrlOf(path);
                    images.Add(new NoteImage(path, reference.Alt, file is not null, url, file is not null && url is null ? NoteImageFiles.DataUriOf(file) : null));
                }
            }
        }

        return images.Count == 0 ? answer : answer with { Images = images };
    }

    /// <summary>The file's lines and image references, read again only when its size or time changed.</summary>
    private NoteScan? Scan(string file)
    {
        var full = Path.GetFullPath(Path.Combine(files.Root, file));
        if (!full.StartsWith(files.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                return null;
            }

            if (_scans.TryGetValue(file, out var known) && known.Length == info.Length && known.WrittenAt == info.LastWriteTimeUtc)
            {
                return known;
            }

            var text = File.ReadAllText(full);
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var references = NoteImageReferences.Find(lines);

            // The same parser as the index, so the passages' lines are the citations' lines.
            var passages = references.Count == 0 ? [] : NotesParser.Parse(file, text).Select(e => e.Passage).ToList();
            var scan = new NoteScan(info.Length, info.LastWriteTimeUtc, lines, references, passages);
            _scans[file] = scan;
            return scan;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed record NoteScan(
        long Length, DateTime WrittenAt, IReadOnlyList<string> Lines, IReadOnlyList<ImageReference> References, IReadOnlyList<Passage> Passages);
}
