using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file; relative paths are resolved against the content root. Created on first run.</summary>
    [Required]
    public string Path { get; set; } = "data/studybot.db";
}
