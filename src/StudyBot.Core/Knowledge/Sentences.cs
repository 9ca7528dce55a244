using System.Text;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// The sentences of prose, one splitter for the answer's lead and the quiz's facts. A sentence ends at ".", "!" or "?"
/// (and any closing bracket or quote after it) before a space and a capital, a digit or an opening quote or bracket, or
/// at the end of the text; not after an abbreviation ("e.g.", <see cref="Lexicon.Abbreviations"/>) or a single letter
/// ("J. Smith"), and not inside a number ("2.0").
/// </summary>
internal static class Sentences
{
    /// <summary>The sentences of a text given line by line (joined with a space), each with the first and last line
    /// it spans.</summary>
    public static List<(int LineStart, int LineEnd, string Text)> Of(IReadOnlyList<(int Line, string Text)> lines)
    {
        var text = new StringBuilder();
        var lineOf = new List<int>();
        foreach (var (line, t) in lines)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
                lineOf.Add(line);
            }

            text.Append(t);
            lineOf.AddRange(Enumerable.Repeat(line, t.Length));
        }

        var all = text.ToString();
        return [.. Spans(all).Select(s => (lineOf[s.Start], lineOf[s.End], all[s.Start..(s.End + 1)]))];
    }

    /// <summary>The sentences of one text.</summary>
    public static List<string> Of(string text) => [.. Spans(text).Select(s => text[s.Start..(s.End + 1)])];

    /// <summary>The first and last character of each sentence of <paramref name="all"/>, without the spaces around it.</summary>
    public static List<(int Start, int End)> Spans(string all)
    {
        var result = new List<(int, int)>();
        var from = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i;
            while (end + 1 < all.Length && all[end + 1] is ')' or ']' or '"' or '”' or '’' or '\'')
            {
                end++;
            }

            var next = end + 1;
            while (next < all.Length && char.IsWhiteSpace(all[next]))
            {
                next++;
            }

            var atEnd = next >= all.Length;
            var opensSentence = !atEnd && next > end + 1 && (char.IsUpper(all[next]) || char.IsDigit(all[next]) || all[next] is '"' or '“' or '(' or '‘');
            if ((!atEnd && !opensSentence) || (all[i] == '.' && EndsWithAbbreviation(all[from..i])))
            {
                continue;
            }

            Add(from, end);
            from = next;
            i = end;
        }

        Add(from, all.Length - 1);
        return result;

        void Add(int start, int end)
        {
            while (start <= end && char.IsWhiteSpace(all[start]))
            {
                start++;
            }

            while (end >= start && char.IsWhiteSpace(all[end]))
            {
                end--;
            }

            if (start <= end)
            {
                result.Add((start, end));
            }
        }
    }

    private static bool EndsWithAbbreviation(string before)
    {
        var word = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.TrimStart('(', '"', '“') ?? string.Empty;
        return Lexicon.Abbreviations.Contains(word) || (word.Length == 1 && char.IsLetter(word[0]));
    }
}
