using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// Opposites of an asked word: the other word of one of <see cref="Lexicon.Opposites"/> said in its place
/// (<see cref="SaysTheOpposite"/>: "at rest" for "in transit"), the asked word with a negative prefix or the other
/// prefix of a pair (<see cref="SaysThePrefixedOpposite"/>: "unweighted", "non-relational", "overestimate"), an
/// opposite the clause negates, which says the asked word (<see cref="NegatesAnOpposite"/>: "not stateful" for
/// "stateless"), and a setting given the other state (<see cref="SaysTheOtherState"/>: "off by default" for an asked
/// "on"). In: the question and a clause. Out: yes or no.
/// </summary>
internal static partial class PolarityReader
{
    /// <summary>Whether the clause says the opposite of an asked word: one of <see cref="Lexicon.Opposites"/> ("at rest"
    /// for "in transit"), or the asked word with a negative prefix (<see cref="SaysThePrefixedOpposite"/>).</summary>
    private static bool SaysTheOpposite(KnowledgeIndex index, string question, string clause)
    {
        // An opposite the clause negates says the asked word ("by default it is not encrypted" for "is EBS unencrypted
        // by default?", which read No): it is left out.
        var negated = NegatedWords(clause);
        var asked = index.Analyzer.Terms(question);
        var said = index.Analyzer.Terms(negated.Count == 0 ? clause : string.Join(' ', Lexicon.LowerWords(clause).Where(w => !negated.Contains(w))));
        return OppositeTerms.All(index).Any(pair => OneSideAgainstTheOther(pair, asked, said, said))
            || SaysThePrefixedOpposite(index, question, clause, negated);
    }

    /// <summary>Whether the question asks one word of an opposite pair, the clause does not say it in any form, and
    /// <paramref name="against"/> (the clause's terms, or the terms it negates) holds the other.</summary>
    private static bool OneSideAgainstTheOther((HashSet<string> A, HashSet<string> B) pair, HashSet<string> asked, HashSet<string> said, HashSet<string> against) =>
        (asked.IsSupersetOf(pair.A) && !SaysAFormOf(said, pair.A, pair.B) && against.IsSupersetOf(pair.B))
        || (asked.IsSupersetOf(pair.B) && !SaysAFormOf(said, pair.B, pair.A) && against.IsSupersetOf(pair.A));

    /// <summary>Whether the clause negates an opposite of an asked word: the plain form of an asked word with a negative
    /// prefix ("is EBS unencrypted by default?" — "by default it is not encrypted"), or the other word of one of
    /// <see cref="Lexicon.Opposites"/> ("is UDP stateless?" — "UDP is not stateful"), the asked word itself not said.</summary>
    internal static bool NegatesAnOpposite(KnowledgeIndex index, string question, string clause)
    {
        var negated = NegatedWords(clause);
        if (negated.Count == 0)
        {
            return false;
        }

        var askedWords = WordsOutsideNegativeNames(question);
        if (askedWords.Any(a => PrefixedFormOf(index, a, negated, askedWords)))
        {
            return true;
        }

        var asked = index.Analyzer.Terms(question);
        var denied = index.Analyzer.Terms(string.Join(' ', negated));
        var said = index.Analyzer.Terms(clause);
        return OppositeTerms.All(index).Any(pair => OneSideAgainstTheOther(pair, asked, said, denied));
    }

    /// <summary>How many words after a negation it denies for an opposite ("not encrypted", "isn't really encrypted").</summary>
    private const int OppositeNegationReach = 2;

    /// <summary>The words a negation of the clause stands just before (<see cref="OppositeNegationReach"/>).</summary>
    private static HashSet<string> NegatedWords(string clause)
    {
        var words = Lexicon.LowerWords(clause).ToList();
        return Enumerable.Range(0, words.Count).Where(n => IsNegation(words[n]))
            .SelectMany(n => words.Skip(n + 1).Take(OppositeNegationReach))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The shortest common stem by which two terms are read as forms of one word: the stemmer cuts
    /// "automatically" to "automat" but "automate" and "automation" to "autom".</summary>
    private const int MinFormStem = 5;

    /// <summary>Whether the clause says one of <paramref name="terms"/> in some form: the same term, or one whose
    /// stem is a prefix of the other's at least <see cref="MinFormStem"/> long. A clause that says both sides
    /// contrasts them rather than denying the asked one ("Automation features allow SIEMs to automate responses,
    /// reducing manual effort" was a trusted No to "can SIEMs automatically respond to incidents?"). The opposite's own
    /// terms are no form of the asked word: the stemmer cuts "stateful" to "state", which opens "stateless", and "are
    /// security groups stateless?" read Yes from "Security Groups are stateful".</summary>
    private static bool SaysAFormOf(HashSet<string> said, HashSet<string> terms, HashSet<string> opposite) =>
        said.Where(s => !opposite.Contains(s)).Any(s => terms.Any(t => s == t
            || (Math.Min(s.Length, t.Length) >= MinFormStem
                && (s.StartsWith(t, StringComparison.Ordinal) || t.StartsWith(s, StringComparison.Ordinal)))));

    /// <summary>Whether the clause says an asked word with a negative prefix (<see cref="Lexicon.NegativePrefixes"/>:
    /// "Graph edges are unweighted" for "are the edges weighted?"), or the question asks a prefixed word whose plain
    /// form the clause says, in each case without the other side also saying the same form; or the clause says an
    /// asked word with the other prefix of a pair ("overestimate" for "underestimate").</summary>
    private static bool SaysThePrefixedOpposite(KnowledgeIndex index, string question, string clause, HashSet<string> negated)
    {
        var asked = WordsOutsideNegativeNames(question);
        var said = WordsOutsideNegativeNames(clause);
        said.ExceptWith(negated);

        // "non-X" is written with a hyphen, so its words come apart: "Non-relational (DynamoDB …)" was a Yes to "is
        // DynamoDB a relational database?". The asked word joined to "non-" in the clause, and not in the question.
        var askedNon = NonPrefixed().Matches(question).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (NonPrefixed().Matches(clause).Select(m => m.Groups[1].Value.ToLowerInvariant())
            .Any(word => !askedNon.Contains(word) && asked.Contains(word)))
        {
            return true;
        }

        return said.Any(s => PrefixedFormOf(index, s, asked, said)) || asked.Any(a => PrefixedFormOf(index, a, said, asked))
            || asked.Any(a => PairedPrefixForm(a, said) is { } other && !said.Contains(a) && !asked.Contains(other));
    }

    /// <summary>The shortest stem read after a paired prefix ("flow" in "overflow"/"underflow").</summary>
    private const int MinPairedStem = 4;

    /// <summary>The word of <paramref name="words"/> that is <paramref name="word"/> with the opposite prefix of a pair
    /// (<see cref="Lexicon.OppositePrefixes"/>: "overestimate" for "underestimate"), or null.</summary>
    private static string? PairedPrefixForm(string word, HashSet<string> words)
    {
        foreach (var (a, b) in Lexicon.OppositePrefixes)
        {
            foreach (var (from, to) in (ReadOnlySpan<(string, string)>)[(a, b), (b, a)])
            {
                if (word.Length >= from.Length + MinPairedStem && word.StartsWith(from, StringComparison.Ordinal)
                    && words.Contains(to + word[from.Length..]))
                {
                    return to + word[from.Length..];
                }
            }
        }

        return null;
    }

    /// <summary>The lower-case words, less those inside a hyphenated negative name: "the not-equal operator" names the
    /// inequality it asks about, so its "equal" is no plain word for "inequality" to be the opposite of ("does postgres
    /// accept &lt;&gt; as the not-equal operator too?" read No from "supports the synonymous &lt;&gt; operator for checking
    /// inequality").</summary>
    private static HashSet<string> WordsOutsideNegativeNames(string text)
    {
        var normalized = text.Replace('’', '\'');
        var words = new HashSet<string>(StringComparer.Ordinal);
        Match? previous = null;
        foreach (Match word in Lexicon.WordPattern().Matches(normalized))
        {
            var insideNegativeName = previous is not null && previous.Index + previous.Length + 1 == word.Index
                && QuestionAnalyzer.InHyphenatedName(normalized, previous) && Lexicon.Negations.Contains(previous.Value.ToLowerInvariant());
            if (!insideNegativeName)
            {
                words.Add(word.Value.ToLowerInvariant());
            }

            previous = word;
        }

        return words;
    }

    /// <summary>The shortest stem a prefixed word is read from: shorter ones are mostly not prefixed at all ("in" +
    /// "form", "dis" + "play").</summary>
    private const int MinPrefixedStem = 5;

    /// <summary>How many letters an inflection adds to a word ("encrypted" → "encrypts", "secure" → "securely").</summary>
    private const int MaxInflection = 2;

    /// <summary>Whether <paramref name="word"/> is a negative prefix on a word of <paramref name="others"/> that its
    /// own side (<paramref name="own"/>) does not also say plainly.</summary>
    private static bool PrefixedFormOf(KnowledgeIndex index, string word, HashSet<string> others, HashSet<string> own)
    {
        foreach (var prefix in Lexicon.NegativePrefixes)
        {
            if (word.Length < prefix.Length + MinPrefixedStem || !word.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var plain = index.Analyzer.Terms(word[prefix.Length..].TrimStart('-'));
            if (plain.Count == 0)
            {
                continue;
            }

            // The plain word, inflected at most: "availability" shares the stem of "unavailable" but names the state, not
            // its opposite ("set your GitHub status to reflect your availability" was a trusted No to "… to show I'm
            // unavailable?").
            var plainLength = word.Length - prefix.Length;
            bool Says(string w) => w != word && w.Length <= plainLength + MaxInflection && index.Analyzer.Terms(w).SetEquals(plain);
            if (others.Any(Says) && !own.Any(Says))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the question asks for a setting's off value ("are the boolean options off by default?", "is
    /// logging disabled?"). "off" names the state only where no object follows it: "will that kick off another
    /// workflow?" asks whether one starts (its No from a table's "cancel-in-progress: false" turned to a Yes reading
    /// when every "off" counted).</summary>
    internal static bool AsksAnOffValue(QuestionAnalysis question)
    {
        var words = Lexicon.LowerWords(question.Main).ToList();
        return Enumerable.Range(0, words.Count).Any(i => Lexicon.OffValues.Contains(words[i]) && (words[i] != "off" || StateWord(words, i, "off")));
    }

    /// <summary>Whether the question asks for a setting's state, on ("is MFA on by default?", "is versioning enabled?")
    /// or off (<see cref="AsksAnOffValue"/>), and the clause gives it the other one before any condition: "off" or
    /// "disabled" for an asked "on", "on" or "enabled" for an asked "off". "on" and "off" name a state only where no
    /// object follows them (<see cref="StateWord"/>): "runs on Linux", "kick off a workflow" are no states.</summary>
    internal static bool SaysTheOtherState(QuestionAnalysis question, string clause)
    {
        var asked = Lexicon.LowerWords(question.Main).ToList();
        var askedOff = AsksAnOffValue(question);
        var askedOn = Enumerable.Range(0, asked.Count).Any(i => StateWord(asked, i, "on") || asked[i] == "enabled");
        if (askedOff == askedOn)
        {
            return false;
        }

        var said = Lexicon.LowerWords(clause).TakeWhile(w => !Lexicon.ConditionOpeners.Contains(w)).ToList();
        return Enumerable.Range(0, said.Count).Any(i => askedOn
            ? StateWord(said, i, "off") || said[i] == "disabled"
            : StateWord(said, i, "on") || said[i] == "enabled");
    }

    /// <summary>Whether <paramref name="words"/>[<paramref name="i"/>] is <paramref name="state"/> ("on", "off") naming a
    /// state: the last word, or before "by" or a condition ("off by default", "on when …").</summary>
    private static bool StateWord(List<string> words, int i, string state) =>
        words[i] == state && (i == words.Count - 1 || words[i + 1] == "by" || Lexicon.ConditionOpeners.Contains(words[i + 1]));
}
