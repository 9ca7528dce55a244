using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

/// <summary>An MDX page masked down to its markdown, every offset and line end kept.</summary>
public sealed class MdxTests
{
    [Theory]
    [InlineData("notes/a.mdx", true)]
    [InlineData("notes/A.MDX", true)]
    [InlineData("notes/a.md", false)]
    [InlineData("notes/mdx.txt", false)]
    public void IsMdx_ByTheExtension(string file, bool mdx) => Assert.Equal(mdx, Mdx.IsMdx(file));

    [Fact]
    public void Masked_KeepsEveryLineEndAndLength()
    {
        const string page = "import A from 'a'\r\n\r\n# Title\r\n\r\n<Note>\r\nText {/* a\r\ncomment */} here.\r\n</Note>\r\n";

        var masked = Mdx.Masked(page);

        Assert.Equal(page.Length, masked.Length);
        Assert.Equal(
            Enumerable.Range(0, page.Length).Where(i => page[i] is '\r' or '\n'),
            Enumerable.Range(0, masked.Length).Where(i => masked[i] is '\r' or '\n'));
        Assert.Equal(["", "", "# Title", "", "", "Text", "here.", ""], masked.Split("\r\n")[..8].Select(l => l.Trim()));
    }

    [Fact]
    public void Masked_CodeFenceStaysAsWritten()
    {
        const string page = "```js\nimport a from 'a'\n<Tabs>\n{x}\n```\n";

        Assert.Equal(page, Mdx.Masked(page));
    }

    [Fact]
    public void Masked_TagInsideProse_StaysForTheParser()
    {
        // Only a line of nothing but tags is masked; inline tags are the markdown parser's (they add no text).
        const string page = "Redis is <Highlight>fast</Highlight>.\n";

        Assert.Equal(page, Mdx.Masked(page));
    }
}
