using Microsoft.Extensions.Hosting;

namespace StudyBot.Core.Storage;

/// <summary>Creates the database file and applies pending migrations when the host starts.</summary>
internal sealed class DatabaseMigrator(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
