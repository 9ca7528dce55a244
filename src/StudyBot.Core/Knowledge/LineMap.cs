namespace StudyBot.Core.Knowledge;

/// <summary>
/// Maps character offsets to 1-based line numbers the way <c>sed -n</c> counts them: only <c>\n</c> ends a line
/// (a lone <c>\r</c>, U+2028 and U+2029 do not), whatever the markdown parser thinks.
/// </summary>
internal sealed class LineMap
{
    private readonly string _text;
    private readonly int[] _newlines;

    public LineMap(string text)
    {
        _text = text;
        var positions = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                positions.Add(i);
            }
        }

        _newlines = [.. positions];
    }

    /// <summary>Number of lines as <c>sed -n '$='</c> reports it.</summary>
    public int LineCount => _newlines.Length + (_text.Length > 0 && _text[^1] != '\n' ? 1 : 0);

    /// <summary>The 1-based line holding the character at <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Math.Max(0, _text.Length - 1));
        var index = Array.BinarySearch(_newlines, offset);
        // An offset on a '\n' belongs to the line that '\n' ends.
        return index >= 0 ? index + 1 : ~index + 1;
    }

    /// <summary>The text of a 1-based line, without its line end.</summary>
    public string Line(int line)
    {
        if (line < 1 || line > LineCount)
        {
            return string.Empty;
        }

        var (start, end) = Bounds(line);
        return _text[start..end];
    }

    /// <summary>Where a 1-based line (1 to <see cref="LineCount"/>) starts and ends in the text, its line end (a
    /// "\r" before the "\n" too) left out.</summary>
    public (int Start, int End) Bounds(int line)
    {
        var start = line == 1 ? 0 : _newlines[line - 2] + 1;
        var end = line - 1 < _newlines.Length ? _newlines[line - 1] : _text.Length;
        return (start, end > start && _text[end - 1] == '\r' ? end - 1 : end);
    }
}
