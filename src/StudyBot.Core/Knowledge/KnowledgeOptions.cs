using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>: where the team's notes are.</summary>
public sealed class KnowledgeOptions
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

    /// <summary>The team's synonym file, relative to the knowledge folder; not indexed as notes.
    /// One group a line, comma-separated, canonical term first, e.g. <c>hsm, cloudhsm, hardware security module</c>.</summary>
    public string SynonymsFile { get; set; } = "synonyms.txt";

    /// <summary>
    /// Where a cited passage can be opened, with <c>{file}</c>, <c>{start}</c> and <c>{end}</c> filled in, for example
    /// <c>https://github.com/org/notes/blob/main/{file}#L{start}-L{end}</c>; null or empty: citations are not links.
    /// </summary>
    public string? LinkBase { get; set; }

    /// <summary>The knowledge folder as a full path.</summary>
    public string FullPath => System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(Path) ? DefaultPath : Path);
}
