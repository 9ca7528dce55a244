using System.Text.Json;
using StudyBot.Core.Chat;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Payloads;
using StudyBot.Discord.Rendering;
using StudyBot.Teams.Cards;
using StudyBot.Teams.Incoming;

namespace StudyBot.Tests.Chat;

/// <summary>"What was wrong" after a 👎: asked on every platform, bounded, stored with the gap and shown in gaps.</summary>
public sealed class FeedbackCommentTests
{
    [Fact]
    public async Task HandleAsync_ThumbsDownThenComment_CommentShownInGapsUnderTheEntry()
    {
        await using var chat = new ChatFixture();
        var why = await ThumbsDownAsync(chat);

        var thanks = await PressAsync(chat, why.ActionId, "The notes say it is encrypted since 2024.");

        Assert.True(thanks.Private);
        Assert.Contains("gaps", thanks.Markdown, StringComparison.Ordinal);
        var gaps = await chat.SendAsync("gaps", admin: true);
        var lines = gaps.Markdown.Split('\n');
        var entry = Array.FindIndex(lines, l => l.StartsWith("1. \"is ebs encrypted by default\" — answer marked wrong once", StringComparison.Ordinal));
        Assert.True(entry >= 0, gaps.Markdown);
        Assert.Equal("   - what was wrong: *The notes say it is encrypted since 2024.*", lines[entry + 1]);
    }

    [Fact]
    public async Task HandleAsync_ManyComments_NewestFewKept()
    {
        await using var chat = new ChatFixture();
        var why = await ThumbsDownAsync(chat);

        for (var i = 1; i <= 5; i++)
        {
            chat.Time.Advance(TimeSpan.FromSeconds(1));
            await PressAsync(chat, why.ActionId, $"comment {i}");
        }

        var gaps = await chat.Questions.GetGapsAsync(10, CancellationToken.None);
        Assert.Equal(["comment 5", "comment 4", "comment 3"], Assert.Single(gaps).CommentList);
    }

    [Fact]
    public async Task HandleAsync_CommentTooLong_RefusedClearlyNothingStoredAskedAgain()
    {
        await using var chat = new ChatFixture();
        var why = await ThumbsDownAsync(chat);

        var reply = await PressAsync(chat, why.ActionId, new string('x', 501));

        Assert.Contains("501 characters", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", reply.Markdown, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(reply.ButtonList).Prompt);
        Assert.Empty(Assert.Single(await chat.Questions.GetGapsAsync(10, CancellationToken.None)).CommentList);
    }

    [Fact]
    public async Task HandleAsync_EmptyComment_NothingStoredThumbsDownKept()
    {
        await using var chat = new ChatFixture();
        var why = await ThumbsDownAsync(chat);

        var reply = await PressAsync(chat, why.ActionId, "   ");

        Assert.Contains("already on the **gaps** list", reply.Markdown, StringComparison.Ordinal);
        var gap = Assert.Single(await chat.Questions.GetGapsAsync(10, CancellationToken.None));
        Assert.Equal(1, gap.WrongAnswers);
        Assert.Empty(gap.CommentList);
    }

    [Fact]
    public async Task HandleAsync_CommentOnAGapMarkedDone_BackOnTheList()
    {
        await using var chat = new ChatFixture();
        var why = await ThumbsDownAsync(chat);
        await chat.SendAsync("gaps done 1", admin: true);
        chat.Time.Advance(TimeSpan.FromMinutes(1));

        await PressAsync(chat, why.ActionId, "still wrong");

        Assert.Equal(["still wrong"], Assert.Single(await chat.Questions.GetGapsAsync(10, CancellationToken.None)).CommentList);
    }

    [Fact]
    public void Discord_PromptButtonPressed_ModalWithBoundedTextInputUnderTheSameCustomId()
    {
        var prompt = ButtonPrompts.ForAction("fb:why:is ebs encrypted by default?")!;

        var modal = DiscordRenderer.RenderModal("fb:why:is ebs encrypted by default?", prompt);

        Assert.Equal(9, modal.Type);
        Assert.Equal("fb:why:is ebs encrypted by default?", modal.Data.CustomId);
        Assert.True(modal.Data.Title.Length <= 45);
        var input = Assert.Single(Assert.Single(modal.Data.Components).Components);
        Assert.Equal((4, 2, 500), (input.Type, input.Style, input.MaxLength!.Value));
        Assert.True(input.Label.Length <= 45);
        Assert.Null(ButtonPrompts.ForAction("fb:down:is ebs encrypted by default?"));
    }

    [Theory]
    [InlineData("""{"type":1,"components":[{"type":4,"custom_id":"comment","value":"outdated"}]}""")]
    [InlineData("""{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"comment","value":"outdated"}}""")]
    public void Discord_ModalSubmit_MappedToTheActionWithTheText(string component)
    {
        var interaction = JsonSerializer.Deserialize<Interaction>(
            $$$"""{"id":"1","type":5,"token":"t","channel_id":"c1","user":{"id":"u1","username":"ada"},"data":{"custom_id":"fb:why:q","components":[{{{component}}}]}}""",
            DiscordJson.Options)!;

        var message = InteractionHandler.ToIncomingMessage(interaction, new DiscordOptions())!;

        Assert.Equal(("fb:why:q", "outdated", "u1"), (message.ActionData, message.Text, message.UserId));
    }

    [Fact]
    public void Teams_PromptButton_CardHasABoundedTextInputAndASendAction()
    {
        var reply = new Reply("Thanks.", Private: true, Buttons: [new ReplyButton("✏️ What was wrong?", "fb:why:q", Prompt: ButtonPrompts.ForAction("fb:why:q"))]);

        var card = ReplyRenderer.ToCard(reply);

        var input = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Input.Text")!;
        Assert.Equal(("comment", 500, true), ((string?)input["id"], (int)input["maxLength"]!, (bool)input["isMultiline"]!));
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(("Action.Submit", "Send", "fb:why:q"), ((string?)action["type"], (string?)action["title"], (string?)action["data"]!["action"]));
    }

    [Fact]
    public void Teams_SubmittedCard_TextInputValueIsTheMessageText()
    {
        var value = JsonDocument.Parse("""{"action":"fb:why:q","comment":"outdated"}""").RootElement;

        Assert.Equal(("fb:why:q", "outdated"), (TeamsActivityHandler.ActionData(value), TeamsActivityHandler.PromptText(value)));
        Assert.Equal("", TeamsActivityHandler.PromptText(JsonDocument.Parse("""{"action":"fb:up:q"}""").RootElement));
    }

    private static async Task<ReplyButton> ThumbsDownAsync(ChatFixture chat)
    {
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        var answer = await chat.SendAsync("Is EBS encrypted by default?");
        var reply = await PressAsync(chat, answer.ButtonList[1].ActionId, "");
        var why = Assert.Single(reply.ButtonList);
        Assert.NotNull(why.Prompt);
        Assert.True(why.ActionId.Length <= DiscordRenderer.MaxCustomId);
        return why;
    }

    private static Task<Reply> PressAsync(ChatFixture chat, string actionId, string text) => chat.Conversation.HandleAsync(
        new IncomingMessage(Platforms.Web, "web", "u1", "Ada", text, ActionData: actionId), CancellationToken.None);
}
