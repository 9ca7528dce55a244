using System.Collections.Concurrent;
using StudyBot.Core.Knowledge;

namespace StudyBot.IntegrationTests.Host;

/// <summary>
/// The conversation core's stand-in for adapter tests (Discord, Teams): records what reached it and answers with a
/// citation (and, with <see cref="MoreButton"/>, a button), so a test sees what the adapter renders;
/// <see cref="Respond"/> changes the answer.
/// </summary>
internal sealed class RecordingConversation : IConversation
{
    public RecordingConversation() => Respond = (m, _) => Task.FromResult(Answer(m));

    public ConcurrentQueue<IncomingMessage> Received { get; } = new();

    /// <summary>Answers carry a "More" button (<c>more:1</c>); Teams then renders a card instead of text.</summary>
    public bool MoreButton { get; init; }

    /// <summary>How it answers; by default <see cref="Answer"/>. Set it to make an answer slow or different.</summary>
    public Func<IncomingMessage, CancellationToken, Task<Reply>> Respond { get; set; }

    public async Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        return await Respond(message, cancellationToken);
    }

    /// <summary>"You pressed {action}." (private quiz feedback) for a button, else "Answer to: {text}" with a citation.</summary>
    public Reply Answer(IncomingMessage message) => message.ActionData is { } action
        ? new Reply($"You pressed {action}.", Private: true, Kind: ReplyKind.QuizFeedback)
        : new Reply(
            $"Answer to: {message.Text}",
            Citations: [new Citation("aws/ebs.md", "Encryption", 70, 71, "EBS volumes are not encrypted by default.")],
            Buttons: MoreButton ? [new ReplyButton("More", "more:1", ButtonStyle.Primary)] : null,
            Kind: ReplyKind.Answer);
}
