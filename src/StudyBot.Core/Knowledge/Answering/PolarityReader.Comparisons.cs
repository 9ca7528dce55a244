using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// Comparisons and counts. A question and a clause that each set two things side by side with a comparative and "than"
/// (<see cref="Comparing"/>) agree or not by the word and the order (<see cref="ComparedAs"/>); a clause that says the
/// asked comparative, its opposite or a change of the asked respect of one side alone
/// (<see cref="ComparedOnOneSide"/>); a clause that sets another value against the asked one
/// (<see cref="SetsAValueAgainstTheAsked"/>: "120°, larger than the ideal 109.5°"). A clause that gives another exact
/// count of what the question counts (<see cref="SaysAnotherCount"/>), or a limit the question asks past
/// (<see cref="AsksPastItsLimit"/>). In: the question (or its asking clause) and a clause. Out: yes or no, or null when
/// it cannot be told.
/// </summary>
internal static partial class PolarityReader
{
    /// <summary>A comparison's answer when the question and the clause each set two things side by side with a
    /// comparative and "than" ("is A slower than B?", "B is faster than A"): Yes when they say it the same way (the same
    /// comparative, the same order; or the opposite one, the other order), No when one of the two differs; null when
    /// either compares nothing, the clause holds a negation, or the sides cannot be matched.</summary>
    internal static bool? ComparedAs(KnowledgeIndex index, string question, string clause)
    {
        if (Comparing(question) is not var (askedWord, askedA, askedB, _) || Comparing(clause) is not var (saidWord, saidA, saidB, _)
            || Lexicon.LowerWords(clause).Any(IsNegation))
        {
            return null;
        }

        var sameWord = askedWord == saidWord;
        if (!sameWord && !Lexicon.AreOppositeComparatives(askedWord, saidWord))
        {
            return null;
        }

        // Each side by its words as written first ("https" and "http" are one term to the stemmer), then by its terms
        // ("containers" for "container").
        var order = Order(w => Lexicon.LowerWords(w).Where(x => !NotesAnalyzer.StopWords.Contains(x)).ToHashSet(StringComparer.Ordinal)) ?? Order(index.Analyzer.Terms);
        return order is { } same ? same == sameWord : null;

        bool? Order(Func<string, HashSet<string>> read)
        {
            // Each asked side by what the other lacks: the two often share a word ("read replicas" and "replicas"), or
            // one says it by "one" ("the eclipsed one").
            var (ownA, ownB) = OwnWords(askedA, askedB);
            var (a, b) = (read(string.Join(' ', ownA)), read(string.Join(' ', ownB)));
            (a, b) = (a.Except(b).ToHashSet(StringComparer.Ordinal), b.Except(a).ToHashSet(StringComparer.Ordinal));
            var (a2, b2) = (read(saidA), read(saidB));
            var sameOrder = a2.Overlaps(a) && b2.Overlaps(b) && !a2.Overlaps(b);
            var otherOrder = a2.Overlaps(b) && b2.Overlaps(a) && !a2.Overlaps(a);
            return sameOrder == otherOrder ? null : sameOrder;
        }
    }

    /// <summary>What a clause that speaks of one side of a comparison says of it (<see cref="ComparedOnOneSide"/>): Yes
    /// or No, or null when it cannot be told.</summary>
    internal readonly record struct OneSide(bool? Yes);

    /// <summary>A comparison question's answer from a clause that says the asked comparative, or its opposite, of one of
    /// the two sides without a "than" of its own ("is the staggered conformation lower in energy than the eclipsed
    /// one?" — "the eclipsed conformation has … higher energy"): the first side said the same way or the second side
    /// said the opposite way agrees (Yes); the first side the opposite way or the second the same way disagrees (No).
    /// Read word by word, "higher" was the opposite of the asked "lower", a trusted No. Each comparative speaks of the
    /// side named last before it, or else first after it. Null when the question compares nothing, the clause compares
    /// two things itself (<see cref="ComparedAs"/>) or says no comparative of the asked scale; a <see cref="OneSide"/>
    /// without a verdict when its comparatives disagree, it negates, or it names neither side: a wrong Yes/No is worse
    /// than none.</summary>
    internal static OneSide? ComparedOnOneSide(KnowledgeIndex index, string question, string clause)
    {
        if (Comparing(question) is not var (asked, askedA, askedB, respect) || Comparing(clause) is not null
            || Lexicon.LowerWords(askedB).FirstOrDefault(w => !Lexicon.Determiners.Contains(w)) is var bound && Lexicon.IsCount(bound))
        {
            // "more than one backend", "longer than six hours": a bound on a count sets no second thing beside the first.
            return null;
        }

        var words = Lexicon.LowerWords(clause).ToList();
        var sides = SidesNamed(index, askedA, askedB, words);

        // A side's own word is its name, not a comparative ("lower()" in "is ilike slower than lower()?").
        var said = Enumerable.Range(0, words.Count)
            .Where(n => sides[n] is null)
            .Select(n => (At: n, Same: SaysTheComparative(asked, words, n) ?? SaysTheChange(index, asked, respect, words, n)))
            .Where(s => s.Same is not null)
            .ToList();
        if (said.Count == 0)
        {
            return null;
        }

        if (words.Any(IsNegation))
        {
            return new OneSide(null);
        }

        var verdicts = said.Select(s => SideBefore(sides, s.At) is { } first ? first == s.Same : (bool?)null).Distinct().ToList();
        return new OneSide(verdicts is [{ } yes] ? yes : null);
    }

    /// <summary>Whether the clause's word at <paramref name="at"/> says the asked comparative (true) or its opposite
    /// (false), read with the word after a "more" or "less" ("less secure"); null for any other word. A bare asked "more"
    /// or "less" ("show up more in males") is said by any "more" or "less" phrase.</summary>
    private static bool? SaysTheComparative(string asked, List<string> words, int at)
    {
        var said = asked is "more" or "less" || words[at] is not ("more" or "less") || at + 1 >= words.Count
            ? words[at]
            : $"{words[at]} {words[at + 1]}";
        return said == asked ? true : Lexicon.AreOppositeComparatives(asked, said) ? false : null;
    }

    /// <summary>Whether the clause's word at <paramref name="at"/> says the asked respect grows (true when the asked
    /// comparative is one of <see cref="Lexicon.GreaterComparatives"/>, false when one of
    /// <see cref="Lexicon.LesserComparatives"/>) or shrinks ("increased energy" says "higher energy"): a word of
    /// <see cref="Lexicon.Rises"/> or <see cref="Lexicon.Falls"/> with the respect named within <see cref="RespectReach"/>
    /// words after it. Null for any other word, or one said of something else ("increased electron-electron repulsion"
    /// for "lower in energy"): a change says which way only the amount it names went.</summary>
    private static bool? SaysTheChange(KnowledgeIndex index, string asked, string respect, List<string> words, int at)
    {
        var rises = Lexicon.Rises.Contains(words[at]) ? true : Lexicon.Falls.Contains(words[at]) ? false : (bool?)null;
        var greater = Lexicon.GreaterComparatives.Contains(asked) ? true : Lexicon.LesserComparatives.Contains(asked) ? false : (bool?)null;
        return rises is { } rise && greater is { } up && respect.Length > 0
            && index.Analyzer.Terms(string.Join(' ', words.Skip(at + 1).Take(RespectReach))).Overlaps(index.Analyzer.Terms(respect))
            ? rise == up
            : null;
    }

    /// <summary>The side named last before a word of the clause, or else first after it: true for the question's first
    /// side, false for its second, null when the clause names neither.</summary>
    private static bool? SideBefore(bool?[] sides, int at) =>
        sides.Take(at).LastOrDefault(s => s is not null) ?? sides.Skip(at + 1).FirstOrDefault(s => s is not null);

    /// <summary>For each word of the clause, the compared side it names: true for the first, false for the second, null
    /// for neither. A side is named by a word only it holds (<see cref="OwnWords"/>), as written ("https" against "http",
    /// one term to the stemmer) or else by its terms ("conformations").</summary>
    private static bool?[] SidesNamed(KnowledgeIndex index, string first, string second, List<string> words)
    {
        var (ownA, ownB) = OwnWords(first, second);
        var termsA = index.Analyzer.Terms(string.Join(' ', ownA));
        var termsB = index.Analyzer.Terms(string.Join(' ', ownB));
        (termsA, termsB) = (termsA.Except(termsB).ToHashSet(StringComparer.Ordinal), termsB.Except(termsA).ToHashSet(StringComparer.Ordinal));
        return words.Select(w => ownA.Contains(w) ? true : ownB.Contains(w) ? false : index.Analyzer.Terms(w) is var t && t.Overlaps(termsA) ? true : t.Overlaps(termsB) ? false : (bool?)null).ToArray();
    }

    /// <summary>The words (stop words aside) only each of two compared sides holds. The noun both share is neither's: a
    /// side that says "one" says the other's noun ("the staggered conformation … than the eclipsed one"), and a side of
    /// fewer words leaves it out ("is symmetric encryption faster than asymmetric?"): the longer side's last word is both
    /// sides'.</summary>
    private static (HashSet<string> First, HashSet<string> Second) OwnWords(string first, string second)
    {
        var a = Lexicon.LowerWords(first).Where(w => !NotesAnalyzer.StopWords.Contains(w)).ToList();
        var b = Lexicon.LowerWords(second).Where(w => !NotesAnalyzer.StopWords.Contains(w)).ToList();
        if (a.Count > 0 && b.Count > 0 && (b.Any(Lexicon.NounStandIns.Contains) || b.Count < a.Count))
        {
            b.Add(a[^1]);
        }
        else if (a.Count > 0 && b.Count > 0 && (a.Any(Lexicon.NounStandIns.Contains) || a.Count < b.Count))
        {
            a.Add(b[^1]);
        }

        return (a.Except(b).Where(w => !Lexicon.NounStandIns.Contains(w)).ToHashSet(StringComparer.Ordinal),
                b.Except(a).Where(w => !Lexicon.NounStandIns.Contains(w)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Words after a clause's "than" that name the value it compares against, up to the first that opens a phrase
    /// of its own ("than Memcached for caching" names Memcached).</summary>
    private const int ValueReach = 4;

    /// <summary>Whether the clause sets a value against the one the question asks its thing to be, the question comparing
    /// nothing itself ("would its bond angles be the ideal 109.5?" — "the bond angles being 120°, larger than the ideal
    /// 109.5°"): the words after the clause's "than" hold an asked count its part before does not, and that part names
    /// another asked word. Read as the asked words said, it was a Yes. True when the part before gives a count of its own
    /// right before the comparative ("120°, larger than"): another value, a No; false when it gives none ("it uses more
    /// than 2 GB" for "does it use 2 GB?" says neither); null for another clause, or a question that says the clause's
    /// comparative or its opposite (it asks a comparison, which the other rules read). Only a count is read as the asked
    /// value: "fewer than n times" beside "is that still O(n)?" names a word asked, not what the thing is asked to be.</summary>
    internal static bool? SetsAValueAgainstTheAsked(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        if (Comparing(question.Question) is not null || Comparing(clause) is not var (word, before, after, _))
        {
            return null;
        }

        var askedWords = Lexicon.LowerWords(question.Question).ToList();
        if (Enumerable.Range(0, askedWords.Count).Any(n => SaysTheComparative(word, askedWords, n) is not null))
        {
            return null;
        }

        var value = Lexicon.LowerWords(after).TakeWhile(w => !Lexicon.SupplanterOpeners.Contains(w)).Take(ValueReach).ToList();
        var thing = Lexicon.LowerWords(before).ToList();
        if (!value.Any(w => Lexicon.IsCount(w) && askedWords.Contains(w) && !thing.Contains(w)))
        {
            return null;
        }

        var valueTerms = index.Analyzer.Terms(string.Join(' ', value));
        var thingTerms = index.Analyzer.Terms(before);
        if (!question.Content.Any(c => !c.IsFrame && c.MatchesAny(thingTerms) && !c.MatchesAny(valueTerms)))
        {
            return null;
        }

        return thing.LastOrDefault() is { } last && Lexicon.IsCount(last) && !value.Contains(last);
    }

    /// <summary>A text's first comparison: the comparative before "than" ("more secure" read as one word), what stands
    /// before it, what after "than", and the respect it is said in, the words between it and "than" ("energy" in "lower
    /// in energy than", "latency" in "higher latency than"); null when it has no "than" after a comparative. A phrase
    /// that says the respect (<see cref="Lexicon.RespectOpeners"/>) is read first: the word right before "than" may
    /// only look like a comparative ("more soluble in water than"). When "than" repeats the respect's opening word
    /// ("more in males than in females"), the two compared are what follow each.</summary>
    private static (string Word, string Before, string After, string Respect)? Comparing(string text)
    {
        var words = Lexicon.LowerWords(text).ToList();
        var than = words.IndexOf("than");
        if (than < 1)
        {
            return null;
        }

        var gaps = Enumerable.Range(1, RespectReach).Select(gap => than - 1 - gap).Where(n => n >= 0).ToList();
        var at = gaps.Where(n => Lexicon.RespectOpeners.Contains(words[n + 1]) && Lexicon.IsComparative(ComparativeAt(words, n).Word)).Cast<int?>().FirstOrDefault()
            ?? (Lexicon.IsComparative(ComparativeAt(words, than - 1).Word) ? than - 1 : (int?)null)
            ?? gaps.Where(n => Lexicon.IsListedComparative(ComparativeAt(words, n).Word)).Cast<int?>().FirstOrDefault();
        if (at is not { } n)
        {
            return null;
        }

        var (word, start) = ComparativeAt(words, n);
        var respect = words[(n + 1)..than];
        var opener = respect.Count > 0 && Lexicon.RespectOpeners.Contains(respect[0]);
        return opener && than + 1 < words.Count && words[than + 1] == respect[0]
            ? (word, string.Join(' ', respect.Skip(1)), string.Join(' ', words.Skip(than + 2)), string.Empty)
            : (word, string.Join(' ', words.Take(start)), string.Join(' ', words.Skip(than + 1)), string.Join(' ', respect.Skip(opener ? 1 : 0)));
    }

    /// <summary>The most words between a comparative and its "than" that say in what respect it compares ("lower in
    /// energy than", "higher read latency than").</summary>
    private const int RespectReach = 3;

    /// <summary>The comparative a word at <paramref name="at"/> says, read with a "more" or "less" before it as one word
    /// ("more secure"), and where it starts.</summary>
    private static (string Word, int Start) ComparativeAt(List<string> words, int at) =>
        at >= 1 && words[at] is not ("more" or "less") && words[at - 1] is "more" or "less"
            ? ($"{words[at - 1]} {words[at]}", at - 1)
            : (words[at], at);

    /// <summary>Words after a count that name what it counts ("a single alter statement", "two statements").</summary>
    private const int CountedReach = 2;

    /// <summary>Whether the clause gives another exact count of something the asking clause counts, and not the asked
    /// count too ("can I do it with a single alter statement?" — "you are going to need two statements"). Digits and
    /// number words are one count ("6 hours", "six hours"); bounds and ranges are no exact count ("more than one", "at
    /// least three", "one or more", "one of them").</summary>
    internal static bool SaysAnotherCount(KnowledgeIndex index, string asking, string clause)
    {
        var asked = Counts(index, asking);
        var many = MoreThanOne(index, asking);
        if (asked.Count == 0 && many.Count == 0)
        {
            return false;
        }

        // "multiple instances" asks for more than one: the clause's exact one of them is another count ("EBS can be
        // attached to only one instance at a time" was a Yes to "… attached to multiple instances?").
        var said = Counts(index, clause);
        return asked.Any(a =>
                said.Any(s => s.Value != a.Value && s.Counted.Overlaps(a.Counted))
                && !said.Any(s => s.Value == a.Value && s.Counted.Overlaps(a.Counted)))
            || many.Any(m => said.Any(s => s.Value == 1 && s.Counted.Overlaps(m)) && !said.Any(s => s.Value > 1 && s.Counted.Overlaps(m)));
    }

    /// <summary>Whether the question asks for more of something than the clause's limit allows: "more than 15 minutes"
    /// (or "longer than", "over", "beyond", "above", "exceed") against a clause that gives a maximum ("max", "up to", "at
    /// most", "limit", …) of at most the same count of the same thing ("Maximum execution time: 900 seconds (15
    /// minutes)" was a Yes to "can lambda run for more than 15 minutes?").</summary>
    internal static bool AsksPastItsLimit(KnowledgeIndex index, string asking, string clause)
    {
        if (!Lexicon.LimitWords().IsMatch(clause))
        {
            return false;
        }

        var said = Counts(index, clause, bounded: true);
        foreach (Match bound in Lexicon.PastABound().Matches(asking))
        {
            if (ExactCount(bound.Groups["count"].Value.ToLowerInvariant()) is not { } value)
            {
                continue;
            }

            var counted = CountedAfter(index, Lexicon.LowerWords(asking[(bound.Index + bound.Length)..]).ToList(), -1);
            if (counted.Count > 0 && said.Any(s => s.Value <= value && s.Counted.Overlaps(counted)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The terms of what a text asks more than one of (<see cref="Lexicon.MoreThanOne"/>: "multiple instances").</summary>
    private static List<HashSet<string>> MoreThanOne(KnowledgeIndex index, string text)
    {
        var words = Lexicon.LowerWords(text).ToList();
        return Enumerable.Range(0, words.Count).Where(i => Lexicon.MoreThanOne.Contains(words[i]))
            .Select(i => index.Analyzer.Terms(string.Join(' ', words.Skip(i + 1).Take(CountedReach))))
            .Where(terms => terms.Count > 0)
            .ToList();
    }

    /// <summary>The exact counts a text gives, each with the terms of the words after it (what it counts); with
    /// <paramref name="bounded"/>, also the counts a bound or a range makes inexact ("maximum … 15 minutes").</summary>
    private static List<(int Value, HashSet<string> Counted)> Counts(KnowledgeIndex index, string text, bool bounded = false)
    {
        var words = Lexicon.LowerWords(text).ToList();
        var counts = new List<(int, HashSet<string>)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (ExactCount(words[i]) is not { } value
                || (!bounded && i > 0 && Lexicon.CountBounds.Contains(words[i - 1]))
                || (!bounded && i + 1 < words.Count && Lexicon.CountRangeFollowers.Contains(words[i + 1])))
            {
                continue;
            }

            var terms = CountedAfter(index, words, i);
            if (terms.Count > 0)
            {
                counts.Add((value, terms));
            }
        }

        return counts;
    }

    /// <summary>The terms of what the count at <paramref name="at"/> counts: the words after it, up to the next count.</summary>
    private static HashSet<string> CountedAfter(KnowledgeIndex index, List<string> words, int at) =>
        index.Analyzer.Terms(string.Join(' ', words.Skip(at + 1).Take(CountedReach).TakeWhile(w => ExactCount(w) is null)));

    /// <summary>The count a word says exactly (a number word or a whole number in digits), or null.</summary>
    private static int? ExactCount(string word) =>
        Lexicon.ExactCounts.TryGetValue(word, out var value) ? value
        : word.Length is > 0 and <= 6 && word.All(char.IsAsciiDigit) ? int.Parse(word, CultureInfo.InvariantCulture)
        : null;
}
