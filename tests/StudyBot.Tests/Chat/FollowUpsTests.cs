using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Chat;

namespace StudyBot.Tests.Chat;

public sealed class FollowUpsTests
{
    [Theory]
    [InlineData("Is EBS encrypted by default?", "what about S3?", "Is S3 encrypted by default?")]
    [InlineData("Is EBS encrypted by default?", "And how about SSE-KMS", "Is SSE-KMS encrypted by default?")]
    [InlineData("How does AWS Shield work?", "What about WAF?", "How does WAF work?")]
    [InlineData("Is EBS encrypted by default?", "and how do I turn it on?", "How do I turn EBS on?")]
    [InlineData("what is ECS", "is it open source?", "is ECS open source?")]
    [InlineData("what is ECS", "isn’t it open source?", "isn’t ECS open source?")]   // a phone's typographic apostrophe.
    [InlineData("What does GuardDuty do?", "how do I enable it?", "how do I enable GuardDuty?")]
    [InlineData("what is ECS", "can they run on-premise?", "can ECS run on-premise?")]
    [InlineData("what is ECS", "is it safe?", "is ECS safe?")]
    [InlineData("what is a DaemonSet", "how do I create one?", "how do I create DaemonSet?")]
    [InlineData("what's the difference between TCP and UDP", "which one is faster?", "which one is faster, TCP or UDP?")]
    [InlineData("how many hosts in a /24", "ok thanks, what about /26?", "how many hosts in a /26")]
    [InlineData("Which port does HTTPS use, 443?", "and what about 8080", "Which port does HTTPS use, 8080?")]
    [InlineData("Is EBS encrypted by default?", "tell me more", "tell me more about EBS")]
    [InlineData("Is EBS encrypted by default?", "ok, can you elaborate on that?", "tell me more about EBS")]
    [InlineData("What does GuardDuty do?", "More details please", "tell me more about GuardDuty")]
    public async Task HandleAsync_FollowUpWithinMinutes_AskedWithThePreviousSubjectAndSaysSo(string first, string followUp, string expected)
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        await chat.SendAsync(first);

        var reply = await chat.SendAsync(followUp);

        Assert.Equal(expected, chat.Knowledge.Questions[^1]);
        Assert.StartsWith($"*Reading that as: {expected}*", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_FollowUpReadingDeclinedButTheWordsAnswered_AnswersTheWordsAsTyped()
    {
        await using var chat = new ChatFixture();
        await chat.SendAsync("compare ECS and EKS");
        chat.Knowledge.Responder = q => q == "what about S3?" ? FakeKnowledgeBase.Yes(q) : FakeKnowledgeBase.Decline(q);

        var reply = await chat.SendAsync("what about S3?");

        Assert.Equal(["compare S3 and EKS", "what about S3?"], chat.Knowledge.Questions[^2..]);
        Assert.DoesNotContain("Reading that as", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("it is.", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_FollowUpReadingAndTheWordsBothDeclined_SaysHowItWasRead()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        await chat.SendAsync("Is EBS encrypted by default?");
        chat.Knowledge.Responder = FakeKnowledgeBase.Decline;

        var reply = await chat.SendAsync("what about S3?");

        Assert.StartsWith("*Reading that as: Is S3 encrypted by default?*", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_FollowUpAfterTheWindow_AskedAsWritten()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        await chat.SendAsync("Is EBS encrypted by default?");
        chat.Time.Advance(TimeSpan.FromMinutes(6));

        var reply = await chat.SendAsync("what about S3?");

        Assert.Equal("what about S3?", chat.Knowledge.Questions[^1]);
        Assert.DoesNotContain("Reading that as", reply.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is it ok to never rotate access keys?")]
    [InlineData("is it worth building my own cluster first?")]
    [InlineData("does it matter if the bucket is public?")]
    [InlineData("just wrote a bash script, how do i make it executable")]
    [InlineData("can I attach it to Lambda?")]
    [InlineData("how do I know if that is enabled?")]
    [InlineData("more replicas or bigger nodes?")]
    [InlineData("can I have more than one?")]
    [InlineData("which one?")]
    [InlineData("is one enough?")]
    [InlineData("tell me more about S3")]
    public async Task HandleAsync_APronounThatDoesNotReferBack_AskedAsWritten(string text)
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        await chat.SendAsync("what is ECS");

        var reply = await chat.SendAsync(text);

        Assert.Equal(text, chat.Knowledge.Questions[^1]);
        Assert.DoesNotContain("Reading that as", reply.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bob", "what about S3?")]
    [InlineData("ada", "What is GuardDuty?")]
    public async Task HandleAsync_AnotherUserOrANewQuestion_AskedAsWritten(string user, string text)
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        await chat.SendAsync("Is EBS encrypted by default?", user: "ada");

        await chat.SendAsync(text, user: user);

        Assert.Equal(text, chat.Knowledge.Questions[^1]);
    }

    [Fact]
    public void Remember_FreshUserIdsWithinTheWindow_StaysBoundedAndKeepsTheNewest()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
        var followUps = new FollowUps(time);
        IncomingMessage From(int user) => new(Platforms.Web, "web", $"script-{user}", "Bot", "Is EBS encrypted?");

        for (var user = 0; user < (FollowUps.MaxRemembered * 3) + 7; user++)
        {
            followUps.Remember(From(user), "Is EBS encrypted by default?");
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(followUps.Count, 1, FollowUps.MaxRemembered);
        Assert.Equal("Is S3 encrypted by default?", followUps.Resolve(From((FollowUps.MaxRemembered * 3) + 6), "what about S3?").Assumed);
        Assert.Null(followUps.Resolve(From(0), "what about S3?").Assumed);
    }

    [Fact]
    public async Task HandleAsync_ANewQuestionNamingNothing_TheOldSubjectIsForgotten()
    {
        await using var chat = new ChatFixture();
        chat.Knowledge.Responder = FakeKnowledgeBase.Yes;
        await chat.SendAsync("what is a StatefulSet?");
        await chat.SendAsync("how do I drain a node");

        var reply = await chat.SendAsync("does it delete the pods?");

        Assert.Equal("does it delete the pods?", chat.Knowledge.Questions[^1]); // was "does StatefulSet delete the pods?"
        Assert.DoesNotContain("Reading that as", reply.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many hosts in a /24", "/26", "/24")]
    [InlineData("is port 443 open by default", "8080", "443")]
    [InlineData("how many hosts in a /24 or a /25", "/26", null)] // two of the shape: which one is not known
    [InlineData("how many hosts in a /24", "S3", null)] // a name, not a value: the subject takes its place
    public void SameShape_TheValueOfTheSameShape(string question, string value, string? expected) =>
        Assert.Equal(expected, FollowUps.SameShape(question, value));
}
