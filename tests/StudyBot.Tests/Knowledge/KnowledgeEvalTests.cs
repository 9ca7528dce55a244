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

    // These sets are among those the shipped model was fitted on (tests/StudyBot.Eval), so the floors below are
    // regression checks of the lexical path that unit tests run, not estimates for new notes: those are the
    // leave-one-corpus-out numbers in docs/answers.md.

    [Fact]
    public void SeedLabelledSet_LexicalPath_HoldsItsFloors()
    {
        using var kb = KnowledgeTestData.Open(KnowledgeTestData.SeedFolder);

        var score = Score(kb, "loco/seed.jsonl");

        Assert.True(score.Hit1 >= SeedFloors.Hit1 && score.Decline >= SeedFloors.Decline && score.FalseDecline <= SeedFloors.FalseDecline, score.ToString());
        Assert.True(score.WrongYesNo <= SeedFloors.WrongYesNo, score.ToString());
    }

    [Theory]
    [InlineData("loco/aws-cloudnotes.jsonl")]
    [InlineData("loco/cka-learning.jsonl")]
    [InlineData("loco/networking-notes.jsonl")]
    public void CorporaLabelledSets_LexicalPath_HoldTheirFloors(string set)
    {
        var score = Score(corpora.Knowledge, set);

        Assert.True(score.Hit1 >= CorporaFloors.Hit1 && score.Decline >= CorporaFloors.Decline && score.FalseDecline <= CorporaFloors.FalseDecline, score.ToString());
        Assert.True(score.WrongYesNo <= CorporaFloors.WrongYesNo, score.ToString());
    }

    [Fact]
    public void OffTopic_LexicalPath_Declines()
    {
        var offTopic = Score(corpora.Knowledge, "offtopic-extra.jsonl");

        Assert.True(offTopic.Decline >= 0.9, offTopic.ToString());
    }

    [Theory]
    [InlineData("Does UDP support multicast?", "Yes")]
    [InlineData("Is fibre immune to EMI?", "Yes")]
    public void Ask_YesNoAnsweredByAComparison_ReadsTheSubjectsColumnOrClause(string question, string lead)
    {
        var answer = corpora.Knowledge.Ask(question);

        AnswerComposerTests.AssertLeadOrUnsettled(lead, answer.Text);
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

    /// <summary>A table row passage reads "Header: cell | Header: cell"; the cells are on the row's line (a citation
    /// of neighbouring rows holds one such line per row).</summary>
    private static string RowCells(string text) =>
        string.Join(" ", text.Split('\n').SelectMany(row => row.Split(" | ")).Select(part => part.Contains(": ", StringComparison.Ordinal) ? part[(part.IndexOf(": ", StringComparison.Ordinal) + 2)..] : part));

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

    private sealed record EvalScore(double Hit1, double Hit3, double Polarity, double Decline, double FalseDecline, double WrongYesNo);

    private static readonly EvalScore SeedFloors = new(Hit1: 0.6, Hit3: 0, Polarity: 0, Decline: 0.9, FalseDecline: 0.25, WrongYesNo: 0.1);
    // Decline 0.65: the three corpora share one index here, so a question one set's notes do not cover can find a line in
    // another's; the forty-seventh session's refit (lexical decision threshold 0.388 → 0.359, chosen held out for the
    // pooled 0.90 bar) declines 20 of the CKA set's 29 (0.69) in this shared index, and 0.97 of them held out on its own notes.
    private static readonly EvalScore CorporaFloors = new(Hit1: 0.5, Hit3: 0, Polarity: 0, Decline: 0.65, FalseDecline: 0.25, WrongYesNo: 0.15);

    private static EvalScore Score(IKnowledgeBase kb, string name)
    {
        int answerable = 0, hit1 = 0, hit3 = 0, falseDecline = 0, yesNo = 0, polarityOk = 0, polarityWrong = 0, unanswerable = 0, declined = 0;
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
                polarityWrong += first != polarity.GetString() && first is "yes" or "no" ? 1 : 0;
            }
        }

        static double Rate(int x, int n) => n == 0 ? 1.0 : (double)x / n;
        return new EvalScore(Rate(hit1, answerable), Rate(hit3, answerable), Rate(polarityOk, yesNo), Rate(declined, unanswerable),
            answerable == 0 ? 0 : (double)falseDecline / answerable, yesNo == 0 ? 0 : (double)polarityWrong / yesNo);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[`*_~]")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"^[\W_]*([A-Za-z]+)")]
    private static partial Regex FirstWord();
}
