using System.Globalization;
using Dapper;
using StudyBot.Core.Chat;

namespace StudyBot.Core.Quiz;

/// <summary>
/// What one member sees of a posted quiz, for platforms that show each member their own view of a shared message
/// (Teams' card <c>refresh</c>: the card a member opens is replaced by what this returns for them). Until they answer:
/// the question with its buttons; after: their own choice; once revealed: the right answer, and theirs. Action ids
/// <c>quizview:{postId}</c>; like an answer, a view counts only in the channel the quiz was posted to.
/// </summary>
internal sealed class QuizViewHandler(QuizStore store) : IChatActionHandler
{
    public const string ActionPrefix = "quizview";

    public string Prefix => ActionPrefix;

    /// <summary>The action id of the view of post <paramref name="postId"/>.</summary>
    public static string ActionId(long postId) => string.Create(CultureInfo.InvariantCulture, $"{ActionPrefix}:{postId}");

    public async Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var parts = (message.ActionData ?? string.Empty).Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var postId))
        {
            return new Reply("That is not a quiz.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        var post = await store.PostAsync(postId, cancellationToken).ConfigureAwait(false);
        if (post is null || post.Status != "posted" || !string.Equals(post.Platform, message.Platform, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(post.ChannelId, message.ChannelId, StringComparison.Ordinal))
        {
            return new Reply("This quiz is not open.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        var question = post.Question;
        var choice = await ChoiceAsync(post.Id, message.UserId, cancellationToken).ConfigureAwait(false);
        if (post.RevealStatus is not null)
        {
            var yours = choice is not { } c ? string.Empty
                : c == question.AnswerIndex ? " You chose it."
                : $" You chose **{question.Choices[c]}**.";
            return new Reply($"{question.Text}\n\nThis quiz is closed. The answer: **{question.Answer}**.{yours}", Title: "Daily quiz", Kind: ReplyKind.QuizFeedback);
        }

        return choice is { } chosen && chosen < question.Choices.Count
            ? new Reply($"{question.Text}\n\nYou chose **{question.Choices[chosen]}**. Only your first answer counts; the answer is revealed later.", Title: "Your answer", Kind: ReplyKind.QuizFeedback)
            : QuizReplies.Question(post.Id, question);
    }

    private async Task<int?> ChoiceAsync(long postId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            "SELECT choice_index FROM quiz_answers WHERE post_id = @postId AND user_id = @userId;",
            new { postId, userId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
