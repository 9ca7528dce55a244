using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StudyBot.TestKit;

/// <summary>One line the app logged.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}

/// <summary>
/// Records every log entry, at every level: add it to a host as a logger provider, or hand <see cref="For{T}"/> to a
/// class under test. For checking what an operator would read (a warning, no secret in any line).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    /// <summary>Each entry as one line: level, category, message and exception.</summary>
    public IEnumerable<string> Lines => Entries.Select(e => e.ToString());

    /// <summary>The messages at <paramref name="level"/> or above.</summary>
    public IEnumerable<string> Messages(LogLevel level = LogLevel.Trace) => Entries.Where(e => e.Level >= level).Select(e => e.Message);

    public bool Has(string text) => Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal));

    public int Count(string text) => Entries.Count(e => e.Message.Contains(text, StringComparison.Ordinal));

    /// <summary>A logger for a class built by hand in a unit test.</summary>
    public ILogger<T> For<T>() => new Logger<T>(new CaptureFactory(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }

    private sealed class CaptureFactory(LogCapture owner) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public ILogger CreateLogger(string categoryName) => owner.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
