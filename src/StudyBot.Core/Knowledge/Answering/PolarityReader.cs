using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// The polarity stage of a yes/no question: the clause of a passage that carries the question's predicate, what the
/// rules read from it (Yes or No, with the <see cref="PolaritySignals"/> of how sure that is), and whether the fitted
/// polarity model trusts that reading enough to say it. <see cref="AnswerWriter"/> writes the verdict it gives.
/// </summary>
internal static partial class PolarityReader
{
    /// <summary>A negation applies to a question word at most this many words after it.</summary>
    private const int NegationReach = 4;

    /// <summary>The passage's answer text, the clause that speaks to the question, and whether a pair in the notes
    /// asks what was asked (its "No" answers its own question; asked something else, read the statement after it).</summary>
    internal static (string Answer, string Clause, bool OwnQuestion) Statement(KnowledgeIndex index, QuestionAnalysis question, Passage passage)
    {
        var answer = passage.Kind == PassageKind.QuestionAnswer ? passage.AnswerText ?? passage.Text : passage.Text;
        var ownQuestion = passage.Question is null || AsksThePairsQuestion(index, question, passage.Question, passage.AnswerText);
        var stated = ownQuestion ? answer : LeadingYesNo().Replace(answer, string.Empty);
        var clause = Readable(MatchingClause(index, question, stated.Length > 0 ? stated : answer));
        return (answer, clause, ownQuestion);
    }

    /// <summary>A clause as the rules read it: "or not" is an alternative, not a denial, an affirming negation
    /// ("not only", "no surprise that") affirms, and "what's not working" names a thing (<see cref="Lexicon.WhatIsNot"/>).</summary>
    private static string Readable(string clause) =>
        Lexicon.WhatIsNot().Replace(Lexicon.AffirmingNegation().Replace(Lexicon.OrNot().Replace(clause, "or"), " "), "what");

    /// <summary>The rules' reading of a candidate for a yes/no question (for fitting the polarity model).</summary>
    internal static Reading ReadingOf(KnowledgeIndex index, QuestionAnalysis question, Signals.Candidate candidate)
    {
        var passage = index.Entry(candidate.Id).Passage;
        var (answer, clause, ownQuestion) = Statement(index, question, passage);
        return Read(index, question, passage, answer, clause, ownQuestion, candidate["semantic"]);
    }

    /// <summary>Yes, No, or null when the notes do not settle it. The rules read the clause that carries the
    /// question's predicate (a table cell under the subject's column, an explicit yes/no, ✅/❌, a negation scoped to
    /// its clause, "only"/part against a question about the whole, an opposite of the asked word); the fitted
    /// polarity model then says whether that reading can be trusted here (<see cref="PolaritySignals"/>). When it
    /// cannot, no Yes/No word is given: a wrong Yes/No is worse than none.</summary>
    internal static bool? Verdict(KnowledgeIndex index, QuestionAnalysis question, Passage passage, string answer, string clause, bool ownQuestion, double similarity, AnswerModel.Variant? variant)
    {
        var reading = Read(index, question, passage, answer, clause, ownQuestion, similarity);
        return Decide(reading, variant);
    }

    /// <summary>The rules' reading when the polarity model trusts it enough (or there is no model), else none.</summary>
    internal static bool? Decide(Reading reading, AnswerModel.Variant? variant) =>
        reading.Settles && (variant?.Trust(reading.Yes, reading.Signals) is not { } trust || trust.P >= trust.Threshold) ? reading.Yes : null;

    /// <summary>What the rules read from a passage for a yes/no question, with the signals of how sure that is; when
    /// the passage says nothing of the question at all (<see cref="Settles"/> false), no Yes/No is read.</summary>
    internal readonly record struct Reading(bool Yes, double[] Signals, bool Settles = true)
    {
        /// <summary>A settling reading the rules took from the clause's words, not from an explicit yes/no or ✅/❌ mark or
        /// a table cell: the readings that the later rules of <see cref="Read"/> may still leave open or turn.</summary>
        public bool FromWords => Settles && Signals[PolaritySignals.Explicit] == 0 && Signals[PolaritySignals.TableCell] == 0;
    }

    internal static Reading Read(KnowledgeIndex index, QuestionAnalysis question, Passage passage, string answer, string clause, bool ownQuestion, double similarity)
    {
        if (Lexicon.PronounSubject().IsMatch(question.Question) && !Lexicon.AnticipatoryIt().IsMatch(question.Question))
        {
            // "is it open source?" with nothing before it: what "it" is, this question does not say, and the passage
            // found is about whatever its other words match ("Docker: open source software …" was a Yes). Chat reads a
            // follow-up with the previous subject first; asked alone, the notes are quoted without a Yes or No. None of
            // the labelled questions opens so ("is it worth …", "is it ok to …" are the "it" of what follows).
            return ReadRules(index, question, passage, answer, clause, ownQuestion, similarity) with { Settles = false };
        }

        if (Lexicon.Unlike().Match(clause) is { Success: true } unlike && AsksOf(index, question, unlike.Groups["x"].Value, clause[(unlike.Index + unlike.Length)..]))
        {
            // "does TCP guarantee delivery?" — "Unlike TCP, UDP does not guarantee delivery": what the clause says of
            // UDP, it says the opposite of for TCP. Read whole, "does not guarantee delivery" was a No.
            var said = ReadRules(index, question, passage, answer, clause[(unlike.Index + unlike.Length)..], ownQuestion, similarity);
            var x = (double[])said.Signals.Clone();
            x[PolaritySignals.Opposite] = 1;
            x[PolaritySignals.RuleYes] = said.Yes ? 0 : 1;
            return said with { Yes = !said.Yes, Signals = x };
        }

        var reading = ReadRules(index, question, passage, answer, clause, ownQuestion, similarity);
        if (!reading.Yes && reading.FromWords
            && Lexicon.HedgedNegation().IsMatch(clause) && Lexicon.AsksAPossibility().IsMatch(question.Main) && !Lexicon.EveryCase().IsMatch(question.Question)
            && ReadRules(index, question, passage, answer, Lexicon.HedgedNegation().Replace(clause, " "), ownQuestion, similarity) is var unhedged
            && (unhedged.Yes || unhedged.Signals[PolaritySignals.Opposite] == 1))
        {
            // "can a service be running while it is disabled?" — "This prevents automatic startup, but it does not
            // necessarily stop the service right now": a negated degree or frequency says "not in every case", and the
            // No came from it alone (without it the clause reads Yes). Asked whether something can be so, that leaves
            // it open: no verdict. Asked whether it does ("does disable also stop it?") or whether it always does, the
            // No stands: on the unseen sets "don't necessarily correlate" rightly answered "do stars tell you the
            // downloads?" with No, which a rule for every question withheld. So too when the hedge denies the opposite of
            // the asked word: "can the same image need different alt text in different places?" — "Using an image several
            // times doesn't necessarily mean the alt attribute will be the same" was a trusted No.
            return reading with { Settles = false };
        }

        if (reading.FromWords
            && Lexicon.FormerState().IsMatch(SentenceOf(answer, clause).Before + clause) && !Lexicon.FormerState().IsMatch(question.Question)
            && !Lexicon.AsksThePast().IsMatch(question.Question))
        {
            // "Is await allowed inside MDX 3 expressions?" — "Previously, there was a runtime error that await was used in
            // a context where it wasn't allowed": the clause tells what was so before a change, not what is so now. Its
            // negation was a trusted No; the notes' next lines say it is now accepted. Asked about the past ("was it
            // allowed before v3?"), the clause answers as it stands.
            return reading with { Settles = false };
        }

        if (reading.Yes && reading.FromWords
            && Lexicon.Always().IsMatch(question.Question) && !Lexicon.EveryCase().IsMatch(WithItsSentence(answer, clause)))
        {
            // "is singleton always bad, like never ever use it?" — "The other bad thing about them is it makes your code
            // tightly coupled": the clause says it is so in one respect or case, the question asks whether it is so in
            // every case. Read as assent, it was a trusted Yes; a clause that itself says "always", "every" or "all"
            // still answers.
            return reading with { Settles = false };
        }

        if (reading.Yes && reading.FromWords
            && SpeaksOfAnother(index, question, answer, clause))
        {
            // "is the blue team the one that simulates the attacks?" — "Red Team/Blue Team: The red team simulates attacks
            // …, while the blue team defends against those attacks": the clause holds the asked words but its subject is
            // another member of the family, and what it says of the asked one is in the clause beside it. Read whole, it
            // was a trusted Yes; so was "isn't ethics just following the law?" from "Compliance is about following the
            // law", the sentence after "Ethics is about defining shared values".
            return reading with { Settles = false };
        }

        if (!reading.Yes && reading.FromWords
            && reading.Signals[PolaritySignals.Opposite] == 0 && ExceptsTheAsked(index, question, WithItsSentence(answer, clause)))
        {
            // "are secrets logged in debug mode?" — "Secrets are never logged, except in debug mode": the clause denies
            // for all but the asked case, which it excepts. Read as a plain denial it was a No.
            var x = (double[])reading.Signals.Clone();
            x[PolaritySignals.Opposite] = 1;
            x[PolaritySignals.RuleYes] = 1;
            return reading with { Yes = true, Signals = x };
        }

        return reading;
    }

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
        var opening = LowerWords(body).SkipWhile(Lexicon.Determiners.Contains).Take(2).ToList();
        if (opening.Count < 2 || Lexicon.Pronouns.Contains(opening[0]) || subject.MatchesAny(index.Analyzer.Terms(body)))
        {
            return false;
        }

        var rest = LowerWords(answer[..at] + " " + answer[(at + clause.Length)..]).ToList();
        return rest.Zip(rest.Skip(1)).Any(pair => pair.Second == opening[1] && subject.MatchesAny(index.Analyzer.Terms(pair.First)));
    }

    /// <summary>A name set before a colon as a label ("Red Team/Blue Team"): every word capitalised, not a sentence.</summary>
    private static bool IsLabel(string text) =>
        QuestionAnalyzer.WordPattern().Matches(text) is { Count: > 0 } words && words.All(w => char.IsUpper(w.Value[0]));

    /// <summary>The longest label a clause may open with before its colon ("Red Team/Blue Team: …").</summary>
    private const int LabelChars = 40;

    /// <summary>The clause with the rest of its sentence in the answer (", except in debug mode" after "Secrets are never
    /// logged" is a clause of its own), or the clause when the answer does not hold it as written.</summary>
    private static string WithItsSentence(string answer, string clause) => SentenceOf(answer, clause).FromClause;

    /// <summary>The sentence of the answer that holds the clause, in two parts: the words before the clause ("Previously, "
    /// before "there was a runtime error …" when the clause is cut at the comma) and the clause with the rest of its
    /// sentence. Nothing before and the clause alone when the answer does not hold it as written.</summary>
    private static (string Before, string FromClause) SentenceOf(string answer, string clause)
    {
        var start = clause.Length == 0 ? -1 : answer.IndexOf(clause, StringComparison.Ordinal);
        if (start < 0)
        {
            return (string.Empty, clause);
        }

        var from = start == 0 ? 0 : answer.LastIndexOfAny(['.', '!', '?', '\n'], start - 1) + 1;
        var end = answer.IndexOfAny(['.', '!', '?', '\n'], start + clause.Length);
        return (answer[from..start], answer[start..(end < 0 ? answer.Length : end)]);
    }

    /// <summary>Whether the question asks about <paramref name="setAgainst"/> rather than what the rest of the clause
    /// speaks of: its subject (or its one concept) is named there and not in <paramref name="rest"/>.</summary>
    private static bool AsksOf(KnowledgeIndex index, QuestionAnalysis question, string setAgainst, string rest) =>
        AskedAbout(question) is { } subject
        && subject.MatchesAny(index.Analyzer.Terms(setAgainst)) && !subject.MatchesAny(index.Analyzer.Terms(rest));

    /// <summary>What the question asks about: its subject, or, for a one-concept question ("should I use eval?"), which
    /// has no subject of its own, that concept.</summary>
    private static Concept? AskedAbout(QuestionAnalysis question) =>
        question.Subject ?? question.Content.FirstOrDefault(c => !c.IsFrame);

    private static Reading ReadRules(KnowledgeIndex index, QuestionAnalysis question, Passage passage, string answer, string clause, bool ownQuestion, double similarity)
    {
        var x = new double[PolaritySignals.Names.Length];
        x[PolaritySignals.Held] = HeldShare(index, question, clause);
        x[PolaritySignals.HeldAll] = x[PolaritySignals.Held] >= 1 ? 1 : 0;
        clause = MainAfterOpening(index, question, WithoutNegatedNames(clause));
        x[PolaritySignals.Negations] = Math.Min(3, QuestionAnalyzer.NegationsOf(clause).Count);
        x[PolaritySignals.QuestionNegated] = question.Negations.Count > 0 ? 1 : 0;
        x[PolaritySignals.PairOwnQuestion] = ownQuestion && passage.Question is not null ? 1 : 0;
        x[PolaritySignals.Semantic] = similarity;
        if (!ownQuestion && passage.Question is not null && LeadingYesNo().Replace(answer, string.Empty).Trim().Length == 0)
        {
            // A pair of the notes that answers another question with a bare "yes" or "no" says nothing of this one: "Can
            // I use AWS KMS Key to encrypt data in — no" was a trusted No to "Is KMS used for data at rest?".
            return new Reading(false, x, Settles: false);
        }

        bool yes;
        if (passage.Kind == PassageKind.TableRow && RowPolarity(index, question, passage.Text) is { } row)
        {
            yes = row;
            x[PolaritySignals.TableCell] = 1;
        }
        else if (ownQuestion && LeadingYesNo().Match(answer) is { Success: true } explicitWord)
        {
            yes = explicitWord.Groups[1].Value.Equals("yes", StringComparison.OrdinalIgnoreCase);
            x[PolaritySignals.Explicit] = 1;
        }
        else if (Mark(clause) is { } mark)
        {
            yes = mark;
            x[PolaritySignals.Explicit] = 1;
        }
        else if (ComparedAs(index, question.Main, clause) is { } compared)
        {
            // "is ilike slower than lower()?" — "Using lower() is a bit faster than using ilike": the clause compares the
            // same two the other way round with the opposite word, which agrees. Read word by word, "faster" was the
            // opposite of the asked "slower", a trusted No.
            yes = compared;
            x[PolaritySignals.Opposite] = compared ? 0 : 1;
        }
        else if (ComparedOnOneSide(index, question.Main, clause) is { } side)
        {
            // "is the staggered conformation lower in energy than the eclipsed one?" — "the eclipsed conformation has …
            // higher energy": the clause speaks of the other side with the opposite word, which agrees. When it cannot be
            // told which side the clause speaks of, no verdict: read word by word, its opposite word is a No.
            if (side.Yes is not { } sideYes)
            {
                return new Reading(false, x, Settles: false);
            }

            yes = sideYes;
            x[PolaritySignals.Opposite] = sideYes ? 0 : 1;
        }
        else if (NegatesAnOpposite(index, question.Question, clause))
        {
            // "Is EBS unencrypted?" — "by default it is not encrypted"; "is UDP stateless?" — "UDP is not stateful": the
            // clause denies the opposite of an asked word, which says the asked word. Read as a negation with no asked
            // word after it, or as the opposite, it was a No.
            yes = true;
        }
        else if (NeedlessWhatIsDoneWithout(index, question, clause))
        {
            // "that's fine without PRA approval, right?" — "Our intercepts don't require PRA approval so long as they
            // only ask for contact information": the clause says what the question would do without is not needed. Read
            // as a negation of the asked words, it was a trusted No.
            yes = true;
        }
        else
        {
            yes = Polarity(WithoutOthersDenied(index, question, clause), index, question.Content, NegatedInQuestion(index, question));
            if (yes && Lexicon.Restriction().IsMatch(clause) && !RestrictsAlike(index, question.Main, clause)
                && (Lexicon.Quantifier().IsMatch(question.Question) || OnlyOfAnother(index, question, clause)))
            {
                // "Does it work with every plugin?" — "only works on supported ones" restricts, it does not assent;
                // "Does Python have a linked list?" — "only Java provides one" restricts to something not asked.
                yes = false;
                x[PolaritySignals.Restriction] = 1;
            }
            else if (yes && WithoutNamed(index, question, clause) is { } named && named >= WithoutNamedShare)
            {
                // "Can I use mosh without setting anything up on the server side?" — "(requires server-side setup)":
                // the clause says what the question asks to do without.
                yes = false;
                x[PolaritySignals.Opposite] = 1;
            }
            else if (yes && SetsAValueAgainstTheAsked(index, question, clause) is { } another)
            {
                // "if cyclohexane were flat would its bond angles be the ideal 109.5?" — "… the bond angles being 120°,
                // larger than the ideal 109.5°": the clause gives the asked thing another value, set against the asked
                // one. Read as the asked words said, it was a Yes. With no value of its own ("more than 2 GB" for "does
                // it use 2 GB?") it says neither: no verdict.
                if (!another)
                {
                    return new Reading(false, x, Settles: false);
                }

                yes = false;
                x[PolaritySignals.Opposite] = 1;
            }
            else if (yes && (SaysTheOpposite(index, question.Question, clause) || SaysAnotherCount(index, question.Main, clause) || AsksPastItsLimit(index, question.Main, clause)))
            {
                // "Does server-side encryption protect data in transit?" — "protects data at rest"; "with a single
                // statement?" — "you are going to need two statements".
                yes = false;
                x[PolaritySignals.Opposite] = 1;
            }
            else if (yes && ExceptsTheAsked(index, question, clause))
            {
                // "can a process catch SIGKILL?" — "All signals except for SIGKILL and SIGSTOP can be intercepted by the
                // process": what the clause says holds for all but the asked thing. It read Yes.
                yes = false;
                x[PolaritySignals.Opposite] = 1;
            }
            else if (yes && Lexicon.Misbelief().IsMatch(clause))
            {
                // "do I have to write code to contribute?" — "A common misconception about contributing to open source is
                // that you need to contribute code": what the clause calls a misbelief is what it denies. Read without
                // it, the clause said Yes.
                yes = false;
                x[PolaritySignals.Opposite] = 1;
            }
            else if (yes && (PrefersAnotherOverTheAsked(index, question, clause) ? new Advice(Ban: false) : AdvisedAgainst(index, question, clause)) is { } advice)
            {
                // "should machine accounts use PATs?" — "Prefer GitHub Apps over PATs for machine accounts"; "should I use
                // var?" — "Avoid using var for declarations"; "is it ok to mutate function parameters?" — "Mutating
                // function parameters is bad practice": the clause sets the asked thing aside or advises against it. All
                // were said Yes. Asked whether it can be done ("can I use ADD?"), a preference or advice denies nothing (no
                // verdict); a ban does.
                if (!advice.Ban && Lexicon.AsksAPossibility().IsMatch(question.Main))
                {
                    x[PolaritySignals.RuleYes] = 0;
                    return new Reading(false, x, Settles: false);
                }

                yes = false;
                x[PolaritySignals.Opposite] = 1;
            }
            else if (yes && DoesAwayWithTheAsked(index, question, clause))
            {
                // "Is ARP used in IPv6?" — "IPv6 replaces ARP with NDP"; "is NAT needed with IPv6?" — "IPv6 eliminates
                // the need for NAT": the clause names the asked thing as the one done away with. Both were said Yes.
                yes = false;
                x[PolaritySignals.Opposite] = 1;
            }
            else if (yes && question.Negations.Count == 0 && SaysTheOtherState(question, clause))
            {
                // "Is automatic rotation on by default?" — "Automatic rotation is off by default": the clause gives the
                // setting the other state, which no negation word says. Was a Yes reading.
                yes = false;
                x[PolaritySignals.Opposite] = 1;
            }
            else if (yes && question.Negations.Count == 0 && !NonPrefixed().IsMatch(question.Question) && !AnyPreventsInARelative(question.Question) && Negated(AskedConjuncts(index, question, WithoutOthersDenied(index, question, Lexicon.RelativeNegation().Replace(Aside().Replace(clause, " "), " "))), AsksAnOffValue(question)))
            {
                // A negation away from the asked words still mostly denies what a plain question asks ("Exclusions do
                // NOT prevent users from pasting" for "do they stop someone pasting?"; "cookie.secure is set to
                // false"). Read as No, flagged, so the polarity model learns how far this reading holds. Not one in
                // brackets, which explains what the line says: "Security Groups are stateful (Don't need to open
                // inbound and outbound …)" was a trusted No to "Are security groups stateful?". Nor one inside a
                // relative clause, which restricts the subject: "Sites with content that isn't often updated work well
                // with push CDNs" was a trusted No to "would a push CDN work well for us?". Nor one in a predicate
                // joined by "and" that names nothing asked: "It's okay to write a custom toString() method, just make
                // sure it works successfully and causes no side effects". A question that negates a word itself
                // ("can an identity be something non-human?") asks no plain question either.
                yes = false;
                x[PolaritySignals.UnscopedNegation] = 1;
            }
            else if (yes && question.Negations.Count == 0 && NeighbourDenies(index, question, answer, clause, passage.Section))
            {
                // The clause with most of the question's words affirms, and the one beside it denies what it lacks:
                // "useful for system configuration but not available in ls" for "does plain ls have a flag to show
                // permissions in octal?"; "This key is never sent from the device to the cloud" after the sentence
                // that names the SharedAccessKey. Read as No, flagged, so the polarity model learns how far it holds.
                yes = false;
                x[PolaritySignals.NeighbourNegation] = 1;
            }
        }

        x[PolaritySignals.RuleYes] = yes ? 1 : 0;
        return new Reading(yes, x);
    }

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
            var advised = LowerWords(clause[(verb.Index + verb.Length)..]).TakeWhile(w => !Lexicon.SupplanterOpeners.Contains(w)).Take(SupplantedReach);
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
            var after = LowerWords(clause[(preference.Index + preference.Length)..]);
            var (preferred, setAside) = preference.Groups["aside"].Success
                ? (after, LowerWords(preference.Groups["aside"].Value))
                : (preference.Groups["passive"].Success ? LowerWords(clause[..preference.Index]).TakeLast(SupplantedReach) : LowerWords(preference.Groups["x"].Value),
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
            var before = LowerWords(clause[..verb.Index]).ToList();
            var after = LowerWords(clause[(verb.Index + verb.Length)..]).ToList();
            List<string> gone, rest;

            // The passive's subject stands after the last comma before it ("When upgrading to v3, the legacy API was
            // removed": the API is gone, version 3 is when).
            var head = clause[..verb.Index];
            var cut = head.LastIndexOfAny([',', ';']) + 1;
            var subject = LowerWords(head[cut..]).ToList();
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
                rest = [.. LowerWords(head[..cut]), .. after];
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
        if (question.Negations.Count == 0 || LowerWords(clause).Any(w => w == "without" || IsNegation(w)))
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
        var words = LowerWords(clause).ToList();
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

    /// <summary>True when another clause of the passage after the deciding one, or the title of its section, negates a
    /// question concept that the deciding clause does not hold: a negation just before one of the question's words
    /// (<see cref="NegationReach"/>), as <see cref="Polarity"/> reads it, or a clause that ends in its negation. A
    /// concept the deciding clause holds is read there; a clause that denies it elsewhere speaks of another case
    /// ("reads .md files; it does not read .txt files" for "does it read .md files?"). Also a short sentence right
    /// after the deciding clause that denies it whole ("That's not true.").</summary>
    internal static bool NeighbourDenies(KnowledgeIndex index, QuestionAnalysis question, string answer, string clause, string? title = null)
    {
        // Only the clauses after the deciding one: a clause chosen after a denial is the exception it turns to
        // ("doesn't understand YAML frontmatter by default but it can be enabled by a remark plugin").
        var clauses = Clauses(SoftWrap().Replace(answer, " "));
        var chosen = clauses.FindIndex(c => Readable(c.Text) == clause);
        if (chosen >= 0 && chosen + 1 < clauses.Count && LowerWords(clauses[chosen + 1].Text).ToList() is { Count: <= MaxDenialWords } next
            && next.Any(IsNegation) && !next.Any(w => question.Content.Any(c => c.MatchesAny(index.Analyzer.Terms(w)))))
        {
            // A short sentence that denies the one before it: "Some people expect that :latest always points to the
            // most-recently-pushed version of an image. That's not true."
            return true;
        }

        var held = index.Analyzer.Terms(clause);
        var lacked = question.Content.Where(c => !c.IsFrame && !c.MatchesAny(held)).ToList();
        if (lacked.Count == 0)
        {
            return false;
        }

        // A title that denies what its lines are ("What Is NOT An Emergency?" over "Rolling back a CL that is causing
        // build breakages"), unless it opens a condition ("If you do not specify a memory limit").
        if (title is not null && !Lexicon.ConditionOpeners.Contains(LowerWords(title).FirstOrDefault() ?? string.Empty) && DeniesOneOf(title))
        {
            return true;
        }

        if (chosen < 0)
        {
            return false;
        }

        foreach (var other in clauses.Skip(chosen + 1))
        {
            var whole = LowerWords(WithoutNegatedNames(other.Text)).ToList();
            if (whole.Count > 0 && IsNegation(whole[^1]) && whole.Any(w => lacked.Any(c => c.MatchesAny(index.Analyzer.Terms(w)))))
            {
                // A clause that ends in its negation denies the predicate it leaves out of what it names: "(i32, i32)
                // implements Copy, but (i32, String) does not".
                return true;
            }

            // A negation in brackets explains rather than denies (as for the deciding clause's own negations).
            if (DeniesOneOf(Aside().Replace(other.Text, " ")))
            {
                return true;
            }
        }

        return false;

        bool DeniesOneOf(string text)
        {
            var words = LowerWords(WithoutNegatedNames(text)).ToList();
            return DeniedWords(index, question.Content, words)
                .Any(a => index.Analyzer.Terms(words[a]) is var terms && lacked.Any(c => c.MatchesAny(terms))
                    && !question.Content.Where(c => c.MatchesAny(terms)).Any(c => AsksItOfTheUnknown(index, question, c)));
        }
    }

    /// <summary>Words after an asked word in the question among which a word the notes never write is what it asks of.</summary>
    private const int UnknownObjectReach = 2;

    /// <summary>Whether the question asks <paramref name="denied"/> of something the notes never write, right after it
    /// ("does postgres support upserts?": no line of the notes denies support for upserts, so the title "Postgres Does
    /// Not Support Unsigned Integers" denies something else — it was a trusted No). A word the notes lack elsewhere in
    /// the question ("should we leave gradient checking switched on during training?") does not stop a denial of
    /// training.</summary>
    private static bool AsksItOfTheUnknown(KnowledgeIndex index, QuestionAnalysis question, Concept denied)
    {
        var unknown = question.Content.Where(c => c.IsUnknown && !ReferenceEquals(c, denied)).ToList();
        if (unknown.Count == 0)
        {
            return false;
        }

        var words = LowerWords(question.Main).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            if (denied.MatchesAny(index.Analyzer.Terms(words[i]))
                && words.Skip(i + 1).Take(UnknownObjectReach).Any(w => index.Analyzer.Terms(w) is var terms && unknown.Any(c => c.MatchesAny(terms))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For each negation among <paramref name="words"/>, the index of the asked word it denies: the first of the
    /// question's words after it, within <see cref="NegationReach"/> ("not encrypted", "cannot have a container").</summary>
    private static IEnumerable<int> DeniedWords(KnowledgeIndex index, IReadOnlyList<Concept> content, List<string> words)
    {
        var asked = Enumerable.Range(0, words.Count).Where(i => content.Any(c => c.MatchesAny(index.Analyzer.Terms(words[i])))).ToList();
        return Enumerable.Range(0, words.Count).Where(n => IsNegation(words[n]) || (DeniesAsNotDoes(words, n) && !asked.Contains(n)))
            .Select(n => asked.FirstOrDefault(a => a > n && a - Permitted(words, n) <= NegationReach, -1))
            .Where(a => a >= 0);
    }

    /// <summary>Whether the word at <paramref name="n"/> of a note's clause denies what follows it as "not" does: "lacks",
    /// "fails to", "is missing" (<see cref="Lexicon.LackingVerbs"/>). "UDP lacks congestion control" read as a Yes to
    /// "does UDP have congestion control?", "The old client fails to reconnect" as a Yes to "does it reconnect?". When
    /// the question asks with the same verb ("does UDP lack …?") it is an asked word, not a denial.</summary>
    private static bool DeniesAsNotDoes(List<string> words, int n) =>
        Lexicon.LackingVerbs.Contains(words[n])
        || (Lexicon.FailingVerbs.Contains(words[n]) && n + 1 < words.Count && words[n + 1] == "to")
        || (words[n] == Lexicon.MissingWord && n > 0 && words[n - 1] is "is" or "are" or "was" or "were");

    /// <summary>Where a negation's reach starts: at the negation, or past "allow/let/permit … to" right after it, whose
    /// denial falls on what is permitted ("Git doesn't allow you to add code to someone else's repository" denies adding
    /// code; counted from "doesn't", "code" was out of reach, and "… push code … even if I don't have access?" read Yes).</summary>
    private static int Permitted(List<string> words, int negation)
    {
        var verb = negation + 1;
        if (verb >= words.Count || !Lexicon.PermittingVerbs.Contains(words[verb]))
        {
            return negation;
        }

        var to = words.IndexOf("to", verb + 1);
        return to > verb && to - verb <= NegationReach ? to : negation;
    }

    /// <summary>The parts of a clause joined by "and" that hold one of the question's concepts, or the whole clause when
    /// none does.</summary>
    private static string AskedConjuncts(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        var parts = AndJoin().Split(clause);
        if (parts.Length < 2)
        {
            return clause;
        }

        var asked = parts.Where(p => Held(index, question, p) > 0).ToList();
        return asked.Count == 0 ? clause : string.Join(" and ", asked);
    }

    [GeneratedRegex(@",?\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndJoin();

    /// <summary>The clause without a contrast that denies another subject than the question's: "A, not B" says A and
    /// denies B, so when the question's subject is in the part before ", not" and not in the tail, and the tail names
    /// no asked concept the part before lacks, the tail's "not" says nothing of what is asked. "Only in plant cells,
    /// bacteria, and fungi, not in animal cells" was a No to "do fungi have cell walls?". A tail that holds the subject
    /// ("…, not in fungi") or another asked concept ("S3 supports object locking, not versioning" for "does S3 support
    /// versioning?") stays.</summary>
    private static string WithoutOthersDenied(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        if (question.Subject is not { } subject || ContrastTail().Match(clause) is not { Success: true } tail)
        {
            return clause;
        }

        var head = clause[..tail.Index];
        var (headTerms, tailTerms) = (index.Analyzer.Terms(head), index.Analyzer.Terms(clause[tail.Index..]));
        return subject.MatchesAny(headTerms) && !subject.MatchesAny(tailTerms)
            && question.Content.All(c => !c.MatchesAny(tailTerms) || c.MatchesAny(headTerms))
            ? head
            : clause;
    }

    /// <summary>Where a contrast that denies begins: ", not …", "; not …".</summary>
    [GeneratedRegex(@"[,;]\s+not\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastTail();

    /// <summary>The most words a clause has that denies the one before it whole ("That's not true.", "Not by
    /// default."); a longer one says something of its own.</summary>
    private const int MaxDenialWords = 4;

    /// <summary>The share of the question's topic concepts a clause holds (or an opposite of).</summary>
    internal static double HeldShare(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        var content = question.Content;
        if (content.Count == 0)
        {
            return 0;
        }

        var terms = index.Analyzer.Terms(clause);
        var held = 0;
        foreach (var concept in content)
        {
            held += OppositeTerms.Holds(concept, OppositeTerms.Of(index, concept), terms) ? 1 : 0;
        }

        return (double)held / content.Count;
    }

    /// <summary>A clause that opens with a check mark or a cross (checklists: "✅ Do …", "❌ Don't …").</summary>
    private static bool? Mark(string clause)
    {
        var trimmed = clause.TrimStart(' ', '-', '*', '•');
        foreach (var yes in (string[])["✅", "✔", "✓"])
        {
            if (trimmed.StartsWith(yes, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var no in (string[])["❌", "✗", "✘"])
        {
            if (trimmed.StartsWith(no, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return null;
    }

    /// <summary>The clause of a passage that speaks to the question: the one holding most of the question's concepts,
    /// the first on a tie. An explicit yes/no opening keeps the whole passage.</summary>
    private static string MatchingClause(KnowledgeIndex index, QuestionAnalysis question, string text)
    {
        if (LeadingYesNo().IsMatch(text))
        {
            return text;
        }

        // A line broken inside a sentence ("It won't\naffect other sessions.") is one clause: the notes were wrapped at a
        // width, and the break would cut a negation off from what it denies.
        var clauses = Clauses(SoftWrap().Replace(text, " "));
        if (clauses.Count <= 1)
        {
            return text;
        }

        var asked = Words(question.Question);
        var best = 0;
        var bestMatches = -1;
        for (var i = 0; i < clauses.Count; i++)
        {
            // Concepts first; the words as written break ties ("http" asked, "https" and "http" in the clauses).
            var matches = (Held(index, question, clauses[i].Text) * 100) + Words(clauses[i].Text).Count(asked.Contains);
            if (matches > bestMatches)
            {
                best = i;
                bestMatches = matches;
            }
        }

        return ConsequentOf(index, question, clauses, best) ?? ContrastAfter(index, question, clauses, best) ?? clauses[best].Text;
    }

    /// <summary>A clause of a passage and the break before it (<see cref="ClauseBreak"/>: "then", ", but", "However", a
    /// full stop; empty for the first).</summary>
    private readonly record struct Clause(string Text, string Break);

    /// <summary>The clauses of a text, none blank, each with the last break before it.</summary>
    private static List<Clause> Clauses(string text)
    {
        var clauses = new List<Clause>();
        var from = 0;
        var before = string.Empty;
        foreach (Match m in ClauseBreak().Matches(text))
        {
            Add(text[from..m.Index]);
            (from, before) = (m.Index + m.Length, m.Value);
        }

        Add(text[from..]);
        return clauses;

        void Add(string clause)
        {
            if (!string.IsNullOrWhiteSpace(clause))
            {
                clauses.Add(new Clause(clause, before));
            }
        }
    }

    /// <summary>Whether a clause break is this word, with its spaces and commas ("then", ", but", "However").</summary>
    private static bool BreakIs(Clause clause, params string[] words) =>
        words.Contains(clause.Break.Trim(' ', ',').ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>How many of the question's concepts a clause holds.</summary>
    private static int Held(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        var terms = index.Analyzer.Terms(clause);
        return question.Content.Count(c => c.MatchesAny(terms));
    }

    /// <summary>A later clause that a contrast opens ("but", "however", "whereas") and that speaks of the question's
    /// subject with about as many of its concepts as the chosen one: the exception the sentence turns to. "Users of an
    /// immutable reference don't expect the value to suddenly change … However, multiple immutable references are
    /// allowed" was read from its first clause, a No to "is it ok to have several immutable references …?". Null when
    /// there is none.</summary>
    private static string? ContrastAfter(KnowledgeIndex index, QuestionAnalysis question, List<Clause> clauses, int best)
    {
        if (question.Subject is not { } subject)
        {
            return null;
        }

        var least = Math.Max(1, Held(index, question, clauses[best].Text) - 1);
        return clauses.Skip(best + 1).FirstOrDefault(c => BreakIs(c, "but", "however", "whereas")
            && subject.MatchesAny(index.Analyzer.Terms(c.Text)) && Held(index, question, c.Text) >= least).Text;
    }

    /// <summary>The consequent of a condition the clause chooser picked ("If we had given user2 new String values …, and
    /// thus only used the active and sign_in_count values from user1" → "user1 would still be valid after creating
    /// user2"): a statement "if P, then Q" says Q, and reading P read its "only" as a restriction, a No to "… can I still
    /// use user1 afterwards?". Only when the condition opens the clause, "then" follows it, and the consequent holds
    /// one of the question's concepts; else null.</summary>
    private static string? ConsequentOf(KnowledgeIndex index, QuestionAnalysis question, List<Clause> clauses, int best)
    {
        if (best + 1 >= clauses.Count || LowerWords(clauses[best].Text).FirstOrDefault() is not { } first
            || !Lexicon.ConditionOpeners.Contains(first) || !BreakIs(clauses[best + 1], "then"))
        {
            return null;
        }

        var consequent = clauses[best + 1].Text;
        return Held(index, question, consequent) > 0 ? consequent : null;
    }

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

    /// <summary>The main clause of one that opens with a reason or a concession ("Since it does not detect repeated lines
    /// unless they are adjacent, we need to sort them first" → "we need to sort them first"): the opening part gives the
    /// ground, the part after its comma says what holds. Read whole, the reason's "not detect" was a No to "does uniq need
    /// the input sorted first?". So too after a condition that is the question's own (<see cref="SameCondition"/>). The
    /// clause itself when it opens otherwise, or its main part names nothing asked. Only the Yes/No is read from it; the
    /// answer quotes the whole clause.</summary>
    internal static string MainAfterOpening(KnowledgeIndex index, QuestionAnalysis question, string clause)
    {
        var comma = clause.IndexOf(", ", StringComparison.Ordinal);
        if (comma < 0)
        {
            return clause;
        }

        // The opening's words only: a reason or a condition is read from the part before the comma.
        var words = LowerWords(clause[..comma]).ToList();
        if (words.Count == 0
            || !(Lexicon.ReasonOpeners.Contains(words[0]) || (Lexicon.OpensWithCondition(words) && SameCondition(index, question, clause[..comma]))))
        {
            return clause;
        }

        var main = clause[(comma + 2)..];
        return Held(index, question, main) > 0 ? main : clause;
    }

    /// <summary>Whether a clause's opening condition is the one the question sets before what it asks ("if a participant
    /// hasn't signed the agreement before the call, can we get their verbal consent?" — "In the event that a participant
    /// has not signed an agreement ahead of the interview, obtain their verbal consent"): it names at least half of the
    /// concepts of the question's condition. Then what holds under it is read from the clause's main part; read whole,
    /// the condition's "not signed" was a trusted No. A question without a condition of its own matches none.</summary>
    internal static bool SameCondition(KnowledgeIndex index, QuestionAnalysis question, string condition)
    {
        if (question.Main.Length >= question.Question.Length || !question.Question.EndsWith(question.Main, StringComparison.Ordinal))
        {
            return false;
        }

        var asked = index.Analyzer.Terms(question.Question[..^question.Main.Length]);
        var inCondition = question.Content.Where(c => c.MatchesAny(asked)).ToList();
        var said = index.Analyzer.Terms(condition);
        return inCondition.Count > 0 && inCondition.Count(c => c.MatchesAny(said)) * 2 >= inCondition.Count;
    }

    /// <summary>Whether the clause says the opposite of an asked word: one of <see cref="Lexicon.Opposites"/> ("at rest"
    /// for "in transit"), or the asked word with a negative prefix (<see cref="SaysThePrefixedOpposite"/>).</summary>
    private static bool SaysTheOpposite(KnowledgeIndex index, string question, string clause)
    {
        // An opposite the clause negates says the asked word ("by default it is not encrypted" for "is EBS unencrypted
        // by default?", which read No): it is left out.
        var negated = NegatedWords(clause);
        var asked = index.Analyzer.Terms(question);
        var said = index.Analyzer.Terms(negated.Count == 0 ? clause : string.Join(' ', LowerWords(clause).Where(w => !negated.Contains(w))));
        return OppositeTerms.All(index).Any(pair => OneSideAgainstTheOther(pair, asked, said, said))
            || SaysThePrefixedOpposite(index, question, clause, negated);
    }

    /// <summary>Whether the question asks one word of an opposite pair, the clause does not say it in any form, and
    /// <paramref name="against"/> (the clause's terms, or the terms it negates) holds the other.</summary>
    private static bool OneSideAgainstTheOther((HashSet<string> A, HashSet<string> B) pair, HashSet<string> asked, HashSet<string> said, HashSet<string> against) =>
        (asked.IsSupersetOf(pair.A) && !SaysAFormOf(said, pair.A, pair.B) && against.IsSupersetOf(pair.B))
        || (asked.IsSupersetOf(pair.B) && !SaysAFormOf(said, pair.B, pair.A) && against.IsSupersetOf(pair.A));

    /// <summary>A comparison's answer when the question and the clause each set two things side by side with a
    /// comparative and "than" ("is A slower than B?", "B is faster than A"): Yes when they say it the same way (the same
    /// comparative, the same order; or the opposite one, the other order), No when one of the two differs; null when
    /// either compares nothing, the clause holds a negation, or the sides cannot be matched.</summary>
    internal static bool? ComparedAs(KnowledgeIndex index, string question, string clause)
    {
        if (Comparing(question) is not var (askedWord, askedA, askedB, _) || Comparing(clause) is not var (saidWord, saidA, saidB, _)
            || LowerWords(clause).Any(IsNegation))
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
        var order = Order(w => LowerWords(w).Where(x => !NotesAnalyzer.StopWords.Contains(x)).ToHashSet(StringComparer.Ordinal)) ?? Order(index.Analyzer.Terms);
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
            || LowerWords(askedB).FirstOrDefault(w => !Lexicon.Determiners.Contains(w)) is var bound && Lexicon.IsCount(bound))
        {
            // "more than one backend", "longer than six hours": a bound on a count sets no second thing beside the first.
            return null;
        }

        var words = LowerWords(clause).ToList();
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
        var a = LowerWords(first).Where(w => !NotesAnalyzer.StopWords.Contains(w)).ToList();
        var b = LowerWords(second).Where(w => !NotesAnalyzer.StopWords.Contains(w)).ToList();
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

        var askedWords = LowerWords(question.Question).ToList();
        if (Enumerable.Range(0, askedWords.Count).Any(n => SaysTheComparative(word, askedWords, n) is not null))
        {
            return null;
        }

        var value = LowerWords(after).TakeWhile(w => !Lexicon.SupplanterOpeners.Contains(w)).Take(ValueReach).ToList();
        var thing = LowerWords(before).ToList();
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
        var words = LowerWords(text).ToList();
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
        var words = LowerWords(clause).ToList();
        return Enumerable.Range(0, words.Count).Where(n => IsNegation(words[n]))
            .SelectMany(n => words.Skip(n + 1).Take(OppositeNegationReach))
            .ToHashSet(StringComparer.Ordinal);
    }

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

            var counted = CountedAfter(index, LowerWords(asking[(bound.Index + bound.Length)..]).ToList(), -1);
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
        var words = LowerWords(text).ToList();
        return Enumerable.Range(0, words.Count).Where(i => Lexicon.MoreThanOne.Contains(words[i]))
            .Select(i => index.Analyzer.Terms(string.Join(' ', words.Skip(i + 1).Take(CountedReach))))
            .Where(terms => terms.Count > 0)
            .ToList();
    }

    /// <summary>The exact counts a text gives, each with the terms of the words after it (what it counts); with
    /// <paramref name="bounded"/>, also the counts a bound or a range makes inexact ("maximum … 15 minutes").</summary>
    private static List<(int Value, HashSet<string> Counted)> Counts(KnowledgeIndex index, string text, bool bounded = false)
    {
        var words = LowerWords(text).ToList();
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
        foreach (Match word in QuestionAnalyzer.WordPattern().Matches(normalized))
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

    /// <summary>Words after "only" that name what it restricts to ("only Java provides …").</summary>
    private const int OnlyReach = 3;

    /// <summary>Whether the question restricts ("just", "only", "solely", "exclusively") to what the clause's "only"
    /// restricts to: "should everything interactive be usable with just a keyboard?" — "Everything interactive should be
    /// usable with keyboard only" agrees; read as a restriction of the asked "everything", it was a trusted No.</summary>
    internal static bool RestrictsAlike(KnowledgeIndex index, string question, string clause)
    {
        var asked = LowerWords(question).ToList();
        var restricted = Enumerable.Range(0, asked.Count)
            .Where(i => Lexicon.RestrictingWords.Contains(asked[i]))
            .SelectMany(i => asked.Skip(i + 1).Take(OnlyReach))
            .SelectMany(index.Analyzer.Terms)
            .ToHashSet(StringComparer.Ordinal);
        if (restricted.Count == 0)
        {
            return false;
        }

        var said = LowerWords(clause).ToList();
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
        var words = LowerWords(clause).ToList();
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

    /// <summary>Whether the question asks what the pair's question asks: most of its topic words are in the pair's
    /// question, and both ask about the same side (not one about "un-encrypted" and the other about "encrypted").</summary>
    private static bool AsksThePairsQuestion(KnowledgeIndex index, QuestionAnalysis question, string pairQuestion, string? pairAnswer)
    {
        var pairTerms = index.Analyzer.Terms(pairQuestion);
        var named = question.Content.Count(c => c.MatchesAny(pairTerms));
        // A word the notes use elsewhere but the pair never says marks another question; a word of the asker's own
        // that no line of the notes holds is only other wording.
        var said = new HashSet<string>(pairTerms, StringComparer.Ordinal);
        said.UnionWith(index.Analyzer.Terms(pairAnswer ?? string.Empty));
        var otherwise = question.Content.Where(c => !c.IsUnknown && !c.MatchesAny(said)).Sum(c => c.Weight);
        return named * 3 >= question.Content.Count * 2
            && otherwise <= MaxUnsaidPairShare * question.TotalWeight
            && IsNegative(index, question.Question) == IsNegative(index, pairQuestion)
            // "Is security AWS's responsibility only?" asks whether nothing else holds; the pair "AWS Secure?" →
            // "Yes it is highly secure …" never says so, and its Yes was a trusted wrong one.
            && (!Lexicon.Restriction().IsMatch(question.Main) || Lexicon.Restriction().IsMatch(pairQuestion + " " + pairAnswer));
    }

    /// <summary>The most of the question's weight, in words the notes use, that a pair may leave unsaid and still ask
    /// what was asked. "Is KMS used for data at rest?" against the pair "Can I use AWS KMS Key to encrypt data in" →
    /// "no" names KMS and data, two of three concepts, but not "rest" (27 % of the question's weight, a word the notes
    /// use for what KMS is for): the pair's "no" was about something else, and read as the answer it was a confident
    /// wrong No. "Is Amazon Web Services a secure platform?" against "AWS Secure?" → "Yes …" leaves "platform" unsaid,
    /// a word no line of the notes holds, and stays the pair's question.</summary>
    private const double MaxUnsaidPairShare = 0.25;

    /// <summary>A negation word or a negated word ("un-encrypted", "unencrypted", "non-critical").</summary>
    private static bool IsNegative(KnowledgeIndex index, string text)
    {
        foreach (var word in LowerWords(text))
        {
            if (Lexicon.Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal) || word is "un" or "non")
            {
                return true;
            }

            foreach (var prefix in (string[])["un", "non"])
            {
                if (word.Length >= prefix.Length + 4 && word.StartsWith(prefix, StringComparison.Ordinal)
                    && index.Analyzer.Terms(word[prefix.Length..]).Any(index.Vocabulary.Contains))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the question names one column by one word and another column by another, and no column by
    /// both ("is UDP connection-oriented?" under "Connection-Oriented (TCP)" and "Connectionless (UDP)"): it asks
    /// whether one column's thing is what the other column is, which the table says it is not. It read the TCP column's
    /// "Yes — adjusts to receiver capacity" and said Yes. Only for "is X Y?", and not for a comparison ("is TCP faster
    /// than UDP?").</summary>
    private static bool AsksOneColumnAsAnother(KnowledgeIndex index, QuestionAnalysis question, IReadOnlyList<string> headers)
    {
        // Only "is X Y?", which asks what X is: "can a discussion be turned into an issue?" names the Discussions and the
        // Issues columns and is answered by the Discussions cell ("→ Issue").
        if (headers.Count < 2 || LowerWords(question.Main).FirstOrDefault() is not ("is" or "are" or "was" or "were")
            || Lexicon.CompareQuestion().IsMatch(question.Question) || Words(question.Question).Contains("than"))
        {
            return false;
        }

        // The asking clause's words only: a condition names the setting ("if I forward a port on the router, could the
        // firewall still block that traffic?" asks about the firewall's column).
        var analyzed = headers.Select(h => index.Analyzer.Terms(h)).ToList();
        var asking = index.Analyzer.Terms(question.Main);
        var columns = question.Content
            .Where(c => c.MatchesAny(asking))
            .Select(c => Enumerable.Range(0, analyzed.Count).Where(i => c.MatchesAny(analyzed[i])).ToList())
            .Where(named => named.Count > 0)
            .ToList();
        return columns.Count >= 2
            && !Enumerable.Range(0, analyzed.Count).Any(i => columns.All(named => named.Contains(i)))
            && columns.Any(a => a.Count == 1 && columns.Any(b => b.Count == 1 && b[0] != a[0]));
    }

    /// <summary>A yes/no question answered by a table row that compares columns ("Feature | TCP | UDP"): read the
    /// column whose header names the question's subject. A ✅/❌/Yes/No/True/False cell says so; otherwise it says no
    /// when it holds a negation, or when the asked property is in another column's cell and not in its own. Null when
    /// no column header names the subject; No when the question asks one column's thing as another column
    /// (<see cref="AsksOneColumnAsAnother"/>).</summary>
    internal static bool? RowPolarity(KnowledgeIndex index, QuestionAnalysis question, string rowText)
    {
        var cells = rowText.Split(" | ")
            .Select(part => part.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0
                ? (Header: part[..colon], Cell: part[(colon + 2)..])
                : (Header: string.Empty, Cell: part))
            .ToList();
        if (cells.Count < 2)
        {
            return null;
        }

        var content = question.Content;
        var asked = Words(question.Question);
        if (AsksOneColumnAsAnother(index, question, cells.Skip(1).Select(c => c.Header).ToList()))
        {
            return false;
        }

        // The asking clause names the subject; a condition before it names the setting ("if I forward a port on the
        // router, could the firewall still stop that traffic?" asks about the firewall's column, not port forwarding's,
        // which the whole question names more of).
        var askingTerms = index.Analyzer.Terms(question.Main);
        var subject = -1;
        var subjectScore = 0;
        HashSet<string> subjectHeader = [];
        for (var i = 1; i < cells.Count; i++)
        {
            var header = index.Analyzer.Terms(cells[i].Header);
            var named = content.Count(c => c.MatchesAny(header));
            var namedAsking = content.Count(c => c.MatchesAny(header) && c.MatchesAny(askingTerms));
            var score = named == 0 ? 0 : (namedAsking * 10_000) + (named * 100) + Words(cells[i].Header).Count(asked.Contains);
            if (score > subjectScore)
            {
                (subject, subjectScore, subjectHeader) = (i, score, header);
            }
        }

        if (subject < 0)
        {
            return null;
        }

        var cell = cells[subject].Cell.Trim();
        if (Lexicon.YesCells.Contains(cell) || Mark(cell) == true)
        {
            return true;
        }

        if (Lexicon.NoCells.Contains(cell) || Mark(cell) == false)
        {
            return false;
        }

        if (cells.Count < 3)
        {
            return null;
        }

        // "Is UDP connectionless?" read under the header "Connectionless (UDP)": the column is what was asked.
        if (content.All(c => c.MatchesAny(subjectHeader)))
        {
            return true;
        }

        if (!Polarity(cell))
        {
            return false;
        }

        var own = index.Analyzer.Terms(cell);
        var predicate = content.Where(c => c.MatchesAny(askingTerms) && !c.MatchesAny(subjectHeader) && !c.MatchesAny(own)).ToList();
        for (var i = 1; i < cells.Count; i++)
        {
            // Another column that has what was asked says the subject's does not ("UDP: supports broadcast" for "Does
            // TCP support broadcast?"); one that denies it says nothing against the subject ("UDP: No ordering
            // guarantees" beside "TCP: Data arrives in order" for "Does TCP guarantee ordering?").
            if (i != subject && predicate.Any(c => c.MatchesAny(index.Analyzer.Terms(cells[i].Cell))) && Polarity(cells[i].Cell))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the passage affirms: an explicit "yes", or a statement without a negation before one of
    /// the question's words ("without" qualifies rather than denies, so it does not count).</summary>
    internal static bool Polarity(string answer, KnowledgeIndex? index = null, IReadOnlyList<Concept>? content = null, IReadOnlyList<Concept>? negatedInQuestion = null)
    {
        var words = LowerWords(answer).ToList();
        if (words.Count > 0 && words[0] == "yes")
        {
            return true;
        }

        if (words.Count > 0 && words[0] == "no")
        {
            return false;
        }

        if (!words.Any(IsNegation) && !Enumerable.Range(0, words.Count).Any(n => DeniesAsNotDoes(words, n)))
        {
            return true;
        }

        // A negation denies what the question asks when it stands just before one of the question's words ("not
        // encrypted", "cannot have a container"); "Connectionless — no handshake" still affirms "connectionless".
        if (index is null || content is null || !words.Any(w => content.Any(c => c.MatchesAny(index.Analyzer.Terms(w)))))
        {
            return false;
        }

        // A negation applies to the first asked word after it; when the question negates that concept too, the clause
        // agrees with the question ("Encrypts open (no password) networks" for "… a network that has no password?").
        bool Agrees(int a) => negatedInQuestion is { Count: > 0 } && negatedInQuestion.Any(c => c.MatchesAny(index.Analyzer.Terms(words[a])));
        return !DeniedWords(index, content, words).Any(a => !Agrees(a));
    }

    /// <summary>The question's concepts it negates itself, inside what it asks ("a network that has no password",
    /// "when the clusters aren't clearly separated"). A negation that opens the question ("Isn't EBS encrypted by
    /// default?") asks the plain question and is not one of them.</summary>
    internal static IReadOnlyList<Concept> NegatedInQuestion(KnowledgeIndex index, QuestionAnalysis question)
    {
        // A verb that keeps what follows from happening, in a relative clause that describes what is asked for, negates it
        // as "not" would: "is there an mv flag that refuses to overwrite existing files?" agrees with "Do not overwrite
        // existing files at the target", which read No. Not as the question's own verb: "do exclusions prevent pasting?"
        // asks whether they prevent it, and "Exclusions do not stop users from pasting" denies that.
        var negated = ConceptsAfter(index, question, (words, n) => IsNegation(words[n]) || PreventsInARelative(words, n), NegationReach);

        // "non-" negates the word it is joined to ("can an identity be something non-human?"), as "not" would.
        foreach (Match joined in NonPrefixed().Matches(question.Question))
        {
            var terms = index.Analyzer.Terms(joined.Groups[1].Value);
            negated.AddRange(question.Content.Where(c => c.MatchesAny(terms) && !negated.Contains(c)));
        }

        return negated;
    }

    [GeneratedRegex(@"\bnon-(\p{L}+)", RegexOptions.IgnoreCase)]
    private static partial Regex NonPrefixed();

    /// <summary>Whether the word at <paramref name="n"/> is a preventing verb (<see cref="Lexicon.PreventingVerbs"/>) right
    /// after "that", "which" or "who".</summary>
    private static bool PreventsInARelative(IReadOnlyList<string> words, int n) =>
        n > 0 && Lexicon.PreventingVerbs.Contains(words[n]) && words[n - 1] is "that" or "which" or "who";

    /// <summary>Whether a question holds a preventing verb in a relative clause (<see cref="PreventsInARelative(IReadOnlyList{string}, int)"/>).</summary>
    private static bool AnyPreventsInARelative(string question)
    {
        var words = LowerWords(question).ToList();
        return Enumerable.Range(0, words.Count).Any(n => PreventsInARelative(words, n));
    }

    /// <summary>The question's concepts named within <paramref name="reach"/> words after a word that
    /// <paramref name="opens"/> says opens such a phrase (not the question's first word).</summary>
    private static List<Concept> ConceptsAfter(KnowledgeIndex index, QuestionAnalysis question, Func<IReadOnlyList<string>, int, bool> opens, int reach)
    {
        var words = LowerWords(question.Question).ToList();
        var found = new List<Concept>();
        for (var n = 1; n < words.Count; n++)
        {
            if (!opens(words, n))
            {
                continue;
            }

            for (var a = n + 1; a < words.Count && a - n <= reach; a++)
            {
                var terms = index.Analyzer.Terms(words[a]);
                found.AddRange(question.Content.Where(c => c.MatchesAny(terms) && !found.Contains(c)));
            }
        }

        return found;
    }

    /// <summary>Whether a clause holds a negation word or a No value ("false", "none") before any condition it
    /// opens (<see cref="Lexicon.ConditionOpeners"/>); when the question asks for a setting's off value, a clause's
    /// off value ("false") is that value, not a denial (<see cref="Lexicon.OffValues"/>).</summary>
    internal static bool Negated(string clause, bool offValueAsked = false) =>
        LowerWords(clause)
            .TakeWhile(w => !Lexicon.ConditionOpeners.Contains(w))
            .Any(w => IsNegation(w) || (w.Length > MinNoValueLength && Lexicon.NoCells.Contains(w) && !(offValueAsked && Lexicon.OffValues.Contains(w))));

    /// <summary>Whether the question asks for a setting's off value ("are the boolean options off by default?", "is
    /// logging disabled?"). "off" names the state only where no object follows it: "will that kick off another
    /// workflow?" asks whether one starts (its No from a table's "cancel-in-progress: false" turned to a Yes reading
    /// when every "off" counted).</summary>
    internal static bool AsksAnOffValue(QuestionAnalysis question)
    {
        var words = LowerWords(question.Main).ToList();
        return Enumerable.Range(0, words.Count).Any(i => Lexicon.OffValues.Contains(words[i]) && (words[i] != "off" || StateWord(words, i, "off")));
    }

    /// <summary>Whether the question asks for a setting's state, on ("is MFA on by default?", "is versioning enabled?")
    /// or off (<see cref="AsksAnOffValue"/>), and the clause gives it the other one before any condition: "off" or
    /// "disabled" for an asked "on", "on" or "enabled" for an asked "off". "on" and "off" name a state only where no
    /// object follows them (<see cref="StateWord"/>): "runs on Linux", "kick off a workflow" are no states.</summary>
    internal static bool SaysTheOtherState(QuestionAnalysis question, string clause)
    {
        var asked = LowerWords(question.Main).ToList();
        var askedOff = AsksAnOffValue(question);
        var askedOn = Enumerable.Range(0, asked.Count).Any(i => StateWord(asked, i, "on") || asked[i] == "enabled");
        if (askedOff == askedOn)
        {
            return false;
        }

        var said = LowerWords(clause).TakeWhile(w => !Lexicon.ConditionOpeners.Contains(w)).ToList();
        return Enumerable.Range(0, said.Count).Any(i => askedOn
            ? StateWord(said, i, "off") || said[i] == "disabled"
            : StateWord(said, i, "on") || said[i] == "enabled");
    }

    /// <summary>Whether <paramref name="words"/>[<paramref name="i"/>] is <paramref name="state"/> ("on", "off") naming a
    /// state: the last word, or before "by" or a condition ("off by default", "on when …").</summary>
    private static bool StateWord(List<string> words, int i, string state) =>
        words[i] == state && (i == words.Count - 1 || words[i + 1] == "by" || Lexicon.ConditionOpeners.Contains(words[i + 1]));

    /// <summary>A No cell value counts as a negation in running text only when longer than this ("false",
    /// "unsupported"; not the "x" or "n" of a table cell, which are variables in prose: "O(n)").</summary>
    private const int MinNoValueLength = 2;

    private static bool IsNegation(string word) =>
        word != "without" && (Lexicon.Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal));

    internal static HashSet<string> Words(string text) =>
        LowerWords(text).ToHashSet(StringComparer.Ordinal);

    /// <summary>A text's words in order, lower-case, with typographic apostrophes read as plain ones ("don’t").</summary>
    internal static IEnumerable<string> LowerWords(string text) =>
        QuestionAnalyzer.WordPattern().Matches(text.Replace('’', '\'')).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"^\s*(yes|no)\b[\s,.;:!\-–—]*", RegexOptions.IgnoreCase)]
    internal static partial Regex LeadingYesNo();

    /// <summary>The clause with each short quoted name that holds a negation left out: a name says nothing ("fits the
    /// definition of "Not Only SQL", where Cosmos DB's document database relies on SQL to query the data" was a trusted
    /// No to "does Cosmos DB's document database use SQL?"; "Don't Repeat Yourself", "Not Invented Here"). A longer
    /// quote is a statement (a law quoted whole) and stays. Double quotes only: a single one is an apostrophe as often.</summary>
    internal static string WithoutNegatedNames(string clause) =>
        QuotedName().Replace(clause, m => LowerWords(m.Groups[1].Value).ToList() is { Count: > 0 and <= MaxQuotedNameWords } words && words.Any(IsNegation) ? " " : m.Value);

    /// <summary>The most words a quoted name has ("You Aren't Gonna Need It"); a quote of more is a statement.</summary>
    private const int MaxQuotedNameWords = 5;

    [GeneratedRegex(@"[""“]([^""“”\n]{1,60})[""”]")]
    private static partial Regex QuotedName();

    /// <summary>A bracketed aside of a line ("(Don't need to open inbound and outbound …)"), or the end of one a clause
    /// begins inside: the clause break at "ie." in "(ie. other devs aren't expected to pull from it), you can just use
    /// git push --force-with-lease" left the bracket open, and its "aren't" was a trusted No to "can I undo a git push?".</summary>
    [GeneratedRegex(@"\([^()]*\)|^[^()]*\)")]
    private static partial Regex Aside();

    /// <summary>Where one clause ends and the next begins: sentence ends, contrasts ("but", "however"), and "because",
    /// whose reason says nothing of the main predicate ("multiple immutable references are allowed because no one who
    /// is just reading the data can affect anyone else": the "no" is the reason's). A sentence may end inside its quote
    /// or bracket ("… maintain only 150 stable relationships." He put …): the next sentence's "would not feel embarrassed"
    /// was read as a No to "is Dunbar's number 150?". And ", otherwise", whose clause says what goes wrong without the
    /// one before ("ensure the exception contains a property that tells the error type, otherwise … the application won't
    /// be able to do much": its "won't" was a trusted No to "should the exception carry the error type?").</summary>
    [GeneratedRegex(@"[;!?\n]|\.[""”’')\]]*\s|,\s+(?:but|whereas|while|unless|except|otherwise)\b|\s[—–]\s|\bbut\b|\bwhereas\b|\bthen\b|\bhowever\b|\bbecause\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    /// <summary>A line break inside a sentence: after a word or a comma, before a lower-case word.</summary>
    [GeneratedRegex(@"(?<=[\p{L}\p{N},)’'`])[ \t]*\n[ \t]*(?=\p{Ll})")]
    private static partial Regex SoftWrap();
}

/// <summary>The signals of how far a rule-read Yes/No can be trusted, for the fitted polarity model.</summary>
internal static class PolaritySignals
{
    public const int RuleYes = 0;
    public const int Explicit = 1;
    public const int Held = 2;
    public const int Negations = 3;
    public const int QuestionNegated = 4;
    public const int Opposite = 5;
    public const int Restriction = 6;
    public const int PairOwnQuestion = 7;
    public const int TableCell = 8;
    public const int Semantic = 9;
    public const int UnscopedNegation = 10;
    public const int NeighbourNegation = 11;
    public const int HeldAll = 12;

    public static readonly string[] Names =
    [
        "rule_yes",           // the rules read Yes (their No readings fail differently from their Yes ones).
        "explicit",           // an explicit yes/no word, ✅/❌ or a Yes/No/True/False cell decided it.
        "held_share",         // share of the question's concepts in the deciding clause ("by default it is not encrypted" for "encrypted by default").
        "clause_negations",   // negations in the clause: one scoped to the predicate, or several that blur it.
        "question_negated",   // "Isn't X …?", "Can I use it without …?".
        "opposite",           // the clause says the opposite word ("at rest" for "in transit").
        "restriction",        // "only"/part against a question about the whole.
        "pair_own_question",  // a question line in the notes asks what was asked.
        "table_cell",         // read from the subject's column of a table row.
        "semantic",           // cosine of the question and the passage.
        "unscoped_negation",  // No read from a negation away from the asked words ("do NOT prevent users from pasting").
        "neighbour_negation", // No read from another clause that denies an asked word the deciding clause lacks.
        "held_all",           // the clause holds every concept asked: a plain Yes reading is right nine times in ten
                              // then, 0.5–0.75 of the time otherwise, a step the linear held_share weighs as a slope.
    ];
}
