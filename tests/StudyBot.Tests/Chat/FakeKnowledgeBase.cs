using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

/// <summary>A knowledge base that answers by a rule given per test and counts what it was asked.</summary>
internal sealed class FakeKnowledgeBase : IKnowledgeBase
{
    private int _asked;
    private int _reloads;

    public Func<string, Answer> Responder { get; set; } = Decline;

    public Func<ReloadReport> NextReload { get; set; } = () => throw new InvalidOperationException("No reload configured.");

    public int AskedCount => _asked;

    public int ReloadCount => _reloads;

    public List<string> Questions { get; } = [];

    public IReadOnlyList<Passage> Passages { get; set; } = [];

    public KnowledgeStats Stats { get; set; } = new(
        2,
        7,
        new Dictionary<string, int> { ["aws.md"] = 5, ["k8s/pods.md"] = 2 },
        [new FileFailure("broken.md", "not valid UTF-8")],
        new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public event EventHandler<ReloadReport>? Reloaded;

    public Answer Ask(string question)
    {
        Interlocked.Increment(ref _asked);
        lock (Questions)
        {
            Questions.Add(question);
        }

        return Responder(question);
    }

    public Task<ReloadReport> ReloadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reloads);
        var report = NextReload();
        Reloaded?.Invoke(this, report);
        return Task.FromResult(report);
    }

    public static Answer Decline(string question) => new(
        question, false, AnswerVerdict.None, string.Empty, [], [new Citation("aws.md", "S3", 10, 12, "s3 things")]);

    public static Answer Yes(string question) => new(
        question, true, AnswerVerdict.Yes, "it is.", [new Citation("aws.md", "EBS Encryption", 71, 71, "by default it is **not** encrypted")], []);
}
