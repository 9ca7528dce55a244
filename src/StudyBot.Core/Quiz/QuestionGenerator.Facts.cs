using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Stage 1, which files and lines are worth asking about. In: a file's passages and its lines. Out: the passages that
/// stand without the page around them (<see cref="OutOfContext"/>: no part of the page, no exercise list), and the
/// tests a line must pass to be a fact (<see cref="IsStatement"/>, <see cref="IsAboutTheCourse"/>,
/// <see cref="IsMarkupOrReference"/>; the facts are picked in <see cref="CandidateFacts"/>) or to be a question the notes
/// ask (<see cref="IsAskable"/>). Files that describe the notes are not read (<see cref="IsContentFile"/>).
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>READMEs, indexes, licences and source lists describe the notes; nothing in them is worth a question.</summary>
    internal static bool IsContentFile(string file) => !QuizLexicon.NonContentFiles.Contains(PageName(file));

    /// <summary>A file's name without its folders and extension ("README" for "practice/tcpdump/README.md").</summary>
    private static string PageName(string file) => Path.GetFileNameWithoutExtension(file.Replace('\\', '/').Split('/')[^1]);

    /// <summary>The passages of the files worth asking about (<see cref="IsContentFile"/>); for notes kept as READMEs
    /// and indexes alone, with no page beside them (a folder per topic, each with its README.md: the System Design
    /// Primer's nine), those are the notes, and theirs.</summary>
    internal static List<Passage> ContentPassages(IReadOnlyList<Passage> passages)
    {
        var content = passages.Where(p => IsContentFile(p.File)).ToList();
        return content.Count > 0 ? content : passages.Where(p => IsNotesPage(p.File)).ToList();
    }

    /// <summary>A README or an index page: a folder's own page, which holds the notes where there is no other.</summary>
    private static bool IsNotesPage(string file) =>
        PageName(file) is var name && (name.Equals("readme", StringComparison.OrdinalIgnoreCase) || name.Equals("index", StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a line whose subject is the exam or the course, not the subject matter ("The exam expects you to
    /// understand how to read CloudFormation"): a remark to the learner, not a fact to ask (outside ratings 5, 6, 8
    /// and 10).</summary>
    internal static bool IsAboutTheCourse(string text)
    {
        var words = QuizText.Words(text);
        var at = words.Count > 1 && QuizLexicon.Determiners.Contains(words[0]) ? 1 : 0;

        // One name may stand before it ("The GH-500 exam is for Developers …", outside rating 16, U17: the exam's audience).
        return (words.Count > at && QuizLexicon.CourseSubjects.Contains(words[at]))
            || (words.Count > at + 1 && QuizText.Terms(words[at]).Any() && QuizLexicon.CourseSubjects.Contains(words[at + 1]));
    }

    /// <summary>True when a passage runs over a nested list: its bullets were joined into one line that no one wrote
    /// ("Lambda Function Invoke Lambda function Easy way to …").</summary>
    private static bool HasNestedList(Passage p, IReadOnlyList<string>? fileLines)
    {
        if (fileLines is null || p.LineEnd <= p.LineStart)
        {
            return false;
        }

        for (var line = p.LineStart + 1; line <= p.LineEnd && line <= fileLines.Count; line++)
        {
            var t = fileLines[line - 1].TrimStart();
            if (StartsWithBullet(t)
                || (t.Length > 2 && char.IsDigit(t[0]) && (t[1] == '.' || (char.IsDigit(t[1]) && t.Length > 3 && t[2] == '.'))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A complete statement: has a verb, does not start mid-sentence or end on a colon or a dangling word,
    /// has no table pipes, links or unbalanced brackets, and is not itself a question.</summary>
    internal static bool IsStatement(string text)
    {
        var words = QuizText.Words(text);
        if (words.Count < 5 || QuizText.LooksLikeQuestion(text) || IsMarkupOrReference(text) || text.Contains('|', StringComparison.Ordinal)
            || text.Contains("://", StringComparison.Ordinal) || text.Contains("](", StringComparison.Ordinal)
            || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var last = text.TrimEnd()[^1];
        if (last is ':' or ',' or ';' or '-' or '(' or '/' or '&' || QuizLexicon.DanglingEnds.Contains(words[^1])
            || QuizLexicon.ContinuationStarts.Contains(words[0]))
        {
            return false;
        }

        // Several "Label: value" pairs are bullets run together ("Description: … Source: …"), not one statement.
        if (text.Count(c => c == '(') != text.Count(c => c == ')') || text.Count(c => c == '"') % 2 != 0
            || text.Split(": ").Length > 2)
        {
            return false;
        }

        return words.Skip(1).Any(w => QuizLexicon.Verbs.Contains(w)
            || (w.Length >= 5 && w.All(char.IsLower) && (w.EndsWith("ed", StringComparison.Ordinal) || (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)))));
    }

    /// <summary>True for a line that is page markup or leans on the line before it, not a fact of its own (outside review
    /// 16, on notes written as a documentation site): a container directive ("::: tip Exam Question Pattern"), a task
    /// box ("[ ] Remind yourself: …"), an opening that points back ("In that case, …"); a template directive that
    /// includes a file ("{{#include listing.c}}", book prose) or a cross-reference to a numbered part of the document
    /// ("Listing 3-1 shows …", "see Chapter 7").</summary>
    internal static bool IsMarkupOrReference(string text)
    {
        var t = text.TrimStart();
        return t.Contains(":::", StringComparison.Ordinal) || t.Contains("{{#", StringComparison.Ordinal) || IsCrossReference(t)
            || t.StartsWith("[ ]", StringComparison.Ordinal) || t.StartsWith("[x]", StringComparison.OrdinalIgnoreCase)
            || OpensWithPhrase(t, QuizLexicon.BackReferringOpeners) || LeansOnTheLinesBefore(t);
    }

    /// <summary>True for a line that ranks or places its subject against what the lines before it named ("F2FS slots in
    /// between: …", "faster than the previous one"; outside rating 22, P32, <see cref="QuizLexicon.RankingPhrases"/>).</summary>
    internal static bool LeansOnTheLinesBefore(string text)
    {
        var t = " " + string.Join(' ', QuizText.Words(text)).ToLowerInvariant() + " ";
        return QuizLexicon.RankingPhrases.Any(phrase => t.Contains(" " + phrase + " ", StringComparison.Ordinal));
    }

    /// <summary>The candidate facts (<see cref="CandidateFacts"/>) of a file's passages that stand without the page around
    /// them (<see cref="OutOfContext"/>).</summary>
    internal static List<(Passage Passage, string Text)> StandaloneFacts(List<Passage> filePassages, IReadOnlyList<string>? fileLines, QuizCorpus corpus) =>
        CandidateFacts(OutOfContext(filePassages, fileLines, corpus), fileLines);

    /// <summary>The passages whose lines can be asked without the page around them. Left out (outside rating 22): a line
    /// under a heading that names a part of the page (<see cref="PartOfThePage"/>: "Step 5: Determine the Workload Type",
    /// "Problem: Backup Job Slows Everything Down" and its "Symptoms:"), whose lines speak of that step or that case
    /// (P38: "Use iostat to compare operations and throughput"; P4: "iotop shows rsync, tar, …"); and the lines of an
    /// exercise list (<see cref="IsExerciseList"/>: P35, "Display the contents of hidden files from your home
    /// directory", is a task, not a fact).</summary>
    internal static List<Passage> OutOfContext(List<Passage> filePassages, IReadOnlyList<string>? fileLines, QuizCorpus corpus)
    {
        var exercises = filePassages.Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph or PassageKind.QuestionAnswer)
            .GroupBy(SectionKey, StringComparer.Ordinal)
            .Where(g => IsExerciseList(g.ToList(), g.All(p => IsNumberedItem(fileLines, p.LineStart))))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        // A labelled heading that groups several sections of its own ("Domain 1: Author and Maintain Workflows" over
        // "Workflow Triggers", "Contexts", …) is a chapter of the syllabus, not one step or case of the page: its
        // sections' lines stand alone.
        var children = filePassages
            .SelectMany(p => Enumerable.Range(0, Math.Max(0, p.HeadingPath.Count - 1)).Select(d => (Parent: Key(p.HeadingPath.Take(d + 1)), Child: p.HeadingPath[d + 1])))
            .GroupBy(x => x.Parent, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Child).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        bool InAPart(Passage p) => Enumerable.Range(0, p.HeadingPath.Count).Any(d =>
            PartOfThePage(QuizText.OneLine(p.HeadingPath[d]), corpus)
            && children.GetValueOrDefault(Key(p.HeadingPath.Take(d + 1))) < MinChapterSections);
        return filePassages.Where(p => !exercises.Contains(SectionKey(p)) && !InAPart(p)).ToList();

        static string SectionKey(Passage p) => Key(p.HeadingPath);
        static string Key(IEnumerable<string> path) => string.Join('\u001f', path);
    }

    /// <summary>The fewest sections a labelled heading groups for it to be a chapter rather than a part of the page
    /// (<see cref="OutOfContext"/>): "Problem: …" holds its "Symptoms:", a walk-through step none.</summary>
    private const int MinChapterSections = 3;

    /// <summary>True for a heading "Label: rest" whose label is a common word or two, numbered or not ("Step 5", "Problem",
    /// "Scenario 2", "Exercise 3"), over a rest the notes never write in a sentence (<see cref="QuizCorpus.TextUses"/>):
    /// it names one step, case or task of the page, not a thing. "Layer 4: Transport Layer" names a thing the notes
    /// write ("the transport layer"); "VPC: Virtual Private Cloud" labels a name.</summary>
    internal static bool PartOfThePage(string heading, QuizCorpus corpus)
    {
        var plain = heading.Replace("*", string.Empty, StringComparison.Ordinal).Trim();
        var colon = plain.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == plain.Length - 1)
        {
            return false;
        }

        var label = QuizText.Words(plain[..colon]);
        var rest = plain[(colon + 1)..].Trim();
        return label.Count is >= 1 and <= MaxPageLabelWords && rest.Length > 0
            && label.Any(w => w.Any(char.IsLetter) && w.Length > 1)
            && label.All(w => w.All(char.IsDigit) || (w.Length == 1 && char.IsLetter(w[0]))
                || (!QuizText.IsAcronym(w) && w.Any(char.IsLower) && corpus.IsCommonWord(w)))
            && corpus.TextUses(QuizText.WithoutBrackets(rest)) == 0;
    }

    /// <summary>The most words of a page part's label ("Step 5", "Practice Challenge 2").</summary>
    private const int MaxPageLabelWords = 3;

    /// <summary>The least lines of a section for it to be read as an exercise list.</summary>
    private const int MinExerciseLines = 3;

    /// <summary>True for a section whose lines are mostly tasks for the reader: questions to answer ("How can you …?") or
    /// instructions (<see cref="OpensWithInstruction"/>: "Display the contents …", "Reboot a lab system …"). A section of
    /// facts may hold an instruction ("Use CloudFront to cache S3 objects", rated good ten times); a list that is half
    /// tasks or more is an exercise list (outside rating 22, P35).</summary>
    /// <param name="numbered">True when the lines are items of a numbered list: a sequence of tasks. Without a number
    /// or a question among them, a list of instructions is advice ("Use strong authentication", "Keep services
    /// updated"), whose lines the notes mean as facts.</param>
    /// <remarks>A question the parser paired with the line after it is a task when that line is one too ("How can you
    /// terminate a process …?" / "Write a simple C program …"); answered ("What does Config keep …?" / "A history of
    /// its configuration changes") it is the notes' own question, not an exercise.</remarks>
    internal static bool IsExerciseList(IReadOnlyList<Passage> items, bool numbered)
    {
        static bool Task(string line) => AsksTheReader(line) || (!QuizText.HasOwnLabel(line) && OpensWithInstruction(line));
        var questions = items.Count(p => p.Kind == PassageKind.QuestionAnswer
            ? AsksTheReader(QuizText.OneLine(p.Question ?? string.Empty)) && Task(QuizText.OneLine(p.AnswerText ?? string.Empty))
            : AsksTheReader(QuizText.OneLine(p.Text)));
        var tasks = items.Count(p => p.Kind == PassageKind.QuestionAnswer ? Task(QuizText.OneLine(p.AnswerText ?? string.Empty)) : Task(QuizText.OneLine(p.Text)));
        return items.Count >= MinExerciseLines && tasks * 2 >= items.Count && (numbered || questions > 0);
    }

    /// <summary>True for a line with a sentence that ends in a question mark after a word ("… files that are hidden?"),
    /// not one that writes the "?" operator.</summary>
    private static bool AsksTheReader(string line) => QuestionMarkRegex().IsMatch(line);

    [GeneratedRegex(@"\p{L}\?(\s|$)")]
    private static partial Regex QuestionMarkRegex();

    /// <summary>True when the file's line opens with a list number ("3. ", "3) ").</summary>
    private static bool IsNumberedItem(IReadOnlyList<string>? fileLines, int line)
    {
        if (fileLines is null || line < 1 || line > fileLines.Count)
        {
            return false;
        }

        var t = fileLines[line - 1].TrimStart();
        var digits = t.TakeWhile(char.IsDigit).Count();
        return digits > 0 && t.Length > digits && t[digits] is '.' or ')';
    }

    /// <summary>True for a line that opens with an instruction to the reader: a verb of <see cref="QuizLexicon.ImperativeStarts"/>
    /// or <see cref="QuizLexicon.ReaderInstructions"/>, or a capitalised common word followed by a determiner or a gerund
    /// (its object: "Display the …", "Utilize the …", "Practice navigating …"), which a subject noun never is.</summary>
    internal static bool OpensWithInstruction(string line)
    {
        var words = QuizText.Words(line);
        if (words.Count < 2 || !char.IsUpper(words[0][0]) || QuizText.IsAcronym(words[0]))
        {
            return false;
        }

        var first = words[0];
        if (QuizLexicon.ImperativeStarts.Contains(first) || QuizLexicon.ReaderInstructions.Contains(first))
        {
            return true;
        }

        var next = words[1];
        return first.Skip(1).All(char.IsLower) && !first.EndsWith('s') && !first.EndsWith("ed", StringComparison.Ordinal)
            && !QuizLexicon.Determiners.Contains(first) && !QuizLexicon.PronounStarts.Contains(first) && !QuizLexicon.DanglingEnds.Contains(first)
            && !QuizLexicon.PhraseOpeners.Contains(first) && !QuizLexicon.ContinuationStarts.Contains(first)
            && (QuizLexicon.Determiners.Contains(next) || next is "another" or "yourself"
                || (next.Length > 4 && next.EndsWith("ing", StringComparison.Ordinal) && next.All(char.IsLower)));
    }

    /// <summary>A well-formed question a learner can answer: opens like a question, four words or more, not cut off.</summary>
    internal static bool IsAskable(string question)
    {
        var words = QuizText.Words(question);
        if (words.Count < 4 || QuizLexicon.DanglingEnds.Contains(words[^1]) || question.Contains('|', StringComparison.Ordinal))
        {
            return false;
        }

        return QuizLexicon.QuestionOpeners.Contains(words[0])
            || (string.Equals(words[0], "if", StringComparison.OrdinalIgnoreCase) && words.Any(QuizLexicon.QuestionOpeners.Contains));
    }

    /// <summary>True when a line (its indentation trimmed) opens a bulleted list item: "- ", "* " or "+ ".</summary>
    private static bool StartsWithBullet(string trimmed) =>
        trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal) || trimmed.StartsWith("+ ", StringComparison.Ordinal);
}
