using System.Diagnostics;
using System.Text;

namespace StudyBot.IntegrationTests.Cli;

/// <summary>
/// The built app (<c>dotnet studybot.dll</c>) as a user starts it: its own process, a chosen working folder, its real
/// console output and exit code.
/// </summary>
public sealed class StudyBotProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

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

    /// <summary>Starts <c>studybot ARGS</c> in <paramref name="workingFolder"/>; <paramref name="environment"/> adds variables.</summary>
    public static StudyBotProcess Start(string workingFolder, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "studybot.dll"));
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

    /// <summary>The first output line (stdout or stderr) that matches, waiting for it generously.</summary>
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

    private void OnLine(StringBuilder sink, string? line)
    {
        if (line is null)
        {
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
