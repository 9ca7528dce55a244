using Microsoft.Extensions.Hosting;

namespace StudyBot.Core;

/// <summary>
/// Where a relative path in the settings points: in a host, the content root (the folder holding appsettings.json);
/// without one, the current directory. Shared by every feature folder, so it sits at Core's root, beside none of them.
/// </summary>
public static class ContentPaths
{
    /// <summary>The full path of <paramref name="path"/>.</summary>
    public static string Resolve(string path, IHostEnvironment? environment) =>
        Path.GetFullPath(environment is null ? path : Path.Combine(environment.ContentRootPath, path));
}
