using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// The text of blocks as a reader sees it, by source line: an inline tree's words and code without markup or images, a
/// link by its text, a phrasing tag adding no space (<see cref="Walker.InlineLines"/>, <see cref="Walker.Collect"/>),
/// letters marked in brackets read as their word (<see cref="Walker.Unbracketed"/>), a callout's marker left out
/// (<see cref="Walker.WithoutCalloutMarker"/>); a bullet's own lines (<see cref="Walker.ItemLines"/>), a code block's
/// (<see cref="Walker.CodeLines"/>), and the plain text of an emphasis or a team's question (<see cref="PlainText"/>).
/// </summary>
internal static partial class NotesParser
{
    /// <summary>A tag that formats text inside a line (<c>&lt;a href="…"&gt;</c>, <c>&lt;strong&gt;</c>, <c>&lt;span&gt;</c>,
    /// <c>&lt;sup&gt;</c>, …): it adds no space, as a browser shows it. "I&lt;sup&gt;2&lt;/sup&gt;C" is I2C and
    /// "CO&lt;sub&gt;2&lt;/sub&gt;" CO2 (read "I 2 C" before the thirty-third session, so "what is I2C?" found nothing in the
    /// lesson about it), and "see &lt;a href="…"&gt;our course&lt;/a&gt;." reads "see our course." (until the thirty-seventh
    /// session "see  our course .", in answers and quiz stems). Other tags (<c>&lt;br&gt;</c>, <c>&lt;img&gt;</c>,
    /// <c>&lt;p&gt;</c>) separate words.</summary>
    [GeneratedRegex(@"^</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b[^>]*>$", RegexOptions.IgnoreCase)]
    private static partial Regex PhrasingTag();

    /// <summary>The marker of an Obsidian callout or a GitHub alert that text follows on its line (<c>&gt; [!tip] Title</c>,
    /// <c>&gt; [!NOTE] Foreign key is frequently abbreviated as FK</c>): Markdig's alerts take the marker only on a line of
    /// its own, and "[!NOTE]" was quoted as the answer's first word.</summary>
    [GeneratedRegex(@"^\s*\[![A-Za-z]+\][+-]?\s*")]
    private static partial Regex CalloutMarker();

    /// <summary>One or two letters in brackets joined to a word's letters on either side ("E[x]tract", "[f]ile",
    /// "g[z]ipped"), the word's letters around them captured.</summary>
    [GeneratedRegex(@"(?<before>\p{L}*)\[(?<letters>\p{L}{1,2})\](?<after>\p{L}*)")]
    private static partial Regex BracketedLetters();

    /// <summary>The words and code an inline tree shows, without its markup or images: a line break is a space, an
    /// autolink its address, an entity its character (the text of an emphasis; the stem of a team's question).</summary>
    internal static string PlainText(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        foreach (var node in inline?.Descendants() ?? [])
        {
            switch (node)
            {
                case LiteralInline literal when !IsInsideImage(literal):
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case AutolinkInline link:
                    builder.Append(link.Url);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    break;
                default:
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsInsideImage(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline { IsImage: true })
            {
                return true;
            }
        }

        return false;
    }

    private sealed partial class Walker
    {
        /// <summary>The text lines of a bullet itself (paragraphs, `- # text` headings, quotes, code), not of its nested
        /// lists.</summary>
        private List<TextLine> ItemLines(ListItemBlock item)
        {
            var result = new List<TextLine>();
            foreach (var block in item.TakeWhile(b => b is not ListBlock))
            {
                switch (block)
                {
                    case ParagraphBlock p:
                        result.AddRange(InlineLines(p.Inline));
                        break;
                    case HeadingBlock h:
                        result.AddRange(InlineLines(h.Inline));
                        break;
                    case CodeBlock c:
                        result.AddRange(CodeLines(c));
                        break;
                    case QuoteBlock quote:
                        // A quote under a rule is part of it ("- Use const. > Why? …"): the reason a why-question asks for.
                        foreach (var paragraph in quote.Descendants<ParagraphBlock>())
                        {
                            result.AddRange(InlineLines(paragraph.Inline));
                        }

                        break;
                    default:
                        break;
                }
            }

            return result;
        }

        private List<TextLine> CodeLines(CodeBlock code)
        {
            var result = new List<TextLine>();
            for (var k = 0; k < code.Lines.Count; k++)
            {
                var line = code.Lines.Lines[k];
                var content = line.Slice.ToString();
                if (!string.IsNullOrWhiteSpace(content))
                {
                    result.Add(new TextLine(_lines.LineOf(line.Position), content.TrimEnd()));
                }
            }

            return result;
        }

        /// <summary>Plain text of an inline tree, grouped by source line; images and HTML are dropped.</summary>
        private List<TextLine> InlineLines(ContainerInline? root)
        {
            var byLine = new SortedDictionary<int, StringBuilder>();
            _codeSpans.Clear();
            if (root is not null)
            {
                Collect(root, byLine);
            }

            return byLine
                .Select((kv, i) => new TextLine(kv.Key, Normalize(i == 0 ? WithoutCalloutMarker(Unbracketed(kv.Key, kv.Value.ToString()), byLine.Count > 1) : Unbracketed(kv.Key, kv.Value.ToString()))))
                .Where(l => l.Text.Length > 0)
                .ToList();
        }

        private void Collect(Inline inline, SortedDictionary<int, StringBuilder> byLine)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    return;
                case LinkInline link when link.FirstChild is null:
                    Append(byLine, link, link.Url ?? string.Empty);
                    return;
                case EmphasisInline emphasis:
                    // Its text is read as any other; the span is kept apart for the quiz (the answers never see it).
                    MarkEmphasis(emphasis, PlainText(emphasis), EmphasisKind.Emphasis);
                    foreach (var child in emphasis)
                    {
                        Collect(child, byLine);
                    }

                    return;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Collect(child, byLine);
                    }

                    return;
                case LiteralInline literal:
                    Append(byLine, literal, literal.Content.ToString());
                    return;
                case CodeInline code:
                    MarkEmphasis(code, code.Content, EmphasisKind.Code);
                    var codeLine = _lines.LineOf(code.Span.Start);
                    var codeStart = byLine.TryGetValue(codeLine, out var before) ? before.Length : 0;
                    Append(byLine, code, code.Content);
                    _codeSpans.Add((codeLine, codeStart, code.Content.Length));
                    return;
                case AutolinkInline auto:
                    Append(byLine, auto, auto.Url);
                    return;
                case HtmlEntityInline entity:
                    Append(byLine, entity, entity.Transcoded.ToString());
                    return;
                case TaskList task when !OpensListItem(task):
                    // Markdig takes "[x]" anywhere in a list item for a task's box; only the item's opening one is.
                    Append(byLine, task, text.Substring(task.Span.Start, task.Span.Length));
                    return;
                case HtmlInline html:
                    // Their markup is not text. A tag that breaks the line (<br>, <img>) separates words; one that
                    // formats text adds nothing (PhrasingTag).
                    Append(byLine, html, PhrasingTag().IsMatch(html.Tag) ? string.Empty : " ");
                    return;
                default:
                    return;
            }
        }

        /// <summary>Whether a task's box opens its list item ("- [x] enable CloudTrail"), as a task list writes it.</summary>
        private static bool OpensListItem(TaskList task) =>
            task.Parent is { ParentBlock: ParagraphBlock { Parent: ListItemBlock item } paragraph } inlines
            && inlines.FirstChild == task && item.Count > 0 && item[0] == paragraph;

        /// <summary>A line's text with the letters a page marks in brackets inside its words read as the word
        /// ("E[x]tract a (compressed) archive [f]ile" → "Extract a (compressed) archive file": tldr pages mark the letters
        /// their options stand for). Split at the brackets, "extract" and "file" were no words of the page, and "how do i
        /// extract a tar.gz into a specific folder" cited unzip. Not inside code ("a[i]").</summary>
        private string Unbracketed(int line, string text) =>
            text.Contains('[', StringComparison.Ordinal)
                ? BracketedLetters().Replace(text, m => m.Groups["before"].Length + m.Groups["after"].Length == 0
                    || _codeSpans.Any(c => c.Line == line && m.Index < c.Start + c.Length && c.Start < m.Index + m.Length)
                    ? m.Value
                    : m.Groups["before"].Value + m.Groups["letters"].Value + m.Groups["after"].Value)
                : text;

        private void Append(SortedDictionary<int, StringBuilder> byLine, Inline inline, string value)
        {
            var line = _lines.LineOf(inline.Span.Start);
            if (!byLine.TryGetValue(line, out var builder))
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return;
                }

                builder = new StringBuilder();
                byLine[line] = builder;
            }

            builder.Append(value);
        }

        /// <summary>A first line without its callout marker (<see cref="CalloutMarker"/>); most lines hold no "[!" at all.
        /// What follows the marker on its line is the callout's title when lines come after it (Obsidian shows it as the
        /// box's heading): it ends in a colon, as a label over lines does, so "> [!warning] Deletion" over "Deleting a key
        /// is irreversible." reads "Deletion: Deleting a key …", not "Deletion Deleting a key …".</summary>
        private static string WithoutCalloutMarker(string line, bool titlesMore)
        {
            if (!line.Contains("[!", StringComparison.Ordinal) || CalloutMarker().Match(line) is not { Success: true } marker)
            {
                return line;
            }

            var title = line[(marker.Index + marker.Length)..].TrimEnd();
            return titlesMore && title.Length > 0 && !char.IsPunctuation(title[^1]) ? title + ":" : title;
        }

        private static bool IsTextInline(Inline inline) => inline switch
        {
            LiteralInline l => !l.Content.IsEmptyOrWhitespace() && !IsInsideImage(l),
            CodeInline or AutolinkInline => true,
            _ => false,
        };

        private static string JoinText(IEnumerable<TextLine> lines) => string.Join("\n", lines.Select(l => l.Text));

        private static string Normalize(string value) =>
            value.Replace('\u2028', ' ').Replace('\u2029', ' ').Replace('\r', ' ').Replace('\t', ' ').Trim();
    }
}
