using StudyBot.Core.Storage;
using StudyBot.Tests.Chat;

namespace StudyBot.Tests.Storage;

public sealed class StoragePathValidatorTests : IDisposable
{
    private readonly TempFolder _root = new("studybot-opts-");

    [Fact]
    public void Validate_NewFileInNewFolder_SucceedsAndCreatesFolder()
    {
        var result = Validate("state/sub/bot.db");

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.True(Directory.Exists(Path.Combine(_root, "state", "sub")));
    }

    [Fact]
    public void Validate_PathIsFolder_FailsNamingSetting()
    {
        Directory.CreateDirectory(Path.Combine(_root, "db"));

        var result = Validate("db");

        Assert.True(result.Failed);
        Assert.Contains("Storage:Path 'db'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("is a folder", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ParentIsFile_Fails()
    {
        File.WriteAllText(Path.Combine(_root, "blocker"), "x");

        var result = Validate("blocker/bot.db");

        Assert.True(result.Failed);
        Assert.Contains("is a file", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExistingNonSqliteFile_Fails()
    {
        File.WriteAllText(Path.Combine(_root, "notes.db"), "these are not the tables you are looking for");

        var result = Validate("notes.db");

        Assert.True(result.Failed);
        Assert.Contains("not a SQLite database", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FolderRefusesNewFiles_FailsNamingSetting()
    {
        // /proc exists but refuses new files, even for root.
        var result = Validate("/proc/studybot-review.db");

        Assert.True(result.Failed);
        Assert.Contains("Storage:Path '/proc/studybot-review.db'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("cannot be created", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("..", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NewFile_LeavesNoProbeBehind()
    {
        var result = Validate("fresh.db");

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.False(File.Exists(Path.Combine(_root, "fresh.db")));
    }

    public void Dispose() => _root.Dispose();

    private Microsoft.Extensions.Options.ValidateOptionsResult Validate(string path) =>
        new StoragePathValidator(new TestEnvironment(_root)).Validate(null, new StorageOptions { Path = path });
}
