using StudyBot.Core.Storage;

namespace StudyBot.Web;

/// <summary>The web chat schema (version 110, in the chat range): the channel posts the page shows after a restart.</summary>
internal static class WebChatMigrations
{
    public static IEnumerable<IMigration> All =>
    [
        new DialectMigration(110, "web channel posts", d => $"""
            CREATE TABLE web_channel_posts (
                id {d.IdentityKey},
                channel_id TEXT NOT NULL,
                message_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                posted_at TEXT NOT NULL,
                reply_json TEXT NOT NULL,
                UNIQUE (channel_id, idempotency_key)
            );
            """),
    ];
}
