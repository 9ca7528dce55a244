using System.Text.Json;
using System.Text.RegularExpressions;
using StudyBot.Cli;
using StudyBot.Core.Quiz;

namespace StudyBot.IntegrationTests.Quiz;

public partial class QuizCliTests
{
    private static string Seed => Path.Combine(AppContext.BaseDirectory, "knowledge");

    private static string Corpus(string name) => Path.Combine(AppContext.BaseDirectory, "data", "corpora", name);

    private static QuizCommand.QuizTier Tier(bool reserve, bool drafts) =>
        reserve ? QuizCommand.QuizTier.Reserve : drafts ? QuizCommand.QuizTier.Drafts : QuizCommand.QuizTier.Bank;

    private static async Task<(List<JsonElement> Questions, string Error, int ExitCode)> RunAsync(string folder, int count, bool reserve = false, bool drafts = false)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await QuizCommand.RunAsync(folder, json: true, count, output, error, CancellationToken.None, Tier(reserve, drafts));
        var questions = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (questions, error.ToString(), code);
    }

    /// <summary>Lower case, markdown emphasis and code marks dropped, whitespace collapsed.</summary>
    private static string Plain(string text) => SpaceRegex().Replace(MarkRegex().Replace(text, string.Empty), " ").Trim().ToLowerInvariant();

    private static void AssertSound(string folder, List<JsonElement> questions)
    {
        Assert.Equal(questions.Count, questions.Select(q => q.GetProperty("question").GetString()).Distinct().Count());
        foreach (var q in questions)
        {
            var choices = q.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList();
            var answer = choices[q.GetProperty("answerIndex").GetInt32()];
            var citation = q.GetProperty("citation");
            var (file, start, end) = (citation.GetProperty("file").GetString()!, citation.GetProperty("lineStart").GetInt32(), citation.GetProperty("lineEnd").GetInt32());
            var lines = File.ReadAllText(Path.Combine(folder, file)).Split('\n');
            Assert.InRange(start, 1, end);
            Assert.InRange(end, start, lines.Length);
            var cited = Plain(string.Join('\n', lines[(start - 1)..end]));
            Assert.True(cited.Contains(Plain(answer), StringComparison.Ordinal), $"'{q.GetProperty("question")}': {file}:{start}-{end} lacks '{answer}'");
            Assert.Equal(choices.Count, choices.Select(Plain).Distinct().Count());
            Assert.InRange(choices.Count, 2, 4);
            Assert.False(string.IsNullOrWhiteSpace(q.GetProperty("explanation").GetString()));
        }
    }

    /// <summary>The seed notes (one short file) hold 6 questions the item-quality model keeps (quiz-item-model.json):
    /// two yes/no questions of the notes' own Q&amp;A pairs and four contrasts (the contrast kind has its own, lower
    /// threshold: outside readers rate contrasts good whatever the model scores them) — Elastic Kubernets Service
    /// against Elastic Container Service, SSE-S3 against SSE-C, AWS Guardduty against AWS Shield, Monolithic against
    /// Micro Services. Their other contrasts: "Partially managed, user is has flexibility" is not written (a garbled
    /// stem), and "Fully managed by AWS", the ECS/EKS pair's second, is asked last, from the reserve (one contrast of a
    /// pair in a small bank). The third yes/no question quotes the notes' typos ("columes … simoltaneously") and is not
    /// asked at all (<c>LikelyTypos</c>). The stems take the notes' usual case ("Can I use AWS WAF …").</summary>
    [Fact]
    public async Task Quiz_SeedNotesCount3_Gives3DistinctSoundQuestionsOfTheBank()
    {
        var (questions, error, code) = await RunAsync(Seed, 3);
        var (bank, _, bankCode) = await RunAsync(Seed, 1000);
        var (reserve, _, _) = await RunAsync(Seed, 1000, reserve: true);
        Assert.Equal(0, code);
        Assert.Equal(0, bankCode);
        Assert.Equal(3, questions.Count);
        Assert.Equal(6, bank.Count);
        Assert.Equal(4, bank.Count(q => q.GetProperty("kind").GetString() == "Contrast"));
        Assert.DoesNotContain(bank.Concat(reserve), q => q.GetProperty("question").GetString()!.Contains("simoltaneously", StringComparison.Ordinal));
        Assert.DoesNotContain(bank.Concat(reserve), q => q.GetProperty("question").GetString()!.Contains("is has", StringComparison.Ordinal));
        Assert.Contains("Fully managed by AWS", reserve[^1].GetProperty("question").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("only", error, StringComparison.Ordinal);
        AssertSound(Seed, questions);
        Assert.All(questions, q => Assert.Contains(bank, b => b.GetProperty("id").GetString() == q.GetProperty("id").GetString()));
        Assert.Contains(bank, q => q.GetProperty("question").GetString()!.StartsWith("Can we create un-encrypted EBS volume", StringComparison.Ordinal)
            && q.GetProperty("answerIndex").GetInt32() == 1 && q.GetProperty("citation").GetProperty("lineStart").GetInt32() == 75);
        Assert.Contains(bank, q => q.GetProperty("question").GetString()!.StartsWith("Can I use AWS WAF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quiz_MoreAskedThanExist_GivesAllOfThemAndSaysHowMany()
    {
        var (questions, error, code) = await RunAsync(Seed, 1000);
        var (reserve, _, _) = await RunAsync(Seed, 1000, reserve: true);
        Assert.Equal(0, code);
        Assert.InRange(questions.Count, 3, 999);
        Assert.NotEmpty(reserve);
        // The daily quiz goes on to the reserve, so the note counts it too.
        Assert.Contains($"the bank holds only {questions.Count} questions (1000 asked for); the reserve holds {reserve.Count} more", error, StringComparison.Ordinal);
        AssertSound(Seed, questions);
    }

    [Fact]
    public async Task Quiz_NotesThatGiveNoQuestion_SayItAndExitWithOne()
    {
        using var folder = new TempFolder("studybot-quizcli-none-");
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.md"), "# Notes\n\nWe met on Monday and talked about the plan.\n");

        var (questions, error, code) = await RunAsync(folder, 5);
        var (reserve, reserveError, reserveCode) = await RunAsync(folder, 5, reserve: true);

        Assert.Empty(questions);
        Assert.Empty(reserve);
        Assert.Equal(1, code);
        Assert.Contains("only 0 distinct questions can be made from these notes (5 asked for)", error, StringComparison.Ordinal);
        // An empty reserve is no failure: the bank is all the notes give.
        Assert.Equal(0, reserveCode);
        Assert.Contains("the reserve holds 0 questions", reserveError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_Reserve_PrintsSoundQuestionsThatAreNotInTheBank()
    {
        var (bank, _, _) = await RunAsync(Seed, 1000);
        var (reserve, error, code) = await RunAsync(Seed, 1000, reserve: true);

        Assert.Equal(0, code);
        Assert.NotEmpty(reserve);
        Assert.Contains(reserve.Count == 1 ? "the reserve holds 1 question (" : $"the reserve holds {reserve.Count} questions (", error, StringComparison.Ordinal);
        AssertSound(Seed, reserve);
        Assert.Empty(reserve.Select(q => q.GetProperty("id").GetString()).Intersect(bank.Select(q => q.GetProperty("id").GetString())));
    }

    [Theory]
    [InlineData("aws-cloudnotes")]
    [InlineData("cka-learning")]
    [InlineData("networking-notes")]
    public async Task Quiz_RealNotes_EveryQuestionIsAnsweredByItsCitedLines(string corpus)
    {
        var (questions, _, code) = await RunAsync(Corpus(corpus), 100_000);

        // cka-learning alone: none of its few items reaches the item-quality model's threshold (the CLI says so with
        // exit code 1); with the other corpora, "All pods can talk to all pods without NAT" is kept.
        Assert.Equal(questions.Count == 0 ? 1 : 0, code);
        Assert.True(questions.Count >= 1 || corpus == "cka-learning", $"{corpus}: {questions.Count} questions");
        // The generator drops what it cannot write well: the smallest corpus (cka-learning, 17 files of short notes)
        // gives 1 on its own (2 before two-choice definitions needed titles sharing a name: "RBAC" or "ABAC" for
        // "rolebinding roleref is immutable", rated guessable by the fifth outside reader; 13 before the kind model, 6
        // before wrong choices all had to be of the key's kind: its blanks' wrong choices were of another kind than the
        // key, its definitions offered "Secrets" for "key value pairs" and topic headings beside things). Run with the
        // other corpora, it gives more (a larger family).
        AssertSound(Corpus(corpus), questions);
    }

    [Fact]
    public async Task Quiz_TeamQuizFile_ComesFirstAndBadEntriesAreReported()
    {
        using var folder = new TempFolder("studybot-quizcli-");
        File.Copy(Path.Combine(Seed, "aws-devsecops.md"), Path.Combine(folder, "aws-devsecops.md"));
        await File.WriteAllTextAsync(Path.Combine(folder, "ours.quiz.md"), """
            ## Is EBS encrypted by default?
            - [ ] Yes
            - [x] No

            > By default it is not encrypted.

            Source: aws-devsecops.md#L69-L71

            ## Broken: no right answer
            - [ ] a
            - [ ] b
            """);

        var (questions, error, _) = await RunAsync(folder, 3);

        var first = questions[0];
        Assert.Equal("Is EBS encrypted by default?", first.GetProperty("question").GetString());
        Assert.Equal("EBS Encryption", first.GetProperty("citation").GetProperty("section").GetString());
        Assert.Contains("ours.quiz.md line 9 skipped: exactly one choice", error, StringComparison.Ordinal);
        Assert.DoesNotContain(questions.Skip(1), q => q.GetProperty("citation").GetProperty("file").GetString() == "ours.quiz.md");
    }

    [Fact]
    public async Task Quiz_MissingFolder_FailsWithAMessage()
    {
        var (_, error, code) = await RunAsync(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N")), 5);
        Assert.NotEqual(0, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    private static async Task<(string Markdown, string Error, int ExitCode)> RunMarkdownAsync(string folder, int count, bool reserve = false, bool drafts = false)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await QuizCommand.RunAsync(folder, json: false, count, output, error, CancellationToken.None, Tier(reserve, drafts), markdown: true);
        return (output.ToString(), error.ToString(), code);
    }

    /// <summary>Whitespace as a team's file reads it: a run of any (the notes' no-break spaces too) is one space.</summary>
    private static string Spaced(string text) => SpaceRegex().Replace(text, " ").Trim();

    /// <summary>A teacher starts from what the generator made: <c>quiz --markdown</c> writes it as a team quiz file,
    /// and the parser reads every entry back to the same stem, choices, right answer and cited lines, with no issue —
    /// over every kind the generator writes (the test corpora's definitions, contrasts, blanks and tables; the tldr
    /// pages' commands, whose choices hold pipes, dashes, backslashes and angle brackets), bank and reserve.</summary>
    [Theory]
    [InlineData("corpora")]
    [InlineData("corpora8/tldr-common")]
    public async Task Quiz_Markdown_ReadsBackAsTheSameQuestions(string notes)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "data", notes);
        var compared = 0;
        foreach (var reserve in new[] { false, true })
        {
            var (json, _, _) = await RunAsync(folder, 100_000, reserve);
            var (markdown, _, _) = await RunMarkdownAsync(folder, 100_000, reserve);
            var replaced = new List<string>();

            var (team, issues) = TeamQuestionParser.Parse("drafts.quiz.md", markdown, readLines: f => QuestionBank.ReadLines(folder, f), replaced: replaced);

            Assert.Empty(issues);
            Assert.Equal(json.Select(q => q.GetProperty("id").GetString()), replaced);
            Assert.Equal(json.Count, team.Count);
            foreach (var (generated, read) in json.Zip(team))
            {
                var choices = generated.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList();
                var citation = generated.GetProperty("citation");
                Assert.Equal(Spaced(generated.GetProperty("question").GetString()!), read.Text);
                Assert.Equal(choices.Select(Spaced).Order(StringComparer.Ordinal), read.Choices.Order(StringComparer.Ordinal));
                Assert.Equal(Spaced(choices[generated.GetProperty("answerIndex").GetInt32()]), read.Answer);
                Assert.Equal(Spaced(generated.GetProperty("explanation").GetString()!), read.Explanation);
                Assert.Equal((citation.GetProperty("file").GetString(), citation.GetProperty("lineStart").GetInt32(), citation.GetProperty("lineEnd").GetInt32()),
                    (read.Citation.File, read.Citation.LineStart, read.Citation.LineEnd));
                compared++;
            }
        }

        Assert.True(compared >= 20, $"{notes}: {compared} questions");
    }

    /// <summary>The exported file among the notes: its entries are asked as the team's, first; the generated questions
    /// it names are asked no more — the one whose entry the teacher deleted as well — and the rest of the notes' are.</summary>
    [Fact]
    public async Task Quiz_MarkdownPutAmongTheNotes_ReplacesTheGeneratedQuestionsItNames()
    {
        using var folder = new TempFolder("studybot-quizcli-drafts-");
        File.Copy(Path.Combine(Seed, "aws-devsecops.md"), Path.Combine(folder, "aws-devsecops.md"));
        var (bank, _, _) = await RunAsync(folder, 1000);
        var (reserve, _, _) = await RunAsync(folder, 1000, reserve: true);
        var (markdown, _, _) = await RunMarkdownAsync(folder, 1000);
        var (firstTwo, firstTwoError, _) = await RunMarkdownAsync(folder, 2);
        Assert.Equal(2, firstTwo.Split("\n## ").Length - 1);
        Assert.Contains($"the first 2 of the bank's {bank.Count} questions are printed; --count {bank.Count} prints all", firstTwoError, StringComparison.Ordinal);
        var entries = markdown.Split("\n## ");
        var deleted = bank[^1].GetProperty("question").GetString()!;
        Assert.StartsWith(TeamQuestionWriter.Escape(deleted), entries[^1], StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "ours.quiz.md"), string.Join("\n## ", entries[..^1]));

        var (after, error, code) = await RunAsync(folder, 1000);
        var (afterReserve, _, _) = await RunAsync(folder, 1000, reserve: true);
        var (again, againError, _) = await RunMarkdownAsync(folder, 1000);

        Assert.Equal(0, code);
        Assert.DoesNotContain("skipped", error, StringComparison.Ordinal);
        Assert.Equal(bank.Count - 1, after.Count);
        Assert.All(after, q => Assert.Equal("Team", q.GetProperty("kind").GetString()));
        Assert.Equal(bank.SkipLast(1).Select(q => q.GetProperty("question").GetString()), after.Select(q => q.GetProperty("question").GetString()));
        Assert.DoesNotContain(after.Concat(afterReserve), q => q.GetProperty("question").GetString() == deleted);
        Assert.Equal(reserve.Select(q => q.GetProperty("id").GetString()), afterReserve.Select(q => q.GetProperty("id").GetString()));

        // Exported again, the bank's questions are the team's already: no entry, and a word why.
        Assert.DoesNotContain("\n## ", again, StringComparison.Ordinal);
        Assert.Contains($"{after.Count} questions of the team's own are not printed", againError, StringComparison.Ordinal);
    }

    /// <summary>The drafts are what the checks pass and the daily quiz does not ask: on the seed notes, questions the
    /// item-quality model scores under the reserve's floor (AWS Shield's and Micro Services' definitions, "Can HSM be
    /// placed at On-Premise?") and those that copy a likely typo. None asks what the bank or the reserve asks.</summary>
    [Fact]
    public async Task Quiz_Drafts_AreSoundQuestionsThatNeitherTheBankNorTheReserveAsks()
    {
        var (bank, _, _) = await RunAsync(Seed, 1000);
        var (reserve, _, _) = await RunAsync(Seed, 1000, reserve: true);
        var (drafts, error, code) = await RunAsync(Seed, 1000, drafts: true);

        Assert.Equal(0, code);
        Assert.True(drafts.Count >= 3, error);
        Assert.Contains($"the notes give {drafts.Count} drafts (1000 asked for)", error, StringComparison.Ordinal);
        AssertSound(Seed, drafts);
        static string Id(JsonElement q) => q.GetProperty("id").GetString()!;
        static string Lines(JsonElement q) => $"{q.GetProperty("citation").GetProperty("file")}:{q.GetProperty("citation").GetProperty("lineStart")}-{q.GetProperty("citation").GetProperty("lineEnd")}";
        var asked = bank.Concat(reserve).ToList();
        Assert.Empty(drafts.Select(Id).Intersect(asked.Select(Id)));
        Assert.Empty(drafts.Select(Lines).Intersect(asked.Select(Lines)));
        Assert.Contains(drafts, q => q.GetProperty("question").GetString() == "Can HSM be placed at On-Premise?");
        Assert.All(drafts, q => Assert.InRange(q.GetProperty("draft").GetProperty("score").GetDouble(), 0, 0.6));
    }

    /// <summary>A teacher keeps the good drafts: the file says why each is not asked, reads back without an issue, and
    /// among the notes its entries are asked as the team's — after which they are no drafts any more.</summary>
    [Fact]
    public async Task Quiz_DraftsMarkdown_SaysWhyEachIsNotAskedAndWhatIsKeptIsAsked()
    {
        using var folder = new TempFolder("studybot-quizcli-kept-drafts-");
        File.Copy(Path.Combine(Seed, "aws-devsecops.md"), Path.Combine(folder, "aws-devsecops.md"));
        var (bank, _, _) = await RunAsync(folder, 1000);
        var (drafts, _, _) = await RunAsync(folder, 1000, drafts: true);
        var (markdown, _, code) = await RunMarkdownAsync(folder, 1000, drafts: true);

        Assert.Equal(0, code);
        Assert.Contains(TeamQuestionWriter.DraftsHeader.ReplaceLineEndings("\n"), markdown, StringComparison.Ordinal);
        var entries = markdown.Split("\n## ")[1..];
        Assert.Equal(drafts.Count, entries.Length);
        Assert.All(entries, e => Assert.Matches(@"<!-- generated [a-z/-]+ [0-9a-f]{16}; draft, not asked: (scored 0\.[0-5]\d, the quiz asks from 0\.60|it copies a likely typo of the notes) -->", e));
        var replaced = new List<string>();
        var (read, issues) = TeamQuestionParser.Parse("kept.quiz.md", markdown, readLines: f => QuestionBank.ReadLines(folder, f), replaced: replaced);
        Assert.Empty(issues);
        Assert.Equal(drafts.Select(q => q.GetProperty("id").GetString()), replaced);
        Assert.Equal(drafts.Count, read.Count);

        // The teacher keeps the first two drafts and deletes the rest.
        await File.WriteAllTextAsync(Path.Combine(folder, "kept.quiz.md"), string.Join("\n## ", markdown.Split("\n## ")[..3]));
        var (after, afterError, _) = await RunAsync(folder, 1000);
        var (draftsAfter, draftsAfterError, _) = await RunAsync(folder, 1000, drafts: true);

        Assert.DoesNotContain("skipped", afterError, StringComparison.Ordinal);
        Assert.Equal(bank.Count + 2, after.Count);
        Assert.Equal(drafts.Take(2).Select(q => q.GetProperty("question").GetString()), after.Take(2).Select(q => q.GetProperty("question").GetString()));
        Assert.All(after.Take(2), q => Assert.Equal("Team", q.GetProperty("kind").GetString()));
        Assert.Empty(draftsAfter);
        Assert.Contains($"{drafts.Count} drafts are in the team's quiz files already", draftsAfterError, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[*_`#>]")]
    private static partial Regex MarkRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRegex();
}
