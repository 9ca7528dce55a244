using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Quiz;

/// <summary>Text helpers shared by question generation and checks.</summary>
internal static partial class QuizText
{
    /// <summary>Lower case, markdown emphasis and list marks removed, whitespace collapsed; for containment checks.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '*' or '_' or '`' or '#' or '>')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u2028' || c == '\u2029')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="haystack"/> contains <paramref name="needle"/>, both normalized.</summary>
    public static bool ContainsNormalized(string haystack, string needle)
    {
        var n = Normalize(needle);
        return n.Length > 0 && Normalize(haystack).Contains(n, StringComparison.Ordinal);
    }

    /// <summary><see cref="ContainsNormalized"/> where the needle stands as whole words of the haystack
    /// (<see cref="HasWord"/>), numbers and brackets as written: "web server" in "Apache web server", not "1 gbps" in
    /// "11 gbps" nor "o(n)" in "o(n + k)".</summary>
    public static bool ContainsAsWords(string haystack, string needle) => Normalize(needle) is { Length: > 0 } n && HasWord(Normalize(haystack), n);

    /// <summary>Content words (3+ letters, not stop words), cut to 5 characters so "encrypted" meets "encryption".</summary>
    public static HashSet<string> Stems(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in WordRegex().Matches(text))
        {
            var w = m.Value.ToLowerInvariant();
            if (w.Length < 3 || QuizLexicon.StopWords.Contains(w))
            {
                continue;
            }

            set.Add(Stem(w));
        }

        return set;
    }

    /// <summary>A lower-case word as <see cref="Stems"/> holds it: cut to its first five letters.</summary>
    public static string Stem(string word) => word.Length > 5 ? word[..5] : word;

    /// <summary>The least share of a stem's words that are words of prose (letters only, <see cref="MinProseWordLength"/>
    /// or more) for a stem that states a relation to be read as a sentence rather than a formula.</summary>
    private const double MinProseShare = 0.5;

    /// <summary>The shortest word counted as prose by <see cref="IsFormula"/>: "sin", "log" and "max" are function names,
    /// yet a formula of them is mostly symbols.</summary>
    private const int MinProseWordLength = 3;

    /// <summary>Marks of a formula's notation: scripts, roots, sums and integrals. "Maximum efficiency = 1 / e = 36.8%"
    /// (Slotted against Pure Aloha, rated good) states a value in words and signs a line of notes types.</summary>
    private static readonly System.Buffers.SearchValues<char> MathMarks = System.Buffers.SearchValues.Create("^_√∑∏∫");

    /// <summary>True when a stem is a formula: it states a relation (<see cref="Knowledge.Lexicon.Relation"/>) in a
    /// formula's notation (<see cref="MathMarks"/>) and fewer than half its words are words of prose ("m_p sin i ≈ ((v_sin i)√(1 - e^2))/(28.4)T^(1/3)", from a display
    /// formula read by <see cref="Knowledge.TexMath"/>, was asked as what "the Third Law" is described as). A learner
    /// cannot tell a law by its symbols, and a teacher asks what a formula computes, not which heading it stands under.
    /// "Packet discarded when TTL = 0" is a sentence.</summary>
    public static bool IsFormula(string text)
    {
        if (!Knowledge.Lexicon.Relation().IsMatch(text) || text.AsSpan().IndexOfAny(MathMarks) < 0)
        {
            return false;
        }

        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var prose = tokens.Select(t => t.Trim('.', ',', ';', ':', '(', ')')).Count(w => w.Length >= MinProseWordLength && w.All(char.IsLetter));
        return prose < MinProseShare * tokens.Length;
    }

    /// <summary>True when a finite verb directly follows a word after which English needs a base form ("user is has
    /// flexibility", "it can is"): two verbs where one was meant, a garbled line (<see cref="QuizLexicon.BeforeBaseForm"/>,
    /// <see cref="QuizLexicon.FiniteVerbs"/>). Over the eleven sets of notes in the repository (seed, test corpora,
    /// corpora2–4) it reads one line, the seed notes' "Partially managed, user is has flexibility". A fused relative
    /// ("What it is is …") is grammatical and would be read too; none is written in those notes.</summary>
    public static bool HasTwoFiniteVerbsInARow(string text)
    {
        var words = Words(text);
        for (var i = 1; i < words.Count; i++)
        {
            if (QuizLexicon.BeforeBaseForm.Contains(words[i - 1]) && QuizLexicon.FiniteVerbs.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static int WordCount(string text) => WordRegex().Matches(text).Count;

    public static string FirstWord(string text)
    {
        var m = WordRegex().Match(text);
        return m.Success ? m.Value : string.Empty;
    }

    /// <summary>True for a line phrased as a question ("…?", or starting with can/does/is/how …).</summary>
    public static bool LooksLikeQuestion(string text)
    {
        var t = text.Trim();
        return t.EndsWith('?') || QuizLexicon.QuestionStarts.Contains(FirstWord(t));
    }

    /// <summary>A section title that names a thing: short, not a question, not "Ways to …".</summary>
    public static bool IsNamingTitle(string title)
    {
        var t = title.Trim();
        return t.Length is >= 2 and <= 60
            && WordCount(t) is >= 1 and <= 7
            && !t.Contains('?')
            && !t.Contains("://", StringComparison.Ordinal)
            && !QuizLexicon.QuestionStarts.Contains(FirstWord(t))
            && t.Any(char.IsLetter);
    }

    /// <summary>Cleans a passage's text into one display line.</summary>
    public static string OneLine(string text)
    {
        var t = Knowledge.Lexicon.Spaces().Replace(text.Replace('\u2028', ' ').Replace('\u2029', ' '), " ").Trim();
        return t.TrimStart('-', '*', '+', ' ', '#').Trim();
    }

    /// <summary>Key terms of a line: acronyms (WAF, SSE-S3, SSL/TLS) and CamelCase names (CloudSHM).</summary>
    public static IEnumerable<string> Terms(string text)
    {
        foreach (Match m in TermRegex().Matches(text))
        {
            var v = m.Value;
            // "AA", "BB": pieces of a hex example (AA:BB:CC), not terms.
            if (v.Length >= 2 && !string.Equals(v, "AWS", StringComparison.Ordinal) && v.Distinct().Count() > 1)
            {
                yield return v;
            }
        }
    }

    /// <summary>Replaces whole-word occurrences of <paramref name="term"/> with a blank.</summary>
    public static string Mask(string text, string term) =>
        Regex.Replace(text, $@"(?<![\w-]){Regex.Escape(term)}(?![\w-])", "_____", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Content stems of a question as shown, without the words of the question template.</summary>
    public static HashSet<string> ContentStems(string text)
    {
        var stems = Stems(text);
        stems.ExceptWith(QuizLexicon.TemplateWords.Select(w => w.Length > 5 ? w[..5] : w));
        return stems;
    }

    /// <summary>Content stems plus short acronyms ("AI", "S3"), which <see cref="Stems"/> leaves out.</summary>
    public static HashSet<string> Tokens(string text)
    {
        var set = ContentStems(text);
        foreach (var w in Words(text).Where(w => w.Length == 2 && IsAcronym(w)))
        {
            set.Add(w.ToLowerInvariant());
        }

        return set;
    }

    /// <summary>Two titles without the words they open with in common ("Lambda", "AWS S3 -"); a title that is all
    /// shared opening, or titles that share only articles, stay whole.</summary>
    public static (string, string) WithoutSharedOpening(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        var n = 0;
        while (n < x.Count - 1 && n < y.Count - 1 && string.Equals(x[n], y[n], StringComparison.OrdinalIgnoreCase))
        {
            n++;
        }

        // An article in common ("The Interface Segregation Principle", "The Liskov Substitution Principle") names no parent.
        return x.Take(n).All(QuizLexicon.Determiners.Contains) ? (a, b) : (string.Join(' ', x.Skip(n)), string.Join(' ', y.Skip(n)));
    }

    /// <summary>The words of a text, in order.</summary>
    public static List<string> Words(string text) => WordRegex().Matches(text).Select(m => m.Value).ToList();

    /// <summary>True when <paramref name="text"/> shows <paramref name="key"/> in any form a learner would spot: as
    /// is, singular or plural ("storageclasses" for StorageClass), its acronym ("ELB" for Elastic Load Balancer), its
    /// expansion ("Service Level Agreement" for SLA), or a part in brackets ("SSE-S3" of "S3 managed keys (SSE-S3)").</summary>
    public static bool Reveals(string text, string key)
    {
        var t = Normalize(text);
        var k = Normalize(key);
        if (k.Length == 0 || t.Length == 0)
        {
            return false;
        }

        if (HasWord(t, k) || HasWord(t, k + "s") || HasWord(t, k + "es") || (k.Length > 3 && k.EndsWith('s') && HasWord(t, k[..^1])))
        {
            return true;
        }

        // "The Option Enum" shows Option<T>, "Recoverable Errors with Result" shows Result<T, E>: a generic type by its
        // name (outside rating 31: the label named the key of three Rust-book blanks).
        if (key.IndexOf('<', StringComparison.Ordinal) is > 2 and var open && Reveals(text, key[..open].Trim()))
        {
            return true;
        }

        var textWords = Words(text);
        var keyWords = Words(key);
        if (keyWords.Count == 1)
        {
            var kw = keyWords[0].ToLowerInvariant();
            if (kw.Length >= 4 && textWords.Any(w => w.Length > kw.Length && w.ToLowerInvariant().StartsWith(kw, StringComparison.Ordinal)))
            {
                return true;
            }

            if (IsAcronym(keyWords[0]) && Expands(textWords, keyWords[0]))
            {
                return true;
            }

            // "SOCKS Proxy" shows SOCKS5: the key is a word of the text plus a version.
            if (textWords.Any(w => w.Length >= 3 && kw.Length - w.Length is > 0 and <= 2 && kw.StartsWith(w.ToLowerInvariant(), StringComparison.Ordinal)
                && kw[w.Length..].All(char.IsDigit)))
            {
                return true;
            }

            // "ResourceQuotas" shows Quotas.
            if (kw.Length >= 4 && textWords.Any(w => w.Length > kw.Length && w.ToLowerInvariant().EndsWith(kw, StringComparison.Ordinal)))
            {
                return true;
            }

            // "CoreDNS" shows DNS.
            if (IsAcronym(keyWords[0]) && textWords.Any(w => w.Length > keyWords[0].Length && w.EndsWith(keyWords[0], StringComparison.Ordinal)))
            {
                return true;
            }

            // "Upgrade the connection to TLS" shows STARTTLS.
            if (kw.Length >= 5 && textWords.Any(w => w.Length >= 3 && w.Length < kw.Length && IsAcronym(w)
                && (kw.EndsWith(w.ToLowerInvariant(), StringComparison.Ordinal) || kw.StartsWith(w.ToLowerInvariant(), StringComparison.Ordinal))))
            {
                return true;
            }

            // "I ACKnowledge" shows ACK.
            if (IsAcronym(keyWords[0]) && textWords.Any(w => w.Length > keyWords[0].Length && w.StartsWith(keyWords[0], StringComparison.Ordinal)))
            {
                return true;
            }
        }
        else
        {
            // "Cross Origin Resource Sharing" shows "S3 Cors".
            if (keyWords.Any(w => w.Length is >= 3 and <= 5 && w.All(char.IsLetter) && char.IsUpper(w[0]) && Expands(textWords, w.ToUpperInvariant())))
            {
                return true;
            }

            var initials = Initials(keyWords);
            if (initials.Length >= 2 && textWords.Any(w => string.Equals(w, initials, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        // "managed by KMS" shows SSE-KMS.
        var parts = key.Split(['-', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && parts.Any(p => p.Length >= 3 && p.Any(char.IsLetter) && HasWord(t, Normalize(p))))
        {
            return true;
        }

        // "Implementing One-vs-All" shows one_vs_all, "type of the hasOwnProperty check" would show HasOwnProperty: an
        // identifier is its words joined, by underscores (which Normalize drops as markdown's), dashes or capitals
        // (outside rating 68, D76: the section label named the key of a blank).
        if (!key.Any(char.IsWhiteSpace) && IdentifierParts(key) is { Count: >= 2 } keyParts)
        {
            var textParts = IdentifierParts(text);
            for (var i = 0; i + keyParts.Count <= textParts.Count; i++)
            {
                if (keyParts.Select((part, j) => string.Equals(part, textParts[i + j], StringComparison.Ordinal)).All(same => same))
                {
                    return true;
                }
            }
        }

        foreach (Match m in BracketRegex().Matches(key))
        {
            var inner = m.Groups[1].Value.Trim();
            if (inner.Length >= 2 && !string.Equals(Normalize(inner), k, StringComparison.Ordinal) && Reveals(text, inner))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of an identifier written as one token (<c>one_vs_all</c>, <c>one-vs-all</c>, <c>OneVsAll</c>,
    /// <c>hasOwnProperty</c>): split at every character that is no letter or digit and where a lower-case letter meets a
    /// capital, lower-cased. Text with spaces gives its words' parts in order.</summary>
    internal static List<string> IdentifierParts(string text)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(text[i - 1])))
            {
                if (part.Length > 0)
                {
                    parts.Add(part.ToString());
                    part.Clear();
                }
            }

            if (char.IsLetterOrDigit(c))
            {
                part.Append(char.ToLowerInvariant(c));
            }
        }

        if (part.Length > 0)
        {
            parts.Add(part.ToString());
        }

        return parts;
    }

    /// <summary>True when <paramref name="term"/> stands in <paramref name="text"/> as written, with no character of a
    /// word (<paramref name="isWordChar"/>) right before or after it.</summary>
    public static bool StandsIn(string text, string term, Func<char, bool> isWordChar)
    {
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var end = at + term.Length;
            if ((at == 0 || !isWordChar(text[at - 1])) && (end == text.Length || !isWordChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a list item that names its own subject before a separator ("etcd -> Key value store",
    /// "VPN Client — Software on …", "OSI Layer: Layer 2"): it says what that subject is, not what its heading is.</summary>
    public static bool HasOwnLabel(string text)
    {
        var m = LabelRegex().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var head = Words(m.Groups[1].Value);
        return head.Count is >= 1 and <= 8 && !head.Any(QuizLexicon.Auxiliaries.Contains);
    }

    /// <summary>The label a line names before its separator ("400 HTTP status code" of "400 HTTP status code - …"), or
    /// null.</summary>
    public static string? Label(string text) => LabelRegex().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>How many lower-case content words a text has: a description has some, a name or a list of names
    /// ("Elastic Load Balancing (Application Load Balancer)", "S3, SNS, CloudWatch Events…") has none.</summary>
    public static int LowerContentWords(string text) =>
        Words(text).Count(w => w.Length >= 3 && w.All(char.IsLower) && !QuizLexicon.StopWords.Contains(w) && !QuizLexicon.DanglingEnds.Contains(w));

    /// <summary>True when a term takes "an": an acronym read letter by letter by the sound of its first letter ("an
    /// SSH server", "an ACK", "a TCP port"), a word by its first letter being a vowel ("an Elastic IP").</summary>
    public static bool TakesAn(string term)
    {
        var first = term.FirstOrDefault(char.IsLetterOrDigit);
        if (first == default)
        {
            return false;
        }

        if (char.IsDigit(first))
        {
            // "an 8-bit", "an 11", "an 18": the digits that are said with a vowel first.
            return first == '8' || term.StartsWith("11", StringComparison.Ordinal) || term.StartsWith("18", StringComparison.Ordinal);
        }

        var word = Words(term).FirstOrDefault() ?? term;
        return IsAcronym(word) ? "AEFHILMNORSX".Contains(char.ToUpperInvariant(first), StringComparison.Ordinal)
            : "aeiou".Contains(char.ToLowerInvariant(first), StringComparison.Ordinal);
    }

    /// <summary>All capitals (digits, '-' and '/' allowed): WAF, SSE-S3, SSL/TLS.</summary>
    public static bool IsAcronym(string term) =>
        term.Length >= 2 && term.Any(char.IsLetter) && term.All(c => char.IsUpper(c) || char.IsDigit(c) || c is '-' or '/');

    /// <summary>True when a normalized word or phrase stands in normalized text with no letter or digit beside it.</summary>
    internal static bool HasWord(string normalizedText, string normalizedWord) => StandsIn(normalizedText, normalizedWord, char.IsLetterOrDigit);

    /// <summary>The capitals of a name's content words: "Elastic Load Balancer" → "ELB".</summary>
    private static string Initials(List<string> words) =>
        string.Concat(words.Where(w => !QuizLexicon.DanglingEnds.Contains(w)).Select(w => char.ToUpperInvariant(w[0])));

    /// <summary>True when consecutive words of the text spell the acronym's letters, small words skipped
    /// ("Service Level Agreement" for SLA). Two-letter acronyms need capitalised words: "in place" is not IP.</summary>
    private static bool Expands(List<string> textWords, string acronym)
    {
        var letters = acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray();
        if (letters.Length < 2)
        {
            return false;
        }

        // "Classless Inter-Domain Routing" spells CIDR with the parts of its hyphenated word.
        var parts = textWords.SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return Spells(textWords.Where(w => !QuizLexicon.DanglingEnds.Contains(w)).ToList(), letters) || Spells(textWords, letters)
            || Spells(parts.Where(w => !QuizLexicon.DanglingEnds.Contains(w)).ToList(), letters);
    }

    private static bool Spells(List<string> content, char[] letters) => SpellsAt(content, letters) >= 0;

    /// <summary>Where a run of words spells the letters, or -1.</summary>
    private static int SpellsAt(List<string> content, char[] letters)
    {
        for (var start = 0; start + letters.Length <= content.Count; start++)
        {
            var window = content.GetRange(start, letters.Length);
            // A word in capitals counts when it is a word, not an acronym of its own letter ("JSON Web Token").
            if (window.Select((w, i) => char.ToUpperInvariant(w[0]) == letters[i] && w.Length >= 2 && (w.Any(char.IsLower) || (w.Length >= 4 && i == 0))).All(x => x)
                && (letters.Length > 2 || window.All(w => char.IsUpper(w[0]))))
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>The words of <paramref name="text"/> that spell <paramref name="acronym"/> ("Disaster Recovery" for
    /// DR in "Disaster Recovery (DR) plans"), or null.</summary>
    public static string? Expansion(string text, string acronym)
    {
        var letters = acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray();
        if (letters.Length < 2 || !IsAcronym(acronym))
        {
            return null;
        }

        var words = Words(text).Where(w => !QuizLexicon.DanglingEnds.Contains(w) && !string.Equals(w, acronym, StringComparison.OrdinalIgnoreCase)).ToList();
        var at = SpellsAt(words, letters);
        return at < 0 ? null : string.Join(' ', words.GetRange(at, letters.Length));
    }

    /// <summary>How many of an acronym's first letters the initials of side-by-side words of the text spell, words of
    /// four letters or more, hyphenated words split ("attribute based" spells AB of ABAC, "command-line" CL of CLI);
    /// 0 when fewer than two.</summary>
    public static int SpeltLetters(string text, string acronym)
    {
        var letters = acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray();
        // The words must stand side by side, each of four letters or more: a short word between them ("substitute for
        // strong", SS of SSH) breaks the run, so that two words spell two letters by chance less often; four keeps "line".
        var words = Words(text).SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var best = 0;
        for (var start = 0; start < words.Count; start++)
        {
            var n = 0;
            while (n < letters.Length && start + n < words.Count && words[start + n].Length >= 4
                && char.ToUpperInvariant(words[start + n][0]) == letters[n])
            {
                n++;
            }

            best = Math.Max(best, n);
        }

        return best >= 2 ? best : 0;
    }

    /// <summary>True when <paramref name="acronym"/> shortens <paramref name="name"/>: its first letter is the name's,
    /// every word of the name gives its initial, in order, and the other letters come from inside the words
    /// ("TFC" for "Terraform Cloud", "ABAC" for "Attribute Based Access Control"). Brackets in the name are left out.</summary>
    public static bool Abbreviates(string acronym, string name)
    {
        var letters = acronym.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray();
        var words = Words(BracketRegex().Replace(name, " ")).SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => !QuizLexicon.DanglingEnds.Contains(w)).Select(w => w.ToLowerInvariant()).ToList();
        if (letters.Length < 2 || words.Count == 0 || words.Count > letters.Length || string.Equals(string.Concat(words), new string(letters), StringComparison.Ordinal)
            || words[0][0] != letters[0])
        {
            return false;
        }

        return Match(1, 0, 1);

        bool Match(int letter, int word, int at)
        {
            if (letter == letters.Length)
            {
                return word == words.Count - 1;
            }

            if (word + 1 < words.Count && words[word + 1][0] == letters[letter] && Match(letter + 1, word + 1, 1))
            {
                return true;
            }

            for (var k = at; k < words[word].Length; k++)
            {
                if (words[word][k] == letters[letter] && Match(letter + 1, word, k + 1))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The acronyms a text puts in brackets ("Terraform Cloud (TFC)" → TFC).</summary>
    public static IEnumerable<string> BracketedAcronyms(string text) =>
        BracketRegex().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(IsAcronym);

    /// <summary>A name without its glosses in brackets ("Unicast (One-to-One)" → "Unicast").</summary>
    public static string WithoutBrackets(string name) => Knowledge.Lexicon.Spaces().Replace(BracketRegex().Replace(name, " "), " ").Trim();

    /// <summary>The glosses a name carries in brackets ("One-to-One" of "Unicast (One-to-One)").</summary>
    public static IEnumerable<string> Brackets(string text) => BracketRegex().Matches(text).Select(m => m.Groups[1].Value.Trim());

    /// <summary>A cheap stable hash (FNV-1a), for a pseudo-random order that survives restarts.</summary>
    public static ulong StableHash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A stable pseudo-random order key.</summary>
    public static string OrderKey(string seed, string value) => QuizQuestion.MakeId(seed, value);

    /// <summary>A question the notes write with "do" before a modal ("Does HSM can be placed at On-Premise"), asked the
    /// way English asks it ("Can HSM be placed at On-Premise"): the modal already makes the question, and a learner
    /// stumbles over the garbled stem (outside rating 24, R32). Any other question is returned as it is.</summary>
    public static string MendDoModal(string question) =>
        DoModalRegex().Replace(question, m => Words(m.Groups["subject"].Value).Any(w => QuizLexicon.ClauseOpeners.Contains(w))
            ? m.Value // "Does it matter which region can be used": the modal is a clause's of its own
            : m.Groups["modal"].Value.ToLowerInvariant() + " " + m.Groups["subject"].Value + " ", 1);

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>Runs of two terms or more that a line writes as one list: side by side with only a comma, a slash, a pipe,
    /// "and", "or", "vs" between them ("TCP and UDP", "TCP vs UDP", "MySQL, PostgreSQL, MariaDB"). What the notes list
    /// together they treat as things of one kind; "DHCP uses UDP" is no list.</summary>
    public static IEnumerable<IReadOnlyList<string>> ListedRuns(string text)
    {
        var run = new List<string>();
        var end = -1;
        foreach (Match m in TermRegex().Matches(text))
        {
            if (end >= 0 && !ListGapRegex().IsMatch(text[end..m.Index]))
            {
                if (run.Count > 1)
                {
                    yield return run;
                }

                run = [];
            }

            run.Add(m.Value);
            end = m.Index + m.Length;
        }

        if (run.Count > 1)
        {
            yield return run;
        }
    }

    /// <summary>True when a heading opens with an enumerator — a Roman numeral, one letter or a number followed by "." or
    /// ")" ("III. Interpretation", "B) Setup", "2. Results"): the heading numbers a part of the document, and what
    /// follows the number is that part's role ("Interpretation", "Discussion"), not a thing the notes define (outside
    /// rating 16, U19: "III. Interpretation" beside "III. Discussion").</summary>
    public static bool OpensWithEnumerator(string heading) => EnumeratorRegex().IsMatch(heading);

    /// <summary>A heading without the enumerator it opens with ("3. Proxy Firewall" → "Proxy Firewall").</summary>
    public static string WithoutEnumerator(string heading) => EnumeratorRegex().Replace(heading, string.Empty, 1).Trim();

    /// <summary>True when the whole text is one term (a table cell "UDP").</summary>
    public static bool IsOneTerm(string text) => TermRegex().Match(text.Trim()) is { Success: true } m && m.Length == text.Trim().Length;

    [GeneratedRegex(@"^\s*(?:[,/|&+]\s*)?(?:(?:and|or|nor|vs\.?|versus)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ListGapRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"^([^:—–>]{1,60}?)(?::\s|\s[—–]\s|\s*-+>\s*|\s-{1,3}\s)")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"\(([^()]+)\)")]
    private static partial Regex BracketRegex();

    [GeneratedRegex(@"^\s*(?:do|does|did)\s+(?<subject>(?:\S+\s+){0,2}?\S+)\s+(?<modal>can|could|will|would|should|must|may|might|shall)\s+(?=\w)", RegexOptions.IgnoreCase)]
    private static partial Regex DoModalRegex();

    [GeneratedRegex(@"^\s*(?:[IVXLC]{1,6}|[ivxlc]{1,6}|[A-Za-z]|[0-9]{1,3})[.)]\s")]
    private static partial Regex EnumeratorRegex();

    [GeneratedRegex(@"(?<![\w-])(?:[A-Z][A-Z0-9]+(?:[-/][A-Z0-9]+)*|[A-Z][a-z]+[A-Z][A-Za-z]*)(?![\w-])")]
    private static partial Regex TermRegex();
}
