namespace StudyBot.Hosting;

/// <summary>
/// The folder that settings and relative paths in them are read against: the nearest folder holding
/// <c>appsettings.json</c>, starting from the current folder and going up; else the current folder. So the bot and
/// the CLI behave the same from the repository root, from <c>src/StudyBot</c> (<c>dotnet run</c> there) or from a
/// sub-folder of a deployment.
/// </summary>
internal static class AppFolder
{
    public const string SettingsFile = "appsettings.json";

    /// <summary>The app folder for <paramref name="start"/> (the current folder when null).</summary>
    public static string Find(string? start = null)
    {
        var first = Path.GetFullPath(start ?? Directory.GetCurrentDirectory());
        for (var folder = new DirectoryInfo(first); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SettingsFile)))
            {
                return folder.FullName;
            }
        }

        return first;
    }
}
