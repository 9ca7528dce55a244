using Lucene.Net.Index;
using Lucene.Net.Search;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// One idea in a question: a word, or a word with its synonyms (an acronym and its spelled-out name count once).
/// A concept matches a passage when any of its terms is there.
/// </summary>
/// <param name="Terms">Analyzed terms, the question's own first.</param>
/// <param name="Weight">Inverse document frequency of the concept (unknown words weigh the most).</param>
/// <param name="IsFrame">A question-frame word ("explain", "purpose", "used") that does not carry the topic.</param>
/// <param name="Corrected">Terms found by the spelling pass, matched at a lower weight.</param>
internal sealed record Concept(IReadOnlyList<string> Terms, double Weight, bool IsFrame, IReadOnlyList<string> Corrected)
{
    public IEnumerable<string> AllTerms => Terms.Concat(Corrected);

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

        return false;
    }
}

/// <summary>Turns a question into weighted concepts, with a spelling pass for unknown longer words.</summary>
internal static class QuestionTerms
{
    /// <summary>Longer questions are cut here: the first part carries the question, and it keeps queries small.</summary>
    internal const int MaxQuestionChars = 1000;

    private const int MaxConcepts = 48;

    /// <summary>Words that frame a question rather than name its topic.</summary>
    internal static readonly IReadOnlyList<string> FrameWords =
    [
        "explain", "describe", "define", "definition", "mean", "meaning", "means", "purpose", "use", "used", "uses",
        "using", "difference", "differences", "different", "between", "example", "examples", "advantage",
        "advantages", "disadvantage", "disadvantages", "benefit", "benefits", "downside", "downsides", "drawback",
        "drawbacks", "pros", "cons", "work", "works", "working", "role", "function", "main", "provide", "provides",
        "offer", "offers", "tell", "know", "need", "needed", "like", "good", "important", "thing", "things", "way",
        "ways", "happen", "happens", "called", "type", "types", "kind", "kinds", "list", "give", "get", "make",
        "help", "helps", "possible", "allowed", "able", "really", "actually", "please", "notes", "say", "says",
        "happen", "exactly", "basically", "purpose", "responsible", "job", "task",
    ];

    public static List<Concept> Build(KnowledgeIndex index, IndexSearcher searcher, string question)
    {
        if (question.Length > MaxQuestionChars)
        {
            question = question[..MaxQuestionChars];
        }

        var tokens = index.Analyzer.Tokens(question);
        var groups = new List<List<string>>();
        var consumed = new HashSet<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsSynonym)
            {
                continue;
            }

            var synonym = tokens[i];
            var group = new List<string>();
            for (var j = 0; j < tokens.Count; j++)
            {
                var t = tokens[j];
                if (!t.IsSynonym && t.Position >= synonym.Position && t.Position < synonym.Position + synonym.PositionLength)
                {
                    group.Add(t.Term);
                    consumed.Add(j);
                }
            }

            group.Add(synonym.Term);
            groups.Add(group);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsSynonym && !consumed.Contains(i))
            {
                groups.Add([tokens[i].Term]);
            }
        }

        var reader = searcher.IndexReader;
        var n = index.DocumentCount;
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups.OrderBy(g => tokens.FindIndex(t => t.Term == g[0])))
        {
            var terms = group.Where(t => !NotesAnalyzer.NegationWords.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
            if (terms.Count == 0 || !seen.Add(string.Join('|', terms.Order(StringComparer.Ordinal))))
            {
                continue;
            }

            // A multi-word name is one idea: its own words are covered by the canonical term.
            var isFrame = terms.All(index.FrameTerms.Contains);
            var df = terms.Max(t => DocFreq(reader, t));
            var corrected = df == 0 ? Correct(index, reader, terms[0]) : [];
            if (corrected.Count > 0)
            {
                df = corrected.Max(t => DocFreq(reader, t));
            }

            concepts.Add(new Concept(terms, Idf(n, df), isFrame, corrected));
            if (concepts.Count >= MaxConcepts)
            {
                break;
            }
        }

        // Synonym groups also listed their words separately when another group held them; keep the widest.
        return concepts
            .Where(c => !concepts.Any(o => !ReferenceEquals(o, c) && o.Terms.Count > c.Terms.Count && c.Terms.All(o.Terms.Contains)))
            .ToList();
    }

    internal static double Idf(int n, int df) => Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));

    private static int DocFreq(IndexReader reader, string term) =>
        Math.Max(reader.DocFreq(new Term(KnowledgeIndex.BodyField, term)), reader.DocFreq(new Term(KnowledgeIndex.TitleField, term)));

    /// <summary>Known terms within one edit (two for long words) of an unknown word, most frequent first.</summary>
    private static List<string> Correct(KnowledgeIndex index, IndexReader reader, string term)
    {
        if (term.Length < 5 || term.Any(char.IsDigit))
        {
            return [];
        }

        var maxEdits = term.Length >= 8 ? 2 : 1;
        return index.VocabularyStartingWith(term[0])
            .Where(candidate => Math.Abs(candidate.Length - term.Length) <= maxEdits && candidate.Length >= 4)
            .Where(candidate => EditDistance(term, candidate, maxEdits) <= maxEdits)
            .OrderByDescending(candidate => DocFreq(reader, candidate))
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
