using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    [Fact]
    public void Ask_EbsDefaultEncryption_AnswersNoAndCitesLine71()
    {
        using var kb = KnowledgeTestData.Open(KnowledgeTestData.SeedFolder);

        var answer = kb.Ask("Is EBS encrypted by default?");

        Assert.True(answer.Answered);
        Assert.StartsWith("No", answer.Text, StringComparison.Ordinal);
        var top = answer.Citations[0];
        Assert.Equal("aws-devsecops.md", top.File);
        Assert.InRange(71, top.LineStart, top.LineEnd);
    }

    [Fact]
    public void Ask_OffTopic_Declines()
    {
        using var kb = KnowledgeTestData.Open(KnowledgeTestData.SeedFolder);

        var answer = kb.Ask("What is the capital of France?");

        Assert.False(answer.Answered);
        Assert.Empty(answer.Citations);
    }
}
