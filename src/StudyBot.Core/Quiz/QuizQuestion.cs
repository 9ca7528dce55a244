using System.Security.Cryptography;
using System.Text;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>How a question was made.</summary>
public enum QuizQuestionKind
{
    /// <summary>A yes/no question from a Q&amp;A pair whose answer starts with yes or no.</summary>
    YesNo,

    /// <summary>A Q&amp;A pair whose answer is a statement, with sibling statements as distractors.</summary>
    QuestionAnswer,

    /// <summary>"Which service …?": a section's defining line, sibling section titles as distractors.</summary>
    Definition,

    /// <summary>"Which of these two …?": a line of a section, asked between its title and the sibling whose section says
    /// something else on the same point.</summary>
    Contrast,

    /// <summary>A fact with a key term masked.</summary>
    FillInTheBlank,

    /// <summary>Written by the team in a <c>*.quiz.md</c> file.</summary>
    Team,

    /// <summary>"Which of these holds …?": a line that opens with the topic of its file (or section) asked without it,
    /// the topics of its sibling files in the folder (or sibling sections under the parent heading) as distractors.</summary>
    Topic,

    /// <summary>"Which command would you run to …?": a task line of the notes and the command under it, the tool's other
    /// commands in the notes as distractors.</summary>
    Command,
}

/// <summary>
/// One multiple-choice question with exactly one correct choice, answerable from its cited passage.
/// </summary>
/// <param name="Id">Stable across reloads: a hash of the file, lines and kind (team questions: file and text).</param>
/// <param name="Text">The question as shown.</param>
/// <param name="Choices">Two or more distinct choices.</param>
/// <param name="AnswerIndex">The index of the correct choice in <paramref name="Choices"/>.</param>
/// <param name="Explanation">Why: the source passage, shown at the reveal.</param>
/// <param name="Citation">Where in the notes the answer is (file, section, lines).</param>
/// <param name="KeyTerm">The text that the cited lines contain and that proves the answer (the correct choice, or
/// for yes/no the word the answer starts with).</param>
public sealed record QuizQuestion(
    string Id,
    QuizQuestionKind Kind,
    string Text,
    IReadOnlyList<string> Choices,
    int AnswerIndex,
    string Explanation,
    Citation Citation,
    string KeyTerm)
{
    /// <summary>The correct choice.</summary>
    public string Answer => Choices[AnswerIndex];

    /// <summary>A short stable id: the first 16 hex digits of SHA-256 over the parts.</summary>
    public static string MakeId(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(bytes)[..16];
    }
}

/// <summary>Something a team's quiz file gets wrong: an entry that was skipped, and why, or (<paramref name="Skipped"/>
/// false) a line that was read otherwise than the teacher likely meant — a misplaced <c>Replaces:</c> line, a bad id in
/// it, an entry that cannot keep the generated question's history its comment names.</summary>
/// <param name="File">The quiz file, relative to the notes folder.</param>
/// <param name="Line">The line (1-based; 0 for the whole file).</param>
/// <param name="Reason">What is wrong, and what was done instead.</param>
/// <param name="Skipped">The entry is not asked.</param>
public sealed record QuizFileIssue(string File, int Line, string Reason, bool Skipped = true);
