using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Tables;
using Markdig.Parsers;
using Markdig.Syntax;

namespace StudyBot.Core.Knowledge;

/// <summary>A title above a passage: a heading, a short title line or a bold label.</summary>
/// <param name="Depth">0 for the outermost title of the heading path.</param>
internal sealed record Heading(string Title, int Line, int Depth);

/// <summary>A parsed passage plus what ranking needs to know about where it sits.</summary>
/// <param name="SectionLine">Line of the section title (0 when the passage sits before any title).</param>
/// <param name="IndexInSection">0 for the first passage under its section title.</param>
/// <param name="Context">Text of parent bullets (a nested bullet is read with its parent), not shown.</param>
/// <param name="Leads">The titles this passage is the first content under (a heading directly followed by a
/// sub-heading leads into the sub-heading's first passage).</param>
/// <param name="LinkShare">Share of the passage's shown characters that are link text or URLs (a link list, an index or a
/// "helpful links" line points elsewhere rather than explaining).</param>
internal sealed record NoteEntry(Passage Passage, int SectionLine, int IndexInSection, string Context, IReadOnlyList<Heading> Leads, double LinkShare = 0)
{
    /// <summary>Identifies the section: one citation per section key.</summary>
    public string SectionKey { get; } = $"{Passage.File}#{SectionLine}:{Passage.Section}";
}

/// <summary>
/// Reads informal markdown notes (Markdig syntax tree) into passages with exact <c>sed -n</c> line numbers.
/// Shapes: # and setext headings; a short plain line followed by content is a section title; <c>**bold label:**</c>
/// lines; nested bullets; <c>- # text</c> bullets; table rows read with their header; fenced code; images dropped;
/// question lines followed by answer lines become one question-answer passage.
/// </summary>
/// <remarks>
/// One file per concern, each a part of this class and of its <see cref="Walker"/>. This file holds the pipeline, the
/// entry point (<see cref="Parse"/>, with Liquid links made plain first: <see cref="WithLiquidLinks"/>), the limits of
/// a passage, the static fields (in one part, so they are set in the order they always were), and the walker's state
/// and its walk over blocks (<see cref="Walker.Run"/>, <see cref="Walker.WalkBlocks"/>). <c>NotesParser.Blocks.cs</c>:
/// paragraphs, quotes, HTML definition lists and blocks with no text. <c>NotesParser.Titles.cs</c>: headings, soft
/// titles and bold labels. <c>NotesParser.Lists.cs</c>: lists and tables. <c>NotesParser.Questions.cs</c>:
/// question-answer pairs. <c>NotesParser.InlineText.cs</c>: the plain text of inlines, by line.
/// <c>NotesParser.Passages.cs</c>: passages emitted in chunks, with their emphasis and link share.
/// </remarks>
internal static partial class NotesParser
{
    /// <summary>A paragraph or code block longer than this is cited in chunks.</summary>
    internal const int MaxChunkLines = 6;

    /// <summary>A chunk of prose with no sentence end in its later half goes on by at most this many lines to the end of
    /// its sentence (a citation stays well under a screen).</summary>
    internal const int MaxSentenceRunOn = 2;

    /// <summary>A question-answer pair is cited whole only up to this many lines.</summary>
    internal const int MaxPairLines = 10;

    /// <summary>A label bullet is cited with the children that fit in this many lines.</summary>
    internal const int MaxLabelLines = 8;

    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    /// <summary>MDX has no indented code blocks (its pages indent the markdown inside a component: "    Redis supports
    /// persistence …" under <c>&lt;TabItem&gt;</c> is a paragraph), so its pipeline reads none (<see cref="Mdx"/>).</summary>
    private static readonly MarkdownPipeline MdxPipeline = BuildPipeline(indentedCode: false);

    /// <summary>Docusaurus, VitePress and VuePress fence an aside as <c>:::tip Title</c> … <c>:::</c>: parsed as a
    /// container, its fences are no text ("::: danger Exam Trap Question: …" was quoted as an answer). Only the block
    /// parser of Markdig's custom-container extension: its inline half reads "::" as a delimiter, and notes write
    /// Rust's <c>String::from</c> and C++'s <c>std::vector</c>.
    /// The page's YAML front matter is parsed as such and is no text (<see cref="FrontMatter"/>): read as markdown, its
    /// closing "---" made its settings a setext heading ("id: coding-interview-rubrics title: How candidates are
    /// evaluated … keywords: …"), a title that held every keyword of the page and outranked the lines that answer. Its
    /// title is not made the page's heading either: a docs site's titles are written for search engines ("How candidates
    /// are evaluated in coding interviews at top tech companies"), and over every line of the page they did much the same
    /// (leave-one-corpus-out on the tech interview handbook 0.73 with it, 0.76 without; its dev set 0.72 and 0.80).
    /// A GitHub alert (<c>&gt; [!NOTE]</c> on a line of its own) is parsed as one, a quote whose marker is no text.
    /// Emoji shortcodes are read as the emoji GitHub shows (":white_check_mark: Do: …" is "✅ Do: …", an explicit Yes to
    /// the polarity reader; as words it said nothing), smileys are not (":)" stays), and code is never inline text.
    /// Obsidian's notes read as Obsidian shows them (<see cref="Obsidian"/>): a wikilink is a link whose text is its alias
    /// or note name, an embed an image, a highlight (<c>==…==</c>) an emphasis and a task's box (<c>- [x]</c>) no text,
    /// where "[x]" had been read as a table's ✗ and "==" as words of the line.</summary>
    private static MarkdownPipeline BuildPipeline(bool indentedCode = true)
    {
        var builder = new MarkdownPipelineBuilder().UseYamlFrontMatter().UseAlertBlocks().UsePipeTables().UseEmojiAndSmiley(enableSmileys: false)
            .UseEmphasisExtras(EmphasisExtraOptions.Marked).UseTaskLists().UseFootnotes().UsePreciseSourceLocation();
        builder.BlockParsers.Insert(0, new CustomContainerParser());
        builder.InlineParsers.Insert(0, new Obsidian.WikiLinkParser());
        if (!indentedCode)
        {
            builder.BlockParsers.TryRemove<IndentedCodeBlockParser>();
        }

        return builder.Build();
    }

    /// <summary>Lines like "eg:" or "Output:" introduce an example; they are not what a section is about.</summary>
    private static readonly HashSet<string> FillerLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "eg", "e.g", "ex", "example", "examples", "for example", "note", "notes", "output", "result", "results",
        "usage", "syntax", "like", "see", "such as", "i.e", "ie", "etc", "tip", "todo", "command", "commands",
    };

    /// <summary>Parses one file; throws <see cref="PassageLimitException"/> as soon as it yields more than
    /// <paramref name="maxPassages"/> passages, so a pathological file costs little before it is refused.
    /// An MDX page is read as the markdown it holds (<see cref="Mdx"/>); inline TeX as the text it shows
    /// (<see cref="TexMath"/>).</summary>
    public static IReadOnlyList<NoteEntry> Parse(string file, string text, int maxPassages = int.MaxValue) =>
        Mdx.IsMdx(file)
            ? new Walker(file, Mdx.Masked(Obsidian.WithoutComments(TexMath.WithReadableMath(WithLiquidLinks(text)))), maxPassages, MdxPipeline).Run()
            : new Walker(file, Obsidian.WithoutComments(TexMath.WithReadableMath(WithLiquidLinks(text))), maxPassages, Pipeline).Run();

    /// <summary>
    /// The notes with each link whose destination a Jekyll site writes in Liquid (<c>[tone]({{ "/our-style/voice" |
    /// relative_url }})</c>, <c>[agreement]({{ site.baseurl }}/agreement)</c>) given the path the site builds, so it
    /// reads as the link it is: a destination with spaces is no link to markdown, and answers from 18F's guides quoted
    /// the Liquid ("your content’s [tone]({{ "/our-style/voice-and-tone" | relative_url }})"). The path is padded with
    /// spaces inside the brackets (markdown allows them after a destination), so every other character, and the line
    /// numbers, stay where they were.
    /// </summary>
    internal static string WithLiquidLinks(string text) =>
        !text.Contains("]({{", StringComparison.Ordinal) ? text : LiquidLink().Replace(text, m =>
        {
            var path = m.Groups["path"].Value + m.Groups["rest"].Value;
            return "](" + (path.Length == 0 ? "#" : path).PadRight(m.Length - 3) + ")";
        });

    /// <summary>A link destination that opens with a Liquid output (a quoted path with filters, or a variable such as
    /// <c>site.baseurl</c>), and the path written after it.</summary>
    [GeneratedRegex(@"\]\(\{\{\s*(?:[""'](?<path>[^""'{}\s]*)[""']|[\w.]*)\s*(?:\|[^{}\n]*)?\}\}(?<rest>[^\s()]*)\)", RegexOptions.NonBacktracking)]
    private static partial Regex LiquidLink();

    /// <summary>A title on the heading stack; <see cref="Used"/> once a passage was emitted under it.</summary>
    private sealed class TitleState(int level, string title, int line)
    {
        public int Level { get; } = level;

        public string Title { get; } = title;

        public int Line { get; } = line;

        public bool Used { get; set; }
    }

    /// <summary>One line of block text: its 1-based line and its plain text.</summary>
    private readonly record struct TextLine(int Line, string Text);

    private sealed partial class Walker(string file, string text, int maxPassages, MarkdownPipeline pipeline)
    {
        private readonly LineMap _lines = new(text);
        private readonly List<NoteEntry> _entries = [];
        private readonly List<TitleState> _headings = [];

        // Every heading of the file by its table-of-contents key, with its line (the first, when one repeats); read
        // before the walk, since a table of contents comes before the headings it lists.
        private readonly Dictionary<string, int> _headingKeys = new(StringComparer.Ordinal);

        // The spans set apart on each source line, keyed by their position so that a paragraph read twice (a title line
        // looks at the paragraph after it) records each span once.
        private readonly Dictionary<int, SortedDictionary<int, EmphasisSpan>> _emphasis = [];
        private TitleState? _soft;
        private int _indexInSection;

        /// <summary>Where the inline code of the lines being read sits (line, offset in its text, length), so that
        /// <see cref="Unbracketed"/> leaves code alone.</summary>
        private readonly List<(int Line, int Start, int Length)> _codeSpans = [];

        /// <summary>Every soft title set, with its line, to find the labels a page repeats (<see cref="WithoutLeadsIntoLabels"/>).</summary>
        private readonly List<(string Title, int Line)> _softTitles = [];

        /// <summary>The section a line that ends in a colon interrupted ("A path can take two forms:", "Here's the
        /// error:"): such a line introduces the list or code right after it, not what the author writes next, so the
        /// next paragraph of prose goes back to this section. Null when no such line is open.</summary>
        private (TitleState? Soft, int IndexInSection)? _introduced;

        /// <summary>The file's text with every character but line ends a space, made when the first definition list is
        /// met (<see cref="WalkDefinitionList"/>).</summary>
        private char[]? _masked;

        private int _definitionsRead;

        private string Section => _soft?.Title ?? (_headings.Count > 0 ? _headings[^1].Title : string.Empty);

        private int SectionLine => _soft?.Line ?? (_headings.Count > 0 ? _headings[^1].Line : 0);

        public IReadOnlyList<NoteEntry> Run()
        {
            var document = Markdown.Parse(text, pipeline);
            foreach (var heading in document.Descendants<HeadingBlock>())
            {
                _headingKeys.TryAdd(ContentsKey(HeadingTitle(InlineLines(heading.Inline))), _lines.LineOf(heading.Span.Start));
            }

            WalkContainer(document);
            return WithoutLeadsIntoLabels(_entries, _softTitles);
        }

        /// <summary>A question bullet that repeats a heading further down the file is its table of contents ("In this
        /// lesson, we'll cover: - What is the cybersecurity CIA triad?"): it points at the section and says nothing
        /// itself, yet it holds the question's words as densely as a question can, and ranked above the section that
        /// answers; a list of such questions was also read as pairs, each "answered" by the next entry. Only questions:
        /// a list of the topics' names ("- Conway's Law", "- Putt's Law") also tells the quiz which names are
        /// siblings, and a name alone rarely outranks its section.</summary>
        private bool IsContentsEntry(string itemText, int line) =>
            itemText.TrimEnd().EndsWith('?')
            && ContentsKey(itemText) is { Length: >= MinContentsKey } key && _headingKeys.TryGetValue(key, out var headingLine) && headingLine > line;

        /// <summary>Fewer letters than this name no heading: a bullet "A" or "1." is no entry of a table of contents.</summary>
        private const int MinContentsKey = 3;

        /// <summary>A title or bullet as a table of contents compares them: letters and digits only, lower case
        /// ("What is the cybersecurity CIA triad?" names the heading "What is the cyber security CIA triad?").</summary>
        private static string ContentsKey(string text) =>
            string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

        private void WalkContainer(ContainerBlock container) => WalkBlocks(container.ToList());

        private void WalkBlocks(List<Block> all)
        {
            var blocks = all.Where(b => !IsEmptyBlock(b) || IsDefinitionList(b)).ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
                switch (blocks[i])
                {
                    case HtmlBlock list:
                        WalkDefinitionList(list);
                        break;
                    case HeadingBlock heading:
                        SetHeading(heading);
                        break;
                    case ParagraphBlock paragraph:
                        if (WalkParagraph(paragraph, next))
                        {
                            i++;
                        }

                        break;
                    case ListBlock list:
                        WalkListBefore(list, next);
                        break;
                    case Table table:
                        WalkTable(table);
                        break;
                    case CodeBlock code:
                        EmitChunks(CodeLines(code), PassageKind.Code, string.Empty);
                        break;
                    case QuoteBlock or CustomContainer:
                        WalkQuote((ContainerBlock)blocks[i]);
                        break;
                    case ContainerBlock inner:
                        WalkContainer(inner);
                        break;
                    default:
                        break;
                }
            }
        }
    }
}

/// <summary>A file yields more passages than the loader's limit allows.</summary>
internal sealed class PassageLimitException : Exception
{
    public PassageLimitException()
        : base("The file has more passages than the limit.")
    {
    }
}
