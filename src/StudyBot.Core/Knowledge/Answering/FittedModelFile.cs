using System.Text.Json.Serialization;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// What every fitted model file shipped in this assembly says about itself (<c>answer-model.json</c>,
/// <c>quiz-item-model.json</c>: the format's version, when and by which command it was fitted, and how it was
/// measured), and how such a file is read from the assembly's resources.
/// </summary>
public abstract class FittedModelFile
{
    [JsonPropertyName("version")]
    public int Version { get; init; }

    [JsonPropertyName("fitted")]
    public string Fitted { get; init; } = string.Empty;

    [JsonPropertyName("command")]
    public string Command { get; init; } = string.Empty;

    [JsonPropertyName("notes")]
    public string Notes { get; init; } = string.Empty;

    /// <summary>Reads a model file embedded in this assembly with its parser; a build without it is a clear error.</summary>
    internal static T ReadEmbedded<T>(string resourceName, Func<Stream, T> parse)
    {
        using var stream = typeof(FittedModelFile).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The model resource {resourceName} is missing from the build.");
        return parse(stream);
    }
}
