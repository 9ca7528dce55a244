using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using StudyBot.Core.Chat;

namespace StudyBot.Web;

/// <summary>
/// The page's files, with <c>index.html</c>'s admin bar written from <see cref="CommandCatalogue"/> (one button per
/// command with <see cref="CommandDescriptor.AdminShortcut"/>, admin commands first), so the page cannot offer a
/// command the bot does not have. The rest is served as embedded.
/// </summary>
internal sealed class WebPageFiles(IFileProvider embedded) : IFileProvider
{
    /// <summary>The comment in index.html that the buttons replace.</summary>
    internal const string Placeholder = "<!-- admin-commands: one button per catalogue command with AdminShortcut, written by WebPageFiles -->";

    private const string IndexFile = "index.html";

    private readonly Lazy<byte[]> _index = new(() => Encoding.UTF8.GetBytes(Render(Read(embedded.GetFileInfo(IndexFile)))));

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = embedded.GetFileInfo(subpath);
        return file.Exists && subpath.TrimStart('/') == IndexFile ? new RenderedFile(file, _index.Value) : file;
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => embedded.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => embedded.Watch(filter);

    /// <summary>The page with its admin buttons in place of <see cref="Placeholder"/>.</summary>
    internal static string Render(string html)
    {
        if (!html.Contains(Placeholder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"index.html has no '{Placeholder}' for the admin buttons.");
        }

        var buttons = CommandCatalogue.All
            .Where(c => c.AdminShortcut)
            .OrderByDescending(c => c.Admin)
            .Select(c => $"<button type=\"button\" data-command=\"{HtmlEncoder.Default.Encode(c.Name)}\">{HtmlEncoder.Default.Encode(c.Name)}</button>");
        return html.Replace(Placeholder, string.Join("\n      ", buttons), StringComparison.Ordinal);
    }

    private static string Read(IFileInfo file)
    {
        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>index.html as rendered; name and date as embedded.</summary>
    private sealed class RenderedFile(IFileInfo original, byte[] content) : IFileInfo
    {
        public bool Exists => true;

        public long Length => content.Length;

        public string? PhysicalPath => null;

        public string Name => original.Name;

        public DateTimeOffset LastModified => original.LastModified;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(content, writable: false);
    }
}
