using System.Text.RegularExpressions;

namespace StudyBot.Core.Chat;

/// <summary>
/// Greetings and thanks: a short friendly reply, not "the notes don't cover that", and not a gap for the admins —
/// "thanks!" after an answer is the most common message that is not a question.
/// </summary>
internal static partial class SmallTalk
{
    /// <summary>These patterns are linear on a question capped at 2,000 characters (microseconds); the timeout only
    /// guards against a future pattern that is not. At 100 ms a thread descheduled on a loaded machine timed out mid-match
    /// and the question got the error reply, so the limit is far above any pause.</summary>
    private const int MatchTimeoutMs = 2000;

    /// <summary>The reply to a greeting or a thank-you, or null when the text is something else.</summary>
    public static Reply? ReplyTo(string text)
    {
        if (Greeting().IsMatch(text))
        {
            return new Reply("Hi! Ask me anything about the team's notes, for example *Is EBS encrypted by default?* — or type **help**.", Kind: ReplyKind.Text);
        }

        return Thanks().IsMatch(text)
            ? new Reply("You're welcome! Ask me anything else about the notes.", Kind: ReplyKind.Text)
            : null;
    }

    // Trailing emoji are allowed: most are surrogate pairs (\p{Cs}) to .NET's regex, the rest symbols (\p{So}).
    [GeneratedRegex(@"^\W*(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day))( there)?( (bot|studybot|all|everyone|team|folks))?[\s!.,:;)\p{So}\p{Sk}\p{Cs}]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^\W*(thanks|thank you|thank u|thx|ty|cheers|many thanks|great|awesome|perfect|nice|cool|got it)( (a lot|so much|very much|again|bot|studybot))?[\s!.,:;)\p{So}\p{Sk}\p{Cs}]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMs)]
    private static partial Regex Thanks();
}
