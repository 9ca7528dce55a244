using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>Stage 1 for terms a line labels in bold: "**Nonrepudiation** - is the concept of ensuring that a party cannot
/// deny …", "- **Ransomware**: Encrypts files and demands a ransom …". Notes written as lessons define their terms this
/// way, several side by side under one heading, rather than one heading each; the term finder reads only acronyms and
/// CamelCase names, and a bold label alone marks no term (<see cref="IntroducedTerms.Introduces"/>), so such a line had
/// no key and such notes no question (issue 11). Each labelled definition is read as a section of its own, asked by
/// <see cref="FromDefinitions"/> with the other labels of its list as its siblings.</summary>
public static partial class QuestionGenerator
{
    /// <summary>A line that opens with a bold span, a list marker or an item number aside: the span is what the line
    /// labels when the plain text's label (<see cref="QuizText.Label"/>) is that span.</summary>
    [GeneratedRegex(@"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)")]
    private static partial Regex BoldOpeningRegex();

    /// <summary>A line that opens with a bold span as the subject of its sentence, a list marker, a quote marker, a glyph
    /// the notes mark definitions with ("🄳") or the bracket of a link around the span aside: "**Equity compensation** is
    /// the practice of …", "🄳 [**Stock**](…) is a legal invention that …".</summary>
    [GeneratedRegex(@"^\s*(?:[-*+>]\s+|\d+[.)]\s+)?(?:[^\w\s*_\[]{1,2}\s+)?\[?(?:\*\*|__)")]
    private static partial Regex BoldSubjectOpeningRegex();

    /// <summary>An item number inside a label ("1.  Authentication").</summary>
    [GeneratedRegex(@"^\d+[.)]\s+")]
    private static partial Regex LabelNumberRegex();

    /// <summary>The verb a definition opens with when the label is its subject ("- refers to the assurance …", "- is the
    /// concept of …"); the phrase after it is what the term is.</summary>
    [GeneratedRegex(@"^(?:is|are|refers\s+to|means)\s+(?=\p{Ll})", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningCopulaRegex();

    /// <summary>The fewest labelled definitions one list must hold for its labels to be terms of one family: a lone bold
    /// label is a remark ("**Note:** …"), and its definition would have no sibling to be told apart from.</summary>
    private const int MinLabelledSiblings = 2;

    /// <summary>The labelled definitions of the notes' passages that stand without the page around them
    /// (<see cref="OutOfContext"/>). A label must name a thing as a heading would (<see cref="IsNameTitle"/>), be written
    /// as a label once in its set of notes (a label used again, "TL;DR", "Capabilities", "Compliance" in two lists of
    /// reasons, names a field or an aspect, not a term), not be the title of a heading elsewhere in its file, and sit in
    /// a list of at least <see cref="MinLabelledSiblings"/> labelled definitions; its definition is the first sentence
    /// after the separator, a defining line (<see cref="IsDefiningLine"/>) once a verb that only joins it to the label
    /// ("is", "refers to") or the label said again as its subject ("Authentication is the process …") is set aside.
    /// A label the parser read as a section title of its own ("**Incident Response Team:** A specialized team …") is
    /// the same line: it sits in the list of the heading above it.</summary>
    private static List<DefiningSection> LabelledDefinitions(
        IReadOnlyList<(List<Passage> Passages, IReadOnlyList<string>? Lines)> files, List<DefiningSection> sections, QuizCorpus corpus, QuizTrace? trace = null)
    {
        var labels = files.Where(f => f.Lines is not null)
            .SelectMany(f => Labelled(OutOfContext(f.Passages, f.Lines, corpus), f.Lines!).Select(x => (x.Passage, x.Label, x.Subject, Lines: f.Lines!)))
            .ToList();
        var counts = labels.GroupBy(x => QuizCorpus.Root(x.Passage.File) + "\u001f" + QuizText.Normalize(x.Label), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var headings = sections.Select(s => s.Definition.File + "\u001e" + QuizText.Normalize(s.Title)).ToHashSet(StringComparer.Ordinal);
        // Notes that define their things under headings use a bold label for a point of the heading's thing, not for a
        // term: read there too, the labels added 9 items to the test corpora's rated bank, rated about 6 good of 9 by
        // the reader who wrote this stage, under the 84 % the bank's items have (eighteenth session). The rule is coarse
        // (one defining heading turns the labels of the whole set of notes off), and it keeps the rated banks as rated.
        var definedByHeadings = sections.Where(s => s.Defines).Select(s => s.Root).ToHashSet(StringComparer.Ordinal);
        var found = new List<DefiningSection>();
        foreach (var (p, title, subject, fileLines) in labels)
        {
            var ownSection = string.Equals(QuizText.Normalize(LabelNumberRegex().Replace(QuizText.OneLine(p.Section), string.Empty)), QuizText.Normalize(title), StringComparison.Ordinal);
            // A bold subject with its defining verb ("**Stock** is a legal invention …") defines its term whatever the
            // headings do: it is no point of a heading's thing.
            var refused = !subject && definedByHeadings.Contains(QuizCorpus.Root(p.File)) ? "the notes define their terms under headings"
                : counts[QuizCorpus.Root(p.File) + "\u001f" + QuizText.Normalize(title)] != 1 ? "a label written more than once"
                : !ownSection && headings.Contains(p.File + "\u001e" + QuizText.Normalize(title)) ? "a label that is a heading elsewhere"
                : !IsNameTitle(title, corpus) ? "a label that names no thing"
                : corpus.IsTopicHeading(title) ? "a label that names a topic"
                : HasNestedList(p, fileLines) ? "a label over a list"
                : null;
            var definition = refused is null ? LabelledDefinition(p, title, boldSubject: subject) : null;
            trace?.Note("label", refused ?? (definition is null ? "no defining sentence after the label" : "a labelled definition"), $"{title}: {QuizText.OneLine(p.Text)}");
            if (definition is null)
            {
                continue;
            }

            var path = ownSection ? p.HeadingPath.Take(p.HeadingPath.Count - 1).ToList() : p.HeadingPath;
            var line = QuizText.OneLine(p.Text);
            found.Add(new DefiningSection(title, p with { LineEnd = definition.Value.LineEnd }, definition.Value.Text, p.LineStart,
                HeadingKey(p.File, path), Defines: true, QuizText.Stems(line + " " + title))
            {
                Labelled = true,
                BoldSubject = subject,
                Lines = [line],
                Ancestors = path.Select(h => QuizText.Normalize(QuizText.OneLine(h))).ToHashSet(StringComparer.Ordinal),
            });
        }

        return found.GroupBy(s => s.LabelledGroup, StringComparer.Ordinal).Where(g => g.Count() >= MinLabelledSiblings).SelectMany(g => g).ToList();
    }

    /// <summary>The passages of bullets and paragraphs that open with a bold label, with the label (an item number
    /// and a closing colon aside).</summary>
    private static IEnumerable<(Passage Passage, string Label, bool Subject)> Labelled(IEnumerable<Passage> passages, IReadOnlyList<string> fileLines)
    {
        foreach (var p in passages.Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph && p.LineStart >= 1 && p.LineStart <= fileLines.Count))
        {
            if (p.Emphasis is not [var first, ..] || first.Kind != EmphasisKind.Emphasis)
            {
                continue;
            }

            var span = LabelNumberRegex().Replace(first.Text.Trim().TrimEnd(':').Trim(), string.Empty);
            if (BoldOpeningRegex().IsMatch(fileLines[p.LineStart - 1]) && QuizText.Label(QuizText.OneLine(p.Text)) is { } label)
            {
                var plain = LabelNumberRegex().Replace(label.Trim(), string.Empty);
                if (span.Length > 0 && string.Equals(span, plain, StringComparison.Ordinal))
                {
                    yield return (p, span, false);
                }
            }
            else if (span.Length > 0 && BoldSubjectOpeningRegex().IsMatch(fileLines[p.LineStart - 1]) && AfterBoldSubject(QuizText.OneLine(p.Text), span) is not null)
            {
                yield return (p, span, true);
            }
        }
    }

    /// <summary>What a line says its opening subject <paramref name="term"/> is, after its defining verb ("is", "are",
    /// "refers to", "means"): "the practice of granting …" for "Equity compensation is the practice of granting …".
    /// Null when the line does not open with the term (a glyph before it aside) and that verb.</summary>
    internal static string? AfterBoldSubject(string line, string term)
    {
        var start = 0;
        while (start < line.Length && !char.IsLetterOrDigit(line[start]))
        {
            start++;
        }

        if (!line.AsSpan(start).StartsWith(term, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[(start + term.Length)..];
        return rest.Length > 0 && char.IsWhiteSpace(rest[0]) && OpeningCopulaRegex().Match(rest.TrimStart()) is { Success: true } m
            ? rest.TrimStart()[m.Length..]
            : null;
    }

    /// <summary>The definition a labelled line gives its label, and the line its first sentence ends on; null when that
    /// sentence is no defining line.</summary>
    private static (string Text, int LineEnd)? LabelledDefinition(Passage p, string title, bool boldSubject = false)
    {
        // An item number would end a sentence of its own ("1. Authentication: …").
        var parts = LabelNumberRegex().Replace(p.Text.TrimStart(), string.Empty).Split('\n');
        var lines = parts.Length == p.LineEnd - p.LineStart + 1
            ? parts.Select((t, i) => (p.LineStart + i, t)).ToList()
            : [(p.LineStart, QuizText.OneLine(p.Text))];
        if (Sentences.Of(lines) is not [var (_, end, sentence), ..])
        {
            return null;
        }

        if (boldSubject)
        {
            return AfterBoldSubject(QuizText.OneLine(sentence), title) is { } said && IsDefiningLine(said.Trim(), title) ? (said.Trim(), end) : null;
        }

        if (QuizText.Label(QuizText.OneLine(sentence)) is not { } label)
        {
            return null;
        }

        var rest = QuizText.OneLine(sentence)[label.Length..].TrimStart(':', '-', '—', '–', '>', ' ');
        var subject = QuizText.Words(rest);
        var titleWords = QuizText.Words(title);
        if (subject.Count > titleWords.Count && subject.Take(titleWords.Count).SequenceEqual(titleWords, StringComparer.OrdinalIgnoreCase))
        {
            var after = rest.IndexOf(subject[titleWords.Count - 1], StringComparison.Ordinal) + subject[titleWords.Count - 1].Length;
            var withoutSubject = rest[after..].TrimStart();
            rest = OpeningCopulaRegex().IsMatch(withoutSubject) ? withoutSubject : rest;
        }

        rest = OpeningCopulaRegex().Replace(rest, string.Empty).Trim();
        return IsDefiningLine(rest, title) ? (rest, end) : null;
    }
}
