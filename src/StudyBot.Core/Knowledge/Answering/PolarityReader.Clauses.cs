using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// Which clause decides: the clause of a passage that holds most of the question's concepts
/// (<see cref="MatchingClause"/>; the passage cut at <see cref="ClauseBreak"/> once lines broken inside a sentence are
/// joined, <see cref="SoftWrap"/>), or the consequent of a condition it opens (<see cref="ConsequentOf"/>) or the
/// contrast after it that speaks of the subject (<see cref="ContrastAfter"/>); the main part of a clause that opens
/// with a reason or the question's own condition (<see cref="MainAfterOpening"/>, <see cref="SameCondition"/>); the
/// sentence a clause stands in (<see cref="SentenceOf"/>); and how much of the question a clause holds
/// (<see cref="Held"/>, <see cref="HeldShare"/>). In: a passage's text and the question. Out: the clause the rules
/// read.
/// </summary>
internal static partial class PolarityReader
{
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

    /// <summary>The clause of a passage that speaks to the question: the one holding most of the question's concepts,
    /// the first on a tie. An explicit yes/no opening keeps the whole passage.</summary>
    private static string MatchingClause(KnowledgeIndex index, QuestionAnalysis question, string text)
    {
        if (Lexicon.LeadingYesNo().IsMatch(text))
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
        if (best + 1 >= clauses.Count || Lexicon.LowerWords(clauses[best].Text).FirstOrDefault() is not { } first
            || !Lexicon.ConditionOpeners.Contains(first) || !BreakIs(clauses[best + 1], "then"))
        {
            return null;
        }

        var consequent = clauses[best + 1].Text;
        return Held(index, question, consequent) > 0 ? consequent : null;
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
        var words = Lexicon.LowerWords(clause[..comma]).ToList();
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
