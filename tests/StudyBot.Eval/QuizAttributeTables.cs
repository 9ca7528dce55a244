using System.Globalization;
using StudyBot.Core.Quiz;

namespace StudyBot.Eval;

/// <summary>
/// quiz-attribute-tables FOLDERS.txt [OUT.tsv]: every table of the listed notes folders (one folder a line, relative to
/// the repository root) with what tells a comparison of its columns ("Feature | TCP | UDP") from a table of attributes
/// ("Parameter | Value | Notes"): how alike the sentence model finds the cells of one row across the compared columns,
/// and the cells of one column down the rows; and how much of the cells' spread in length lies between the columns.
/// A measurement for <see cref="QuestionGenerator.ComparesItsColumns"/> (docs/quiz.md, "Attribute tables are no
/// comparisons").
/// </summary>
internal static class QuizAttributeTables
{
    public static void Run(string root, string[] args) =>
        QuizFolders.EachTable(root, args, "quiz-attribute-tables", "attribute-tables.tsv",
            "folder\tfile\tline\taxis_header\tcompares\trows\tcols\trow_like\tcol_like\tlength_between\tlength_fold\theaders",
            (output, folder, file, table, f) =>
            {
                var (rowLike, colLike) = QuestionGenerator.CellLikeness(table, f.Kinds);
                output.WriteLine(string.Join('\t',
                    folder, file, table.HeaderLine.ToString(CultureInfo.InvariantCulture), QuestionGenerator.HasAxisCorner(table), QuestionGenerator.ComparesItsColumns(table, f.Kinds),
                    table.Rows.Count.ToString(CultureInfo.InvariantCulture), (table.Headers.Count - 1).ToString(CultureInfo.InvariantCulture),
                    F(rowLike), F(colLike), F(QuestionGenerator.LengthBetweenColumns(table)), F(LengthFold(table)),
                    string.Join(" | ", table.Headers).Replace('\t', ' ')));
            });

    /// <summary>How many times longer the wordiest compared column's cells are than the tersest's, by the geometric mean
    /// of their words plus one: measured, not kept (equity compensation's tax comparison, 2.9-fold, lies above
    /// "Factor | Description | Example", 2.3-fold).</summary>
    private static double LengthFold(QuestionGenerator.NotesTable table)
    {
        var means = Enumerable.Range(1, table.Headers.Count - 1).Select(c => table.Cells.Average(r => Math.Log(1 + QuizText.WordCount(r[c])))).ToList();
        return Math.Exp(means.Max() - means.Min());
    }

    private static string F(double? x) => x is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
