using StudyBot.Core.Knowledge;

namespace StudyBot.Hosting;

/// <summary>Loads the notes before the server listens, so the first question is fast and /healthz is honest.</summary>
internal sealed class KnowledgeWarmup(IKnowledgeBase knowledge) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.Run(() => knowledge.Stats, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
