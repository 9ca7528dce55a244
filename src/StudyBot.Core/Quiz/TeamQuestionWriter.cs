using System.Globalization;
using System.Text;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Writes questions in the team's quiz-file format (<see cref="TeamQuestionParser"/>, docs/quiz.md), so that a teacher
/// can start from what the generator made: keep, reword or delete each entry and put the file among the notes. The
/// parser reads every entry back to the same stem, choices, right answer and cited lines. The file's
/// <c>Replaces:</c> line names the generated questions it was made from, so that they are asked from the file only —
/// the ones the teacher deleted included, which is the point of deleting them.
/// </summary>
public static class TeamQuestionWriter
{
    /// <summary>The file's opening: what it is and what to do with it (a comment, which the parser skips).</summary>
    public const string Header = """
        <!-- Quiz questions StudyBot made from the notes (studybot quiz --markdown). Keep, reword or delete each
        entry, then save this file as NAME.quiz.md in the notes folder and run reload. The team's questions are
        asked before the notes' own, and the generated questions named under Replaces are no longer asked from the
        notes, whether their entry below was kept or deleted. Keep the 'generated' comment under each question you keep:
        it makes the entry the question the channel was asked, so its history and the members' review schedules carry
        over; without it, or in a second copy, the entry is asked as a new question. Format: docs/quiz.md, "The team's
        own questions". -->
        """;

    /// <summary>What the drafts' file adds to <see cref="Header"/>: its questions are not asked today.</summary>
    public const string DraftsHeader = """
        <!-- These are drafts: questions the daily quiz does not ask, because the item-quality model scores them under
        what it asks (each entry's comment says how much) or because they copy a likely typo of the notes. Most are
        guessable or clumsy; some are good, or good once mended. Keep only those worth asking. -->
        """;

    /// <summary>The whole file for <paramref name="questions"/>: the header, the <c>Replaces:</c> line and one entry
    /// each. Team questions are left out: they already are in a file of the team's.</summary>
    public static string Write(IEnumerable<QuizQuestion> questions) =>
        Write(questions.Select(q => (q, (string?)null)), drafts: false);

    /// <summary>The drafts' file (<see cref="QuestionGenerator.Drafts"/>): as <see cref="Write(IEnumerable{QuizQuestion})"/>,
    /// with <see cref="DraftsHeader"/> and each entry's score in its comment, so that a teacher sees why it is not asked.</summary>
    public static string Write(IEnumerable<QuizDraft> drafts) =>
        Write(drafts.Select(d => (d.Question, (string?)DraftNote(d))), drafts: true);

    /// <summary>Why a draft is not asked, as its entry's comment says it.</summary>
    public static string DraftNote(QuizDraft draft) => draft.Typo
        ? "draft, not asked: it copies a likely typo of the notes"
        : string.Create(CultureInfo.InvariantCulture, $"draft, not asked: scored {draft.Score:0.00}, the quiz asks from {QuestionGenerator.ReserveFloor:0.00}");

    private static string Write(IEnumerable<(QuizQuestion Question, string? Note)> entries, bool drafts)
    {
        var generated = entries.Where(e => e.Question.Kind != QuizQuestionKind.Team).ToList();
        var text = new StringBuilder(Header.ReplaceLineEndings("\n")).Append("\n\n");
        if (drafts)
        {
            text.Append(DraftsHeader.ReplaceLineEndings("\n")).Append("\n\n");
        }

        if (generated.Count > 0)
        {
            text.Append(TeamQuestionParser.ReplacesLabel).Append(' ').AppendJoin(' ', generated.Select(e => e.Question.Id)).Append("\n\n");
        }

        foreach (var (q, note) in generated)
        {
            text.Append(Entry(q, note)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One entry: the stem as a <c>##</c> heading, where it came from as a comment (the id <c>quiz ban</c>
    /// takes), the choices as task items in the generator's order, the generator's explanation as the <c>&gt;</c> quote
    /// and the cited lines as <c>Source:</c>.</summary>
    /// <param name="q">The question.</param>
    /// <param name="note">Said after the id in the comment (a draft's score), or null.</param>
    public static string Entry(QuizQuestion q, string? note = null)
    {
        var text = new StringBuilder();
        text.Append("## ").Append(Escape(q.Text)).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"{GeneratedComment(q, note)}\n\n");
        for (var i = 0; i < q.Choices.Count; i++)
        {
            // A command reads as the command it is in a code span ("ps aux | grep …"), not as a run of backslashes.
            var choice = q.Kind == QuizQuestionKind.Command && CodeSpan(q.Choices[i]) is { } code ? code : Escape(q.Choices[i]);
            text.Append(i == q.AnswerIndex ? "- [x] " : "- [ ] ").Append(choice).Append('\n');
        }

        // The explanation the reveal shows (the generator's: the key and its line, a contrast's other side) stays the
        // same; without it the reveal would say "The answer is: …".
        text.Append("\n> ").Append(Escape(QuizText.OneLine(q.Explanation))).Append('\n');

        // A path with '#' cannot be written as a Source (the '#' starts the lines); the parser then cites the quiz
        // file itself, and the explanation above holds the notes' words.
        if (!q.Citation.File.Contains('#', StringComparison.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{TeamQuestionParser.SourceLabel} {q.Citation.File}#L{q.Citation.LineStart}-L{q.Citation.LineEnd}\n");
        }

        return text.ToString();
    }

    /// <summary>Text as markdown that reads back as the same plain text: the marks that would start emphasis, code, a
    /// link, an HTML tag or an entity, a heading's closing run or an escape are escaped (CommonMark lets any ASCII
    /// punctuation be escaped), so blanks ("_____") and commands ("ps aux | grep …", "-exec … {} \;") read back as
    /// they were written. The pipeline knows no tables or strikethrough, so '|' and '~' are left alone.</summary>
    public static string Escape(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        var blanksOnly = OnlyBlanks(line);
        var builder = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (c is '\\' or '`' or '*' or '[' or ']' or '<' or '&' or '#' || (c == '_' && !blanksOnly))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>Whether the text's only underscores are one blank ("_____") set apart by spaces or punctuation: a lone
    /// run can open no emphasis with nothing after it to close it, so it is written as the teacher reads it, not as
    /// "\_\_\_\_\_" (two runs could pair up as emphasis).</summary>
    private static bool OnlyBlanks(string text)
    {
        var runs = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '_')
            {
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] == '_')
            {
                end++;
            }

            if (++runs > 1 || end - i < 3 || (i > 0 && char.IsLetterOrDigit(text[i - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end])))
            {
                return false;
            }

            i = end;
        }

        return true;
    }

    /// <summary>The text as a code span, which markdown reads back verbatim, or null when it holds a backtick or would
    /// lose an edge space.</summary>
    private static string? CodeSpan(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 || line.Contains('`', StringComparison.Ordinal) ? null : $"`{line}`";
    }

    /// <summary>The comment under an exported entry's heading that keeps its generated question's id
    /// (<see cref="TeamQuestionParser"/> reads it back), with an optional note after the id.</summary>
    internal static string GeneratedComment(QuizQuestion q, string? note = null) =>
        $"<!-- generated {KindName(q.Kind)} {q.Id}{(note is null ? "" : "; " + note)} -->";

    private static string KindName(QuizQuestionKind kind) => kind switch
    {
        QuizQuestionKind.YesNo => "yes/no",
        QuizQuestionKind.QuestionAnswer => "question-answer",
        QuizQuestionKind.FillInTheBlank => "blank",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
