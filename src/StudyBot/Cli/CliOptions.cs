using System.CommandLine;
using Microsoft.Extensions.Configuration;
using StudyBot.Core.Knowledge;

namespace StudyBot.Cli;

/// <summary>Options and defaults that the notes-reading sub-commands (ask, quiz) share.</summary>
internal static class CliOptions
{
    /// <summary>The <c>--knowledge DIR</c> option.</summary>
    public static Option<string?> Knowledge() => new("--knowledge")
    {
        Description = "The notes folder (default: Knowledge:Path in ./appsettings.json).",
    };

    /// <summary>The <c>--json</c> option.</summary>
    public static Option<bool> Json(string description) => new("--json") { Description = description };

    /// <summary><c>Knowledge:Path</c> from ./appsettings.json (and STUDYBOT_ environment variables), as the app reads it
    /// when run from the repository root.</summary>
    public static string? DefaultKnowledgeFolder()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("STUDYBOT_")
            .Build();
        return configuration[$"{KnowledgeOptions.SectionName}:Path"];
    }
}
