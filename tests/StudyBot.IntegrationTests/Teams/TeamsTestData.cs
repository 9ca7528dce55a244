using System.Text.Json.Nodes;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>The recorded Teams activities in tests/data/specs/samples, pointed at the fake connector.</summary>
public static class TeamsTestData
{
    public static JsonObject Sample(string name, string serviceUrl)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "specs", "samples", name);
        var activity = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        return activity;
    }

    /// <summary>The search message extension's query (an invoke) from the recorded channel message's user and place.</summary>
    public static JsonObject SearchQuery(string serviceUrl, string question) => Invoke(serviceUrl, "composeExtension/query", new JsonObject
    {
        ["commandId"] = "searchNotes",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "question", ["value"] = question }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
    });

    /// <summary>A quiz answer given with the card's Action.Execute (an <c>adaptiveCard/action</c> invoke) in the recorded channel.</summary>
    public static JsonObject Execute(string serviceUrl, JsonObject data, string verb = "quizAnswer", string trigger = "manual") => Invoke(serviceUrl, "adaptiveCard/action", new JsonObject
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
        ["trigger"] = trigger,
    });

    /// <summary>An invoke named <paramref name="name"/> from the recorded channel message's user and place.</summary>
    private static JsonObject Invoke(string serviceUrl, string name, JsonObject value)
    {
        var activity = Sample("teams-message-activity.json", serviceUrl);
        activity.Remove("text");
        activity.Remove("entities");
        activity.Remove("attachments");
        activity["type"] = "invoke";
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    /// <summary>The channel message recorded from Teams, with <paramref name="text"/> after the bot mention.</summary>
    public static JsonObject ChannelMessage(string serviceUrl, string? text = null)
    {
        var activity = Sample("teams-message-activity.json", serviceUrl);
        if (text is not null)
        {
            activity["text"] = $"<at>My Combined</at> {text}\n";
        }

        return activity;
    }

    /// <summary>A channel message that is an Adaptive Card submit with <paramref name="value"/>, replying to a card.</summary>
    public static JsonObject CardSubmit(string serviceUrl, JsonObject value)
    {
        var submit = ChannelMessage(serviceUrl);
        submit.Remove("text");
        submit.Remove("entities");
        submit.Remove("attachments");
        submit["value"] = value;
        submit["replyToId"] = "1571537152000";
        return submit;
    }
}
