namespace StudyBot.IntegrationTests.Validation;

/// <summary>
/// The npm packages in tests/js that the tests run with node (installed by tests/run.sh with
/// <c>npm ci --prefix tests/js</c>): tweetnacl signs interactions, the platforms' libraries validate payloads.
/// </summary>
internal static class JsTools
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>tests/js in the repository.</summary>
    public static string Directory => Path.Combine(Root.Value, "tests", "js");

    /// <summary>Fails the test with the command to run when <paramref name="package"/> is not installed.</summary>
    public static void RequireInstalled(string package) =>
        Assert.True(System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", package)),
            $"{package} is not installed: run `npm ci --prefix tests/js` (tests/run.sh does it).");
}
