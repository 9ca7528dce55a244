using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Stage 2 for blanks: the key terms of a fact, best first (<see cref="KeyTerms"/>), and whether the line with the key
/// masked still reads as one blank a learner can fill: one whole term (<see cref="BlankStandsAlone"/>), not a member of
/// a list (<see cref="IsListMember"/>), not inside a label or an emphasised name (<see cref="BlankInsideLabel"/>,
/// <see cref="StepLabel"/>, <see cref="CutsEmphasis"/>), in a sentence with a subject (<see cref="HasSubject"/>,
/// <see cref="PronounBeforeBlank"/>), not named by a word of the stem (<see cref="NamedAfterStemWord"/>,
/// <see cref="ShowsSubcommand"/>). In: a candidate fact and its file's sections. Out: keys, and yes or no for a masked
/// line.
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>True when the blank is one word of a longer label the line opens with ("400 _____ status code - Provisioned
    /// ThroughputExceededException error will indicate …"): the label only names what the line is about, its content is
    /// after the separator, so the blank asks a modifier of the heading rather than the fact (outside rating 5, C50). A
    /// label that is the blank alone ("_____ — TCP and UDP, supports authentication") is the term the line defines.</summary>
    internal static bool BlankInsideLabel(string masked) =>
        QuizText.Label(masked) is { } label && label.Contains("_____", StringComparison.Ordinal) && label.Trim() != "_____"
        && QuizText.WordCount(label) <= MaxLabelWords;

    /// <summary>For an item of a numbered list, true when the blank is the whole label the item opens with ("2. **_____:**
    /// Employing the chain rule to calculate the partial derivatives …") and the key is in words the notes write in lower
    /// case (<see cref="InCommonWords"/>: "Gradient Computation"): a numbered list is a sequence of steps, and its labels
    /// name the steps in one of many fair wordings, not terms the lines define (outside rating 16, U25: "Partial
    /// Derivative Terms" as defensible). A bullet's label ("- **Spot Instances**: short workloads, for cheap", rated good
    /// nine times) names one of a kind; a name as the label ("_____ — TCP and UDP, …" for SOCKS5) is the defined term.</summary>
    internal static bool StepLabel(string masked, string key, Func<string, bool> isCommonWord) =>
        QuizText.Label(masked) is { } label && label.Trim() == "_____" && InCommonWords(key, isCommonWord);

    /// <summary>True when the notes' line sets a short name in emphasis ("**Custom organization roles** let you delegate
    /// …") that holds the key and more: the blank would take part of the name, and the rest stays in the stem ("Custom
    /// _____ let you …", outside rating 16, U10: "Custom Enterprise Roles" as true). The emphasis marks where the name
    /// ends; one of at most <see cref="MaxLabelWords"/> words (a bold sentence holds terms, it is no name).</summary>
    internal static bool CutsEmphasis(string rawLine, string key)
    {
        var k = QuizText.Normalize(key);
        return k.Length > 0 && EmphasisRegex().Matches(rawLine).Select(m => m.Groups[1].Value)
            .Any(span => QuizText.WordCount(span) <= MaxLabelWords && QuizText.Normalize(span) is var n && n != k && QuizText.ContainsNormalized(span, key)
                && QuizText.WordCount(span) > QuizText.WordCount(key));
    }

    /// <summary>True when the stem writes the subcommand of a key that is a program and its subcommand ("This is what _____
    /// is for. reflog keeps track …" for `git reflog`; "patch" for `git format-patch`): the program ("git") is every
    /// choice's first word and gives nothing away, the subcommand is the answer.</summary>
    internal static bool ShowsSubcommand(string masked, string key) =>
        key.Split(' ') is [_, var sub] && QuizText.Reveals(masked, sub);

    /// <summary>True when a code name is a word of the stem with a few letters added ("_____ is an interactive and more
    /// user-friendly alternative to top" for htop, "iotop" beside it): commands are named after what they do, and the
    /// stem's word names the key for a learner who knows nothing of the subject. Only for code names: "HTTPS … than
    /// HTTP" names two protocols of one family, a fair pair.</summary>
    internal static bool NamedAfterStemWord(string masked, string key) =>
        key.All(char.IsLetter) && QuizText.Words(masked).Any(w => w.Length >= 3 && w.Length < key.Length && w.All(char.IsLetter)
            && !QuizLexicon.StopWords.Contains(w)
            && (key.EndsWith(w, StringComparison.OrdinalIgnoreCase) || key.StartsWith(w, StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"(?:\*\*|__)([^*_]+?)(?:\*\*|__)")]
    private static partial Regex EmphasisRegex();

    /// <summary>The most words a line's opening label has (the blank aside) to be a name rather than a clause: "400 _____
    /// status code" has three; "Operates at a lower level than _____ proxies — forwards any TCP …" (seven) is a sentence
    /// whose dash joins a second one, rated good.</summary>
    private const int MaxLabelWords = 4;

    /// <summary>A blank inside a list ("OSPF, BGP, _____") or an example ("AWS services such as _____", "for example
    /// _____ -var=…"): another member of the same family fits it as well.</summary>
    internal static bool IsListMember(string masked)
    {
        var at = masked.IndexOf("_____", StringComparison.Ordinal);
        var before = masked[..at].TrimEnd();
        var after = masked[(at + 5)..].TrimStart();
        var opening = before.TrimEnd(',', ':').TrimEnd();
        return before.EndsWith(',') || before.EndsWith('/') || after.StartsWith(',') || after.StartsWith('/')
            || QuizLexicon.ExampleMarkers.Any(m => opening.EndsWith(m, StringComparison.OrdinalIgnoreCase)
                && (opening.Length == m.Length || !char.IsLetter(opening[^(m.Length + 1)])))
            || after.StartsWith("or ", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" or", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("and ", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" and", StringComparison.OrdinalIgnoreCase)
            || ComparedInList(before, after);
    }

    /// <summary>True when the blank is a member of a list joined by "vs" ("SAML SSO vs _____ vs Team Sync — understand the
    /// distinctions", outside rating 16): the notes list such terms as one family (<see cref="QuizCorpus.Listed"/> reads
    /// "vs" as it reads "and"), and the line names the things compared, not what tells them apart.</summary>
    private static bool ComparedInList(string before, string after)
    {
        static bool Joins(string? word) => word?.TrimEnd('.').ToLowerInvariant() is "vs" or "versus";
        return Joins(before.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
            || Joins(after.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
    }

    /// <summary>False when the blank is not one whole term of the sentence: glued to other characters ("$_____",
    /// "Fn::_____", "_____.1"), spelled out beside it ("Terraform Cloud (_____)", "_____ (Service Set Identifier)"), or
    /// one word of a longer name ("PCI _____", "Amazon _____", "_____ Read Replicas").</summary>
    internal static bool BlankStandsAlone(string masked)
    {
        var at = masked.IndexOf("_____", StringComparison.Ordinal);
        var end = at + 5;
        if (at > 0 && !char.IsWhiteSpace(masked[at - 1]) && masked[at - 1] is not ('"' or '“' or '‘' or '\''))
        {
            return false;
        }

        if (end < masked.Length && !char.IsWhiteSpace(masked[end]))
        {
            var possessive = masked[end..].StartsWith("'s", StringComparison.Ordinal) || masked[end..].StartsWith("’s", StringComparison.Ordinal);
            var punctuation = masked[end] is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '”' or '’' or '\''
                && (end + 1 == masked.Length || char.IsWhiteSpace(masked[end + 1]) || masked[end + 1] is '"' or '”' or ')');
            if (!possessive && !punctuation)
            {
                return false;
            }
        }

        var after = masked[end..].TrimStart();
        if (after.StartsWith('(') && QuizText.Words(after[..Math.Max(1, after.IndexOf(')', StringComparison.Ordinal))]).Count >= 2)
        {
            return false;
        }

        var before = QuizText.Words(masked[..at]);
        var next = QuizText.Words(after);
        var head = masked[..at];
        var glued = before.Count >= 1 && head.EndsWith(before[^1] + " ", StringComparison.Ordinal);
        var previousIsName = glued && before.Count == 1 && QuizText.IsAcronym(before[^1]);
        previousIsName |= glued && before.Count >= 2 && char.IsUpper(before[^1][0]) && !QuizLexicon.DanglingEnds.Contains(before[^1])
            && head[..^(before[^1].Length + 1)].TrimEnd() is var earlier && earlier.Length > 0 && earlier[^1] is not ('.' or ':' or '!' or '?' or '—' or '-' or '(');
        var nextIsName = next.Count > 0 && after.StartsWith(next[0], StringComparison.Ordinal) && char.IsUpper(next[0][0]);
        return !previousIsName && !nextIsName;
    }

    /// <summary>False for a line that starts with its predicate ("Uses multicast …", "Only available for …", "Used to
    /// capture …", "Offers more bandwidth …") or a pronoun ("It can be detached …"): the subject is the section it sits
    /// in. A first word in -s is a verb when the lexicon knows it or a determiner follows it (outside ratings 6 and 7:
    /// "Offers more bandwidth … over using _____" never said it was Direct Connect).</summary>
    internal static bool HasSubject(string text)
    {
        var first = QuizText.FirstWord(text).ToLowerInvariant();
        var words = QuizText.Words(text);
        var thirdPerson = first.EndsWith('s') && !first.EndsWith("ss", StringComparison.Ordinal);
        var verb = (QuizLexicon.Verbs.Contains(first) && (QuizLexicon.Auxiliaries.Contains(first) || thirdPerson))
            || (thirdPerson && words.Count > 1 && QuizLexicon.Determiners.Contains(words[1]));
        return !verb && !QuizLexicon.PredicateStarts.Contains(first) && !QuizLexicon.PronounStarts.Contains(first)
            && !(first.Length >= 4 && first.EndsWith("ed", StringComparison.Ordinal));
    }

    /// <summary>True when the clause that holds the blank opens with "it" or "they": "Passwords, sensitive values… they can
    /// be encrypted using _____" stands for something the line only lists, and without its heading as a label the
    /// learner is not told what (outside ratings 7 to 10: Lambda's environment variables never named).</summary>
    internal static bool PronounBeforeBlank(string masked)
    {
        var before = masked[..masked.IndexOf("_____", StringComparison.Ordinal)];
        var start = before.LastIndexOfAny(['.', '…']) + 1; // a sentence or a list that trails off, not a clause after ';' or ':'
        return QuizLexicon.SubjectPronouns.Contains(QuizText.FirstWord(before[start..].TrimStart()));
    }

    private static int CountBlanks(string masked) => masked.Split("_____").Length - 1;

    /// <summary>Key terms of a fact, best first: acronyms and names of the line, and short section titles of the same
    /// corpus found in it; never shouted English or generic words; the rarer in the notes, the better the question.</summary>
    private static IEnumerable<string> KeyTerms(Passage p, string text, List<DefiningSection> sections, QuizCorpus corpus)
    {
        // One-word titles are left to the term finder: "Scale" is a heading and a verb.
        var titles = sections.Where(s => s.Definition.File == p.File && QuizText.WordCount(s.Title) is 2 or 3 && !s.Title.Contains('(', StringComparison.Ordinal))
            .Select(s => s.Title)
            .Where(t => QuizText.Mask(text, t) != text);
        // A term the line itself introduces in emphasis ("*Ownership* is a set of rules that govern how a Rust program
        // manages memory") is what the line defines, however often the notes use it afterwards: the blank asks which
        // term the definition is of.
        var introducedHere = corpus.Introduced.IntroducedIn(text, p.Emphasis).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return corpus.TermsOf(text, p)
            .Where(t => !corpus.IsShouted(t) && !QuizLexicon.GenericHeadingWords.Contains(t) && !QuizLexicon.WeakKeys.Contains(t)
                && t.Any(char.IsLetter) && (corpus.Df(t) >= 2 || corpus.Introduced.IsCode(t)))
            .Concat(titles)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(t => (introducedHere.Contains(t) || corpus.Df(t) <= Math.Max(5, corpus.Count * 0.02)) && !corpus.IsVariantOfCommoner(t) && !corpus.IsFileTopic(t, p.File))
            .OrderBy(t => introducedHere.Contains(t) ? 0 : 1)
            .ThenBy(t => corpus.Df(t) >= 2 ? 0 : 1)
            .ThenBy(t => corpus.Df(t))
            .ThenByDescending(t => t.Length)
            .ThenBy(t => t, StringComparer.Ordinal)
            .Take(3);
    }
}
