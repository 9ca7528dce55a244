using System.Net;
using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>An image reference in a notes file: its 1-based line, the source as written and the alt text.</summary>
public readonly record struct ImageReference(int Line, string Source, string Alt);

/// <summary>
/// Finds the images a notes file shows (<c>![alt](src)</c>, a simple <c>&lt;img src=… alt=…&gt;</c>) and resolves
/// their sources to paths inside the notes folder. Pure: no file is read here.
/// </summary>
public static partial class NoteImageReferences
{
    /// <summary>The image types shown; SVG is left out on purpose (it can carry script when opened directly).</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".webp" };

    /// <summary>Every image reference outside fenced code, in line order.</summary>
    public static IReadOnlyList<ImageReference> Find(IReadOnlyList<string> lines)
    {
        var found = new List<ImageReference>();
        string? fence = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();

            // An image in a code sample is text the notes quote, not a picture they show.
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                var marker = trimmed[..3];
                fence = fence is null ? marker : fence == marker ? null : fence;
                continue;
            }

            if (fence is not null)
            {
                continue;
            }

            foreach (Match match in MarkdownImage().Matches(line))
            {
                var source = match.Groups["angled"].Success ? match.Groups["angled"].Value : match.Groups["src"].Value;
                found.Add(new ImageReference(i + 1, source, Unescape(match.Groups["alt"].Value)));
            }

            foreach (Match tag in HtmlImage().Matches(line))
            {
                if (HtmlAttribute("src").Match(tag.Value) is { Success: true } src)
                {
                    var alt = HtmlAttribute("alt").Match(tag.Value);
                    found.Add(new ImageReference(i + 1, WebUtility.HtmlDecode(src.Groups["v"].Value), alt.Success ? WebUtility.HtmlDecode(alt.Groups["v"].Value) : ""));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The path of <paramref name="source"/> relative to the notes folder, resolved from the folder of
    /// <paramref name="noteFile"/>; null for anything that is not a file of an image type inside the folder: a URL of any
    /// scheme (<c>http:</c>, <c>data:</c>, <c>file:</c>), an absolute path, a <c>..</c> that leaves the folder, a hidden
    /// file or folder.
    /// </summary>
    public static string? Resolve(string noteFile, string source)
    {
        var text = source.Trim();
        if (text.Length == 0 || Scheme().IsMatch(text))
        {
            return null;
        }

        // "image.png?raw=true" and "#anchor" name the same file.
        var end = text.IndexOfAny(['?', '#']);
        text = end < 0 ? text : text[..end];
        text = Uri.UnescapeDataString(text).Replace('\\', '/');
        if (text.StartsWith('/') || text.Any(char.IsControl) || text.Contains(':', StringComparison.Ordinal)
            || !Extensions.Contains(Path.GetExtension(text)))
        {
            return null;
        }

        var slash = noteFile.LastIndexOf('/');
        var segments = slash < 0 ? new List<string>() : noteFile[..slash].Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var segment in text.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    continue;
                default:
                    if (segment.StartsWith('.'))
                    {
                        return null;
                    }

                    segments.Add(segment);
                    continue;
            }
        }

        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    /// <summary>
    /// The lines of the section a citation is in: its passages (the run of passages with the citation's section) and the
    /// lines around them that hold only images or nothing, up to the first other text. So a diagram under a section's
    /// last bullet, or between its title and its first passage, goes with that section.
    /// <paramref name="passages"/> are the passages of the citation's file.
    /// </summary>
    public static (int Start, int End) SectionLines(IReadOnlyList<string> lines, IEnumerable<Passage> passages, Citation citation)
    {
        var ordered = passages.OrderBy(p => p.LineStart).ToList();
        var at = ordered.FindIndex(p => p.LineStart <= citation.LineEnd && p.LineEnd >= citation.LineStart);
        if (at < 0)
        {
            return (citation.LineStart, citation.LineEnd);
        }

        var section = ordered[at].Section;
        var first = at;
        while (first > 0 && ordered[first - 1].Section == section)
        {
            first--;
        }

        var last = at;
        while (last + 1 < ordered.Count && ordered[last + 1].Section == section)
        {
            last++;
        }

        var start = Math.Min(ordered[first].LineStart, citation.LineStart);
        var above = start;
        while (above > 1 && above - 1 <= lines.Count && IsImageOrBlank(lines[above - 2]))
        {
            above--;
        }

        // Images under a title go with the section below it; images right under another section's passages are that
        // section's (it reaches forward to them), not this one's.
        var previousEnd = first > 0 ? ordered[first - 1].LineEnd : 0;
        if (above - 1 > previousEnd)
        {
            start = above;
        }

        var end = Math.Max(ordered[last].LineEnd, citation.LineEnd);
        while (end < lines.Count && IsImageOrBlank(lines[end]))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>True for a line with nothing but images (and a list marker) on it, or nothing at all.</summary>
    private static bool IsImageOrBlank(string line)
    {
        var rest = HtmlImage().Replace(MarkdownImage().Replace(line, ""), "");
        return rest.Trim().TrimStart('-', '*', '+', '>').Trim().Length == 0;
    }

    private static string Unescape(string alt) => MarkdownEscape().Replace(alt, "$1").Trim();

    [GeneratedRegex("""!\[(?<alt>(?:[^\[\]\\]|\\.)*)\]\(\s*(?:<(?<angled>[^>\n]*)>|(?<src>[^\s)]+))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)""")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlImage();

    private static Regex HtmlAttribute(string name) => name == "src" ? SrcAttribute() : AltAttribute();

    [GeneratedRegex("""\ssrc\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s>"']+))""", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();

    [GeneratedRegex("""\salt\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s>"']+))""", RegexOptions.IgnoreCase)]
    private static partial Regex AltAttribute();

    /// <summary>A URL scheme ("https:", "data:", "file:"); a Windows drive ("C:") reads as one too and is refused alike.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex MarkdownEscape();
}
