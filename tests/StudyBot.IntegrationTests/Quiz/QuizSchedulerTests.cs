using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;
using StudyBot.Core.Quiz;
using StudyBot.Core.Storage;
using StudyBot.IntegrationTests.Storage;

namespace StudyBot.IntegrationTests.Quiz;

/// <summary>The scheduler and store on both providers: every test runs on a SQLite file and on a PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public class QuizSchedulerTests(PostgresServer postgres)
{
    public static TheoryData<StorageProvider> Providers => new(StorageProvider.Sqlite, StorageProvider.Postgres);

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static FakeTimeProvider At(string utc) => new(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    private static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Berlin).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunOnce_DailyCronAcrossSpringDstChange_PostsOncePerDayAtNineLocal(StorageProvider provider)
    {
        var time = At("2026-03-26T12:00:00Z");
        using var folder = QuizHarness.NewFolder(10);
        await using var h = Start(provider, folder, time);
        await h.EnsureChannelAsync("c1", "0 9 * * *", "Europe/Berlin");

        await h.RunUntilAsync(DateTimeOffset.Parse("2026-03-31T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(
            ["2026-03-27 09:00", "2026-03-28 09:00", "2026-03-29 09:00", "2026-03-30 09:00", "2026-03-31 09:00"],
            h.Publisher.Quizzes.Select(p => Local(p.At)));
        // 09:00 Berlin is 08:00 UTC before the change on 29 March and 07:00 UTC after it.
        Assert.Equal([8, 8, 7, 7, 7], h.Publisher.Quizzes.Select(p => p.At.UtcDateTime.Hour));
        Assert.Equal(5, h.Publisher.Quizzes.Select(p => p.Reply.Markdown).Distinct().Count());
        Assert.Equal(5, h.Publisher.Reveals.Count());
        Assert.All(h.Publisher.Reveals.Zip(h.Publisher.Quizzes), x => Assert.Equal(TimeSpan.FromHours(1), x.First.At - x.Second.At));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunOnce_AutumnDstChangeWithRepeatedHour_PostsExactlyOnceThatDay(StorageProvider provider)
    {
        var time = At("2026-10-23T12:00:00Z");
        using var folder = QuizHarness.NewFolder(10);
        await using var h = Start(provider, folder, time);
        await h.EnsureChannelAsync("c1", "30 2 * * *", "Europe/Berlin");

        await h.RunUntilAsync(DateTimeOffset.Parse("2026-10-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var days = h.Publisher.Quizzes.Select(p => Local(p.At)[..10]).ToList();
        Assert.Equal(["2026-10-24", "2026-10-25", "2026-10-26", "2026-10-27"], days);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunOnce_SpringDstGap_PostsOnceWhenTheLocalTimeDoesNotExist(StorageProvider provider)
    {
        var time = At("2026-03-28T12:00:00Z");
        using var folder = QuizHarness.NewFolder(10);
        await using var h = Start(provider, folder, time);
        await h.EnsureChannelAsync("c1", "30 2 * * *", "Europe/Berlin");

        await h.RunUntilAsync(DateTimeOffset.Parse("2026-03-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["2026-03-29", "2026-03-30"], h.Publisher.Quizzes.Select(p => Local(p.At)[..10]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restart_InTheMiddle_NoDoublePostAndNoLostAnswers(StorageProvider provider)
    {
        using var folder = QuizHarness.NewFolder(10);
        var time = At("2026-06-01T06:00:00Z");
        var publisher = new RecordingPublisher(time);
        await using (var first = Start(provider, folder, time, publisher))
        {
            await first.EnsureChannelAsync("c1", "0 9 * * *", "Europe/Berlin");
            await first.RunUntilAsync(DateTimeOffset.Parse("2026-06-01T07:10:00Z", System.Globalization.CultureInfo.InvariantCulture));
            var quiz = Assert.Single(publisher.Quizzes).Reply;
            await first.PressAsync(QuizHarness.Action(quiz, QuizHarness.RightChoice(quiz)), "u1");
            await first.PressAsync(QuizHarness.Action(quiz, (QuizHarness.RightChoice(quiz) + 1) % 3), "u2");
        }

        await using var second = Start(provider, folder, time, publisher);
        await second.EnsureChannelAsync("c1", "0 9 * * *", "Europe/Berlin");
        await second.TickAsync();
        Assert.Single(publisher.Quizzes);
        var again = await second.PressAsync(QuizHarness.Action(publisher.Quizzes.Single().Reply, 0), "u1");
        Assert.Contains("already answered", again.Markdown, StringComparison.Ordinal);

        await second.RunUntilAsync(DateTimeOffset.Parse("2026-06-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(publisher.Quizzes);
        var reveal = Assert.Single(publisher.Reveals).Reply;
        Assert.Contains("2 answered, 50% correct", reveal.Markdown, StringComparison.Ordinal);
        var board = await second.CommandAsync("leaderboard");
        Assert.Contains("Name u1 — 1 point", board.Markdown, StringComparison.Ordinal);
        var otherChannel = await second.CommandAsync("leaderboard", channel: "c2");
        Assert.DoesNotContain("Name u1", otherChannel.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restart_AfterMissedPostSameDay_PostsItOnce(StorageProvider provider)
    {
        using var folder = QuizHarness.NewFolder(10);
        var time = At("2026-06-01T05:00:00Z");
        var publisher = new RecordingPublisher(time);
        await using (var first = Start(provider, folder, time, publisher))
        {
            await first.EnsureChannelAsync("c1", "0 9 * * *", "Europe/Berlin");
            await first.TickAsync();
        }

        // Down from 07:00 to 11:00 local: the 09:00 quiz was missed.
        time.SetUtcNow(DateTimeOffset.Parse("2026-06-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var second = Start(provider, folder, time, publisher);
        await second.TickAsync();
        await second.TickAsync();
        var post = Assert.Single(publisher.Quizzes);
        Assert.Equal("2026-06-01 11:00", Local(post.At));

        await second.RunUntilAsync(DateTimeOffset.Parse("2026-06-01T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(publisher.Quizzes);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restart_AfterDaysDown_PostsNoBacklog(StorageProvider provider)
    {
        using var folder = QuizHarness.NewFolder(10);
        var time = At("2026-06-01T05:00:00Z");
        var publisher = new RecordingPublisher(time);
        await using (var first = Start(provider, folder, time, publisher))
        {
            await first.EnsureChannelAsync("c1", "0 9 * * *", "Europe/Berlin");
            await first.TickAsync();
        }

        // Back on 4 June at 08:00 local, before that day's quiz: the three missed days are not posted.
        time.SetUtcNow(DateTimeOffset.Parse("2026-06-04T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var second = Start(provider, folder, time, publisher);
        await second.TickAsync();
        Assert.Empty(publisher.Quizzes);
        await second.RunUntilAsync(DateTimeOffset.Parse("2026-06-04T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["2026-06-04 09:00"], publisher.Quizzes.Select(p => Local(p.At)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunOnce_PublishFails_RetriesWithTheSameKeyAndPostsOnce(StorageProvider provider)
    {
        var time = At("2026-06-01T06:59:00Z");
        using var folder = QuizHarness.NewFolder(10);
        await using var h = Start(provider, folder, time);
        await h.EnsureChannelAsync("c1", "0 9 * * *", "Europe/Berlin");
        h.Publisher.FailNext(2);

        await h.RunUntilAsync(DateTimeOffset.Parse("2026-06-01T07:30:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var post = Assert.Single(h.Publisher.Quizzes);
        Assert.Equal(3, h.Publisher.Attempts.Count(k => k == post.Key));
        Assert.Equal(TimeSpan.FromMinutes(1), post.At - DateTimeOffset.Parse("2026-06-01T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Answer_ButtonPressedInAnotherChannel_NotRecorded(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(3);
        await using var h = Start(provider, folder, time);
        await h.CommandAsync("quiz now", channel: "777");
        var quiz = Assert.Single(h.Publisher.Quizzes).Reply;
        var action = QuizHarness.Action(quiz, QuizHarness.RightChoice(quiz));

        var elsewhere = await h.PressAsync(action, "u1", channel: "888");
        var there = await h.PressAsync(action, "u1", channel: "777");

        Assert.Contains("not open", elsewhere.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("already answered", there.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Leaderboard_DisplayNameWithMarkdownLink_ShownAsText(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(3);
        await using var h = Start(provider, folder, time);
        await h.CommandAsync("quiz now");
        var quiz = Assert.Single(h.Publisher.Quizzes).Reply;
        await h.PressAsync(QuizHarness.Action(quiz, QuizHarness.RightChoice(quiz)), "[Claim prize](https://evil.example/x)");

        var board = await h.CommandAsync("leaderboard");

        Assert.DoesNotContain("[Claim prize](https", board.Markdown, StringComparison.Ordinal);
        Assert.Contains(@"\[Claim prize\]\(https://evil.example/x\)", board.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Leaderboard_AnswersInTwoMonthsAndTwoChannels_MonthAndAllTimeOfThisChannelOnly(StorageProvider provider)
    {
        var time = At("2026-05-31T07:00:00Z");
        using var folder = QuizHarness.NewFolder(6);
        await using var h = Start(provider, folder, time);
        async Task AnswerRightAsync(string channel, string user)
        {
            await h.CommandAsync("quiz now", channel: channel);
            var quiz = h.Publisher.Quizzes.Last().Reply;
            await h.PressAsync(QuizHarness.Action(quiz, QuizHarness.RightChoice(quiz)), user, channel);
        }

        // May: u1 scores in c1; June: u2 in c1, and u3 in c2 twice.
        await AnswerRightAsync("c1", "u1");
        time.Advance(TimeSpan.FromDays(1));
        await AnswerRightAsync("c1", "u2");
        await AnswerRightAsync("c2", "u3");
        await AnswerRightAsync("c2", "u3");

        var board = (await h.CommandAsync("leaderboard", channel: "c1")).Markdown;
        var (month, allTime) = (board[..board.IndexOf("**All time**", StringComparison.Ordinal)], board[board.IndexOf("**All time**", StringComparison.Ordinal)..]);

        Assert.Contains("This month (June 2026)", month, StringComparison.Ordinal);
        Assert.Contains("1. Name u2 — 1 point (1/1 correct)", month, StringComparison.Ordinal);
        Assert.DoesNotContain("Name u1", month, StringComparison.Ordinal);
        Assert.Contains("Name u1 — 1 point", allTime, StringComparison.Ordinal);
        Assert.Contains("Name u2 — 1 point", allTime, StringComparison.Ordinal);
        Assert.DoesNotContain("Name u3", board, StringComparison.Ordinal);
        Assert.Contains("1. Name u3 — 2 points (2/2 correct)", (await h.CommandAsync("leaderboard", channel: "c2")).Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reveal_EditOfTheQuizPost_ReplacesItsMessageAndAfterTwoFailedEditsIsPostedAnew(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(3);
        await using var h = Start(provider, folder, time);
        await h.CommandAsync("quiz now");
        var first = await h.Services.GetRequiredService<QuizStore>().LatestPostAsync(Platforms.Web, "c1", CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        await h.TickAsync();
        Assert.Equal(first!.MessageId, Assert.Single(h.Publisher.Reveals).Reply.ReplacesMessageId);

        // The second quiz's message is gone (deleted by someone): two edits fail, the third try posts the answer anew.
        await h.CommandAsync("quiz now");
        h.Publisher.FailNext(2);
        await h.RunUntilAsync(time.GetUtcNow().AddHours(1).AddMinutes(2));
        var reveals = h.Publisher.Reveals.ToList();
        Assert.Equal(2, reveals.Count);
        Assert.Null(reveals[1].Reply.ReplacesMessageId);
        Assert.Equal(3, h.Publisher.Attempts.Count(k => k == reveals[1].Key));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Answer_ManyMembersAtOnce_FirstAnswerOfEachCountsAndRevealCountsRight(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(3);
        await using var h = Start(provider, folder, time);
        await h.CommandAsync("quiz now");
        var quiz = Assert.Single(h.Publisher.Quizzes).Reply;
        var right = QuizHarness.RightChoice(quiz);
        var wrong = (right + 1) % 3;

        // 60 members, each pressing twice at once (right and wrong): exactly one answer per member is kept.
        var presses = Enumerable.Range(0, 60).SelectMany(i => new[]
        {
            Task.Run(() => h.PressAsync(QuizHarness.Action(quiz, i < 45 ? right : wrong), $"u{i}")),
            Task.Run(() => h.PressAsync(QuizHarness.Action(quiz, i < 45 ? right : wrong), $"u{i}")),
        }).ToList();
        var replies = await Task.WhenAll(presses);

        Assert.Equal(60, replies.Count(r => r.Markdown.StartsWith("Correct", StringComparison.Ordinal) || r.Markdown.StartsWith("Not quite", StringComparison.Ordinal)));
        Assert.Equal(60, replies.Count(r => r.Markdown.Contains("already answered", StringComparison.Ordinal)));
        Assert.Equal(15, replies.Count(r => r.Markdown.EndsWith("The answer is revealed at 08:00 (UTC).", StringComparison.Ordinal)));
        Assert.All(replies, r => Assert.True(r.Private));

        time.Advance(TimeSpan.FromHours(1));
        await h.TickAsync();
        var reveal = Assert.Single(h.Publisher.Reveals).Reply;
        Assert.Contains("60 answered, 75% correct", reveal.Markdown, StringComparison.Ordinal);
        Assert.Single(reveal.CitationList);
        var late = await h.PressAsync(QuizHarness.Action(quiz, right), "late");
        Assert.Contains("closed", late.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizNow_SeveralAdminsAtTheSameInstant_PostDifferentQuestions(StorageProvider provider)
    {
        using var folder = QuizHarness.NewFolder(6);
        await using var h = Start(provider, folder, At("2026-06-01T07:00:00Z"));
        await h.CommandAsync("quiz"); // the schema is in place

        // Six admins press "quiz now" together. Another writer holds the database meanwhile, so all six have chosen
        // their question before any of them can record its post: rotation must still give each a different one.
        await using (var writer = await HoldWritesAsync(h))
        {
            var commands = Enumerable.Range(0, 6).Select(i => Task.Run(() => h.CommandAsync("quiz now", user: $"admin{i}"))).ToList();
            await Task.Delay(500);
            await using (var release = writer.CreateCommand())
            {
                release.CommandText = "COMMIT;";
                await release.ExecuteNonQueryAsync();
            }

            await Task.WhenAll(commands);
        }

        var texts = h.Publisher.Quizzes.Select(p => p.Reply.Markdown.Split('\n')[0]).ToList();
        Assert.Equal(6, texts.Count);
        Assert.Equal(6, texts.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rotation_EveryQuestionAskedBeforeARepeat_AndMissedComesBackAfterRepeatAfterDays(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(4);
        await using var h = Start(provider, folder, time);
        for (var i = 0; i < 4; i++)
        {
            await h.CommandAsync("quiz now");
            time.Advance(TimeSpan.FromHours(2));
            await h.TickAsync();
        }

        var texts = h.Publisher.Quizzes.Select(p => p.Reply.Markdown.Split('\n')[0]).ToList();
        Assert.Equal(4, texts.Distinct().Count());

        // The channel gets the next one wrong; a day later it comes back before any other.
        time.Advance(TimeSpan.FromDays(3));
        await h.CommandAsync("quiz now");
        var missed = h.Publisher.Quizzes.Last().Reply;
        await h.PressAsync(QuizHarness.Action(missed, (QuizHarness.RightChoice(missed) + 1) % 3), "u1");
        time.Advance(TimeSpan.FromHours(1));
        await h.TickAsync();

        // Not the next day (it was asked within RepeatAfterDays) but once those days have passed, before the others.
        time.Advance(TimeSpan.FromDays(1));
        await h.CommandAsync("quiz now");
        Assert.NotEqual(missed.Markdown.Split('\n')[0], h.Publisher.Quizzes.Last().Reply.Markdown.Split('\n')[0]);
        time.Advance(TimeSpan.FromDays(61));
        await h.CommandAsync("quiz now");
        Assert.Equal(missed.Markdown.Split('\n')[0], h.Publisher.Quizzes.Last().Reply.Markdown.Split('\n')[0]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rotation_NeverAskedQuestions_ComeBeforeOnesPastRepeatAfterDays(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(4);
        await using var h = Start(provider, folder, time);
        for (var i = 0; i < 2; i++)
        {
            await h.CommandAsync("quiz now");
            var post = h.Publisher.Quizzes.Last().Reply;
            await h.PressAsync(QuizHarness.Action(post, QuizHarness.RightChoice(post)), "u1");
            time.Advance(TimeSpan.FromHours(2));
            await h.TickAsync();
        }

        // Both asked questions are past RepeatAfterDays (60 by default); the two never asked still come first.
        time.Advance(TimeSpan.FromDays(90));
        for (var i = 0; i < 2; i++)
        {
            await h.CommandAsync("quiz now");
            time.Advance(TimeSpan.FromHours(2));
            await h.TickAsync();
        }

        var texts = h.Publisher.Quizzes.Select(p => p.Reply.Markdown.Split('\n')[0]).ToList();
        Assert.Equal(4, texts.Count);
        Assert.Equal(4, texts.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AdminNotes_BadQuizFileEntry_ListedWithFileAndLine(StorageProvider provider)
    {
        using var folder = QuizHarness.NewFolder(2);
        File.AppendAllText(Path.Combine(folder, "knowledge", "team.quiz.md"), "## Broken?\n- [ ] a\n- [ ] b\n\n## Cites nothing?\n- [x] a\n- [ ] b\n\nSource: missing.md#L1-L2\n");
        await using var h = Start(provider, folder, At("2026-06-01T07:00:00Z"));

        var notes = string.Join('\n', h.Services.GetServices<IAdminNotes>().Select(n => n.Notes()));

        Assert.Contains("**Quiz files:** 2 entries skipped", notes, StringComparison.Ordinal);
        Assert.Matches(@"`team\.quiz\.md` line \d+: exactly one choice", notes);
        Assert.Contains("the source file 'missing.md' does not exist", notes, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizBan_LastPostedQuestion_IsNeverAskedAgain(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(2);
        await using var h = Start(provider, folder, time);
        await h.CommandAsync("quiz now");
        var banned = h.Publisher.Quizzes.Last().Reply.Markdown.Split('\n')[0];

        var reply = await h.CommandAsync("quiz ban");
        Assert.Contains("Retired question", reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Refused, (await h.CommandAsync("quiz ban", admin: false, user: "u1")).Kind);

        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromDays(70));
            await h.CommandAsync("quiz now");
            Assert.NotEqual(banned, h.Publisher.Quizzes.Last().Reply.Markdown.Split('\n')[0]);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizCommand_NonAdmin_IsRefused(StorageProvider provider)
    {
        using var folder = QuizHarness.NewFolder(2);
        await using var h = Start(provider, folder, At("2026-06-01T07:00:00Z"));
        foreach (var verb in new[] { "quiz now", "quiz off", "quiz skip", "quiz schedule 0 9 * * * UTC" })
        {
            var reply = await h.CommandAsync(verb, admin: false, user: "u1");
            Assert.Equal(ReplyKind.Refused, reply.Kind);
        }

        Assert.Empty(h.Publisher.Posts);
        Assert.Equal(ReplyKind.Text, (await h.CommandAsync("quiz", admin: false, user: "u1")).Kind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuizCommand_ScheduleSkipOff_ControlThePosts(StorageProvider provider)
    {
        var time = At("2026-06-01T05:00:00Z");
        using var folder = QuizHarness.NewFolder(5);
        await using var h = Start(provider, folder, time);
        var scheduled = await h.CommandAsync("quiz schedule 0 9 * * 1-5 Europe/Berlin");
        Assert.Contains("Next: Mon 2026-06-01 09:00", scheduled.Markdown, StringComparison.Ordinal);
        Assert.Contains("'Mars/Olympus'", (await h.CommandAsync("quiz schedule 0 9 * * * Mars/Olympus")).Markdown, StringComparison.Ordinal);

        var skipped = await h.CommandAsync("quiz skip");
        Assert.Contains("2026-06-01 09:00", skipped.Markdown, StringComparison.Ordinal);
        await h.RunUntilAsync(DateTimeOffset.Parse("2026-06-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["2026-06-02 09:00"], h.Publisher.Quizzes.Select(p => Local(p.At)));

        await h.CommandAsync("quiz off");
        await h.RunUntilAsync(DateTimeOffset.Parse("2026-06-05T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(h.Publisher.Quizzes);

        // A configured schedule does not override the admin's "off".
        await h.EnsureChannelAsync("c1", "0 9 * * *", "Europe/Berlin");
        await h.RunUntilAsync(DateTimeOffset.Parse("2026-06-06T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(h.Publisher.Quizzes);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Me_CorrectAnswersOnConsecutiveLocalDays_CountsTheStreak(StorageProvider provider)
    {
        var time = At("2026-06-01T07:00:00Z");
        using var folder = QuizHarness.NewFolder(5);
        await using var h = Start(provider, folder, time);
        await h.CommandAsync("quiz schedule 0 9 * * * Europe/Berlin");
        for (var day = 0; day < 3; day++)
        {
            await h.CommandAsync("quiz now");
            var quiz = h.Publisher.Quizzes.Last().Reply;
            var feedback = await h.PressAsync(QuizHarness.Action(quiz, QuizHarness.RightChoice(quiz)), "u1");
            Assert.Contains($"Streak: {day + 1} day", feedback.Markdown, StringComparison.Ordinal);
            time.Advance(TimeSpan.FromDays(1));
        }

        var me = await h.CommandAsync("me", user: "u1");
        Assert.Equal("3 points, streak 3 days, accuracy 100% (3/3 correct).", me.Markdown);
        Assert.True(me.Private);

        // Two days without a quiz (the schedule off) miss nothing; a quiz revealed without the member's answer breaks
        // the streak.
        await h.CommandAsync("quiz off");
        time.Advance(TimeSpan.FromDays(2));
        Assert.Contains("streak 3 days", (await h.CommandAsync("me", user: "u1")).Markdown, StringComparison.Ordinal);
        await h.CommandAsync("quiz now");
        Assert.Contains("streak 3 days", (await h.CommandAsync("me", user: "u1")).Markdown, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromHours(1));
        await h.TickAsync();
        Assert.Contains("streak 0 days", (await h.CommandAsync("me", user: "u1")).Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Streak_WeekdaySchedule_WeekendKeepsItAndAMissedQuizDayBreaksIt(StorageProvider provider)
    {
        // Monday 1 June 2026, 08:00 Berlin; quizzes at 09:00 on weekdays only.
        var time = At("2026-06-01T06:00:00Z");
        using var folder = QuizHarness.NewFolder(20);
        await using var h = Start(provider, folder, time);
        await h.EnsureChannelAsync("c1", "0 9 * * 1-5", "Europe/Berlin");
        var start = time.GetUtcNow();
        Reply? feedback = null;

        // Two weeks' Monday to the next Tuesday, each quiz answered right half an hour after it is posted.
        for (var day = 0; day < 9; day++)
        {
            var posted = h.Publisher.Quizzes.Count();
            await h.RunUntilAsync(start.AddDays(day).AddMinutes(90));
            if (h.Publisher.Quizzes.Count() > posted)
            {
                var quiz = h.Publisher.Quizzes.Last().Reply;
                feedback = await h.PressAsync(QuizHarness.Action(quiz, QuizHarness.RightChoice(quiz)), "u1");
            }
        }

        Assert.Equal(7, h.Publisher.Quizzes.Count());
        Assert.Contains("Streak: 7 days", feedback!.Markdown, StringComparison.Ordinal);

        // Wednesday's quiz goes unanswered and is revealed: Thursday's right answer starts again at 1.
        await h.RunUntilAsync(start.AddDays(10).AddMinutes(90));
        var thursday = h.Publisher.Quizzes.Last().Reply;
        feedback = await h.PressAsync(QuizHarness.Action(thursday, QuizHarness.RightChoice(thursday)), "u1");
        Assert.Equal(9, h.Publisher.Quizzes.Count());
        Assert.Contains("Streak: 1 day", feedback.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BackgroundService_ConfiguredChannel_PostsWhenTheFakeClockReachesTheCron(StorageProvider provider)
    {
        var time = At("2026-06-01T06:50:00Z");
        using var folder = QuizHarness.NewFolder(3);
        await using var h = Start(provider, folder, time, settings: new Dictionary<string, string?>
        {
            ["Quiz:Channels:0:Platform"] = Platforms.Web,
            ["Quiz:Channels:0:ChannelId"] = "c9",
            ["Quiz:Channels:0:Cron"] = "0 9 * * *",
            ["Quiz:Channels:0:TimeZone"] = "Europe/Berlin",
        });
        var scheduler = h.Scheduler;
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            // The scheduler registers the configured channel with the clock's time as its anchor: only then may the
            // clock move, or a slow start would anchor it after 09:00.
            var store = h.Services.GetRequiredService<QuizStore>();
            await Wait.UntilAsync(async () => (await store.ChannelsAsync(CancellationToken.None)).Any(c => c.ChannelId == "c9"), "channel c9 to be registered");

            // Walk the fake clock up to 08:59 Berlin, a minute at a time, each time until the scheduler sleeps again:
            // nothing may be posted before the cron time.
            for (var minute = 0; minute < 9; minute++)
            {
                time.Advance(TimeSpan.FromMinutes(1));
                await Wait.UntilIdleAsync(h.Services);
            }

            Assert.Empty(h.Publisher.Quizzes);

            // 09:00 Berlin: the clock stays there until the scheduler has posted, however slow the machine is.
            time.Advance(TimeSpan.FromMinutes(1));
            await Wait.UntilAsync(() => h.Publisher.Quizzes.Any());

            // The reveal follows an hour later; the clock moves only once the core has recorded the post (and read
            // the clock for its reveal time).
            var posted = await QuizPosts.WaitUntilPostedAsync(h.Services, QuizHarness.PostId(h.Publisher.Quizzes.Single().Reply));
            time.Advance(TimeSpan.FromHours(1));
            await Wait.UntilAsync(() => h.Publisher.Reveals.Any());

            var post = Assert.Single(h.Publisher.Quizzes);
            Assert.Equal("c9", post.ChannelId);
            Assert.Equal("2026-06-01 09:00", Local(post.At)[..16]);
            Assert.Equal(post.At.AddHours(1), DateTimeOffset.Parse(posted.RevealUtc!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(post.At.AddHours(1), Assert.Single(h.Publisher.Reveals).At);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Restart_SqliteAfterACrashMidPublish_PostsTheClaimedQuizAtOnceAndOnce()
    {
        using var folder = QuizHarness.NewFolder(3);
        var time = At("2026-06-01T06:59:00Z");
        var platform = new SharedPlatform(time);
        var dead = platform.For("first");
        var first = QuizHarness.Start(folder, time, platform: dead);
        Task? dying = null;
        try
        {
            // 09:00 Berlin: the first run claims the quiz and dies while publishing it (the claim would last 2 minutes).
            await first.EnsureChannelAsync("c1", "0 9 * * *", "Europe/Berlin");
            time.Advance(TimeSpan.FromMinutes(1));
            dead.HangFromNow();
            dying = Task.Run(first.TickAsync);
            await dead.Hung.Task.WaitAsync(Wait.SafetyDeadline);

            // Restarted on the same file, with the clock standing still: one process owns a SQLite file, so the new
            // run takes the claim back at start and posts at once.
            await using var second = QuizHarness.Start(folder, time, platform: platform.For("second"));
            var scheduler = second.Scheduler;
            await scheduler.StartAsync(CancellationToken.None);
            try
            {
                await Wait.UntilAsync(() => platform.Quizzes.Any());
            }
            finally
            {
                await scheduler.StopAsync(CancellationToken.None);
            }

            var post = Assert.Single(platform.Quizzes);
            Assert.Equal(("second", "2026-06-01 09:00"), (post.Instance, Local(post.At)));
        }
        finally
        {
            dead.Die();
            if (dying is not null)
            {
                await dying.WaitAsync(Wait.SafetyDeadline);
            }

            await first.DisposeAsync();
        }
    }

    private QuizHarness Start(StorageProvider provider, string folder, FakeTimeProvider time, RecordingPublisher? publisher = null,
        IDictionary<string, string?>? settings = null) =>
        QuizHarness.Start(folder, time, publisher, settings: settings, postgres: provider == StorageProvider.Postgres ? postgres : null);

    /// <summary>Another writer holding the quiz's tables (until its transaction is committed): SQLite's write lock, or
    /// PostgreSQL's table lock that lets readers through and holds inserts.</summary>
    private static async Task<System.Data.Common.DbConnection> HoldWritesAsync(QuizHarness h)
    {
        System.Data.Common.DbConnection writer = h.Postgres is { } server
            ? new Npgsql.NpgsqlConnection(server.ConnectionString(h.DatabaseName!))
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(h.Folder, "data", "studybot.db")};Pooling=False");
        await writer.OpenAsync();
        await using var hold = writer.CreateCommand();
        hold.CommandText = h.Postgres is null ? "BEGIN IMMEDIATE;" : "BEGIN; LOCK TABLE quiz_posts IN EXCLUSIVE MODE;";
        await hold.ExecuteNonQueryAsync();
        return writer;
    }
}
