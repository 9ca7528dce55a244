using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>Stage 1, the candidate facts of a file (<see cref="CandidateFacts"/>): its lines worth a blank, and on prose
/// the sentences of a long paragraph, each cited by the lines it spans. In: the passages that stand without the page
/// around them (<see cref="OutOfContext"/>) and the file's lines. Out: (passage, text) pairs, in the file's order.</summary>
public static partial class QuestionGenerator
{
    /// <summary>The shortest line or sentence taken as a fact: under it a line is a label or a fragment.</summary>
    private const int MinFactLength = 25;

    /// <summary>The longest passage taken whole as one fact. Notes written as bullets keep each fact on a line well under
    /// it; a longer passage is a paragraph of several sentences (a book's hard-wrapped prose, where the parser's chunks of
    /// six lines run to 400 characters and more), whose facts are its sentences (<see cref="SentenceFacts"/>).</summary>
    private const int MaxFactLength = 220;

    /// <summary>The fewest words of a fact: a shorter line names a thing rather than saying something of it.</summary>
    private const int MinFactWords = 7;

    /// <summary>A cross-reference to a numbered part of a document ("Listing 3-1", "see Chapter 7", "Figure 4.2"): a
    /// line that points elsewhere holds no fact of its own.</summary>
    [GeneratedRegex(@"\b(?:chapter|listing|figure|fig\.|table|appendix|section)s?\s+\d+(?:[-.]\d+)*\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrossReferenceRegex();

    /// <summary>A pointer to where more is written ("For more on the implementation details of the Vec&lt;T&gt; type, see
    /// “The Rustonomicon”", "For more information, please see § Use in remark-mdx"): the sentence says where to read,
    /// not a fact (outside rating 53, P12 and P41: asked as blanks, the key was the linked page's name).</summary>
    [GeneratedRegex(@"\bfor\s+(?:more|further)\b[^.;:!?]{0,80}?\b(?:see|refer\s+to|read|check\s+out|visit|consult)\b|\bplease\s+(?:see|refer\s+to)\b|§", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointerRegex();

    /// <summary>True when a text opens with one of <paramref name="phrases"/> as whole words ("For example, …", "In that
    /// case, …"), whatever their case.</summary>
    internal static bool OpensWithPhrase(string text, IEnumerable<string> phrases) =>
        phrases.Any(o => text.StartsWith(o, StringComparison.OrdinalIgnoreCase) && (text.Length == o.Length || !char.IsLetterOrDigit(text[o.Length])));

    /// <summary>True when a line or sentence refers to a numbered part of the document (<see cref="CrossReferenceRegex"/>)
    /// or says where more is written (<see cref="PointerRegex"/>).</summary>
    internal static bool IsCrossReference(string text) => CrossReferenceRegex().IsMatch(text) || PointerRegex().IsMatch(text);

    /// <summary>Lines worth a blank: whole statements, not table rows, link lists, fragments or questions. A passage of
    /// at most <see cref="MaxFactLength"/> characters is one fact; a longer paragraph (with the chunks the parser cut it
    /// into) gives its standalone sentences (<see cref="SentenceFacts"/>).</summary>
    internal static List<(Passage Passage, string Text)> CandidateFacts(List<Passage> filePassages, IReadOnlyList<string>? fileLines)
    {
        var facts = new List<(Passage Passage, string Text)>();
        foreach (var run in ParagraphRuns(filePassages))
        {
            if (fileLines is not null && run[0].Kind == PassageKind.Paragraph && IsProse(run))
            {
                facts.AddRange(SentenceFacts(run, fileLines));
                continue;
            }

            facts.AddRange(run
                .Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph && !HasNestedList(p, fileLines))
                .Select(p => (Passage: p, Text: QuizText.OneLine(p.Text)))
                .Where(f => IsFactText(f.Text) && (f.Passage.Kind != PassageKind.Paragraph || !IsWalkthrough(f.Text))));
        }

        return facts;
    }

    /// <summary>True for a paragraph written as prose: longer than one fact (<see cref="MaxFactLength"/>), or cut by the
    /// parser into several chunks. A shorter paragraph stays one fact even over two lines and two sentences: "BGP is
    /// the routing protocol that glues the internet together. It routes traffic between autonomous systems …" was
    /// rated good twelve times of twelve, its second sentence leaning on the first.</summary>
    private static bool IsProse(List<Passage> run) => run.Count > 1 || QuizText.OneLine(run[0].Text).Length > MaxFactLength;

    /// <summary>What every fact, a line or a sentence, must be: of a fact's length, a statement, not about the course.</summary>
    private static bool IsFactText(string text) =>
        text.Length is >= MinFactLength and <= MaxFactLength && QuizText.WordCount(text) >= MinFactWords && IsStatement(text) && !IsAboutTheCourse(text);

    /// <summary>The file's passages in order, a paragraph's chunks together: the parser cuts a paragraph into chunks of a
    /// few lines, and a sentence may run from one into the next. Chunks of one paragraph follow each other line by line
    /// in one section; every other passage is a run of its own.</summary>
    private static List<List<Passage>> ParagraphRuns(List<Passage> filePassages)
    {
        var runs = new List<List<Passage>>();
        foreach (var p in filePassages.OrderBy(p => p.LineStart))
        {
            var last = runs.Count > 0 ? runs[^1][^1] : null;
            if (last is not null && last.Kind == PassageKind.Paragraph && p.Kind == PassageKind.Paragraph
                && p.LineStart == last.LineEnd + 1 && string.Equals(p.Section, last.Section, StringComparison.Ordinal))
            {
                runs[^1].Add(p);
            }
            else
            {
                runs.Add([p]);
            }
        }

        return runs;
    }

    /// <summary>The standalone sentences of a paragraph (<see cref="IsSentenceFact"/>), each as a passage of the lines it
    /// spans, so that the reveal quotes those lines and <see cref="IsSound"/> checks the key against them. A chunk whose
    /// text lines cannot be matched one to one to its source lines (a line of the paragraph that was only an image) gives
    /// none: its sentences could not be cited exactly.</summary>
    private static IEnumerable<(Passage Passage, string Text)> SentenceFacts(List<Passage> run, IReadOnlyList<string> fileLines)
    {
        var lines = new List<(int Line, string Text)>();
        foreach (var chunk in run)
        {
            var parts = chunk.Text.Split('\n');
            if (parts.Length != chunk.LineEnd - chunk.LineStart + 1 || chunk.LineEnd > fileLines.Count)
            {
                yield break;
            }

            lines.AddRange(parts.Select((t, i) => (chunk.LineStart + i, t)));
        }

        foreach (var (start, end, text) in Sentences.Of(lines))
        {
            if (IsSentenceFact(text))
            {
                var chunk = run.Last(c => c.LineStart <= start);
                yield return (chunk with { LineStart = start, LineEnd = end, Text = text }, text);
            }
        }
    }

    /// <summary>True for a short paragraph taken whole that is the author's walk-through
    /// (<see cref="QuizLexicon.WalkthroughMarkers"/>: "Earlier, we mentioned …", "Next, we'll look at …"): it tells what
    /// the text does with its example, not a fact of the subject. A sentence of a long paragraph was already held to
    /// the stricter rule (<see cref="IsSentenceFact"/>); with the terms book prose introduces as keys (issue 11), the
    /// Rust book's short paragraphs became blanks ("Here, s will be a _____ that contains the first 4 bytes of the
    /// string. Earlier, we mentioned that …"). Only these words: a paragraph of team notes may say "we" ("when we
    /// execute terraform init the system asks …", rated good eleven times), lean on its section ("It can be …") or its
    /// later sentences on its first ("BGP is … It routes traffic …", rated good twelve times). An exclaimed sentence
    /// ("Voila! We got our removed file back.", "It matches! There's no value to add to, …") is the same voice, telling
    /// how the example went (outside rating 53, P58); a macro's "!" ("The assert! macro") is not. So is a paragraph that
    /// opens by leaning on the text before it or pointing the reader at it (<see cref="QuizLexicon.LeaningPhrases"/>:
    /// "For now, know that the Vec&lt;T&gt; type …", "Note that toString will get called whenever the obj is used …",
    /// outside rating 65, P62 and P65, both defects: the example they speak of is not shown).</summary>
    internal static bool IsWalkthrough(string paragraph) =>
        QuizText.Words(paragraph).Any(QuizLexicon.WalkthroughMarkers.Contains) || ExclaimedSentence().IsMatch(paragraph)
        || OpensWithPhrase(paragraph, QuizLexicon.LeaningPhrases);

    /// <summary>A sentence that ends in "!" with another sentence after it.</summary>
    [GeneratedRegex(@"\b\p{L}+!\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex ExclaimedSentence();

    /// <summary>A sentence of a paragraph worth a blank: every check of a line fact (<see cref="IsFactText"/>), and it
    /// stands alone. It opens with a capital (not cut from the middle of a sentence) and ends with a full stop (not a
    /// question, an exclamation or a lead-in to a listing); it does not lean on the sentence before it
    /// (<see cref="QuizLexicon.LeaningOpeners"/>, <see cref="QuizLexicon.LeaningPhrases"/>) nor point at the page around it (<see cref="QuizLexicon.PageDeixis"/>); it is not the author's
    /// walk-through (<see cref="QuizLexicon.WalkthroughWords"/>), an instruction to the reader (<see cref="QuizLexicon.ReaderInstructions"/>) or a
    /// cross-reference (<see cref="IsFactText"/> holds every check of a line fact, <see cref="IsMarkupOrReference"/> among them).</summary>
    internal static bool IsSentenceFact(string sentence)
    {
        var text = sentence.Trim();
        if (text.Length == 0 || !(char.IsUpper(text[0]) || char.IsDigit(text[0])) || !text.TrimEnd(')', '"', '”', '’', '\'').EndsWith('.')
            || !IsFactText(text))
        {
            return false;
        }

        var words = QuizText.Words(text);
        var first = words[0];
        return !QuizLexicon.LeaningOpeners.Contains(first) && !QuizLexicon.ReaderInstructions.Contains(first)
            && !OpensWithPhrase(text, QuizLexicon.LeaningPhrases)
            && !words.Any(w => QuizLexicon.PageDeixis.Contains(w) || QuizLexicon.WalkthroughWords.Contains(w));
    }
}
