using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// The polarity stage of a yes/no question: the clause of a passage that carries the question's predicate, what the
/// rules read from it (Yes or No, with the <see cref="PolaritySignals"/> of how sure that is), and whether the fitted
/// polarity model trusts that reading enough to say it. <see cref="AnswerWriter"/> writes the verdict it gives.
/// </summary>
/// <remarks>
/// One file per concern, each a part of this class. This file holds the entry points (<see cref="Statement"/>,
/// <see cref="ReadingOf"/>, <see cref="Verdict"/>, <see cref="Decide"/>), the reading (<see cref="Read"/>, and the
/// rules in their order in <see cref="ReadRules"/>), the word helpers every part uses and the
/// <see cref="PolaritySignals"/>. <c>PolarityReader.Clauses.cs</c>: which clause decides.
/// <c>PolarityReader.Explicit.cs</c>: Q&amp;A pairs, table rows and ✅/❌ marks. <c>PolarityReader.Negation.cs</c>:
/// negation and its scope. <c>PolarityReader.Opposites.cs</c>: opposite words, prefixes and states.
/// <c>PolarityReader.Comparisons.cs</c>: comparisons and counts. <c>PolarityReader.SetAside.cs</c>: a clause that sets
/// the asked thing aside.
/// </remarks>
internal static partial class PolarityReader
{
    /// <summary>The passage's answer text, the clause that speaks to the question, and whether a pair in the notes
    /// asks what was asked (its "No" answers its own question; asked something else, read the statement after it).</summary>
    internal static (string Answer, string Clause, bool OwnQuestion) Statement(KnowledgeIndex index, QuestionAnalysis question, Passage passage)
    {
        var answer = passage.Kind == PassageKind.QuestionAnswer ? passage.AnswerText ?? passage.Text : passage.Text;
        var ownQuestion = passage.Question is null || AsksThePairsQuestion(index, question, passage.Question, passage.AnswerText);
        var stated = ownQuestion ? answer : Lexicon.LeadingYesNo().Replace(answer, string.Empty);
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
        return Decide(reading, variant, ReaderYes(index, question, passage));
    }

    /// <summary>The rules' reading when the polarity model trusts it enough (or there is no model). A Yes reading it
    /// withholds is still said when the yes/no reader (<see cref="Semantic.YesNoReader"/>, asked only then) gives the
    /// passage's Yes at least the variant's <see cref="AnswerModel.Variant.ReaderYesThreshold"/>: the trust model's
    /// signals cannot tell a right Yes reading from a wrong one (the wrong ones are inferences: "exclusive to Amazon"
    /// for "available outside Amazon?"), the reader, fitted on inference data, orders them better (AUC 0.68 against
    /// 0.42–0.58). A No reading is not asked about: the reader leans to Yes and puts few
    /// readings near zero (11 of the 139 No readings of the labelled corpora at 0.2 or less, seventieth session).
    /// Otherwise none.</summary>
    internal static bool? Decide(Reading reading, AnswerModel.Variant? variant, Func<double>? readerYes = null)
    {
        if (!reading.Settles)
        {
            return null;
        }

        if (variant?.Trust(reading.Yes, reading.Signals) is not { } trust || trust.P >= trust.Threshold)
        {
            return reading.Yes;
        }

        return reading.Yes && variant.ReaderYesThreshold is { } least && readerYes is not null && readerYes() >= least ? true : null;
    }

    /// <summary>The yes/no reader's P(yes) of the passage for the question, computed when first called (a model pass)
    /// and kept (`explain` prints the value <see cref="Decide"/> used); null while the reader is not loaded (the
    /// lexical path, a test's embedder).</summary>
    internal static Func<double>? ReaderYes(KnowledgeIndex index, QuestionAnalysis question, Passage passage)
    {
        if (index.Semantic?.Reader is not { } reader)
        {
            return null;
        }

        var p = new Lazy<double>(() => reader.Yes(question.Question, Semantic.YesNoReader.TextOf(passage)));
        return () => p.Value;
    }

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
        if (!ownQuestion && passage.Question is not null && Lexicon.LeadingYesNo().Replace(answer, string.Empty).Trim().Length == 0)
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
        else if (ownQuestion && Lexicon.LeadingYesNo().Match(answer) is { Success: true } explicitWord)
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

    internal static HashSet<string> Words(string text) =>
        Lexicon.LowerWords(text).ToHashSet(StringComparer.Ordinal);

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
