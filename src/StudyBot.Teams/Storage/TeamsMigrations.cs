using StudyBot.Core.Storage;

namespace StudyBot.Teams.Storage;

/// <summary>The Teams schema (versions 400–499): installed teams and their channels, posts made, 1:1 chats.</summary>
internal static class TeamsMigrations
{
    public static IEnumerable<IMigration> All =>
    [
        new SqlMigration(400, "teams_conversations", """
            CREATE TABLE teams_conversations (
                channel_id   TEXT PRIMARY KEY,
                kind         TEXT NOT NULL,
                team_id      TEXT NULL,
                team_name    TEXT NULL,
                channel_name TEXT NULL,
                service_url  TEXT NOT NULL,
                tenant_id    TEXT NULL,
                bot_id       TEXT NULL,
                updated_at   TEXT NOT NULL
            );
            CREATE INDEX ix_teams_conversations_team ON teams_conversations (team_id);
            """),
        new SqlMigration(401, "teams_posts", """
            CREATE TABLE teams_posts (
                channel_id      TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                message_id      TEXT NOT NULL,
                posted_at       TEXT NOT NULL,
                PRIMARY KEY (channel_id, idempotency_key)
            );
            """),
        new SqlMigration(402, "teams_personal_chats", """
            CREATE TABLE teams_personal_chats (
                user_id         TEXT NOT NULL,
                service_url     TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                PRIMARY KEY (user_id, service_url)
            );
            """),
    ];
}
