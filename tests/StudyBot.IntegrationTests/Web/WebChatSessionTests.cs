using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Web;

/// <summary>The web chat across a session: busy cue, times, reloads, a stale admin token, the name, the limits.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WebChatSessionTests(BrowserFixture browser) : ChatPageTests(browser)
{
    protected override Task<BotServer> StartServerAsync()
    {
        return BotServer.StartAsync(
            [new("Knowledge:AutoReload", "false")],
            services => services.AddSingleton<IChatActionHandler, PickHandler>());
    }

    [Fact]
    public async Task Page_WhileAReplyIsOnItsWay_SendIsDisabledAndABusyCueShows()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Page.RouteAsync("**/api/chat", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await AskAsync("Is EBS encrypted by default?");

        await Assertions.Expect(Page.Locator(".message.pending")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#send")).ToBeDisabledAsync();
        await Assertions.Expect(Page.Locator("#transcript")).ToHaveAttributeAsync("aria-busy", "true");

        // Enter while busy keeps the next question in the box instead of sending it.
        await AskAsync("What is GuardDuty?");
        await Assertions.Expect(Page.Locator("#question")).ToHaveValueAsync("What is GuardDuty?");

        release.SetResult();
        await Assertions.Expect(Page.Locator(".message.bot[data-kind=answer]")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator(".message.pending")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#send")).ToBeEnabledAsync();
        await Assertions.Expect(Page.Locator(".message.user")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Page_EveryMessage_ShowsTheTimeItWasSentOrPosted()
    {
        await AskAsync("What is GuardDuty?");
        await Assertions.Expect(Page.Locator(".message.bot[data-kind=answer]")).ToHaveCountAsync(1);
        await PostAsync(new Reply("Posted by the bot on its own.", Kind: ReplyKind.Text), "post-1");
        await Assertions.Expect(Page.Locator(".message.channel")).ToHaveCountAsync(1);

        foreach (var selector in new[] { ".message.user", ".message.bot[data-kind=answer]", ".message.channel" })
        {
            var time = Page.Locator(selector).Last.Locator(".meta time");
            await Assertions.Expect(time).ToHaveTextAsync(ClockRegex());
            var stamp = DateTimeOffset.Parse(await time.GetAttributeAsync("datetime") ?? "", System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(stamp, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(10));
        }
    }

    [Fact]
    public async Task Page_Reload_KeepsTheTranscriptAndTheQuizChoiceAndNoLiveButtonsOnARevealedQuiz()
    {
        await AskAsync("Is EBS encrypted by default?");
        await Assertions.Expect(Page.Locator(".message.bot[data-kind=answer]")).ToHaveCountAsync(1);
        await PostAsync(Quiz("Which service stores keys?", "keys"), "quiz-1");
        await PostAsync(Quiz("Which service stores objects?", "objects"), "quiz-2");
        var answered = Page.Locator(".message.channel[data-kind=quiz]", new() { HasText = "stores keys" });
        await answered.Locator("button", new() { HasText = "KMS" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".message.bot.private").Last).ToContainTextAsync("You chose pick:keys:kms");

        // The second quiz is revealed without being answered.
        await PostAsync(new Reply("Which service stores objects?\n\n**Answer: B. S3**", Title: "Quiz answer", Kind: ReplyKind.QuizReveal), "reveal-2");
        var revealed = Page.Locator(".message.channel[data-kind=quiz]", new() { HasText = "stores objects" });
        await Assertions.Expect(revealed.Locator("button").First).ToBeDisabledAsync();

        await Page.ReloadAsync();

        await Assertions.Expect(Page.Locator(".message.user").First).ToContainTextAsync("Is EBS encrypted by default?");
        await Assertions.Expect(Page.Locator(".message.bot[data-kind=answer]")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator(".message.channel[data-kind=quiz]")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator(".message.channel[data-kind=quizReveal]")).ToHaveCountAsync(1);
        foreach (var button in await answered.Locator("button").AllAsync())
        {
            await Assertions.Expect(button).ToBeDisabledAsync();
        }

        await Assertions.Expect(answered.Locator("button.chosen")).ToHaveTextAsync("KMS");
        foreach (var button in await revealed.Locator("button").AllAsync())
        {
            await Assertions.Expect(button).ToBeDisabledAsync();
        }

        await Assertions.Expect(Page.Locator(".message.bot.private[data-kind=quizFeedback]")).ToContainTextAsync("You chose pick:keys:kms");
    }

    [Fact]
    public async Task Page_AdminTokenFromBeforeARestart_EndsAdminModeOnLoadAndSaysWhy()
    {
        await Page.EvaluateAsync("sessionStorage.setItem('studybot.adminToken', 'token-of-an-earlier-run-0123456789')");

        await Page.ReloadAsync();

        await Assertions.Expect(Page.Locator(".message.bot", new() { HasText = "Admin mode ended" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#admin-bar")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#admin-toggle")).ToBeVisibleAsync();
        Assert.Null(await Page.EvaluateAsync<string?>("sessionStorage.getItem('studybot.adminToken')"));
    }

    [Fact]
    public async Task Page_CitationWithoutASection_ReadsFileAndLine()
    {
        await PostAsync(new Reply("From a loose note.", Citations: [new Citation("loose.md", "", 1, 1, "a loose line")], Kind: ReplyKind.Answer), "loose-1");

        var summary = Page.Locator(".message.channel details.citation summary");
        await Assertions.Expect(summary).ToHaveTextAsync("loose.md, line 1");
    }

    [Fact]
    public async Task Page_CitationWithASourceLink_OffersToOpenIt()
    {
        const string url = "https://github.com/org/notes/blob/main/aws.md#L71-L71";
        await PostAsync(new Reply("No.", Citations: [new Citation("aws.md", "EBS Encryption", 71, 71, "not encrypted", url)], Kind: ReplyKind.Answer), "link-1");

        var link = Page.Locator(".message.channel details.citation summary a.source-link");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", url);
        await Assertions.Expect(link).ToHaveAttributeAsync("target", "_blank");
    }

    [Fact]
    public async Task Page_DeclinedQuestion_SuggestedSectionButtonAsksAboutIt()
    {
        await AskAsync("What is the pricing of AWS Shield Advanced per month?");
        var decline = Page.Locator(".message.bot[data-kind=declined]").Last;
        var suggestion = decline.Locator(".buttons button").First;
        await Assertions.Expect(suggestion).ToHaveTextAsync("AWS Shield");

        await suggestion.ClickAsync();

        await Assertions.Expect(Page.Locator(".message.user").Last).ToContainTextAsync("AWS Shield");
        await Assertions.Expect(Page.Locator(".message.bot[data-kind=answer] details.citation summary").First).ToContainTextAsync("AWS Shield");
    }

    [Fact]
    public async Task Page_ThumbsDownOnAnAnswer_ShowsUpInTheAdminsGaps()
    {
        await AskAsync("Is EBS encrypted by default?");
        var answer = Page.Locator(".message.bot[data-kind=answer]").Last;
        await answer.Locator("button", new() { HasText = "👎" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".message.bot.private").Last).ToContainTextAsync("gaps");
        await Assertions.Expect(answer.Locator("button.chosen")).ToContainTextAsync("Wrong");

        await Page.ClickAsync("#admin-toggle");
        await Page.FillAsync("#admin-token", BotServer.AdminToken);
        await Page.ClickAsync("#admin-form button[type=submit]");
        await Page.ClickAsync("#admin-bar [data-command=gaps]");

        await Assertions.Expect(Page.Locator(".message.bot[data-kind=admin]").Last)
            .ToContainTextAsync("\"is ebs encrypted by default\" — answer marked wrong once");
    }

    [Fact]
    public async Task Page_FencedCode_KeepsItsLinesAndIndentation()
    {
        await PostAsync(new Reply("Run this:\n\n```\nkubectl get pods\n  --all-namespaces\n```", Kind: ReplyKind.Text), "code-1");

        var code = Page.Locator(".message.channel pre code");
        Assert.Equal("kubectl get pods\n  --all-namespaces", await code.InnerTextAsync());
    }

    [Fact]
    public async Task Page_LongQuestion_BoxStopsAtTheServersLimitAndTheCounterSaysSo()
    {
        await Assertions.Expect(Page.Locator("#counter")).ToHaveTextAsync("0 / 2,000");

        await Page.FillAsync("#question", new string('a', 2100));

        Assert.Equal(2000, await Page.EvaluateAsync<int>("document.getElementById('question').value.length"));
        await Assertions.Expect(Page.Locator("#counter")).ToHaveTextAsync("2,000 / 2,000");
        await Assertions.Expect(Page.Locator("#counter")).ToHaveClassAsync(new Regex("full"));
    }

    [Fact]
    public async Task Page_FirstVisit_AsksForANameOnceAndUsesIt()
    {
        await Assertions.Expect(Page.Locator("#name-prompt")).ToBeVisibleAsync();

        await Page.FillAsync("#name-prompt-input", "Ada");
        await Page.ClickAsync("#name-prompt button[type=submit]");

        await Assertions.Expect(Page.Locator("#name-prompt")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#display-name")).ToHaveValueAsync("Ada");
        await Page.ReloadAsync();
        await Assertions.Expect(Page.Locator("#display-name")).ToHaveValueAsync("Ada");
        await Assertions.Expect(Page.Locator("#name-prompt")).ToBeHiddenAsync();

        var request = await Page.RunAndWaitForRequestAsync(() => AskAsync("What is GuardDuty?"), "**/api/chat");
        Assert.Contains("\"displayName\":\"Ada\"", request.PostData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_QuizSchedule_IsSaidInWords()
    {
        await Page.ClickAsync("#admin-toggle");
        await Page.FillAsync("#admin-token", BotServer.AdminToken);
        await Page.ClickAsync("#admin-form button[type=submit]");
        await Assertions.Expect(Page.Locator("#admin-bar")).ToBeVisibleAsync();

        await AskAsync("quiz schedule 0 9 * * 1-5 Europe/Berlin");
        await Assertions.Expect(Page.Locator(".message.bot[data-kind=admin]").Last).ToContainTextAsync("weekdays at 09:00 (Europe/Berlin)");
        await AskAsync("quiz");

        var status = Page.Locator(".message.bot").Last;
        await Assertions.Expect(status).ToContainTextAsync("Daily quiz: weekdays at 09:00 (Europe/Berlin)");
        await Assertions.Expect(status).Not.ToContainTextAsync("* *");
    }

    private static Reply Quiz(string text, string key) => new(
        $"{text}\n\n**A.** KMS\n**B.** S3",
        Title: "Daily quiz",
        Buttons: [new ReplyButton("KMS", $"pick:{key}:kms", ButtonStyle.Primary), new ReplyButton("S3", $"pick:{key}:s3", ButtonStyle.Primary)],
        Kind: ReplyKind.Quiz);

    private async Task PostAsync(Reply reply, string key)
    {
        var before = await Page.Locator(".message.channel").CountAsync();
        var publisher = Server.Services.GetServices<IChannelPublisher>().Single(p => p.Platform == Platforms.Web);
        await publisher.PostAsync("web", reply, key, CancellationToken.None);
        await Assertions.Expect(Page.Locator(".message.channel")).ToHaveCountAsync(before + 1);
    }

    private async Task AskAsync(string text)
    {
        await Page.FillAsync("#question", text);
        await Page.PressAsync("#question", "Enter");
    }

    [GeneratedRegex(@"^(\w{3} \d{1,2} )?\d{1,2}:\d{2}( [AP]M)?$")]
    private static partial Regex ClockRegex();

    /// <summary>Quiz-like buttons ("pick:…") that say what was chosen, and by whom.</summary>
    private sealed class PickHandler : IChatActionHandler
    {
        public string Prefix => "pick";

        public Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new Reply($"You chose {message.ActionData}", Private: true, Kind: ReplyKind.QuizFeedback));
    }
}
