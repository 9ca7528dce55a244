using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Knowledge;

namespace StudyBot.IntegrationTests.Host;

public class StartupReportTests
{
    [Fact]
    public async Task Start_DefaultPlatforms_LogsWebChatAddressIndexDatabaseAndPlatforms()
    {
        var logs = new RecordingLoggerProvider();
        await using var server = await BotServer.StartAsync(
            [new("Logging:LogLevel:StudyBot.Hosting.StartupReport", "Information")],
            services => services.AddSingleton<ILoggerProvider>(logs));
        var stats = server.Services.GetRequiredService<IKnowledgeBase>().Stats;

        Assert.Contains($"Web chat: {server.BaseAddress.ToString().TrimEnd('/')}/", logs.Lines);
        Assert.Contains($"Knowledge: {stats.Files} files, {stats.Passages} passages indexed, 0 files skipped", logs.Lines);
        Assert.True(stats.Passages > 0);
        Assert.Contains($"Database: {server.DatabasePath}", logs.Lines);
        Assert.Contains("Platforms on: web; off: discord, teams (not configured)", logs.Lines);
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
