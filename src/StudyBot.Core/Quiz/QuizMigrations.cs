using StudyBot.Core.Storage;

namespace StudyBot.Core.Quiz;

/// <summary>
/// The quiz schema (versions 200–299). Times are UTC ISO-8601 text, sortable as strings, on both providers; flags are
/// integers 0/1. One text for both providers; the dialect spells the identity key and the 8-byte integer and float.
/// </summary>
internal static class QuizMigrations
{
    public static IEnumerable<IMigration> All =>
    [
        new DialectMigration(200, "quiz schema", d => $"""
            CREATE TABLE quiz_channels (
                platform TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                cron TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                enabled INTEGER NOT NULL DEFAULT 1,
                source TEXT NOT NULL,
                anchor_utc TEXT NOT NULL,
                skip_utc TEXT NULL,
                updated_utc TEXT NOT NULL,
                PRIMARY KEY (platform, channel_id));

            CREATE TABLE quiz_posts (
                id {d.IdentityKey},
                platform TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL UNIQUE,
                question_id TEXT NOT NULL,
                question_json TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                local_date TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_utc TEXT NOT NULL,
                message_id TEXT NULL,
                created_utc TEXT NOT NULL,
                posted_utc TEXT NULL,
                reveal_utc TEXT NULL,
                reveal_status TEXT NULL,
                reveal_attempts INTEGER NOT NULL DEFAULT 0,
                reveal_next_utc TEXT NULL,
                revealed_utc TEXT NULL);
            CREATE INDEX ix_quiz_posts_channel ON quiz_posts (platform, channel_id, id);
            CREATE INDEX ix_quiz_posts_status ON quiz_posts (status, reveal_status);

            CREATE TABLE quiz_answers (
                post_id {d.BigInteger} NOT NULL REFERENCES quiz_posts (id),
                platform TEXT NOT NULL,
                user_id TEXT NOT NULL,
                display_name TEXT NOT NULL,
                choice_index INTEGER NOT NULL,
                correct INTEGER NOT NULL,
                points INTEGER NOT NULL,
                answered_utc TEXT NOT NULL,
                local_date TEXT NOT NULL,
                local_month TEXT NOT NULL,
                UNIQUE (post_id, user_id));
            CREATE INDEX ix_quiz_answers_user ON quiz_answers (platform, user_id);
            CREATE INDEX ix_quiz_answers_month ON quiz_answers (platform, local_month);

            CREATE TABLE quiz_question_state (
                platform TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                asked_count INTEGER NOT NULL,
                last_asked_utc TEXT NOT NULL,
                repetitions INTEGER NOT NULL DEFAULT 0,
                ease {d.Double} NOT NULL DEFAULT 2.5,
                interval_days {d.Double} NOT NULL DEFAULT 0,
                due_utc TEXT NULL,
                last_share_correct {d.Double} NULL,
                PRIMARY KEY (platform, channel_id, question_id));
            """),
        new SqlMigration(201, "quiz banned questions", """
            CREATE TABLE quiz_banned (
                question_id TEXT NOT NULL PRIMARY KEY,
                banned_utc TEXT NOT NULL,
                banned_by TEXT NOT NULL);
            """),
        // quiz me: each member's own SM-2 schedule per question. pending = 1 while a question asked by quiz me waits
        // for its answer, so only the first press of its buttons is graded.
        new DialectMigration(202, "quiz member reviews", d => $"""
            CREATE TABLE quiz_member_state (
                platform TEXT NOT NULL,
                user_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                repetitions INTEGER NOT NULL DEFAULT 0,
                ease {d.Double} NOT NULL DEFAULT 2.5,
                interval_days {d.Double} NOT NULL DEFAULT 0,
                due_utc TEXT NULL,
                reviews INTEGER NOT NULL DEFAULT 0,
                pending INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (platform, user_id, question_id));
            CREATE INDEX ix_quiz_member_state_due ON quiz_member_state (platform, user_id, due_utc);
            """),
        // When quiz me last asked the member the question: a fresh question about what they were just asked waits
        // (QuizService.Spread). Null for rows written before it.
        new SqlMigration(203, "quiz member last asked", "ALTER TABLE quiz_member_state ADD COLUMN last_asked_utc TEXT NULL;"),
    ];
}
