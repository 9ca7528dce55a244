using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;

namespace StudyBot.Benchmarks;

/// <summary>
/// Large notes (issue 15): generates MB of notes from copies of the test corpora, then, in this process, times the
/// first index into a folder on disk, a restart that finds the index there, answers on the lexical path, and a reload
/// after one file changed, and reports the process's peak memory. <c>scale --generate-only</c> only writes the notes
/// (for <c>tests/load/scale.sh</c>, which times real server processes); <c>--reuse</c> keeps the index of the last run.
/// </summary>
internal static class Scale
{
    private const int Questions = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = args.SkipWhile(a => a != "--mb").Skip(1).Select(int.Parse).DefaultIfEmpty(100).First();
        var notes = Path.Combine(Path.GetTempPath(), $"studybot-scale-{megabytes}mb");
        Generate(notes, megabytes);
        if (args.Contains("--generate-only"))
        {
            Console.WriteLine(notes);
            return 0;
        }

        var index = notes + "-index";
        var reuse = args.Contains("--reuse") && Directory.Exists(index);
        if (Directory.Exists(index) && !reuse)
        {
            Directory.Delete(index, recursive: true);
        }

        var options = Options.Create(new KnowledgeOptions { Path = notes, IndexFolder = index, SemanticSearch = false, ReloadTimeBudgetSeconds = 3600 });
        Console.WriteLine($"notes: {notes} ({FolderBytes(notes) / 1024.0 / 1024.0:F1} MB)");

        var clock = Stopwatch.StartNew();
        using (var first = reuse ? null : new KnowledgeBase(options, TimeProvider.System))
        {
            if (first is not null)
            {
                var report = await first.LoadAsync(CancellationToken.None);
                Console.WriteLine($"first index: {clock.Elapsed.TotalSeconds:F1} s ({report.Stats.Files:N0} files, {report.Stats.Passages:N0} passages, {report.Failures.Count} skipped); index on disk {FolderBytes(index) / 1024.0 / 1024.0:F0} MB");
            }
        }

        Console.WriteLine($"peak RSS after the first index: {PeakMegabytes()} MB");
        clock.Restart();
        using var kb = new KnowledgeBase(options, TimeProvider.System);
        await kb.LoadAsync(CancellationToken.None);
        Console.WriteLine($"restart with the index on disk (in this process): {clock.Elapsed.TotalMilliseconds:F0} ms");

        // What a passage costs the first time it is a candidate: its stored bytes read and decoded, then its features.
        var sample = Math.Min(5_000, kb.Stats.Passages);
        var generation = kb.CurrentIndex!;
        var step = Math.Max(1, generation.Count / sample);
        clock.Restart();
        for (var i = 0; i < sample; i++)
        {
            _ = generation.Entry(i * step);
        }

        var read = clock.Elapsed.TotalMicroseconds / sample;
        clock.Restart();
        for (var i = 0; i < sample; i++)
        {
            _ = generation.Features(i * step);
        }

        Console.WriteLine($"a passage's first use: {read:F0} µs to read it from the index, {clock.Elapsed.TotalMicroseconds / sample:F0} µs for its features");

        var questions = QuestionsOf(Path.Combine(Path.GetDirectoryName(BenchmarkData.CorporaFolder)!, "eval", "loco")).Take(Questions).ToList();
        var times = new List<double>();
        var answered = 0;
        Round(kb, questions, times, ref answered);

        // The second round also counts this process's CPU time and this thread's allocations per answer: unlike the
        // wall time, neither grows much when other work shares the machine.
        var (cpuPerAnswer, kilobytesPerAnswer) = Round(kb, questions, times, ref answered);

        // A third round once the JIT has finished compiling the hot paths (during the second it still takes CPU on
        // another thread): the steady state of a bot that has been answering for a while.
        var steady = new List<double>();
        var (cpuSteady, kilobytesSteady) = Round(kb, questions, steady, ref answered);

        // Where a warm answer's time goes: the question's analysis and the lexical candidates (Lucene), against the whole.
        double analysis = 0, lexical = 0;
        long analysisBytes = 0, lexicalBytes = 0;
        foreach (var question in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var analyzed = generation.Search(searcher => StudyBot.Core.Knowledge.Answering.QuestionAnalyzer.Analyze(generation, searcher, question));
            analysis += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            analysisBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
            started = Stopwatch.GetTimestamp();
            bytes = GC.GetAllocatedBytesForCurrentThread();
            _ = generation.Search(searcher => StudyBot.Core.Knowledge.Answering.Candidates.Lexical(generation, searcher, analyzed));
            lexical += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lexicalBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
        }

        Console.WriteLine($"per question, mean: analysis {analysis / questions.Count:F2} ms ({analysisBytes / 1024 / questions.Count} KB allocated), lexical candidates (Lucene) {lexical / questions.Count:F2} ms ({lexicalBytes / 1024 / questions.Count} KB)");

        // The first round reads each candidate passage from the index; the second finds most of them cached.
        Report("answers, first round (lexical)", times.Take(questions.Count).ToList());
        Report("answers, second round (lexical)", times.Skip(questions.Count).ToList());
        Console.WriteLine($"  per answer: {cpuPerAnswer:F2} ms of CPU, {kilobytesPerAnswer:F0} KB allocated; the index has {generation.Segments} segment(s)");
        Report("answers, third round (lexical, steady)", steady);
        Console.WriteLine($"  per answer: {cpuSteady:F2} ms of CPU, {kilobytesSteady:F0} KB allocated");
        Console.WriteLine($"answered {answered} of {times.Count + steady.Count}");

        var changed = Directory.EnumerateFiles(notes, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(changed, $"\n\nScale check\n\n- changed at {DateTime.UtcNow:O}\n");
        clock.Restart();
        var reload = await kb.ReloadAsync(CancellationToken.None);
        Console.WriteLine($"reload after one file changed: {clock.Elapsed.TotalMilliseconds:F0} ms ({reload.FilesChanged.Count} changed, +{reload.PassagesAdded}/-{reload.PassagesRemoved} passages)");

        // After a reload the index has the build's segment and the reload's until the background merge swaps in one
        // segment. The first round after the reload reads its passages again (a new generation) and runs while the
        // merge takes a core; then, once the merge is in, what an answer costs: after one round that maps the merged
        // segment's pages (as the round before the measured one did before there was a merge).
        var merge = Stopwatch.StartNew();
        var during = new List<double>();
        var warmUp = 0;
        Round(kb, questions, during, ref warmUp);
        Report($"answers right after the reload (lexical, passages read again{(kb.Merged.IsCompleted ? string.Empty : ", the merge running throughout")})", during);
        await kb.Merged;
        Console.WriteLine($"background merge after the reload: in after {merge.Elapsed.TotalMilliseconds:F0} ms; the index has {kb.CurrentIndex!.Segments} segment(s)");
        Round(kb, questions, [], ref warmUp);
        var after = new List<double>();
        var (cpuAfter, kilobytesAfter) = Round(kb, questions, after, ref answered);
        Report("answers after the reload (lexical)", after);
        Console.WriteLine($"  per answer: {cpuAfter:F2} ms of CPU, {kilobytesAfter:F0} KB allocated; the index has {kb.CurrentIndex!.Segments} segment(s)");
        Console.WriteLine($"peak RSS of this process: {PeakMegabytes()} MB");
        return 0;
    }

    /// <summary>Answers every question once, adding each wall time to <paramref name="times"/>; returns this process's
    /// CPU time and this thread's allocations per answer.</summary>
    private static (double CpuMilliseconds, double Kilobytes) Round(KnowledgeBase kb, List<string> questions, List<double> times, ref int answered)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        foreach (var question in questions)
        {
            var started = Stopwatch.GetTimestamp();
            answered += kb.Ask(question).Answered ? 1 : 0;
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / questions.Count,
            (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / questions.Count);
    }

    /// <summary>Copies of the test corpora (each in its own folder) until the notes reach <paramref name="megabytes"/>.</summary>
    private static void Generate(string folder, int megabytes)
    {
        var target = megabytes * 1024L * 1024;
        var marker = Path.Combine(folder, ".complete");
        if (File.Exists(marker))
        {
            return;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var data = Path.GetDirectoryName(BenchmarkData.CorporaFolder)!;
        var sources = new[] { "corpora", "corpora2", "corpora3" }.Select(s => Path.Combine(data, s)).Where(Directory.Exists).ToList();
        var files = sources.SelectMany(s => Directory.EnumerateFiles(s, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                .Select(f => (Source: f, Relative: Path.Combine(Path.GetFileName(s), Path.GetRelativePath(s, f)))))
            .ToList();
        long written = 0;
        for (var copy = 1; written < target; copy++)
        {
            foreach (var (source, relative) in files)
            {
                var destination = Path.Combine(folder, $"copy-{copy:D3}", relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(source, destination);
                written += new FileInfo(source).Length;
            }
        }

        File.WriteAllText(marker, written.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IEnumerable<string> QuestionsOf(string folder) =>
        Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("q").GetString()!);

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"{what}: median {times[times.Count / 2]:F2} ms, p95 {times[(int)(times.Count * 0.95)]:F2} ms, p99 {times[(int)(times.Count * 0.99)]:F2} ms, max {times[^1]:F2} ms");
    }

    private static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static long PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024 / 1024;
    }
}
