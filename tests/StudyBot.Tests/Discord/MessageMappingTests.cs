using System.Text.Json;
using StudyBot.Discord;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Payloads;

namespace StudyBot.Tests.Discord;

public class MessageMappingTests
{
    private const string BotId = "1000";

    private static T Sample<T>(string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "specs", "samples", name)), DiscordJson.Options)!;

    private static DiscordOptions Options => new() { AdminUserIds = ["53908099506183680"], AdminRoleIds = ["290926798626357999"] };

    [Fact]
    public void MessageObjectSample_NoGuild_AnsweredAsDirectMessage()
    {
        var message = Sample<DiscordMessage>("discord-message-object.json");

        var incoming = MentionResponder.ToIncomingMessage(message, BotId, Options);

        Assert.NotNull(incoming);
        Assert.Equal("Supa Hot", incoming.Text);
        Assert.Equal("290926798999357250", incoming.ChannelId);
        Assert.True(incoming.IsAdmin); // the author is in AdminUserIds
    }

    [Fact]
    public void GatewaySample_InGuildWithoutMention_Ignored()
    {
        var frame = Sample<GatewayPayload>("discord-gateway-message-create.json");
        var message = frame.D!.Value.Deserialize<DiscordMessage>(DiscordJson.Options)! with { GuildId = "290926798626357999" };

        Assert.Equal("MESSAGE_CREATE", frame.T);
        Assert.Equal(42, frame.S);
        Assert.Null(MentionResponder.ToIncomingMessage(message, BotId, Options));
    }

    [Fact]
    public void Mention_InGuild_MentionStrippedOtherMentionsKept()
    {
        var message = new DiscordMessage("1", "2", GuildId: "3", Author: new DiscordUser("4", "ann"), Content: $"<@!{BotId}>  ask <@5> about   S3",
            Mentions: [new DiscordUser(BotId), new DiscordUser("5")]);

        var incoming = MentionResponder.ToIncomingMessage(message, BotId, Options)!;

        Assert.Equal("ask <@5> about S3", incoming.Text);
        Assert.True(incoming.MentionedBot);
        Assert.False(incoming.IsAdmin);
    }

    [Fact]
    public void Mention_FromABot_Ignored()
    {
        var message = new DiscordMessage("1", "2", Author: new DiscordUser("9", Bot: true), Content: $"<@{BotId}> hi", Mentions: [new DiscordUser(BotId)]);

        Assert.Null(MentionResponder.ToIncomingMessage(message, BotId, Options));
    }

    [Fact]
    public void ComponentSample_MemberWithAdminRole_ActionDataAndAdmin()
    {
        var interaction = Sample<Interaction>("discord-interaction-message-component.json");

        var incoming = InteractionHandler.ToIncomingMessage(interaction, Options)!;

        Assert.Equal("click_one", incoming.ActionData);
        Assert.True(incoming.IsAdmin);
        Assert.Equal("Mason", incoming.DisplayName);
    }

    [Fact]
    public void CommandSample_Parsed_TextFromNameAndOptions()
    {
        var interaction = Sample<Interaction>("discord-interaction-application-command.json");

        var incoming = InteractionHandler.ToIncomingMessage(interaction, new DiscordOptions())!;

        Assert.Equal("/cardsearch The Gitrog Monster", incoming.Text);
        Assert.False(incoming.IsAdmin);
        Assert.Null(incoming.ActionData);
    }
}
