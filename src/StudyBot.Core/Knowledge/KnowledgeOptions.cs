using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>: where the team's notes are.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The knowledge folder (relative paths are resolved against the current directory).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = string.Empty;

    /// <summary>Files larger than this are reported as failures and skipped.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The team's synonym file, relative to the knowledge folder; not indexed as notes.
    /// One group a line, comma-separated, canonical term first, e.g. <c>hsm, cloudhsm, hardware security module</c>.</summary>
    public string SynonymsFile { get; set; } = "synonyms.txt";

    /// <summary>Adds the local semantic model (all-MiniLM-L6-v2 on ONNX Runtime) to retrieval and ranking. It loads in
    /// the background; the lexical path answers until the passages are embedded.</summary>
    public bool SemanticSearch { get; set; } = true;

    /// <summary>Folder of the passage-embedding cache (keyed by model and passage text), so a restart embeds
    /// nothing. Empty: an <c>embeddings</c> folder beside the database (<c>Storage:Path</c>).</summary>
    public string EmbeddingCache { get; set; } = string.Empty;

    /// <summary>The knowledge folder as a full path.</summary>
    public string FullPath => System.IO.Path.GetFullPath(Path);
}
