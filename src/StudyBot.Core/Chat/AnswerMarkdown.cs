using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>
/// The one place an <see cref="Answer"/> becomes prose: the verdict word, the lead from the notes, or the decline. Every
/// renderer (Discord, Teams, the web page, the CLI) shows this text; citations and related sections are shown by each
/// renderer from the structure (quotes, buttons, "see file:line").
/// </summary>
public static class AnswerMarkdown
{
    /// <summary>A question the notes do not cover.</summary>
    public const string Declined = "Sorry, the notes don't cover that.";

    /// <summary>What a yes/no answer that the notes do not settle opens with: never a Yes/No word.</summary>
    public const string UnsettledOpening = "The notes say:";

    /// <summary>"Yes — …", "No — …", "The notes say: …", the lead alone, or the decline.</summary>
    public static string Write(Answer answer)
    {
        if (!answer.Answered)
        {
            return answer.NotLoadedReason is { } reason
                ? $"No notes are loaded, so I cannot answer yet. {reason} Add notes there and ask an admin to type **reload**."
                : Declined;
        }

        return answer.Verdict switch
        {
            AnswerVerdict.Yes => $"Yes — {answer.Lead}",
            AnswerVerdict.No => $"No — {answer.Lead}",
            AnswerVerdict.Unsettled => $"{UnsettledOpening} {answer.Lead}",
            _ => answer.Lead,
        };
    }

    extension(Answer answer)
    {
        /// <summary>The answer as the chat shows it (<see cref="Write"/>).</summary>
        public string Text => Write(answer);
    }
}
