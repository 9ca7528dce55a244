using System.CommandLine;
using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;
using StudyBot.Hosting;

namespace StudyBot.Cli;

/// <summary>Options, settings and the notes loading that the CLI commands share.</summary>
internal static class CliOptions
{
    /// <summary>The <c>--knowledge DIR</c> option.</summary>
    public static Option<string?> Knowledge() => new("--knowledge")
    {
        Description = $"The notes folder, relative to the current folder (default: Knowledge:Path from {AppFolder.SettingsFile}, " +
            $"relative to the folder holding it; '{KnowledgeOptions.DefaultPath}' when not set).",
    };

    /// <summary>The <c>--json</c> option.</summary>
    public static Option<bool> Json(string description) => new("--json") { Description = description };

    /// <summary>The settings as the bot reads them: the nearest appsettings.json (see <see cref="AppFolder"/>),
    /// user-secrets and environment variables.</summary>
    public static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .SetBasePath(AppFolder.Find())
        .AddJsonFile(AppFolder.SettingsFile, optional: true)
        .AddUserSecrets(typeof(CliOptions).Assembly, optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>The CLI's embedding cache: under the app's data folder, one folder per notes folder (a cache is
    /// compacted to the passages of the notes it serves).</summary>
    public static string EmbeddingCacheFor(string? folder)
    {
        var notes = Path.GetFullPath(folder ?? KnowledgeOptions.DefaultPath, folder is null ? AppFolder.Find() : Directory.GetCurrentDirectory());
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(notes)))[..12].ToLowerInvariant();
        return Path.Combine(AppFolder.Find(), "data", "embeddings", "cli-" + key);
    }

    /// <summary>
    /// Loads the notes from <paramref name="folder"/> (relative to the current folder) or, when null, from
    /// <c>Knowledge:Path</c> resolved the way the bot resolves it. Null, with one line on <paramref name="error"/>, when
    /// the folder is missing or holds no notes.
    /// </summary>
    public static async Task<(KnowledgeBase Notes, string Folder)?> LoadKnowledgeAsync(string? folder, TextWriter error, CancellationToken cancellationToken, Core.Knowledge.Semantic.SemanticIndexer? semantic = null)
    {
        string path;
        string origin;
        if (folder is null)
        {
            var appFolder = AppFolder.Find();
            var configured = LoadConfiguration()[$"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.Path)}"];
            var setting = string.IsNullOrWhiteSpace(configured) ? KnowledgeOptions.DefaultPath : configured;
            path = Path.GetFullPath(setting, appFolder);
            origin = $"Knowledge:Path '{setting}' in {appFolder}";
        }
        else
        {
            path = Path.GetFullPath(folder);
            origin = "--knowledge";
        }

        if (!Directory.Exists(path))
        {
            await error.WriteLineAsync(
                $"error: the knowledge folder '{path}' does not exist (from {origin}). Pass --knowledge DIR or set Knowledge:Path in {AppFolder.SettingsFile}.")
                .ConfigureAwait(false);
            return null;
        }

        var knowledgeBase = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = path }), TimeProvider.System, semantic: semantic);
        var report = await knowledgeBase.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (semantic is not null && report.Succeeded)
        {
            // Answers from the CLI are its best ones: wait for the passages' vectors (from the cache after the first run).
            await semantic.Idle.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (semantic.Status != "ready")
            {
                await error.WriteLineAsync($"warning: semantic model {semantic.Status}; answering with the lexical path").ConfigureAwait(false);
            }
        }

        if (!report.Succeeded)
        {
            knowledgeBase.Dispose();
            await error.WriteLineAsync($"error: {report.Error}").ConfigureAwait(false);
            return null;
        }

        foreach (var failure in report.Failures)
        {
            await error.WriteLineAsync($"warning: skipped {failure.File}: {failure.Reason}").ConfigureAwait(false);
        }

        return (knowledgeBase, path);
    }
}
