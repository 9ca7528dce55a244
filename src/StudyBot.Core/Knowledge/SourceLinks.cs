using System.Globalization;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Turns a citation into a link to its source with <c>Knowledge:LinkBase</c> (a URL template with <c>{file}</c>,
/// <c>{start}</c> and <c>{end}</c>), so that every platform can offer "open the source" the same way.
/// </summary>
public sealed class SourceLinks(IOptions<KnowledgeOptions> options)
{
    private readonly string? _template = string.IsNullOrWhiteSpace(options.Value.LinkBase) ? null : options.Value.LinkBase.Trim();

    /// <summary>The citation with its <see cref="Citation.Url"/>; unchanged when no link base is set.</summary>
    public Citation WithLink(Citation citation) =>
        _template is null ? citation : citation with { Url = Fill(_template, citation.File, citation.LineStart, citation.LineEnd) };

    /// <summary>An absolute http(s) URL once filled in, naming the file.</summary>
    public static bool IsValidTemplate(string template) =>
        template.Contains("{file}", StringComparison.Ordinal)
        && Uri.TryCreate(Fill(template, "notes/a.md", 1, 2), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Fill(string template, string file, int start, int end) => template
        // Each path segment escaped on its own, so "sub folder/a b.md" stays a path.
        .Replace("{file}", string.Join('/', file.Split('/').Select(Uri.EscapeDataString)), StringComparison.Ordinal)
        .Replace("{start}", start.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{end}", end.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
