using StudyBot.Core.Knowledge;

namespace StudyBot.IntegrationTests;

public class SmokeTests
{
    [Fact]
    public void Passage_Record_KeepsLines()
    {
        var p = new Passage("a.md", "S", ["S"], 3, 4, "t", PassageKind.Bullet);
        Assert.Equal(3, p.LineStart);
    }
}
