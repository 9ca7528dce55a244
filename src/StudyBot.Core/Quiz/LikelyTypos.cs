namespace StudyBot.Core.Quiz;

/// <summary>
/// The notes' typos a question would copy (outside rating 35: "columes", "simoltaneously" in a yes/no question of the
/// seed notes, called a defect by most readers since review 15): a word that is no known word and is one slip of the
/// keyboard from one that is. Known are the whole words of the sentence model's vocabulary (about 21,700 lower-case
/// English words), the words the notes themselves write <see cref="MinOwnUses"/> times or more, the names they set in
/// code (`kubectl`, `umount`), the usual endings and prefixes of any of these ("injections", "reuse") and two
/// vocabulary words written as one ("fallback"). The vocabulary lacks many real words ("delete", "backend",
/// "garbled"), so the slip must look like one: a letter left out, one too many, two swapped, or one struck for its
/// neighbour on the keyboard or for another vowel; not at the first letter, nor in the last
/// <see cref="InflectionTail"/> letters, where words inflect ("reliably", "deleted"). Without the model there is no
/// vocabulary and nothing is flagged.
/// </summary>
internal sealed class LikelyTypos
{
    /// <summary>The shortest word, and the shortest known word, read as a slip: shorter ones are too often real words
    /// one letter from another ("Voila" and "vila", "prune" and "pune", "gmail" and "gail").</summary>
    internal const int MinLength = 5;

    /// <summary>How many times the notes must write a word for it to be known whatever the vocabulary says
    /// ("kubeadm", "nginx"): a slip is written once or twice ("confgmap" once beside "configmap" 21 times).</summary>
    internal const int MinOwnUses = 3;

    /// <summary>The last letters of a word, where an edit is an ending rather than a slip ("reliable" and "reliably",
    /// "decode" and "decoded").</summary>
    internal const int InflectionTail = 2;

    /// <summary>The shortest part of a compound of two vocabulary words: with three, "softare" would read as "soft" +
    /// "are".</summary>
    internal const int MinCompoundPart = 4;

    private readonly IReadOnlySet<string>? _vocabulary;
    private readonly Func<string, int> _uses;
    private readonly Func<string, bool> _inCode;
    private readonly Dictionary<string, string?> _cache = new(StringComparer.Ordinal);

    /// <param name="vocabulary">The model's whole lower-case words, or null for no model (nothing is flagged).</param>
    /// <param name="uses">How many times the notes write a lower-case word, in any casing.</param>
    /// <param name="inCode">True for a lower-case word the notes set in code.</param>
    public LikelyTypos(IReadOnlySet<string>? vocabulary, Func<string, int> uses, Func<string, bool> inCode)
    {
        _vocabulary = vocabulary;
        _uses = uses;
        _inCode = inCode;
    }

    /// <summary>True when there is a vocabulary to judge by.</summary>
    public bool Available => _vocabulary is not null;

    /// <summary>The likely typos of a question as shown (its text and its choices), each with the known word it is a
    /// slip of, in order.</summary>
    public IReadOnlyList<(string Word, string Known)> In(QuizQuestion q) => In(string.Join('\n', q.Choices.Prepend(q.Text)));

    /// <summary>The likely typos of a text, each with the known word it is a slip of, in order.</summary>
    public IReadOnlyList<(string Word, string Known)> In(string text)
    {
        if (_vocabulary is null)
        {
            return [];
        }

        var found = new List<(string, string)>();
        foreach (var word in QuizText.Words(text).SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (SlipOf(word) is { } known)
            {
                found.Add((word, known));
            }
        }

        return found;
    }

    /// <summary>The known word <paramref name="word"/> is likely a slip of, or null: a word of letters only, with no
    /// capital after its first (acronyms and CamelCase names are names, not English).</summary>
    internal string? SlipOf(string word)
    {
        if (_vocabulary is null || word.Length < MinLength || !word.All(char.IsAsciiLetter) || word.Skip(1).Any(char.IsUpper))
        {
            return null;
        }

        var w = word.ToLowerInvariant();
        if (_cache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        // A capitalised word is a name as often as English ("Aloha", "Sagan", "Voila"), and the vocabulary knows few
        // names: it is read as a slip only of a word the notes themselves write.
        var name = char.IsUpper(word[0]);
        var slip = IsKnown(w) || _inCode(w) ? null
            : Edits(w).FirstOrDefault(e => e.Length >= MinLength && (name ? _uses(e) >= MinOwnUses : IsKnownWord(e)));
        _cache[word] = slip;
        return slip;
    }

    /// <summary>A word of the vocabulary, or one the notes write often enough to be theirs.</summary>
    private bool IsKnownWord(string w) => _vocabulary!.Contains(w) || _uses(w) >= MinOwnUses;

    /// <summary>A known word; a usual ending on one ("injections" on "injection", "attaching" on "attach", "copies" on
    /// "copy", "mapped" on "map"); a usual prefix on one ("reuse", "untrusted", "decoded"); or two words of the
    /// vocabulary of <see cref="MinCompoundPart"/> letters or more ("fallback", "readline").</summary>
    private bool IsKnown(string w)
    {
        if (IsKnownWithEnding(w))
        {
            return true;
        }

        foreach (var prefix in QuizLexicon.WordPrefixes)
        {
            if (w.StartsWith(prefix, StringComparison.Ordinal) && w.Length - prefix.Length >= 3 && IsKnownWithEnding(w[prefix.Length..]))
            {
                return true;
            }
        }

        for (var i = MinCompoundPart; i <= w.Length - MinCompoundPart; i++)
        {
            if (_vocabulary!.Contains(w[..i]) && _vocabulary.Contains(w[i..]))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsKnownWithEnding(string w)
    {
        if (IsKnownWord(w))
        {
            return true;
        }

        foreach (var suffix in QuizLexicon.InflectionEndings)
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal) || w.Length - suffix.Length < 3)
            {
                continue;
            }

            var stem = w[..^suffix.Length];
            if (IsKnownWord(stem) || IsKnownWord(stem + "e")
                || (stem.Length > 3 && stem[^1] == stem[^2] && IsKnownWord(stem[..^1]))
                || (stem.EndsWith('i') && IsKnownWord(stem[..^1] + "y")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words one slip away from <paramref name="w"/>, none touching its first letter or its last
    /// <see cref="InflectionTail"/> letters. A first letter struck for its neighbour read 7 real words of the ten sets
    /// of notes as slips ("cluttered" for "fluttered", "trove", "glaze", "dimple", "newish") against one slip, "columes",
    /// whose question "simoltaneously" flags anyway.</summary>
    private static IEnumerable<string> Edits(string w)
    {
        bool Inside(int i, int otherLength) => i >= 1 && i < Math.Min(w.Length, otherLength) - InflectionTail;

        // A letter typed once too many ("betwwen", "entrire").
        for (var i = 1; i < w.Length; i++)
        {
            if (Inside(i, w.Length - 1))
            {
                yield return w.Remove(i, 1);
            }
        }

        // A letter left out ("continously", "unathorized").
        for (var i = 1; i <= w.Length; i++)
        {
            if (Inside(i, w.Length + 1))
            {
                foreach (var c in QuizCorpus.Letters)
                {
                    yield return w.Insert(i, c.ToString());
                }
            }
        }

        // A letter struck for its neighbour on the keyboard or for another vowel ("simoltaneously", "seperate"); s for z
        // is a spelling ("optimised"), not a slip.
        for (var i = 1; i < w.Length; i++)
        {
            if (!Inside(i, w.Length))
            {
                continue;
            }

            foreach (var c in QuizCorpus.Letters)
            {
                if (c != w[i] && (Neighbours(c, w[i]) || (Vowels.Contains(c) && Vowels.Contains(w[i]))) && !(c is 's' or 'z' && w[i] is 's' or 'z'))
                {
                    yield return string.Concat(w.AsSpan(0, i), c.ToString(), w.AsSpan(i + 1));
                }
            }
        }

        // Two letters swapped ("isntances", "hiearchical").
        for (var i = 1; i < w.Length - 1; i++)
        {
            if (w[i] != w[i + 1] && Inside(i + 1, w.Length))
            {
                yield return string.Concat(w.AsSpan(0, i), w[i + 1].ToString(), w[i].ToString(), w.AsSpan(i + 2));
            }
        }
    }

    /// <summary>True for two keys side by side on a QWERTY keyboard (each row sits half a key right of the one
    /// above).</summary>
    internal static bool Neighbours(char a, char b)
    {
        var (ra, ca) = Key(a);
        var (rb, cb) = Key(b);
        if (ra < 0 || rb < 0)
        {
            return false;
        }

        if (ra == rb)
        {
            return Math.Abs(ca - cb) == 1;
        }

        if (Math.Abs(ra - rb) != 1)
        {
            return false;
        }

        var (upper, lower) = ra < rb ? (ca, cb) : (cb, ca);
        return lower == upper || lower == upper - 1;
    }

    private const string Vowels = "aeiou";
    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    private static (int Row, int Column) Key(char c)
    {
        for (var r = 0; r < KeyboardRows.Length; r++)
        {
            var i = KeyboardRows[r].IndexOf(c, StringComparison.Ordinal);
            if (i >= 0)
            {
                return (r, i);
            }
        }

        return (-1, -1);
    }
}
