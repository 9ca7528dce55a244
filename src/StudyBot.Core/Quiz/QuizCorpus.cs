using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// What the notes themselves teach the question writer: how often each term occurs (a term in half the lines, like
/// "IP", is no key; one seen once is no wrong choice), whether a capitalised word is a term or shouted English
/// ("ONLY", "OR"), which sections are siblings, and whether some other line of the notes makes a wrong choice true.
/// </summary>
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

    public QuizCorpus(IEnumerable<Passage> passages)
    {
        _passages = passages.Where(p => p.Kind != PassageKind.Code).ToList();
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
        var stem = phrase.Length > MinPluralLength && phrase.EndsWith('s') && !phrase.EndsWith("ss", StringComparison.Ordinal) ? phrase[..^1] : phrase;
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
            if (p.HeadingPath.Count == parentPath.Count + 1 && p.HeadingPath.Take(parentPath.Count).SequenceEqual(parentPath, StringComparer.Ordinal))
            {
                siblings.AddRange(terms);
            }
        }

        cached = (siblings.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), all.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        _fileTerms[cacheKey] = cached;
        return cached;
    }

    private readonly Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>)> _fileTerms = new(StringComparer.Ordinal);

    /// <summary>Terms listed in the same lines as <paramref name="term"/> in one corpus ("CLB, ALB, NLB"; "Memcached
    /// and Redis"), most often first: the notes' own word for "the same kind of thing".</summary>
    public IReadOnlyList<string> CoTerms(string term, string root)
    {
        if (!_termPassages.TryGetValue(term, out var holders))
        {
            return [];
        }

        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in holders.Where(i => Root(_passages[i].File) == root))
        {
            foreach (var other in TermsOf(QuizText.OneLine(_passages[i].Text), _passages[i]).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!string.Equals(other, term, StringComparison.OrdinalIgnoreCase))
                {
                    counts[other] = counts.GetValueOrDefault(other) + 1;
                }
            }
        }

        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
    }

    /// <summary>The terms the notes of one corpus write in one list with <paramref name="term"/>
    /// (<see cref="QuizText.ListedRuns"/>: "TCP and UDP", "TCP vs UDP", "SOCKS4/SOCKS5", "MySQL, PostgreSQL, MariaDB"),
    /// or in one column of a table, or as the compared columns of one table ("TCP: … | UDP: …"): its siblings by the
    /// notes' own structure, much tighter than sharing a line ("DHCP uses UDP on port 67" lists nothing).</summary>
    public IReadOnlyCollection<string> Listed(string term, string root) =>
        ListedTerms.TryGetValue(root + "\u001f" + term.ToUpperInvariant(), out var set) ? set.Keys : EmptySet;

    /// <summary>How tightly the notes list two terms together: each list that holds both adds one over the number of
    /// the other members (a pair "TCP vs UDP" adds 1, a row of twenty protocols 0.05; a table comparing two columns
    /// "TCP: … | UDP: …" adds 1 per row).</summary>
    public double ListedWith(string term, string other, string root) =>
        ListedTerms.TryGetValue(root + "\u001f" + term.ToUpperInvariant(), out var set) ? set.GetValueOrDefault(other) : 0;

    /// <summary>The most the notes list <paramref name="term"/> with any one other term (<see cref="ListedWith"/>): how
    /// firmly they give it a partner (UDP with TCP 43.6 on the networking notes, SSH with TTY 2).</summary>
    public double TopListed(string term, string root) =>
        ListedTerms.TryGetValue(root + "\u001f" + term.ToUpperInvariant(), out var set) && set.Count > 0 ? set.Values.Max() : 0;

    /// <summary>True when the notes list the key firmly (<paramref name="minKeyListings"/> with one term or more) and the
    /// candidate in lists of its own, but never the two together nor with a common sibling: two families (PostgreSQL
    /// with MySQL and MariaDB; NoSQL with DB). Without lists on either side the notes say nothing.</summary>
    public bool OfAnotherFamily(string key, string candidate, string root, double minKeyListings)
    {
        var keys = Listed(key, root);
        var others = Listed(candidate, root);
        return TopListed(key, root) >= minKeyListings - 1e-9 && others.Count > 0
            && !keys.Contains(candidate, StringComparer.OrdinalIgnoreCase) && !others.Any(o => keys.Contains(o, StringComparer.OrdinalIgnoreCase));
    }

    private static readonly string[] EmptySet = [];

    /// <summary>Built on first use: only blanks ask for it.</summary>
    private Dictionary<string, Dictionary<string, double>> ListedTerms => _listedTerms ??= BuildListed();

    private Dictionary<string, Dictionary<string, double>>? _listedTerms;

    private Dictionary<string, Dictionary<string, double>> BuildListed()
    {
        var listed = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Link(string root, IReadOnlyList<string> run)
        {
            run = run.Where(t => QuizText.Terms(t).Any() || Introduced.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var a in run)
            {
                if (!listed.TryGetValue(root + "\u001f" + a.ToUpperInvariant(), out var set))
                {
                    set = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                    listed[root + "\u001f" + a.ToUpperInvariant()] = set;
                }

                foreach (var b in run.Where(b => !string.Equals(a, b, StringComparison.OrdinalIgnoreCase)))
                {
                    set[b] = set.GetValueOrDefault(b) + (1.0 / (run.Count - 1));
                }
            }
        }

        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in _passages)
        {
            var root = Root(p.File);
            var text = QuizText.OneLine(p.Text);
            var lines = titles.Add(p.File + "\u001e" + p.Section) ? new[] { text, QuizText.OneLine(p.Section) } : [text];
            foreach (var line in lines)
            {
                foreach (var run in QuizText.ListedRuns(line))
                {
                    Link(root, run);
                }

                foreach (var joined in QuizText.Terms(line).Where(t => t.Contains('/', StringComparison.Ordinal)))
                {
                    Link(root, joined.Split('/', StringSplitOptions.RemoveEmptyEntries));
                }
            }

            if (p.Kind != PassageKind.TableRow)
            {
                continue;
            }

            // A table row is "Header: cell | Header: cell": the headers that are terms are the compared things, and the
            // cells that are one term each fill one column with things of one kind ("Protocol: DHCP" in one row,
            // "Protocol: DNS" in the next), while a row mixes kinds ("DHCP | UDP | 67").
            var cells = text.Split(" | ").Select(c => c.Split(": ", 2)).Where(c => c.Length == 2).ToList();
            Link(root, cells.Select(c => c[0].Trim()).Where(QuizText.IsOneTerm).ToList());
            foreach (var c in cells.Where(c => QuizText.IsOneTerm(c[1])))
            {
                var column = root + "\u001f" + p.File + "\u001e" + p.Section + "\u001e" + c[0].Trim();
                if (!columns.TryGetValue(column, out var members))
                {
                    members = [];
                    columns[column] = members;
                }

                members.Add(c[1].Trim());
            }
        }

        foreach (var (column, members) in columns)
        {
            Link(column[..column.IndexOf('\u001f', StringComparison.Ordinal)], members.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        }

        return listed;
    }

    /// <summary>How the notes' lines write a title shouted in capitals ("TERRAFORM INIT", "STATE PUSH" as headings;
    /// "terraform init", "terraform state push" in the text): the form written most often in lines, so that a choice
    /// reads as the notes and the tool write it. Acronyms and titles the lines never write keep their own form.</summary>
    public string UsualForm(string term)
    {
        if (term.Any(char.IsLower) || !term.Any(char.IsLetter) || (!term.Contains(' ', StringComparison.Ordinal) && !IsShouted(term)))
        {
            return term;
        }

        if (_usualForms.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var pattern = $@"(?<![\w-]){Regex.Escape(term)}(?![\w-])";
        var forms = _passages
            .SelectMany(p => Regex.Matches(QuizText.OneLine(p.Text), pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .Select(m => m.Value)
            .GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
        var usual = forms is not null && forms.Any(char.IsLower) ? forms : term;
        _usualForms[term] = usual;
        return usual;
    }

    private readonly Dictionary<string, string> _usualForms = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<int>> _fileIndex = new(StringComparer.Ordinal);

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

    /// <summary>True for a capitalised word that the notes mostly write in lower case: shouted English, not a term.</summary>
    public bool IsShouted(string term)
    {
        var lower = term.ToLowerInvariant();
        return QuizText.IsAcronym(term)
            && _lowerWords.GetValueOrDefault(lower) >= Math.Max(2, _upperWords.GetValueOrDefault(lower));
    }

    private readonly Dictionary<string, int> _midSentenceCapitals = new(StringComparer.Ordinal);

    /// <summary>Counts the words a line writes with a capital inside a sentence (not first, not after ".", "!", "?" or
    /// ":"): how the notes write names ("we deploy with Terraform").</summary>
    private void CountNamesWrittenMidSentence(string text)
    {
        foreach (Match m in CapitalisedWordRegex().Matches(text))
        {
            var before = text[..m.Index].TrimEnd();
            if (before.Length > 0 && before[^1] is not ('.' or '!' or '?' or ':' or '*' or '#' or '>' or '(' or '[' or '"' or '“' or '-' or '|'))
            {
                Increment(_midSentenceCapitals, m.Value.ToLowerInvariant());
            }
        }
    }

    /// <summary>True for a word the notes write as a name: an acronym or a CamelCase term, or a capitalised word they
    /// write that way inside sentences twice or more and more often than in lower case ("Terraform", "Kubernetes"); a
    /// heading's capitalised English ("Risks", "Flows") is not one, however rare the word.</summary>
    public bool IsNameWord(string word)
    {
        if (QuizText.IsAcronym(word) || QuizText.Terms(word).Any())
        {
            return true;
        }

        var lower = word.ToLowerInvariant();
        var named = _midSentenceCapitals.GetValueOrDefault(lower);
        return named >= 2 && named > _lowerWords.GetValueOrDefault(lower);
    }

    /// <summary>True for an English word by the notes' usage: not an acronym or a CamelCase term, and written in lower
    /// case twice or more ("domain", though "Domain 4" names a part) or never written as a name
    /// (<see cref="IsNameWord"/>: "Flows", "Risks").</summary>
    public bool IsCommonWord(string word) => !QuizText.IsAcronym(word) && !QuizText.Terms(word).Any() && (IsLowerCaseWord(word) || !IsNameWord(word));

    /// <summary>True for a word the notes write in lower case twice or more: English, not a name.</summary>
    public bool IsLowerCaseWord(string word) => _lowerWords.GetValueOrDefault(word.ToLowerInvariant()) >= 2;

    /// <summary>The fewest times the notes must write a word for a once-written word one letter off it to read as a slip
    /// of the keyboard ("ache" once in the AWS notes, "cache" 57 times).</summary>
    private const int MinSlipTarget = 10;

    /// <summary>The shortest word read as a possible slip: shorter ones are mostly words of their own ("hat", "ill").</summary>
    private const int MinSlipLength = 4;

    /// <summary>True for a lower-case word the notes write once that is a word they write at least
    /// <see cref="MinSlipTarget"/> times with one letter dropped (not its last, which inflects: "delete" beside
    /// "deleted"): "Use CloudFront to ache S3 objects" for "cache". The word is English, so neither the model's
    /// vocabulary nor a dictionary tells it apart; the notes' own counts do. Only a dropped letter: a changed one also
    /// read "fill" (once) as a slip for "will", "tend" for "end" in Hacker Laws. A question quoting a slip garbles the
    /// very word a learner needs (outside ratings 29–33: three of four readers faulted that item).</summary>
    public bool IsSlipOfCommoner(string word)
    {
        if (word.Length < MinSlipLength || !word.All(char.IsLower) || _lowerWords.GetValueOrDefault(word) != 1)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            foreach (var c in Letters)
            {
                if (_lowerWords.GetValueOrDefault(word.Insert(i, c.ToString())) >= MinSlipTarget)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>True for a heading that is a topic of the page rather than a term (outside ratings 17 and 22: "Running
    /// Containers", "Docker Architecture", "Docker Networking" offered beside Docker Compose; "Classification Based on
    /// Purpose" against "… on Storage"; "Reloading Bash Configuration" as a definition's key): a phrase (it opens with a
    /// preposition or an article: "Before mounting", "With LDAP"); an activity (its first word, or the one after an
    /// adverb, the gerund of a verb the notes write: "Running Containers", "run"), offered beside a key that is none, or
    /// asked itself and never written in a sentence of the notes (<see cref="TextUses"/>); offered beside a key, never
    /// written in a sentence, sharing the key's subject and otherwise in words the notes write as English (an aspect of
    /// the key's subject: "Docker Networking" for Docker Compose); asked itself, never written in a sentence and holding a
    /// participle's phrase ("Classification Based on Purpose"). Team notes head the things they teach with titles they
    /// seldom write in a sentence ("Transparent Proxy", "Pure Aloha", "AWS Guardduty"), so being unused alone says
    /// nothing.</summary>
    /// <param name="key">The right choice beside which the heading would be offered, or null for a heading asked itself.</param>
    public bool IsTopicHeading(string title, string? key = null)
    {
        var words = QuizText.Words(QuizText.WithoutBrackets(title)).Where(w => w.Any(char.IsLetter)).ToList();
        if (words.Count < 2)
        {
            return false;
        }

        // An article opens names as well as phrases ("The Peter Principle", "The Law of Demeter" on a page of laws):
        // only a preposition or a conjunction makes the heading a phrase by its first word.
        if ((QuizLexicon.DanglingEnds.Contains(words[0]) && !QuizLexicon.Articles.Contains(words[0])) || QuizLexicon.PhraseOpeners.Contains(words[0]))
        {
            return true;
        }

        var unused = TextUses(QuizText.WithoutBrackets(title)) == 0;
        var keyWords = key is null ? [] : QuizText.Words(key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var activity = IsGerundOfAVerb(words[0]) || (words[0].EndsWith("ly", StringComparison.OrdinalIgnoreCase) && IsGerundOfAVerb(words[1]));
        if (activity && (key is null ? unused : !IsGerundOfAVerb(QuizText.FirstWord(key)) && !keyWords.Contains(words[0])))
        {
            return true;
        }

        if (!unused)
        {
            return false;
        }

        if (words.Skip(1).SkipLast(1).Select((w, i) => (w, Next: words[i + 2]))
            .Any(p => p.w.Length > 3 && p.w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && QuizLexicon.DanglingEnds.Contains(p.Next)))
        {
            return true;
        }

        // An aspect of the key's subject shares the key's first word and not its head ("Docker Networking" beside Docker
        // Compose); a counterpart shares the head ("Slotted Aloha" beside Pure Aloha, "Lambda – Asynchronous
        // Invocations" beside the synchronous ones): one of the key's kind.
        var own = words.Where(w => !keyWords.Contains(w)).ToList();
        return key is not null && keyWords.Contains(words[0]) && !keyWords.Contains(words[^1])
            && own.All(w => QuizLexicon.DanglingEnds.Contains(w) || (!QuizText.IsAcronym(w) && w.Any(char.IsLower) && IsCommonWord(w)));
    }

    /// <summary>True for a word in -ing whose verb the notes write in lower case ("running": "run", "runs"; "reloading":
    /// "reload"): an activity. A noun in -ing with no such verb ("string", "spring") is not.</summary>
    private bool IsGerundOfAVerb(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length < MinGerundLength || !w.EndsWith("ing", StringComparison.Ordinal) || !w.All(char.IsLetter))
        {
            return false;
        }

        var stem = w[..^3];
        string[] bases = stem.Length > 2 && stem[^1] == stem[^2] ? [stem, stem + "e", stem[..^1]] : [stem, stem + "e"];
        return bases.Where(b => b.Length >= 3 && !QuizLexicon.DanglingEnds.Contains(b))
            .Sum(b => _lowerWords.GetValueOrDefault(b) + _lowerWords.GetValueOrDefault(b + "s") + _lowerWords.GetValueOrDefault(b + "es")) >= 2;
    }

    /// <summary>The shortest gerund read as one ("using"; "ring", "king" are not).</summary>
    private const int MinGerundLength = 5;

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
    private static string SingularForm(string phrase)
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

    [GeneratedRegex(@"(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}'’-])")]
    private static partial Regex CapitalisedWordRegex();
}
