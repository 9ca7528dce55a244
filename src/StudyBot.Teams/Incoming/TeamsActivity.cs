using System.Text.Json;

namespace StudyBot.Teams.Incoming;

/// <summary>An account in an activity (user or bot).</summary>
internal sealed record TeamsAccount(string Id, string? Name, string? AadObjectId);

/// <summary>
/// The parts of an incoming Bot Framework activity the bot uses (<c>Name</c>: what an <c>invoke</c> asks for, such as
/// <c>composeExtension/query</c>), read leniently: unknown fields are ignored and
/// fields of an unexpected type are treated as missing (real Teams traffic is looser than the connector spec).
/// </summary>
internal sealed record TeamsActivity(
    string Type,
    string? Id,
    string? Text,
    string ServiceUrl,
    string? ChannelId,
    TeamsAccount? From,
    TeamsAccount? Recipient,
    string? ConversationId,
    string? ConversationType,
    string? TenantId,
    string? TeamId,
    string? TeamName,
    string? TeamsChannelId,
    string? TeamsChannelName,
    string? EventType,
    string? Action,
    IReadOnlyList<string> MentionTexts,
    bool MentionsRecipient,
    JsonElement? Value,
    IReadOnlyList<string> MembersAdded,
    IReadOnlyList<string> MembersRemoved,
    string? Name = null)
{
    /// <summary>Reads an activity; null when it lacks a type or a serviceUrl.</summary>
    public static TeamsActivity? Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = Str(root, "type");
        var serviceUrl = Str(root, "serviceUrl");
        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(serviceUrl))
        {
            return null;
        }

        var recipient = Account(root, "recipient");
        var conversation = Obj(root, "conversation");
        var channelData = Obj(root, "channelData");
        var team = channelData is { } cd ? Obj(cd, "team") : null;
        var channel = channelData is { } cd2 ? Obj(cd2, "channel") : null;
        var tenant = channelData is { } cd3 ? Obj(cd3, "tenant") : null;

        var mentionTexts = new List<string>();
        var mentionsRecipient = false;
        if (root.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array)
        {
            foreach (var entity in entities.EnumerateArray())
            {
                if (entity.ValueKind != JsonValueKind.Object || Str(entity, "type") != "mention")
                {
                    continue;
                }

                var mentioned = Account(entity, "mentioned");
                if (recipient is not null && mentioned?.Id == recipient.Id)
                {
                    mentionsRecipient = true;
                    if (Str(entity, "text") is { Length: > 0 } text)
                    {
                        mentionTexts.Add(text);
                    }
                }
            }
        }

        JsonElement? value = root.TryGetProperty("value", out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? v.Clone()
            : null;

        return new TeamsActivity(
            type,
            Str(root, "id"),
            Str(root, "text"),
            serviceUrl,
            Str(root, "channelId"),
            Account(root, "from"),
            recipient,
            conversation is { } c ? Str(c, "id") : null,
            conversation is { } c2 ? Str(c2, "conversationType") : null,
            (tenant is { } t ? Str(t, "id") : null) ?? (conversation is { } c3 ? Str(c3, "tenantId") : null),
            team is { } tm ? Str(tm, "id") : null,
            team is { } tm2 ? Str(tm2, "name") : null,
            channel is { } ch ? Str(ch, "id") : null,
            channel is { } ch2 ? Str(ch2, "name") : null,
            channelData is { } cd4 ? Str(cd4, "eventType") : null,
            Str(root, "action"),
            mentionTexts,
            mentionsRecipient,
            value,
            Members(root, "membersAdded"),
            Members(root, "membersRemoved"),
            Str(root, "name"));
    }

    /// <summary>The id the conversation core knows this place by: the team channel, else the chat.</summary>
    public string? PlaceId => ConversationType == "channel"
        ? TeamsChannelId ?? StripMessageId(ConversationId)
        : ConversationId;

    /// <summary>A channel conversation id names a thread with <c>;messageid=</c>; the channel is the part before it.</summary>
    public static string? StripMessageId(string? conversationId)
    {
        if (conversationId is null)
        {
            return null;
        }

        var i = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return i < 0 ? conversationId : conversationId[..i];
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object ? p : null;

    private static TeamsAccount? Account(JsonElement e, string name) =>
        Obj(e, name) is { } a && Str(a, "id") is { } id ? new TeamsAccount(id, Str(a, "name"), Str(a, "aadObjectId")) : null;

    private static List<string> Members(JsonElement e, string name)
    {
        var ids = new List<string>();
        if (e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var member in list.EnumerateArray())
            {
                if (member.ValueKind == JsonValueKind.Object && Str(member, "id") is { } id)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }
}
