using System.IO.Compression;
using System.Text.Json.Nodes;
using StudyBot.Cli;

namespace StudyBot.IntegrationTests.Teams;

/// <summary><c>studybot teams package --out …</c> as docs/teams.md runs it.</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("studybot-teams-pkg-");

    [Fact]
    public async Task TeamsPackage_WithAppId_WritesSideloadablePackage()
    {
        var output = Path.Combine(_folder, "out", "studybot-teams.zip");

        var exit = await CliApp.RunAsync(["teams", "package", "--out", output, "--app-id", TeamsBot.AppId]);

        Assert.Equal(0, exit);
        using var zip = ZipFile.OpenRead(output);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var stream = zip.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(stream)!;
        Assert.Equal(TeamsBot.AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("1.29", manifest["manifestVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task TeamsPackage_AppIdNotAGuid_FailsAndWritesNothing()
    {
        var output = Path.Combine(_folder, "bad.zip");

        var exit = await CliApp.RunAsync(["teams", "package", "--out", output, "--app-id", "my-bot"]);

        Assert.NotEqual(0, exit);
        Assert.False(File.Exists(output));
    }

    public void Dispose() => _folder.Dispose();
}
