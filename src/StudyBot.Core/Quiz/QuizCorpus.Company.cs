using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// The words around a term: the company two terms keep, which says whether they are of one kind
/// (<see cref="ContextSimilarity"/>); the words the notes write right after a term, which say whether it fills a
/// blank's slot (<see cref="FillsSlot"/>, <see cref="AfterArticle"/>); and how often a stem word meets a term in other
/// lines (<see cref="Cooccurrence(string, string, Passage)"/>). Each is counted on first use and kept.
/// </summary>
internal sealed partial class QuizCorpus
{
    /// <summary>How alike the notes use two terms: the share of the words written next to them (two either side, in
    /// every line that holds them) that they have in common. Things of one kind keep the same company: "kill -9 $PID"
    /// and "the PID of the process" meet UID, not RAM; "Amazon S3" meets "Amazon EBS", not HSM.</summary>
    public double ContextSimilarity(string a, string b)
    {
        var x = Neighbours(a);
        var y = Neighbours(b);
        var union = x.Count + y.Count;
        if (union == 0)
        {
            return 0;
        }

        var shared = x.Count(y.Contains);
        return (double)shared / (union - shared);
    }

    private HashSet<string> Neighbours(string term)
    {
        if (_neighbours.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        var termWords = QuizText.Words(term);
        if (termWords.Count > 0 && _termPassages.TryGetValue(term, out var holders))
        {
            foreach (var i in holders)
            {
                var words = _words[i] ??= QuizText.Words(QuizText.OneLine(_passages[i].Text));
                for (var at = 0; at + termWords.Count <= words.Count; at++)
                {
                    if (!termWords.Select((w, k) => string.Equals(words[at + k], w, StringComparison.OrdinalIgnoreCase)).All(x => x))
                    {
                        continue;
                    }

                    foreach (var n in new[] { at - 2, at - 1, at + termWords.Count, at + termWords.Count + 1 })
                    {
                        if (n >= 0 && n < words.Count && words[n].Length >= 2 && words[n].Any(char.IsLetter)
                            && !QuizLexicon.StopWords.Contains(words[n]) && !QuizLexicon.DanglingEnds.Contains(words[n]))
                        {
                            var w = words[n].ToLowerInvariant();
                            set.Add(w.Length > 5 ? w[..5] : w);
                        }
                    }
                }
            }
        }

        _neighbours[term] = set;
        return set;
    }

    private readonly Dictionary<string, HashSet<string>> _neighbours = new(StringComparer.OrdinalIgnoreCase);

    private List<string>?[] _words => _passageWords ??= new List<string>?[_passages.Count];

    private List<string>?[]? _passageWords;

    /// <summary>True when the notes write <paramref name="term"/> right before <paramref name="headWord"/> (in any
    /// line, singular or plural): "CNAME records", "MX records" and "PTR records" fill the slot "___ records"; "BGP
    /// certificates" or "OS databases", never written, do not. A wrong choice that does not fill the blank's slot is
    /// ruled out by grammar or by sense without any knowledge of the notes.</summary>
    public bool FillsSlot(string term, string headWord) => Followers(term).Contains(SlotStem(headWord));

    /// <summary>True when the notes write the word right after "the", "a" or "an" ("the instances"): a noun, whatever
    /// its -s suggests ("selects" never is).</summary>
    public bool AfterArticle(string word)
    {
        var w = word.ToLowerInvariant();
        if (!_afterArticle.TryGetValue(w, out var seen))
        {
            seen = false;
            for (var i = 0; i < _passages.Count && !seen; i++)
            {
                var words = _words[i] ??= QuizText.Words(QuizText.OneLine(_passages[i].Text));
                for (var k = 1; k < words.Count && !seen; k++)
                {
                    seen = string.Equals(words[k], w, StringComparison.OrdinalIgnoreCase)
                        && words[k - 1].ToLowerInvariant() is "the" or "a" or "an";
                }
            }

            _afterArticle[w] = seen;
        }

        return seen;
    }

    private readonly Dictionary<string, bool> _afterArticle = new(StringComparer.Ordinal);

    /// <summary>A word as a slot's head: lower case, a plural "s" and a possessive dropped, cut to five letters
    /// ("ports" meets "port", "addresses" meets "address").</summary>
    internal static string SlotStem(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        return w.Length > 5 ? w[..5] : w;
    }

    private HashSet<string> Followers(string term)
    {
        if (_followers.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        var termWords = QuizText.Words(term);
        if (termWords.Count > 0)
        {
            foreach (var i in Holders(term))
            {
                var words = _words[i] ??= QuizText.Words(QuizText.OneLine(_passages[i].Text));
                for (var at = 0; at + termWords.Count < words.Count; at++)
                {
                    if (termWords.Select((w, k) => string.Equals(words[at + k], w, StringComparison.OrdinalIgnoreCase)).All(x => x))
                    {
                        set.Add(SlotStem(words[at + termWords.Count]));
                    }
                }
            }
        }

        _followers[term] = set;
        return set;
    }

    private readonly Dictionary<string, HashSet<string>> _followers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The lines that hold a term: from the term index for acronyms and names, else (a title such as "Spot
    /// Instances") by a scan, kept.</summary>
    private List<int> Holders(string term)
    {
        if (_termPassages.TryGetValue(term, out var holders))
        {
            return holders;
        }

        if (!_scanned.TryGetValue(term, out var found))
        {
            var n = QuizText.Normalize(term);
            found = n.Length == 0 ? [] : Enumerable.Range(0, _passages.Count)
                .Where(i => QuizText.HasWord(_normalized[i] ??= QuizText.Normalize(QuizText.OneLine(_passages[i].Text)), n)).ToList();
            _scanned[term] = found;
        }

        return found;
    }

    private readonly Dictionary<string, List<int>> _scanned = new(StringComparer.OrdinalIgnoreCase);

    private string?[] _normalized => _normalizedLines ??= new string?[_passages.Count];

    private string?[]? _normalizedLines;

    /// <summary>In how many lines, other than the cited one, the notes write <paramref name="term"/> with the content
    /// stem <paramref name="stem"/> (<see cref="QuizText.Stems"/>), and in how many lines the stem occurs at all.</summary>
    public (int WithTerm, int Lines) Cooccurrence(string term, string stem, Passage cited) =>
        Cooccurrence(term, stem, cited.File, cited.LineStart);

    /// <summary>The same, with the cited line given by its file and first line (a finished question's citation).</summary>
    public (int WithTerm, int Lines) Cooccurrence(string term, string stem, string citedFile, int citedLine)
    {
        if (!_stemLines.Value.TryGetValue(stem, out var lines))
        {
            return (0, 0);
        }

        bool Cited(int i) => _passages[i].File == citedFile && _passages[i].LineStart == citedLine;
        var with = Holders(term).Count(i => !Cited(i) && _stems[i].Contains(stem));
        return (with, lines.Count(i => !Cited(i)));
    }
}
