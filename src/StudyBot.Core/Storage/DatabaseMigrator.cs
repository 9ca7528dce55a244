using Microsoft.Extensions.Hosting;

namespace StudyBot.Core.Storage;

/// <summary>Creates the database (a SQLite file) if needed and applies pending migrations when the host starts.</summary>
internal sealed class DatabaseMigrator(Database database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
