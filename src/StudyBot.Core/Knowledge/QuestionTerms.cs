using Lucene.Net.Index;
using Lucene.Net.Search;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// One idea in a question: a word, or a word with its synonyms (an acronym and its spelled-out name count once).
/// A concept matches a passage when one of its terms is there, or all of its parts (the words of a spelled-out
/// name, or the halves of a compound: "micro services" for "microservices").
/// </summary>
/// <param name="Terms">Analyzed terms, any of which matches.</param>
/// <param name="Parts">Words that match together; empty when the concept is a single word.</param>
/// <param name="Weight">Inverse document frequency of the concept (unknown words weigh the most).</param>
/// <param name="IsFrame">A question-frame word ("explain", "purpose", "used") that does not carry the topic.</param>
/// <param name="Corrected">Terms found by the spelling pass, matched at a lower weight.</param>
/// <param name="IsUnknownName">A capitalised word inside the question ("Brazil", "Hamlet") that the notes never
/// mention: the question is about something the notes do not cover.</param>
/// <param name="IsUnknown">No passage holds the word, nor a spelling of it.</param>
internal sealed record Concept(IReadOnlyList<string> Terms, IReadOnlyList<string> Parts, double Weight, bool IsFrame, IReadOnlyList<string> Corrected, bool IsUnknownName = false, bool IsUnknown = false)
{
    public IEnumerable<string> AllTerms => Terms.Concat(Corrected);

    /// <summary>The word as the question wrote it (lowercase), for a single word; null otherwise.</summary>
    public string? Surface { get; init; }

    public bool MatchesAny(HashSet<string> terms)
    {
        foreach (var term in Terms)
        {
            if (terms.Contains(term))
            {
                return true;
            }
        }

        foreach (var term in Corrected)
        {
            if (terms.Contains(term))
            {
                return true;
            }
        }

        if (Parts.Count == 0)
        {
            return false;
        }

        foreach (var part in Parts)
        {
            if (!terms.Contains(part))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Turns a question into weighted concepts, with a spelling pass for unknown longer words.</summary>
internal static class QuestionTerms
{
    /// <summary>Longer questions are cut to this by <see cref="Answering.QuestionAnalyzer.Analyze"/>, before any stage
    /// reads them: the first part carries the question, and it keeps queries and the patterns' work small.</summary>
    internal const int MaxQuestionChars = 1000;

    private const int MaxConcepts = 48;

    private static readonly string[] NegatingPrefixes = ["non", "un", "in", "im", "ir", "il", "dis"];

    /// <summary>The analysed term of "same": a concept only when it is an identity question's predicate
    /// (<see cref="Lexicon.IdentityPredicate"/>).</summary>
    private const string SameTerm = "same";

    /// <summary>An unknown word weighs at least this share of the weight of a word no passage holds.</summary>
    private const double UnknownFloor = 0.6;

    public static List<Concept> Build(KnowledgeIndex index, IndexSearcher searcher, string question, bool isYesNo)
    {
        var tokens = index.Analyzer.Tokens(question);
        var reader = searcher.IndexReader;
        var n = index.DocumentCount;
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var consumed = new HashSet<int>();

        // Spelled-out names the synonym map knows: the canonical term, or all the words together.
        foreach (var synonym in tokens.Where(t => t.IsSynonym && t.PositionLength > 1))
        {
            var parts = tokens
                .Select((t, i) => (t, i))
                .Where(x => !x.t.IsSynonym && x.t.Position >= synonym.Position && x.t.Position < synonym.Position + synonym.PositionLength)
                .ToList();
            consumed.UnionWith(parts.Select(x => x.i));
            Add([synonym.Term], parts.Select(x => x.t.Term).ToList(), false);
        }

        var identity = Lexicon.IdentityPredicate().IsMatch(question);
        var words = tokens.Select((t, i) => (t, i))
            .Where(x => !x.t.IsSynonym && !consumed.Contains(x.i) && (identity || x.t.Term != SameTerm)).ToList();
        for (var w = 0; w < words.Count; w++)
        {
            var (token, _) = words[w];
            var alternatives = tokens.Where(t => t.IsSynonym && t.PositionLength == 1 && t.Position == token.Position).Select(t => t.Term);
            var terms = alternatives.Prepend(token.Term).ToList();

            // "micro services" in the question, "microservices" in the notes.
            if (w + 1 < words.Count && words[w + 1].t.Position == token.Position + 1
                && index.Vocabulary.Contains(token.Term + words[w + 1].t.Term))
            {
                Add([token.Term + words[w + 1].t.Term], [token.Term, words[w + 1].t.Term], false);
                w++;
                continue;
            }

            // "microservices" in the question, "micro services" in the notes.
            var split = SplitCompound(index, token.Term);
            var written = question[token.StartOffset..token.EndOffset];
            Add(terms, split, IsName(question, token, tokens), written.ToLowerInvariant(), written);
        }

        // A word listed alone and inside a wider concept counts once, in the wider one.
        var result = concepts
            .Where(c => !concepts.Any(o => !ReferenceEquals(o, c) && o.Parts.Count > 0 && c.Parts.Count == 0 && c.Terms.All(o.Parts.Contains)))
            .ToList();

        // A word the notes never use weighs like the question's most specific known word, not more: one unknown
        // common word ("architecture") must not outweigh the topic the notes do cover.
        var unknownWeight = Idf(n, 0);
        var knownMax = result.Where(c => !c.IsFrame && c.Weight < unknownWeight - 1e-9).Select(c => c.Weight).DefaultIfEmpty(unknownWeight).Max();
        result = result.Select(c => c.Weight >= unknownWeight - 1e-9 ? c with { Weight = Math.Max(knownMax, UnknownFloor * unknownWeight) } : c).ToList();

        // "Does UDP retransmit lost data?": a yes/no question asks whether its subject does its verb; the words after
        // them only narrow it, so the first two topic words weigh more.
        if (isYesNo)
        {
            var core = result.Where(c => !c.IsFrame).Take(2).ToHashSet();
            if (result.Count(c => !c.IsFrame) > 2)
            {
                result = result.Select(c => core.Contains(c) ? c with { Weight = c.Weight * 1.5 } : c).ToList();
            }
        }

        return result;

        void Add(List<string> terms, IReadOnlyList<string> parts, bool isName, string? surface = null, string? written = null)
        {
            terms = terms.Where(t => !Lexicon.Negations.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
            if (terms.Count == 0 || concepts.Count >= MaxConcepts || !seen.Add(string.Join('|', terms.Order(StringComparer.Ordinal))))
            {
                return;
            }

            var isFrame = terms.All(index.FrameTerms.Contains) && parts.Count == 0;
            var df = terms.Max(t => DocFreq(reader, t));
            if (df == 0 && parts.Count == 0 && IsSwappedStopWord(surface))
            {
                return;
            }

            var corrected = df == 0 && parts.Count == 0 ? Correct(index, reader, terms[0]) : [];
            if (corrected.Count > 0)
            {
                df = corrected.Max(t => DocFreq(reader, t));
            }

            if (df == 0 && parts.Count > 0)
            {
                df = parts.Min(t => DocFreq(reader, t));
            }

            var unknownName = isName && df == 0 && !(written is not null && OpensAnIdentifier(index, written));
            concepts.Add(new Concept(terms, parts, Idf(n, df), isFrame, corrected, unknownName, df == 0) { Surface = surface });
        }
    }

    /// <summary>The shortest typed word read as a stop word with two letters swapped: shorter swaps are words of their
    /// own ("form" is "from" swapped).</summary>
    private const int MinSwappedStopWord = 5;

    /// <summary>Whether a word the notes never use is a stop word typed with two neighbouring letters swapped ("when
    /// shuold i reach for factory method": "shuold", an unknown word, was the question's subject and it was declined).
    /// Not a count ("three" is "there" swapped).</summary>
    internal static bool IsSwappedStopWord(string? typed)
    {
        if (typed is not { Length: >= MinSwappedStopWord } || Lexicon.IsCount(typed))
        {
            return false;
        }

        var letters = typed.ToCharArray();
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            if (letters[i] == letters[i + 1])
            {
                continue;
            }

            (letters[i], letters[i + 1]) = (letters[i + 1], letters[i]);
            var isStopWord = NotesAnalyzer.StopWords.Contains(letters);
            (letters[i], letters[i + 1]) = (letters[i + 1], letters[i]);
            if (isStopWord)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when an acronym of the question opens an identifier of the notes joined to a word they also use
    /// ("SMS" in <c>SMSContainer</c>, "HTTP" in <c>HTTPRequest</c>): the name is the notes' own, not one they never
    /// mention. The style guide declined "how should acronyms like HTTP or SMS be capitalized in names?" on its own rule
    /// about <c>SMSContainer</c> because SMS counted as an unknown name. Acronyms only: "Java" opens "JavaScript", and a
    /// question about Java is not one the JavaScript notes answer.</summary>
    private static bool OpensAnIdentifier(KnowledgeIndex index, string written)
    {
        if (written.Length < MinIdentifierHead || !written.All(c => char.IsUpper(c) || char.IsDigit(c)) || !written.Any(char.IsLetter))
        {
            return false;
        }

        var surface = written.ToLowerInvariant();
        foreach (var term in index.Vocabulary.StartingWith(surface[0]))
        {
            if (term.Length >= surface.Length + MinIdentifierTail && term.StartsWith(surface, StringComparison.Ordinal)
                && term[surface.Length..].All(char.IsLetter) && index.Vocabulary.Contains(term[surface.Length..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The shortest name and the shortest word after it that make an identifier (<see cref="OpensAnIdentifier"/>):
    /// two letters are a prefix of too many words.</summary>
    private const int MinIdentifierHead = 3;

    private const int MinIdentifierTail = 4;

    /// <summary>True for a capitalised word that does not open the question (a name: "Paris", "Hamlet").</summary>
    private static bool IsName(string question, AnalyzedToken token, List<AnalyzedToken> tokens)
    {
        var start = token.StartOffset;
        if (start <= 0 || start >= question.Length || !char.IsUpper(question[start]))
        {
            return false;
        }

        // The first word of a sentence is capitalised anyway.
        var before = question[..start].TrimEnd();
        return before.Any(char.IsLetter) && before[^1] is not ('.' or '?' or '!' or ':' or '"');
    }

    /// <summary>Two known words that make up <paramref name="term"/>, or none.</summary>
    private static IReadOnlyList<string> SplitCompound(KnowledgeIndex index, string term)
    {
        if (term.Length < 7 || term.Any(char.IsDigit))
        {
            return [];
        }

        for (var cut = 2; cut <= term.Length - 3; cut++)
        {
            var head = term[..cut];
            var tail = term[cut..];
            if (index.Vocabulary.Contains(head) && index.Vocabulary.Contains(tail))
            {
                return [head, tail];
            }
        }

        return [];
    }

    internal static double Idf(int n, int df) => Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));

    private static int DocFreq(IndexReader reader, string term) =>
        Math.Max(reader.DocFreq(new Term(KnowledgeIndex.BodyField, term)), reader.DocFreq(new Term(KnowledgeIndex.TitleField, term)));

    /// <summary>Known terms within one edit (two for long words) of an unknown word, most frequent first; or the
    /// word without a negating prefix ("insecure" asked, "secure" in the notes).</summary>
    private static List<string> Correct(KnowledgeIndex index, IndexReader reader, string term)
    {
        if (term.Length < 5 || term.Any(char.IsDigit))
        {
            return [];
        }

        foreach (var prefix in NegatingPrefixes)
        {
            if (term.StartsWith(prefix, StringComparison.Ordinal) && term.Length - prefix.Length >= 4
                && index.Vocabulary.Contains(term[prefix.Length..]))
            {
                return [term[prefix.Length..]];
            }
        }

        var maxEdits = term.Length >= 8 ? 2 : 1;
        return index.VocabularyStartingWith(term[0])
            .Where(candidate => Math.Abs(candidate.Length - term.Length) <= maxEdits && candidate.Length >= 4)
            .Where(candidate => EditDistance(term, candidate, maxEdits) <= maxEdits)
            .OrderByDescending(candidate => DocFreq(reader, candidate))
            .ThenBy(candidate => candidate, StringComparer.Ordinal)
            .Take(3)
            .ToList();
    }

    /// <summary>Optimal string alignment distance, stopping early past <paramref name="limit"/>.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
