using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

/// <summary>Paths of the notes copied next to the tests, and knowledge bases over them or over temp folders.</summary>
internal static class KnowledgeTestData
{
    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static string CorporaFolder => Path.Combine(AppContext.BaseDirectory, "data", "corpora");

    public static string EvalFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", "eval", name);

    public static KnowledgeBase Open(string folder, TimeProvider? time = null, string synonymsFile = "synonyms.txt") =>
        new(Options.Create(new KnowledgeOptions { Path = folder, SynonymsFile = synonymsFile }), time ?? new FakeTimeProvider());

    /// <summary>A temp folder with the given files; deleted on dispose.</summary>
    public sealed class TempNotes : IDisposable
    {
        private readonly TempFolder _folder = new("studybot-notes-");

        public TempNotes(params (string Name, string Text)[] files)
        {
            foreach (var (name, text) in files)
            {
                Write(name, text);
            }
        }

        public string Folder => _folder.Path;

        public void Write(string name, string text) => _folder.Write(name, text);

        public void WriteBytes(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(Folder, name), bytes);

        public void Delete(string name) => File.Delete(Path.Combine(Folder, name));

        public void Dispose() => _folder.Dispose();
    }
}
