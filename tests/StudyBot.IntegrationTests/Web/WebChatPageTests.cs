using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyBot.Core.Chat;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Web;

[Collection(BrowserCollection.Name)]
public sealed class WebChatPageTests(BrowserFixture browser) : ChatPageTests(browser)
{
    protected override Task<BotServer> StartServerAsync()
    {
        // Auto-reload off: the reload test wants to see its own diff, not have the watcher take it first.
        return BotServer.StartAsync(
            [new("Knowledge:AutoReload", "false")],
            services => services.AddSingleton<IChatActionHandler, PollHandler>());
    }

    [Fact]
    public async Task Page_AskEbsQuestion_ShowsNoAndCitationOfLine71()
    {
        await AskAsync("Is EBS encrypted by default?");

        var answer = Page.Locator(".message.bot[data-kind=answer]").Last;
        await Assertions.Expect(answer.Locator(".body")).ToContainTextAsync("No");
        Assert.StartsWith("No", (await answer.Locator(".body").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var citation = answer.Locator("details.citation").First;
        await Assertions.Expect(citation.Locator("summary")).ToContainTextAsync("aws-devsecops.md › EBS Encryption");
        var start = int.Parse(await citation.GetAttributeAsync("data-line-start") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var end = int.Parse(await citation.GetAttributeAsync("data-line-end") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(71, start, end);
        await Assertions.Expect(citation.Locator("summary")).ToContainTextAsync(start == end ? "line 71" : $"lines {start}–{end}");

        await Assertions.Expect(citation.Locator("blockquote")).Not.ToBeVisibleAsync();
        await citation.Locator("summary").ClickAsync();
        await Assertions.Expect(citation.Locator("blockquote")).ToContainTextAsync("not encrypted");
    }

    [Fact]
    public async Task Page_AdminReload_ShowsDiff()
    {
        await File.WriteAllTextAsync(Path.Combine(Server.KnowledgeFolder, "gcp.md"), "# GCP\n\nCloud KMS\n- keys are rotated every 90 days\n");
        await Page.ClickAsync("#admin-toggle");
        await Page.FillAsync("#admin-token", BotServer.AdminToken);
        await Page.ClickAsync("#admin-form button[type=submit]");
        await Assertions.Expect(Page.Locator("#admin-bar")).ToBeVisibleAsync();

        await Page.ClickAsync("#admin-bar [data-command=reload]");

        var diff = Page.Locator(".message.bot[data-kind=admin]").Last;
        await Assertions.Expect(diff).ToContainTextAsync("Reloaded");
        await Assertions.Expect(diff).ToContainTextAsync("Added (1): gcp.md");
    }

    [Fact]
    public async Task Page_WrongAdminToken_StaysOutOfAdminMode()
    {
        await Page.ClickAsync("#admin-toggle");
        await Page.FillAsync("#admin-token", "not-the-admin-token");
        await Page.ClickAsync("#admin-form button[type=submit]");

        await Assertions.Expect(Page.Locator("#admin-error")).ToContainTextAsync("not the admin token");
        await Assertions.Expect(Page.Locator("#admin-bar")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Page_NonAdminReload_ShowsRefusal()
    {
        await AskAsync("reload");

        var refusal = Page.Locator(".message.bot[data-kind=refused]").Last;
        await Assertions.Expect(refusal).ToContainTextAsync("admin command");
    }

    [Fact]
    public async Task Page_ChannelPostWithButtons_ShownAndClickSendsAction()
    {
        var publisher = Server.Services.GetServices<IChannelPublisher>().Single(p => p.Platform == Platforms.Web);
        await publisher.PostAsync(
            "web",
            new Reply("Which service stores **keys**?", Title: "Daily quiz", Buttons: [new ReplyButton("KMS", "poll:kms"), new ReplyButton("S3", "poll:s3")], Kind: ReplyKind.Quiz),
            "poll-1",
            CancellationToken.None);

        var post = Page.Locator(".message.channel[data-kind=quiz]");
        await Assertions.Expect(post).ToContainTextAsync("Which service stores keys?", new() { Timeout = 30_000 });
        await post.Locator("button", new() { HasText = "KMS" }).ClickAsync();

        var feedback = Page.Locator(".message.bot.private").Last;
        await Assertions.Expect(feedback).ToContainTextAsync("You chose poll:kms");
        await Assertions.Expect(post.Locator("button").First).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Page_PhoneWidth_FitsWithoutSidewaysScroll()
    {
        await Page.SetViewportSizeAsync(375, 740);
        await AskAsync("Is EBS encrypted by default?");
        await Assertions.Expect(Page.Locator(".message.bot[data-kind=answer]")).ToHaveCountAsync(1);

        var scrollWidth = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var sendBox = await Page.Locator("#send").BoundingBoxAsync();

        Assert.True(scrollWidth <= 375, $"page is {scrollWidth}px wide");
        Assert.NotNull(sendBox);
        Assert.True(sendBox.X + sendBox.Width <= 375);
    }

    private async Task AskAsync(string text)
    {
        await Page.FillAsync("#question", text);
        await Page.PressAsync("#question", "Enter");
    }

    private sealed class PollHandler : IChatActionHandler
    {
        public string Prefix => "poll";

        public Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new Reply($"You chose {message.ActionData}", Private: true, Kind: ReplyKind.QuizFeedback));
    }
}
