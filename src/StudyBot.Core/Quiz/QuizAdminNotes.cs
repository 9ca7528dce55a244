using System.Globalization;
using System.Text;
using StudyBot.Core.Chat;

namespace StudyBot.Core.Quiz;

/// <summary>The entries of <c>*.quiz.md</c> files that the bank skipped, with file, line and reason, for the admin's
/// <c>reload</c> and <c>stats</c> replies (before, they were only logged and <c>reload</c> said "No changes.").</summary>
internal sealed class QuizAdminNotes(QuestionBank bank) : IAdminNotes
{
    /// <summary>More than this many are summarised: a reply is not a log.</summary>
    private const int MaxListed = 20;

    public string? Notes()
    {
        var issues = bank.Issues;
        if (issues.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Quiz files:** {issues.Count} {(issues.Count == 1 ? "entry" : "entries")} skipped\n");
        foreach (var issue in issues.Take(MaxListed))
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{issue.File}` line {issue.Line}: {issue.Reason}\n");
        }

        if (issues.Count > MaxListed)
        {
            text.Append(CultureInfo.InvariantCulture, $"- … and {issues.Count - MaxListed} more\n");
        }

        return text.ToString().TrimEnd();
    }
}
