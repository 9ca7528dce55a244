using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// The walker's blocks other than lists, tables and headings: a paragraph, read as a question-answer pair, a bold label
/// over what follows, a title line or prose (<see cref="Walker.WalkParagraph"/>); a quote or a <c>:::tip</c> aside,
/// read as content whose label titles only what it holds (<see cref="Walker.WalkQuote"/>); an HTML definition list,
/// each term the title of its definition (<see cref="Walker.WalkDefinitionList"/>); and the blocks that show no text:
/// blank paragraphs, HTML, MDX module imports, kramdown markup (<see cref="Walker.IsEmptyBlock"/>).
/// </summary>
internal static partial class NotesParser
{
    /// <summary>A line of ES module imports (<c>import X from './x';</c>, <c>import './style.css';</c>), one or several:
    /// "import InDocAd from './_components/InDocAd'; import QuestionList from './_components/QuestionList';" was a
    /// passage of the tech interview handbook.</summary>
    [GeneratedRegex(@"^\s*(?:import\s+(?:[\w*${},\s]+\s+from\s+)?['""][^'""\s]+['""];?\s*)+$", RegexOptions.NonBacktracking)]
    private static partial Regex ModuleImport();

    /// <summary>A line of kramdown markup that Jekyll sites write between blocks and that shows no text: a block's
    /// attribute list (<c>{:.list-item--margin-bottom-extra}</c>, <c>{: .usa-button}</c>), an extension
    /// (<c>{::options parse_block_html="true" /}</c>), or a comment written as a link label (<c>[//]: # (…)</c>). Read as
    /// text, "{:.list-item--margin-bottom-extra}" was the label over every list of 18F's UX guide.</summary>
    [GeneratedRegex(@"^\s*(?:\{::?[^{}]*\}|\[//\]:.*)\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex KramdownMarkup();

    /// <summary>The most definitions of HTML definition lists read in one file (<see cref="Walker"/>): each is parsed on
    /// its own at the cost of the file's length up to it.</summary>
    internal const int MaxDefinitionsPerFile = 200;

    /// <summary>The first line of an HTML definition list's block.</summary>
    [GeneratedRegex(@"^\s{0,3}<(?:dl|dt|dd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionListOpening();

    /// <summary>A term (<c>&lt;dt&gt;…&lt;/dt&gt;</c>) or a definition (<c>&lt;dd&gt;…&lt;/dd&gt;</c>, or up to the next
    /// tag of the list where the closing tag is left out, as HTML allows).</summary>
    [GeneratedRegex(@"<dt\b[^>]*>(?<term>.*?)(?:</dt>|(?=<d[dtl]\b|</dl>))|<dd\b[^>]*>(?<body>.*?)(?:</dd>|(?=<d[dtl]\b|</dl>)|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DefinitionListPart();

    /// <summary>An HTML tag.</summary>
    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    private sealed partial class Walker
    {
        /// <summary>An HTML definition list (<c>&lt;dl&gt;&lt;dt&gt;Big Data&lt;/dt&gt;&lt;dd&gt;…&lt;/dd&gt;</c>), which
        /// Microsoft's lessons write for a list of terms and their explanations: markdown has none, and an HTML block is
        /// no text, so every line of the list was in no passage ("is parquet a format people use with big data?" found
        /// nothing). Only the three tags of a definition list; other HTML blocks are images, captions and layout.</summary>
        private static bool IsDefinitionList(Block block) =>
            block is HtmlBlock html && html.Lines.Count > 0 && DefinitionListOpening().IsMatch(html.Lines.Lines[0].Slice.ToString());

        /// <summary>Each term of a definition list titles its definition, as a bold label over a paragraph would; the
        /// definition is read as the markdown it is written in, on its own lines: parsed from the file's text with
        /// everything before it masked by spaces, so that every offset and line number is the file's. Parsed one by one
        /// (two definitions on adjacent lines would be read as one paragraph), and at most
        /// <see cref="MaxDefinitionsPerFile"/> of them, each parse costing the file's length up to it. What follows the
        /// list goes back to the section.</summary>
        private void WalkDefinitionList(HtmlBlock list)
        {
            var (soft, index, introduced) = (_soft, _indexInSection, _introduced);
            var start = list.Span.Start;
            var end = Math.Min(text.Length, list.Span.End + 1);
            for (var part = DefinitionListPart().Match(text, start, end - start); part.Success; part = part.NextMatch())
            {
                if (part.Groups["term"].Success)
                {
                    var term = Normalize(HtmlTag().Replace(part.Groups["term"].Value, " "));
                    if (term.Length > 0)
                    {
                        SetSoftTitle(term, _lines.LineOf(part.Index));
                    }

                    continue;
                }

                if (_definitionsRead++ >= MaxDefinitionsPerFile)
                {
                    break;
                }

                var body = part.Groups["body"];
                _masked ??= text.Select(c => c is '\n' or '\r' ? c : ' ').ToArray();
                var masked = new char[body.Index + body.Length];
                Array.Copy(_masked, masked, body.Index);
                text.CopyTo(body.Index, masked, body.Index, body.Length);

                // A definition written on its tag's line ("<dt>Latency<dd>The time …") would open with the masked tags'
                // columns, which markdown reads as an indented code block: its first line moves to the line's start
                // (a position on the same line is the same line).
                var lineStart = text.LastIndexOf('\n', Math.Max(0, body.Index - 1)) + 1;
                var firstEnd = body.Value.IndexOfAny(['\n', '\r']) is var nl and >= 0 ? body.Index + nl : body.Index + body.Length;
                if (body.Index > lineStart)
                {
                    text.CopyTo(body.Index, masked, lineStart, firstEnd - body.Index);
                    Array.Fill(masked, ' ', lineStart + (firstEnd - body.Index), body.Index - lineStart);
                }

                WalkContainer(Markdown.Parse(new string(masked), pipeline));
            }

            (_soft, _indexInSection, _introduced) = (soft, index, introduced);
        }

        /// <summary>A quoted note ("> **Note**: The way filtering works …", "> **Learning goal:** By the end …"), or an
        /// aside fenced by <c>:::tip</c> … <c>:::</c>, is read
        /// like any content, and a label inside it titles what the quote holds; what follows the quote goes back to the
        /// section it interrupted. Kept as the title, "Note" stood for every paragraph down to the next heading, and
        /// lines about DataFrame columns were cited as a section called "Note". A quote that holds a label and nothing
        /// else ("> **Consolidated Billing:**" over a list) is the author's sub-heading, and titles what follows.</summary>
        private void WalkQuote(ContainerBlock quote)
        {
            var (soft, index, introduced, emitted) = (_soft, _indexInSection, _introduced, _entries.Count);

            // The quote is what a line ending in a colon introduced ("Putt's Law is often followed by Putt's
            // Corollary:"), not the prose after it: its sentences keep that line's title, and the prose after the
            // quote goes back to the section as before. Read as the prose after, the quote lost the title and the
            // line itself was in no passage, so "what is Putt's Corollary?" matched no line that names it.
            _introduced = null;
            WalkContainer(quote);
            if (_entries.Count > emitted && !ReferenceEquals(_soft, soft) && _soft is { } inside && inside.Line >= _lines.LineOf(quote.Span.Start))
            {
                (_soft, _indexInSection, _introduced) = (soft, Math.Max(index, 1), introduced);
            }
            else if (ReferenceEquals(_soft, soft))
            {
                _introduced = introduced;
            }
        }

        /// <summary>Handles a top-level paragraph; returns true when it consumed <paramref name="next"/>.</summary>
        private bool WalkParagraph(ParagraphBlock paragraph, Block? next)
        {
            var lines = InlineLines(paragraph.Inline);
            if (lines.Count == 0)
            {
                return false;
            }

            if (lines.Count == 1 && FillerLabels.Contains(lines[0].Text.Trim().Trim('*').TrimEnd(':', '.', ' ')))
            {
                // "eg:", "**Output:**": an introduction to what follows, neither a title nor a fact.
                return false;
            }

            var label = BoldLabel(paragraph.Inline, lines);
            if (label is not null && QuestionLabel().IsMatch(label + ":") && next is ParagraphBlock answer
                && InlineLines(answer.Inline) is { Count: > 0 } answerLines && BoldLabel(answer.Inline, answerLines) is { } answerLabel
                && AnswerLabel().IsMatch(answerLabel + ":"))
            {
                // "**Question:**" over its question, then "**Answer:**" over the answer: one pair, as "Question: … /
                // Answer: …" on one line each is, not two sections titled "Question" and "Answer".
                var asked = Unlabelled(JoinText(lines).Replace('\n', ' '));
                AsItsOwnSection(asked, lines[0].Line, () =>
                    EmitPair(asked, lines[0].Line, JoinText(answerLines).Replace('\n', ' '), answerLines[^1].Line, string.Empty));
                return true;
            }

            if (label is not null)
            {
                SetSoftTitle(label, lines[0].Line);
                var rest = JoinText(lines);
                if (!IsLabelAlone(rest, label))
                {
                    EmitChunks(lines, PassageKind.Paragraph, string.Empty);
                }

                return false;
            }

            var first = lines[0].Text.Trim();
            var single = lines.Count == 1;
            if (single && next is not null && next is not HeadingBlock && IsQuestion(first) && next is ListBlock or ParagraphBlock)
            {
                var asked = Unlabelled(first);
                AsItsOwnSection(asked, lines[0].Line, () => EmitQuestionTitlePair(asked, lines[0].Line, next));
                return true;
            }

            if (single && next is not null && IsTitleLine(first) && !IsReferenceLink(paragraph) && IntroducesContent(paragraph, next))
            {
                // Introductions chain ("Let's call panic!:", code, "When you run it, you'll see:", output): the
                // prose after them goes back to the section the first one interrupted.
                // A line cut off before what it introduces ("You can install it on the command line as" over the command)
                // introduces as a colon does: the TypeScript book's prose after such a command was cited under it.
                var outer = _introduced ?? (_soft, _indexInSection);
                SetSoftTitle(first.TrimEnd(':').Trim(), lines[0].Line);
                if (first.EndsWith(':') || LeadsIn(first) || (next is CodeBlock && SpeaksToTheReader(first)))
                {
                    _introduced = outer;
                }

                return false;
            }

            if (_introduced is { } introduced && IsProse(lines))
            {
                (_soft, _indexInSection) = (introduced.Soft, Math.Max(introduced.IndexInSection, 1));
                _introduced = null;
            }

            EmitChunks(lines, PassageKind.Paragraph, string.Empty);
            return false;
        }

        private bool IsEmptyBlock(Block block) => block switch
        {
            ParagraphBlock p => p.Inline is null || !p.Inline.Descendants<Inline>().Any(IsTextInline) || IsModuleImport(p) || IsKramdownMarkup(p),
            ThematicBreakBlock or HtmlBlock or LinkReferenceDefinitionGroup or YamlFrontMatterBlock => true,
            _ => false,
        };

        /// <summary>A paragraph of MDX module imports (<c>import InDocAd from './_components/InDocAd';</c>): Docusaurus
        /// reads every page as MDX, and the line loads a component; it is no text of the notes.</summary>
        private bool IsModuleImport(ParagraphBlock paragraph) =>
            paragraph.Inline?.FirstChild is LiteralInline first && first.Content.ToString().StartsWith("import ", StringComparison.Ordinal)
            && InlineLines(paragraph.Inline).All(l => ModuleImport().IsMatch(l.Text));

        /// <summary>A paragraph whose every line is kramdown markup (<see cref="KramdownMarkup"/>).</summary>
        private bool IsKramdownMarkup(ParagraphBlock paragraph) =>
            InlineLines(paragraph.Inline) is { Count: > 0 } lines && lines.All(l => KramdownMarkup().IsMatch(l.Text));
    }
}
