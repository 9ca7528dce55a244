using System.IO.Compression;
using System.Text.Json.Nodes;
using NJsonSchema;
using StudyBot.Teams.Package;

namespace StudyBot.Tests.Teams;

public class TeamsAppPackageTests
{
    private const string AppId = "6f1f7a3e-2b8c-4d5e-9f10-1a2b3c4d5e6f";
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "data", "specs", "teams-manifest-v1.29.schema.json");

    [Fact]
    public async Task BuildManifest_ConfiguredAppId_ValidatesAgainstManifestSchema()
    {
        // JsonSchema.Net does not implement draft-04 (the manifest schema's dialect); NJsonSchema does.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var manifest = TeamsAppPackage.BuildManifest(new TeamsPackageSettings(AppId, "StudyBot", "https://example.com"));

        var errors = schema.Validate(manifest.ToJsonString());

        Assert.Empty(errors.Select(e => e.ToString()));
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        var scopes = manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>());
        Assert.Equal(["team", "personal", "groupChat"], scopes);
        var search = manifest["composeExtensions"]![0]!;
        Assert.Equal(AppId, search["botId"]!.GetValue<string>());
        Assert.Equal("searchNotes", search["commands"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("query", search["commands"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validate_ManifestWithoutBotId_IsRejectedBySchema()
    {
        // Proves the schema check above can fail.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var manifest = TeamsAppPackage.BuildManifest(new TeamsPackageSettings(AppId, "StudyBot", "https://example.com"));
        manifest["bots"]![0]!.AsObject().Remove("botId");
        manifest["accentColor"] = "blue";

        var errors = schema.Validate(manifest.ToJsonString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void BuildManifest_PrivacyAndTermsSet_EachLinkIsItsOwn()
    {
        var manifest = TeamsAppPackage.BuildManifest(new TeamsPackageSettings(
            AppId, "StudyBot", "https://study.example.org", PrivacyUrl: "https://study.example.org/privacy", TermsOfUseUrl: "https://study.example.org/terms"));

        var developer = manifest["developer"]!;
        Assert.Equal("https://study.example.org", developer["websiteUrl"]!.GetValue<string>());
        Assert.Equal("https://study.example.org/privacy", developer["privacyUrl"]!.GetValue<string>());
        Assert.Equal("https://study.example.org/terms", developer["termsOfUseUrl"]!.GetValue<string>());
    }

    [Fact]
    public void BuildManifest_AppIdNotAGuid_Throws()
    {
        Assert.Throws<ArgumentException>(() => TeamsAppPackage.BuildManifest(new TeamsPackageSettings("my-bot", "StudyBot", "https://example.com")));
    }

    [Fact]
    public void BuildManifest_Commands_ListTheBotCommands()
    {
        var manifest = TeamsAppPackage.BuildManifest(new TeamsPackageSettings(AppId, "StudyBot", "https://example.com"));

        var titles = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();

        Assert.Contains("help", titles);
        Assert.Contains("leaderboard", titles);
        Assert.InRange(titles.Count, 1, 12);
    }

    [Fact]
    public async Task WriteAsync_Package_HoldsManifestAndIconsOfTheRightSizes()
    {
        using var zipStream = new MemoryStream();
        await TeamsAppPackage.WriteAsync(zipStream, new TeamsPackageSettings(AppId, "StudyBot", "https://example.com"), CancellationToken.None);
        zipStream.Position = 0;
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        var manifest = JsonNode.Parse(ReadAll(zip, "manifest.json"))!;
        Assert.Equal("color.png", manifest["icons"]!["color"]!.GetValue<string>());
        Assert.Equal((192, 192), PngSize(ReadAll(zip, "color.png")));
        Assert.Equal((32, 32), PngSize(ReadAll(zip, "outline.png")));
    }

    [Fact]
    public void OutlineIcon_Pixels_AreWhiteOrTransparent()
    {
        var png = TeamsAppPackage.OutlineIcon();
        var pixels = DecodeRgba(png, out var width, out var height);

        Assert.Equal(32, width);
        var opaque = 0;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            if (pixels[i + 3] == 0)
            {
                continue;
            }

            opaque++;
            Assert.Equal((255, 255, 255, 255), (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]));
        }

        Assert.InRange(opaque, 20, (width * height) - 20);
    }

    private static byte[] ReadAll(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Decodes the PNGs this code writes (one IDAT, filter 0 on every row).</summary>
    private static byte[] DecodeRgba(byte[] png, out int width, out int height)
    {
        (width, height) = PngSize(png);
        var offset = 8;
        using var idat = new MemoryStream();
        while (offset < png.Length)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * ((width * 4) + 1)]);
            Array.Copy(rows, (y * ((width * 4) + 1)) + 1, pixels, y * width * 4, width * 4);
        }

        return pixels;
    }
}
