using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Dapper;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Web;

/// <summary>One post in a web chat channel feed; <see cref="Id"/> grows with every post or edit.</summary>
/// <param name="MessageId">The message's id; an edit (<see cref="Reply.ReplacesMessageId"/>) keeps the edited message's id.</param>
internal sealed record ChannelPost(long Id, string MessageId, DateTimeOffset PostedAt, Reply Reply);

/// <summary>
/// Proactive posts (the quiz) for the web chat, kept in the database so the page shows them after a restart. The page
/// polls <c>GET /api/channels/{id}/messages?after=N</c>.
/// </summary>
internal sealed class WebChannelPublisher(Database database, TimeProvider time) : IChannelPublisher
{
    private const int MaxPage = 100;
    private readonly ConcurrentDictionary<string, long> _latest = new(StringComparer.Ordinal);

    public string Platform => Platforms.Web;

    public async Task<string> PostAsync(string channelId, Reply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (reply.Private)
        {
            throw new ArgumentException("A private reply cannot be posted to a channel; return it to the user instead.", nameof(reply));
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO web_channel_posts (channel_id, message_id, idempotency_key, posted_at, reply_json)
            VALUES (@channelId, @messageId, @idempotencyKey, @postedAt, @json)
            ON CONFLICT (channel_id, idempotency_key) DO NOTHING;
            """,
            new
            {
                channelId,
                messageId = reply.ReplacesMessageId ?? "web-" + Guid.NewGuid().ToString("N")[..16],
                idempotencyKey,
                postedAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                json = JsonSerializer.Serialize(ReplyDto.From(reply), WebJson.Options),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<(long Id, string MessageId)>(new CommandDefinition(
            "SELECT id, message_id FROM web_channel_posts WHERE channel_id = @channelId AND idempotency_key = @idempotencyKey;",
            new { channelId, idempotencyKey },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted > 0)
        {
            _latest.AddOrUpdate(channelId, row.Id, (_, old) => Math.Max(old, row.Id));
        }

        return row.MessageId;
    }

    /// <summary>The posts after <paramref name="after"/>, oldest first, at most 100.</summary>
    public async Task<IReadOnlyList<ChannelPost>> GetPostsAsync(string channelId, long after, CancellationToken cancellationToken)
    {
        if (_latest.TryGetValue(channelId, out var latest) && after >= latest)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<(long Id, string MessageId, string PostedAt, string Json)>(new CommandDefinition(
            """
            SELECT id, message_id, posted_at, reply_json FROM web_channel_posts
            WHERE channel_id = @channelId AND id > @after ORDER BY id LIMIT @limit;
            """,
            new { channelId, after, limit = MaxPage },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (rows.Count == 0)
        {
            var max = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MAX(id) FROM web_channel_posts WHERE channel_id = @channelId;", new { channelId },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            _latest.AddOrUpdate(channelId, max ?? 0, (_, old) => Math.Max(old, max ?? 0));
        }

        return rows.Select(r => new ChannelPost(
            r.Id,
            r.MessageId,
            DateTimeOffset.Parse(r.PostedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            JsonSerializer.Deserialize<ReplyDto>(r.Json, WebJson.Options)!.ToReply())).ToList();
    }
}
