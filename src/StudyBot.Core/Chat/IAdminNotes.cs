namespace StudyBot.Core.Chat;

/// <summary>
/// Lines a feature adds to the admin's <c>reload</c> and <c>stats</c> replies, so that problems an admin can fix are
/// shown where the admin looks (the quiz lists the entries of its quiz files that it skipped, with file and line).
/// </summary>
public interface IAdminNotes
{
    /// <summary>Markdown to append, or null when there is nothing to say.</summary>
    string? Notes();
}
