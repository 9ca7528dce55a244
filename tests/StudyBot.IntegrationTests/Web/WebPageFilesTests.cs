using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using StudyBot.Core.Chat;
using StudyBot.Web;

namespace StudyBot.IntegrationTests.Web;

/// <summary>The web page's admin buttons are the catalogue's admin shortcuts, and only those.</summary>
public partial class WebPageFilesTests
{
    private static readonly EmbeddedFileProvider Embedded = new(typeof(WebPageFiles).Assembly, "StudyBot.wwwroot");

    [Fact]
    public void GetFileInfo_IndexHtml_AdminButtonsAreTheCatalogueShortcuts()
    {
        var page = Read(new WebPageFiles(Embedded).GetFileInfo("/index.html"));

        var buttons = DataCommand().Matches(page).Select(m => m.Groups[1].Value);

        Assert.Equal(
            CommandCatalogue.All.Where(c => c.AdminShortcut).OrderByDescending(c => c.Admin).Select(c => c.Name),
            buttons);
        Assert.Equal(["reload", "stats", "gaps", "sources"], buttons); // as the page showed them before they were generated
    }

    [Fact]
    public void EmbeddedIndexHtml_Source_HasNoCommandButtonsOfItsOwn()
    {
        // A button written into the page by hand could name a command the catalogue does not have.
        var source = Read(Embedded.GetFileInfo("index.html"));

        Assert.Empty(DataCommand().Matches(source));
        Assert.Contains(WebPageFiles.Placeholder, source, StringComparison.Ordinal);
    }

    private static string Read(IFileInfo file)
    {
        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("data-command=\"([^\"]*)\"")]
    private static partial Regex DataCommand();
}
