using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

public class ReloadReportFormatterTests
{
    private static readonly KnowledgeStats Stats = new(3, 120, new Dictionary<string, int>(), [], DateTimeOffset.UnixEpoch);

    [Fact]
    public void ToMarkdown_FailedReload_SaysWhyAndThatOldIndexServes()
    {
        var report = new ReloadReport(false, "the notes folder is empty", [], [], [], 0, 0, [], Stats);

        var text = ReloadReportFormatter.ToMarkdown(report);

        Assert.Contains("Reload failed:** the notes folder is empty", text, StringComparison.Ordinal);
        Assert.Contains("previous index keeps serving: 3 files, 120 passages", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_NothingChanged_SaysNoChanges()
    {
        var text = ReloadReportFormatter.ToMarkdown(new ReloadReport(true, null, [], [], [], 0, 0, [], Stats));

        Assert.Contains("3 files, 120 passages indexed", text, StringComparison.Ordinal);
        Assert.Contains("No changes to the notes.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_Diff_ListsAddedChangedRemovedAndFailedFiles()
    {
        var report = new ReloadReport(true, null, ["a.md", "b.md"], ["c.md"], ["d.md"], 9, 4, [new FileFailure("e.md", "binary file")], Stats);

        var text = ReloadReportFormatter.ToMarkdown(report);

        Assert.Contains("- Added (2): `a.md`, `b.md`", text, StringComparison.Ordinal);
        Assert.Contains("- Changed (1): `c.md`", text, StringComparison.Ordinal);
        Assert.Contains("- Removed (1): `d.md`", text, StringComparison.Ordinal);
        Assert.Contains("- Passages: +9 / −4", text, StringComparison.Ordinal);
        Assert.Contains("  - `e.md`: binary file", text, StringComparison.Ordinal);
    }
}
