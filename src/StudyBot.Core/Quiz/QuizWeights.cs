namespace StudyBot.Core.Quiz;

/// <summary>
/// Weights of the question score (<see cref="QuestionGenerator"/>, stage "score"), in one place. Version 2, set by
/// hand from reading generated banks (knowledge/ and tests/data/corpora; ratings in docs/quiz-rating-2026-11-30.md): a
/// question whose wrong choices are siblings of the key beats one with a readable stem, which beats a section label.
/// </summary>
internal static class QuizWeights
{
    public const double Family = 3.0;
    public const double Specific = 1.0;
    public const double FourChoices = 1.0;
    public const double Readable = 0.5;
    public const double Labelled = 0.25;

    /// <summary>Version 2: closeness a wrong title gains by sharing its first or last word with the key's title.</summary>
    public const double SameHeadWord = 0.5;
}
