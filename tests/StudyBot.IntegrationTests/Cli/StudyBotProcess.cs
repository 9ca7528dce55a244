using System.Diagnostics;
using System.Text;

namespace StudyBot.IntegrationTests.Cli;

/// <summary>
/// The built app (<c>dotnet studybot.dll</c>, or another program beside the tests, such as the process host of
/// <c>tests/StudyBot.ProcessHost</c>) as a user starts it: its own process, a chosen working folder, its real console
/// output and exit code. Disposing it kills the process if it still runs.
/// </summary>
public sealed class StudyBotProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private int _streamsEnded;

    private StudyBotProcess(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_lock)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>studybot ARGS</c> in <paramref name="workingFolder"/>; <paramref name="environment"/> adds variables;
    /// <paramref name="program"/> names another program beside the tests.</summary>
    public static StudyBotProcess Start(
        string workingFolder, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string program = "studybot.dll")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Not Development, whatever the shell says: a developer's user-secrets stay out.
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new StudyBotProcess(new Process { StartInfo = start });
        process._process.OutputDataReceived += (_, e) => process.OnLine(process._stdout, e.Data);
        process._process.ErrorDataReceived += (_, e) => process.OnLine(process._stderr, e.Data);
        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs <c>studybot ARGS</c> to its end, with <paramref name="input"/> on standard input.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string workingFolder, IEnumerable<string> args, string input = "", IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var process = Start(workingFolder, args, environment);
        await process._process.StandardInput.WriteAsync(input);
        process._process.StandardInput.Close();
        var code = await process.WaitForExitAsync();
        return (code, process.Stdout, process.Stderr);
    }

    /// <summary>Writes a line to the process's standard input.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Kills the process at once (no graceful shutdown, as a crash or <c>kill -9</c>) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await WaitForExitAsync();
    }

    /// <summary>The first output line (stdout or stderr) that matches, waiting for it generously; fails at once when
    /// the process has ended without printing it.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            var existing = (_stdout + "\n" + _stderr).Split('\n').FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            if (_streamsEnded == 2)
            {
                return Task.FromException<string>(Ended());
            }

            _waiters.Add((match, found));
        }

        return found.Task.WaitAsync(Patience);
    }

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Patience);

        // The exit can be seen before the last output line is read; WaitForExit() without a timeout drains the streams.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private InvalidOperationException Ended() => new($"The process ended without printing the line waited for. Its error output:\n{Stderr}");

    private void OnLine(StringBuilder sink, string? line)
    {
        if (line is null)
        {
            // Both streams end when the process has ended: nothing it has not printed will come.
            List<TaskCompletionSource<string>> waiting = [];
            lock (_lock)
            {
                if (++_streamsEnded == 2)
                {
                    waiting = _waiters.Select(w => w.Found).ToList();
                    _waiters.Clear();
                }
            }

            foreach (var found in waiting)
            {
                found.TrySetException(Ended());
            }

            return;
        }

        List<TaskCompletionSource<string>> matched;
        lock (_lock)
        {
            sink.Append(line).Append('\n');
            matched = _waiters.Where(w => w.Match(line)).Select(w => w.Found).ToList();
            _waiters.RemoveAll(w => matched.Contains(w.Found));
        }

        foreach (var found in matched)
        {
            found.TrySetResult(line);
        }
    }
}
