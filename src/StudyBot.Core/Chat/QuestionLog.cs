namespace StudyBot.Core.Chat;

/// <summary>One question the bot was asked, recorded for <c>stats</c> and (when declined) <c>gaps</c>.</summary>
public sealed record QuestionRecord(DateTimeOffset At, string Platform, string Question, bool Answered);

/// <summary>Question counts for <c>stats</c>; "today" is the UTC day.</summary>
public sealed record QuestionStats(long AskedToday, long AnsweredToday, long AskedTotal, long AnsweredTotal)
{
    public long DeclinedTotal => AskedTotal - AnsweredTotal;
}

/// <summary>A question the notes did not answer, or answered wrongly by someone's 👎: its normalized text, how often it
/// was declined and how often its answer was marked wrong.</summary>
/// <param name="Comments">What people said was wrong with the answer, newest first (a few at most).</param>
public sealed record KnowledgeGap(string Question, long TimesAsked, DateTimeOffset LastAsked, long WrongAnswers = 0, IReadOnlyList<string>? Comments = null)
{
    public IReadOnlyList<string> CommentList => Comments ?? [];
}

/// <summary>Where questions are counted and declined questions kept.</summary>
public interface IQuestionLog
{
    /// <summary>Queues a question for storage; never blocks the reply.</summary>
    void Record(QuestionRecord record);

    /// <summary>Counts, including every question recorded before the call.</summary>
    Task<QuestionStats> GetStatsAsync(DateOnly today, CancellationToken cancellationToken);

    /// <summary>Declined questions not answered since, and answers marked wrong, that are not marked done; most asked first.</summary>
    Task<IReadOnlyList<KnowledgeGap>> GetGapsAsync(int count, CancellationToken cancellationToken);

    /// <summary>Someone marked the answer to <paramref name="question"/> wrong (👎).</summary>
    Task RecordWrongAnswerAsync(string question, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>What was wrong with the answer to <paramref name="question"/>, said after a 👎; kept with the gap.</summary>
    Task RecordWrongAnswerCommentAsync(string question, string comment, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Takes a gap (by its normalized text, as <see cref="GetGapsAsync"/> gives it) off the list until it is
    /// declined or marked wrong again; false when there is no such gap.</summary>
    Task<bool> MarkGapDoneAsync(string question, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Answered questions whose normalized text contains <paramref name="typed"/> (normalized), most asked
    /// first, as they were last asked; none when the log keeps no such record.</summary>
    Task<IReadOnlyList<string>> GetFrequentQuestionsAsync(string typed, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
