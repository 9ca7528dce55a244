using Microsoft.Playwright;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Web;

/// <summary>Where things are on screen, measured from the boxes the browser lays out, at laptop and phone sizes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatLayoutTests(BrowserFixture browser) : IAsyncLifetime
{
    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync([new("Knowledge:AutoReload", "false")]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Page_AfterEveryReply_TheNewestMessageIsWhollyAboveTheInputBar(int width, int height)
    {
        var page = await OpenAsync(width, height);
        string[] questions =
        [
            "Is EBS encrypted by default?", "What is GuardDuty?", "help", "What is AWS Shield?",
            "Explain envelope encryption", "What is the capital of France?",
        ];

        for (var i = 0; i < questions.Length; i++)
        {
            await page.FillAsync("#question", questions[i]);
            await page.PressAsync("#question", "Enter");

            // The question just sent is in view at once, then the reply.
            await Assertions.Expect(page.Locator(".message.user")).ToHaveCountAsync(i + 1);
            await AssertNewestInViewAsync(page, ".message.user");
            await Assertions.Expect(page.Locator(".message.bot[data-kind]")).ToHaveCountAsync(i + 2);
            await AssertNewestInViewAsync(page, ".message.bot[data-kind]");
        }

        // The page itself never scrolls: only the transcript does, so the bars stay where they are.
        Assert.Equal(0, await page.EvaluateAsync<int>("window.scrollY"));
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('transcript').scrollHeight > document.getElementById('transcript').clientHeight"),
            "six questions and answers should overflow the transcript, or the test proves nothing");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Page_AdminBar_StaysInViewWhileTheTranscriptScrolls(int width, int height)
    {
        var page = await OpenAsync(width, height);
        await page.ClickAsync("#admin-toggle");
        await page.FillAsync("#admin-token", BotServer.AdminToken);
        await page.ClickAsync("#admin-form button[type=submit]");
        await Assertions.Expect(page.Locator("#admin-bar")).ToBeVisibleAsync();
        for (var i = 0; i < 4; i++)
        {
            await page.ClickAsync("#admin-bar [data-command=sources]");
            await Assertions.Expect(page.Locator(".message.bot[data-kind]")).ToHaveCountAsync(i + 2);
        }

        await page.EvaluateAsync("document.getElementById('transcript').scrollTop = 0");
        var top = await BoxAsync(page.Locator("#admin-bar"));
        await page.EvaluateAsync("document.getElementById('transcript').scrollTop = 1e9");
        var bottom = await BoxAsync(page.Locator("#admin-bar"));

        Assert.Equal(top.Y, bottom.Y);
        Assert.InRange(bottom.Y, 0, height / 2);
        await AssertNewestInViewAsync(page, ".message.bot[data-kind]");
    }

    [Fact]
    public async Task Page_PhoneWidth_CounterAndSendFitBesideTheBox()
    {
        var page = await OpenAsync(390, 844);
        await page.FillAsync("#question", "Is EBS encrypted by default?");

        var send = await BoxAsync(page.Locator("#send"));
        var counter = await BoxAsync(page.Locator("#counter"));
        var box = await BoxAsync(page.Locator("#question"));

        Assert.True(send.X + send.Width <= 390, "Send is cut off");
        Assert.True(counter.X + counter.Width <= send.X, "the counter runs under Send");
        Assert.True(box.X + box.Width <= send.X, "the box runs under Send");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
    }

    private async Task<IPage> OpenAsync(int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    /// <summary>The newest message matching <paramref name="selector"/> lies between the top bars and the input bar.</summary>
    private static async Task AssertNewestInViewAsync(IPage page, string selector)
    {
        var newest = page.Locator(selector).Last;

        // Generous positive wait for layout (an image or a font can still move things), then the measurement itself.
        await page.WaitForFunctionAsync(
            """
            (selector) => {
              const all = document.querySelectorAll(selector);
              const last = all[all.length - 1].getBoundingClientRect();
              return last.bottom <= document.getElementById('ask-form').getBoundingClientRect().top
                && last.top >= document.querySelector('.top').getBoundingClientRect().bottom;
            }
            """,
            selector,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        var message = await BoxAsync(newest);
        var askBar = await BoxAsync(page.Locator("#ask-form"));
        var topBars = await BoxAsync(page.Locator(".top"));
        Assert.True(message.Y + message.Height <= askBar.Y + 0.5,
            $"the newest message ends at {message.Y + message.Height}px, under the input bar at {askBar.Y}px");
        Assert.True(message.Y >= topBars.Y + topBars.Height - 0.5,
            $"the newest message starts at {message.Y}px, under the top bar ending at {topBars.Y + topBars.Height}px");
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("not laid out");
}
