using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Storage;
using StudyBot.Web;

namespace StudyBot.Hosting;

/// <summary>Logs, once the server listens, where the web chat is, what is indexed and which platforms are on.</summary>
internal sealed partial class StartupReport(
    IHostApplicationLifetime lifetime,
    IServer server,
    IKnowledgeBase knowledge,
    Database database,
    IEnumerable<IChannelPublisher> publishers,
    AdminToken adminToken,
    WebChatAccess webChatAccess,
    ILogger<StartupReport> logger) : IHostedService
{
    private static readonly string[] ChatPlatforms = [Platforms.Web, Platforms.Discord, Platforms.Teams];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Report);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            LogWebChat(address.TrimEnd('/') + "/");
        }

        if (webChatAccess.IsOff)
        {
            LogWebChatOff();
        }

        var stats = knowledge.Stats;
        if (knowledge.NotLoadedReason is null)
        {
            // When nothing is loaded the knowledge base has said so, with the folder it looked in; "0 files" adds nothing.
            LogKnowledge(stats.Files, stats.Passages, stats.Failures.Count);
        }
        LogAnswerPath(knowledge.AnswerPath);

        foreach (var failure in stats.Failures)
        {
            LogFailure(failure.File, failure.Reason);
        }

        LogDatabase(database.Location);
        var on = publishers.Select(p => p.Platform).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var off = ChatPlatforms.Where(p => !on.Contains(p, StringComparer.Ordinal)).ToList();
        LogPlatforms(string.Join(", ", on), off.Count == 0 ? "none" : string.Join(", ", off) + " (not configured)");
        if (adminToken.IsGenerated)
        {
            // A token made for this run only, printed once for the person who started the bot locally.
            LogGeneratedToken(adminToken.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Web chat: {Url}")]
    private partial void LogWebChat(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web chat is off: Urls reaches beyond this machine and WebChat:AccessToken is not set (Discord and Teams are not affected)")]
    private partial void LogWebChatOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge: {Files} files, {Passages} passages indexed, {Failed} files skipped")]
    private partial void LogKnowledge(int files, int passages, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answers: {Path} path (the semantic model loads in the background; GET /healthz says when it answers)")]
    private partial void LogAnswerPath(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge: {File} was skipped: {Reason}")]
    private partial void LogFailure(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database: {Path}")]
    private partial void LogDatabase(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Platforms on: {Platforms}; off: {PlatformsOff}")]
    private partial void LogPlatforms(string platforms, string platformsOff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebChat:AdminToken is not set; the admin token for this run is {AdminToken} (set WebChat__AdminToken to choose one)")]
    private partial void LogGeneratedToken(string adminToken);
}
