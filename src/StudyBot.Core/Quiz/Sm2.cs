namespace StudyBot.Core.Quiz;

/// <summary>The review state of one question in one channel.</summary>
/// <param name="Repetitions">Reviews in a row the channel got right; 0 after a miss.</param>
/// <param name="Ease">SM-2 easiness factor, at least 1.3.</param>
/// <param name="IntervalDays">Days until the question is due again.</param>
public sealed record Sm2State(int Repetitions, double Ease, double IntervalDays)
{
    public static Sm2State New { get; } = new(0, 2.5, 0);
}

/// <summary>
/// A simple SM-2 schedule per question per channel: the channel's share of correct answers is the grade; a missed
/// question comes back after a day, a known one after 6 days, then the interval times the ease.
/// </summary>
public static class Sm2
{
    /// <summary>Grade 0–5 from the share of correct answers (0–1).</summary>
    public static int Grade(double shareCorrect) => shareCorrect switch
    {
        >= 0.9 => 5,
        >= 0.75 => 4,
        >= 0.5 => 3,
        >= 0.25 => 2,
        > 0 => 1,
        _ => 0,
    };

    /// <summary>The next state after a review with <paramref name="grade"/> (0–5).</summary>
    public static Sm2State Review(Sm2State state, int grade)
    {
        grade = Math.Clamp(grade, 0, 5);
        var ease = Math.Max(1.3, state.Ease + (0.1 - ((5 - grade) * (0.08 + ((5 - grade) * 0.02)))));
        if (grade < 3)
        {
            return new Sm2State(0, ease, 1);
        }

        var interval = state.Repetitions switch
        {
            0 => 1,
            1 => 6,
            _ => Math.Round(state.IntervalDays * state.Ease, 1),
        };
        return new Sm2State(state.Repetitions + 1, ease, interval);
    }
}
