using StudyBot.Core.Storage;

namespace StudyBot.Core.Chat;

/// <summary>The chat schema: question counts, knowledge gaps, frequent questions and the admin audit table (versions 100–199), one text for
/// both providers.</summary>
internal static class ChatMigrations
{
    public static IEnumerable<IMigration> All =>
    [
        new SqlMigration(100, "chat question counts and gaps", """
            CREATE TABLE chat_question_days (
                day TEXT NOT NULL,
                platform TEXT NOT NULL,
                asked INTEGER NOT NULL,
                answered INTEGER NOT NULL,
                PRIMARY KEY (day, platform)
            );
            CREATE TABLE chat_gaps (
                normalized TEXT PRIMARY KEY,
                example TEXT NOT NULL,
                times_asked INTEGER NOT NULL,
                first_asked_at TEXT NOT NULL,
                last_asked_at TEXT NOT NULL,
                answered_at TEXT NULL
            );
            CREATE INDEX chat_gaps_times_asked ON chat_gaps (times_asked DESC, last_asked_at DESC);
            """),
        new DialectMigration(101, "admin audit", d => $"""
            CREATE TABLE admin_audit (
                id {d.IdentityKey},
                at TEXT NOT NULL,
                platform TEXT NOT NULL,
                user_id TEXT NOT NULL,
                display_name TEXT NOT NULL,
                command TEXT NOT NULL,
                arguments TEXT NOT NULL,
                outcome TEXT NOT NULL
            );
            """),

        // 👎 on an answer lands beside the declined questions, so admins see wrong answers as well as missing ones;
        // an admin marks an entry done, and it comes back only when it is declined or flagged again after that.
        new SqlMigration(102, "answer feedback and gaps marked done", """
            ALTER TABLE chat_gaps ADD COLUMN wrong_answers INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE chat_gaps ADD COLUMN last_wrong_at TEXT NULL;
            ALTER TABLE chat_gaps ADD COLUMN done_at TEXT NULL;
            """),

        // The questions the notes answered, counted, so /ask's autocomplete can offer what the team asks most.
        new SqlMigration(103, "frequent answered questions", """
            CREATE TABLE chat_frequent (
                normalized TEXT PRIMARY KEY,
                example TEXT NOT NULL,
                times_asked INTEGER NOT NULL,
                last_asked_at TEXT NOT NULL
            );
            CREATE INDEX chat_frequent_times_asked ON chat_frequent (times_asked DESC, last_asked_at DESC);
            """),

        // "What was wrong" after a 👎: kept beside the gap (a few per question, newest first), shown in gaps.
        new DialectMigration(104, "what was wrong with an answer", d => $"""
            CREATE TABLE chat_gap_comments (
                id {d.IdentityKey},
                normalized TEXT NOT NULL,
                comment TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX chat_gap_comments_normalized ON chat_gap_comments (normalized, at DESC);
            """),
    ];
}
