namespace StudyBot.Core.Chat;

/// <summary>One question the bot was asked, recorded for <c>stats</c> and (when declined) <c>gaps</c>.</summary>
public sealed record QuestionRecord(DateTimeOffset At, string Platform, string Question, bool Answered);

/// <summary>Question counts for <c>stats</c>; "today" is the UTC day.</summary>
public sealed record QuestionStats(long AskedToday, long AnsweredToday, long AskedTotal, long AnsweredTotal)
{
    public long DeclinedTotal => AskedTotal - AnsweredTotal;
}

/// <summary>A question the notes did not answer: its normalized text and how often it was asked.</summary>
public sealed record KnowledgeGap(string Question, long TimesAsked, DateTimeOffset LastAsked);

/// <summary>Where questions are counted and declined questions kept.</summary>
public interface IQuestionLog
{
    /// <summary>Queues a question for storage; never blocks the reply.</summary>
    void Record(QuestionRecord record);

    /// <summary>Counts, including every question recorded before the call.</summary>
    Task<QuestionStats> GetStatsAsync(DateOnly today, CancellationToken cancellationToken);

    /// <summary>Declined questions not answered since, most asked first.</summary>
    Task<IReadOnlyList<KnowledgeGap>> GetGapsAsync(int count, CancellationToken cancellationToken);
}
