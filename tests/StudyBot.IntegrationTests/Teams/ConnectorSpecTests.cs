using System.Text.Json.Nodes;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>The swagger check the fake connector applies can tell a valid body from an invalid one.</summary>
public class ConnectorSpecTests
{
    [Fact]
    public async Task ValidateAsync_RecordedBotReply_IsValidActivity()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "specs", "samples", "teams-connector-reply-recorded.json");
        var body = JsonNode.Parse(File.ReadAllText(path))!["body"]!;

        Assert.Empty(await ConnectorSpec.ValidateAsync("Activity", body));
    }

    [Fact]
    public async Task ValidateAsync_StringAttachmentContentAndUnknownTextFormat_AreReported()
    {
        // What Teams itself sends (text/html attachment with string content) is not what the spec lets a bot send.
        var body = new JsonObject
        {
            ["type"] = "message",
            ["textFormat"] = "html",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = "<div>hi</div>" }),
        };

        var errors = await ConnectorSpec.ValidateAsync("Activity", body);

        Assert.True(errors.Count >= 2, string.Join("; ", errors));
    }

    [Fact]
    public async Task ValidateAsync_ConversationParametersWithWrongTypes_AreReported()
    {
        var body = new JsonObject { ["isGroup"] = "yes", ["members"] = new JsonObject() };

        Assert.NotEmpty(await ConnectorSpec.ValidateAsync("ConversationParameters", body));
    }
}
