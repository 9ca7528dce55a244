using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace StudyBot.Core.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>: where the team's notes are.</summary>
public sealed class KnowledgeOptions : IValidatableObject
{
    public const string SectionName = "Knowledge";

    /// <summary>The default folder, beside appsettings.json.</summary>
    public const string DefaultPath = "knowledge";

    /// <summary>The knowledge folder. In the host a relative path is resolved against the content root (the folder
    /// holding appsettings.json); elsewhere against the current directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = DefaultPath;

    /// <summary>Files larger than this are reported as failures and skipped.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>A file with more lines is skipped before it is parsed (the largest real notes file we know has 1,839).</summary>
    [Range(1, int.MaxValue)]
    public int MaxLinesPerFile { get; set; } = 50_000;

    /// <summary>A file that yields more passages is skipped with a reason (a 4 MB table would give 400,000).</summary>
    [Range(1, int.MaxValue)]
    public int MaxPassagesPerFile { get; set; } = 20_000;

    /// <summary>Files past this many passages in all are skipped, which bounds the index's size on disk and the time
    /// of a first build (about 1,000,000 passages for 100 MB of notes).</summary>
    [Range(1, int.MaxValue)]
    public int MaxPassages { get; set; } = 2_000_000;

    /// <summary>Files not yet read when a reload has taken this long are skipped (the corpora load in 5 seconds).</summary>
    [Range(1, 86_400)]
    public int ReloadTimeBudgetSeconds { get; set; } = 120;

    /// <summary>The team's synonym file, relative to the knowledge folder; not indexed as notes.
    /// One group a line, comma-separated, canonical term first, e.g. <c>hsm, cloudhsm, hardware security module</c>.</summary>
    public string SynonymsFile { get; set; } = "synonyms.txt";

    /// <summary>Reload when files in the notes folder change (read by the chat's auto-reloader).</summary>
    public bool AutoReload { get; set; } = true;

    /// <summary>Quiet time after the last change before the reload starts.</summary>
    [Range(50, 60_000)]
    public int AutoReloadDebounceMilliseconds { get; set; } = 1500;

    /// <summary>Adds the local semantic model (all-MiniLM-L6-v2 on ONNX Runtime) to retrieval and ranking. It loads in
    /// the background; the lexical path answers until the passages are embedded.</summary>
    public bool SemanticSearch { get; set; } = true;

    /// <summary>Notes with more passages than this are answered on the lexical path only: each passage's vector
    /// (1.5 KB) is held in memory and compared with every question, and the first embedding takes about 6 ms a passage
    /// on two cores (100,000 passages is about 10 MB of notes, 150 MB of vectors and 10 minutes once).</summary>
    [Range(0, int.MaxValue)]
    public int SemanticMaxPassages { get; set; } = DefaultSemanticMaxPassages;

    /// <summary>The default of <see cref="SemanticMaxPassages"/>.</summary>
    public const int DefaultSemanticMaxPassages = 100_000;

    /// <summary>Notes with more passages than this keep no word pieces' vectors (<see cref="Semantic.TokenVectors"/>,
    /// about 10 KB a passage in memory and on disk) and rank without the two token-match signals, which then weigh
    /// nothing: 20,000 passages (about 2 MB of notes) hold about 200 MB.</summary>
    [Range(0, int.MaxValue)]
    public int TokenMatchMaxPassages { get; set; } = DefaultTokenMatchMaxPassages;

    /// <summary>The default of <see cref="TokenMatchMaxPassages"/>.</summary>
    public const int DefaultTokenMatchMaxPassages = 20_000;

    /// <summary>Folder of the passage-embedding cache (keyed by model and passage text), so a restart embeds
    /// nothing. Empty: in the app, an <c>embeddings</c> folder beside the database (<c>Storage:Path</c>, set where both
    /// are composed); used on its own, no cache.</summary>
    public string EmbeddingCache { get; set; } = string.Empty;
    /// <summary>Folder of the notes' Lucene index, kept across restarts (a start re-reads only files whose content
    /// changed). Empty: in the app, an <c>index</c> folder beside the database (<c>Storage:Path</c>, set where both are
    /// composed); used on its own, the index is built in memory.</summary>
    public string IndexFolder { get; set; } = string.Empty;

    /// <summary>
    /// Where a cited passage can be opened, with <c>{file}</c>, <c>{start}</c> and <c>{end}</c> filled in, for example
    /// <c>https://github.com/org/notes/blob/main/{file}#L{start}-L{end}</c>; null or empty: citations are not links.
    /// </summary>
    public string? LinkBase { get; set; }

    /// <summary>The knowledge folder as a full path.</summary>
    public string FullPath => System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(Path) ? DefaultPath : Path);

    /// <summary>Stops the app at start when the notes folder is missing, naming the setting and the full path, or when
    /// <see cref="LinkBase"/> is not a link template.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Path) && !Directory.Exists(FullPath))
        {
            yield return new ValidationResult($"Knowledge:Path '{Path}' must name an existing folder of notes; {FullPath} does not exist.");
            yield break;
        }

        if (!string.IsNullOrWhiteSpace(LinkBase) && !SourceLinks.IsValidTemplate(LinkBase))
        {
            yield return new ValidationResult(
                $"Knowledge:LinkBase '{LinkBase}' must be an http(s) URL with {{file}} in it, e.g. https://github.com/org/notes/blob/main/{{file}}#L{{start}}-L{{end}}.");
        }
    }
}

/// <summary>Validates <see cref="KnowledgeOptions"/> (generated at compile time).</summary>
[OptionsValidator]
internal sealed partial class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>;
