using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Core.Quiz;

/// <summary>
/// A question as one JSON line, the shape <c>studybot quiz --json</c> prints; the one place that writes it, so a tool
/// that adds its own fields (the evaluation's <c>quiz-explain --jsonl</c>) adds them to these, never beside a copy.
/// </summary>
public static class QuizQuestionJson
{
    /// <summary>Choices and explanations are shown as written: no \u escapes for quotes, accents or symbols.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The question's fields, in the order printed; a caller may add its own after them and write the
    /// object with <see cref="Line(JsonObject)"/>.</summary>
    public static JsonObject Fields(QuizQuestion q) => new()
    {
        ["id"] = q.Id,
        ["kind"] = q.Kind.ToString(),
        ["question"] = q.Text,
        ["choices"] = new JsonArray([.. q.Choices.Select(c => JsonValue.Create(c))]),
        ["answerIndex"] = q.AnswerIndex,
        ["explanation"] = q.Explanation,
        ["citation"] = new JsonObject
        {
            ["file"] = q.Citation.File,
            ["section"] = q.Citation.Section,
            ["lineStart"] = q.Citation.LineStart,
            ["lineEnd"] = q.Citation.LineEnd,
        },
    };

    /// <summary>The question's line.</summary>
    public static string Line(QuizQuestion q) => Line(Fields(q));

    /// <summary>The line of <paramref name="fields"/> (from <see cref="Fields"/>, with any the caller added).</summary>
    public static string Line(JsonObject fields) => fields.ToJsonString(Options);
}
