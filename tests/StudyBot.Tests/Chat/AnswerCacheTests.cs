using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

public class AnswerCacheTests
{
    private readonly FakeKnowledgeBase _knowledge = new() { Responder = FakeKnowledgeBase.Yes };

    [Fact]
    public void Ask_SameQuestionTwice_AsksKnowledgeBaseOnce()
    {
        using var cache = new AnswerCache(_knowledge, Options.Create(new ChatOptions()));

        var first = cache.Ask("Is EBS encrypted?");
        var second = cache.Ask("Is EBS encrypted?");
        cache.Ask("Is S3 encrypted?");

        Assert.Same(first, second);
        Assert.Equal(2, _knowledge.AskedCount);
    }

    [Fact]
    public async Task Ask_AfterReload_AsksTheNewIndex()
    {
        using var cache = new AnswerCache(_knowledge, Options.Create(new ChatOptions()));
        _knowledge.NextReload = () => new ReloadReport(true, null, [], ["aws.md"], [], 1, 1, [], _knowledge.Stats);
        cache.Ask("Is EBS encrypted?");

        await _knowledge.ReloadAsync(CancellationToken.None);
        _knowledge.Responder = FakeKnowledgeBase.Decline;
        var after = cache.Ask("Is EBS encrypted?");

        Assert.False(after.Answered);
        Assert.Equal(2, _knowledge.AskedCount);
    }

    [Fact]
    public void Ask_SizeZero_NeverCaches()
    {
        using var cache = new AnswerCache(_knowledge, Options.Create(new ChatOptions { AnswerCacheSize = 0 }));

        cache.Ask("Is EBS encrypted?");
        cache.Ask("Is EBS encrypted?");

        Assert.Equal(2, _knowledge.AskedCount);
    }

    [Fact]
    public void Ask_CacheFull_StartsOverAndStillAnswers()
    {
        using var cache = new AnswerCache(_knowledge, Options.Create(new ChatOptions { AnswerCacheSize = 2 }));

        cache.Ask("a?");
        cache.Ask("b?");
        cache.Ask("c?");
        cache.Ask("c?");
        cache.Ask("a?");

        Assert.Equal(4, _knowledge.AskedCount);
    }
}
