using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Teams.Cards;
using StudyBot.Teams.Connector;
using StudyBot.Teams.Storage;

namespace StudyBot.Teams;

/// <summary>
/// Proactive posts to Teams (the daily quiz, its reveal): a new thread in a team channel through
/// <c>POST {serviceUrl}/v3/conversations</c>, or a new message in a personal or group chat. A post that fails throws,
/// so the caller keeps it pending; a post already made with the same idempotency key is not made again.
/// </summary>
internal sealed partial class TeamsChannelPublisher(
    TeamsStore store,
    ConnectorClient connector,
    IOptions<TeamsOptions> options,
    IOptions<QuizOptions> quizOptions,
    ILogger<TeamsChannelPublisher> logger) : IChannelPublisher
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Platform => Platforms.Teams;

    public async Task<string> PostAsync(string channelId, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var earlier = await store.FindPostAsync(channelId, idempotencyKey, cancellationToken).ConfigureAwait(false);
            if (earlier is not null)
            {
                LogAlreadyPosted(logger, idempotencyKey, channelId);
                return earlier;
            }

            var target = await FindTargetAsync(channelId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException(
                    $"Teams channel '{channelId}' is unknown: add the bot to its team, or set its ServiceUrl in Quiz:Channels.");
            var activity = ReplyRenderer.ToActivity(reply);

            if (MessageRef.TryParse(reply.ReplacesMessageId, out var replaced))
            {
                await connector.UpdateAsync(target.ServiceUrl, replaced.ConversationId, replaced.ActivityId, activity, cancellationToken)
                    .ConfigureAwait(false);
                await store.RecordPostAsync(channelId, idempotencyKey, reply.ReplacesMessageId!, cancellationToken).ConfigureAwait(false);
                return reply.ReplacesMessageId!;
            }

            string messageId;
            if (target.Kind == "channel")
            {
                var parameters = new JsonObject
                {
                    ["isGroup"] = true,
                    ["channelData"] = new JsonObject { ["channel"] = new JsonObject { ["id"] = target.ChannelId } },
                    ["activity"] = activity,
                };
                if (target.BotId is not null)
                {
                    parameters["bot"] = new JsonObject { ["id"] = target.BotId };
                }

                if (target.TenantId is not null)
                {
                    parameters["tenantId"] = target.TenantId;
                }

                var created = await connector.CreateConversationAsync(target.ServiceUrl, parameters, cancellationToken).ConfigureAwait(false);
                messageId = new MessageRef(created.ConversationId, created.ActivityId ?? "").ToString();
            }
            else
            {
                var id = await connector.SendToConversationAsync(target.ServiceUrl, target.ChannelId, activity, cancellationToken).ConfigureAwait(false);
                messageId = new MessageRef(target.ChannelId, id).ToString();
            }

            await store.RecordPostAsync(channelId, idempotencyKey, messageId, cancellationToken).ConfigureAwait(false);
            LogPosted(logger, reply.Kind, channelId);
            return messageId;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<TeamsConversation?> FindTargetAsync(string channelId, CancellationToken cancellationToken)
    {
        var known = await store.FindAsync(channelId, cancellationToken).ConfigureAwait(false);
        if (known is not null)
        {
            return known;
        }

        var o = options.Value;
        var configured = quizOptions.Value.Channels.FirstOrDefault(c =>
            c.Platform == Platforms.Teams && c.ChannelId == channelId && !string.IsNullOrWhiteSpace(c.ServiceUrl));
        return configured is null
            ? null
            : new TeamsConversation(channelId, "channel", null, null, null, configured.ServiceUrl!, o.TenantId, $"28:{o.AppId}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams post {Key} to {ChannelId} was already made; not posting it again")]
    private static partial void LogAlreadyPosted(ILogger logger, string key, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted {Kind} to Teams channel {ChannelId}")]
    private static partial void LogPosted(ILogger logger, ReplyKind kind, string channelId);
}

/// <summary>A bot message id as the core sees it: the conversation and the activity, joined by '|'.</summary>
internal readonly record struct MessageRef(string ConversationId, string ActivityId)
{
    public override string ToString() => $"{ConversationId}|{ActivityId}";

    public static bool TryParse(string? value, out MessageRef reference)
    {
        var i = value?.LastIndexOf('|') ?? -1;
        if (value is null || i <= 0 || i == value.Length - 1)
        {
            reference = default;
            return false;
        }

        reference = new MessageRef(value[..i], value[(i + 1)..]);
        return true;
    }
}
