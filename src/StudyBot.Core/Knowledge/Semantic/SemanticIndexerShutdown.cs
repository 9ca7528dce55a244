using Microsoft.Extensions.Hosting;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>
/// Stops the background embedding when the host stops, within its shutdown timeout: the process exits once the host
/// has stopped, and an inference still running then fails inside ONNX Runtime as it is torn down. Registered with the
/// knowledge feature, so it stops after the services registered later (the notes' auto-reload, which attaches new
/// indexes) and no embedding starts behind it.
/// </summary>
internal sealed class SemanticIndexerShutdown(SemanticIndexer indexer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => indexer.StopAsync(cancellationToken);
}
