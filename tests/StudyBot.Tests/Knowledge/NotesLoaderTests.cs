using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

/// <summary>Links, hostile synonym files and pathological notes, on real files in temp folders.</summary>
public sealed class NotesLoaderTests : IDisposable
{
    private const string Secret = "Outside\n\n- the nologin entry for www-data is usr sbin nologin\n";

    private readonly KnowledgeTestData.TempNotes _outside = new(("secret.md", Secret), ("etc/shadow.md", Secret));

    [Fact]
    public async Task LoadAsync_LinkToFileOutsideFolder_NotQuotedAndReportedWithoutItsPath()
    {
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"));
        File.CreateSymbolicLink(Path.Combine(notes.Folder, "passwd.md"), Path.Combine(_outside.Folder, "secret.md"));
        using var kb = Open(notes.Folder);

        await kb.LoadAsync(CancellationToken.None);

        Assert.False(kb.Ask("What is the nologin entry for www-data?").Answered);
        Assert.DoesNotContain(kb.Passages, p => p.Text.Contains("nologin", StringComparison.Ordinal));
        var failure = Assert.Single(kb.Stats.Failures, f => f.File == "passwd.md");
        Assert.Contains("outside the notes folder", failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_outside.Folder, failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_BrokenLink_ReportedWithoutTheServersPaths()
    {
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"));
        File.CreateSymbolicLink(Path.Combine(notes.Folder, "gone.md"), Path.Combine(notes.Folder, "deleted.md"));
        using var kb = Open(notes.Folder);

        await kb.LoadAsync(CancellationToken.None);

        var failure = Assert.Single(kb.Stats.Failures);
        Assert.Equal("gone.md", failure.File);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_LinkToFolderOutside_NotIndexed()
    {
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"));
        Directory.CreateSymbolicLink(Path.Combine(notes.Folder, "x"), Path.Combine(_outside.Folder, "etc"));
        using var kb = Open(notes.Folder);

        await kb.LoadAsync(CancellationToken.None);

        Assert.Equal(["a.md"], kb.Stats.PassagesPerFile.Keys);
        Assert.Contains(kb.Stats.Failures, f => f.File == "x" && f.Reason.Contains("outside", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_LinkBackToTheFolder_ReadsEveryFileOnce()
    {
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"));
        Directory.CreateSymbolicLink(Path.Combine(notes.Folder, "loop"), ".");
        notes.Write("sub/b.md", "Beta\n\n- beta facts here\n");
        File.CreateSymbolicLink(Path.Combine(notes.Folder, "alias.md"), "sub/b.md");
        using var kb = Open(notes.Folder);

        await kb.LoadAsync(CancellationToken.None);

        Assert.Equal(["a.md", "sub/b.md"], kb.Stats.PassagesPerFile.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, kb.Stats.Passages);
        Assert.Empty(kb.Stats.Failures); // was "loop: is a link into a hidden folder" (the root is "." from itself)
    }

    [Fact]
    public async Task LoadAsync_LinkThroughALinkOutside_NotFollowed()
    {
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"));
        Directory.CreateSymbolicLink(Path.Combine(notes.Folder, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(notes.Folder, "b.md"), Path.Combine("up", Path.GetFileName(_outside.Folder), "secret.md"));
        using var kb = Open(notes.Folder);

        await kb.LoadAsync(CancellationToken.None);

        Assert.Equal(["a.md"], kb.Stats.PassagesPerFile.Keys);
        Assert.Contains(kb.Stats.Failures, f => f.File == "b.md");
        Assert.Contains(kb.Stats.Failures, f => f.File == "up");
    }

    [Fact]
    public async Task LoadAsync_MdxPage_IsReadAndAnswers()
    {
        // A Docusaurus site's notes are .mdx pages; they were not read at all.
        using var notes = new KnowledgeTestData.TempNotes(("docs/caching.mdx", "import Tabs from '@theme/Tabs';\n\n# Caching\n\n<Tabs>\n  <TabItem value=\"redis\">\n    Redis persists data with RDB snapshots.\n  </TabItem>\n</Tabs>\n"));
        using var kb = Open(notes.Folder);

        await kb.LoadAsync(CancellationToken.None);

        var answer = kb.Ask("How does Redis persist data?");
        Assert.True(answer.Answered);
        Assert.Equal("docs/caching.mdx", answer.Citations[0].File);
        Assert.InRange(7, answer.Citations[0].LineStart, answer.Citations[0].LineEnd);
        Assert.Contains("RDB snapshots", answer.Citations[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLines_QuizCitationOutsideTheFolder_NotRead()
    {
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- alpha one\n"));
        File.CreateSymbolicLink(Path.Combine(notes.Folder, "passwd.md"), Path.Combine(_outside.Folder, "secret.md"));
        var outside = Path.GetRelativePath(notes.Folder, Path.Combine(_outside.Folder, "secret.md"));

        Assert.NotNull(StudyBot.Core.Quiz.QuestionBank.ReadLines(notes.Folder, "a.md"));
        Assert.Null(StudyBot.Core.Quiz.QuestionBank.ReadLines(notes.Folder, outside));
        Assert.Null(StudyBot.Core.Quiz.QuestionBank.ReadLines(notes.Folder, "passwd.md"));
    }

    [Fact]
    public async Task LoadAsync_SynonymLineWithHugeToken_SkipsTheLineReportsItAndLoads()
    {
        using var notes = new KnowledgeTestData.TempNotes(
            ("a.md", "Alpha\n\n- the alpha service encrypts everything\n"),
            ("synonyms.txt", "abc, alpha beta\n" + new string('x', 40_000) + ", y\n"));
        using var kb = Open(notes.Folder);

        var report = await kb.LoadAsync(CancellationToken.None);

        Assert.True(report.Succeeded, report.Error);
        var failure = Assert.Single(kb.Stats.Failures);
        Assert.Equal("synonyms.txt", failure.File);
        Assert.Contains("line 2", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, kb.Stats.Files);
    }

    [Fact]
    public async Task LoadAsync_FileOverPassagesPerFile_SkippedWithReasonOthersLoaded()
    {
        var table = new StringBuilder("Table\n\n| key | value |\n|---|---|\n");
        for (var i = 0; i < 500; i++)
        {
            table.Append("| k").Append(i).Append(" | v").Append(i).Append(" |\n");
        }

        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"), ("table.md", table.ToString()));

        await AssertOnlyFirstFileLoadedAsync(notes, o => o.MaxPassagesPerFile = 100, "Knowledge:MaxPassagesPerFile", "table.md");
    }

    [Fact]
    public async Task LoadAsync_FileOverLinesPerFile_SkippedBeforeParsing()
    {
        var headings = string.Concat(Enumerable.Range(0, 1000).Select(i => $"# heading {i}\n"));
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"), ("headings.md", headings));

        await AssertOnlyFirstFileLoadedAsync(notes, o => o.MaxLinesPerFile = 500, "Knowledge:MaxLinesPerFile", "headings.md");
    }

    [Fact]
    public async Task LoadAsync_TotalPassagesReached_LaterFilesSkipped()
    {
        using var notes = new KnowledgeTestData.TempNotes(
            ("a.md", "Alpha\n\n- alpha one\n- alpha two\n"),
            ("b.md", "Beta\n\n- beta one\n- beta two\n"));

        await AssertOnlyFirstFileLoadedAsync(notes, o => o.MaxPassages = 2, "Knowledge:MaxPassages", "b.md");
    }

    [Fact]
    public async Task LoadAsync_TimeBudgetSpent_RemainingFilesSkippedWithReason()
    {
        using var notes = new KnowledgeTestData.TempNotes(
            ("a.md", "Alpha\n\n- alpha one\n"),
            ("b.md", "Beta\n\n- beta one\n"),
            ("c.md", "Gamma\n\n- gamma one\n"));
        // Every reading of the clock moves it 40 s: the budget of 60 s is spent after the first file.
        var time = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(40) };

        await AssertOnlyFirstFileLoadedAsync(notes, o => o.ReloadTimeBudgetSeconds = 60, "Knowledge:ReloadTimeBudgetSeconds", "b.md", "c.md", time);
    }

    public void Dispose() => _outside.Dispose();

    /// <summary>Loads the notes with a limit set; only a.md is indexed and the others are skipped naming the setting.</summary>
    private static async Task AssertOnlyFirstFileLoadedAsync(
        KnowledgeTestData.TempNotes notes, Action<KnowledgeOptions> limit, string setting, string skipped, string? alsoSkipped = null, TimeProvider? time = null)
    {
        using var kb = Open(notes.Folder, limit, time);

        await kb.LoadAsync(CancellationToken.None);

        Assert.Equal(["a.md"], kb.Stats.PassagesPerFile.Keys);
        string[] expected = alsoSkipped is null ? [skipped] : [skipped, alsoSkipped];
        Assert.Equal(expected, kb.Stats.Failures.Where(f => f.Reason.Contains(setting, StringComparison.Ordinal)).Select(f => f.File));
    }

    private static KnowledgeBase Open(string folder, Action<KnowledgeOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new KnowledgeOptions { Path = folder };
        configure?.Invoke(options);
        return new KnowledgeBase(Options.Create(options), time ?? new FakeTimeProvider());
    }
}
