using System.Text.Json.Nodes;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Semantic;
using StudyBot.Core.Quiz;

namespace StudyBot.Eval;

/// <summary>
/// The notes folders the rated quiz items (tests/data/quiz-ratings/rated-items.jsonl) were written from, and each
/// folder's passages and generator context, read and embedded once a run however many tools and items ask for them.
/// </summary>
internal sealed class QuizFolders(string root, ITextEmbedder model)
{
    private readonly Dictionary<string, Folder> folders = new(StringComparer.Ordinal);

    /// <summary>A folder's indexed passages, as the bot's bank reads them, and the generator's counts and kind model.</summary>
    internal sealed record Folder(List<Passage> Passages, QuizCorpus Corpus, KindSimilarity Kinds);

    /// <summary>The folder (relative to the repository root), read on first use.</summary>
    public Folder Get(string folder)
    {
        if (!folders.TryGetValue(folder, out var found))
        {
            var passages = QuizFitting.Passages(Path.Combine(root, folder));
            var (corpus, kinds) = QuizFitting.Context(passages, model);
            found = new Folder(passages, corpus, kinds);
            folders[folder] = found;
        }

        return found;
    }

    /// <summary>The notes folder a rated item was written from: the seed notes, the corpora, or the folder under
    /// tests/data/corpora2, corpora3, … that holds its file (the corpora3 folder as a whole for review 16's "unseen"
    /// rows); null when its notes are not on this machine.</summary>
    public static string? FolderOf(string root, string set, string file)
    {
        if (set == "seed")
        {
            return "knowledge";
        }

        if (set is "corpora" or "unseen")
        {
            var f = set == "corpora" ? "tests/data/corpora" : "tests/data/corpora3";
            return File.Exists(Path.Combine(root, f, file)) ? f : null;
        }

        foreach (var parent in Parents(root))
        {
            foreach (var dir in Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(dir, file)))
                {
                    return Path.GetRelativePath(root, dir).Replace('\\', '/');
                }
            }
        }

        return null;
    }

    /// <summary>A rated blank: its verdict's row and item, the cited file and lines, the folder of its notes (null when
    /// they are not on this machine) and its stem (null when the question quotes none).</summary>
    internal sealed record RatedBlank(JsonObject Row, JsonObject Item, string File, int LineStart, int LineEnd, string? Folder, string? Masked);

    /// <summary>Every rated fill-in-the-blank verdict of tests/data/quiz-ratings/rated-items.jsonl, in its order.</summary>
    public static IEnumerable<RatedBlank> RatedBlanks(string root)
    {
        foreach (var line in File.ReadLines(Path.Combine(root, "tests/data/quiz-ratings/rated-items.jsonl")).Where(l => l.Trim().Length > 0))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            var item = o["item"]!.AsObject();
            if ((string)item["kind"]! != "FillInTheBlank")
            {
                continue;
            }

            var c = item["citation"]!.AsObject();
            var file = (string)c["file"]!;
            var question = (string)item["question"]!;
            var open = question.IndexOf('“', StringComparison.Ordinal);
            var close = question.LastIndexOf('”');
            yield return new RatedBlank(o, item, file, (int)c["lineStart"]!, (int)c["lineEnd"]!, FolderOf(root, (string)o["set"]!, file),
                open < 0 || close <= open ? null : question[(open + 1)..close]);
        }
    }

    /// <summary>tests/data/corpora2, corpora3, … in the order they were added (by number, so corpora10 after corpora9):
    /// a file name two folders share is found where it was first rated.</summary>
    private static IEnumerable<string> Parents(string root) =>
        Directory.EnumerateDirectories(Path.Combine(root, "tests/data"), "corpora*")
            .Select(d => (Dir: d, Number: int.TryParse(Path.GetFileName(d)["corpora".Length..], out var n) ? n : 0))
            .Where(d => d.Number >= 2)
            .OrderBy(d => d.Number)
            .Select(d => d.Dir);

    /// <summary>Every table of the notes folders listed in <c>args[1]</c> (one folder a line, relative to the repository
    /// root), in file order, with its folder's context: the walk the table measurements share (quiz-attribute-tables,
    /// quiz-table-kinds). Writes the usage and returns false when no list is given.</summary>
    public static bool EachTable(string root, string[] args, string tool, string defaultOut, string header,
        Action<StreamWriter, string, string, QuestionGenerator.NotesTable, Folder> write)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine($"usage: {tool} FOLDERS.txt [OUT.tsv] (one notes folder a line, relative to the repository root)");
            Environment.ExitCode = 2;
            return false;
        }

        var folders = File.ReadAllLines(args[1]).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();
        var outPath = args.Length > 2 ? args[2] : defaultOut;
        using var model = QuizFitting.Model(root);
        var read = new QuizFolders(root, model);
        using (var output = new StreamWriter(outPath))
        {
            output.WriteLine(header);
            foreach (var folder in folders)
            {
                var f = read.Get(folder);
                var content = QuestionGenerator.ContentPassages(f.Passages);
                foreach (var file in content.GroupBy(p => p.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    foreach (var table in QuestionGenerator.Tables(file.OrderBy(p => p.LineStart).ToList()))
                    {
                        write(output, folder, file.Key, table, f);
                    }
                }
            }
        }

        Console.WriteLine($"wrote {outPath}");
        return true;
    }
}
