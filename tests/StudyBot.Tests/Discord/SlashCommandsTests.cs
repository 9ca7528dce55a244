using System.Text.Json;
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

        Assert.Equal("ask Is EBS encrypted by default?", SlashCommands.ToText(data));
    }

    [Fact]
    public void ToText_QuizScheduleOptionsOutOfOrder_DeclaredOrder()
    {
        var data = Parse("""{"name":"quiz","options":[{"name":"schedule","type":1,"options":[{"name":"timezone","type":3,"value":"Europe/Berlin"},{"name":"cron","type":3,"value":"0 9 * * 1-5"}]}]}""");

        Assert.Equal("quiz schedule 0 9 * * 1-5 Europe/Berlin", SlashCommands.ToText(data));
    }

    [Theory]
    [InlineData("quiz off", true)]
    [InlineData("quiz skip", true)]
    [InlineData("me", true)]
    [InlineData("reload", true)]
    [InlineData("gaps", true)]
    [InlineData("stats", true)]
    [InlineData("ask what is me", false)]
    [InlineData("leaderboard", false)]
    [InlineData("help", false)]
    public void IsPrivate_Command_PersonalAndAdminOnly(string text, bool expected)
    {
        Assert.Equal(expected, SlashCommands.IsPrivate(text));
    }

    [Fact]
    public void All_Commands_WithinDiscordLimits()
    {
        Assert.All(SlashCommands.All, c =>
        {
            Assert.Matches("^[a-z0-9_-]{1,32}$", c.Name);
            Assert.InRange(c.Description.Length, 1, 100);
        });
        Assert.Equal(["ask", "quiz", "leaderboard", "me", "sources", "reload", "stats", "gaps", "help"], SlashCommands.All.Select(c => c.Name));
        var quiz = SlashCommands.All.Single(c => c.Name == "quiz").Options!;
        Assert.Equal(["status", "now", "schedule", "skip", "off"], quiz.Select(o => o.Name));
        Assert.All(quiz, o => Assert.Equal(1, o.Type)); // sub-commands: /quiz now, /quiz schedule cron:… timezone:…
        Assert.Equal(["cron", "timezone"], quiz.Single(o => o.Name == "schedule").Options!.Select(o => o.Name));
        var question = Assert.Single(SlashCommands.All.Single(c => c.Name == "ask").Options!);
        Assert.Equal("question", question.Name);
        Assert.True(question.Required);
    }
}
