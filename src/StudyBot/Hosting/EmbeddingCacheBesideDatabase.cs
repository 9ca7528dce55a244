using Microsoft.Extensions.Options;
using StudyBot.Core;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Storage;

namespace StudyBot.Hosting;

/// <summary>
/// An empty <c>Knowledge:EmbeddingCache</c> means an <c>embeddings</c> folder beside the database (<c>Storage:Path</c>),
/// so a restart embeds nothing. Decided here, where both features are composed: Knowledge does not know the database.
/// </summary>
internal sealed class EmbeddingCacheBesideDatabase(IOptions<StorageOptions> storage, IHostEnvironment environment) : IPostConfigureOptions<KnowledgeOptions>
{
    public void PostConfigure(string? name, KnowledgeOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.EmbeddingCache))
        {
            var database = ContentPaths.Resolve(storage.Value.Path, environment);
            options.EmbeddingCache = Path.Combine(Path.GetDirectoryName(database) ?? ".", "embeddings");
        }
    }
}
