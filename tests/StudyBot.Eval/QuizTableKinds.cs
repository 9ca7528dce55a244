using System.Globalization;
using StudyBot.Core.Quiz;

namespace StudyBot.Eval;

/// <summary>
/// quiz-table-kinds FOLDERS.txt [OUT.tsv]: every pair of row names of every table of things in the listed notes folders
/// (one folder a line, relative to the repository root), with how alike the sentence model finds them, and their cells
/// under each column: a table whose rows are of mixed kinds ("Port 122", "Port 8443" beside "Default backup snapshots")
/// offers wrong choices a learner rules out by their kind. A measurement for
/// <see cref="QuestionGenerator.RowOfAnotherKind"/> (docs/quiz.md, "A table of things whose rows are of mixed kinds").
/// </summary>
internal static class QuizTableKinds
{
    public static void Run(string root, string[] args) =>
        QuizFolders.EachTable(root, args, "quiz-table-kinds", "table-kinds.tsv",
            "folder\tfile\tline\theader\trows\tkey\tother\tlike\tterm_like\tkind_like\tcell_likes",
            (output, folder, file, table, f) =>
            {
                if (QuestionGenerator.ComparesItsColumns(table, f.Kinds) || table.Rows.Count < 4)
                {
                    return;
                }

                var things = table.Cells.Select(r => r[0]).ToList();
                for (var i = 0; i < things.Count; i++)
                {
                    for (var j = 0; j < things.Count; j++)
                    {
                        if (i != j)
                        {
                            output.WriteLine(string.Join('\t',
                                folder, file, table.HeaderLine.ToString(CultureInfo.InvariantCulture), table.Headers[0].Replace('\t', ' '),
                                things.Count.ToString(CultureInfo.InvariantCulture), things[i].Replace('\t', ' '), things[j].Replace('\t', ' '),
                                F(f.Kinds.Similarity(things[i], things[j])), F(f.Kinds.TermSimilarity(things[i], things[j])),
                                F(QuestionGenerator.KindLike(things[i], things[j], f.Corpus, f.Kinds)),
                                string.Join(" ;; ", Enumerable.Range(1, table.Headers.Count - 1).Select(c =>
                                    $"{table.Headers[c]}={F(f.Kinds.Similarity(table.Cells[i][c], table.Cells[j][c]))}")).Replace('\t', ' ')));
                        }
                    }
                }
            });

    private static string F(double? x) => x is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
