using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Discord.Rendering;

namespace StudyBot.Tests.Discord;

public class DiscordRendererTests
{
    [Fact]
    public void Render_TwelveButtons_ThreeRowsOfAtMostFive()
    {
        var buttons = Enumerable.Range(0, 12).Select(i => new ReplyButton($"Choice {i}", $"quiz:1:{i}")).ToList();

        var message = DiscordRenderer.Render(new Reply("Pick one", Buttons: buttons));

        Assert.Equal([5, 5, 2], message.Components!.Select(r => r.Components.Count));
        Assert.Equal("quiz:1:11", message.Components![2].Components[1].CustomId);
    }

    [Fact]
    public void Render_LongLabelAndLongActionId_LabelCutTo80AndButtonLeftOut()
    {
        var buttons = new[] { new ReplyButton(new string('x', 120), "ok:1"), new ReplyButton("too long", "a:" + new string('1', 99)) };

        var message = DiscordRenderer.Render(new Reply("text", Buttons: buttons));

        var button = Assert.Single(Assert.Single(message.Components!).Components);
        Assert.Equal(80, button.Label.Length);
        Assert.Equal("ok:1", button.CustomId);
    }

    [Fact]
    public void Render_Citations_FieldsNamedFileSectionLines()
    {
        var reply = new Reply("No.", Citations: [new Citation("aws/ebs.md", "Encryption", 70, 71, "Line one\nLine two")], Kind: ReplyKind.Answer);

        var embed = Assert.Single(DiscordRenderer.Render(reply).Embeds!);

        var field = Assert.Single(embed.Fields!);
        Assert.Equal("aws/ebs.md › Encryption, lines 70–71", field.Name);
        Assert.Equal("> Line one\n> Line two", field.Value);
        Assert.Equal("No.", embed.Description);
    }

    [Fact]
    public void Render_HugeMarkdown_DescriptionWithinEmbedLimit()
    {
        var embed = Assert.Single(DiscordRenderer.Render(new Reply(new string('a', 5000))).Embeds!);

        Assert.Equal(4096, embed.Description!.Length);
    }

    [Fact]
    public void Render_Ephemeral_SetsFlag64Only()
    {
        Assert.Equal(64, DiscordRenderer.Render(new Reply("x"), ephemeral: true).Flags);
        Assert.Null(DiscordRenderer.Render(new Reply("x")).Flags);
    }
}
