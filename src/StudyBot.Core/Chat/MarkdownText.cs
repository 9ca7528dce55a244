using System.Text;

namespace StudyBot.Core.Chat;

/// <summary>Puts text someone typed (a display name, a question) into a markdown reply as plain text.</summary>
public static class MarkdownText
{
    /// <summary>
    /// Backslash-escapes every character markdown acts on (CommonMark, Discord, Teams and the web page all honour the
    /// escapes), so <c>[Claim prize](https://evil.example/x)</c> shows as typed instead of as a live link, and
    /// line breaks become spaces so the text cannot start a list or a heading. HTML is left to each renderer.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '~' or '|' or '!':
                    builder.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
