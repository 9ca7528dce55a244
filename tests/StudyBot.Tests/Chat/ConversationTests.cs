using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

public class ConversationTests
{
    [Fact]
    public async Task HandleAsync_PlainQuestion_AnswersWithCitations()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;

        var reply = await chat.SendAsync("Is EBS encrypted by default?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("Yes — it is.", reply.Markdown);
        Assert.Equal(71, Assert.Single(reply.CitationList).LineStart);
        Assert.Equal(["Is EBS encrypted by default?"], chat.Knowledge.Questions);
    }

    [Theory]
    [InlineData("ask What is KMS?")]
    [InlineData("ASK What is KMS?")]
    [InlineData("/ask What is KMS?")]
    [InlineData("!ask   What is KMS?")]
    public async Task HandleAsync_AskCommand_AsksTheRest(string text)
    {
        await using var chat = new ChatFixture();

        await chat.SendAsync(text);

        Assert.Equal(["What is KMS?"], chat.Knowledge.Questions);
    }

    [Fact]
    public async Task HandleAsync_AskWithoutQuestion_ExplainsAndDoesNotSearch()
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync("ask");

        Assert.Contains("Ask what?", reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(0, chat.Knowledge.AskedCount);
    }

    [Fact]
    public async Task HandleAsync_QuestionStartingWithCommandWord_IsAskedNotRun()
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync("Sources of data leaks in S3?");

        Assert.Equal(ReplyKind.Declined, reply.Kind);
        Assert.Equal(["Sources of data leaks in S3?"], chat.Knowledge.Questions);
        Assert.Contains("If you meant the **sources** command: sources — which notes are loaded", reply.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stats please")]
    [InlineData("gaps done first one")]
    public async Task HandleAsync_CommandWordOffItsSyntaxAndDeclined_SaysHowTheCommandIsTyped(string text)
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync(text, admin: true);

        Assert.Equal(ReplyKind.Declined, reply.Kind);
        Assert.Equal([text], chat.Knowledge.Questions);
        var word = text.Split(' ')[0];
        Assert.Contains($"If you meant the **{word}** command: {word} ", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains($"(/{word} …)", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_CommandWordOffItsSyntaxButAnswered_NoCommandHint()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;

        var reply = await chat.SendAsync("Sources of data leaks in S3?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.DoesNotContain("If you meant", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_PlainQuestionDeclined_NoCommandHint()
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync("what is the capital of France?");

        Assert.DoesNotContain("If you meant", reply.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("/help")]
    [InlineData("!help")]
    [InlineData("help?")]
    [InlineData("/")]
    public async Task HandleAsync_Help_ListsBuiltInAndRegisteredCommands(string text)
    {
        await using var chat = new ChatFixture(commands: [new EchoCommand()]);

        var reply = await chat.SendAsync(text);

        Assert.Equal(ReplyKind.Help, reply.Kind);
        Assert.Contains("echo <text> — repeat text", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("sources", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("reload", reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(0, chat.Knowledge.AskedCount);
    }

    [Theory]
    [InlineData("echo hi there", "hi there")]
    [InlineData("Echo hi", "hi")]
    [InlineData("/echo hi", "hi")]
    [InlineData("!ECHO  hi ", "hi")]
    [InlineData("echo", "")]
    public async Task HandleAsync_RegisteredCommand_RoutedByFirstWord(string text, string arguments)
    {
        await using var chat = new ChatFixture(commands: [new EchoCommand()]);

        var reply = await chat.SendAsync(text);

        Assert.Equal("echo:" + arguments, reply.Markdown);
        Assert.Equal(0, chat.Knowledge.AskedCount);
    }

    [Theory]
    [InlineData("/frobnicate now")]
    [InlineData("!dance")]
    public async Task HandleAsync_UnknownPrefixedCommand_ReturnsHelpNamingIt(string text)
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync(text);

        Assert.Equal(ReplyKind.Help, reply.Kind);
        Assert.Contains("I don't know the command", reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(0, chat.Knowledge.AskedCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task HandleAsync_EmptyMessage_PromptsWithoutSearch(string text)
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync(text);

        Assert.Contains("Ask me a question", reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(0, chat.Knowledge.AskedCount);
    }

    [Fact]
    public async Task HandleAsync_MessageOverLimit_RepliesWithoutSearch()
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync(new string('a', 2001));

        Assert.Contains("2,001 characters", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("2,000", reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(0, chat.Knowledge.AskedCount);
    }

    [Fact]
    public async Task HandleAsync_AskWithQuestionAtLimit_IsAskedAndOneMoreIsRefused()
    {
        await using var chat = new ChatFixture();
        var question = "Is " + new string('x', 1996) + "?";

        await chat.SendAsync("ask " + question);
        var tooLong = await chat.SendAsync("ask " + question + "x");

        Assert.Equal([question], chat.Knowledge.Questions);
        Assert.Contains("2,001 characters", tooLong.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_MessageAtLimit_IsAsked()
    {
        await using var chat = new ChatFixture();

        await chat.SendAsync(new string('a', 2000));

        Assert.Equal(1, chat.Knowledge.AskedCount);
    }

    [Theory]
    [InlineData("reload")]
    [InlineData("stats")]
    [InlineData("gaps")]
    [InlineData("/reload")]
    public async Task HandleAsync_AdminCommandFromNonAdmin_RefusedAndAudited(string text)
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync(text, admin: false);

        Assert.Equal(ReplyKind.Refused, reply.Kind);
        Assert.Contains("admin", reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(0, chat.Knowledge.ReloadCount);
        var entry = Assert.Single(await chat.Audit.RecentAsync(10, CancellationToken.None));
        Assert.Equal((Platforms.Web, "u1", "Ada", text.TrimStart('/'), AuditOutcomes.Refused),
            (entry.Platform, entry.UserId, entry.DisplayName, entry.Command, entry.Outcome));
        Assert.Equal(chat.Time.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task HandleAsync_ReloadFromAdmin_ReturnsDiffAndAuditsOk()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.NextReload = () => new ReloadReport(
            true, null, ["new.md"], ["aws.md"], ["old.md"], 12, 3, [new FileFailure("bad.md", "not valid UTF-8")], chat.Knowledge.Stats);

        var reply = await chat.SendAsync("reload", admin: true);

        Assert.Equal(ReplyKind.Admin, reply.Kind);
        Assert.Equal(1, chat.Knowledge.ReloadCount);
        Assert.Contains("`new.md`", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("+12 / −3", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("`bad.md`: not valid UTF-8", reply.Markdown, StringComparison.Ordinal);
        var entry = Assert.Single(await chat.Audit.RecentAsync(10, CancellationToken.None));
        Assert.Equal(("reload", AuditOutcomes.Ok), (entry.Command, entry.Outcome));
    }

    [Fact]
    public async Task HandleAsync_DeclinedQuestion_OffersRelatedNotesNotCitations()
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync("What is the capital of France?");

        Assert.Equal(ReplyKind.Declined, reply.Kind);
        Assert.Empty(reply.CitationList);
        Assert.Equal("S3", Assert.Single(reply.ButtonList).Label);
    }

    [Fact]
    public async Task HandleAsync_DeclinedQuestions_GapsListsMostAskedFirst()
    {
        await using var chat = new ChatFixture();
        await chat.SendAsync("What is the capital of France?");
        await chat.SendAsync("Who wrote Hamlet?");
        await chat.SendAsync("what is the   CAPITAL of france");
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        await chat.SendAsync("Is EBS encrypted by default?");

        var reply = await chat.SendAsync("gaps", admin: true);

        var france = reply.Markdown.IndexOf("\"what is the capital of france\" — asked 2 times", StringComparison.Ordinal);
        var hamlet = reply.Markdown.IndexOf("\"who wrote hamlet\" — asked once", StringComparison.Ordinal);
        Assert.True(france >= 0 && hamlet > france, reply.Markdown);
        Assert.DoesNotContain("ebs", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_GapsWithLinkInQuestion_ShowsTheLinkAsText()
    {
        await using var chat = new ChatFixture();
        await chat.SendAsync("What is [Claim prize](https://evil.example/x)?");

        var reply = await chat.SendAsync("gaps", admin: true);

        Assert.DoesNotContain("[claim prize](https", reply.Markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(@"\[claim prize\]\(https://evil.example/x\)", reply.Markdown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HandleAsync_Stats_CountsTodayAndTotalWithShares()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        await chat.SendAsync("Is EBS encrypted?");
        await chat.SendAsync("Is S3 encrypted?");
        chat.Time.Advance(TimeSpan.FromDays(1));
        await chat.SendAsync("Is RDS encrypted?");
        chat.Knowledge.Responder = FakeKnowledgeBase.Decline;
        await chat.SendAsync("What is the capital of France?");

        var reply = await chat.SendAsync("stats", admin: true);

        Assert.Contains("2 files, 7 passages", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("Questions today: 2 (50% answered)", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("Questions in total: 4 — answered 3 (75%), declined 1 (25%)", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_Sources_ListsFilesWithCountsAndFailures()
    {
        await using var chat = new ChatFixture();

        var reply = await chat.SendAsync("sources");

        Assert.Contains("2 files, 7 passages", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("`aws.md` — 5 passages", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("`k8s/pods.md` — 2 passages", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("`broken.md` — not loaded: not valid UTF-8", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_CommandThrows_LogsAndRepliesPolitely()
    {
        await using var chat = new ChatFixture(commands: [new ThrowingCommand()]);

        var reply = await chat.SendAsync("boom", admin: true);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains("something went wrong", reply.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("kaput", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains(chat.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
        var entry = Assert.Single(await chat.Audit.RecentAsync(10, CancellationToken.None));
        Assert.Equal("failed: InvalidOperationException", entry.Outcome);
    }

    [Fact]
    public async Task HandleAsync_KnowledgeBaseThrows_RepliesPolitely()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = _ => throw new IOException("disk gone");

        var reply = await chat.SendAsync("Is EBS encrypted?");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(chat.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is IOException);
    }

    [Fact]
    public async Task HandleAsync_ButtonPress_RoutedToHandlerByPrefix()
    {
        var handler = new PrefixHandler("quiz");
        await using var chat = new ChatFixture(actions: [handler, new PrefixHandler("poll")]);

        var reply = await chat.Conversation.HandleAsync(
            new IncomingMessage(Platforms.Web, "web", "u1", "Ada", "ignored", ActionData: "quiz:42:1"), CancellationToken.None);

        Assert.Equal("quiz got quiz:42:1", reply.Markdown);
        Assert.Equal(0, chat.Knowledge.AskedCount);
    }

    [Fact]
    public async Task HandleAsync_ButtonWithUnknownPrefix_SaysInactive()
    {
        await using var chat = new ChatFixture(actions: [new PrefixHandler("quiz")]);

        var reply = await chat.Conversation.HandleAsync(
            new IncomingMessage(Platforms.Web, "web", "u1", "Ada", "", ActionData: "poll:1"), CancellationToken.None);

        Assert.Contains("no longer active", reply.Markdown, StringComparison.Ordinal);
        Assert.True(reply.Private);
    }

    [Fact]
    public async Task HandleAsync_QuestionsOverRateLimit_SlowDownPerUser()
    {
        var options = new ChatOptions { RateLimit = new QuestionRateLimitOptions { TokenLimit = 3, TokensPerPeriod = 1, ReplenishmentSeconds = 3600 } };
        await using var chat = new ChatFixture(options);
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(ReplyKind.RateLimited, (await chat.SendAsync($"Is EBS encrypted {i}?")).Kind);
        }

        var limited = await chat.SendAsync("Is EBS encrypted 3?");
        var otherUser = await chat.SendAsync("Is EBS encrypted 4?", user: "u2");
        var help = await chat.SendAsync("help");

        Assert.Equal(ReplyKind.RateLimited, limited.Kind);
        Assert.Contains("Slow down", limited.Markdown, StringComparison.Ordinal);
        Assert.NotEqual(ReplyKind.RateLimited, otherUser.Kind);
        Assert.Equal(ReplyKind.Help, help.Kind);
        Assert.Equal(4, chat.Knowledge.AskedCount);
    }

    [Fact]
    public async Task HandleAsync_RefusedCommandsOverRateLimit_SlowDownAndNotAudited()
    {
        var options = new ChatOptions { RateLimit = new QuestionRateLimitOptions { TokenLimit = 3, TokensPerPeriod = 1, ReplenishmentSeconds = 3600 } };
        await using var chat = new ChatFixture(options);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ReplyKind.Refused, (await chat.SendAsync("/reload " + new string('x', 1900))).Kind);
        }

        var limited = await chat.SendAsync("/reload " + new string('x', 1900));

        Assert.Equal(ReplyKind.RateLimited, limited.Kind);
        var entries = await chat.Audit.RecentAsync(100, CancellationToken.None);
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.InRange(e.Arguments.Length, 1, 200));
    }

    [Fact]
    public async Task HandleAsync_RefusalsFromManyUsers_CappedPerMinuteThenSummarised()
    {
        await using var chat = new ChatFixture(new ChatOptions { MaxRefusalsRecordedPerMinute = 5 });
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(ReplyKind.Refused, (await chat.SendAsync("/reload " + new string('x', 1900), user: $"user-{i}")).Kind);
        }

        var withinTheMinute = await chat.Audit.RecentAsync(1000, CancellationToken.None);
        chat.Time.Advance(TimeSpan.FromSeconds(61));
        await chat.SendAsync("reload", user: "late");

        Assert.Equal(5, withinTheMinute.Count);
        var after = await chat.Audit.RecentAsync(1000, CancellationToken.None);
        Assert.Equal(7, after.Count);
        Assert.Contains(after, e => e.Outcome.Contains("295 more refused", StringComparison.Ordinal));
        Assert.Equal(6, chat.Logs.Entries.Count(e => e.Message.StartsWith("Refused admin command", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task HandleAsync_SameUserIdInOtherCaseOrSpacing_SharesTheRateLimit()
    {
        var options = new ChatOptions { RateLimit = new QuestionRateLimitOptions { TokenLimit = 3, TokensPerPeriod = 1, ReplenishmentSeconds = 3600 } };
        await using var chat = new ChatFixture(options);
        await chat.SendAsync("Is EBS encrypted 1?", user: "Ada");
        await chat.SendAsync("Is EBS encrypted 2?", user: " ada ");
        await chat.SendAsync("Is EBS encrypted 3?", user: "ＡＤＡ");

        var limited = await chat.SendAsync("Is EBS encrypted 4?", user: "ADA");

        Assert.Equal(ReplyKind.RateLimited, limited.Kind);
    }

    [Theory]
    [InlineData("help me understand envelope encryption")]
    [InlineData("sources of DDoS attacks")]
    [InlineData("quiz me on encryption")]
    public async Task HandleAsync_CommandWordStartingAQuestion_IsAsked(string text)
    {
        var quiz = new CommandCatalogueTests.StubCommand(CommandCatalogue.Quiz);
        await using var chat = new ChatFixture(commands: [quiz]);

        var reply = await chat.SendAsync(text);

        Assert.True(reply.Kind == ReplyKind.Declined, $"{reply.Kind}; logged: " + string.Join(" | ", chat.Logs.Entries.Select(e => e.Exception?.Message)));
        Assert.Equal([text], chat.Knowledge.Questions);
        Assert.Equal(0, quiz.Runs);
    }

    [Theory]
    [InlineData("quiz now", false, "now", AuditOutcomes.Refused)]
    [InlineData("quiz schedule 0 9 * * 1-5 Europe/Berlin", false, "schedule 0 9 * * 1-5 Europe/Berlin", AuditOutcomes.Refused)]
    [InlineData("/quiz ban", false, "ban", AuditOutcomes.Refused)]
    [InlineData("quiz NOW", true, "now", AuditOutcomes.Ok)]
    [InlineData("quiz", false, "", null)]
    [InlineData("quiz status", false, "status", null)]
    public async Task HandleAsync_QuizSubVerb_AdminRuleVisibilityAndAuditAsTheCatalogueSays(string text, bool admin, string arguments, string? audited)
    {
        // quiz is for everyone, its admin sub-verbs are not: the conversation core refuses, audits and keeps private.
        var quiz = new CommandCatalogueTests.StubCommand(CommandCatalogue.Quiz);
        await using var chat = new ChatFixture(commands: [quiz]);

        var reply = await chat.SendAsync(text, admin: admin);

        var refused = audited == AuditOutcomes.Refused;
        Assert.Equal(refused ? ReplyKind.Refused : ReplyKind.Admin, reply.Kind);
        Assert.Equal(refused ? 0 : 1, quiz.Runs);
        Assert.Equal(audited is not null, reply.Private);
        var entries = await chat.Audit.RecentAsync(10, CancellationToken.None);
        Assert.Equal(
            audited is null ? [] : [("quiz", arguments, audited)],
            entries.Select(e => (e.Command, e.Arguments, e.Outcome)));
        if (refused)
        {
            Assert.Contains($"**quiz {arguments.Split(' ')[0]}** is an admin command", reply.Markdown, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal($"quiz ran with '{arguments}'", reply.Markdown);
        }
    }

    [Theory]
    [InlineData(Platforms.Discord)]
    [InlineData(Platforms.Teams)]
    [InlineData(Platforms.Web)]
    public async Task HandleAsync_StatsByMentionOnAnyPlatform_Private(string platform)
    {
        // @mentioned "stats" used to post in the channel while Discord's /stats was private.
        await using var chat = new ChatFixture();

        var reply = await chat.Conversation.HandleAsync(
            new IncomingMessage(platform, "c1", "u1", "Ada", "stats", MentionedBot: true, IsAdmin: true), CancellationToken.None);

        Assert.Equal(ReplyKind.Admin, reply.Kind);
        Assert.True(reply.Private);
    }

    [Fact]
    public void Constructor_TwoCommandsWithOneName_Throws()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new ChatFixture(commands: [new EchoCommand(), new EchoCommand()]));
        Assert.Contains("echo", exception.Message, StringComparison.Ordinal);
    }

    private sealed class EchoCommand : IChatCommand
    {
        public CommandDescriptor Descriptor { get; } = new(
            "echo", "Repeat text.", "echo <text> — repeat text", Parameters: [new("text", "What to repeat", ParameterKind.Text)]);

        public Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken) =>
            Task.FromResult(new Reply("echo:" + arguments));
    }

    private sealed class ThrowingCommand : IChatCommand
    {
        public CommandDescriptor Descriptor { get; } = new("boom", "Fails.", "boom — fails", Admin: true);

        public Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("kaput");
    }

    private sealed class PrefixHandler(string prefix) : IChatActionHandler
    {
        public string Prefix => prefix;

        public Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new Reply($"{prefix} got {message.ActionData}"));
    }
}
