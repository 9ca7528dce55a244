using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StudyBot.IntegrationTests.Host;
using StudyBot.Teams.Package;

namespace StudyBot.IntegrationTests.Web;

/// <summary>The notes' images in the web chat: named in the reply, served by <c>/api/notes/images/…</c> from the notes
/// folder only, shown inline or as a placeholder; and the "what was wrong" field after a 👎.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoteImagesWebTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Placeholder = "🖼 image-6.png — not in the notes folder";

    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync([new("Chat:RateLimit:TokenLimit", "1000")]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PostChat_EbsAnswer_NamesImage6AsMissing()
    {
        var (_, reply) = await _server.AskAsync("Is EBS encrypted by default?");

        var image = reply.GetProperty("images").EnumerateArray().Single(i => i.GetProperty("path").GetString() == "image-6.png");
        Assert.False(image.GetProperty("exists").GetBoolean());
        Assert.False(image.TryGetProperty("src", out _));
        Assert.Equal(Placeholder, image.GetProperty("placeholder").GetString());
    }

    [Fact]
    public async Task GetImage_FileInTheNotes_ServedWithTypeAndCacheHeadersThen304()
    {
        var png = Png();
        await File.WriteAllBytesAsync(Path.Combine(_server.KnowledgeFolder, "image-6.png"), png);
        var (_, reply) = await _server.AskAsync("Is EBS encrypted by default?");
        var src = reply.GetProperty("images").EnumerateArray().Single(i => i.GetProperty("path").GetString() == "image-6.png").GetProperty("src").GetString();
        Assert.Equal("api/notes/images/image-6.png", src);

        using var response = await _server.Client.GetAsync(src);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("max-age", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        using var again = new HttpRequestMessage(HttpMethod.Get, src);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await _server.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("api/notes/images/missing.png")]
    [InlineData("api/notes/images/aws-devsecops.md")]
    [InlineData("api/notes/images/%2e%2e/outside.png")]
    [InlineData("api/notes/images/..%2Foutside.png")]
    [InlineData("api/notes/images/..%5Coutside.png")]
    [InlineData("api/notes/images/sub/%2e%2e/%2e%2e/outside.png")]
    [InlineData("api/notes/images/%2Fetc%2Fpasswd")]
    [InlineData("api/notes/images/%2Ftmp%2Foutside.png")]
    [InlineData("api/notes/images/C:%5Coutside.png")]
    [InlineData("api/notes/images/linked.png")]
    [InlineData("api/notes/images/linked-dir/outside.png")]
    [InlineData("api/notes/images/.hidden/a.png")]
    [InlineData("api/notes/images/drawing.svg")]
    [InlineData("api/notes/images/")]
    [InlineData("api/notes/images")]
    [InlineData("api/notes/images/https:%2F%2Fexample.com%2Fa.png")]
    public async Task GetImage_AnythingButAnImageInTheNotesFolder_404(string path)
    {
        var outside = Path.Combine(_server.Folder, "outside.png");
        await File.WriteAllBytesAsync(outside, Png());
        File.CreateSymbolicLink(Path.Combine(_server.KnowledgeFolder, "linked.png"), outside);
        Directory.CreateSymbolicLink(Path.Combine(_server.KnowledgeFolder, "linked-dir"), _server.Folder);
        Directory.CreateDirectory(Path.Combine(_server.KnowledgeFolder, ".hidden"));
        Directory.CreateDirectory(Path.Combine(_server.KnowledgeFolder, "sub"));
        await File.WriteAllBytesAsync(Path.Combine(_server.KnowledgeFolder, ".hidden", "a.png"), Png());
        await File.WriteAllTextAsync(Path.Combine(_server.KnowledgeFolder, "drawing.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

        using var response = await _server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetImage_AccessTokenSet_NeedsTheTokenUnlessAPublicAddressIsSet()
    {
        const string Access = "web-access-token-0123456789abcdef";
        await using var guarded = await BotServer.StartAsync([new("WebChat:AccessToken", Access)]);
        await File.WriteAllBytesAsync(Path.Combine(guarded.KnowledgeFolder, "image-6.png"), Png());
        using (var refused = await guarded.Client.GetAsync("api/notes/images/image-6.png"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var withToken = new HttpRequestMessage(HttpMethod.Get, "api/notes/images/image-6.png");
        withToken.Headers.Add("X-StudyBot-Access", Access);
        using (var allowed = await guarded.Client.SendAsync(withToken))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await using var published = await BotServer.StartAsync([new("WebChat:AccessToken", Access), new("NoteImages:PublicBaseUrl", "https://bot.example.com")]);
        await File.WriteAllBytesAsync(Path.Combine(published.KnowledgeFolder, "image-6.png"), Png());
        using var open = await published.Client.GetAsync("api/notes/images/image-6.png");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        using var chat = await published.Client.PostAsJsonAsync("api/chat", new { userId = "u", text = "hi" });
        Assert.Equal(HttpStatusCode.Unauthorized, chat.StatusCode);
    }

    [Fact]
    public Task Page_AnswerWithImages_MissingOneNamedPresentOneShownInline() => InPageAsync(async page =>
        {
            await AskAsync(page, "Is EBS encrypted by default?");
            var first = page.Locator(".message.bot[data-kind=answer]").Last;
            await Assertions.Expect(first.Locator(".note-image.missing-image")).ToHaveTextAsync(Placeholder);

            await File.WriteAllBytesAsync(Path.Combine(_server.KnowledgeFolder, "image-6.png"), Png());
            await AskAsync(page, "Is EBS encrypted by default?");
            await Assertions.Expect(page.Locator(".message.bot[data-kind=answer]")).ToHaveCountAsync(2);
            var second = page.Locator(".message.bot[data-kind=answer]").Last;
            var image = second.Locator(".note-image img");
            await Assertions.Expect(image).ToHaveAttributeAsync("alt", "alt text");
            await Assertions.Expect(image).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth === 40", await image.ElementHandleAsync());
            await Assertions.Expect(second.Locator(".note-image figcaption")).ToHaveTextAsync("image-6.png");

            // Inline, inside its message: never wider than the bubble.
            var box = await image.BoundingBoxAsync();
            var bubble = await second.BoundingBoxAsync();
            Assert.True(box!.X >= bubble!.X && box.X + box.Width <= bubble.X + bubble.Width, $"image {box.X}+{box.Width} outside bubble {bubble.X}+{bubble.Width}");
        });

    [Fact]
    public Task Page_ThumbsDown_OptionalFieldSendsWhatWasWrongToGaps() => InPageAsync(async page =>
        {
            await AskAsync(page, "Is EBS encrypted by default?");
            var answer = page.Locator(".message.bot[data-kind=answer]").Last;
            await answer.Locator("button", new() { HasText = "👎 Wrong" }).ClickAsync();

            var thanks = page.Locator(".message.bot.private").First;
            await Assertions.Expect(thanks).ToContainTextAsync("gaps");
            var field = thanks.Locator("form.prompt textarea");
            await Assertions.Expect(field).ToBeVisibleAsync();
            Assert.Equal("500", await field.GetAttributeAsync("maxlength"));
            await field.FillAsync("The snapshot section says otherwise.");
            await thanks.Locator("form.prompt button[type=submit]").ClickAsync();

            await Assertions.Expect(page.Locator(".message.bot.private")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator(".message.bot.private").Last).ToContainTextAsync("your note is on the");
            await Assertions.Expect(field).ToBeDisabledAsync();
            var (_, gaps) = await _server.AskAsync("gaps", admin: true);
            Assert.Contains("what was wrong: *The snapshot section says otherwise.*", gaps.GetProperty("markdown").GetString(), StringComparison.Ordinal);

            // Sent once: after a reload the field is still filled in and spent.
            await page.ReloadAsync();
            var kept = page.Locator("form.prompt textarea").Last;
            await Assertions.Expect(kept).ToHaveValueAsync("The snapshot section says otherwise.");
            await Assertions.Expect(kept).ToBeDisabledAsync();
        });

    private async Task InPageAsync(Func<IPage, Task> test)
    {
        var (context, page) = await browser.OpenChatAsync(_server);
        try
        {
            await test(page);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task AskAsync(IPage page, string text)
    {
        await page.FillAsync("#question", text);
        await page.PressAsync("#question", "Enter");
    }

    /// <summary>A 40×20 PNG.</summary>
    internal static byte[] Png() => PngWriter.Encode(40, 20, Enumerable.Repeat((byte)0x80, 40 * 20 * 4).ToArray());
}
