using System.Globalization;
using System.Text;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>Writes a <see cref="ReloadReport"/> as the diff admins read after <c>reload</c>.</summary>
public static class ReloadReportFormatter
{
    public static string ToMarkdown(ReloadReport report)
    {
        var text = new StringBuilder();
        if (!report.Succeeded)
        {
            text.Append(CultureInfo.InvariantCulture, $"**Reload failed:** {report.Error ?? "unknown error"}\n");
            text.Append(CultureInfo.InvariantCulture,
                $"The previous index keeps serving: {Plural(report.Stats.Files, "file")}, {Plural(report.Stats.Passages, "passage")}.\n");
            AppendFailures(text, report.Failures);
            return text.ToString().TrimEnd();
        }

        text.Append(CultureInfo.InvariantCulture,
            $"**Reloaded:** {Plural(report.Stats.Files, "file")}, {Plural(report.Stats.Passages, "passage")} indexed.\n");
        var unchanged = report.FilesAdded.Count + report.FilesChanged.Count + report.FilesRemoved.Count == 0
            && report.PassagesAdded == 0 && report.PassagesRemoved == 0;
        if (unchanged)
        {
            // "to the notes": the quiz files are read on a reload too, and their count follows in the quiz's notes.
            text.Append("No changes to the notes.\n");
        }
        else
        {
            AppendFiles(text, "Added", report.FilesAdded);
            AppendFiles(text, "Changed", report.FilesChanged);
            AppendFiles(text, "Removed", report.FilesRemoved);
            text.Append(CultureInfo.InvariantCulture, $"- Passages: +{report.PassagesAdded} / −{report.PassagesRemoved}\n");
        }

        AppendFailures(text, report.Failures);
        return text.ToString().TrimEnd();
    }

    /// <summary>"1 file", "2 files".</summary>
    public static string Plural(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? "" : "s")}");

    private static void AppendFiles(StringBuilder text, string label, IReadOnlyList<string> files)
    {
        if (files.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {label} ({files.Count}): {string.Join(", ", files.Select(f => $"`{f}`"))}\n");
        }
    }

    private static void AppendFailures(StringBuilder text, IReadOnlyList<FileFailure> failures)
    {
        if (failures.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"- Failed ({failures.Count}), skipped:\n");
        foreach (var failure in failures)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - `{failure.File}`: {failure.Reason}\n");
        }
    }
}
