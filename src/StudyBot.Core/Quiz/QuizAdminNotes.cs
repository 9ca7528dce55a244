using System.Globalization;
using System.Text;
using StudyBot.Core.Chat;

namespace StudyBot.Core.Quiz;

/// <summary>For the admin's <c>reload</c> and <c>stats</c> replies: how many questions the notes give the quiz, and the
/// entries of <c>*.quiz.md</c> files that the bank skipped or read otherwise than meant, with file, line and reason
/// (before, they were only logged and <c>reload</c> said "No changes.").</summary>
internal sealed class QuizAdminNotes(QuestionBank bank) : IAdminNotes
{
    /// <summary>More than this many are summarised: a reply is not a log.</summary>
    private const int MaxListed = 20;

    /// <summary>More quiz files than this are counted, not named.</summary>
    private const int MaxFilesNamed = 3;

    public string? Notes()
    {
        // What the notes now give the quiz, so that an admin who edits them sees the bank grow or shrink (small notes
        // give a few questions; a *.quiz.md file adds the team's own).
        var supply = new QuizSupply(bank.Questions.Count, bank.Questions.Count(q => q.Kind == QuizQuestionKind.Team), bank.Reserve.Count, 0);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Quiz:** {supply.Describe()}");
        if (bank.TeamFiles.Count > 0)
        {
            // Which quiz files were read: the notes' own report says "No changes to the notes." after a reload that
            // only a quiz file's edit called for, and a teacher read that as "my file was not read".
            var files = bank.TeamFiles;
            text.Append(CultureInfo.InvariantCulture, $" (quiz files: {string.Join(", ", files.Take(MaxFilesNamed).Select(f => $"`{f}`"))}{(files.Count > MaxFilesNamed ? $" and {files.Count - MaxFilesNamed} more" : string.Empty)})");
        }

        text.Append('.');
        if (bank.Replaced > 0)
        {
            // So that a teacher who put an edited `quiz --markdown` file among the notes sees it took effect.
            text.Append(CultureInfo.InvariantCulture, $" The team's quiz files replace {ReloadReportFormatter.Plural(bank.Replaced, "generated question")}, which are not asked.");
        }

        var issues = bank.Issues;
        if (issues.Count == 0)
        {
            return text.ToString();
        }

        text.Append('\n');
        // Skipped entries are not asked; the other lines were read otherwise than the teacher likely meant.
        var skipped = issues.Count(i => i.Skipped);
        var other = issues.Count - skipped;
        var counts = string.Join(", ", new[]
        {
            skipped > 0 ? $"{skipped} {(skipped == 1 ? "entry" : "entries")} skipped" : null,
            other > 0 ? $"{other} {(other == 1 ? "line" : "lines")} to check" : null,
        }.Where(c => c is not null));
        text.Append(CultureInfo.InvariantCulture, $"**Quiz files:** {counts}\n");
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
