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

    /// <summary>
    /// Deletes a folder a test made, after closing pooled SQLite connections that would hold its files. Never throws:
    /// when a file is still held or a late writer adds one meanwhile, it collects dropped handles and tries once more,
    /// then names the folder on standard error (<c>tests/run.sh</c> removes its run's temp folder at the end anyway).
    /// </summary>
    public static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        if (TryDelete(folder, out _))
        {
            return;
        }

        // Handles a test dropped without disposing (a reader, a pooled connection) are closed by their finalizers.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        SqliteConnection.ClearAllPools();
        if (!TryDelete(folder, out var error))
        {
            Console.Error.WriteLine($"TempFolder: could not delete {folder}: {error}");
        }
    }

    private static bool TryDelete(string folder, out string? error)
    {
        error = null;
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone (the test removed it, or a second dispose).
            return true;
        }
        catch (IOException exception)
        {
            // A file still held, or one written into the folder while it was being deleted.
            error = exception.Message;
        }
        catch (UnauthorizedAccessException exception)
        {
            // A file still open for writing (Windows) or a folder made read-only by the test.
            error = exception.Message;
        }

        return !Directory.Exists(folder);
    }
}
