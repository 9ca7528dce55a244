using System.Globalization;
using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Chat;

/// <summary>The admin audit table.</summary>
internal sealed class DatabaseAuditLog(Database database) : IAuditLog
{
    // Every column is capped: whoever writes a row may be anonymous, and the table must not become a disk filler.
    private const int MaxArgumentsLength = 200;
    private const int MaxNameLength = 100;
    private const int MaxOutcomeLength = 300;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO admin_audit (at, platform, user_id, display_name, command, arguments, outcome)
            VALUES (@At, @Platform, @UserId, @DisplayName, @Command, @Arguments, @Outcome);
            """,
            new
            {
                At = entry.At.ToString("O", CultureInfo.InvariantCulture),
                Platform = Cap(entry.Platform, MaxNameLength),
                UserId = Cap(entry.UserId, MaxNameLength),
                DisplayName = Cap(entry.DisplayName, MaxNameLength),
                Command = Cap(entry.Command, MaxNameLength),
                Arguments = Cap(entry.Arguments, MaxArgumentsLength),
                Outcome = Cap(entry.Outcome, MaxOutcomeLength),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            """
            SELECT at AS At, platform AS Platform, user_id AS UserId, display_name AS DisplayName, command AS Command,
                   arguments AS Arguments, outcome AS Outcome
            FROM admin_audit ORDER BY id DESC LIMIT @count;
            """,
            new { count },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new AuditEntry(
            DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            r.Platform, r.UserId, r.DisplayName, r.Command, r.Arguments, r.Outcome)).ToList();
    }

    private static string Cap(string text, int length) => text.Length > length ? text[..length] : text;

    private sealed record AuditRow(string At, string Platform, string UserId, string DisplayName, string Command, string Arguments, string Outcome);
}
