using System.Text.Json;
using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

/// <summary>Runs the question sets through the knowledge base in-process and scores them like tests/data/eval/score-answers.</summary>
public sealed partial class KnowledgeEvalTests(KnowledgeEvalTests.CorporaFixture corpora) : IClassFixture<KnowledgeEvalTests.CorporaFixture>
{
    /// <summary>One index of all the corpora for the tests of this class.</summary>
    public sealed class CorporaFixture : IDisposable
    {
        public KnowledgeBase Knowledge { get; } = KnowledgeTestData.Open(KnowledgeTestData.CorporaFolder);

        public void Dispose() => Knowledge.Dispose();
    }

    [Fact]
    public void SeedDev_MeetsTheBars()
    {
        using var kb = KnowledgeTestData.Open(KnowledgeTestData.SeedFolder);

        var score = Score(kb, "seed-dev.jsonl");

        Assert.True(score.Hit1 >= 0.95, score.ToString());
        Assert.Equal(1.0, score.Polarity);
        Assert.Equal(1.0, score.Decline);
        Assert.Equal(0.0, score.FalseDecline);
    }

    [Fact]
    public void SeedExtraAndOffTopic_ParaphrasesAndOtherSectionsMostlyHit()
    {
        using var kb = KnowledgeTestData.Open(KnowledgeTestData.SeedFolder);

        var extra = Score(kb, "seed-extra.jsonl");
        var offTopic = Score(kb, "offtopic-extra.jsonl");

        Assert.True(extra.Hit1 >= 0.8, extra.ToString());
        Assert.True(extra.Polarity >= 0.85, extra.ToString());
        Assert.Equal(1.0, extra.Decline);
        Assert.Equal(1.0, offTopic.Decline);
    }

    [Fact]
    public void Corpora_DevQuestionsHitInTopThreeAndOffTopicDeclines()
    {
        var kb = corpora.Knowledge;

        var dev = Score(kb, "corpora-dev.jsonl");
        var extra = Score(kb, "corpora-extra.jsonl");
        var offTopic = Score(kb, "offtopic-extra.jsonl");

        Assert.True(dev.Hit3 >= 0.6, dev.ToString());
        Assert.Equal(1.0, dev.Decline);
        Assert.Equal(0.0, dev.FalseDecline);
        Assert.True(extra.Hit1 >= 0.7 && extra.Hit3 >= 0.9, extra.ToString());
        Assert.True(offTopic.Decline >= 0.9, offTopic.ToString());
    }

    [Fact]
    public void Dev2_SubjectCoveredQuestionsAnsweredAndOffTopicDeclined()
    {
        using var kb = KnowledgeTestData.Open(KnowledgeTestData.SeedFolder);

        var seed = Score(kb, "dev2-seed.jsonl");
        var corpora2 = Score(corpora.Knowledge, "dev2-corpora.jsonl");

        Assert.True(seed.Hit1 >= 0.7 && seed.FalseDecline <= 0.2 && seed.Polarity >= 0.85, seed.ToString());
        Assert.Equal(1.0, seed.Decline);
        Assert.True(corpora2.Polarity >= 0.85 && corpora2.FalseDecline <= 0.05, corpora2.ToString());
        Assert.Equal(1.0, corpora2.Decline);
    }

    [Theory]
    [InlineData("Does UDP have flow control?", "No")]
    [InlineData("Does UDP support multicast?", "Yes")]
    [InlineData("Is UDP connectionless?", "Yes")]
    [InlineData("Is copper cable immune to EMI?", "No")]
    [InlineData("Is fibre immune to EMI?", "Yes")]
    [InlineData("Does an IDS block malicious traffic?", "No")]
    [InlineData("Does UDP retransmit lost data?", "No")]
    [InlineData("Can network policies be used with every network plugin?", "No")]
    public void Ask_YesNoAnsweredByAComparison_ReadsTheSubjectsColumnOrClause(string question, string lead)
    {
        var answer = corpora.Knowledge.Ask(question);

        Assert.StartsWith(lead + " — ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpora_EveryPassageLiesWithinItsFileAndHoldsItsWords()
    {
        var kb = corpora.Knowledge;
        var files = new Dictionary<string, string[]>();

        Assert.True(kb.Passages.Count > 1000);
        foreach (var passage in kb.Passages)
        {
            if (!files.TryGetValue(passage.File, out var lines))
            {
                lines = ReadLines(Path.Combine(KnowledgeTestData.CorporaFolder, passage.File));
                files[passage.File] = lines;
            }

            Assert.InRange(passage.LineStart, 1, lines.Length);
            Assert.InRange(passage.LineEnd, passage.LineStart, Math.Min(lines.Length, passage.LineStart + 11));
            AssertWordsOnLines(passage.Kind == PassageKind.TableRow ? RowCells(passage.Text) : passage.Text, lines, passage.LineStart, passage.LineEnd, passage.File);
        }
    }

    [Fact]
    public void Corpora_CitationsLieWithinTheirFilesAndHoldTheSnippetWords()
    {
        var kb = corpora.Knowledge;

        foreach (var question in Questions("corpora-dev.jsonl").Concat(Questions("corpora-extra.jsonl")).Select(q => q.GetProperty("q").GetString()!))
        {
            foreach (var citation in kb.Ask(question).Citations)
            {
                var lines = ReadLines(Path.Combine(KnowledgeTestData.CorporaFolder, citation.File));
                Assert.InRange(citation.LineEnd - citation.LineStart + 1, 1, 12);
                Assert.InRange(citation.LineEnd, 1, lines.Length);
                var snippet = citation.Snippet.Replace("**", string.Empty, StringComparison.Ordinal).TrimEnd('…');
                var isRow = lines[citation.LineStart - 1].TrimStart().StartsWith('|');
                AssertWordsOnLines(isRow ? RowCells(snippet) : snippet, lines, citation.LineStart, citation.LineEnd, citation.File, lastWordMayBeCut: true);
            }
        }
    }

    private static void AssertWordsOnLines(string text, string[] lines, int start, int end, string file, bool lastWordMayBeCut = false)
    {
        // Emphasis and code marks may sit inside a word ("`1`s"); the text keeps the word whole.
        var cited = MarkdownMarks().Replace(string.Join("\n", lines[(start - 1)..end]), string.Empty);
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        if (lastWordMayBeCut && words.Count > 0)
        {
            words.RemoveAt(words.Count - 1);
        }

        foreach (var word in words)
        {
            Assert.True(cited.Contains(word, StringComparison.Ordinal), $"{file}:{start}-{end} lacks '{word}'");
        }
    }

    /// <summary>A table row passage reads "Header: cell | Header: cell"; the cells are on the row's line.</summary>
    private static string RowCells(string text) =>
        string.Join(" ", text.Split(" | ").Select(part => part.Contains(": ", StringComparison.Ordinal) ? part[(part.IndexOf(": ", StringComparison.Ordinal) + 2)..] : part));

    private static string[] ReadLines(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<JsonElement> Questions(string name) =>
        File.ReadLines(KnowledgeTestData.EvalFile(name))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();

    private sealed record EvalScore(double Hit1, double Hit3, double Polarity, double Decline, double FalseDecline);

    private static EvalScore Score(IKnowledgeBase kb, string name)
    {
        int answerable = 0, hit1 = 0, hit3 = 0, falseDecline = 0, yesNo = 0, polarityOk = 0, unanswerable = 0, declined = 0;
        foreach (var q in Questions(name))
        {
            var answer = kb.Ask(q.GetProperty("q").GetString()!);
            if (q.TryGetProperty("unanswerable", out var u) && u.GetBoolean())
            {
                unanswerable++;
                declined += answer.Answered ? 0 : 1;
                continue;
            }

            answerable++;
            if (!answer.Answered)
            {
                falseDecline++;
                continue;
            }

            var wants = q.TryGetProperty("expect", out var expect)
                ? expect.EnumerateArray().Select(e => (File: e.TryGetProperty("file", out var ef) ? ef.GetString() : null, Lines: e.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).ToList())).ToList()
                : [(File: q.TryGetProperty("file", out var f) ? f.GetString() : null, Lines: q.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).ToList())];
            bool Hit(Citation c) => c.LineEnd - c.LineStart + 1 <= 12
                && wants.Any(w => (w.File is null || c.File.EndsWith(w.File, StringComparison.Ordinal)) && w.Lines.Any(l => c.LineStart <= l && l <= c.LineEnd));
            hit1 += answer.Citations.Count > 0 && Hit(answer.Citations[0]) ? 1 : 0;
            hit3 += answer.Citations.Take(3).Any(Hit) ? 1 : 0;
            if (q.TryGetProperty("polarity", out var polarity))
            {
                yesNo++;
                var first = FirstWord().Match(answer.Text).Groups[1].Value.ToLowerInvariant();
                polarityOk += first == polarity.GetString() ? 1 : 0;
            }
        }

        static double Rate(int x, int n) => n == 0 ? 1.0 : (double)x / n;
        return new EvalScore(Rate(hit1, answerable), Rate(hit3, answerable), Rate(polarityOk, yesNo), Rate(declined, unanswerable), answerable == 0 ? 0 : (double)falseDecline / answerable);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[`*_~]")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"^[\W_]*([A-Za-z]+)")]
    private static partial Regex FirstWord();
}
