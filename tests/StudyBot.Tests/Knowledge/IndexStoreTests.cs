using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

/// <summary>The notes' index on disk (issue 15): a restart parses nothing unchanged, a reload only what changed.</summary>
public sealed class IndexStoreTests : IDisposable
{
    private readonly KnowledgeTestData.TempNotes _notes = new(
        ("a.md", "Alpha\n\n- the alpha service encrypts everything at rest\n"),
        ("b.md", "Beta\n\n- the beta service logs every request\n- beta keeps logs for 30 days\n"));

    private readonly KnowledgeTestData.TempNotes _data = new();

    private string IndexFolder => Path.Combine(_data.Folder, "index");

    [Fact]
    public async Task LoadAsync_IndexOnDiskFromAnEarlierRun_ParsesNoFileAndAnswersTheSame()
    {
        Answer before;
        using (var first = Open())
        {
            await first.LoadAsync(CancellationToken.None);
            before = first.Ask("What does the alpha service encrypt?");
        }

        var parsed = new List<string>();
        using var again = Open(parsed);
        await again.LoadAsync(CancellationToken.None);

        Assert.Empty(parsed);
        Assert.Equal(before, again.Ask("What does the alpha service encrypt?"), AnswerComparer.Instance);
        Assert.Equal(3, again.Stats.Passages);
        Assert.Equal(["a.md", "b.md"], again.Stats.PassagesPerFile.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReloadAsync_OneFileChanged_ParsesOnlyThatFileAndAnswersFromItsNewText()
    {
        var parsed = new List<string>();
        using var kb = Open(parsed);
        await kb.LoadAsync(CancellationToken.None);
        parsed.Clear();
        _notes.Write("b.md", "Beta\n\n- the beta service logs every request\n- beta keeps logs for 90 days\n");

        var report = await kb.ReloadAsync(CancellationToken.None);

        Assert.Equal(["b.md"], parsed);
        Assert.Equal(["b.md"], report.FilesChanged);
        Assert.Equal((1, 1), (report.PassagesAdded, report.PassagesRemoved));
        Assert.Contains(kb.Passages, p => p.Text.Contains("90 days", StringComparison.Ordinal));
        Assert.DoesNotContain(kb.Passages, p => p.Text.Contains("30 days", StringComparison.Ordinal));
        Assert.Equal(["a.md", "b.md", "b.md"], kb.Passages.Select(p => p.File));
        Assert.True(kb.Ask("What does the alpha service encrypt?").Answered);
    }

    [Fact]
    public async Task ReloadAsync_FileRewrittenWithTheSameTextAndLength_IsNotParsedAgain()
    {
        var parsed = new List<string>();
        using var kb = Open(parsed);
        await kb.LoadAsync(CancellationToken.None);
        parsed.Clear();
        var path = Path.Combine(_notes.Folder, "b.md");
        await File.WriteAllTextAsync(path, await File.ReadAllTextAsync(path));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));

        var report = await kb.ReloadAsync(CancellationToken.None);

        Assert.Empty(parsed);
        Assert.Empty(report.FilesChanged);
    }

    [Fact]
    public async Task ReloadAsync_SameLengthAndWriteTimeButNewText_ParsedWhenTheWriteTimeHasNoFraction()
    {
        // A file system that keeps whole seconds cannot tell two writes in one second apart: such stamps are not trusted.
        var path = Path.Combine(_notes.Folder, "b.md");
        var second = new DateTime(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, second);
        var parsed = new List<string>();
        using var kb = Open(parsed);
        await kb.LoadAsync(CancellationToken.None);
        parsed.Clear();
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("30 days", "90 days", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, second);

        await kb.ReloadAsync(CancellationToken.None);

        Assert.Equal(["b.md"], parsed);
        Assert.Contains(kb.Passages, p => p.Text.Contains("90 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadAsync_FileRemoved_ItsPassagesLeaveTheIndexAndARestartDoesNotBringThemBack()
    {
        using (var kb = Open())
        {
            await kb.LoadAsync(CancellationToken.None);
            _notes.Delete("b.md");
            var report = await kb.ReloadAsync(CancellationToken.None);
            Assert.Equal(["b.md"], report.FilesRemoved);
            Assert.Equal(2, report.PassagesRemoved);
        }

        using var again = Open();
        await again.LoadAsync(CancellationToken.None);

        Assert.Equal(["a.md"], again.Passages.Select(p => p.File));
        Assert.False(again.Ask("How long does beta keep logs?").Answered);
    }

    [Fact]
    public async Task LoadAsync_SynonymsChangedSinceTheIndexWasWritten_RebuildsEveryFile()
    {
        using (var kb = Open())
        {
            await kb.LoadAsync(CancellationToken.None);
        }

        _notes.Write("synonyms.txt", "encrypt, cipher\n");
        var parsed = new List<string>();
        using var again = Open(parsed);
        await again.LoadAsync(CancellationToken.None);

        Assert.Equal(["a.md", "b.md"], parsed);
        Assert.True(again.Ask("What does the alpha service cipher?").Answered);
    }

    [Fact]
    public async Task LoadAsync_SecondInstanceOnTheSameFolder_IndexesInMemoryAndAnswers()
    {
        using var first = Open();
        await first.LoadAsync(CancellationToken.None);
        var parsed = new List<string>();
        using var second = Open(parsed);

        await second.LoadAsync(CancellationToken.None);

        Assert.Equal(["a.md", "b.md"], parsed);
        Assert.True(second.Ask("What does the alpha service encrypt?").Answered);
        Assert.True(first.Ask("What does the alpha service encrypt?").Answered);
    }

    [Fact]
    public async Task LoadAsync_IndexFilesDamaged_RebuildsFromTheNotes()
    {
        using (var kb = Open())
        {
            await kb.LoadAsync(CancellationToken.None);
        }

        foreach (var file in Directory.EnumerateFiles(IndexFolder))
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4]);
        }

        using var again = Open();
        var report = await again.LoadAsync(CancellationToken.None);

        Assert.True(report.Succeeded, report.Error);
        Assert.True(again.Ask("What does the alpha service encrypt?").Answered);
    }

    [Fact]
    public void Commit_MostOfTheIndexWrittenAnew_MergesItIntoOneSegment()
    {
        using var store = IndexStore.Open(IndexFolder, new NotesAnalyzer(Synonyms.Build([["kms", "key management service"]])), "test", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Write(store, "a.md", "Alpha\n\n- the alpha service encrypts everything at rest\n");
        using (store.Commit(Hashes("a.md"), Stamps(), []))
        {
        }

        Write(store, "b.md", "Beta\n\n- the beta service logs every request\n- beta keeps logs for 30 days\n");
        using var merged = store.Commit(Hashes("a.md", "b.md"), Stamps(), []);

        // Two passages of three were written by this commit: the two segments became one.
        Assert.Equal(1, merged.Segments);
        Assert.Equal(3, merged.Count);
    }

    [Fact]
    public void Commit_SmallFilesChangedOneAtATime_KeepTheBuildsSegmentAndMergeTheRestIntoOne()
    {
        using var store = IndexStore.Open(IndexFolder, new NotesAnalyzer(Synonyms.Build([["kms", "key management service"]])), "test", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var many = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"- step {i} of the alpha rollout is checked"));
        Write(store, "a.md", $"Alpha\n\n{many}\n");
        using (store.Commit(Hashes("a.md"), Stamps(), []))
        {
        }

        Write(store, "b.md", "Beta\n\n- the beta service logs every request\n");
        using (var next = store.Commit(Hashes("a.md", "b.md"), Stamps(), []))
        {
            // A reload of one small file must stay quick: no merge of the whole index.
            Assert.Equal(2, next.Segments);
        }

        Write(store, "c.md", "Gamma\n\n- the gamma service retries twice\n");
        using var last = store.Commit(Hashes("a.md", "b.md", "c.md"), Stamps(), []);

        // Each segment costs every question a lookup per word: the small ones are merged, the large one is kept.
        Assert.Equal(2, last.Segments);
        Assert.Equal(14, last.Count);
    }

    [Fact]
    public async Task ReloadAsync_OneFileChanged_MergedIntoOneSegmentInTheBackgroundWithTheSameAnswers()
    {
        WriteLargeAlpha();
        using var kb = Open();
        await kb.LoadAsync(CancellationToken.None);
        var built = kb.CurrentIndex!;
        _notes.Write("b.md", "Beta\n\n- the beta service logs every request\n- beta keeps logs for 90 days\n");

        await kb.ReloadAsync(CancellationToken.None);
        await kb.Merged;

        // The reload added a segment (one file of many, too little to merge on its path); the merge took it in.
        Assert.NotSame(built, kb.CurrentIndex);
        Assert.Equal(1, kb.CurrentIndex!.Segments);
        using var fresh = FreshBuild();
        Assert.Equal(PassagesOf(fresh), PassagesOf(kb));
        foreach (var question in Questions)
        {
            Assert.Equal(fresh.Ask(question), kb.Ask(question), AnswerComparer.Instance);
        }

        // The merge was committed: a restart finds one segment.
        kb.Dispose();
        using var again = Open();
        await again.LoadAsync(CancellationToken.None);
        Assert.Equal(1, again.CurrentIndex!.Segments);
        Assert.Equal(PassagesOf(fresh), PassagesOf(again));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReloadAsync_DuringTheBackgroundMerge_LosesNothingAndIsMergedToo(bool afterLuceneMerged)
    {
        // The merge is held before Lucene merges (the reload's segment is then merged with the rest), or after it and
        // before its generation is swapped in (the reload's segment is merged in a second round).
        WriteLargeAlpha();
        using var hold = new ManualResetEventSlim();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rounds = 0;
        void Hold(bool there)
        {
            if (there && Volatile.Read(ref rounds) == 1)
            {
                held.SetResult();
                hold.Wait();
            }
        }

        using var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = _notes.Folder, IndexFolder = IndexFolder }), new FakeTimeProvider())
        {
            MergeStarting = () =>
            {
                Interlocked.Increment(ref rounds);
                Hold(!afterLuceneMerged);
            },
            MergeDone = () => Hold(afterLuceneMerged),
        };
        await kb.LoadAsync(CancellationToken.None);
        _notes.Write("b.md", "Beta\n\n- the beta service logs every request\n- beta keeps logs for 90 days\n");
        await kb.ReloadAsync(CancellationToken.None);
        var merging = kb.Merged;
        await held.Task;

        _notes.Write("c.md", "Gamma\n\n- the gamma service retries twice\n");
        var report = await kb.ReloadAsync(CancellationToken.None);
        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(["c.md"], report.FilesAdded);
        Assert.False(merging.IsCompleted);
        Assert.Same(merging, kb.Merged);

        // The reload left its segment to the merge rather than waiting for it: the build's, b's and c's; or the two
        // merged and c's.
        Assert.Equal(afterLuceneMerged ? 2 : 3, kb.CurrentIndex!.Segments);
        hold.Set();
        await kb.Merged;

        Assert.Equal(afterLuceneMerged ? 2 : 1, Volatile.Read(ref rounds));
        Assert.Equal(1, kb.CurrentIndex!.Segments);
        using var fresh = FreshBuild();
        Assert.Equal(PassagesOf(fresh), PassagesOf(kb));
        Assert.Equal(fresh.Stats.PassagesPerFile, kb.Stats.PassagesPerFile);
        foreach (var question in Questions.Append("How many times does the gamma service retry?"))
        {
            Assert.Equal(fresh.Ask(question), kb.Ask(question), AnswerComparer.Instance);
        }
    }

    [Fact]
    public async Task ReloadAsync_FailsDuringTheBackgroundMerge_TheOldNotesServeAndTheNextReloadMergesAgain()
    {
        WriteLargeAlpha();
        using var hold = new ManualResetEventSlim();
        var rounds = 0;
        var full = false;
        using var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = _notes.Folder, IndexFolder = IndexFolder }), new FakeTimeProvider())
        {
            MergeStarting = () =>
            {
                if (Interlocked.Increment(ref rounds) == 1)
                {
                    hold.Wait();
                }
            },
            IndexingFile = _ =>
            {
                if (Volatile.Read(ref full))
                {
                    throw new IOException("No space left on device");
                }
            },
        };
        await kb.LoadAsync(CancellationToken.None);
        _notes.Write("b.md", "Beta\n\n- the beta service logs every request\n- beta keeps logs for 90 days\n");
        await kb.ReloadAsync(CancellationToken.None);
        var merging = kb.Merged;

        // The failed reload rolls the index back to its last commit, which ends the merge without a swap.
        Volatile.Write(ref full, true);
        _notes.Write("c.md", "Gamma\n\n- the gamma service retries twice\n");
        Assert.False((await kb.ReloadAsync(CancellationToken.None)).Succeeded);
        hold.Set();
        await merging;
        Assert.Contains(kb.Passages, p => p.Text.Contains("90 days", StringComparison.Ordinal));

        Volatile.Write(ref full, false);
        Assert.True((await kb.ReloadAsync(CancellationToken.None)).Succeeded);
        await kb.Merged;
        Assert.Equal(1, kb.CurrentIndex!.Segments);
        using var fresh = FreshBuild();
        Assert.Equal(PassagesOf(fresh), PassagesOf(kb));
    }

    [Fact]
    public async Task Dispose_DuringTheBackgroundMerge_EndsItAndTheNextStartFindsTheReloadedNotes()
    {
        WriteLargeAlpha();
        using var hold = new ManualResetEventSlim();
        Task merging;
        using (var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = _notes.Folder, IndexFolder = IndexFolder }), new FakeTimeProvider()) { MergeStarting = hold.Wait })
        {
            await kb.LoadAsync(CancellationToken.None);
            _notes.Write("b.md", "Beta\n\n- the beta service logs every request\n- beta keeps logs for 90 days\n");
            await kb.ReloadAsync(CancellationToken.None);
            merging = kb.Merged;
        }

        hold.Set();
        await merging;

        using var again = Open();
        await again.LoadAsync(CancellationToken.None);
        Assert.Contains(again.Passages, p => p.Text.Contains("90 days", StringComparison.Ordinal));
        await again.Merged;
        Assert.Equal(1, again.CurrentIndex!.Segments);
    }

    private static readonly string[] Questions = ["How long does beta keep logs?", "What does the alpha service encrypt?", "What is checked in step 7 of the alpha rollout?"];

    /// <summary>Makes a.md most of the notes, so a change to b.md is too small to be merged on the reload's path.</summary>
    private void WriteLargeAlpha() =>
        _notes.Write("a.md", "Alpha\n\n- the alpha service encrypts everything at rest\n" + string.Join('\n', Enumerable.Range(1, 12).Select(i => $"- step {i} of the alpha rollout is checked by the on-call engineer")) + "\n");

    /// <summary>What each passage is and where, in the notes' order.</summary>
    private static IEnumerable<string> PassagesOf(KnowledgeBase kb) =>
        kb.Passages.Select(p => $"{p.File}:{p.LineStart}-{p.LineEnd} {string.Join(" > ", p.HeadingPath)} [{p.Kind}] {p.Text}");

    /// <summary>The notes as they are now, indexed from scratch in memory.</summary>
    private KnowledgeBase FreshBuild() => new(Options.Create(new KnowledgeOptions { Path = _notes.Folder }), new FakeTimeProvider());

    private static void Write(IndexStore store, string file, string text) => store.Replace(file, file, NotesParser.Parse(file, text));

    private static Dictionary<string, string> Hashes(params string[] files) => files.ToDictionary(f => f, f => f, StringComparer.Ordinal);

    private static Dictionary<string, FileStamp> Stamps() => new(StringComparer.Ordinal);

    [Fact]
    public async Task LoadAsync_PassageLargerThanADocValue_IsReadBackWhole()
    {
        // A paragraph of 60 KB is one passage, past Lucene's 32 KB limit for one doc value: it is stored aside.
        var paragraph = string.Join(' ', Enumerable.Range(1, 2000).Select(i => $"then step {i} of the zebra migration"));
        _notes.Write("c.md", $"# Zebra migration\n\n{paragraph}\n");
        using var kb = Open();

        await kb.LoadAsync(CancellationToken.None);

        var code = kb.Passages.Where(p => p.File == "c.md").MaxBy(p => p.Text.Length)!;
        Assert.Contains("then step 2000 of the zebra migration", code.Text, StringComparison.Ordinal);
        Assert.True(code.Text.Length > 60_000);
    }

    [Fact]
    public async Task ReloadAsync_IndexCannotBeWritten_SaysSoNotThatTheNotesAreUnreadableAndKeepsServing()
    {
        var full = false;
        using var kb = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = _notes.Folder, IndexFolder = IndexFolder }), new FakeTimeProvider())
        {
            IndexingFile = _ =>
            {
                if (full)
                {
                    throw new IOException("No space left on device");
                }
            },
        };
        await kb.LoadAsync(CancellationToken.None);
        full = true;
        _notes.Write("b.md", "Beta\n\n- beta keeps logs for 90 days\n");

        var report = await kb.ReloadAsync(CancellationToken.None);

        Assert.False(report.Succeeded);
        Assert.Contains("could not be indexed", report.Error, StringComparison.Ordinal);
        Assert.Contains("the index folder could not be written: No space left on device", report.Error, StringComparison.Ordinal);
        Assert.True(kb.Ask("What does the alpha service encrypt?").Answered);
        Assert.Contains(kb.Passages, p => p.Text.Contains("30 days", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _notes.Dispose();
        _data.Dispose();
    }

    private KnowledgeBase Open(List<string>? parsed = null) =>
        new(Options.Create(new KnowledgeOptions { Path = _notes.Folder, IndexFolder = IndexFolder }), new FakeTimeProvider())
        {
            IndexingFile = file =>
            {
                lock (parsed ?? [])
                {
                    parsed?.Add(file);
                }
            },
        };

    /// <summary>Answers compared by what they say and cite.</summary>
    private sealed class AnswerComparer : IEqualityComparer<Answer>
    {
        public static readonly AnswerComparer Instance = new();

        public bool Equals(Answer? x, Answer? y) =>
            x is not null && y is not null && x.Answered == y.Answered && x.Verdict == y.Verdict && x.Lead == y.Lead
            && x.Citations.SequenceEqual(y.Citations);

        public int GetHashCode(Answer obj) => obj.Lead.GetHashCode(StringComparison.Ordinal);
    }
}
