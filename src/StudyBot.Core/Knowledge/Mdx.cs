using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// An MDX page (Docusaurus, Nextra, Storybook docs) read as the markdown it is written in. MDX is markdown with ES
/// module statements, JSX components and <c>{/* comments */}</c>; read as plain markdown, an <c>export const …</c> line
/// and a comment were passages, and a component's line (<c>&lt;Callout type="warning"&gt;</c>) opened an HTML block
/// that swallowed the markdown under it up to the next blank line ("Never cache secrets." was no text). So those are
/// masked by spaces — every other character, and every line end, stays where it was, so a passage's offsets and line
/// numbers are the file's — and the rest is parsed as markdown.
/// </summary>
internal static partial class Mdx
{
    /// <summary>An opening tag written over several lines ends within this many lines, or it is not taken for one.</summary>
    private const int MaxTagLines = 20;

    /// <summary>Markdown takes a fence indented this deep at most; a deeper one is moved left (<see cref="Dedent"/>).</summary>
    private const int MaxFenceIndent = 3;

    /// <summary>An expression block's braces close within this many lines, or it is read as text.</summary>
    private const int MaxExpressionLines = 200;

    public static bool IsMdx(string file) => file.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page with its module statements, comments and component-only lines masked by spaces; code fences
    /// and what they hold stay as written.</summary>
    public static string Masked(string text)
    {
        var chars = text.ToCharArray();
        var lines = LineSpans(text);
        string? fence = null;
        var fenceIndent = 0;
        var inComment = false;
        var unclosedUntil = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            var line = text[start..end];
            if (fence is not null)
            {
                Dedent(chars, lines[i], fenceIndent);
                if (ClosesFence(line, fence))
                {
                    fence = null;
                }

                continue;
            }

            if (!inComment && Fence().Match(line) is { Success: true } open)
            {
                fence = open.Groups[2].Value;
                fenceIndent = open.Groups[1].Length > MaxFenceIndent ? open.Groups[1].Length : 0;
                Dedent(chars, lines[i], fenceIndent);
                continue;
            }

            if (!inComment && IsParagraphStart(text, lines, i) && ModuleStatement().IsMatch(line))
            {
                // An ES module block runs to the next blank line (MDX's own rule).
                var last = i;
                while (last + 1 < lines.Count && !string.IsNullOrWhiteSpace(LineText(text, lines[last + 1])))
                {
                    last++;
                }

                i = MaskThrough(chars, lines, i, last);
                continue;
            }

            // "<Tabs" with its attributes on the lines below, closed by a line that ends in ">".
            if (!inComment && OpeningTagStart().IsMatch(line) && !line.Contains('>', StringComparison.Ordinal)
                && TagEnd(text, lines, i) is { } tagEnd)
            {
                i = MaskThrough(chars, lines, i, tagEnd);
                continue;
            }

            if (!inComment && i > unclosedUntil && line.TrimStart().StartsWith('{') && !line.TrimStart().StartsWith("{/*", StringComparison.Ordinal))
            {
                // A JavaScript expression (<c>{props.title}</c>, or a function over several lines): up to where its
                // braces close. Braces that do not close are text, and so are the lines a search for their end read
                // (each line is read by at most one search).
                if (ExpressionEnd(text, lines, i) is { } closing)
                {
                    i = MaskThrough(chars, lines, i, closing);
                    continue;
                }

                unclosedUntil = i + MaxExpressionLines;
            }

            inComment = MaskComments(chars, start, end, inComment);
            if (ComponentLine().IsMatch(chars.AsSpan(start, end - start)))
            {
                Mask(chars, lines[i]);
            }
        }

        return new string(chars);
    }

    /// <summary>The line that closes an opening tag begun on line <paramref name="first"/> (it ends in "&gt;"), within
    /// <see cref="MaxTagLines"/> lines; null when none does (then it is text).</summary>
    private static int? TagEnd(string text, List<(int Start, int End)> lines, int first)
    {
        for (var last = first; last < lines.Count && last - first <= MaxTagLines; last++)
        {
            if (LineText(text, lines[last]).TrimEnd().EndsWith('>'))
            {
                return last;
            }
        }

        return null;
    }

    /// <summary>Masks lines <paramref name="first"/> to <paramref name="last"/>; the last one masked.</summary>
    private static int MaskThrough(char[] chars, List<(int Start, int End)> lines, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            Mask(chars, lines[i]);
        }

        return last;
    }

    private static string LineText(string text, (int Start, int End) line) => text[line.Start..line.End];

    /// <summary>The line where an expression that opens line <paramref name="first"/> closes its braces, or null when
    /// they do not close within <see cref="MaxExpressionLines"/> (then it is text).</summary>
    private static int? ExpressionEnd(string text, List<(int Start, int End)> lines, int first)
    {
        var depth = 0;
        for (var i = first; i < lines.Count && i - first < MaxExpressionLines; i++)
        {
            foreach (var c in text.AsSpan(lines[i].Start, lines[i].End - lines[i].Start))
            {
                depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            }

            if (depth <= 0)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Masks the <c>{/* … */}</c> comments of one line, continuing one a line before opened; true when a
    /// comment is still open at the line's end.</summary>
    private static bool MaskComments(char[] chars, int start, int end, bool inComment)
    {
        var at = start;
        while (at < end)
        {
            if (inComment)
            {
                var close = IndexOf(chars, "*/}", at, end);
                var stop = close < 0 ? end : close + 3;
                Array.Fill(chars, ' ', at, stop - at);
                at = stop;
                inComment = close < 0;
            }
            else
            {
                var open = IndexOf(chars, "{/*", at, end);
                if (open < 0)
                {
                    break;
                }

                at = open;
                inComment = true;
            }
        }

        return inComment;
    }

    private static int IndexOf(char[] chars, string value, int from, int end)
    {
        var found = chars.AsSpan(from, end - from).IndexOf(value.AsSpan(), StringComparison.Ordinal);
        return found < 0 ? -1 : from + found;
    }

    /// <summary>Moves a line of an indented code fence left by the fence's indent (at most its own leading blanks),
    /// with blanks at its end: MDX has no indented code, so a fence inside a component may be indented as deep as the
    /// component's markup ("    ```tsx" under <c>&lt;div&gt;</c>), which markdown reads only up to three blanks deep.
    /// The line keeps its length and place.</summary>
    private static void Dedent(char[] chars, (int Start, int End) line, int indent)
    {
        var blanks = 0;
        while (blanks < indent && line.Start + blanks < line.End && chars[line.Start + blanks] is ' ' or '\t')
        {
            blanks++;
        }

        if (blanks == 0)
        {
            return;
        }

        Array.Copy(chars, line.Start + blanks, chars, line.Start, line.End - line.Start - blanks);
        Array.Fill(chars, ' ', line.End - blanks, blanks);
    }

    private static void Mask(char[] chars, (int Start, int End) line) =>
        Array.Fill(chars, ' ', line.Start, line.End - line.Start);

    private static bool IsParagraphStart(string text, List<(int Start, int End)> lines, int i) =>
        i == 0 || string.IsNullOrWhiteSpace(LineText(text, lines[i - 1])) || LineText(text, lines[i - 1]).TrimEnd() == "---";

    internal static bool ClosesFence(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    internal static List<(int Start, int End)> LineSpans(string text)
    {
        var map = new LineMap(text);
        return [.. Enumerable.Range(1, map.LineCount).Select(map.Bounds)];
    }

    /// <summary>A code fence's opening, at any indent (<see cref="Dedent"/>).</summary>
    [GeneratedRegex(@"^([ \t]*)(`{3,}|~{3,})")]
    internal static partial Regex Fence();

    /// <summary>An ES module statement opening a paragraph: <c>import … from '…'</c>, <c>export const …</c>.</summary>
    [GeneratedRegex(@"^(?:import|export)\s")]
    private static partial Regex ModuleStatement();

    /// <summary>A line of nothing but tags (<c>&lt;Tabs&gt;</c>, <c>&lt;TabItem value="a" label="A"&gt;</c>,
    /// <c>&lt;/Callout&gt;</c>, <c>&lt;div className="note"&gt;</c>, <c>&lt;Spacer /&gt;</c>): in MDX every tag is JSX, and
    /// the markdown between an opening and a closing one is markdown, not the HTML block plain markdown makes of it. A
    /// line is as long as a client made it, so the match runs without backtracking (linear in the line).</summary>
    [GeneratedRegex(@"^\s*(?:</?[A-Za-z][\w.:-]*(?:\s+[^<>]*?)?\s*/?>\s*)+$", RegexOptions.NonBacktracking)]
    private static partial Regex ComponentLine();

    /// <summary>The start of a component's opening tag whose attributes go on below.</summary>
    [GeneratedRegex(@"^\s*<[A-Za-z][\w.:-]*(?:\s|$)")]
    private static partial Regex OpeningTagStart();

}
