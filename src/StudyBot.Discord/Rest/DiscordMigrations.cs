using StudyBot.Core.Storage;

namespace StudyBot.Discord.Rest;

/// <summary>The Discord schema (versions 300–399): the quiz posts, pending and sent.</summary>
internal static class DiscordMigrations
{
    public static IEnumerable<IMigration> All =>
    [
        new SqlMigration(300, "discord_posts", """
            CREATE TABLE IF NOT EXISTS discord_posts (
                idempotency_key TEXT PRIMARY KEY,
                channel_id TEXT NOT NULL,
                nonce TEXT NOT NULL,
                message_id TEXT NULL,
                created_at TEXT NOT NULL,
                sent_at TEXT NULL
            );
            """),
    ];
}
