using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

public class FrontMatterTests
{
    [Fact]
    public void Block_IsTheLinesBetweenTheFences()
    {
        Assert.Equal(["title: A", "id: a"], FrontMatter.Block(["---", "title: A", "id: a", "---", "# A"]));
    }

    [Fact]
    public void Block_IsEmptyWithoutAnOpeningOrAClosingFence()
    {
        Assert.Empty(FrontMatter.Block(["# A", "---", "x: y", "---"]));
        Assert.Empty(FrontMatter.Block(["---", "x: y"]));
        Assert.Empty(FrontMatter.Block([]));
    }

    [Fact]
    public void Value_TakesTheFirstKeySetWithoutQuotes()
    {
        string[] block = ["title: \"Arrays cheatsheet\"", "sidebar_label: 'Array'", "  title: nested"];

        Assert.Equal("Array", FrontMatter.Value(block, "sidebar_label", "title"));
        Assert.Equal("Arrays cheatsheet", FrontMatter.Value(block, "title"));
    }

    [Fact]
    public void Value_SkipsEmptyAndNestedKeys()
    {
        string[] block = ["sidebar_label:", "meta:", "  title: nested", "title: Page"];

        Assert.Equal("Page", FrontMatter.Value(block, "sidebar_label", "title"));
        Assert.Null(FrontMatter.Value(["meta:", "  title: nested"], "title"));
    }
}
