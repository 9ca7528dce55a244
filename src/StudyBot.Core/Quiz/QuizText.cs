using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Quiz;

/// <summary>Text helpers shared by question generation and checks.</summary>
internal static partial class QuizText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "aws", "amazon", "service", "services", "using", "from", "into", "your", "you",
        "are", "can", "not", "that", "this", "its", "was", "has", "have", "all", "any", "use", "used", "our", "their",
    };

    private static readonly HashSet<string> QuestionStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "can", "could", "does", "do", "did", "is", "are", "was", "were", "should", "will", "would", "may", "might",
        "how", "what", "why", "when", "where", "which", "who", "whom", "whose", "ways", "notes", "summary",
        "introduction", "overview", "misc", "todo", "example", "examples", "if",
    };

    /// <summary>Lower case, markdown emphasis and list marks removed, whitespace collapsed; for containment checks.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '*' or '_' or '`' or '#' or '>')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u2028' || c == '\u2029')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="haystack"/> contains <paramref name="needle"/>, both normalized.</summary>
    public static bool ContainsNormalized(string haystack, string needle)
    {
        var n = Normalize(needle);
        return n.Length > 0 && Normalize(haystack).Contains(n, StringComparison.Ordinal);
    }

    /// <summary>Content words (3+ letters, not stop words), cut to 5 characters so "encrypted" meets "encryption".</summary>
    public static HashSet<string> Stems(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in WordRegex().Matches(text))
        {
            var w = m.Value.ToLowerInvariant();
            if (w.Length < 3 || StopWords.Contains(w))
            {
                continue;
            }

            set.Add(w.Length > 5 ? w[..5] : w);
        }

        return set;
    }

    public static int WordCount(string text) => WordRegex().Matches(text).Count;

    public static string FirstWord(string text)
    {
        var m = WordRegex().Match(text);
        return m.Success ? m.Value : string.Empty;
    }

    /// <summary>True for a line phrased as a question ("…?", or starting with can/does/is/how …).</summary>
    public static bool LooksLikeQuestion(string text)
    {
        var t = text.Trim();
        return t.EndsWith('?') || QuestionStarts.Contains(FirstWord(t));
    }

    /// <summary>A section title that names a thing: short, not a question, not "Ways to …".</summary>
    public static bool IsNamingTitle(string title)
    {
        var t = title.Trim();
        return t.Length is >= 2 and <= 60
            && WordCount(t) is >= 1 and <= 7
            && !t.Contains('?')
            && !t.Contains("://", StringComparison.Ordinal)
            && !QuestionStarts.Contains(FirstWord(t))
            && t.Any(char.IsLetter);
    }

    /// <summary>Cleans a passage's text into one display line.</summary>
    public static string OneLine(string text)
    {
        var t = WhitespaceRegex().Replace(text.Replace('\u2028', ' ').Replace('\u2029', ' '), " ").Trim();
        return t.TrimStart('-', '*', '+', ' ', '#').Trim();
    }

    /// <summary>Key terms of a line: acronyms (WAF, SSE-S3, SSL/TLS) and CamelCase names (CloudSHM).</summary>
    public static IEnumerable<string> Terms(string text)
    {
        foreach (Match m in TermRegex().Matches(text))
        {
            var v = m.Value;
            if (v.Length >= 2 && !string.Equals(v, "AWS", StringComparison.Ordinal))
            {
                yield return v;
            }
        }
    }

    /// <summary>Replaces whole-word occurrences of <paramref name="term"/> with a blank.</summary>
    public static string Mask(string text, string term) =>
        Regex.Replace(text, $@"(?<![\w-]){Regex.Escape(term)}(?![\w-])", "_____", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A stable pseudo-random order key.</summary>
    public static string OrderKey(string seed, string value) => QuizQuestion.MakeId(seed, value);

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"(?<![\w-])(?:[A-Z][A-Z0-9]+(?:[-/][A-Z0-9]+)*|[A-Z][a-z]+[A-Z][A-Za-z]*)(?![\w-])")]
    private static partial Regex TermRegex();
}
