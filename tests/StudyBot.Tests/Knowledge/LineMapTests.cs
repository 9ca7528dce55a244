using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

/// <summary>Lines counted as <c>sed -n</c> counts them: only "\n" ends a line.</summary>
public sealed class LineMapTests
{
    private const string Text = "first\r\nsecond\n\nfourth\u2028still fourth";

    [Fact]
    public void LineCount_OnlyNewlinesEndLines()
    {
        Assert.Equal(4, new LineMap(Text).LineCount);
        Assert.Equal(2, new LineMap("a\nb\n").LineCount);
        Assert.Equal(0, new LineMap(string.Empty).LineCount);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(6, 1)]  // the "\n" of a line belongs to it.
    [InlineData(7, 2)]
    [InlineData(14, 3)]
    [InlineData(15, 4)]
    public void LineOf_AnOffset_IsItsLine(int offset, int line) =>
        Assert.Equal(line, new LineMap(Text).LineOf(offset));

    [Theory]
    [InlineData(1, "first")]          // a "\r" before the "\n" is no part of the line.
    [InlineData(2, "second")]
    [InlineData(3, "")]
    [InlineData(4, "fourth\u2028still fourth")]
    [InlineData(5, "")]               // past the end.
    public void Line_IsItsTextWithoutItsEnd(int line, string text) =>
        Assert.Equal(text, new LineMap(Text).Line(line));

    [Fact]
    public void Bounds_AreTheLinesSpanInTheText()
    {
        var map = new LineMap(Text);

        Assert.Equal((0, 5), map.Bounds(1));
        Assert.Equal((7, 13), map.Bounds(2));
        Assert.Equal((14, 14), map.Bounds(3));
        Assert.Equal("second", Text[map.Bounds(2).Start..map.Bounds(2).End]);
    }
}
