using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Yes/no questions from the notes' own numbered rules, for notes written as a rule book (a style guide) that name few
/// terms and give the other writers little: "Never mutate parameters." → "According to the notes, should you mutate
/// parameters?" (No); "Use named function expressions instead of function declarations." → "According to the notes,
/// should you use function declarations instead of named function expressions?" (No, the two sides swapped); "Always put
/// default parameters last." (Yes). A file asks no more Yes than No, so a learner cannot do well by always saying Yes.
/// Written for the reserve alone, like a table's questions.
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>The fewest and most words of the advice after its opening word: fewer say too little ("Never do it"),
    /// more are a paragraph.</summary>
    private const int MinAdviceWords = 3;

    private const int MaxAdviceWords = 18;

    /// <summary>The most words a side of "X instead of Y" may have to be swapped with the other.</summary>
    private const int MaxSwapSideWords = 6;

    /// <summary>The advice openers: what follows is to be done (true) or not (false).</summary>
    private static readonly (string Opener, bool Do)[] AdviceOpeners =
        [("never ", false), ("do not ", false), ("don't ", false), ("don’t ", false), ("always ", true), ("use ", true), ("prefer ", true)];

    /// <summary>Words after which a side of "X instead of Y" says what it is for, not what it is.</summary>
    private static readonly HashSet<string> SideEnds = new(StringComparer.OrdinalIgnoreCase) { "to", "for", "in", "on", "with", "when", "if", "unless", "because" };

    /// <summary>Words that point back to the line before: the advice does not stand alone.</summary>
    private static readonly HashSet<string> BackReferences = new(StringComparer.OrdinalIgnoreCase) { "it", "this", "that", "these", "those", "them", "they", "its" };

    /// <summary>First words that make no advice of "should you …?": "Don't need to know …" is a remark.</summary>
    private static readonly HashSet<string> NoAdviceVerbs = new(StringComparer.OrdinalIgnoreCase) { "need", "have", "be", "worry" };

    [GeneratedRegex(@"^\d+(?:\.\d+)+\.?\s+")]
    private static partial Regex RuleNumber();

    [GeneratedRegex(@"\s+(instead of|rather than|over)\s+")]
    private static partial Regex SwapWords();

    /// <summary>A capitalised word between two words of running text ("the wheel Leverage existing"): not a name joined
    /// to code ("Array#push", "Number.isFinite") or to another name ("IAM Roles").</summary>
    [GeneratedRegex(@"\b[a-z][a-z'-]*\s+([A-Z][a-z]+)\s+[a-z]")]
    private static partial Regex RunOnSentence();



    private static IEnumerable<Candidate> FromGuidelines(List<Passage> filePassages, QuizCorpus corpus, KindSimilarity kinds, QuizTrace? trace = null)
    {
        var written = new List<Candidate>();
        foreach (var p in filePassages.Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph))
        {
            if (Advice(QuizText.OneLine(p.Text)) is not { } advice
                // A capitalised common word inside the advice opens a second sentence the notes ran on without a stop:
                // "Don't re-invent the wheel Leverage existing templates on the web".
                || RunOnSentence().Matches(advice.Question).Any(m => corpus.IsLowerCaseWord(m.Groups[1].Value.ToLowerInvariant())))
            {
                continue;
            }

            var shown = $"According to the notes, should you {advice.Question}?";
            var citation = new Citation(p.File, p.Section, p.LineStart, p.LineStart, advice.Sentence);
            var q = new QuizQuestion(
                QuizQuestion.MakeId(p.File, p.LineStart.ToString(), "advice", nameof(QuizQuestionKind.YesNo)),
                QuizQuestionKind.YesNo, shown, ["Yes", "No"], advice.Yes ? 0 : 1, advice.Sentence, citation, QuizText.FirstWord(advice.Sentence));
            var c = new Candidate(q, advice.Question, string.Empty, 1, ReserveOnly: true);
            var reason = Check(c, corpus, kinds);
            trace?.Note("advice", reason ?? "written for the reserve", shown);
            if (reason is null)
            {
                written.Add(c);
            }
        }

        // No more Yes than No in a file, the first in the file's order kept.
        var no = written.Count(c => c.Question.AnswerIndex == 1);
        var yes = 0;
        return written.Where(c => c.Question.AnswerIndex == 1 || yes++ < no).ToList();
    }

    /// <summary>The advice a line opens with, as the question asks it: its first sentence (up to a full stop or a
    /// semicolon), a rule number left out, opening with an advice opener; the sides of "X instead of Y" swapped (then the
    /// answer is No). Null when the line gives no such advice, or its words are code, a list or a fragment.</summary>
    internal static (string Question, bool Yes, string Sentence)? Advice(string line)
    {
        // Only a numbered rule ("2.1 Use const …", "7.12 Never mutate parameters"): the advice of a rule book. Outside
        // rating 46 found such rules good 17 times of 24, and the warnings of tutorials and study notes ("Do not run
        // destructive tests on important disks", "Don't need to know the calculation") good 3 times of 36: common sense
        // answers them, or they drop the condition the notes attach.
        var trimmed = line.Trim();
        if (RuleNumber().Match(trimmed) is not { Success: true } number)
        {
            return null;
        }

        var text = trimmed[number.Length..];
        var end = text.IndexOfAny(['.', ';', '!', '?', ':']);
        // A full stop inside a name ("Object.assign", "Array.from") is no sentence's end.
        while (end > 0 && end + 1 < text.Length && text[end] == '.' && !char.IsWhiteSpace(text[end + 1]))
        {
            end = text.IndexOfAny(['.', ';', '!', '?', ':'], end + 1);
        }

        var sentence = (end < 0 ? text : text[..end]).Trim();
        if ((end >= 0 && text[end] is '?' or ':') || sentence.Contains(" — ", StringComparison.Ordinal) || sentence.Contains(" - ", StringComparison.Ordinal)
            || IsAboutTheCourse(sentence))
        {
            return null;
        }

        foreach (var (opener, @do) in AdviceOpeners)
        {
            if (!sentence.StartsWith(opener, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = sentence[opener.Length..].Trim();
            var words = QuizText.Words(rest);
            if (words.Count is < MinAdviceWords or > MaxAdviceWords || !char.IsLetterOrDigit(rest[^1]) || rest.Contains(',', StringComparison.Ordinal)
                || rest.Count(c => c == '(') != rest.Count(c => c == ')')
                // "Do not do this unless …", "do not put it into ENV": what "this" or "it" is stands in the line before.
                || words.Any(w => BackReferences.Contains(w)) || NoAdviceVerbs.Contains(words[0]))
            {
                return null;
            }

            // "Use X" asks "use X"; "Always put X" asks "always put X"; "Never mutate X" asks "mutate X".
            var asked = @do ? char.ToLowerInvariant(sentence[0]) + sentence[1..] : rest;
            if (@do && Swapped(asked) is { } swapped)
            {
                return (swapped, false, sentence);
            }

            return (asked, @do, sentence);
        }

        return null;
    }

    /// <summary>"use X instead of Y" as "use Y instead of X", when both sides are short phrases of words.</summary>
    private static string? Swapped(string advice)
    {
        var match = SwapWords().Match(advice);
        if (!match.Success)
        {
            return null;
        }

        var head = advice[..match.Index];
        // "always use X over Y": the verb is "always use".
        var verbEnd = head.IndexOf(' ', head.StartsWith("always ", StringComparison.Ordinal) ? "always ".Length : 0);
        if (verbEnd < 0)
        {
            return null;
        }

        var verb = head[..verbEnd];
        var x = head[(verbEnd + 1)..].Trim();
        var y = advice[(match.Index + match.Length)..].Trim();
        var xWords = QuizText.WordCount(x);
        var yWords = QuizText.WordCount(y);
        // A side that goes on with what it is for ("Object.assign to shallow-copy objects") cannot change places whole.
        if (xWords is 0 or > MaxSwapSideWords || yWords is 0 or > MaxSwapSideWords || SwapWords().IsMatch(y)
            || y.Split(' ').Any(w => QuizLexicon.ClauseOpeners.Contains(w) || SideEnds.Contains(w)))
        {
            return null;
        }

        // "prefer X over Y" and "use X instead of Y": the verb stays, the sides change places.
        return $"{verb} {y} {match.Groups[1].Value} {x}";
    }
}
