using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Discord.Rendering;
using StudyBot.Teams.Cards;
using StudyBot.Tests.Knowledge;

namespace StudyBot.Tests.Chat;

/// <summary>"Show what the notes show": the images of a cited passage and its section, found, resolved inside the notes
/// folder only, and shown on every renderer (or named, when the file is missing).</summary>
public sealed class NoteImagesTests : IDisposable
{
    private readonly TempFolder _root = new("studybot-images-");

    /// <summary>The notes folder; "outside" files go beside it, into <see cref="_root"/>.</summary>
    private readonly string _folder;

    public NoteImagesTests() => _folder = _root.Folder("notes");

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Find_MarkdownAndHtmlImages_SourceAltAndLine()
    {
        string[] lines =
        [
            "EBS Encryption",
            "- ![alt text](image-6.png)",
            "<img src=\"diagrams/kms.png\" alt=\"KMS &amp; keys\" width=\"300\">",
            "See ![the \\[key\\] flow](<key flow.png> \"Key flow\") here.",
        ];

        var found = NoteImageReferences.Find(lines);

        Assert.Equal(
            [new ImageReference(2, "image-6.png", "alt text"), new ImageReference(3, "diagrams/kms.png", "KMS & keys"), new ImageReference(4, "key flow.png", "the [key] flow")],
            found);
    }

    [Fact]
    public void Find_ImageInFencedCode_IsNotAPicture()
    {
        string[] lines = ["```markdown", "![alt](quoted.png)", "```", "![alt](shown.png)"];

        Assert.Equal("shown.png", Assert.Single(NoteImageReferences.Find(lines)).Source);
    }

    [Theory]
    [InlineData("aws.md", "image-6.png", "image-6.png")]
    [InlineData("aws/notes.md", "image-6.png", "aws/image-6.png")]
    [InlineData("aws/notes.md", "./img/a.PNG", "aws/img/a.PNG")]
    [InlineData("aws/notes.md", "../img/a.jpg", "img/a.jpg")]
    [InlineData("aws/notes.md", "..\\img\\a.webp", "img/a.webp")]
    [InlineData("notes.md", "img%20one.gif", "img one.gif")]
    [InlineData("notes.md", "a.jpeg?raw=true", "a.jpeg")]
    [InlineData("notes.md", "../a.png", null)]
    [InlineData("aws/notes.md", "../../a.png", null)]
    [InlineData("notes.md", "%2E%2E/a.png", null)]
    [InlineData("notes.md", "/etc/a.png", null)]
    [InlineData("notes.md", "//host/a.png", null)]
    [InlineData("notes.md", "https://example.com/a.png", null)]
    [InlineData("notes.md", "data:image/png;base64,iVBORw0KGgo=", null)]
    [InlineData("notes.md", "file:///etc/a.png", null)]
    [InlineData("notes.md", "C:\\notes\\a.png", null)]
    [InlineData("notes.md", "javascript:alert(1)//.png", null)]
    [InlineData("notes.md", "a.svg", null)]
    [InlineData("notes.md", "secrets.txt", null)]
    [InlineData("notes.md", ".git/a.png", null)]
    [InlineData("notes.md", "", null)]
    public void Resolve_Sources_OnlyImageFilesInsideTheNotesFolder(string note, string source, string? expected) =>
        Assert.Equal(expected, NoteImageReferences.Resolve(note, source));

    [Theory]
    [InlineData("EBS Encryption", new[] { "image-6.png" })]
    [InlineData("Envelope Encryption", new[] { "image-4.png", "image-5.png" })]
    [InlineData("Does HSM can be placed at On-Premise", new[] { "image-7.png" })]
    [InlineData("Can we create un-encrypted EBS volume from an encrypted snapshot", new string[0])]
    [InlineData("Customer provided keys (SSE-C)", new[] { "image-3.png" })]
    public void SectionLines_SeedNotes_ImagesOfTheCitedSectionOnly(string section, string[] expected)
    {
        var text = File.ReadAllText(Path.Combine(KnowledgeTestData.SeedFolder, "aws-devsecops.md"));
        var lines = text.Split('\n');
        var passages = NotesParser.Parse("aws-devsecops.md", text).Select(e => e.Passage).ToList();
        var cited = passages.First(p => p.Section == section);

        var (start, end) = NoteImageReferences.SectionLines(lines, passages, new Citation(cited.File, cited.Section, cited.LineStart, cited.LineEnd, cited.Text));

        Assert.Equal(expected, NoteImageReferences.Find(lines).Where(r => r.Line >= start && r.Line <= end).Select(r => r.Source));
    }

    [Fact]
    public void Find_FileInTheFolder_Found()
    {
        Write("img/a.png", 10);

        Assert.NotNull(Files().Find("img/a.png"));
    }

    [Theory]
    [InlineData("missing.png")]
    [InlineData("../outside.png")]
    [InlineData("img/../../outside.png")]
    [InlineData("/etc/passwd.png")]
    [InlineData("img\\a.png")]
    [InlineData("notes.md")]
    [InlineData("big.png")]
    [InlineData(".hidden/a.png")]
    [InlineData("")]
    public void Find_AnythingButASmallImageInTheFolder_Null(string path)
    {
        Write("img/a.png", 10);
        Write("notes.md", 10);
        Write(".hidden/a.png", 10);
        Write("big.png", 2048);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(_folder)!, "outside.png"), [1]);

        Assert.Null(Files(maxBytes: 1024).Find(path));
    }

    [Fact]
    public void Find_SymbolicLinkOutOfTheFolder_Null()
    {
        using var outside = new TempFolder("studybot-outside-");
        File.WriteAllBytes(Path.Combine(outside, "secret.png"), [1, 2, 3]);
        Directory.CreateDirectory(Path.Combine(_folder, "notes"));
        File.CreateSymbolicLink(Path.Combine(_folder, "notes", "linked.png"), Path.Combine(outside, "secret.png"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "linked-dir"), outside);

        Assert.Null(Files().Find("notes/linked.png"));
        Assert.Null(Files().Find("linked-dir/secret.png"));
    }

    [Fact]
    public async Task HandleAsync_AnswerWhoseSectionShowsImages_ReplyCarriesThemMissingOnesMarked()
    {
        File.WriteAllText(Path.Combine(_folder, "aws.md"), "EBS Encryption\n\n- by default it is not encrypted\n\n![EBS settings](image-6.png)\n\n![](shown.png)\n\n# Next title\n\n![other](image-7.png)\n\nSomething else entirely.\n");
        Write("shown.png", 10);
        await using var chat = new ChatFixture(images: Finder("https://bot.example.com/"));
        chat.Knowledge.Responder = q => FakeKnowledgeBase.Yes(q) with { Citations = [new Citation("aws.md", "EBS Encryption", 3, 3, "by default it is not encrypted")] };

        var reply = await chat.SendAsync("Is EBS encrypted by default?");

        Assert.Equal(
            [new NoteImage("image-6.png", "EBS settings", false), new NoteImage("shown.png", "", true, "https://bot.example.com/api/notes/images/shown.png")],
            reply.ImageList);
    }

    [Fact]
    public async Task HandleAsync_NoPublicAddress_SmallImageInlineForTeamsLargeOneNamed()
    {
        File.WriteAllText(Path.Combine(_folder, "aws.md"), "EBS Encryption\n\n- by default it is not encrypted\n- ![](small.png)\n- ![](large.png)\n");
        Write("small.png", 100);
        Write("large.png", NoteImageOptions.MaxInlineBytes + 1);
        await using var chat = new ChatFixture(images: Finder(null));
        chat.Knowledge.Responder = q => FakeKnowledgeBase.Yes(q) with { Citations = [new Citation("aws.md", "EBS Encryption", 3, 3, "by default it is not encrypted")] };

        var reply = await chat.SendAsync("Is EBS encrypted by default?");

        var small = reply.ImageList[0];
        Assert.Null(small.Url);
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(new byte[100]), small.DataUri);
        Assert.Equal(new NoteImage("large.png", "", true), reply.ImageList[1]);
        var body = ReplyRenderer.ToCard(reply)["body"]!.AsArray();
        Assert.Equal(small.DataUri, (string?)body.Single(e => (string?)e!["type"] == "Image")!["url"]);
        Assert.Contains(body, e => (string?)e!["text"] == "🖼 large.png (in the notes folder)");
        var embed = Assert.Single(DiscordRenderer.Render(reply).Embeds!);
        Assert.Null(embed.Image);
        Assert.Contains("🖼 small.png (in the notes folder)", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_Declined_NoImages()
    {
        await using var chat = new ChatFixture(images: Finder(null));

        var reply = await chat.SendAsync("Who wrote Hamlet?");

        Assert.Empty(reply.ImageList);
    }

    [Fact]
    public void Renderers_ImageWithUrl_DiscordEmbedImageTeamsCardImage()
    {
        var reply = AnswerWith(
            new NoteImage("a.png", "Key flow", true, "https://bot.example.com/api/notes/images/a.png"),
            new NoteImage("b.png", "", true, "https://bot.example.com/api/notes/images/b.png"));

        var embeds = DiscordRenderer.Render(reply).Embeds!;
        Assert.Equal(["https://bot.example.com/api/notes/images/a.png", "https://bot.example.com/api/notes/images/b.png"], embeds.Select(e => e.Image?.Url));
        Assert.DoesNotContain("🖼", embeds[0].Description, StringComparison.Ordinal);

        var images = ReplyRenderer.ToCard(reply)["body"]!.AsArray().Where(e => (string?)e!["type"] == "Image").ToList();
        Assert.Equal(["https://bot.example.com/api/notes/images/a.png", "https://bot.example.com/api/notes/images/b.png"], images.Select(i => (string?)i!["url"]));
        Assert.Equal(["Key flow", "b.png"], images.Select(i => (string?)i!["altText"]));
    }

    [Fact]
    public void Renderers_MissingImage_PlaceholderOnEveryPlatform()
    {
        var reply = AnswerWith(new NoteImage("image-6.png", "alt text", false));
        const string Placeholder = "🖼 image-6.png — not in the notes folder";

        var embed = Assert.Single(DiscordRenderer.Render(reply).Embeds!);
        Assert.Null(embed.Image);
        Assert.EndsWith(Placeholder, embed.Description, StringComparison.Ordinal);

        var body = ReplyRenderer.ToCard(reply)["body"]!.AsArray();
        Assert.DoesNotContain(body, e => (string?)e!["type"] == "Image");
        Assert.Contains(body, e => (string?)e!["text"] == Placeholder);
        Assert.Contains(Placeholder, ReplyRenderer.ToMarkdown(reply with { Buttons = null }), StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholder_FileThereButNoPublicAddress_SaysItIsInTheNotes() =>
        Assert.Equal("🖼 a.png (in the notes folder)", NoteImageText.Placeholder(new NoteImage("a.png", "", true)));

    [Fact]
    public void Render_TenImagesAndALongAnswer_DiscordLimitsKept()
    {
        var images = Enumerable.Range(1, 12).Select(i => new NoteImage($"i{i}.png", "", true, $"https://bot.example.com/api/notes/images/i{i}.png")).ToArray();
        var reply = AnswerWith(images) with { Markdown = new string('x', 5000) };

        var payload = DiscordRenderer.Render(reply);

        Assert.Equal(10, payload.Embeds!.Count);
        Assert.True(payload.Embeds[0].Description!.Length <= 4096);
    }

    [Fact]
    public void WebPath_SegmentsEscaped() =>
        Assert.Equal("api/notes/images/k8s/pod%20diagram.png", NoteImageText.WebPath("k8s/pod diagram.png"));

    private static Reply AnswerWith(params NoteImage[] images) => new(
        "No — not by default.",
        Citations: [new Citation("aws.md", "EBS Encryption", 71, 71, "by default it is not encrypted")],
        Buttons: [new ReplyButton("👍 Helpful", "fb:up:q"), new ReplyButton("👎 Wrong", "fb:down:q")],
        Kind: ReplyKind.Answer,
        Images: images);

    private NoteImageFinder Finder(string? publicBaseUrl)
    {
        var options = Options.Create(new NoteImageOptions { PublicBaseUrl = publicBaseUrl is null ? null : new Uri(publicBaseUrl) });
        return new NoteImageFinder(new NoteImageFiles(Options.Create(new KnowledgeOptions { Path = _folder }), options), options);
    }

    private NoteImageFiles Files(long maxBytes = 8 * 1024 * 1024) => new(
        Options.Create(new KnowledgeOptions { Path = _folder }), Options.Create(new NoteImageOptions { MaxBytes = maxBytes }));

    private void Write(string path, int bytes)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, new byte[bytes]);
    }
}
