using System.Text.Json;
using StudyBot.Core.Chat;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Payloads;

namespace StudyBot.Tests.Discord;

public class SlashCommandsTests
{
    private static InteractionData Parse(string json) => JsonSerializer.Deserialize<InteractionData>(json, DiscordJson.Options)!;

    [Fact]
    public void ToText_AskWithQuestion_AskAndQuestion()
    {
        var data = Parse("""{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":"  Is EBS encrypted by default? "}]}""");

        Assert.Equal("/ask Is EBS encrypted by default?", SlashCommands.ToText(data));
    }

    [Fact]
    public void ToText_QuizScheduleOptionsOutOfOrder_DeclaredOrder()
    {
        var data = Parse("""{"name":"quiz","options":[{"name":"schedule","type":1,"options":[{"name":"timezone","type":3,"value":"Europe/Berlin"},{"name":"cron","type":3,"value":"0 9 * * 1-5"}]}]}""");

        Assert.Equal("/quiz schedule 0 9 * * 1-5 Europe/Berlin", SlashCommands.ToText(data));
    }

    [Theory]
    [InlineData("/quiz off", true)]
    [InlineData("/quiz skip", true)]
    [InlineData("/me", true)]
    [InlineData("/reload", true)]
    [InlineData("/gaps", true)]
    [InlineData("/stats", true)]
    [InlineData("/quiz me", true)]
    [InlineData("/quiz status", false)]
    [InlineData("/ask what is me", false)]
    [InlineData("/leaderboard", false)]
    [InlineData("/help", false)]
    public void VisibilityOf_SlashCommandText_PrivateForPersonalAndAdmin(string text, bool expected)
    {
        Assert.Equal(expected, CommandCatalogue.VisibilityOf(text) == Visibility.Private);
    }

    [Theory]
    [InlineData("{\"name\":\"quiz\",\"options\":[{\"name\":\"schedule\",\"type\":1,\"options\":[{\"name\":\"cron\",\"type\":3,\"value\":\"every day\"}]}]}")]
    [InlineData("{\"name\":\"sources\",\"type\":1}")]
    public void ToText_AnyOptions_ReadAsTheCommandNotAQuestion(string json)
    {
        var text = SlashCommands.ToText(Parse(json));

        // Options a member typed that are not the command's syntax still reach the command, which explains its usage.
        Assert.NotNull(CommandLine.Parse(text, CommandCatalogue.All));
    }

    [Fact]
    public void All_Commands_WithinDiscordLimits()
    {
        var slash = SlashCommands.All.Where(c => c.Type == CommandType.ChatInput).ToList();
        Assert.All(slash, c =>
        {
            Assert.Matches("^[a-z0-9_-]{1,32}$", c.Name);
            Assert.InRange(c.Description!.Length, 1, 100);
        });
        Assert.Equal(["ask", "quiz", "leaderboard", "me", "sources", "reload", "stats", "gaps", "help"], slash.Select(c => c.Name));
        var menu = Assert.Single(SlashCommands.All, c => c.Type == CommandType.Message);
        Assert.Equal("Ask StudyBot", menu.Name);
        Assert.Null(menu.Description);
        var quiz = SlashCommands.All.Single(c => c.Name == "quiz").Options!;
        Assert.Equal(["status", "me", "now", "schedule", "skip", "off", "ban"], quiz.Select(o => o.Name));
        Assert.All(quiz, o => Assert.Equal(1, o.Type)); // sub-commands: /quiz now, /quiz schedule cron:… timezone:…
        Assert.Equal(["cron", "timezone"], quiz.Single(o => o.Name == "schedule").Options!.Select(o => o.Name));
        var question = Assert.Single(SlashCommands.All.Single(c => c.Name == "ask").Options!);
        Assert.Equal("question", question.Name);
        Assert.True(question.Required);
    }

    [Fact]
    public void All_AdminCommands_HiddenFromMembersByDefault_OthersNot()
    {
        var hidden = SlashCommands.All.Where(c => c.DefaultMemberPermissions == SlashCommands.AdminPermissions).Select(c => c.Name);

        Assert.Equal(["reload", "stats", "gaps"], hidden);
        Assert.Null(SlashCommands.All.Single(c => c.Name == "quiz").DefaultMemberPermissions); // /quiz status is for everyone
    }

    [Fact]
    public void All_AskHelpSourcesAndMessageCommand_AlsoInDms_RestGuildOnly()
    {
        var inDms = SlashCommands.All.Where(c => c.Contexts!.Contains(CommandContext.BotDm)).Select(c => c.Name);

        Assert.Equal(["ask", "sources", "help", "Ask StudyBot"], inDms);
        Assert.All(SlashCommands.All, c => Assert.Equal([CommandContext.Guild], c.Contexts!.Take(1)));
        Assert.All(SlashCommands.All, c => Assert.Equal([IntegrationType.GuildInstall], c.IntegrationTypes!));
    }

    [Fact]
    public void ToText_MessageCommandOnAMessage_AsksItsText()
    {
        var data = Parse("""{"name":"Ask StudyBot","type":3,"target_id":"11","resolved":{"messages":{"11":{"id":"11","channel_id":"5","content":"  Is EBS encrypted by default?\n"}}}}""");

        Assert.Equal("/ask Is EBS encrypted by default?", SlashCommands.ToText(data));
    }

    [Fact]
    public void FocusedText_AutocompleteOnQuestion_TheTypedText()
    {
        var data = Parse("""{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":"ebs enc","focused":true}]}""");

        Assert.Equal("ebs enc", SlashCommands.FocusedText(data));
        Assert.Null(SlashCommands.FocusedText(Parse("""{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":"x"}]}""")));
    }
}
