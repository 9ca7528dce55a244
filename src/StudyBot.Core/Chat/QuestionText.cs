using System.Globalization;
using System.Text;

namespace StudyBot.Core.Chat;

/// <summary>Normalizes question text so that the same question asked differently counts once in <c>gaps</c>.</summary>
public static class QuestionText
{
    /// <summary>Lower case, one space between words, no trailing punctuation.</summary>
    public static string Normalize(string question)
    {
        var text = question.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString().TrimEnd('?', '!', '.', ',', ';', ':', ' ');
    }
}
