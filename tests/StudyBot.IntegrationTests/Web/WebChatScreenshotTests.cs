using System.Buffers.Binary;
using Microsoft.Playwright;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Web;

/// <summary>
/// Regenerates the web chat screenshots in docs/ (laptop and phone), so the pictures in the README show the page as
/// it is. The page's clock is fixed so that a run with no change to the page gives the same pictures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatScreenshotTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset ShownTime = new(2026, 11, 30, 9, 5, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("web-chat-laptop.png", 1280, 800)]
    [InlineData("web-chat-phone.png", 390, 844)]
    public async Task Page_TypicalConversation_ScreenshotWrittenToDocs(string file, int width, int height)
    {
        await using var server = await BotServer.StartAsync([new("Knowledge:AutoReload", "false")]);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "UTC",
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(ShownTime.UtcDateTime);
        await page.GotoAsync("/");
        await page.FillAsync("#name-prompt-input", "Ada");
        await page.ClickAsync("#name-prompt button[type=submit]");
        await AskAsync(page, "Is EBS encrypted by default?", "answer");
        await page.Locator(".message.bot[data-kind=answer] details.citation summary").First.ClickAsync();
        await AskAsync(page, "What is the pricing of AWS Shield Advanced per month?", "declined");
        await page.FillAsync("#question", "What is GuardDuty?");

        var docs = RepositoryDocs();
        using var elsewhere = docs is null ? new TempFolder("studybot-docs-") : null;
        var path = Path.Combine(docs ?? elsewhere!.Path, file);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });

        var header = await File.ReadAllBytesAsync(path);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20, 4)));
    }

    private static async Task AskAsync(IPage page, string question, string kind)
    {
        var before = await page.Locator($".message.bot[data-kind={kind}]").CountAsync();
        await page.FillAsync("#question", question);
        await page.PressAsync("#question", "Enter");
        await Assertions.Expect(page.Locator($".message.bot[data-kind={kind}]")).ToHaveCountAsync(before + 1);
    }

    /// <summary>docs/ of the repository the tests were built from; null when they run elsewhere (the test then writes
    /// into a temp folder of its own, removed after it).</summary>
    private static string? RepositoryDocs()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
            {
                return Directory.CreateDirectory(Path.Combine(folder.FullName, "docs")).FullName;
            }
        }

        return null;
    }
}
