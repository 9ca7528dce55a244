using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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
internal static partial class NotesParser
{
    /// <summary>A markdown link, an autolink or a bare URL.</summary>
    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\([^)]*\)|<?https?://\S+")]
    private static partial Regex LinkPattern();

    /// <summary>A line that ends a sentence: a full stop, question or exclamation mark, or a colon, maybe followed by
    /// closing quotes, brackets or emphasis.</summary>
    [GeneratedRegex(@"[.!?:][""”’')\]*_`]*\s*$")]
    private static partial Regex EndsSentence();

    /// <summary>A tag that formats text inside a line (<c>&lt;a href="…"&gt;</c>, <c>&lt;strong&gt;</c>, <c>&lt;span&gt;</c>,
    /// <c>&lt;sup&gt;</c>, …): it adds no space, as a browser shows it. "I&lt;sup&gt;2&lt;/sup&gt;C" is I2C and
    /// "CO&lt;sub&gt;2&lt;/sub&gt;" CO2 (read "I 2 C" before the thirty-third session, so "what is I2C?" found nothing in the
    /// lesson about it), and "see &lt;a href="…"&gt;our course&lt;/a&gt;." reads "see our course." (until the thirty-seventh
    /// session "see  our course .", in answers and quiz stems). Other tags (<c>&lt;br&gt;</c>, <c>&lt;img&gt;</c>,
    /// <c>&lt;p&gt;</c>) separate words.</summary>
    [GeneratedRegex(@"^</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b[^>]*>$", RegexOptions.IgnoreCase)]
    private static partial Regex PhrasingTag();

    /// <summary>A numbering that markdown makes no list of, before a bold sub-heading: a Roman numeral or a letter
    /// and a full stop or bracket ("III. ", "b) ").</summary>
    [GeneratedRegex(@"^\s*(?:[IVX]+|[A-Za-z])[.)]\s*")]
    private static partial Regex Enumerator();

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

    /// <summary>The shortest word two texts are read as sharing by (its first <see cref="SharedWordPrefix"/> letters:
    /// "vesting" and "vested", "encrypt" and "encryption").</summary>
    private const int SharedWordPrefix = 5;

    /// <summary>Whether a sibling bullet can be the answer to the question bullet before it: it opens with "yes" or
    /// "no", or it shares a word of the question ("- Can i use aws waf …? - Yes - you can use it …"; "- Is Lambda
    /// stateless? - Lambda functions keep no state"). A list of points that holds a question left open ("🚧 How does
    /// taking time off … affect the vesting schedule?" before "Acceleration when a company is sold … is not so
    /// common for employees") goes on to its next point, which was read as the question's answer: a trusted **No** to
    /// "if I take a leave of absence, does my vesting schedule pause?".</summary>
    internal static bool SpeaksTo(string question, string answer)
    {
        if (Answering.PolarityReader.LeadingYesNo().IsMatch(answer))
        {
            return true;
        }

        static HashSet<string> Words(string text) => Answering.PolarityReader.LowerWords(text)
            .Where(w => w.Length >= 3 && !NotesAnalyzer.StopWords.Contains(w))
            .Select(w => w.Length > SharedWordPrefix ? w[..SharedWordPrefix] : w)
            .ToHashSet(StringComparer.Ordinal);
        return Words(question).Overlaps(Words(answer));
    }

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

    /// <summary>A list marker that opens a table cell's text before a letter.</summary>
    [GeneratedRegex(@"^[-*+•]\s+(?=\p{L})")]
    private static partial Regex CellListMarker();

    /// <summary>The marker of an Obsidian callout or a GitHub alert that text follows on its line (<c>&gt; [!tip] Title</c>,
    /// <c>&gt; [!NOTE] Foreign key is frequently abbreviated as FK</c>): Markdig's alerts take the marker only on a line of
    /// its own, and "[!NOTE]" was quoted as the answer's first word.</summary>
    [GeneratedRegex(@"^\s*\[![A-Za-z]+\][+-]?\s*")]
    private static partial Regex CalloutMarker();

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

    /// <summary>One or two letters in brackets joined to a word's letters on either side ("E[x]tract", "[f]ile",
    /// "g[z]ipped"), the word's letters around them captured.</summary>
    [GeneratedRegex(@"(?<before>\p{L}*)\[(?<letters>\p{L}{1,2})\](?<after>\p{L}*)")]
    private static partial Regex BracketedLetters();

    /// <summary>An anchor id at the end of a heading, kramdown's or pandoc's (<c>{#id}</c>, <c>{: #id}</c>).</summary>
    [GeneratedRegex(@"\s*\{:?\s*#[\w.:-]+\s*\}\s*$")]
    private static partial Regex HeadingAnchor();

    /// <summary>How many times a page sets the same soft title before it counts as a label of recurring parts rather
    /// than a topic (<see cref="Walker"/>'s leads). Three: a title met twice may be a topic a page returns to.</summary>
    internal const int LabelRecurrence = 3;

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

    /// <summary>True for a line that asks something: ends in "?", or opens like a yes/no question; a "Question:" or
    /// "Q:" label and quotes around it do not count (<see cref="Unlabelled"/>).</summary>
    internal static bool IsQuestion(string line)
    {
        var trimmed = Unlabelled(line);
        if (trimmed.EndsWith('?'))
        {
            return true;
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 3 and <= 16
            && Lexicon.YesNoOpeners.Contains(words[0])
            && !trimmed.EndsWith('.')
            && !trimmed.EndsWith(':');
    }

    /// <summary>A question without the label and quotes that FAQ and exam notes put around it (<c>Question: "Can you
    /// publish RPM packages?"</c>, <c>Q: For interviews, …?</c>): the pair is found and cited by what it asks.</summary>
    internal static string Unlabelled(string question) =>
        QuestionLabel().Replace(question.Trim(), string.Empty).Trim().Trim('"', '“', '”').Trim();

    /// <summary>An answer without its "Answer:" or "A:" label, so that a "No" after it is read as the answer's first
    /// word (<c>Answer: **NO** - GitHub Packages does not support RPM</c>).</summary>
    internal static string WithoutAnswerLabel(string answer) =>
        AnswerLabel().Replace(answer.Trim(), string.Empty).Trim();

    [GeneratedRegex(@"^(?:question|q)\s*[:.]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionLabel();

    /// <summary>True when a line ends on a word that needs what comes after it (<see cref="Lexicon.DanglingEnds"/>,
    /// <see cref="Lexicon.LeadInEnds"/>): a sentence led into the block below, not a title.</summary>
    internal static bool LeadsIn(string line) =>
        LastWord().Match(line.TrimEnd().TrimEnd('.')) is { Success: true } last
        && (Lexicon.DanglingEnds.Contains(last.Value) || Lexicon.LeadInEnds.Contains(last.Value));

    /// <summary>True when a line is a sentence with a person in it ("Now let us create our HiringManager", "In PHP, it
    /// can be easily done using clone", "I can do this with a statement like this"), not a caption ("Install the
    /// linter"): over a code block it says what the code does next, and the prose after the code is the section's.</summary>
    internal static bool SpeaksToTheReader(string line) =>
        Answering.PolarityReader.LowerWords(line).Any(Lexicon.PersonalPronouns.Contains);

    /// <summary>A line's last word (letters, with the inner dots of "e.g").</summary>
    [GeneratedRegex(@"\p{L}+(?:\.\p{L}+)*$")]
    private static partial Regex LastWord();

    [GeneratedRegex(@"^(?:answer|a)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerLabel();

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

    private sealed class Walker(string file, string text, int maxPassages, MarkdownPipeline pipeline)
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

        /// <summary>The entries with no heading led into a part under a recurring label: a page that writes each topic
        /// as the same labelled parts ("Real world example", "In plain words", "Wikipedia says" under every pattern of
        /// a design-patterns page) opens every topic with whichever part comes first, which says what kind of part it is
        /// rather than what the topic is; as the topic's opening line it out-ranked the plain-words definition for
        /// "whats a simple factory?". The label itself still leads its own part.</summary>
        private static List<NoteEntry> WithoutLeadsIntoLabels(List<NoteEntry> entries, List<(string Title, int Line)> softTitles)
        {
            var labelLines = softTitles
                .GroupBy(t => t.Title, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() >= LabelRecurrence)
                .SelectMany(g => g.Select(t => t.Line))
                .ToHashSet();
            if (labelLines.Count == 0)
            {
                return entries;
            }

            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (labelLines.Contains(entry.SectionLine) && entry.Leads.Any(h => h.Line != entry.SectionLine))
                {
                    entries[i] = entry with { Leads = [.. entry.Leads.Where(h => h.Line == entry.SectionLine)] };
                }
            }

            return entries;
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

        /// <summary>Emits a question-answer pair under its question as the section: the question is the pair's section,
        /// but not a topic title (the pair is found by its question text), and what follows the answer belongs to the
        /// section the question sat in.</summary>
        private void AsItsOwnSection(string question, int line, Action emit)
        {
            var outer = _soft;
            var outerIndex = _indexInSection;
            SetSoftTitle(question.TrimEnd(':').Trim(), line);
            _soft!.Used = true;
            emit();
            _soft = outer;
            _indexInSection = Math.Max(outerIndex, 1);
            if (outer is not null)
            {
                outer.Used = true;
            }
        }

        private void EmitQuestionTitlePair(string question, int questionLine, Block answer)
        {
            if (answer is ParagraphBlock paragraph)
            {
                var answerLines = InlineLines(paragraph.Inline);
                var head = answerLines.TakeWhile(l => l.Line - questionLine < MaxPairLines).Take(MaxChunkLines).ToList();
                if (head.Count == 0)
                {
                    return;
                }

                EmitPair(question, questionLine, JoinText(head), head[^1].Line, string.Empty);
                EmitChunks(answerLines.Skip(head.Count).ToList(), PassageKind.Paragraph, string.Empty);
                return;
            }

            var list = (ListBlock)answer;
            var items = list.OfType<ListItemBlock>().Select(item => (Item: item, Lines: ItemLines(item))).ToList();
            var taken = 0;
            var answerText = new List<string>();
            var end = questionLine;
            foreach (var (item, lines) in items)
            {
                if (lines.Count == 0)
                {
                    taken++;
                    continue;
                }

                if (answerText.Count > 0 && (answerText.Count >= 3 || lines[^1].Line - questionLine >= MaxPairLines
                    || JoinText(lines).TrimEnd().EndsWith('?')))
                {
                    break;
                }

                answerText.Add(JoinText(lines));
                end = lines[^1].Line;
                taken++;
            }

            if (answerText.Count == 0)
            {
                EmitChunks([new TextLine(questionLine, question)], PassageKind.Paragraph, string.Empty);
                return;
            }

            EmitPair(question, questionLine, string.Join("\n", answerText), end, string.Empty);
            for (var k = 0; k < taken; k++)
            {
                foreach (var nested in items[k].Item.OfType<ListBlock>())
                {
                    WalkList(nested, JoinText(items[k].Lines));
                }
            }

            // The items that did not fit in the pair stay searchable (and may hold their own question-answer pairs).
            WalkItems(items.Skip(taken).ToList(), string.Empty);
        }

        /// <summary>A top-level list whose last item is only a bold label with a colon ("3. **Output Encoding**:") over
        /// a list or paragraph that follows it unindented (Security-101 writes its principles so): the label is that
        /// content's title, as a bold label paragraph is, not a passage of its own.</summary>
        private void WalkListBefore(ListBlock list, Block? next)
        {
            var items = list.OfType<ListItemBlock>().ToList();
            var last = items.Count > 0 ? items[^1] : null;
            if (last is null || next is not (ListBlock or ParagraphBlock or Table or CodeBlock)
                || last.Count != 1 || last[0] is not ParagraphBlock paragraph || ItemLines(last) is not { Count: 1 } lines
                || !JoinText(lines).TrimEnd().EndsWith(':') || BoldLabel(paragraph.Inline, lines) is not { } label
                || !string.Equals(JoinText(lines).Trim().TrimEnd(':').Trim(), label, StringComparison.Ordinal))
            {
                WalkList(list, string.Empty);
                return;
            }

            WalkItems(items.SkipLast(1).Select(item => (Item: item, Lines: ItemLines(item))).ToList(), string.Empty);
            SetSoftTitle(label, lines[0].Line);
        }

        private void WalkList(ListBlock list, string context) =>
            WalkItems(list.OfType<ListItemBlock>().Select(item => (Item: item, Lines: ItemLines(item))).ToList(), context);

        private void WalkItems(List<(ListItemBlock Item, List<TextLine> Lines)> items, string context)
        {
            for (var k = 0; k < items.Count; k++)
            {
                var (item, lines) = items[k];
                if (lines.Count == 0)
                {
                    foreach (var nested in item.OfType<ListBlock>())
                    {
                        WalkList(nested, context);
                    }

                    continue;
                }

                var itemText = JoinText(lines);
                var nestedLists = item.OfType<ListBlock>().ToList();
                if (IsContentsEntry(itemText, lines[^1].Line))
                {
                    foreach (var nested in nestedLists)
                    {
                        WalkList(nested, context);
                    }

                    continue;
                }

                if (itemText.TrimEnd().EndsWith('?'))
                {
                    // "- Question?" answered by the next bullet, or by its own nested bullets.
                    if (nestedLists.Count == 0 && k + 1 < items.Count && items[k + 1].Lines.Count > 0
                        && !JoinText(items[k + 1].Lines).TrimEnd().EndsWith('?')
                        && items[k + 1].Lines[^1].Line - lines[0].Line < MaxPairLines
                        && SpeaksTo(itemText, JoinText(items[k + 1].Lines)))
                    {
                        var answer = items[k + 1];
                        EmitPair(itemText, lines[0].Line, JoinText(answer.Lines), answer.Lines[^1].Line, context, lines[^1].Line);
                        foreach (var nested in answer.Item.OfType<ListBlock>())
                        {
                            WalkList(nested, JoinText(answer.Lines));
                        }

                        k++;
                        continue;
                    }

                    if (nestedLists.Count > 0)
                    {
                        var answerLines = nestedLists[0].OfType<ListItemBlock>().Select(ItemLines).Where(l => l.Count > 0).ToList();
                        if (answerLines.Count > 0 && answerLines[0][^1].Line - lines[0].Line < MaxPairLines)
                        {
                            var fit = answerLines.TakeWhile(l => l[^1].Line - lines[0].Line < MaxPairLines).Take(3).ToList();
                            EmitPair(itemText, lines[0].Line, string.Join("\n", fit.Select(JoinText)), fit[^1][^1].Line, context, lines[^1].Line);
                            var rest = nestedLists[0].OfType<ListItemBlock>().Where(i => ItemLines(i) is { Count: > 0 } l && l[0].Line > fit[^1][^1].Line);
                            foreach (var restItem in rest)
                            {
                                WalkItem(restItem, ItemLines(restItem), itemText);
                            }

                            continue;
                        }
                    }
                }

                WalkItem(item, lines, context);
            }
        }

        private void WalkItem(ListItemBlock item, List<TextLine> lines, string context)
        {
            if (lines.Count > 0 && !EmitLabelWithChildren(item, lines, context))
            {
                EmitChunks(lines, PassageKind.Bullet, context);
            }

            var itemText = lines.Count > 0 ? JoinText(lines) : string.Empty;
            var childContext = string.IsNullOrEmpty(context) ? itemText : $"{context}\n{itemText}";
            foreach (var nested in item.OfType<ListBlock>())
            {
                WalkList(nested, childContext);
            }

            // Blocks after an item's nested list (an indented heading, a later paragraph) are not the bullet's text.
            WalkBlocks(TrailingBlocks(item));
        }

        /// <summary>A short bullet that heads nested bullets ("Amazon VPC" over its facts, "Benefits:") is cited with
        /// its first children, so its passage says something; the children stay passages of their own.</summary>
        private bool EmitLabelWithChildren(ListItemBlock item, List<TextLine> lines, string context)
        {
            var label = JoinText(lines).Trim();
            var isLabel = lines.Count == 1 && (label.EndsWith(':') || label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8);
            var children = item.OfType<ListBlock>().FirstOrDefault()?.OfType<ListItemBlock>().Select(ItemLines).Where(l => l.Count > 0).ToList();
            if (!isLabel || children is not { Count: > 0 })
            {
                return false;
            }

            var taken = children.TakeWhile(c => c[^1].Line - lines[0].Line < MaxLabelLines).Take(3).ToList();
            if (taken.Count == 0)
            {
                return false;
            }

            Emit(lines[0].Line, taken[^1][^1].Line, $"{label}\n{string.Join("\n", taken.Select(JoinText))}", PassageKind.Bullet, context);
            return true;
        }

        /// <summary>The blocks of an item that are not its bullet's text: those after its nested list (an indented
        /// heading, a later paragraph) and a table anywhere in it, read as a table of its own.</summary>
        private static List<Block> TrailingBlocks(ListItemBlock item) =>
            [.. item.TakeWhile(b => b is not ListBlock).OfType<Table>(), .. item.SkipWhile(b => b is not ListBlock).Where(b => b is not ListBlock)];

        private void WalkTable(Table table)
        {
            var rows = table.OfType<TableRow>().ToList();
            var header = rows.FirstOrDefault(r => r.IsHeader);
            // A header may end in a colon of its own ("| You need to: | You should use: |"); the row is written
            // "header: cell", so it is dropped there rather than doubled ("You need to:: Show data trends over time").
            var headerCells = header is null ? [] : header.OfType<TableCell>().Select(c => CellText(c).TrimEnd().TrimEnd(':').TrimEnd()).ToList();
            foreach (var row in rows)
            {
                if (row.IsHeader)
                {
                    continue;
                }

                var cells = row.OfType<TableCell>().Select(c => CellText(c)).ToList();
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var parts = cells
                    .Select((cell, index) =>
                        string.IsNullOrWhiteSpace(cell) ? string.Empty
                        : index < headerCells.Count && !string.IsNullOrWhiteSpace(headerCells[index]) ? $"{headerCells[index]}: {cell}"
                        : cell)
                    .Where(part => part.Length > 0);
                var line = _lines.LineOf(row.Span.Start);
                Emit(line, line, string.Join(" | ", parts), PassageKind.TableRow, string.Empty);
            }
        }

        /// <summary>A cell's text; a cell that opens with a list marker before a word ("| - Mutualism |", a kind of the
        /// row above written as its sub-item) is read without it: the quiz offered "- Mutualism" as a choice. A value
        /// that opens with a dash ("- / -", "-1") stays.</summary>
        private string CellText(TableCell cell) =>
            CellListMarker().Replace(string.Join(" ", cell.OfType<ParagraphBlock>().SelectMany(p => InlineLines(p.Inline)).Select(l => l.Text.Trim())), string.Empty);

        private void SetHeading(HeadingBlock heading)
        {
            var lines = InlineLines(heading.Inline);
            var title = HeadingTitle(lines);
            if (title.Length == 0)
            {
                return;
            }

            _headings.RemoveAll(h => h.Level >= heading.Level);
            _headings.Add(new TitleState(heading.Level, title, lines[0].Line));
            _soft = null;
            _indexInSection = 0;
            _introduced = null;
        }

        /// <summary>A heading's text without the anchor id some sites put after it ("Picking the Best Reviewers
        /// {#best_reviewers}", "Splitting by Files {: #splitting-files}"): the id names the link target, and it was cited
        /// as part of the section's title.</summary>
        private static string HeadingTitle(IReadOnlyList<TextLine> lines) =>
            HeadingAnchor().Replace(JoinText(lines).Replace('\n', ' '), string.Empty).Trim();

        private void SetSoftTitle(string title, int line)
        {
            _softTitles.Add((title, line));
            _soft = new TitleState(int.MaxValue, title, line);
            _indexInSection = 0;
            _introduced = null;
        }

        /// <summary>A paragraph of prose rather than a title or a line that introduces: more than one line, or a
        /// sentence that ends like one.</summary>
        private static bool IsProse(IReadOnlyList<TextLine> lines) =>
            lines.Count > 1 || lines[0].Text.TrimEnd() is var line && (line.EndsWith('.') || line.EndsWith('!'));

        private IReadOnlyList<string> HeadingPath()
        {
            var path = _headings.Select(h => h.Title).ToList();
            if (_soft is { } soft)
            {
                path.Add(soft.Title);
            }

            return path;
        }

        private void EmitPair(string question, int questionLine, string answer, int endLine, string context, int? questionEnd = null)
        {
            _ = questionEnd;
            var q = question.Trim();
            var a = WithoutAnswerLabel(answer);
            Emit(questionLine, endLine, $"{q}\n{a}", PassageKind.QuestionAnswer, context, q, a);
        }

        private void EmitChunks(List<TextLine> lines, PassageKind kind, string context)
        {
            // A chunk holds a few text lines and never spans more than a few source lines (blank lines included). A
            // chunk of prose ends where a sentence does: a book wraps its paragraphs at a width, and a chunk cut
            // mid-sentence was read on its own ("If we had given user2 new String values …, and thus only used the
            // active and sign_in_count" read as a restriction, a No, though the sentence goes on "… then user1 would
            // still be valid").
            var start = 0;
            while (start < lines.Count)
            {
                var end = start;
                while (end < lines.Count && end - start < MaxChunkLines && lines[end].Line - lines[start].Line < MaxPairLines)
                {
                    end++;
                }

                if (end < lines.Count && kind != PassageKind.Code)
                {
                    end = SentenceEnd(lines, start, end);
                }

                EmitChunk(lines[start..end], kind, context);
                start = end;
            }
        }

        /// <summary>Where a full chunk of prose (<paramref name="start"/> to <paramref name="end"/>, exclusive) ends: after
        /// its last line that ends a sentence when that is one of its later half; else after the first of the next
        /// <see cref="MaxSentenceRunOn"/> lines that ends one; else where it is.</summary>
        private static int SentenceEnd(List<TextLine> lines, int start, int end)
        {
            for (var i = end - 1; i >= start + ((end - start) / 2); i--)
            {
                if (EndsSentence().IsMatch(lines[i].Text))
                {
                    return i + 1;
                }
            }

            for (var i = end; i < Math.Min(lines.Count, end + MaxSentenceRunOn); i++)
            {
                if (EndsSentence().IsMatch(lines[i].Text))
                {
                    return i + 1;
                }
            }

            return end;
        }

        private void EmitChunk(List<TextLine> chunk, PassageKind kind, string context)
        {
            var chunkText = JoinText(chunk);
            if (chunk.Count > 0 && !string.IsNullOrWhiteSpace(chunkText))
            {
                Emit(chunk[0].Line, chunk[^1].Line, chunkText, kind, context);
            }
        }

        private void Emit(int start, int end, string passageText, PassageKind kind, string context, string? question = null, string? answer = null)
        {
            if (_entries.Count >= maxPassages)
            {
                throw new PassageLimitException();
            }

            var passage = new Passage(file, Section, HeadingPath(), start, end, passageText.Trim(), kind, question, answer, EmphasisOn(start, end));
            var titles = _soft is null ? _headings : [.. _headings, _soft];
            var leads = new List<Heading>();
            for (var depth = 0; depth < titles.Count; depth++)
            {
                if (!titles[depth].Used)
                {
                    titles[depth].Used = true;
                    leads.Add(new Heading(titles[depth].Title, titles[depth].Line, depth));
                }
            }

            _entries.Add(new NoteEntry(passage, SectionLine, _indexInSection++, context, leads, LinkShare(start, end)));
        }

        /// <summary>The spans set apart on lines <paramref name="start"/> to <paramref name="end"/>, in order, each text
        /// and kind once; null for none.</summary>
        private List<EmphasisSpan>? EmphasisOn(int start, int end)
        {
            List<EmphasisSpan>? spans = null;
            for (var line = start; line <= end; line++)
            {
                if (!_emphasis.TryGetValue(line, out var onLine))
                {
                    continue;
                }

                spans ??= [];
                spans.AddRange(onLine.Values.Where(s => !spans.Contains(s)));
            }

            return spans;
        }

        private void MarkEmphasis(Inline inline, string value, EmphasisKind kind)
        {
            var text = string.Join(' ', Normalize(value).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (text.Length == 0)
            {
                return;
            }

            var line = _lines.LineOf(inline.Span.Start);
            if (!_emphasis.TryGetValue(line, out var onLine))
            {
                onLine = [];
                _emphasis[line] = onLine;
            }

            onLine[inline.Span.Start] = new EmphasisSpan(text, kind);
        }

        /// <summary>Counted in letters and digits of the text as a reader sees it: a markdown link by its text, a bare URL
        /// whole. Counting the link's source instead made a rule such as "[15.1](#comparison--eqeqeq) Use `===` …
        /// eslint: [`eqeqeq`](https://eslint.org/docs/rules/eqeqeq)" two-thirds links, as if it pointed elsewhere, when
        /// its links are a number and a rule name beside the sentence that answers.</summary>
        private double LinkShare(int start, int end)
        {
            int total = 0, linked = 0;
            static int Visible(string s) => s.Count(char.IsLetterOrDigit); // a bullet's marker or a line's punctuation is no text
            for (var line = start; line <= end && line <= _lines.LineCount; line++)
            {
                var text = _lines.Line(line);
                var at = 0;
                foreach (var link in LinkPattern().Matches(text).Cast<Match>())
                {
                    var shown = link.Groups["text"] is { Success: true } label ? label.Value : link.Value;
                    total += Visible(text[at..link.Index]) + Visible(shown);
                    linked += Visible(shown);
                    at = link.Index + link.Length;
                }

                total += Visible(text[at..]);
            }

            return total == 0 ? 0 : (double)linked / total;
        }

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

        /// <summary>True when a paragraph is its label and nothing else ("**Output:**", "III. **Permissions**").</summary>
        private static bool IsLabelAlone(string text, string label) =>
            string.Equals(text.Trim().TrimEnd(':').Trim(), label, StringComparison.Ordinal)
            || string.Equals(Enumerator().Replace(text.Trim(), string.Empty, 1).TrimEnd(':').Trim(), label, StringComparison.Ordinal);

        private static string? BoldLabel(ContainerInline? inline, List<TextLine> lines)
        {
            var parts = inline?.Where(i => i is not LiteralInline l || !l.Content.IsEmptyOrWhitespace()).Take(2).ToList() ?? [];
            var first = parts.FirstOrDefault();
            var numbered = first is LiteralInline literal && parts.Count > 1
                && Enumerator().Match(literal.Content.ToString()) is { Success: true } number && number.Length == literal.Content.Length;
            if (numbered)
            {
                // "III. **Permissions and Ownership**": a numbering markdown makes no list of (Roman numerals,
                // letters) before the label; the author's sub-heading, which left the lines under it in the section
                // before ("Monitor Disk Usage" for what chmod 755 means).
                first = parts[1];
            }

            if (first is not EmphasisInline { DelimiterCount: 2 } emphasis)
            {
                return null;
            }

            var label = string.Concat(emphasis.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
            var whole = JoinText(lines).Trim();
            if (numbered)
            {
                whole = Enumerator().Replace(whole, string.Empty, 1).Trim();
            }

            var isLabel = label.EndsWith(':')
                || whole.Length > label.Length && whole[label.Length..].TrimStart().StartsWith(':')
                || string.Equals(whole, label, StringComparison.Ordinal);
            return isLabel && label.Trim(':', ' ').Length > 0 ? label.Trim(':', ' ') : null;
        }

        /// <summary>A short line is a title when bullets, a table, code or a quote follow it, when a question line
        /// follows it, or when it carries a figure; a short line followed by prose is prose.</summary>
        private bool IntroducesContent(ParagraphBlock paragraph, Block next) => next switch
        {
            ListBlock or Table or CodeBlock or QuoteBlock => true,
            ParagraphBlock p => InlineLines(p.Inline) is { Count: 1 } nextLines && IsQuestion(nextLines[0].Text)
                || paragraph.Inline?.Descendants<LinkInline>().Any(l => l.IsImage) == true,
            _ => false,
        };

        /// <summary>True for a paragraph that is one link and nothing else ("[Brooks' Law on Wikipedia](…)" above the
        /// law's quotation): a pointer to a source, not a title of what follows; made the title, it would take the
        /// place of the section's own heading ("Brooks' Law").</summary>
        private static bool IsReferenceLink(ParagraphBlock paragraph)
        {
            var parts = paragraph.Inline?.Where(i => i is not LiteralInline l || !l.Content.IsEmptyOrWhitespace()).ToList();
            return parts is [LinkInline { IsImage: false }];
        }

        private static bool IsTitleLine(string line)
        {
            var trimmed = line.Trim();
            if (FillerLabels.Contains(trimmed.TrimEnd(':', '.', ' ')))
            {
                return false;
            }

            // A formula states something of its own ("pKa = -log Ka", a display formula read by TexMath); it titles nothing.
            var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            return trimmed.Length <= 80 && words <= 10
                && !trimmed.EndsWith('.') && !trimmed.EndsWith(',') && !trimmed.EndsWith(';') && !trimmed.EndsWith('!')
                && !Lexicon.Relation().IsMatch(trimmed);
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

/// <summary>A file yields more passages than the loader's limit allows.</summary>
internal sealed class PassageLimitException : Exception
{
    public PassageLimitException()
        : base("The file has more passages than the limit.")
    {
    }
}
