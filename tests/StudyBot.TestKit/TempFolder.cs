using Microsoft.Data.Sqlite;

namespace StudyBot.TestKit;

/// <summary>A fresh folder under the system temp folder, deleted (with everything in it) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "studybot-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Creates (if needed) a subfolder and returns its path.</summary>
    public string Folder(params string[] parts) => Directory.CreateDirectory(Combine(parts)).FullName;

    /// <summary>Writes a file (creating its folders) and returns its path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Copies the repository's notes (copied beside the test assembly) into <c>knowledge/</c> and returns that path.</summary>
    public string CopyNotes()
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "knowledge");
        var target = Combine("knowledge");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    /// <summary>The folder's path, so a <see cref="TempFolder"/> goes wherever a path is asked for.</summary>
    public static implicit operator string(TempFolder folder) => folder.Path;

    public override string ToString() => Path;

    public void Dispose() => Delete(Path);

    /// <summary>Deletes a folder a test made, after closing pooled SQLite connections that would hold its files.</summary>
    public static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the system cleans its temp folder.
        }
        catch (UnauthorizedAccessException)
        {
            // As above, on a file still open for writing.
        }
    }
}
