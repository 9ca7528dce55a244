using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Discord.Rendering;
using StudyBot.Teams.Cards;

namespace StudyBot.Tests.Chat;

/// <summary>Answers people can act on: small talk, suggested sections, links to the source, on every renderer.</summary>
public sealed class ActionableAnswersTests
{
    private const string LinkBase = "https://github.com/org/notes/blob/main/{file}#L{start}-L{end}";

    [Theory]
    [InlineData("hi")]
    [InlineData("Hello!")]
    [InlineData("hey there")]
    [InlineData("good morning 👋")]
    [InlineData("thanks")]
    [InlineData("Thank you so much!")]
    [InlineData("thx")]
    public async Task HandleAsync_GreetingOrThanks_FriendlyReplyWithoutSearchOrGap(string text)
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync(text);

        Assert.Equal(ReplyKind.Text, reply.Kind);
        Assert.DoesNotContain("cover", reply.Markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, chat.Knowledge.AskedCount);
        await chat.Questions.FlushAsync(CancellationToken.None);
        Assert.Empty(await chat.Questions.GetGapsAsync(10, CancellationToken.None));
    }

    [Theory]
    [InlineData("hi, is EBS encrypted by default?")]
    [InlineData("thanks for the KMS answer, what about S3?")]
    public async Task HandleAsync_QuestionOpeningWithAGreeting_IsAsked(string text)
    {
        await using var chat = new ChatFixture();

        await chat.SendAsync(text);

        Assert.Equal(1, chat.Knowledge.AskedCount);
    }

    [Fact]
    public async Task HandleAsync_Declined_OffersTheRelatedSectionsAsButtonsThatAskAboutThem()
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync("How do buckets work?");

        Assert.Equal(ReplyKind.Declined, reply.Kind);
        var button = Assert.Single(reply.ButtonList);
        Assert.Equal("S3", button.Label);
        Assert.True(button.ActionId.Length <= DiscordRenderer.MaxCustomId);

        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        var pressed = await PressAsync(chat, button.ActionId);

        Assert.Equal(ReplyKind.Answer, pressed.Kind);
        Assert.Equal("S3", chat.Knowledge.Questions[^1]);
    }

    [Fact]
    public async Task HandleAsync_MisspeltQuestionDeclined_DidYouMeanTheCorrectedQuestionFirst()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = q => FakeKnowledgeBase.Decline(q) with { Corrected = "Is EBS encrypted by default?" };

        var reply = await chat.SendAsync("Is EBS encrpyted by default?");

        Assert.Equal(["Did you mean: Is EBS encrypted by default?", "S3"], reply.ButtonList.Select(b => b.Label));
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        var pressed = await PressAsync(chat, reply.ButtonList[0].ActionId);
        Assert.Equal(ReplyKind.Answer, pressed.Kind);
        Assert.Equal("Is EBS encrypted by default?", chat.Knowledge.Questions[^1]);
    }

    [Fact]
    public async Task HandleAsync_MisspeltQuestionAnswered_SaysHowItWasRead()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = q => FakeKnowledgeBase.Yes(q) with { Corrected = "Is EBS encrypted by default?" };

        var reply = await chat.SendAsync("Is EBS encrpyted by default?");

        Assert.StartsWith("*Reading that as: Is EBS encrypted by default?*", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ThumbsDownOnAnAnswer_LandsInGapsUntilMarkedDone()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        var answer = await chat.SendAsync("Is EBS encrypted by default?");
        Assert.Equal(["👍 Helpful", "👎 Wrong"], answer.ButtonList.Select(b => b.Label));
        Assert.All(answer.ButtonList, b => Assert.True(b.ActionId.Length <= DiscordRenderer.MaxCustomId));

        var thanks = await PressAsync(chat, answer.ButtonList[1].ActionId);
        Assert.True(thanks.Private);
        Assert.Contains("gaps", thanks.Markdown, StringComparison.Ordinal);
        chat.Knowledge.Responder = FakeKnowledgeBase.Decline;
        await chat.SendAsync("Who wrote Hamlet?");

        var gaps = await chat.SendAsync("gaps", admin: true);
        Assert.Contains("\"is ebs encrypted by default\" — answer marked wrong once", gaps.Markdown, StringComparison.Ordinal);
        Assert.Contains("\"who wrote hamlet\" — asked once", gaps.Markdown, StringComparison.Ordinal);

        var done = await chat.SendAsync("gaps done 1", admin: true);
        Assert.Contains("Marked done", done.Markdown, StringComparison.Ordinal);
        var after = await chat.SendAsync("gaps", admin: true);
        Assert.Single(after.Markdown.Split('\n'), l => l.StartsWith("1. ", StringComparison.Ordinal));

        // Marked wrong again later: back on the list.
        chat.Time.Advance(TimeSpan.FromMinutes(1));
        await PressAsync(chat, answer.ButtonList[1].ActionId);
        var again = await chat.SendAsync("gaps", admin: true);
        Assert.Contains("\"is ebs encrypted by default\" — answer marked wrong 2 times", again.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ThumbsUp_ThanksAndNoGap()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        var answer = await chat.SendAsync("Is EBS encrypted by default?");

        var thanks = await PressAsync(chat, answer.ButtonList[0].ActionId);

        Assert.Contains("glad", thanks.Markdown, StringComparison.Ordinal);
        Assert.Empty(await chat.Questions.GetGapsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_GapsDoneWithoutSuchEntry_SaysSo()
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync("gaps done 3", admin: true);

        Assert.Contains("no gap number 3", reply.Markdown, StringComparison.Ordinal);
    }

    private static Task<Reply> PressAsync(ChatFixture chat, string actionId) => chat.Conversation.HandleAsync(
        new IncomingMessage(Platforms.Web, "web", "u1", "Ada", "", ActionData: actionId), CancellationToken.None);

    [Fact]
    public async Task HandleAsync_LinkBaseSet_EveryCitationLinksToItsLines()
    {
        var links = new SourceLinks(Options.Create(new KnowledgeOptions { LinkBase = LinkBase }));
        await using var chat = new ChatFixture(links: links);
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;

        var reply = await chat.SendAsync("Is EBS encrypted by default?");

        Assert.Equal("https://github.com/org/notes/blob/main/aws.md#L71-L71", Assert.Single(reply.CitationList).Url);
    }

    [Fact]
    public async Task HandleAsync_NoLinkBase_CitationsHaveNoUrl()
    {
        await using var chat = new ChatFixture(links: new SourceLinks(Options.Create(new KnowledgeOptions())));
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;

        var reply = await chat.SendAsync("Is EBS encrypted by default?");

        Assert.Null(Assert.Single(reply.CitationList).Url);
    }

    [Fact]
    public void WithLink_FileInASubFolderWithSpaces_EscapesEachSegment()
    {
        var links = new SourceLinks(Options.Create(new KnowledgeOptions { LinkBase = LinkBase }));

        var citation = links.WithLink(new Citation("k8s/pod notes.md", "Pods", 3, 9, "x"));

        Assert.Equal("https://github.com/org/notes/blob/main/k8s/pod%20notes.md#L3-L9", citation.Url);
    }

    [Theory]
    [InlineData("https://github.com/org/notes/blob/main/{file}", true)]
    [InlineData("https://github.com/org/notes/blob/main/", false)]
    [InlineData("ftp://host/{file}", false)]
    [InlineData("not a url {file}", false)]
    public void IsValidTemplate_Templates_AcceptsHttpWithFile(string template, bool valid) =>
        Assert.Equal(valid, SourceLinks.IsValidTemplate(template));

    [Fact]
    public void Renderers_CitationWithUrl_EveryPlatformLinksTheSource()
    {
        var url = "https://github.com/org/notes/blob/main/aws.md#L71-L71";
        var citation = new Citation("aws.md", "EBS Encryption", 71, 71, "by default it is **not** encrypted", url);
        var reply = new Reply("No — not by default.", Citations: [citation], Kind: ReplyKind.Answer);

        var discord = DiscordRenderer.Render(reply).Embeds![0].Fields![0];
        Assert.Equal("aws.md › EBS Encryption, line 71", discord.Name);
        Assert.EndsWith($"[Open the source]({url})", discord.Value, StringComparison.Ordinal);

        var teamsText = ReplyRenderer.ToActivity(reply)["text"]!.GetValue<string>();
        Assert.Contains($"[aws.md › EBS Encryption, line 71]({url})", teamsText, StringComparison.Ordinal);
        var teamsCard = ReplyRenderer.ToCard(reply with { Buttons = [new ReplyButton("👍", "x:1")] }).ToJsonString();
        Assert.Contains($"[aws.md › EBS Encryption, line 71]({url})", System.Text.RegularExpressions.Regex.Unescape(teamsCard), StringComparison.Ordinal);
    }

    [Fact]
    public void Renderers_CitationWithoutSection_ReadsFileAndLine()
    {
        var reply = new Reply("From a loose note.", Citations: [new Citation("loose.md", "", 1, 1, "a line")], Kind: ReplyKind.Answer);

        Assert.Equal("loose.md, line 1", DiscordRenderer.Render(reply).Embeds![0].Fields![0].Name);
        Assert.Contains("loose.md, line 1", ReplyRenderer.ToActivity(reply)["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
