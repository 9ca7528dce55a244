using System.Globalization;

namespace StudyBot.Core.Chat;

/// <summary>The text prompts of buttons, by action id, for platforms that must ask before the press reaches the
/// conversation (Discord answers the press with a modal, and only the modal's submit is a message).</summary>
public static class ButtonPrompts
{
    /// <summary>The prompt of a button whose action id is <paramref name="actionId"/>, or null when it asks nothing.</summary>
    public static TextPrompt? ForAction(string actionId) => AnswerFeedback.PromptFor(actionId);
}

/// <summary>
/// 👍/👎 under every answer. A 👎 puts the question on the admins' <c>gaps</c> list beside the declined ones, so a wrong
/// answer is seen, not only a missing one; its reply offers "what was wrong", a short comment stored with it. The
/// question travels in the button's action id, which every platform hands back as it was.
/// </summary>
internal sealed class AnswerFeedback(IQuestionLog questions, TimeProvider time) : IChatActionHandler
{
    public const string ActionPrefix = "fb";
    private const string Up = "up";
    private const string Down = "down";
    private const string Why = "why";

    /// <summary>Discord's custom_id limit, the tightest of the platforms; a longer question is cut to fit.</summary>
    private const int MaxActionId = 100;

    /// <summary>The longest "what was wrong" comment: a sentence or two, enough for an admin to act on.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>What the "what was wrong" button asks for (a Discord modal, a card input, a web field).</summary>
    public static readonly TextPrompt CommentPrompt = new(
        "What was wrong with the answer?",
        "What was wrong (optional)",
        "For example: the notes say it changed in 2024; see the KMS section.",
        MaxCommentLength);

    public string Prefix => ActionPrefix;

    /// <summary>The two buttons for the answer to <paramref name="question"/>.</summary>
    public static IReadOnlyList<ReplyButton> Buttons(string question)
    {
        var text = Fit(question, Down);
        return
        [
            new ReplyButton("👍 Helpful", $"{ActionPrefix}:{Up}:{text}"),
            new ReplyButton("👎 Wrong", $"{ActionPrefix}:{Down}:{text}"),
        ];
    }

    /// <summary>The prompt of an action id that asks for a comment first, or null: the Discord adapter answers such a
    /// press with a modal before anything reaches the conversation.</summary>
    public static TextPrompt? PromptFor(string actionId) =>
        actionId.StartsWith($"{ActionPrefix}:{Why}:", StringComparison.Ordinal) ? CommentPrompt : null;

    public async Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var parts = (message.ActionData ?? "").Split(':', 3);
        if (parts is not [_, Up or Down or Why, { Length: > 0 } question])
        {
            return new Reply("That button is no longer active.", Private: true);
        }

        if (parts[1] == Up)
        {
            return new Reply("Thanks — glad it helped.", Private: true, Kind: ReplyKind.Text);
        }

        if (parts[1] == Why)
        {
            return await CommentAsync(question, message.Text, cancellationToken).ConfigureAwait(false);
        }

        await questions.RecordWrongAnswerAsync(question, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new Reply(
            "Thanks — I've put this question on the admins' **gaps** list, so the notes or the answer can be fixed. "
            + "If you like, say what was wrong.",
            Private: true,
            Kind: ReplyKind.Text,
            Buttons: [new ReplyButton("✏️ What was wrong?", $"{ActionPrefix}:{Why}:{Fit(question, Why)}", Prompt: CommentPrompt)]);
    }

    private async Task<Reply> CommentAsync(string question, string comment, CancellationToken cancellationToken)
    {
        var text = comment.Trim();
        if (text.Length == 0)
        {
            return new Reply("Nothing to add — the 👎 is already on the **gaps** list.", Private: true, Kind: ReplyKind.Text);
        }

        if (text.Length > MaxCommentLength)
        {
            // The platform's own field stops at the limit; a script or an old client can still send more, and then
            // the user learns why nothing was stored and can send it shorter.
            return new Reply(
                string.Create(CultureInfo.InvariantCulture,
                    $"That comment is {text.Length:N0} characters long; I keep at most {MaxCommentLength:N0}. Please shorten it and send it again: nothing was stored."),
                Private: true,
                Kind: ReplyKind.Text,
                Buttons: [new ReplyButton("✏️ What was wrong?", $"{ActionPrefix}:{Why}:{Fit(question, Why)}", Prompt: CommentPrompt)]);
        }

        await questions.RecordWrongAnswerCommentAsync(question, text, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new Reply("Thanks — your note is on the **gaps** list with the question.", Private: true, Kind: ReplyKind.Text);
    }

    /// <summary>The question cut so that "fb:verb:question" fits a custom_id.</summary>
    private static string Fit(string question, string verb)
    {
        var room = MaxActionId - $"{ActionPrefix}:{verb}:".Length;
        var text = question.Trim();
        return text.Length <= room ? text : text[..room];
    }
}
