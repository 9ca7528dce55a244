using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    [Fact]
    public void Ask_EbsDefaultEncryption_AnswersNoAndCitesLine71()
    {
        using var kb = KnowledgeTestData.Open(KnowledgeTestData.SeedFolder);

        var answer = kb.Ask("Is EBS encrypted by default?");

        Assert.True(answer.Answered);
        Assert.StartsWith("No", answer.Text, StringComparison.Ordinal);
        var top = answer.Citations[0];
        Assert.Equal("aws-devsecops.md", top.File);
        Assert.InRange(71, top.LineStart, top.LineEnd);
    }

    [Fact]
    public async Task LoadAsync_Folder_ReportsStatsWithLoadTimeFromTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
        using var kb = KnowledgeTestData.Open(KnowledgeTestData.SeedFolder, time);

        var report = await kb.LoadAsync(CancellationToken.None);

        Assert.True(report.Succeeded);
        Assert.Equal(1, kb.Stats.Files);
        Assert.Equal(kb.Passages.Count, kb.Stats.Passages);
        Assert.Equal(kb.Passages.Count, kb.Stats.PassagesPerFile["aws-devsecops.md"]);
        Assert.Equal(time.GetUtcNow(), kb.Stats.LoadedAt);
    }

    [Fact]
    public async Task ReloadAsync_FilesAddedChangedRemoved_ReportsTheDiffAndRaisesReloaded()
    {
        using var notes = new KnowledgeTestData.TempNotes(
            ("a.md", "Alpha\n\n- alpha facts here\n"),
            ("b.md", "Beta\n\n- beta facts here\n"));
        using var kb = KnowledgeTestData.Open(notes.Folder);
        await kb.LoadAsync(CancellationToken.None);
        ReloadReport? raised = null;
        kb.Reloaded += (_, r) => raised = r;

        notes.Write("a.md", "Alpha\n\n- alpha facts here\n- a new alpha fact\n");
        notes.Delete("b.md");
        notes.Write("sub/c.markdown", "Gamma\n\n- gamma facts here\n");
        var report = await kb.ReloadAsync(CancellationToken.None);

        Assert.True(report.Succeeded);
        Assert.Equal(["sub/c.markdown"], report.FilesAdded);
        Assert.Equal(["a.md"], report.FilesChanged);
        Assert.Equal(["b.md"], report.FilesRemoved);
        Assert.Equal(2, report.PassagesAdded);
        Assert.Equal(1, report.PassagesRemoved);
        Assert.Same(report, raised);
        Assert.Contains(kb.Passages, p => p.File == "sub/c.markdown");
    }

    [Fact]
    public async Task ReloadAsync_FolderGone_FailsAndKeepsServingTheOldIndex()
    {
        var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"));
        using var kb = KnowledgeTestData.Open(notes.Folder);
        await kb.LoadAsync(CancellationToken.None);
        var raised = false;
        kb.Reloaded += (_, _) => raised = true;

        notes.Dispose();
        var report = await kb.ReloadAsync(CancellationToken.None);

        Assert.False(report.Succeeded);
        Assert.False(string.IsNullOrEmpty(report.Error));
        Assert.False(raised);
        Assert.True(kb.Ask("What does the alpha service encrypt?").Answered);
        Assert.Equal(1, kb.Stats.Files);
    }

    [Fact]
    public async Task ReloadAsync_IndexBuildThrows_FailsSayingWhyAndKeepsServingTheOldIndex()
    {
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"));
        using var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = notes.Folder }), new FakeTimeProvider())
        {
            // b.md fails the way Lucene refuses a document (an immense term).
            IndexingFile = file => _ = file == "b.md"
                ? throw new ArgumentException("Document contains at least one immense term in field=\"body\"")
                : 0,
        };
        await kb.LoadAsync(CancellationToken.None);
        notes.Write("b.md", "Beta\n\n- the beta service logs everything\n");

        var report = await kb.ReloadAsync(CancellationToken.None);

        Assert.False(report.Succeeded);
        Assert.Contains("could not be indexed", report.Error, StringComparison.Ordinal);
        Assert.Contains("immense term", report.Error, StringComparison.Ordinal);
        Assert.Contains("immense term", StudyBot.Core.Chat.ReloadReportFormatter.ToMarkdown(report), StringComparison.Ordinal);
        Assert.True(kb.Ask("What does the alpha service encrypt?").Answered);
        Assert.Equal(1, kb.Stats.Files);
    }

    [Fact]
    public async Task ReloadAsync_PathologicalFileRemoved_OldIndexIsReleased()
    {
        // A table of 5,000 rows: the kind of file that made an index take most of the process's memory. Once a
        // reload replaces that index and no question holds it, nothing may keep it (or its passages) alive.
        var table = "Ports\n\n| port | name |\n|---|---|\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => $"| {i} | service-{i} |\n"));
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"), ("table.md", table));
        using var kb = KnowledgeTestData.Open(notes.Folder);
        await kb.LoadAsync(CancellationToken.None);
        Assert.True(kb.Stats.Passages > 5000);
        var old = WeakReferenceToCurrentIndex(kb);

        notes.Delete("table.md");
        Assert.True((await kb.ReloadAsync(CancellationToken.None)).Succeeded);
        Assert.True(kb.Ask("What does the alpha service encrypt?").Answered);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(old.IsAlive, "the replaced index is still referenced after the reload");
        Assert.True(kb.Stats.Passages < 10);
    }

    /// <summary>Not inlined, so no local of the test method keeps the index alive.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference WeakReferenceToCurrentIndex(KnowledgeBase kb) => new(kb.CurrentIndex ?? throw new InvalidOperationException("not loaded"));

    [Fact]
    public async Task Ask_NoNotesAtStart_SaysNoNotesAreLoadedAndWhereUntilAReloadFindsSome()
    {
        using var notes = new KnowledgeTestData.TempNotes(("picture.png", "not notes"));
        using var kb = KnowledgeTestData.Open(notes.Folder);

        var answer = kb.Ask("What does the alpha service encrypt?");

        Assert.False(answer.Answered);
        Assert.Contains("No notes are loaded", answer.Text, StringComparison.Ordinal);
        Assert.Contains(notes.Folder, answer.Text, StringComparison.Ordinal);
        Assert.Contains(notes.Folder, kb.NotLoadedReason, StringComparison.Ordinal);

        notes.Write("a.md", "Alpha\n\n- the alpha service encrypts everything\n");
        var report = await kb.ReloadAsync(CancellationToken.None);

        Assert.True(report.Succeeded);
        Assert.Null(kb.NotLoadedReason);
        Assert.True(kb.Ask("What does the alpha service encrypt?").Answered);
    }

    [Fact]
    public async Task ReloadAsync_NoReadableNotes_FailsAndKeepsServingTheOldIndex()
    {
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Alpha\n\n- the alpha service encrypts everything\n"));
        using var kb = KnowledgeTestData.Open(notes.Folder);
        await kb.LoadAsync(CancellationToken.None);

        notes.Delete("a.md");
        notes.Write("picture.png", "not notes");
        var report = await kb.ReloadAsync(CancellationToken.None);

        Assert.False(report.Succeeded);
        Assert.Contains("no readable notes", report.Error, StringComparison.Ordinal);
        Assert.True(kb.Ask("What does the alpha service encrypt?").Answered);
    }

    [Fact]
    public async Task LoadAsync_UnreadableFiles_AreFailuresWithReasonsAndTheRestIsIndexed()
    {
        using var notes = new KnowledgeTestData.TempNotes(("good.md", "Good\n\n- readable notes about routers\n"));
        notes.WriteBytes("latin1.md", [0x63, 0x61, 0x66, 0xE9, 0x0A]);
        notes.WriteBytes("binary.txt", [0x61, 0x00, 0x62]);
        notes.Write("huge.md", new string('x', 2048));
        using var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = notes.Folder, MaxFileBytes = 1024 }), new FakeTimeProvider());

        var report = await kb.LoadAsync(CancellationToken.None);

        Assert.True(report.Succeeded);
        Assert.Contains(report.Failures, f => f.File == "latin1.md" && f.Reason.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Contains(report.Failures, f => f.File == "binary.txt" && f.Reason.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(report.Failures, f => f.File == "huge.md" && f.Reason.Contains("limit", StringComparison.Ordinal));
        Assert.Equal(1, kb.Stats.Files);
        Assert.True(kb.Ask("What are the notes about routers?").Answered);
    }

    [Fact]
    public async Task LoadAsync_SynonymsAndQuizFiles_AreNotIndexedAndSynonymsApply()
    {
        using var notes = new KnowledgeTestData.TempNotes(
            ("chips.md", "Chips\n\n- the trusted platform module stores boot measurements\n"),
            ("synonyms.txt", "# team synonyms\ntpm, trusted platform module\n"),
            ("daily.quiz.md", "Q: What stores boot measurements?\n"),
            (".hidden/secret.md", "Secret\n\n- hidden notes\n"));
        using var kb = KnowledgeTestData.Open(notes.Folder);

        await kb.LoadAsync(CancellationToken.None);
        var answer = kb.Ask("What does the TPM store?");

        Assert.All(kb.Passages, p => Assert.Equal("chips.md", p.File));
        Assert.True(answer.Answered);
        Assert.Equal("chips.md", answer.Citations[0].File);
    }

    [Fact]
    public async Task Ask_WhileReloading_NeverThrowsAndAlwaysAnswers()
    {
        using var notes = new KnowledgeTestData.TempNotes(("a.md", "Routers\n\n- routers forward packets between networks\n"));
        using var kb = KnowledgeTestData.Open(notes.Folder);
        await kb.LoadAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var reloads = Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                notes.Write("a.md", $"Routers\n\n- routers forward packets between networks\n- revision {i}\n");
                var report = await kb.ReloadAsync(CancellationToken.None);
                Assert.True(report.Succeeded);
            }
        });
        var askers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var asked = 0;
            while (!reloads.IsCompleted || asked < 50)
            {
                var answer = kb.Ask("What do routers forward?");
                Assert.True(answer.Answered);
                Assert.InRange(3, answer.Citations[0].LineStart, answer.Citations[0].LineEnd);
                asked++;
            }
        })).ToList();

        await Task.WhenAll([reloads, .. askers]);
    }

    [Fact]
    public void AddKnowledge_Configuration_ResolvesOneSharedKnowledgeBase()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Path"] = KnowledgeTestData.SeedFolder })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddKnowledge()
            .BuildServiceProvider(validateScopes: true);

        var kb = provider.GetRequiredService<IKnowledgeBase>();

        Assert.Same(kb, provider.GetRequiredService<IKnowledgeBase>());
        Assert.True(kb.Ask("What is GuardDuty?").Answered);
    }

    [Fact]
    public void AddKnowledge_MissingFolder_FailsValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Path"] = "/no/such/folder/studybot" })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddKnowledge()
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
    }
}
