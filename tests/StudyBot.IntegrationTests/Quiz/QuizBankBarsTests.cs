using System.Text.Json;
using System.Text.RegularExpressions;
using StudyBot.Cli;
using Xunit.Abstractions;

namespace StudyBot.IntegrationTests.Quiz;

/// <summary>
/// The automatic bars of issue 11 over the whole bank of <c>quiz --json --count 100000</c>, on the seed notes and on
/// the test corpora; the numbers are printed (run with <c>--logger "console;verbosity=detailed"</c> to see them).
/// Measured here independently of the generator's own checks, from the JSON a user sees.
/// </summary>
public sealed partial class QuizBankBarsTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "aws", "amazon", "service", "services", "using", "from", "into", "your", "you", "are",
        "can", "not", "that", "this", "its", "was", "has", "have", "all", "any", "use", "used", "our", "their", "which",
        "what", "these", "those", "there", "they", "them", "then", "than", "when", "where", "how", "why", "will", "would",
        "should", "could", "may", "might", "must", "also", "only", "more", "most", "some", "such", "each", "other", "one",
        "two", "way", "ways", "get", "set", "make", "made", "many", "much", "very", "notes", "described", "describe", "say",
        "about", "fill", "blank",
    };

    private static readonly HashSet<string> NonContentFiles = new(StringComparer.OrdinalIgnoreCase) { "readme", "sources", "license", "licence", "index" };

    public sealed record Bars(int Questions, int OnlyRelated, int AnswerVisible, int NonContentFile, int SeveralBlanks, int TablePipes)
    {
        public double OnlyRelatedShare => Questions == 0 ? 0 : (double)OnlyRelated / Questions;

        public override string ToString() =>
            $"{Questions} questions: only related choice {OnlyRelated} ({OnlyRelatedShare:P1}), answer visible in label/stem {AnswerVisible}, " +
            $"README/SOURCES/LICENSE/index {NonContentFile}, more than one blank {SeveralBlanks}, table pipes {TablePipes}";
    }

    /// <summary>The bank, and the reserve the daily quiz asks once the bank is used up: it is posted too, so it
    /// meets the same bars.</summary>
    [Theory]
    [InlineData("knowledge", false)]
    [InlineData("data/corpora", false)]
    [InlineData("knowledge", true)]
    [InlineData("data/corpora", true)]
    public async Task Bank_WholeBank_MeetsTheAutomaticBars(string folder, bool reserve)
    {
        var path = Path.Combine(AppContext.BaseDirectory, folder);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, await QuizCommand.RunAsync(path, json: true, 100_000, stdout, stderr, CancellationToken.None, reserve ? QuizCommand.QuizTier.Reserve : QuizCommand.QuizTier.Bank));
        var questions = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

        var bars = Measure(questions);
        output.WriteLine($"{folder}{(reserve ? " (reserve)" : string.Empty)}: {bars}");

        Assert.NotEmpty(questions);
        Assert.True(bars.OnlyRelatedShare <= 0.10, bars.ToString());
        Assert.Equal(0, bars.AnswerVisible);
        Assert.Equal(0, bars.NonContentFile);
        Assert.Equal(0, bars.SeveralBlanks);
        Assert.Equal(0, bars.TablePipes);
    }

    [Fact]
    public void Measure_KnownDefects_AreCounted()
    {
        JsonElement Q(string kind, string text, string file, params string[] choices) => JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            kind,
            question = text,
            choices,
            answerIndex = 0,
            citation = new { file },
        })).RootElement.Clone();

        var bars = Measure(
        [
            Q("FillInTheBlank", "Fill in the blank (Storage classes): “Admins create storageclasses. Users name the _____ in the PVC.”", "k.md", "StorageClass", "PVC", "PV"),
            Q("FillInTheBlank", "Fill in the blank: “Total: _____ files | 1.0 MB _____”", "README.md", "115", "20", "30"),
            Q("Description", "What do the notes say about AWS Shield?", "a.md", "Shield protects against DDoS", "Stores objects", "Runs code"),
            Q("Topic", "Which of these holds arrays of values at contiguous memory locations?", "algorithms/array.md", "Array", "Stack", "Queue", "Heap"),
            Q("FillInTheBlank", "Fill in the blank (Implementing One-vs-All): “The _____ function trains the classifiers.”", "ml.md", "one_vs_all", "predict", "sigmoid"),
        ]);

        Assert.Equal(new Bars(5, 2, 3, 1, 1, 1), bars);
    }

    internal static Bars Measure(IReadOnlyList<JsonElement> questions)
    {
        int onlyRelated = 0, visible = 0, nonContent = 0, blanks = 0, pipes = 0;
        foreach (var q in questions)
        {
            var kind = q.GetProperty("kind").GetString()!;
            var text = q.GetProperty("question").GetString()!;
            var choices = q.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList();
            var answer = choices[q.GetProperty("answerIndex").GetInt32()];
            var file = q.GetProperty("citation").GetProperty("file").GetString()!;
            var quoted = QuotedRegex().Match(text);
            var stem = quoted.Success ? quoted.Groups[1].Value : text;
            var label = LabelRegex().Match(text) is { Success: true } m ? m.Groups[1].Value : string.Empty;

            if (NonContentFiles.Contains(Path.GetFileNameWithoutExtension(file.Split('/')[^1])))
            {
                nonContent++;
            }

            if (text.Split("_____").Length > 2)
            {
                blanks++;
            }

            if (stem.Contains('|', StringComparison.Ordinal))
            {
                pipes++;
            }

            if (kind == "YesNo")
            {
                continue;
            }

            if (kind is "FillInTheBlank" or "Definition" or "Topic" && (Visible(stem, answer) || Visible(label, answer)))
            {
                visible++;
            }

            var stems = Stems(stem);
            var related = choices.Select(c => Stems(c).Overlaps(stems)).ToList();
            if (related[choices.IndexOf(answer)] && related.Count(r => r) == 1)
            {
                onlyRelated++;
            }
        }

        return new Bars(questions.Count, onlyRelated, visible, nonContent, blanks, pipes);
    }

    /// <summary>The answer as a word of the text: as is, plural or singular, or a longer word starting with it; or an
    /// identifier by its words in order (<c>one_vs_all</c> in "Implementing One-vs-All").</summary>
    private static bool Visible(string text, string answer)
    {
        if (!answer.Any(char.IsWhiteSpace) && IdentifierWords(answer) is { Length: >= 2 } words
            && $" {string.Join(' ', IdentifierWords(text))} ".Contains($" {string.Join(' ', words)} ", StringComparison.Ordinal))
        {
            return true;
        }

        var a = Plain(answer);
        var t = Plain(text);
        if (a.Length == 0 || t.Length == 0)
        {
            return false;
        }

        string[] forms = a.Length > 3 && a.EndsWith('s') ? [a, a + "s", a + "es", a[..^1]] : [a, a + "s", a + "es"];
        return forms.Any(f => Regex.IsMatch(t, $@"(?<![\w]){Regex.Escape(f)}(?![\w])", RegexOptions.None, TimeSpan.FromSeconds(1)))
            || (!a.Contains(' ', StringComparison.Ordinal) && a.Length >= 4 && WordRegex().Matches(t).Any(w => w.Value.Length > a.Length && w.Value.StartsWith(a, StringComparison.Ordinal)));
    }

    private static string[] IdentifierWords(string text) =>
        IdentifierRegex().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToArray();

    private static HashSet<string> Stems(string text) =>
        WordRegex().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .Select(w => w.Length > 5 ? w[..5] : w).ToHashSet(StringComparer.Ordinal);

    private static string Plain(string text) => SpaceRegex().Replace(MarkRegex().Replace(text, string.Empty), " ").Trim().ToLowerInvariant();

    [GeneratedRegex("“(.*)”")]
    private static partial Regex QuotedRegex();

    [GeneratedRegex(@"^Fill in the blank \((.*)\): “")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"[*_`#>]")]
    private static partial Regex MarkRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRegex();

    /// <summary>An identifier's words: runs of letters and digits, split before a capital that follows a lower-case letter.</summary>
    [GeneratedRegex(@"\p{Lu}?[\p{Ll}\p{N}]+|\p{Lu}+(?![\p{Ll}])")]
    private static partial Regex IdentifierRegex();
}
