namespace StudyBot.Core.Chat;

/// <summary>
/// 👍/👎 under every answer. A 👎 puts the question on the admins' <c>gaps</c> list beside the declined ones, so a wrong
/// answer is seen, not only a missing one. The question travels in the button's action id, which every platform
/// hands back as it was.
/// </summary>
internal sealed class AnswerFeedback(IQuestionLog questions, TimeProvider time) : IChatActionHandler
{
    public const string ActionPrefix = "fb";
    private const string Up = "up";
    private const string Down = "down";

    /// <summary>Discord's custom_id limit, the tightest of the platforms; a longer question is cut to fit.</summary>
    private const int MaxActionId = 100;

    public string Prefix => ActionPrefix;

    /// <summary>The two buttons for the answer to <paramref name="question"/>.</summary>
    public static IReadOnlyList<ReplyButton> Buttons(string question)
    {
        var room = MaxActionId - $"{ActionPrefix}:{Down}:".Length;
        var text = question.Trim();
        text = text.Length <= room ? text : text[..room];
        return
        [
            new ReplyButton("👍 Helpful", $"{ActionPrefix}:{Up}:{text}"),
            new ReplyButton("👎 Wrong", $"{ActionPrefix}:{Down}:{text}"),
        ];
    }

    public async Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var parts = (message.ActionData ?? "").Split(':', 3);
        if (parts is not [_, Up or Down, { Length: > 0 } question])
        {
            return new Reply("That button is no longer active.", Private: true);
        }

        if (parts[1] == Up)
        {
            return new Reply("Thanks — glad it helped.", Private: true, Kind: ReplyKind.Text);
        }

        await questions.RecordWrongAnswerAsync(question, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new Reply(
            "Thanks — I've put this question on the admins' **gaps** list, so the notes or the answer can be fixed.",
            Private: true,
            Kind: ReplyKind.Text);
    }
}
