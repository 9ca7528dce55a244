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

    /// <summary>An item model under which every question scores σ(0) = 0.5, over its threshold of 0.4: the bank keeps
    /// every question the rules write, and the reserve what they write for it alone.</summary>
    public static QuizItemModel KeepingEveryQuestion()
    {
        const string json = """
            { "version": 1, "threshold": 0.4, "kindThresholds": {},
              "model": { "bias": 0, "weights": { "yes_no": { "w": 0, "mean": 0.5, "scale": 0.5 } } } }
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return QuizItemModel.Parse(stream);
    }
}
