using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// What the notes themselves teach the question writer: how often each term occurs (a term in half the lines, like
/// "IP", is no key; one seen once is no wrong choice), whether a capitalised word is a term or shouted English
/// ("ONLY", "OR"), which sections are siblings, and whether some other line of the notes makes a wrong choice true.
/// </summary>
/// <remarks>
/// In parts: this file counts the terms and lines (how often, in which files and sections, what makes a wrong choice
/// true as well); <c>QuizCorpus.Lists.cs</c> the terms the notes set together in a line or a list;
/// <c>QuizCorpus.Words.cs</c> how the notes write a word (lower case or capitals, a name, a slip of the keyboard, an
/// activity heading); <c>QuizCorpus.Company.cs</c> the words around a term (its company, the slot it fills, a stem word
/// it meets).
/// </remarks>
internal sealed partial class QuizCorpus
{
    /// <summary>Share of a stem's content words another line must hold, with a wrong choice, to make it true too.</summary>
    private const double AlsoTrueOverlap = 0.6;

    private readonly List<Passage> _passages;
    private readonly List<HashSet<string>> _stems;
    private readonly Dictionary<string, List<int>> _termPassages = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _lowerWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _upperWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _titleFiles = new(StringComparer.Ordinal);
    private readonly List<string> _lowerTexts = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _textUses = new(StringComparer.Ordinal);

    /// <param name="passages">The notes' passages, code blocks among them.</param>
    /// <param name="vocabulary">The sentence model's whole words (<see cref="Knowledge.Semantic.ITextEmbedder.WholeWords"/>),
    /// or null: then no word is read as a typo (<see cref="Typos"/>).</param>
    public QuizCorpus(IEnumerable<Passage> passages, IReadOnlySet<string>? vocabulary = null)
    {
        _passages = passages.Where(p => p.Kind != PassageKind.Code).ToList();
        Typos = new LikelyTypos(vocabulary, w => _wordUses.GetValueOrDefault(w), _codeWords.Contains);
        foreach (var p in passages)
        {
            CountCodeWords(p);
        }

        // A heading's words count once per file: "Pure Aloha" is the notes' word even when the prose never repeats it.
        foreach (var heading in _passages.SelectMany(p => p.HeadingPath.Select(h => p.File + "\u001f" + h)).Distinct(StringComparer.Ordinal))
        {
            CountWordUses(heading[(heading.IndexOf('\u001f', StringComparison.Ordinal) + 1)..]);
        }

        Introduced = new IntroducedTerms(_passages, passages.Where(p => p.Kind == PassageKind.Code));
        _stems = new List<HashSet<string>>(_passages.Count);
        for (var i = 0; i < _passages.Count; i++)
        {
            var p = _passages[i];
            var text = QuizText.OneLine(p.Text);
            _stems.Add(QuizText.Stems(text));
            _lowerTexts.Add(text.ToLowerInvariant());
            foreach (var term in TermsOf(text, p).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!_termPassages.TryGetValue(term, out var list))
                {
                    list = [];
                    _termPassages[term] = list;
                }

                list.Add(i);
            }

            CountNamesWrittenMidSentence(text);
            CountWordUses(text);
            foreach (var word in QuizText.Words(text))
            {
                if (word.All(c => !char.IsLetter(c) || char.IsLower(c)))
                {
                    Increment(_lowerWords, word);
                }
                else if (word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
                {
                    Increment(_upperWords, word.ToLowerInvariant());
                }
            }

            var title = QuizText.Normalize(QuizText.OneLine(p.Section));
            if (!_titleFiles.TryGetValue(title, out var files))
            {
                files = new HashSet<string>(StringComparer.Ordinal);
                _titleFiles[title] = files;
            }

            files.Add(p.File);
        }
    }

    /// <summary>The notes' likely typos (<see cref="LikelyTypos"/>), judged by the model's vocabulary and these notes.</summary>
    public LikelyTypos Typos { get; }

    /// <summary>The terms the notes introduce by their markup (<see cref="IntroducedTerms"/>).</summary>
    public IntroducedTerms Introduced { get; }

    /// <summary>The terms of a line of <paramref name="passage"/>: acronyms and CamelCase names
    /// (<see cref="QuizText.Terms"/>) and the terms the notes introduce (<see cref="Introduced"/>) that it writes.</summary>
    public IEnumerable<string> TermsOf(string text, Passage passage) => QuizText.Terms(text).Concat(Introduced.In(text, passage.Emphasis, passage.File));

    /// <summary>True when the notes treat two terms as one ("SSL/TLS", "HTTP/HTTPS"), or one is the other plus a
    /// letter or two (SMTP, SMTPS): either could fill the same blank.</summary>
    public bool Interchangeable(string a, string b)
    {
        var x = a.ToUpperInvariant();
        var y = b.ToUpperInvariant();
        if ((x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)) && Math.Abs(x.Length - y.Length) <= 2)
        {
            return true;
        }

        if (InsideInsertion(x, y) || InsideInsertion(y, x))
        {
            return true;
        }

        return _joined.Contains(x + "/" + y) || _joined.Contains(y + "/" + x)
            || x.Split('/').Any(part => _joined.Contains(part + "/" + y) || _joined.Contains(y + "/" + part))
            || y.Split('/').Any(part => _joined.Contains(part + "/" + x) || _joined.Contains(x + "/" + part));
    }

    /// <summary>True when <paramref name="longer"/> is <paramref name="shorter"/> with one letter added inside it
    /// (IOPS and IPS): a typo or a variant, never a different thing. Letters added at either end make other names
    /// (ACL and NACL, HTTP and HTTPS) and are left to the other checks.</summary>
    private static bool InsideInsertion(string longer, string shorter)
    {
        if (longer.Length != shorter.Length + 1 || shorter.Length < 2)
        {
            return false;
        }

        for (var i = 1; i < longer.Length - 1; i++)
        {
            if (char.IsLetter(longer[i]) && string.Equals(longer.Remove(i, 1), shorter, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a term written far less often than a variant of it ("IPS" beside "IOPS"): a typo of the notes,
    /// which a question would teach.</summary>
    public bool IsVariantOfCommoner(string term)
    {
        var df = Df(term);
        var upper = term.ToUpperInvariant();
        bool Commoner(int length, Func<string, bool> variantOf) =>
            (_variants.Value.GetValueOrDefault(length) ?? []).Any(v => Df(v) > 2 * df && variantOf(v.ToUpperInvariant()));
        return Commoner(upper.Length + 1, v => InsideInsertion(v, upper)) || Commoner(upper.Length - 1, v => InsideInsertion(upper, v));
    }

    private Lazy<Dictionary<int, List<string>>> _variants => _variantsByLength ??= new(() => _termPassages.Keys
        .GroupBy(t => t.Length).ToDictionary(g => g.Key, g => g.ToList()));

    private Lazy<Dictionary<int, List<string>>>? _variantsByLength;

    /// <summary>True when the term is in a fifth or more of its file's lines (a file of eight lines or more): what the
    /// whole file is about ("AI" in notes on an AI certificate), which any learner fills in.</summary>
    public bool IsFileTopic(string term, string file)
    {
        var indices = FileIndices(file);
        if (indices.Count < 8 || !_termPassages.TryGetValue(term, out var holders))
        {
            return false;
        }

        var inFile = holders.Count(i => _passages[i].File == file);
        return inFile >= 0.2 * indices.Count;
    }

    private List<int> FileIndices(string file)
    {
        if (!_fileIndex.TryGetValue(file, out var indices))
        {
            indices = Enumerable.Range(0, _passages.Count).Where(i => _passages[i].File == file).ToList();
            _fileIndex[file] = indices;
        }

        return indices;
    }

    /// <summary>Pairs of terms the notes write joined by a slash, upper case, both orders.</summary>
    private HashSet<string> _joined => _joinedPairs ??= BuildJoined();

    private HashSet<string>? _joinedPairs;

    private HashSet<string> BuildJoined()
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in _termPassages.Keys.Where(t => t.Contains('/', StringComparison.Ordinal)))
        {
            var parts = term.ToUpperInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries);
            foreach (var p in parts)
            {
                foreach (var q in parts.Where(q => q != p))
                {
                    pairs.Add(p + "/" + q);
                }
            }
        }

        return pairs;
    }

    /// <summary>How many lines the corpus has.</summary>
    public int Count => _passages.Count;

    /// <summary>How many lines hold the term.</summary>
    public int Df(string term) => _termPassages.TryGetValue(term, out var l) ? l.Count : 0;

    /// <summary>In how many passages the phrase is written in the notes' own sentences, in any case, singular or plural
    /// ("logical volumes" for "Logical Volumes"). A passage's text holds no heading, so a title counts only where the
    /// notes use it as a word: "Logical Volumes" does, "Check Volume Group" or "With LDAP" (layout headings, outside
    /// rating 17) does not.</summary>
    public int TextUses(string phrase) => _textUses.GetOrAdd(phrase.Trim().ToLowerInvariant(), CountTextUses);

    private int CountTextUses(string phrase)
    {
        // A plural phrase also matches its singular ("volumes" → "volume", "volumes").
        var stem = SingularForm(phrase);
        return stem.Length == 0 ? 0 : _lowerTexts.Count(t => WrittenIn(t, stem));
    }

    /// <summary>Whether the notes write <paramref name="word"/> as a whole word in this exact form (no plural "s" added):
    /// "sockets" only where the notes write "sockets".</summary>
    public bool WritesExactly(string word) => _exactUses.GetOrAdd(word.Trim().ToLowerInvariant(), w => _lowerTexts.Any(t => WrittenExactly(t, w)));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _exactUses = new(StringComparer.Ordinal);

    private static bool WrittenExactly(string text, string word) => QuizText.StandsIn(text, word, IsWordChar);

    /// <summary>Shortest phrase read as a plural when it ends in "s" ("bus", "DNS" are not).</summary>
    private const int MinPluralLength = 3;

    /// <summary>Whether <paramref name="stem"/> stands in <paramref name="text"/> as whole words, with an optional
    /// plural "s".</summary>
    internal static bool WrittenIn(string text, string stem)
    {
        for (var at = text.IndexOf(stem, StringComparison.Ordinal); at >= 0; at = text.IndexOf(stem, at + 1, StringComparison.Ordinal))
        {
            var end = at + stem.Length;
            if (end < text.Length && text[end] == 's')
            {
                end++;
            }

            if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    /// <summary>The top folder of a file (a corpus of its own), or the file when it sits at the root.</summary>
    public static string Root(string file)
    {
        var slash = file.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? file : file[..slash];
    }

    /// <summary>The terms of a corpus root seen in two lines or more, most frequent first.</summary>
    public IReadOnlyList<string> RootTerms(string root)
    {
        if (!_rootTerms.TryGetValue(root, out var terms))
        {
            terms = _termPassages
                .Where(kv => kv.Value.Count >= 2 && kv.Value.Any(i => Root(_passages[i].File) == root))
                .OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Key)
                .ToList();
            _rootTerms[root] = terms;
        }

        return terms;
    }

    private readonly Dictionary<string, List<string>> _rootTerms = new(StringComparer.Ordinal);

    /// <summary>The terms of one file: those of sibling sections (same parent heading) and all of the file's.</summary>
    public (IReadOnlyList<string> Siblings, IReadOnlyList<string> File) FileTerms(string file, IReadOnlyList<string> parentPath)
    {
        var cacheKey = file + "\u001e" + string.Join('\u001f', parentPath);
        if (_fileTerms.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var indices = FileIndices(file);
        var siblings = new List<string>();
        var all = new List<string>();
        foreach (var i in indices)
        {
            var p = _passages[i];
            var terms = TermsOf(QuizText.OneLine(p.Text), p).ToList();
            all.AddRange(terms);
            if (p.IsOneTitleUnder(parentPath))
            {
                siblings.AddRange(terms);
            }
        }

        cached = (siblings.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), all.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        _fileTerms[cacheKey] = cached;
        return cached;
    }

    private readonly Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>)> _fileTerms = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<int>> _fileIndex = new(StringComparer.Ordinal);

    /// <summary>A term that can stand as a wrong choice: seen twice or more, not shouted English.</summary>
    public bool IsRealTerm(string term) => Df(term) >= 2 && !IsShouted(term);

    /// <summary>True when some section of the notes has this title (a heading, as the notes write it).</summary>
    public bool IsTitle(string text) => _titleFiles.ContainsKey(QuizText.Normalize(text));

    /// <summary>True when <paramref name="title"/> heads a section of another file than <paramref name="file"/> and none
    /// of <paramref name="file"/> itself (a title the notes do not head anywhere is no evidence either way: false).</summary>
    public bool TitleOnlyElsewhere(string title, string file) =>
        _titleFiles.TryGetValue(QuizText.Normalize(title), out var files) && !files.Contains(file);

    /// <summary>True for a heading that several files use ("Introduction", "Use cases"): it organises, it names nothing.</summary>
    public bool IsCommonTitle(string title) => _titleFiles.TryGetValue(QuizText.Normalize(title), out var f) && f.Count >= 3;

    /// <summary>Share of the lines that hold the term (0 to 1): "IP" in a networking corpus is high.</summary>
    public double Spread(string term) => _passages.Count == 0 ? 0 : (double)Df(term) / _passages.Count;

    /// <summary>True when a line other than the cited one holds <paramref name="candidate"/> with most of the stem's
    /// content words: the notes would make that wrong choice true as well ("REST … stateless").</summary>
    public bool AlsoTrue(string candidate, IReadOnlySet<string> stemStems, Passage cited)
    {
        if (stemStems.Count < 2)
        {
            return false;
        }

        IEnumerable<int> holders = _termPassages.TryGetValue(candidate, out var l) ? l : Enumerable.Empty<int>();
        foreach (var i in holders)
        {
            var p = _passages[i];
            if (p.File == cited.File && p.LineStart == cited.LineStart)
            {
                continue;
            }

            var shared = _stems[i].Count(stemStems.Contains);
            if (shared >= AlsoTrueOverlap * stemStems.Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How much a content stem (<see cref="QuizText.Stems"/>) says: the log of the notes' lines over the lines
    /// that hold it, so "hardware" or "unmodified" weigh more than "use" or "system".</summary>
    public double Idf(string stem) =>
        Math.Log((_passages.Count + 1.0) / (1.0 + (_stemLines.Value.TryGetValue(stem, out var l) ? l.Count : 0)));

    /// <summary>The lines that speak of <paramref name="term"/>: lines whose own text writes it in any case, singular
    /// or plural ("volume group" for "Volume Groups"), or writes its expansion (an acronym's words), and the lines of a
    /// section whose title names it ("Hardware-level virtualization involves emulating …" under "Hardware-Level
    /// Virtualization").</summary>
    public IReadOnlyList<int> Mentions(string term)
    {
        if (_mentions.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var forms = new[] { term, Expansion(term) }.OfType<string>().Select(SingularForm).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var found = forms.Count == 0 ? [] : Enumerable.Range(0, _passages.Count)
            .Where(i => forms.Any(f => WrittenIn(_lowerTexts[i], f) || WrittenIn(_passages[i].Section.ToLowerInvariant(), f)))
            .ToList();
        _mentions[term] = found;
        return found;
    }

    private readonly Dictionary<string, List<int>> _mentions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A phrase in lower case with a plural "s" dropped, as <see cref="TextUses"/> matches it.</summary>
    internal static string SingularForm(string phrase)
    {
        var p = phrase.Trim().ToLowerInvariant();
        return p.Length > MinPluralLength && p.EndsWith('s') && !p.EndsWith("ss", StringComparison.Ordinal) ? p[..^1] : p;
    }

    /// <summary>The lines, outside the cited ones, that speak of <paramref name="term"/> (<see cref="Mentions"/>) with
    /// the stem's content words, each with the share of the stem's weight (<see cref="Idf"/>) it holds, in its text or
    /// its section title; the best first. Where a wrong choice has such a line, the notes may make it true of the stem
    /// too (outside rating 19: "use _____ to manage services" keyed systemd, while a line says administrators use
    /// systemctl to manage services).</summary>
    public IReadOnlyList<(string Text, double Share)> Support(string term, IReadOnlySet<string> stems, string citedFile, int citedStart, int citedEnd)
    {
        var total = stems.Sum(Idf);
        if (total <= 0)
        {
            return [];
        }

        var found = new List<(string Text, double Share)>();
        foreach (var i in Mentions(term))
        {
            var p = _passages[i];
            // Another set of notes is another subject: "find" in exam-preparation notes is a verb, not the command.
            if ((p.File == citedFile && p.LineStart <= citedEnd && p.LineEnd >= citedStart) || Root(p.File) != Root(citedFile))
            {
                continue;
            }

            var section = _sectionStems.TryGetValue(p.Section, out var s) ? s : _sectionStems[p.Section] = QuizText.Stems(p.Section);
            var share = stems.Where(t => _stems[i].Contains(t) || section.Contains(t)).Sum(Idf) / total;
            if (share > 0)
            {
                found.Add((QuizText.OneLine(p.Text), share));
            }
        }

        return found.OrderByDescending(f => f.Share).ThenBy(f => f.Text, StringComparer.Ordinal).ToList();
    }

    private readonly Dictionary<string, HashSet<string>> _sectionStems = new(StringComparer.Ordinal);

    /// <summary>The lines of the notes that hold <paramref name="term"/>, but the cited one: where a wrong term may be
    /// said to do what the cited line says of the key.</summary>
    public IEnumerable<string> LinesWith(string term, Passage cited) => LinesWith(term, cited.File, cited.LineStart);

    /// <summary>The same, with the cited line given by its file and first line (a finished question's citation).</summary>
    public IEnumerable<string> LinesWith(string term, string citedFile, int citedLine) =>
        (_termPassages.TryGetValue(term, out var holders) ? holders : Enumerable.Empty<int>())
            .Where(i => !(_passages[i].File == citedFile && _passages[i].LineStart == citedLine))
            .Select(i => QuizText.OneLine(_passages[i].Text));

    /// <summary>The lines of the sections titled <paramref name="title"/> (normalized), in every file.</summary>
    public IEnumerable<string> SectionLines(string title)
    {
        var n = QuizText.Normalize(title);
        return _passages.Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph && QuizText.Normalize(QuizText.OneLine(p.Section)) == n)
            .Select(p => QuizText.OneLine(p.Text));
    }

    /// <summary>The words the notes spell an acronym out with, in a line that holds it or in its section title
    /// ("Disaster Recovery" for DR), the most often written first; null for none or for a term that is no acronym.</summary>
    public string? Expansion(string term)
    {
        if (_expansions.TryGetValue(term, out var cached))
        {
            return cached;
        }

        string? expansion = null;
        if (QuizText.IsAcronym(term) && _termPassages.TryGetValue(term, out var holders))
        {
            expansion = holders
                .SelectMany(i => new[] { QuizText.OneLine(_passages[i].Text), QuizText.OneLine(_passages[i].Section) })
                .Select(text => QuizText.Expansion(text, term))
                .OfType<string>()
                .GroupBy(e => e, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key)
                .FirstOrDefault();
        }

        _expansions[term] = expansion;
        return expansion;
    }

    private readonly Dictionary<string, string?> _expansions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the sentence model is shown for a term: an acronym's expansion when the notes give one, else the
    /// term. Bare letters are only letters to the model (DR sits beside AD and FD, TLD beside T1); spelt out, an
    /// acronym is a thing of its kind.</summary>
    public string Describe(string term) => Expansion(term) ?? term;

    /// <summary>True when the notes of <paramref name="file"/>'s corpus put one term under a heading that names the
    /// other, at any depth ("Application Load Balancer (v2)" under "ELB: Elastic Load Balancers"): one is a kind or a
    /// part of the other, so a line true of one is often true of the other (ALB for "the request leaves the ___" keyed
    /// ELB).</summary>
    public bool Nests(string a, string b, string file)
    {
        var key = Root(file) + "\u001f" + a + "\u001f" + b;
        if (_nests.TryGetValue(key, out var known))
        {
            return known;
        }

        var (na, ea) = (QuizText.Normalize(a), Expansion(a) is { } x ? QuizText.Normalize(x) : null);
        var (nb, eb) = (QuizText.Normalize(b), Expansion(b) is { } y ? QuizText.Normalize(y) : null);
        static bool Names(string heading, string term, string? expansion) =>
            QuizText.HasWord(heading, term) || (expansion is not null && QuizText.HasWord(heading, expansion));
        var nests = false;
        foreach (var path in HeadingPaths(Root(file)))
        {
            for (var i = 0; i < path.Length - 1 && !nests; i++)
            {
                var aAbove = Names(path[i], na, ea);
                var bAbove = Names(path[i], nb, eb);
                nests = (aAbove || bAbove) && path.Skip(i + 1).Any(h => (aAbove && Names(h, nb, eb)) || (bAbove && Names(h, na, ea)));
            }

            if (nests)
            {
                break;
            }
        }

        _nests[key] = nests;
        return nests;
    }

    private readonly Dictionary<string, bool> _nests = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The distinct heading paths (two levels or more) of a corpus root, normalized.</summary>
    private List<string[]> HeadingPaths(string root)
    {
        if (!_headingPaths.TryGetValue(root, out var paths))
        {
            paths = _passages.Where(p => p.HeadingPath.Count >= 2 && Root(p.File) == root)
                .Select(p => p.HeadingPath.Select(QuizText.Normalize).ToArray())
                .DistinctBy(h => string.Join('\u001f', h), StringComparer.Ordinal).ToList();
            _headingPaths[root] = paths;
        }

        return paths;
    }

    private readonly Dictionary<string, List<string[]>> _headingPaths = new(StringComparer.Ordinal);

    private Lazy<Dictionary<string, List<int>>> _stemLines => _stemIndex ??= new(() =>
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _stems.Count; i++)
        {
            foreach (var s in _stems[i])
            {
                if (!index.TryGetValue(s, out var l))
                {
                    l = [];
                    index[s] = l;
                }

                l.Add(i);
            }
        }

        return index;
    });

    private Lazy<Dictionary<string, List<int>>>? _stemIndex;

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
