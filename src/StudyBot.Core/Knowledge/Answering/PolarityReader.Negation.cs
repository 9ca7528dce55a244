using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// Negation and its scope: whether a clause affirms (<see cref="Polarity"/>): a negation denies the first asked word
/// after it, within <see cref="NegationReach"/> (<see cref="DeniedWords"/>), counted past "allow … to" when that
/// follows it (<see cref="Permitted"/>), and "lacks" or "fails to" deny as "not" does (<see cref="DeniesAsNotDoes"/>);
/// what the question negates itself (<see cref="NegatedInQuestion"/>); negations that deny nothing asked: in a short
/// quoted name (<see cref="WithoutNegatedNames"/>), in a bracketed aside (<see cref="Aside"/>), in a contrast that
/// denies another subject (<see cref="WithoutOthersDenied"/>), in a conjunct that names nothing asked
/// (<see cref="AskedConjuncts"/>); a negation anywhere before a condition (<see cref="Negated"/>); and a later clause,
/// or the section title, that denies what the deciding clause lacks (<see cref="NeighbourDenies"/>). In: a clause and
/// the question's concepts. Out: Yes or No, or the clause without what denies nothing asked.
/// </summary>
internal static partial class PolarityReader
{
    /// <summary>A negation applies to a question word at most this many words after it.</summary>
    private const int NegationReach = 4;

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
        if (chosen >= 0 && chosen + 1 < clauses.Count && Lexicon.LowerWords(clauses[chosen + 1].Text).ToList() is { Count: <= MaxDenialWords } next
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
        if (title is not null && !Lexicon.ConditionOpeners.Contains(Lexicon.LowerWords(title).FirstOrDefault() ?? string.Empty) && DeniesOneOf(title))
        {
            return true;
        }

        if (chosen < 0)
        {
            return false;
        }

        foreach (var other in clauses.Skip(chosen + 1))
        {
            var whole = Lexicon.LowerWords(WithoutNegatedNames(other.Text)).ToList();
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
            var words = Lexicon.LowerWords(WithoutNegatedNames(text)).ToList();
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

        var words = Lexicon.LowerWords(question.Main).ToList();
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

    /// <summary>True when the passage affirms: an explicit "yes", or a statement without a negation before one of
    /// the question's words ("without" qualifies rather than denies, so it does not count).</summary>
    internal static bool Polarity(string answer, KnowledgeIndex? index = null, IReadOnlyList<Concept>? content = null, IReadOnlyList<Concept>? negatedInQuestion = null)
    {
        var words = Lexicon.LowerWords(answer).ToList();
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
        var words = Lexicon.LowerWords(question).ToList();
        return Enumerable.Range(0, words.Count).Any(n => PreventsInARelative(words, n));
    }

    /// <summary>The question's concepts named within <paramref name="reach"/> words after a word that
    /// <paramref name="opens"/> says opens such a phrase (not the question's first word).</summary>
    private static List<Concept> ConceptsAfter(KnowledgeIndex index, QuestionAnalysis question, Func<IReadOnlyList<string>, int, bool> opens, int reach)
    {
        var words = Lexicon.LowerWords(question.Question).ToList();
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
        Lexicon.LowerWords(clause)
            .TakeWhile(w => !Lexicon.ConditionOpeners.Contains(w))
            .Any(w => IsNegation(w) || (w.Length > MinNoValueLength && Lexicon.NoCells.Contains(w) && !(offValueAsked && Lexicon.OffValues.Contains(w))));

    /// <summary>A No cell value counts as a negation in running text only when longer than this ("false",
    /// "unsupported"; not the "x" or "n" of a table cell, which are variables in prose: "O(n)").</summary>
    private const int MinNoValueLength = 2;

    private static bool IsNegation(string word) =>
        word != "without" && (Lexicon.Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal));

    /// <summary>The clause with each short quoted name that holds a negation left out: a name says nothing ("fits the
    /// definition of "Not Only SQL", where Cosmos DB's document database relies on SQL to query the data" was a trusted
    /// No to "does Cosmos DB's document database use SQL?"; "Don't Repeat Yourself", "Not Invented Here"). A longer
    /// quote is a statement (a law quoted whole) and stays. Double quotes only: a single one is an apostrophe as often.</summary>
    internal static string WithoutNegatedNames(string clause) =>
        QuotedName().Replace(clause, m => Lexicon.LowerWords(m.Groups[1].Value).ToList() is { Count: > 0 and <= MaxQuotedNameWords } words && words.Any(IsNegation) ? " " : m.Value);

    /// <summary>The most words a quoted name has ("You Aren't Gonna Need It"); a quote of more is a statement.</summary>
    private const int MaxQuotedNameWords = 5;

    [GeneratedRegex(@"[""“]([^""“”\n]{1,60})[""”]")]
    private static partial Regex QuotedName();

    /// <summary>A bracketed aside of a line ("(Don't need to open inbound and outbound …)"), or the end of one a clause
    /// begins inside: the clause break at "ie." in "(ie. other devs aren't expected to pull from it), you can just use
    /// git push --force-with-lease" left the bracket open, and its "aren't" was a trusted No to "can I undo a git push?".</summary>
    [GeneratedRegex(@"\([^()]*\)|^[^()]*\)")]
    private static partial Regex Aside();
}
