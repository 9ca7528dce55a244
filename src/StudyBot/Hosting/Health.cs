using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Storage;
using StudyBot.Web;

namespace StudyBot.Hosting;

/// <summary><c>GET /healthz</c>: 200 when the notes index is loaded and the database answers, else 503.</summary>
internal static class Health
{
    public static IServiceCollection AddBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<KnowledgeHealthCheck>("knowledge")
            .AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static void MapHealthEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, WebJson.Options), context.RequestAborted);
    }

    private sealed class KnowledgeHealthCheck(IKnowledgeBase knowledge) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var stats = knowledge.Stats;
            var data = new Dictionary<string, object> { ["files"] = stats.Files, ["passages"] = stats.Passages, ["answers"] = knowledge.AnswerPath };
            return Task.FromResult(knowledge.NotLoadedReason is { } reason
                ? HealthCheckResult.Unhealthy($"No notes are loaded: {reason}", data: data)
                : stats.Passages > 0
                    ? HealthCheckResult.Healthy($"{stats.Files} files, {stats.Passages} passages indexed", data)
                    : HealthCheckResult.Unhealthy("No notes are indexed", data: data));
        }
    }

    private sealed class DatabaseHealthCheck(Database database) : IHealthCheck
    {
        /// <summary>How long the write probe waits for another writer's lock before it calls the database degraded.</summary>
        private static readonly TimeSpan WriteProbeTimeout = TimeSpan.FromSeconds(2);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
                await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM schema_migrations;", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or IOException or UnauthorizedAccessException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached: " + exception.Message);
            }

            try
            {
                // Reading works on a full disk or a read-only file; quiz answers would not. Nothing is kept.
                await database.ProbeWriteAsync(WriteProbeTimeout, cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy(database.Provider == StorageProvider.Postgres ? "PostgreSQL answers and accepts writes" : "SQLite answers and accepts writes");
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or IOException or UnauthorizedAccessException or TimeoutException)
            {
                return HealthCheckResult.Degraded("The database can be read but not written: " + exception.Message);
            }
        }
    }
}
