using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using StudyBot.Core.Quiz;
using StudyBot.IntegrationTests.Host;
using StudyBot.IntegrationTests.Web;

namespace StudyBot.IntegrationTests.Quiz;

[Collection(BrowserCollection.Name)]
public sealed class QuizBrowserTests(BrowserFixture browser) : ChatPageTests(browser)
{
    // The app's clock: the reveal comes when the test moves it, not after real seconds that a slow page could miss.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 7, 0, 0, TimeSpan.Zero));

    protected override Task<BotServer> StartServerAsync() =>
        BotServer.StartAsync([new("Knowledge:AutoReload", "false"), new("Quiz:RevealAfter", "01:00:00")], time: _time);

    [Fact]
    public async Task Page_AdminQuizNow_PostedAnsweredRevealedInPlaceWithCountsCitationAndLeaderboardShowsThePoint()
    {
        await Page.ClickAsync("#admin-toggle");
        await Page.FillAsync("#admin-token", BotServer.AdminToken);
        await Page.ClickAsync("#admin-form button[type=submit]");
        await Assertions.Expect(Page.Locator("#admin-bar")).ToBeVisibleAsync();

        await SendAsync("quiz now");
        await Assertions.Expect(Page.Locator(".message.bot[data-kind=admin]").Last).ToContainTextAsync("Posted quiz #1");

        // The quiz arrives through the web channel feed, with one button per choice.
        var quiz = Page.Locator(".message.channel[data-kind=quiz]");
        await Assertions.Expect(quiz).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var messageId = await quiz.GetAttributeAsync("data-message-id");
        var question = (await Server.Services.GetRequiredService<QuizStore>().PostAsync(1, CancellationToken.None))!.Question;
        await Assertions.Expect(quiz).ToContainTextAsync(question.Text);
        await quiz.Locator($"button[data-action='quiz:1:{question.AnswerIndex}']").ClickAsync();

        var feedback = Page.Locator(".message.bot.private[data-kind=quizFeedback]").Last;
        await Assertions.Expect(feedback).ToContainTextAsync("Correct");

        // An hour later by the app's clock, the quiz message itself turns into the answer: no second post, its
        // buttons disabled, the right one marked, how many chose each.
        Assert.Empty(await Page.Locator(".message.channel[data-kind=quizReveal]").AllAsync());
        _time.Advance(TimeSpan.FromHours(1));
        var reveal = Page.Locator($".message.channel[data-message-id='{messageId}']");
        await Assertions.Expect(reveal).ToHaveAttributeAsync("data-kind", "quizReveal", new() { Timeout = 30_000 });
        await Assertions.Expect(Page.Locator(".message.channel")).ToHaveCountAsync(1);
        await Assertions.Expect(reveal).ToContainTextAsync($"Answer: {"ABCD"[question.AnswerIndex]}. {question.Answer}");
        await Assertions.Expect(reveal).ToContainTextAsync("1 answered, 100% correct");
        var buttons = reveal.Locator(".buttons button");
        await Assertions.Expect(buttons).ToHaveCountAsync(question.Choices.Count);
        foreach (var button in await buttons.AllAsync())
        {
            await Assertions.Expect(button).ToBeDisabledAsync();
        }

        var right = reveal.Locator($"button[data-action='quiz:1:{question.AnswerIndex}']");
        await Assertions.Expect(right).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("success"));
        await Assertions.Expect(right).ToContainTextAsync("✓");
        await Assertions.Expect(right).ToContainTextAsync("· 1");
        var wrong = reveal.Locator($"button[data-action='quiz:1:{(question.AnswerIndex + 1) % question.Choices.Count}']");
        await Assertions.Expect(wrong).ToContainTextAsync("· 0");
        var citation = reveal.Locator("details.citation");
        await Assertions.Expect(citation.Locator("summary")).ToContainTextAsync($"{question.Citation.File} › {question.Citation.Section}");
        Assert.Equal(question.Citation.LineStart.ToString(System.Globalization.CultureInfo.InvariantCulture), await citation.GetAttributeAsync("data-line-start"));

        await SendAsync("leaderboard");
        var board = Page.Locator(".message.bot[data-kind=leaderboard]").Last;
        await Assertions.Expect(board).ToContainTextAsync("1 point");
        await Assertions.Expect(board).ToContainTextAsync("This month");
    }

    [Fact]
    public async Task Page_QuizMe_PrivateQuestionAnsweredWithAButtonAndGradedPrivately()
    {
        await SendAsync("quiz me");

        var asked = Page.Locator(".message.bot.private[data-kind=quiz]");
        await Assertions.Expect(asked).ToContainTextAsync("Nothing is due for you: a new question.");
        await Assertions.Expect(Page.Locator(".message.channel")).ToHaveCountAsync(0);
        var buttons = asked.Locator(".buttons button");
        await Assertions.Expect(buttons.First).ToHaveAttributeAsync("data-action", new System.Text.RegularExpressions.Regex("^quiz:me:[0-9a-f]{16}:0$"));
        await buttons.First.ClickAsync();

        var graded = Page.Locator(".message.bot.private[data-kind=quizFeedback]").Last;
        await Assertions.Expect(graded).ToContainTextAsync(new System.Text.RegularExpressions.Regex("(Correct|Not quite).*You will get it again in 1 day"));
        await Assertions.Expect(graded.Locator("details.citation")).ToHaveCountAsync(1);
        foreach (var button in await buttons.AllAsync())
        {
            await Assertions.Expect(button).ToBeDisabledAsync();
        }
    }

    private async Task SendAsync(string text)
    {
        await Page.FillAsync("#question", text);
        await Page.PressAsync("#question", "Enter");
    }
}
