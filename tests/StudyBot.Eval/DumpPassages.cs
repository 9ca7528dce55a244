using System.Reflection;
using System.Text.Json;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Eval;

/// <summary>
/// What the fitting scripts of <c>finetune/</c> read: the sentence model's ONNX file and vocabulary, taken from the
/// package's assembly, and every passage of the labelled corpora and the unseen sets as the product embeds it
/// (file, lines and <see cref="SemanticIndex.TextOf"/>), one JSONL file per folder.
/// </summary>
internal static class DumpPassages
{
    public static void Run(string root, string[] args)
    {
        var outDir = args.Length > 1 ? args[1] : throw new ArgumentException("dump-passages OUTDIR [name=folder ...]");
        Directory.CreateDirectory(Path.Combine(outDir, "pass"));
        var model = Assembly.LoadFile(Path.Combine(AppContext.BaseDirectory, BertModelSpec.MiniLm.File));
        foreach (var name in model.GetManifestResourceNames())
        {
            using var resource = model.GetManifestResourceStream(name)!;
            using var file = File.Create(Path.Combine(outDir, name));
            resource.CopyTo(file);
        }

        var folders = args.Length > 2
            ? args.Skip(2).Select(pair => (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]))
            : Corpus.LoadAll(root).Select(c => (c.Name, c.Folder)).Concat(UnseenSets(root));
        foreach (var (name, folder) in folders)
        {
            var notes = NotesLoader.Load(new KnowledgeOptions { Path = Path.GetFullPath(Path.Combine(root, folder)) }, CancellationToken.None);
            using var index = KnowledgeBase.IndexOf(notes);
            using var writer = new StreamWriter(Path.Combine(outDir, "pass", name + ".passages.jsonl"));
            foreach (var entry in index.ReadAll())
            {
                var p = entry.Passage;
                writer.WriteLine(JsonSerializer.Serialize(new { file = p.File, start = p.LineStart, end = p.LineEnd, text = SemanticIndex.TextOf(p) }));
            }

            Console.WriteLine($"{name}: {index.Count} passages");
        }
    }

    /// <summary>Each unseen set's notes: the folder of its name under tests/data/corpora*.</summary>
    private static IEnumerable<(string Name, string Folder)> UnseenSets(string root) =>
        Directory.GetFiles(Path.Combine(root, "tests/data/eval/unseen"), "*.jsonl").Order(StringComparer.Ordinal)
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => (name!, Directory.GetDirectories(Path.Combine(root, "tests/data"), "corpora*").Order(StringComparer.Ordinal)
                .Select(d => Path.Combine(d, name!)).FirstOrDefault(Directory.Exists)))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.Item1, x.Item2!));
}
