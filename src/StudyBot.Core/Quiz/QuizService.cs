using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// The quiz engine: posts due quizzes (pending first, confirmed after the platform answered, retried with the same
/// idempotency key), reveals answers, records answers and scores. One instance per unit of work.
/// </summary>
internal sealed partial class QuizService(
    QuizStore store,
    QuestionBank bank,
    IEnumerable<IChannelPublisher> publishers,
    IOptions<QuizOptions> options,
    TimeProvider time,
    ILogger<QuizService> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>After this many failed edits of the quiz post (deleted, say), the reveal is posted as a new message,
    /// so the channel still learns the answer before the attempts run out.</summary>
    private const int EditAttempts = 2;

    /// <summary>At most one review of a missed question per this many days: with reviews every time one is due, a
    /// year of weekday posts at 66 % accuracy would be a fifth repeats (issue 11 wants ≥ 250 distinct in 261).</summary>
    private const int ReviewSpacingDays = 35;

    /// <summary>A fresh question that asks about what the channel was asked in the last this many days waits while
    /// another fresh one does not (<see cref="Spread"/>): a working week of posts and the weekend after it.</summary>
    private const int RelatedSpacingDays = 7;
    private readonly QuizOptions _options = options.Value;

    /// <summary>Handles everything due now; returns when to look again.</summary>
    public async Task<DateTimeOffset> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await RetryPendingAsync(now, cancellationToken);
        var next = now + _options.MaxSleep;
        foreach (var channel in await store.ChannelsAsync(cancellationToken))
        {
            if (!channel.Enabled || !QuizSchedule.TryParseCron(channel.Cron, out var cron))
            {
                continue;
            }

            var zone = QuizSchedule.Zone(channel.TimeZone);
            var anchor = QuizStore.ParseIso(channel.AnchorUtc);
            var due = QuizSchedule.LatestDue(cron!, zone, anchor, now);
            if (due is { } occurrence)
            {
                await HandleOccurrenceAsync(channel, zone, occurrence, now, cancellationToken);
            }

            var upcoming = QuizSchedule.Next(cron!, zone, now);
            if (upcoming is { } u && u < next)
            {
                next = u;
            }
        }

        await RevealDueAsync(now, cancellationToken);
        var pending = await store.NextPendingAsync(cancellationToken);
        if (pending is { } p && p < next)
        {
            next = p;
        }

        return next;
    }

    private async Task HandleOccurrenceAsync(QuizChannelRow channel, TimeZoneInfo zone, DateTimeOffset occurrence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var skip = channel.SkipUtc is null ? (DateTimeOffset?)null : QuizStore.ParseIso(channel.SkipUtc);
        if (skip is { } s && s <= occurrence)
        {
            await store.AdvanceAnchorAsync(channel.Platform, channel.ChannelId, channel.AnchorUtc, occurrence, cancellationToken);
            LogSkipped(channel.Platform, channel.ChannelId, occurrence);
            return;
        }

        var localDate = QuizSchedule.LocalDate(occurrence, zone);
        if (localDate != QuizSchedule.LocalDate(now, zone))
        {
            // Missed while the bot was down, and the day is over: no backlog.
            await store.AdvanceAnchorAsync(channel.Platform, channel.ChannelId, channel.AnchorUtc, occurrence, cancellationToken);
            LogMissed(channel.Platform, channel.ChannelId, occurrence);
            return;
        }

        var key = "q" + QuizQuestion.MakeId(channel.Platform, channel.ChannelId, QuizStore.Iso(occurrence));
        await PostQuizAsync(channel.Platform, channel.ChannelId, channel.TimeZone, key, (channel.AnchorUtc, occurrence), cancellationToken);
    }

    /// <summary>Posts a quiz to a channel now (the admin's <c>quiz now</c>). Null when there is no question or no publisher.</summary>
    public async Task<QuizPostRow?> PostNowAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        var channel = await store.ChannelAsync(platform, channelId, cancellationToken);
        var key = "q" + QuizQuestion.MakeId(platform, channelId, "now", Guid.NewGuid().ToString("N"));
        return await PostQuizAsync(platform, channelId, channel?.TimeZone ?? "UTC", key, null, cancellationToken);
    }

    private async Task<QuizPostRow?> PostQuizAsync(
        string platform, string channelId, string timeZone, string key, (string OldAnchor, DateTimeOffset Occurrence)? anchor, CancellationToken cancellationToken)
    {
        QuizPostRow? post;
        bool created;
        await using (await store.LockChoiceAsync(platform, channelId, cancellationToken))
        {
            var now = time.GetUtcNow();
            var question = await ChooseQuestionAsync(platform, channelId, now, cancellationToken);
            if (question is null)
            {
                LogNoQuestion(platform, channelId);
                if (anchor is { } a)
                {
                    await store.AdvanceAnchorAsync(platform, channelId, a.OldAnchor, a.Occurrence, cancellationToken);
                }

                return null;
            }

            var zone = QuizSchedule.Zone(timeZone);
            (post, created) = await store.CreatePostAsync(
                platform, channelId, key, question, timeZone, QuizSchedule.LocalDate(anchor?.Occurrence ?? now, zone), now,
                now + _options.LeaseTime, anchor, cancellationToken);
        }

        if (post is null)
        {
            return null; // another worker handled the occurrence and posted nothing (no question, or skipped)
        }

        // The creator holds the post's claim; a post someone else created is published here only once their claim ran
        // out (they stopped mid-publish), otherwise they are publishing it right now.
        if (created || (post.Status == "pending" && await store.TryClaimPostAsync(post.Id, time.GetUtcNow(), time.GetUtcNow() + _options.LeaseTime, cancellationToken)))
        {
            await PublishAsync(post, cancellationToken);
        }

        return await store.PostAsync(post.Id, cancellationToken);
    }

    private async Task RetryPendingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var post in await store.PendingPostsAsync(now, cancellationToken))
        {
            if (!await store.TryClaimPostAsync(post.Id, now, now + _options.LeaseTime, cancellationToken))
            {
                continue; // another worker claimed it since the query
            }

            var zone = QuizSchedule.Zone(post.TimeZone);
            if (post.LocalDate != QuizSchedule.LocalDate(now, zone))
            {
                await store.FailPostAttemptAsync(post.Id, now, giveUp: true, cancellationToken);
                LogDayOver(post.Id, post.Platform, post.ChannelId);
                continue;
            }

            await PublishAsync(post, cancellationToken);
        }
    }

    private async Task PublishAsync(QuizPostRow post, CancellationToken cancellationToken)
    {
        var publisher = Publisher(post.Platform);
        if (publisher is null)
        {
            await store.FailPostAttemptAsync(post.Id, time.GetUtcNow(), giveUp: true, cancellationToken);
            LogNoPublisher(post.Platform, post.Id);
            return;
        }

        // The previous quiz of the channel is revealed when the next one comes.
        foreach (var earlier in await store.RevealablePostsAsync(time.GetUtcNow(), post.Platform, post.ChannelId, cancellationToken))
        {
            if (earlier.Id != post.Id)
            {
                await RevealAsync(earlier, cancellationToken);
            }
        }

        try
        {
            var messageId = await publisher.PostAsync(post.ChannelId, QuizReplies.Question(post.Id, post.Question), post.IdempotencyKey, cancellationToken);
            var now = time.GetUtcNow();
            await store.ConfirmPostAsync(post.Id, messageId, now, now + _options.RevealAfter, CancellationToken.None);
            LogPosted(post.Id, post.QuestionId, post.Platform, post.ChannelId);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var giveUp = post.Attempts + 1 >= MaxAttempts;
            await store.FailPostAttemptAsync(post.Id, time.GetUtcNow() + _options.RetryAfter, giveUp, CancellationToken.None);
            LogPostFailed(e, post.Id, post.Platform, post.ChannelId, post.Attempts + 1, giveUp ? "giving up" : "will retry");
        }
    }

    private async Task RevealDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var post in await store.RevealablePostsAsync(now, null, null, cancellationToken))
        {
            await RevealAsync(post, cancellationToken);
        }
    }

    /// <summary>
    /// Closes answers and edits the quiz post into its reveal: the buttons disabled with how many chose each, the right
    /// one marked, the explanation, the citation and the share correct. Members see the answer where they answered,
    /// and no button stays live on a closed quiz.
    /// </summary>
    private async Task RevealAsync(QuizPostRow post, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await store.BeginRevealAsync(post, now, now + _options.LeaseTime, cancellationToken) is not { } counts)
        {
            return; // another worker is revealing it, or it is revealed
        }

        var publisher = Publisher(post.Platform);
        if (publisher is null)
        {
            await store.FailRevealAttemptAsync(post.Id, time.GetUtcNow(), giveUp: true, cancellationToken);
            return;
        }

        try
        {
            var reveal = QuizReplies.Reveal(post.Id, post.Question, counts) with
            {
                ReplacesMessageId = post.RevealAttempts < EditAttempts ? post.MessageId : null,
            };
            await publisher.PostAsync(post.ChannelId, reveal, "r" + post.IdempotencyKey[1..], cancellationToken);
            await store.ConfirmRevealAsync(post.Id, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var giveUp = post.RevealAttempts + 1 >= MaxAttempts;
            await store.FailRevealAttemptAsync(post.Id, time.GetUtcNow() + _options.RetryAfter, giveUp, CancellationToken.None);
            LogRevealFailed(e, post.Id, post.Platform, post.ChannelId);
        }
    }

    private IChannelPublisher? Publisher(string platform) =>
        publishers.FirstOrDefault(p => string.Equals(p.Platform, platform, StringComparison.OrdinalIgnoreCase));

    /// <summary>Why a bank is empty, said to members and admins alike: notes may be loaded and still give no line a reader
    /// would keep as a question (a style guide of frequent words, a short page), and the team's own questions fill that
    /// gap. "Are the notes loaded?" sent admins looking for a loading fault that was not there.</summary>
    internal const string NoQuestionsReason =
        "the notes gave none worth asking (write your own in a *.quiz.md file beside the notes, see docs/quiz.md)";

    /// <summary>
    /// Rotation: a question the channel got wrong whose review is due comes first; then questions never asked, the
    /// team's own first; then those not asked for <see cref="QuizOptions.RepeatAfterDays"/>, longest ago first; when
    /// every question was asked, the one whose SM-2 review is due first.
    /// </summary>
    internal async Task<QuizQuestion?> ChooseQuestionAsync(string platform, string channelId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (questions, reserve) = await QuestionsAsync(cancellationToken);
        // Notes whose questions all sit in the reserve (command references: the tldr pages' bank is empty) still get a
        // daily quiz: the reserve is asked once the bank is used up, and an empty bank is used up from the start.
        if (questions.Count == 0 && reserve.Count == 0)
        {
            return null;
        }

        var states = (await store.QuestionStatesAsync(platform, channelId, cancellationToken)).ToDictionary(s => s.QuestionId, StringComparer.Ordinal);
        // A missed question comes back once its SM-2 review is due and RepeatAfterDays have passed (never the next
        // day: at 50 % accuracy that re-posted yesterday's question 148 times a year), and at most one review every
        // ReviewSpacingDays, so that a year of weekday posts stays mostly new questions.
        var nowIso = QuizStore.Iso(now);
        var repeatBefore = QuizStore.Iso(now.AddDays(-_options.RepeatAfterDays));
        var lastReview = states.Values.Where(s => s.AskedCount >= 2).Select(s => s.LastAskedUtc).DefaultIfEmpty(string.Empty).Max(StringComparer.Ordinal)!;
        var reviewAllowed = string.CompareOrdinal(lastReview, QuizStore.Iso(now.AddDays(-ReviewSpacingDays))) < 0;
        var missed = !reviewAllowed ? null : questions.Concat(reserve)
            .Select(q => (Question: q, State: states.GetValueOrDefault(q.Id)))
            .Where(x => x.State is { Repetitions: 0, LastShareCorrect: < 0.5, DueUtc: not null } s
                && string.CompareOrdinal(s.DueUtc, nowIso) <= 0 && string.CompareOrdinal(s.LastAskedUtc, repeatBefore) < 0)
            .OrderBy(x => x.State!.DueUtc, StringComparer.Ordinal)
            .Select(x => x.Question)
            .FirstOrDefault();
        if (missed is not null)
        {
            return missed;
        }

        // Never asked first (the team's own first), then the reserve, best first (a weaker question the channel has
        // not seen beats one it saw last week); only then those asked more than RepeatAfterDays ago, the longest ago
        // first. Otherwise two backdated posts came back before thousands never asked. The reserve repeats like the
        // bank: with it left out, small notes (the seed's three questions and two in reserve) repeated their three
        // questions for ever and never asked the reserve's two again.
        var recent = AskedLately(questions.Concat(reserve), q => states.GetValueOrDefault(q.Id)?.LastAskedUtc, now);
        var asked = questions.Concat(reserve).Where(q => states.ContainsKey(q.Id)).ToList();
        var fresh = Spread(questions
                .Where(q => !states.ContainsKey(q.Id))
                .OrderBy(q => q.Kind == QuizQuestionKind.Team ? 0 : 1)
                .ThenBy(q => QuizText.OrderKey(platform + channelId, q.Id), StringComparer.Ordinal), recent)
            ?? Spread(reserve.Where(q => !states.ContainsKey(q.Id)), recent)
            ?? asked
                .Where(q => string.CompareOrdinal(states[q.Id].LastAskedUtc, repeatBefore) < 0)
                .OrderBy(q => states[q.Id].LastAskedUtc, StringComparer.Ordinal)
                .FirstOrDefault();
        if (fresh is not null)
        {
            return fresh;
        }

        return asked
            .OrderBy(q => states[q.Id].DueUtc ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(q => states[q.Id].LastAskedUtc, StringComparer.Ordinal)
            .First();
    }

    /// <summary>What the channel's rotation has to ask: the bank's questions (the team's own among them), the reserve's,
    /// and how many of either this channel was never asked (retired ones left out), for the <c>quiz</c> status: on small
    /// notes the daily quiz runs out of new questions within days, and the admin should hear so before it repeats.</summary>
    internal async Task<QuizSupply> SupplyAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        var (questions, reserve) = await QuestionsAsync(cancellationToken);
        var states = await store.QuestionStatesAsync(platform, channelId, cancellationToken);
        var asked = states.Select(s => s.QuestionId).ToHashSet(StringComparer.Ordinal);
        return new QuizSupply(
            questions.Count,
            questions.Count(q => q.Kind == QuizQuestionKind.Team),
            reserve.Count,
            questions.Concat(reserve).Count(q => !asked.Contains(q.Id)));
    }

    /// <summary>The first of <paramref name="ordered"/> that asks about something other than the channel's recent
    /// questions (for <c>quiz me</c>, the member's; <see cref="Related"/>), else the first: the bank holds both sides of
    /// a contrast ("Active Mode" and "Passive Mode", the same two choices) and several blanks over one family
    /// (CloudTrail, CloudWatch, CloudFront, CloudFormation), and asked one after the other the second is answered by
    /// the first one's reveal.</summary>
    internal static QuizQuestion? Spread(IEnumerable<QuizQuestion> ordered, IReadOnlyList<QuizQuestion> recent)
    {
        QuizQuestion? first = null;
        foreach (var q in ordered)
        {
            first ??= q;
            if (!recent.Any(r => Related(q, r)))
            {
                return q;
            }
        }

        return first;
    }

    /// <summary>The questions asked in the last <see cref="RelatedSpacingDays"/> (<paramref name="lastAsked"/>: when, as
    /// ISO-8601 text, or null if never), which <see cref="Spread"/> keeps the next fresh question away from.</summary>
    private static List<QuizQuestion> AskedLately(IEnumerable<QuizQuestion> questions, Func<QuizQuestion, string?> lastAsked, DateTimeOffset now)
    {
        var since = QuizStore.Iso(now.AddDays(-RelatedSpacingDays));
        return questions.Where(q => lastAsked(q) is { } asked && string.CompareOrdinal(asked, since) >= 0).ToList();
    }

    /// <summary>Two questions about the same thing: the same right answer, or the same set of choices. Yes/no
    /// questions share their choices and their answers with every other one, so they are never related.</summary>
    internal static bool Related(QuizQuestion a, QuizQuestion b) =>
        a.Kind != QuizQuestionKind.YesNo && b.Kind != QuizQuestionKind.YesNo
        && (string.Equals(QuizText.Normalize(a.Answer), QuizText.Normalize(b.Answer), StringComparison.Ordinal)
            || a.Choices.Select(QuizText.Normalize).ToHashSet(StringComparer.Ordinal).SetEquals(b.Choices.Select(QuizText.Normalize)));

    /// <summary>The bank's questions and its reserve's (best first), those retired left out.</summary>
    private async Task<(IReadOnlyList<QuizQuestion> Questions, IReadOnlyList<QuizQuestion> Reserve)> QuestionsAsync(CancellationToken cancellationToken)
    {
        var banned = await store.BannedAsync(cancellationToken);
        IReadOnlyList<QuizQuestion> Askable(IReadOnlyList<QuizQuestion> questions) =>
            banned.Count == 0 ? questions : questions.Where(q => !banned.Contains(q.Id)).ToList();
        return (Askable(bank.Questions), Askable(bank.Reserve));
    }

    /// <summary>
    /// <c>quiz me</c>: a question for the asking member alone, from their own SM-2 schedule. Their due reviews come
    /// first, the longest due first; with nothing due, a question they have never had (the team's first); when they have
    /// had every one, their next review early. The question's buttons carry <c>quiz:me:{questionId}:{choice}</c>.
    /// </summary>
    public async Task<Reply> PracticeAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var (questions, reserve) = await QuestionsAsync(cancellationToken);
        if (questions.Count == 0 && reserve.Count == 0)
        {
            return new Reply($"There are no quiz questions yet: {NoQuestionsReason}.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        var now = time.GetUtcNow();
        var nowIso = QuizStore.Iso(now);
        var states = (await store.MemberStatesAsync(message.Platform, message.UserId, cancellationToken)).ToDictionary(s => s.QuestionId, StringComparer.Ordinal);
        var due = questions.Concat(reserve)
            .Where(q => states.GetValueOrDefault(q.Id)?.DueUtc is { } d && string.CompareOrdinal(d, nowIso) <= 0)
            .OrderBy(q => states[q.Id].DueUtc, StringComparer.Ordinal)
            .ToList();
        var recent = AskedLately(questions.Concat(reserve), q => states.GetValueOrDefault(q.Id)?.LastAskedUtc, now);
        var fresh = Spread(questions
                .Where(q => !states.ContainsKey(q.Id))
                .OrderBy(q => q.Kind == QuizQuestionKind.Team ? 0 : 1)
                .ThenBy(q => QuizText.OrderKey(message.Platform + message.UserId, q.Id), StringComparer.Ordinal), recent)
            ?? Spread(reserve.Where(q => !states.ContainsKey(q.Id)), recent);
        var (question, note) = due.Count > 0
            ? (due[0], due.Count == 1 ? "1 question is due for you:" : $"{due.Count} questions are due for you; the first:")
            : fresh is not null
                ? (fresh, "Nothing is due for you: a new question.")
                : (questions.Concat(reserve).OrderBy(q => states[q.Id].DueUtc ?? string.Empty, StringComparer.Ordinal).First(),
                    "Nothing is due and you have had every question: your next review, early.");
        await store.MarkAskedAsync(message.Platform, message.UserId, question.Id, now, cancellationToken);
        return QuizReplies.Practice(question, note);
    }

    /// <summary>An answer to <c>quiz me</c> (<c>quiz:me:{questionId}:{choice}</c>): graded once, and the member's next
    /// review of the question scheduled.</summary>
    private async Task<Reply> PracticeAnswerAsync(IncomingMessage message, string questionId, string choiceText, CancellationToken cancellationToken)
    {
        var question = bank.Find(questionId);
        if (question is null || (await store.BannedAsync(cancellationToken)).Contains(questionId))
        {
            return new Reply("That question is no longer in the quiz. Say **quiz me** for another.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        if (!int.TryParse(choiceText, NumberStyles.None, CultureInfo.InvariantCulture, out var choice) || choice >= question.Choices.Count)
        {
            return new Reply("That choice is not part of this question.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        var right = choice == question.AnswerIndex;
        var next = await store.ReviewMemberAsync(message.Platform, message.UserId, question.Id, Grade(right), asked: true, time.GetUtcNow(), cancellationToken);
        if (next is null)
        {
            return new Reply("You have answered this question already. Say **quiz me** for the next one.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        var days = Math.Max(1, (int)Math.Round(next.IntervalDays));
        var again = $"You will get it again in {days} day{(days == 1 ? string.Empty : "s")}.";
        var verdict = right
            ? $"Correct: **{question.Answer}**! {again}"
            : $"Not quite: you chose **{question.Choices[choice]}**. The answer is **{QuizReplies.Letter(question.AnswerIndex)}. {question.Answer}**. {again}";
        return new Reply(
            $"{verdict}\n\n{question.Explanation}\n\nSay **quiz me** for another.",
            Title: "Quiz me", Citations: QuizReplies.CitedLines(question), Private: true, Kind: ReplyKind.QuizFeedback);
    }

    /// <summary>A member's answer as an SM-2 grade: right is "correct after some thought", wrong is "wrong, but
    /// familiar once seen" (due again the next day).</summary>
    private static int Grade(bool right) => right ? 4 : 1;

    /// <summary>Records a member's button press; only the first answer per member and post counts.</summary>
    public async Task<Reply> AnswerAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var parts = (message.ActionData ?? string.Empty).Split(':');
        if (parts is [_, "me", var questionId, var choiceText])
        {
            return await PracticeAnswerAsync(message, questionId, choiceText, cancellationToken);
        }

        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var postId)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var choice))
        {
            return new Reply("That button is not a quiz answer.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        var post = await store.PostAsync(postId, cancellationToken);
        // A press counts only in the channel the quiz was posted to (a button id copied into another channel does not).
        if (post is null || post.Status != "posted" || !string.Equals(post.Platform, message.Platform, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(post.ChannelId, message.ChannelId, StringComparison.Ordinal))
        {
            return new Reply("This quiz is not open.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        if (post.RevealStatus is not null)
        {
            return new Reply("This quiz is closed: the answer has been revealed.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        var question = post.Question;
        if (choice >= question.Choices.Count)
        {
            return new Reply("That choice is not part of this quiz.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        var now = time.GetUtcNow();
        var zone = QuizSchedule.Zone(post.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var right = choice == question.AnswerIndex;
        var outcome = await store.AddAnswerAsync(
            post.Id, post.Platform, message.UserId, message.DisplayName, choice, right, right ? _options.PointsPerCorrectAnswer : 0,
            now, local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("yyyy-MM", CultureInfo.InvariantCulture), cancellationToken);
        if (outcome == AnswerOutcome.AlreadyAnswered)
        {
            return new Reply("You have already answered this quiz; only your first answer counts.", Private: true, Kind: ReplyKind.QuizFeedback);
        }

        // The daily quiz also schedules the question in the member's own reviews: one they missed is due for them in
        // quiz me the next day.
        await store.ReviewMemberAsync(post.Platform, message.UserId, question.Id, Grade(right), asked: false, now, cancellationToken);

        var revealAt = post.RevealUtc is null ? null : TimeZoneInfo.ConvertTime(QuizStore.ParseIso(post.RevealUtc), zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        if (!right)
        {
            return new Reply(
                $"Not quite: you chose **{question.Choices[choice]}**. The answer is revealed {(revealAt is null ? "later" : $"at {revealAt} ({post.TimeZone})")}.",
                Private: true, Kind: ReplyKind.QuizFeedback);
        }

        var stats = await MyStatsAsync(post.Platform, post.ChannelId, message.UserId, cancellationToken);
        return new Reply(
            $"Correct: **{question.Answer}**! +{_options.PointsPerCorrectAnswer} point{(_options.PointsPerCorrectAnswer == 1 ? string.Empty : "s")}. Streak: {stats.Streak} day{(stats.Streak == 1 ? string.Empty : "s")}.",
            Private: true, Kind: ReplyKind.QuizFeedback);
    }

    /// <summary>The longest streak looked for: about four years of weekday quizzes.</summary>
    private const int MaxStreakDays = 1000;

    /// <summary>
    /// A member's points and accuracy on the platform, and their current streak in a channel: consecutive days on which
    /// a quiz was posted there and the member answered one correctly. Days without a quiz (a Mon–Fri schedule's weekend,
    /// a skipped day) neither count nor break it; a quiz day still open and not yet answered waits. A channel without
    /// quizzes (a direct message) shows the streak of the channel the member last answered in.
    /// </summary>
    public async Task<MemberStats> MyStatsAsync(string platform, string channelId, string userId, CancellationToken cancellationToken)
    {
        var answers = await store.AnswersOfUserAsync(platform, userId, cancellationToken);
        var points = answers.Sum(a => a.Points);
        var correct = answers.Count(a => a.Correct);
        var days = await store.QuizDaysAsync(platform, channelId, userId, MaxStreakDays, cancellationToken);
        if (days.Count == 0 && await store.LatestAnswerChannelAsync(platform, userId, cancellationToken) is { } other)
        {
            days = await store.QuizDaysAsync(platform, other, userId, MaxStreakDays, cancellationToken);
        }

        var streak = 0;
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].Correct)
            {
                streak++;
            }
            else if (i > 0 || !days[i].Open || days[i].Answered)
            {
                break;
            }
        }

        return new MemberStats(points, streak, answers.Count, correct);
    }

    /// <summary>The leaderboard reply for the asking channel: this month and all time.</summary>
    public async Task<Reply> LeaderboardAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var channel = await store.ChannelAsync(message.Platform, message.ChannelId, cancellationToken);
        var zone = QuizSchedule.Zone(channel?.TimeZone);
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var month = local.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**This month ({local.ToString("MMMM yyyy", CultureInfo.InvariantCulture)})**\n");
        AppendBoard(text, await store.LeaderboardAsync(message.Platform, message.ChannelId, month, 10, cancellationToken));
        text.Append("\n**All time**\n");
        AppendBoard(text, await store.LeaderboardAsync(message.Platform, message.ChannelId, null, 10, cancellationToken));
        return new Reply(text.ToString().TrimEnd(), Title: "Quiz leaderboard", Kind: ReplyKind.Leaderboard);
    }

    private static void AppendBoard(StringBuilder text, IReadOnlyList<(string UserId, string DisplayName, long Points, long Correct, long Answered)> rows)
    {
        if (rows.Count == 0)
        {
            text.Append("No answers yet.\n");
            return;
        }

        var rank = 1;
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{rank++}. {MarkdownText.Escape(r.DisplayName)} — {r.Points} point{(r.Points == 1 ? string.Empty : "s")} ({r.Correct}/{r.Answered} correct)\n");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quiz for {Platform} {ChannelId} at {Occurrence} skipped by an admin")]
    private partial void LogSkipped(string platform, string channelId, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quiz for {Platform} {ChannelId} at {Occurrence} missed on an earlier day; not posted")]
    private partial void LogMissed(string platform, string channelId, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No quiz question available for {Platform} {ChannelId}")]
    private partial void LogNoQuestion(string platform, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quiz post {PostId} to {Platform} {ChannelId} given up: its day is over")]
    private partial void LogDayOver(long postId, string platform, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No channel publisher for platform {Platform}; quiz post {PostId} dropped")]
    private partial void LogNoPublisher(string platform, long postId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quiz post {PostId} ({QuestionId}) posted to {Platform} {ChannelId}")]
    private partial void LogPosted(long postId, string questionId, string platform, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quiz post {PostId} to {Platform} {ChannelId} failed (attempt {Attempt}); {Next}")]
    private partial void LogPostFailed(Exception exception, long postId, string platform, string channelId, long attempt, string next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quiz reveal {PostId} to {Platform} {ChannelId} failed")]
    private partial void LogRevealFailed(Exception exception, long postId, string platform, string channelId);
}

/// <summary>A member's quiz record.</summary>
public sealed record MemberStats(long Points, int Streak, int Answered, int Correct)
{
    /// <summary>Share of answers that were correct, 0–1.</summary>
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>What a channel's rotation has to ask (<see cref="QuizService.SupplyAsync"/>): the bank's questions, the
/// team's own among them, the reserve's, and how many of bank and reserve the channel was never asked.</summary>
internal sealed record QuizSupply(int Bank, int Team, int Reserve, int Unasked)
{
    /// <summary>Fewer new questions than this (about four weeks of weekday quizzes) and the status says how to add
    /// more: the generator keeps only questions a reader would (the seed notes give five), so small notes run out.</summary>
    public const int FewLeft = 20;

    /// <summary>"5 questions from the notes (2 of them in reserve) and 1 of the team's own", or "no question yet".</summary>
    public string Describe()
    {
        var notes = Bank - Team + Reserve;
        if (notes + Team == 0)
        {
            return "no question yet";
        }

        // "1 question from the notes (1 of them in reserve)" read oddly to a teacher: say "in reserve" or "all in reserve".
        var reserved = Reserve == 0 ? string.Empty : Reserve < notes ? $" ({Reserve} of them in reserve)" : notes == 1 ? ", in reserve" : ", all in reserve";
        var fromNotes = string.Create(CultureInfo.InvariantCulture, $"{notes} {(notes == 1 ? "question" : "questions")} from the notes{reserved}");
        return Team == 0 ? fromNotes : string.Create(CultureInfo.InvariantCulture, $"{fromNotes}{(reserved.StartsWith(',') ? "," : string.Empty)} and {Team} of the team's own");
    }
}

/// <summary>How quiz posts and reveals look, platform-neutral.</summary>
internal static class QuizReplies
{
    private const string Letters = "ABCDEFGHIJ";

    public static Reply Question(long postId, QuizQuestion q)
    {
        var text = new StringBuilder();
        text.Append(q.Text).Append("\n\n");
        for (var i = 0; i < q.Choices.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"**{Letters[i]}.** {Shown(q, q.Choices[i])}\n");
        }

        text.Append("\nAnswer with a button; only your first answer counts.");
        var buttons = q.Choices
            .Select((_, i) => new ReplyButton(Label(q, i), $"quiz:{postId}:{i}", ButtonStyle.Primary))
            .ToList();
        return new Reply(text.ToString(), Title: "Daily quiz", Buttons: buttons, Kind: ReplyKind.Quiz, ViewActionId: QuizViewHandler.ActionId(postId));
    }

    /// <summary>The quiz post as revealed (it replaces the question): each choice with how many chose it, the right
    /// one marked, the same buttons disabled (the right one green), then the explanation and the cited lines.</summary>
    public static Reply Reveal(long postId, QuizQuestion q, RevealCounts counts)
    {
        var share = counts.Answered == 0 ? "nobody answered" : $"{counts.Answered} answered, {Math.Round(100.0 * counts.Correct / counts.Answered)}% correct";
        var text = new StringBuilder();
        text.Append(q.Text).Append("\n\n");
        for (var i = 0; i < q.Choices.Count; i++)
        {
            var mark = i == q.AnswerIndex ? "✅ " : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{mark}**{Letters[i]}.** {Shown(q, q.Choices[i])} — {Chose(counts.PerChoice[i])}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n**Answer: {Letters[q.AnswerIndex]}. {Shown(q, q.Answer)}**\n\n{q.Explanation}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{share}. Source: {q.Citation.File}, {CitationText.Lines(q.Citation.LineStart, q.Citation.LineEnd)}.");
        var buttons = q.Choices
            .Select((_, i) => new ReplyButton(
                $"{(i == q.AnswerIndex ? "✓ " : string.Empty)}{Label(q, i)} · {counts.PerChoice[i]}",
                $"quiz:{postId}:{i}",
                i == q.AnswerIndex ? ButtonStyle.Success : ButtonStyle.Secondary,
                Disabled: true))
            .ToList();
        return new Reply(text.ToString(), Title: "Daily quiz: answer", Citations: CitedLines(q), Buttons: buttons, Kind: ReplyKind.QuizReveal);
    }

    /// <summary><c>quiz me</c>'s question, for the asking member alone: buttons <c>quiz:me:{questionId}:{choice}</c>.</summary>
    public static Reply Practice(QuizQuestion q, string note)
    {
        var text = new StringBuilder();
        text.Append(note).Append("\n\n").Append(q.Text).Append("\n\n");
        for (var i = 0; i < q.Choices.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"**{Letters[i]}.** {Shown(q, q.Choices[i])}\n");
        }

        var buttons = q.Choices.Select((_, i) => new ReplyButton(Label(q, i), $"quiz:me:{q.Id}:{i}", ButtonStyle.Primary)).ToList();
        return new Reply(text.ToString().TrimEnd(), Title: "Quiz me", Buttons: buttons, Private: true, Kind: ReplyKind.Quiz);
    }

    /// <summary>A choice as the post's text shows it: a command as code, so that its <c>*</c>, <c>_</c> and <c>|</c> stay
    /// as written rather than turn into emphasis or a table (<c>ls *.txt</c>); every other choice as it is.</summary>
    private static string Shown(QuizQuestion q, string choice) =>
        q.Kind != QuizQuestionKind.Command ? choice : choice.Contains('`', StringComparison.Ordinal) ? $"`` {choice} ``" : $"`{choice}`";

    /// <summary>The letter of choice <paramref name="i"/>.</summary>
    public static char Letter(int i) => Letters[i];

    /// <summary>The question's citation, quoting the explanation when the citation carries no lines of its own.</summary>
    public static IReadOnlyList<Citation> CitedLines(QuizQuestion q) =>
        [q.Citation with { Snippet = string.IsNullOrEmpty(q.Citation.Snippet) ? q.Explanation : q.Citation.Snippet }];

    /// <summary>A button's label: the letter and the choice when every choice is short, else the letter alone.</summary>
    private static string Label(QuizQuestion q, int i) =>
        q.Choices.All(c => c.Length <= 40) ? $"{Letters[i]}. {q.Choices[i]}" : Letters[i].ToString();

    private static string Chose(int n) => n == 1 ? "1 answer" : string.Create(CultureInfo.InvariantCulture, $"{n} answers");
}
