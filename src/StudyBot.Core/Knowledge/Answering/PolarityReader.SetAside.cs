using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// A clause that sets the asked thing aside, which turns or leaves open the Yes its words read: it says its thing of
/// another member of the subject's family (<see cref="SpeaksOfAnother"/>) or of the other side of "Unlike X, …"
/// (<see cref="AsksOf"/>); it advises against the asked thing (<see cref="AdvisedAgainst"/>), prefers another over it
/// (<see cref="PrefersAnotherOverTheAsked"/>) or does away with it (<see cref="DoesAwayWithTheAsked"/>); it requires
/// what the question would do without, or says that is not needed (<see cref="WithoutNamed"/>,
/// <see cref="NeedlessWhatIsDoneWithout"/>); it excepts the asked thing (<see cref="ExceptsTheAsked"/>); or its "only"
/// restricts to something else (<see cref="OnlyOfAnother"/>) or to what the question restricts to
/// (<see cref="RestrictsAlike"/>). In: the question and the deciding clause. Out: yes or no, or the advice.
/// </summary>
internal static partial class PolarityReader
{
    /// <summary>Whether the deciding clause says its thing of another member of the subject's family, in the frame the
    /// answer also uses for the subject: the clause opens with another name where the rest of the answer has the subject,
    /// followed by the same word ("The red team simulates …" beside "the blue team defends …"; "Compliance is about …"
    /// beside "Ethics is about …"). A label before its colon ("Red Team/Blue Team: …") names the family, not the clause's
    /// subject. A clause that only leaves its subject unsaid ("Kea — modern DHCP server …", "They are not classes …")
    /// sets nothing beside it: on the labelled corpora, a clause without the subject was a right Yes five times in six.</summary>
    private static bool SpeaksOfAnother(KnowledgeIndex index, QuestionAnalysis question, string answer, string clause)
    {
        if (question.Subject is not { } subject)
        {
            return false;
        }

        var at = answer.IndexOf(clause, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var colon = clause.IndexOf(": ", StringComparison.Ordinal);
        var body = colon > 0 && colon < LabelChars && IsLabel(clause[..colon]) ? clause[(colon + 2)..] : clause;
        var opening = Lexicon.LowerWords(body).SkipWhile(Lexicon.Determiners.Contains).Take(2).ToList();
        if (opening.Count < 2 || Lexicon.Pronouns.Contains(opening[0]) || subject.MatchesAny(index.Analyzer.Terms(body)))
        {
            return false;
        }

        var rest = Lexicon.LowerWords(answer[..at] + " " + answer[(at + clause.Length)..]).ToList();
        return rest.Zip(rest.Skip(1)).Any(pair => pair.Second == opening[1] && subject.MatchesAny(index.Analyzer.Terms(pair.First)));
    }

    /// <summary>A name set before a colon as a label ("Red Team/Blue Team"): every word capitalised, not a sentence.</summary>
    private static bool IsLabel(string text) =>
        Lexicon.WordPattern().Matches(text) is { Count: > 0 } words && words.All(w => char.IsUpper(w.Value[0]));

    /// <summary>The longest label a clause may open with before its colon ("Red Team/Blue Team: …").</summary>
    private const int LabelChars = 40;

    /// <summary>Whether the question asks about <paramref name="setAgainst"/> rather than what the rest of the clause
    /// speaks of: its subject (or its one concept) is named there and not in <paramref name="rest"/>.</summary>
    private static bool AsksOf(KnowledgeIndex index, QuestionAnalysis question, string setAgainst, string rest) =>
        AskedAbout(question) is { } subject
        && subject.MatchesAny(index.Analyzer.Terms(setAgainst)) && !subject.MatchesAny(index.Analyzer.Terms(rest));

    /// <summary>What the question asks about: its subject, or, for a one-concept question ("should I use eval?"), which
    /// has no subject of its own, that concept.</summary>
    private static Concept? AskedAbout(QuestionAnalysis question) =>
        question.Subject ?? question.Content.FirstOrDefault(c => !c.IsFrame);

    /// <summary>Advice against the asked thing in a clause: whether it forbids it as well as advising against it.</summary>
    internal readonly record struct Advice(bool Ban);

    /// <summary>Whether the clause advises against the question's subject (<see cref="Lexicon.AdviceAgainst"/>: the words
    /// after the verb, up to <see cref="SupplantedReach"/> and the first word that opens a phrase of its own, name it;
    /// <see cref="Lexicon.JudgedAgainst"/>: the words before the judgement name it), and the question does not itself
    /// speak of advice against something.</summary>
    internal static Advice? AdvisedAgainst(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        if (AskedAbout(question) is not { } subject || Lexicon.AsksAboutAdvice().IsMatch(question.Question))
        {
            return null;
        }

        foreach (Match verb in Lexicon.AdviceAgainst().Matches(clause))
        {
            var advised = Lexicon.LowerWords(clause[(verb.Index + verb.Length)..]).TakeWhile(w => !Lexicon.SupplanterOpeners.Contains(w)).Take(SupplantedReach);
            if (subject.MatchesAny(index.Analyzer.Terms(string.Join(' ', advised))))
            {
                return new Advice(Ban: false);
            }
        }

        foreach (Match judged in Lexicon.JudgedAgainst().Matches(clause))
        {
            if (subject.MatchesAny(index.Analyzer.Terms(clause[..judged.Index])))
            {
                return new Advice(Ban: judged.Groups["ban"].Success);
            }
        }

        return null;
    }

    /// <summary>Whether the clause prefers another thing over one the question asks about (<see cref="Lexicon.Preference"/>):
    /// the question names more of the words after "over" (up to <see cref="SupplantedReach"/>, to the first word that
    /// opens a phrase of its own) than of the preferred thing, and does not itself compare ("better than", "vs").</summary>
    internal static bool PrefersAnotherOverTheAsked(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        if (Lexicon.CompareQuestion().IsMatch(question.Question) || Lexicon.WeighsTwo().IsMatch(question.Question))
        {
            return false;
        }

        foreach (Match preference in Lexicon.Preference().Matches(clause))
        {
            var after = Lexicon.LowerWords(clause[(preference.Index + preference.Length)..]);
            var (preferred, setAside) = preference.Groups["aside"].Success
                ? (after, Lexicon.LowerWords(preference.Groups["aside"].Value))
                : (preference.Groups["passive"].Success ? Lexicon.LowerWords(clause[..preference.Index]).TakeLast(SupplantedReach) : Lexicon.LowerWords(preference.Groups["x"].Value),
                   after.TakeWhile(w => !Lexicon.SupplanterOpeners.Contains(w)).Take(SupplantedReach));
            var preferredTerms = index.Analyzer.Terms(string.Join(' ', preferred));
            var setAsideTerms = index.Analyzer.Terms(string.Join(' ', setAside));
            var askedAside = question.Content.Count(c => c.MatchesAny(setAsideTerms) && !c.MatchesAny(preferredTerms));
            var askedPreferred = question.Content.Count(c => c.MatchesAny(preferredTerms) && !c.MatchesAny(setAsideTerms));
            if (askedAside > askedPreferred)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words after an active verb of <see cref="Lexicon.Supplanting"/> that name what it does away with.</summary>
    private const int SupplantedReach = 4;

    /// <summary>Whether the clause says that something the question asks about is done away with by something else the
    /// question names ("IPv6 replaces ARP with NDP" for "is ARP used in IPv6?"; "hubs have been replaced by switches
    /// in modern networks" for "are hubs used in modern networks?"), and the question does not itself ask about
    /// replacing. What follows "with" or "by" is the replacement, not what is gone ("does IPv6 use NDP?" is no No).</summary>
    internal static bool DoesAwayWithTheAsked(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        if (question.Content.Count < 2 || Lexicon.SupplantingWord().IsMatch(question.Question))
        {
            return false;
        }

        foreach (Match verb in Lexicon.Supplanting().Matches(clause))
        {
            var before = Lexicon.LowerWords(clause[..verb.Index]).ToList();
            var after = Lexicon.LowerWords(clause[(verb.Index + verb.Length)..]).ToList();
            List<string> gone, rest;

            // The passive's subject stands after the last comma before it ("When upgrading to v3, the legacy API was
            // removed": the API is gone, version 3 is when).
            var head = clause[..verb.Index];
            var cut = head.LastIndexOfAny([',', ';']) + 1;
            var subject = Lexicon.LowerWords(head[cut..]).ToList();
            if (verb.Groups["passive"].Success && subject.Any(Lexicon.ConditionOpeners.Contains))
            {
                // "… but if the target file or directory is removed, the symlink becomes dangling": a condition's
                // subject is not said to be gone. Read as gone, it was a wrong No to "can a symlink point to a file that
                // doesn't exist?".
                continue;
            }

            if (verb.Groups["passive"].Success)
            {
                // The passive's subject is what is gone, however it is worded ("Hubs are largely obsolete and have been
                // replaced by switches").
                gone = subject;
                rest = [.. Lexicon.LowerWords(head[..cut]), .. after];
            }
            else
            {
                gone = after.TakeWhile(w => !Lexicon.SupplanterOpeners.Contains(w)).Take(SupplantedReach).ToList();
                rest = [.. before, .. after.Skip(gone.Count)];
            }

            var goneTerms = index.Analyzer.Terms(string.Join(' ', gone));
            var restTerms = index.Analyzer.Terms(string.Join(' ', rest));
            var goneAsked = question.Content.Where(c => c.MatchesAny(goneTerms)).ToList();
            if (goneAsked.Count > 0 && question.Content.Except(goneAsked).Any(c => c.MatchesAny(restTerms)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>When the question asks to do without something ("without setting anything up on the server side") and the
    /// clause has no negation or "without" of its own, the share of it (by weight) the clause names: at least
    /// <see cref="WithoutNamedShare"/> and the clause requires it (a No); less, and what the clause affirms is read as
    /// usual (a line that names none of it often does without it: "Docusaurus supports MDX by default" for "… without
    /// extra setup?"); null
    /// for another question or clause. Only "without": a negation in a question more often sets a condition ("when
    /// they're not busy", "a file that doesn't exist") than asks to do without.</summary>
    internal static double? WithoutNamed(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        if (question.Negations.Count == 0 || Lexicon.LowerWords(clause).Any(w => w == "without" || IsNegation(w)))
        {
            return null;
        }

        // The phrase after "without" runs to the end of the question ("without setting anything up on the server side");
        // the clause names most of it by weight to require it, not just a word of it: "can I add a column with a
        // default without locking the table?" was a trusted No from a line that speaks of a table and no lock.
        var terms = index.Analyzer.Terms(clause);
        var after = DoneWithout(index, question);
        var total = after.Sum(c => c.Weight);
        return total > 0 ? after.Where(c => c.MatchesAny(terms)).Sum(c => c.Weight) / total : null;
    }

    /// <summary>The topic concepts of what the question asks to do without: the phrase after its "without", to the end.</summary>
    private static List<Concept> DoneWithout(KnowledgeIndex index, QuestionAnalysis question) =>
        ConceptsAfter(index, question, (words, n) => words[n] == "without", int.MaxValue).Where(c => !c.IsFrame).ToList();

    /// <summary>Whether the question asks to do without something and the clause denies needing it: a negation, a need
    /// word within <see cref="NeedReach"/> words after it (<see cref="Lexicon.NeedWords"/>: "don't require", "is not
    /// needed", "no … necessary"), and after the negation at least <see cref="WithoutNamedShare"/> (by weight) of what
    /// the question would do without.</summary>
    internal static bool NeedlessWhatIsDoneWithout(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        if (!question.Negations.Contains("without"))
        {
            return false;
        }

        var after = DoneWithout(index, question);
        var total = after.Sum(c => c.Weight);
        var words = Lexicon.LowerWords(clause).ToList();
        for (var i = 0; i < words.Count && total > 0; i++)
        {
            if (IsNegation(words[i]) && words.Skip(i + 1).Take(NeedReach).Any(Lexicon.NeedWords.Contains))
            {
                var terms = index.Analyzer.Terms(string.Join(' ', words.Skip(i + 1)));
                return after.Where(c => c.MatchesAny(terms)).Sum(c => c.Weight) / total >= WithoutNamedShare;
            }
        }

        return false;
    }

    /// <summary>Words from a negation to the need word it denies ("don't require", "is not really needed").</summary>
    private const int NeedReach = 3;

    /// <summary>How much of what the question asks to do without (by weight) a clause names to require it.</summary>
    private const double WithoutNamedShare = 0.5;

    /// <summary>Whether the clause excepts something asked from what it says ("all signals except for SIGKILL and SIGSTOP
    /// can be intercepted", "every field other than the id"): the exception names one of the question's concepts that the
    /// rest of the clause does not.</summary>
    internal static bool ExceptsTheAsked(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        var exception = Lexicon.Exception().Match(clause);
        if (!exception.Success)
        {
            return false;
        }

        var named = index.Analyzer.Terms(exception.Groups["list"].Value);
        var rest = index.Analyzer.Terms(clause.Remove(exception.Index, exception.Length));
        return question.Content.Any(c => !c.IsFrame && c.MatchesAny(named) && !c.MatchesAny(rest));
    }

    /// <summary>Words after "only" that name what it restricts to ("only Java provides …").</summary>
    private const int OnlyReach = 3;

    /// <summary>Whether the question restricts ("just", "only", "solely", "exclusively") to what the clause's "only"
    /// restricts to: "should everything interactive be usable with just a keyboard?" — "Everything interactive should be
    /// usable with keyboard only" agrees; read as a restriction of the asked "everything", it was a trusted No.</summary>
    internal static bool RestrictsAlike(KnowledgeIndex index, string question, string clause)
    {
        var asked = Lexicon.LowerWords(question).ToList();
        var restricted = Enumerable.Range(0, asked.Count)
            .Where(i => Lexicon.RestrictingWords.Contains(asked[i]))
            .SelectMany(i => asked.Skip(i + 1).Take(OnlyReach))
            .SelectMany(index.Analyzer.Terms)
            .ToHashSet(StringComparer.Ordinal);
        if (restricted.Count == 0)
        {
            return false;
        }

        var said = Lexicon.LowerWords(clause).ToList();
        return Enumerable.Range(0, said.Count)
            .Where(i => Lexicon.RestrictingWords.Contains(said[i]))
            .SelectMany(i => said.Skip(Math.Max(0, i - OnlyReach)).Take((2 * OnlyReach) + 1))
            .Any(w => index.Analyzer.Terms(w).Overlaps(restricted));
    }

    /// <summary>Whether "only" in the clause restricts to something the question does not ask about: the first topic
    /// words after it name none of the question's concepts ("only Java provides a linked list" for a question about
    /// Python; not "only the owner can delete" for "can the owner delete it?").</summary>
    internal static bool OnlyOfAnother(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        var words = Lexicon.LowerWords(clause).ToList();
        var only = words.IndexOf("only");
        if (only < 0 || question.Content.Count == 0)
        {
            return false;
        }

        // "In testing only, let the server randomize a port" for "in tests can I listen on port 0?": put after what it
        // restricts to, "only" restricts to the word before it, and the question asks about that very case.
        if (only > 0 && question.Content.Any(c => c.MatchesAny(index.Analyzer.Terms(words[only - 1]))))
        {
            return false;
        }

        var named = false;
        for (var i = only + 1; i < words.Count && i - only <= OnlyReach; i++)
        {
            var terms = index.Analyzer.Terms(words[i]);
            if (question.Content.Any(c => c.MatchesAny(terms)))
            {
                return false;
            }

            named |= terms.Count > 0;
        }

        return named;
    }
}
