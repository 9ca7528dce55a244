using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>How a citation reads in text on every platform: "file › section, lines a–b" ("line a" for one line).</summary>
public static class CitationText
{
    /// <summary>"line 9" or "lines 69–71".</summary>
    public static string Lines(int lineStart, int lineEnd) =>
        lineStart == lineEnd ? $"line {lineStart}" : $"lines {lineStart}–{lineEnd}";

    /// <summary>"file › section, lines a–b"; without a section, "file, lines a–b".</summary>
    public static string Label(Citation citation)
    {
        var lines = Lines(citation.LineStart, citation.LineEnd);
        return string.IsNullOrWhiteSpace(citation.Section)
            ? $"{citation.File}, {lines}"
            : $"{citation.File} › {citation.Section}, {lines}";
    }
}
