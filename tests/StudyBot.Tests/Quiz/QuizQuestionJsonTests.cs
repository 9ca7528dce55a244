using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The one writer of a question's JSON line: <c>studybot quiz --json</c> prints it, and the evaluation's
/// <c>quiz-explain --jsonl</c> adds its own fields to it.</summary>
public sealed class QuizQuestionJsonTests
{
    private static readonly QuizQuestion Question = new(
        "0123456789abcdef",
        QuizQuestionKind.Definition,
        "Which of these is described in the notes as “the <default> \"keyring\"”?",
        ["AWS KMS", "CloudHSM", "Secrets Manager – rotation"],
        0,
        "AWS KMS: the <default> \"keyring\" & more\nsecond line",
        new Citation("aws/kms.md", "Key Management", 12, 14, "snippet not printed"),
        "AWS KMS");

    [Fact]
    public void Line_IsTheQuizCommandsShape_FieldsInOrderAndTextAsWritten()
    {
        // Field names and order, and the relaxed escaping (quotes and newlines escaped; <, &, “ and – as written), are
        // what users and scripts read from `studybot quiz --json`.
        Assert.Equal(
            "{\"id\":\"0123456789abcdef\",\"kind\":\"Definition\",\"question\":\"Which of these is described in the notes as “the <default> \\\"keyring\\\"”?\","
            + "\"choices\":[\"AWS KMS\",\"CloudHSM\",\"Secrets Manager – rotation\"],\"answerIndex\":0,\"explanation\":\"AWS KMS: the <default> \\\"keyring\\\" & more\\nsecond line\","
            + "\"citation\":{\"file\":\"aws/kms.md\",\"section\":\"Key Management\",\"lineStart\":12,\"lineEnd\":14}}",
            QuizQuestionJson.Line(Question));
    }

    [Fact]
    public void Line_WithAToolsOwnFields_WritesTheCommonOnesUnchangedAndFirst()
    {
        var fields = QuizQuestionJson.Fields(Question);
        fields["probability"] = 0.25;

        var line = QuizQuestionJson.Line(fields);

        Assert.Equal(QuizQuestionJson.Line(Question)[..^1] + ",\"probability\":0.25}", line);
    }
}
