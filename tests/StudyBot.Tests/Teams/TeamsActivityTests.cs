using System.Text.Json;
using StudyBot.Teams.Incoming;

namespace StudyBot.Tests.Teams;

public class TeamsActivityTests
{
    private static TeamsActivity Load(string sample)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "specs", "samples", sample);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return TeamsActivity.Parse(document.RootElement) ?? throw new InvalidOperationException("not parsed");
    }

    [Fact]
    public void Parse_RecordedChannelMessage_ReadsChannelTeamAndMention()
    {
        var activity = Load("teams-message-activity.json");

        Assert.Equal("message", activity.Type);
        Assert.Equal("19:097e6717fd7245bdbeba6baa13840db8@thread.skype", activity.PlaceId);
        Assert.Equal("19:097e6717fd7245bdbeba6baa13840db8@thread.skype", activity.TeamId);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.TenantId);
        Assert.True(activity.MentionsRecipient);
        Assert.Equal("6b703ce3-6d14-4fe6-b90c-dc5f03657ae4", activity.From!.AadObjectId);
    }

    [Fact]
    public void CleanText_RecordedChannelMessage_RemovesTheBotMention()
    {
        var activity = Load("teams-message-activity.json");

        Assert.Equal("1", TeamsActivityHandler.CleanText(activity));
    }

    [Theory]
    [InlineData("<at>StudyBot</at> Is EBS encrypted by default?", "Is EBS encrypted by default?")]
    [InlineData("<at id=\"0\">Study Bot</at>&nbsp;quiz now", "quiz now")]
    [InlineData("What is <b>S3</b> &amp; Glacier?", "What is <b>S3</b> & Glacier?")]
    public void CleanText_MentionAndEntities_AreStripped(string text, string expected)
    {
        var json = JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            serviceUrl = "https://smba.trafficmanager.net/emea/",
            recipient = new { id = "28:bot" },
        });
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, TeamsActivityHandler.CleanText(TeamsActivity.Parse(document.RootElement)!));
    }

    [Fact]
    public void Parse_PersonalMessage_UsesConversationIdAsPlace()
    {
        var activity = Load("teams-message-activity-personal.json");

        Assert.Equal("personal", activity.ConversationType);
        Assert.StartsWith("a:1VF4K2uXl", activity.PlaceId);
        Assert.Equal("file", TeamsActivityHandler.CleanText(activity));
        Assert.False(activity.MentionsRecipient);
    }

    [Fact]
    public void Parse_ChannelCreated_ReadsTheNewChannel()
    {
        var activity = Load("teams-conversation-update-channel-created.json");

        Assert.Equal("channelCreated", activity.EventType);
        Assert.Equal("19:aaa04daa38af4f97a8c85dc57167fa23@thread.skype", activity.TeamsChannelId);
        Assert.Equal("MOO", activity.TeamsChannelName);
    }

    [Fact]
    public void Parse_UnexpectedFieldTypes_AreIgnored()
    {
        using var document = JsonDocument.Parse("""
            {"type":"message","serviceUrl":"https://x/","text":42,"from":"nobody","entities":{"a":1},
             "attachments":[{"contentType":"text/html","content":"<div>hi</div>"}],"somethingNew":{"x":[1]}}
            """);

        var activity = TeamsActivity.Parse(document.RootElement);

        Assert.NotNull(activity);
        Assert.Null(activity.Text);
        Assert.Null(activity.From);
    }

    [Fact]
    public void Parse_NoServiceUrl_ReturnsNull()
    {
        using var document = JsonDocument.Parse("""{"type":"message","text":"hi"}""");

        Assert.Null(TeamsActivity.Parse(document.RootElement));
    }
}
