using Microsoft.Extensions.Options;
using StudyBot.Core;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Storage;

namespace StudyBot.Hosting;

/// <summary>
/// An empty <c>Knowledge:EmbeddingCache</c> means an <c>embeddings</c> folder beside the database (<c>Storage:Path</c>),
/// and an empty <c>Knowledge:IndexFolder</c> an <c>index</c> folder there, so a restart embeds and parses nothing it
/// has seen; set ones are resolved like every relative path. Decided here, where both features are composed:
/// Knowledge does not know the database.
/// </summary>
internal sealed class KnowledgeFoldersBesideDatabase(IOptions<StorageOptions> storage, IHostEnvironment environment) : IPostConfigureOptions<KnowledgeOptions>
{
    public void PostConfigure(string? name, KnowledgeOptions options)
    {
        var data = Path.GetDirectoryName(ContentPaths.Resolve(storage.Value.Path, environment)) ?? ".";
        options.EmbeddingCache = string.IsNullOrWhiteSpace(options.EmbeddingCache)
            ? Path.Combine(data, "embeddings")
            : ContentPaths.Resolve(options.EmbeddingCache, environment);
        options.IndexFolder = string.IsNullOrWhiteSpace(options.IndexFolder)
            ? Path.Combine(data, "index")
            : ContentPaths.Resolve(options.IndexFolder, environment);
    }
}
