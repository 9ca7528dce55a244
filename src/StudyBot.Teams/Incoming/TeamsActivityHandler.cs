using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Teams.Cards;
using StudyBot.Teams.Connector;
using StudyBot.Teams.Storage;

namespace StudyBot.Teams.Incoming;

/// <summary>
/// Handles an activity that passed authentication: messages and card submits go to the conversation core and the
/// reply goes back through the connector; conversationUpdates keep the list of teams and channels the bot is in.
/// </summary>
internal sealed partial class TeamsActivityHandler(
    IConversation conversation,
    ConnectorClient connector,
    TeamsStore store,
    IServiceProvider services,
    IOptions<TeamsOptions> options,
    ILogger<TeamsActivityHandler> logger)
{
    private const int MaxTextLength = 4000;

    public async Task HandleAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case "message":
                await HandleMessageAsync(activity, cancellationToken).ConfigureAwait(false);
                break;
            case "conversationUpdate":
            case "installationUpdate":
                await HandleConversationUpdateAsync(activity, cancellationToken).ConfigureAwait(false);
                break;
            default:
                LogIgnored(logger, activity.Type);
                break;
        }
    }

    /// <summary>The text of a message without the bot's mention, entities decoded, whitespace trimmed.</summary>
    public static string CleanText(TeamsActivity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in activity.MentionTexts)
        {
            text = text.Replace(mention, " ", StringComparison.Ordinal);
        }

        text = AtTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    private async Task HandleMessageAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.From is null || activity.Recipient is null || activity.ConversationId is null || activity.PlaceId is null)
        {
            LogIncomplete(logger);
            return;
        }

        await RememberPlaceAsync(activity, cancellationToken).ConfigureAwait(false);

        var actionData = ActionData(activity.Value);
        var text = actionData is null ? CleanText(activity) : PromptText(activity.Value);
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var o = options.Value;
        var message = new IncomingMessage(
            Platforms.Teams,
            activity.PlaceId,
            activity.From.AadObjectId ?? activity.From.Id,
            activity.From.Name ?? "",
            text,
            MentionedBot: activity.MentionsRecipient || (activity.Text?.Contains("<at>", StringComparison.OrdinalIgnoreCase) ?? false),
            IsAdmin: activity.From.AadObjectId is { } aad && o.AdminAadObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase),
            ActionData: actionData);

        if (actionData is null)
        {
            await SendTypingAsync(activity, cancellationToken).ConfigureAwait(false);
        }

        Reply reply;
        try
        {
            reply = await conversation.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogConversationFailed(logger, ex, activity.PlaceId);
            reply = new Reply("Sorry, something went wrong on my side. Please try again in a moment.", Kind: ReplyKind.Error);
        }

        await SendReplyAsync(activity, reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Teams has no ephemeral messages: a private reply in a channel or group chat goes to the user's 1:1 chat with the
    /// bot, and the channel sees nothing of it, so quiz feedback does not spoil the answer for others.
    /// </summary>
    private async Task SendReplyAsync(TeamsActivity activity, Reply reply, CancellationToken cancellationToken)
    {
        var outgoing = ReplyRenderer.ToActivity(reply);
        var isPersonal = activity.ConversationType == "personal";
        if (reply.Private && !isPersonal)
        {
            if (await TrySendPrivatelyAsync(activity, outgoing, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            // Without a 1:1 chat the feedback stays hidden; the channel only learns that it was sent nowhere.
            outgoing = ReplyRenderer.ToActivity(new Reply(
                $"{activity.From!.Name ?? "You"}, I could not message you privately: open a chat with me to see my reply.",
                Kind: ReplyKind.Error));
        }
        else if (MessageRef.TryParse(reply.ReplacesMessageId, out var replaced))
        {
            try
            {
                await connector.UpdateAsync(activity.ServiceUrl, replaced.ConversationId, replaced.ActivityId, Address(outgoing, activity), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (ConnectorException ex)
            {
                LogUpdateFailed(logger, ex);
            }
        }

        Address(outgoing, activity);
        if (activity.ConversationType == "channel")
        {
            MentionAsker(outgoing, activity.From!);
        }

        if (activity.Id is not null)
        {
            outgoing["replyToId"] = activity.Id;
            await connector.ReplyAsync(activity.ServiceUrl, activity.ConversationId!, activity.Id, outgoing, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await connector.SendToConversationAsync(activity.ServiceUrl, activity.ConversationId!, outgoing, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// "StudyBot is typing…" while the answer is composed. Teams shows it in personal and group chats only, so a channel
    /// gets none; a failure costs only the cue.
    /// </summary>
    private async Task SendTypingAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.ConversationType is not ("personal" or "groupChat"))
        {
            return;
        }

        try
        {
            await connector.SendToConversationAsync(
                activity.ServiceUrl, activity.ConversationId!, Address(new JsonObject { ["type"] = "typing" }, activity), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            LogTypingFailed(logger, ex.Message);
        }
    }

    /// <summary>
    /// In a channel the reply names the asker with an @mention, so they are notified and others see whom it answers:
    /// an <c>&lt;at&gt;</c> tag in the text (above a card) and the mention entity Teams resolves it with.
    /// </summary>
    internal static void MentionAsker(JsonObject outgoing, TeamsAccount asker)
    {
        var name = asker.Name is { Length: > 0 } n ? n : "you";
        var tag = $"<at>{ReplyRenderer.EscapeHtml(name)}</at>";
        outgoing["text"] = outgoing["text"] is JsonValue text ? $"{tag} {text.GetValue<string>()}" : tag;
        outgoing["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = tag,
            ["mentioned"] = new JsonObject { ["id"] = asker.Id, ["name"] = name },
        });
    }

    private async Task<bool> TrySendPrivatelyAsync(TeamsActivity activity, JsonObject outgoing, CancellationToken cancellationToken)
    {
        var user = activity.From!.Id;
        var known = await store.FindPersonalChatAsync(user, activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
        if (known is not null)
        {
            try
            {
                await connector.SendToConversationAsync(activity.ServiceUrl, known, outgoing, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (ConnectorException ex)
            {
                LogStoredChatFailed(logger, ex);
            }
        }

        var parameters = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = activity.Recipient!.Id },
            ["members"] = new JsonArray(new JsonObject { ["id"] = user }),
        };
        if (activity.TenantId is not null)
        {
            parameters["tenantId"] = activity.TenantId;
            parameters["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = activity.TenantId } };
        }

        try
        {
            var chat = await connector.CreateConversationAsync(activity.ServiceUrl, parameters, cancellationToken).ConfigureAwait(false);
            await store.RecordPersonalChatAsync(user, activity.ServiceUrl, chat.ConversationId, cancellationToken).ConfigureAwait(false);
            await connector.SendToConversationAsync(activity.ServiceUrl, chat.ConversationId, outgoing, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException ex)
        {
            LogPrivateChatFailed(logger, ex);
            return false;
        }
    }

    private static JsonObject Address(JsonObject outgoing, TeamsActivity activity)
    {
        outgoing["from"] = Account(activity.Recipient!);
        outgoing["recipient"] = Account(activity.From!);
        outgoing["conversation"] = new JsonObject { ["id"] = activity.ConversationId };
        return outgoing;
    }

    private static JsonObject Account(TeamsAccount account)
    {
        var json = new JsonObject { ["id"] = account.Id };
        if (account.Name is not null)
        {
            json["name"] = account.Name;
        }

        return json;
    }

    /// <summary>The action id of an Action.Submit (<c>{"action":"quiz:42:1"}</c>, or <c>{"choice":"quiz:42:7"}</c> from
    /// a choice drop-down), or null for a typed message.</summary>
    internal static string? ActionData(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return null;
        }

        // A card with more choices than buttons sends the picked choice's action id as value.choice.
        if (!v.TryGetProperty("action", out var action))
        {
            v.TryGetProperty(Cards.ReplyRenderer.ChoiceInputId, out action);
        }

        return action.ValueKind == JsonValueKind.String && action.GetString() is { Length: > 0 and <= 200 } id
            ? id
            : null;
    }

    /// <summary>The text of a card's prompt field sent with its action (<c>value.comment</c>), or empty.</summary>
    internal static string PromptText(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(Cards.ReplyRenderer.PromptInputId, out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString() ?? ""
            : "";

    private async Task RememberPlaceAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var kind = activity.ConversationType switch
        {
            "channel" => "channel",
            "personal" => "personal",
            _ => "groupChat",
        };
        await store.UpsertAsync(new TeamsConversation(
            activity.PlaceId!, kind, activity.TeamId, activity.TeamName, activity.TeamsChannelName,
            activity.ServiceUrl, activity.TenantId, activity.Recipient?.Id), cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleConversationUpdateAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        var botRemoved = botId is not null && activity.MembersRemoved.Contains(botId);
        if (botRemoved || activity.EventType == "teamDeleted" || activity.Action == "remove")
        {
            IReadOnlyList<string> removed;
            if (activity.TeamId is not null)
            {
                removed = await store.RemoveTeamAsync(activity.TeamId, cancellationToken).ConfigureAwait(false);
            }
            else if (activity.PlaceId is not null)
            {
                await store.RemoveAsync(activity.PlaceId, cancellationToken).ConfigureAwait(false);
                removed = [activity.PlaceId];
            }
            else
            {
                removed = [];
            }

            LogRemovedFromTeam(logger, activity.TeamId, removed.Count);
            await ForgetQuizChannelsAsync(removed, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (activity.EventType == "channelDeleted" && activity.TeamsChannelId is { } deleted)
        {
            await store.RemoveAsync(deleted, cancellationToken).ConfigureAwait(false);
            await ForgetQuizChannelsAsync([deleted], cancellationToken).ConfigureAwait(false);
            return;
        }

        if (activity.TeamId is { } teamId)
        {
            // Teams sends a team's conversationUpdates only while the bot is installed there. The General channel has
            // the team's id.
            await store.UpsertAsync(new TeamsConversation(
                teamId, "channel", teamId, activity.TeamName, null, activity.ServiceUrl, activity.TenantId, botId), cancellationToken)
                .ConfigureAwait(false);
            if (activity.TeamsChannelId is { } channelId && channelId != teamId)
            {
                await store.UpsertAsync(new TeamsConversation(
                    channelId, "channel", teamId, activity.TeamName, activity.TeamsChannelName, activity.ServiceUrl, activity.TenantId, botId),
                    cancellationToken).ConfigureAwait(false);
            }

            LogTeamStored(logger, teamId, activity.EventType ?? "update");
            return;
        }

        var botAdded = (botId is not null && activity.MembersAdded.Contains(botId)) || activity.Action == "add";
        if (botAdded && activity.PlaceId is not null)
        {
            await RememberPlaceAsync(activity, cancellationToken).ConfigureAwait(false);
            LogAddedToChat(logger, activity.ConversationType ?? "group");
        }
    }

    private async Task ForgetQuizChannelsAsync(IReadOnlyList<string> channelIds, CancellationToken cancellationToken)
    {
        var registry = services.GetService<IQuizChannelRegistry>();
        if (registry is null)
        {
            return;
        }

        foreach (var id in channelIds)
        {
            await registry.RemoveChannelAsync(Platforms.Teams, id, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No typing indicator in Teams: {Reason}")]
    private static partial void LogTypingFailed(ILogger logger, string reason);

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring Teams activity of type {Type}")]
    private static partial void LogIgnored(ILogger logger, string? type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams message without from, recipient or conversation; ignored")]
    private static partial void LogIncomplete(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The conversation core failed on a Teams message in {ChannelId}")]
    private static partial void LogConversationFailed(ILogger logger, Exception exception, string? channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update Teams message; posting a new one")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The stored 1:1 chat with a Teams user failed; opening it again")]
    private static partial void LogStoredChatFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a 1:1 chat with a Teams user for a private reply")]
    private static partial void LogPrivateChatFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot removed from Teams team {TeamId}; forgot {Count} channel(s)")]
    private static partial void LogRemovedFromTeam(ILogger logger, string? teamId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams team {TeamId} stored ({EventType})")]
    private static partial void LogTeamStored(ILogger logger, string teamId, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot added to a Teams {ConversationType} chat")]
    private static partial void LogAddedToChat(ILogger logger, string conversationType);
}
