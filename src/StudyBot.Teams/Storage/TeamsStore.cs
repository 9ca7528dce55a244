using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Teams.Storage;

/// <summary>Where the bot can post: a team channel, or a personal or group chat.</summary>
/// <param name="ChannelId">The id used as <c>IncomingMessage.ChannelId</c>: the Teams channel id, or the chat's conversation id.</param>
/// <param name="Kind"><c>channel</c>, <c>personal</c> or <c>groupChat</c>.</param>
internal sealed record TeamsConversation(
    string ChannelId,
    string Kind,
    string? TeamId,
    string? TeamName,
    string? ChannelName,
    string ServiceUrl,
    string? TenantId,
    string? BotId);

/// <summary>Teams state in the database: installed teams and their channels, and posts already made (by idempotency key).</summary>
internal sealed class TeamsStore(Database database, TimeProvider time)
{
    /// <summary>Adds or refreshes a conversation; names already known are kept when the new ones are missing.</summary>
    public async Task UpsertAsync(TeamsConversation conversation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO teams_conversations (channel_id, kind, team_id, team_name, channel_name, service_url, tenant_id, bot_id, updated_at)
            VALUES (@ChannelId, @Kind, @TeamId, @TeamName, @ChannelName, @ServiceUrl, @TenantId, @BotId, @Now)
            ON CONFLICT (channel_id) DO UPDATE SET
                kind = excluded.kind,
                team_id = COALESCE(excluded.team_id, teams_conversations.team_id),
                team_name = COALESCE(excluded.team_name, teams_conversations.team_name),
                channel_name = COALESCE(excluded.channel_name, teams_conversations.channel_name),
                service_url = excluded.service_url,
                tenant_id = COALESCE(excluded.tenant_id, teams_conversations.tenant_id),
                bot_id = COALESCE(excluded.bot_id, teams_conversations.bot_id),
                updated_at = excluded.updated_at;
            """,
            new
            {
                conversation.ChannelId,
                conversation.Kind,
                conversation.TeamId,
                conversation.TeamName,
                conversation.ChannelName,
                conversation.ServiceUrl,
                conversation.TenantId,
                conversation.BotId,
                Now = time.GetUtcNow().ToString("O"),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<TeamsConversation?> FindAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<TeamsConversation>(new CommandDefinition("""
            SELECT channel_id AS ChannelId, kind AS Kind, team_id AS TeamId, team_name AS TeamName, channel_name AS ChannelName,
                   service_url AS ServiceUrl, tenant_id AS TenantId, bot_id AS BotId
            FROM teams_conversations WHERE channel_id = @channelId;
            """, new { channelId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The channels known for a team.</summary>
    public async Task<IReadOnlyList<TeamsConversation>> ListTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TeamsConversation>(new CommandDefinition("""
            SELECT channel_id AS ChannelId, kind AS Kind, team_id AS TeamId, team_name AS TeamName, channel_name AS ChannelName,
                   service_url AS ServiceUrl, tenant_id AS TenantId, bot_id AS BotId
            FROM teams_conversations WHERE team_id = @teamId ORDER BY channel_id;
            """, new { teamId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToList();
    }

    /// <summary>Forgets every channel of a team and returns their ids.</summary>
    public async Task<IReadOnlyList<string>> RemoveTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "DELETE FROM teams_conversations WHERE team_id = @teamId OR channel_id = @teamId RETURNING channel_id;",
            new { teamId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ids.ToList();
    }

    /// <summary>Forgets one channel.</summary>
    public async Task RemoveAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM teams_conversations WHERE channel_id = @channelId;", new { channelId }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }

    /// <summary>The 1:1 chat with a user opened earlier, if any.</summary>
    public async Task<string?> FindPersonalChatAsync(string userId, string serviceUrl, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT conversation_id FROM teams_personal_chats WHERE user_id = @userId AND service_url = @serviceUrl;",
            new { userId, serviceUrl }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task RecordPersonalChatAsync(string userId, string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO teams_personal_chats (user_id, service_url, conversation_id, created_at) VALUES (@userId, @serviceUrl, @conversationId, @Now)
            ON CONFLICT (user_id, service_url) DO UPDATE SET conversation_id = excluded.conversation_id;
            """,
            new { userId, serviceUrl, conversationId, Now = time.GetUtcNow().ToString("O") },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The message id of a post already made with this key in this channel, if any.</summary>
    public async Task<string?> FindPostAsync(string channelId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT message_id FROM teams_posts WHERE channel_id = @channelId AND idempotency_key = @idempotencyKey;",
            new { channelId, idempotencyKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task RecordPostAsync(string channelId, string idempotencyKey, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO teams_posts (channel_id, idempotency_key, message_id, posted_at) VALUES (@channelId, @idempotencyKey, @messageId, @Now)
            ON CONFLICT (channel_id, idempotency_key) DO NOTHING;
            """,
            new { channelId, idempotencyKey, messageId, Now = time.GetUtcNow().ToString("O") },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
