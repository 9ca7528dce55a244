using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>Passages of one bullet line each, the way the notes parser cuts a list: what the quiz tests build corpora
/// from.</summary>
internal static class NoteLines
{
    public static Passage Bullet(string file, string section, int line, string text) =>
        new(file, section, [section], line, line, text, PassageKind.Bullet);

    /// <summary>A written question with the right choice first and the explanation the stem itself.</summary>
    public static QuizQuestion Question(QuizQuestionKind kind, string text, string stem, Citation citation, string answer, params string[] wrong) =>
        new("q", kind, text, [answer, .. wrong], 0, stem, citation, answer);
}
