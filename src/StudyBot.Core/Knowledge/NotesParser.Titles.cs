using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Titles: a heading, without the anchor id a site puts after it (<see cref="Walker.SetHeading"/>,
/// <see cref="Walker.HeadingTitle"/>); a soft title set by a label or a short line (<see cref="Walker.SetSoftTitle"/>);
/// the heading path of a passage (<see cref="Walker.HeadingPath"/>); and what makes a line a title: a bold label
/// (<see cref="Walker.BoldLabel"/>, <see cref="Walker.IsLabelAlone"/>), or a short line over content
/// (<see cref="Walker.IsTitleLine"/>, <see cref="Walker.IntroducesContent"/>) that is no link alone
/// (<see cref="Walker.IsReferenceLink"/>), no prose (<see cref="Walker.IsProse"/>) and no sentence led into what
/// follows (<see cref="LeadsIn"/>, <see cref="SpeaksToTheReader"/>). A label a page repeats leads into no topic
/// (<see cref="Walker.WithoutLeadsIntoLabels"/>).
/// </summary>
internal static partial class NotesParser
{
    /// <summary>A numbering that markdown makes no list of, before a bold sub-heading: a Roman numeral or a letter
    /// and a full stop or bracket ("III. ", "b) ").</summary>
    [GeneratedRegex(@"^\s*(?:[IVX]+|[A-Za-z])[.)]\s*")]
    private static partial Regex Enumerator();

    /// <summary>An anchor id at the end of a heading, kramdown's or pandoc's (<c>{#id}</c>, <c>{: #id}</c>).</summary>
    [GeneratedRegex(@"\s*\{:?\s*#[\w.:-]+\s*\}\s*$")]
    private static partial Regex HeadingAnchor();

    /// <summary>How many times a page sets the same soft title before it counts as a label of recurring parts rather
    /// than a topic (<see cref="Walker"/>'s leads). Three: a title met twice may be a topic a page returns to.</summary>
    internal const int LabelRecurrence = 3;

    /// <summary>True when a line ends on a word that needs what comes after it (<see cref="Lexicon.DanglingEnds"/>,
    /// <see cref="Lexicon.LeadInEnds"/>): a sentence led into the block below, not a title.</summary>
    internal static bool LeadsIn(string line) =>
        LastWord().Match(line.TrimEnd().TrimEnd('.')) is { Success: true } last
        && (Lexicon.DanglingEnds.Contains(last.Value) || Lexicon.LeadInEnds.Contains(last.Value));

    /// <summary>True when a line is a sentence with a person in it ("Now let us create our HiringManager", "In PHP, it
    /// can be easily done using clone", "I can do this with a statement like this"), not a caption ("Install the
    /// linter"): over a code block it says what the code does next, and the prose after the code is the section's.</summary>
    internal static bool SpeaksToTheReader(string line) =>
        Lexicon.LowerWords(line).Any(Lexicon.PersonalPronouns.Contains);

    /// <summary>A line's last word (letters, with the inner dots of "e.g").</summary>
    [GeneratedRegex(@"\p{L}+(?:\.\p{L}+)*$")]
    private static partial Regex LastWord();

    private sealed partial class Walker
    {
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
    }
}
