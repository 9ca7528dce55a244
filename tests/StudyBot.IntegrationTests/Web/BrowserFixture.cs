using Microsoft.Playwright;

namespace StudyBot.IntegrationTests.Web;

/// <summary>Debian's Chromium driven by Playwright (no browser download), shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Expectations retry until they hold; Playwright's 5 s default is short for a loaded two-core CI machine, and a
        // passing run never waits for it.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A browser context of its own on the server's address, with the chat page open; the caller closes the
    /// context.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> OpenChatAsync(Host.BotServer server)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return (context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// A browser test on the chat page: each test gets a server of its own (<see cref="StartServerAsync"/>) and a browser
/// context with the page open; both are closed after the test.
/// </summary>
public abstract class ChatPageTests(BrowserFixture browser) : IAsyncLifetime
{
    protected Host.BotServer Server { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await StartServerAsync();
        (Context, Page) = await browser.OpenChatAsync(Server);
    }

    public async Task DisposeAsync()
    {
        await Context.CloseAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Starts the server the test's page talks to.</summary>
    protected abstract Task<Host.BotServer> StartServerAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
