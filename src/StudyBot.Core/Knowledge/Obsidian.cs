using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// What Obsidian adds to markdown, read as Obsidian shows it. A vault is where many people keep their study notes, and
/// its notes link one another in double brackets: "KMS is used with [[S3]] and [[EBS|Elastic Block Store]]" was quoted
/// with its brackets, and "Elastic Block Store" was no word of the line's. Highlights (<c>==envelope encryption==</c>)
/// and task lists are Markdig's own extensions (<see cref="NotesParser"/>'s pipeline); comments are masked here.
/// </summary>
internal static class Obsidian
{
    /// <summary>The longest link read as one (Obsidian's note names are file names); a longer run is left as text.</summary>
    private const int MaxLinkLength = 300;

    /// <summary>The text with each Obsidian comment (<c>%% … %%</c>, on one line or over several) masked by spaces:
    /// Obsidian shows none of it, so it is not the notes' text ("%% private comment: ask Bob %%"). Every other character,
    /// and every line end, stays where it was, so line numbers hold. Not inside fenced code, where "%%" is a Jupyter
    /// cell magic or a format string; an opening without its closing is left as written.</summary>
    public static string WithoutComments(string text)
    {
        if (!text.Contains("%%", StringComparison.Ordinal))
        {
            return text;
        }

        var chars = text.ToCharArray();
        string? fence = null;
        var open = -1;
        foreach (var (start, end) in Mdx.LineSpans(text))
        {
            var line = text[start..end];
            if (fence is not null)
            {
                fence = Mdx.ClosesFence(line, fence) ? null : fence;
                continue;
            }

            if (open < 0 && Mdx.Fence().Match(line) is { Success: true } opening)
            {
                fence = opening.Groups[2].Value;
                continue;
            }

            for (var i = text.IndexOf("%%", start, end - start, StringComparison.Ordinal); i >= 0;
                 i = i + 2 < end ? text.IndexOf("%%", i + 2, end - i - 2, StringComparison.Ordinal) : -1)
            {
                if (open < 0)
                {
                    open = i;
                    continue;
                }

                for (var k = open; k < i + 2; k++)
                {
                    chars[k] = chars[k] is '\n' or '\r' ? chars[k] : ' ';
                }

                open = -1;
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// A wikilink, <c>[[Note]]</c>, <c>[[Note|shown text]]</c> or <c>[[Note#Heading]]</c>, read as a link whose text is
    /// what Obsidian shows (the alias; else the note's name, and its heading after "&gt;"); an embed (<c>![[diagram.png]]</c>)
    /// is read as an image, which is no text. Inline code and code blocks are never parsed for inlines, so JavaScript's
    /// <c>[[prototype]]</c> in backticks stays; a run with brackets inside (<c>[[1, 2], [4, 7]]</c>) is no link.
    /// </summary>
    internal sealed class WikiLinkParser : InlineParser
    {
        public WikiLinkParser() => OpeningCharacters = ['[', '!'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            var text = slice.Text;
            var start = slice.Start;
            var embed = text[start] == '!';
            var open = start + (embed ? 1 : 0);
            if (open + 1 >= slice.End || text[open] != '[' || text[open + 1] != '[')
            {
                return false;
            }

            var close = text.IndexOf("]]", open + 2, Math.Min(MaxLinkLength, slice.End - open - 1), StringComparison.Ordinal);
            if (close < 0 || close > slice.End - 1)
            {
                return false;
            }

            var inner = text.AsSpan(open + 2, close - open - 2);
            if (inner.IsWhiteSpace() || inner.IndexOfAny("[]\n\r") >= 0)
            {
                return false;
            }

            var bar = inner.IndexOf('|');
            var target = (bar < 0 ? inner : inner[..bar]).Trim().ToString();
            var shown = bar < 0 ? Shown(target) : inner[(bar + 1)..].Trim().ToString();
            var position = processor.GetSourcePosition(start, out var line, out var column);
            var end = position + (close + 2 - start) - 1;
            var link = new LinkInline(target, string.Empty)
            {
                IsImage = embed,
                IsClosed = true,
                Span = new SourceSpan(position, end),
                Line = line,
                Column = column,
            };
            link.AppendChild(new LiteralInline(shown) { Span = new SourceSpan(position, end), Line = line, Column = column });
            processor.Inline = link;
            slice.Start = close + 2;
            return true;
        }

        /// <summary>What Obsidian shows for a link without an alias: the note's name, then its heading after "&gt;";
        /// a block reference (<c>#^id</c>) is no words.</summary>
        private static string Shown(string target)
        {
            var parts = target.Split('#', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !p.StartsWith('^'))
                .ToList();
            return parts.Count == 0 ? target : string.Join(" > ", parts);
        }
    }
}
