using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.IntegrationTests.Quiz;

public class QuestionBankTests
{
    /// <summary>The seed notes copied into <paramref name="folder"/>, loaded, and a bank over them (no kind model).</summary>
    private static async Task<SeededBank> SeedBankAsync(string folder)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "knowledge", "aws-devsecops.md"), Path.Combine(folder, "aws-devsecops.md"));
        var knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = folder }), TimeProvider.System);
        await knowledge.LoadAsync(CancellationToken.None);
        return new SeededBank(knowledge, new QuestionBank(knowledge, new QuizKnowledgeFolder(folder), NullLogger<QuestionBank>.Instance));
    }

    private sealed record SeededBank(KnowledgeBase Knowledge, QuestionBank Bank) : IDisposable
    {
        public void Dispose()
        {
            Bank.Dispose();
            Knowledge.Dispose();
        }
    }

    [Fact]
    public async Task Questions_AfterReloadWithANewQuizFile_IncludeTheTeamQuestionFirstAndKeepIds()
    {
        using var folder = new TempFolder("studybot-bank-");
        using var seeded = await SeedBankAsync(folder);
        var (knowledge, bank) = (seeded.Knowledge, seeded.Bank);
        var before = bank.Questions.Select(q => q.Id).ToList();
        Assert.DoesNotContain(bank.Questions, q => q.Kind == QuizQuestionKind.Team);

        await File.WriteAllTextAsync(Path.Combine(folder, "team.quiz.md"), "## Which service stops DDoS attacks?\n- [x] AWS Shield\n- [ ] Amazon S3\n");
        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal("Which service stops DDoS attacks?", bank.Questions[0].Text);
        Assert.Equal(before, bank.Questions.Skip(1).Select(q => q.Id));
    }

    /// <summary>A team file's Replaces line takes the generated questions it names out of the bank and the reserve at
    /// the next reload, and the admin's reload reply says how many, so that a teacher sees the edited file took effect.</summary>
    [Fact]
    public async Task Replaced_AfterReloadWithAReplacesLine_GeneratedQuestionsGoAndTheAdminNotesSaySo()
    {
        using var folder = new TempFolder("studybot-bank-replaces-");
        using var seeded = await SeedBankAsync(folder);
        var (knowledge, bank) = (seeded.Knowledge, seeded.Bank);
        var (first, second) = (bank.Questions[0], bank.Questions[1]);
        var notes = new QuizAdminNotes(bank);
        Assert.DoesNotContain("replace", notes.Notes(), StringComparison.Ordinal);

        // The teacher keeps the first entry and deletes the second; the Replaces line names both.
        var entries = TeamQuestionWriter.Write([first, second]).Split("\n## ");
        await File.WriteAllTextAsync(Path.Combine(folder, "drafts.quiz.md"), string.Join("\n## ", entries[..^1]));
        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal(2, bank.Replaced);
        Assert.Equal(QuizQuestionKind.Team, bank.Questions[0].Kind);
        Assert.Equal(first.Text, bank.Questions[0].Text);
        Assert.Equal(first.Id, bank.Questions[0].Id); // the kept entry is its generated question still (its comment)
        Assert.DoesNotContain(bank.Questions.Concat(bank.Reserve), q => (q.Kind != QuizQuestionKind.Team && q.Id == first.Id) || q.Id == second.Id || q.Text == second.Text);
        Assert.Contains("The team's quiz files replace 2 generated questions, which are not asked.", notes.Notes(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_EveryBankQuestionAsked_TheReserveComesBeforeARepeat_BestFirst()
    {
        // The team's seed notes: a bank of a handful that the item-quality model keeps, and a reserve under it.
        using var folder = QuizHarness.NewFolder(0);
        await using var h = await SeedNotesAsync(folder);
        var bank = h.Services.GetRequiredService<QuestionBank>();
        Assert.NotEmpty(bank.Questions);
        Assert.True(bank.Reserve.Count >= 2, $"the seed notes' reserve has {bank.Reserve.Count} questions");
        Assert.Empty(bank.Reserve.Select(q => q.Id).Intersect(bank.Questions.Select(q => q.Id)));

        await PostDailyAsync(h, bank.Questions.Count + 2);

        var posted = h.Publisher.Quizzes.Select(p => p.Reply.Markdown.Split('\n')[0]).ToList();
        Assert.Equal(posted.Count, posted.Distinct().Count());
        Assert.Equal(bank.Questions.Select(q => q.Text).Order(StringComparer.Ordinal), posted.Take(bank.Questions.Count).Order(StringComparer.Ordinal));
        // Best first, unless the best asks about what the channel was just asked (QuizService.Spread).
        Assert.Subset(bank.Reserve.Select(q => q.Text).ToHashSet(), posted.Skip(bank.Questions.Count).ToHashSet());
    }

    [Fact]
    public async Task Rotation_EveryQuestionAskedLongAgo_TheReserveRepeatsLikeTheBank_AndTheStatusSaysHowToAddMore()
    {
        // The seed notes: three bank questions and two in reserve. Before, only the bank came back after
        // RepeatAfterDays, so the channel got the same three for ever and the reserve's two never again.
        using var folder = QuizHarness.NewFolder(0);
        await using var h = await SeedNotesAsync(folder);
        var bank = h.Services.GetRequiredService<QuestionBank>();
        var all = bank.Questions.Count + bank.Reserve.Count;
        Assert.True(bank.Reserve.Count >= 1, $"the seed notes' reserve has {bank.Reserve.Count} questions");

        var before = (await h.CommandAsync("quiz", admin: false)).Markdown;
        Assert.Contains($"{all} questions from the notes ({bank.Reserve.Count} of them in reserve)", before, StringComparison.Ordinal);
        Assert.Contains($"{all} not yet asked here", before, StringComparison.Ordinal);
        Assert.Contains("*.quiz.md", before, StringComparison.Ordinal);

        for (var round = 0; round < 2; round++)
        {
            await PostDailyAsync(h, all);
            if (round == 0)
            {
                Assert.Contains("every one was asked here", (await h.CommandAsync("quiz", admin: false)).Markdown, StringComparison.Ordinal);
                h.Time.Advance(TimeSpan.FromDays(61)); // RepeatAfterDays is 60
            }
        }

        var posted = h.Publisher.Quizzes.Select(p => p.Reply.Markdown.Split('\n')[0]).ToList();
        Assert.Equal(2 * all, posted.Count);
        Assert.Equal(all, posted.Take(all).Distinct().Count());
        Assert.Equal(posted.Take(all).Order(StringComparer.Ordinal), posted.Skip(all).Order(StringComparer.Ordinal));
    }

    /// <summary>The admin's notes tell an entry that is not asked from a line read otherwise than meant (an entry that
    /// cannot keep its generated question's history: it is asked, as a new question).</summary>
    [Fact]
    public async Task Issues_SkippedAndToCheck_AreCountedApartInTheAdminNotes()
    {
        using var folder = new TempFolder("studybot-bank-issues-");
        using var seeded = await SeedBankAsync(folder);
        var (knowledge, bank) = (seeded.Knowledge, seeded.Bank);
        var entry = TeamQuestionWriter.Entry(bank.Questions[0]);
        await File.WriteAllTextAsync(Path.Combine(folder, "ours.quiz.md"), entry + "\n" + entry.Replace("## ", "## Again: ", StringComparison.Ordinal) + "\n## Broken?\n- [ ] a\n- [ ] b\n");
        await knowledge.ReloadAsync(CancellationToken.None);

        var notes = new QuizAdminNotes(bank).Notes()!;

        Assert.Contains("**Quiz files:** 1 entry skipped, 1 line to check", notes, StringComparison.Ordinal);
        Assert.Contains("(quiz files: `ours.quiz.md`).", notes, StringComparison.Ordinal); // read, whatever the notes' report says
        Assert.Contains("the same generated question as ours.quiz.md line 1", notes, StringComparison.Ordinal);
        Assert.Equal(2, bank.Questions.Count(q => q.Kind == QuizQuestionKind.Team));
    }

    /// <summary>A teacher puts the bank's export among the notes after the channel has been asked some of it: the
    /// entries keep their generated questions' ids, so the channel is not asked them again as new team questions (the
    /// rotation asks never-asked team questions first), and the next post is one it has not seen.</summary>
    [Fact]
    public async Task Rotation_ExportPutAmongTheNotes_DoesNotAskTheChannelWhatItWasAskedAlready()
    {
        using var folder = QuizHarness.NewFolder(0);
        await using var h = await SeedNotesAsync(folder, teamFile: false);
        var bank = h.Services.GetRequiredService<QuestionBank>();
        var generated = bank.Questions.Select(q => q.Id).ToList();
        Assert.True(generated.Count >= 3);
        await PostDailyAsync(h, 2);
        var asked = h.Publisher.Quizzes.Select(p => p.Reply.Markdown.Split('\n')[0]).ToList();

        // Every entry kept, one reworded: a teacher's mend.
        var export = TeamQuestionWriter.Write(bank.Questions);
        var first = bank.Questions[0].Text;
        await File.WriteAllTextAsync(Path.Combine(folder, "knowledge", "ours.quiz.md"), export.Replace("## " + TeamQuestionWriter.Escape(first), "## " + TeamQuestionWriter.Escape(first) + " (mended)", StringComparison.Ordinal));
        bank.Refresh();
        await PostDailyAsync(h, 1);

        var next = h.Publisher.Quizzes.Last().Reply.Markdown.Split('\n')[0].Replace(" (mended)", string.Empty, StringComparison.Ordinal);
        Assert.Equal(3, h.Publisher.Quizzes.Count());
        Assert.DoesNotContain(next, asked);
        Assert.All(bank.Questions, q => Assert.Equal(QuizQuestionKind.Team, q.Kind));
        Assert.Equal(generated, bank.Questions.Select(q => q.Id));
        Assert.Contains(bank.Questions, q => q.Text == first + " (mended)");
    }

    /// <summary>The export's comment deleted from one entry: that entry is a new question (its history gone), which
    /// the admin notes now say, with the comment to put back; the entries that kept theirs are not named.</summary>
    [Fact]
    public async Task Issues_ExportedEntryWithoutItsGeneratedComment_SaysWhichCommentToPutBack()
    {
        using var folder = QuizHarness.NewFolder(0);
        await using var h = await SeedNotesAsync(folder, teamFile: false);
        var bank = h.Services.GetRequiredService<QuestionBank>();
        var second = bank.Questions[1];
        var export = TeamQuestionWriter.Write(bank.Questions);
        var lines = export.Split('\n').ToList();
        var heading = lines.IndexOf("## " + TeamQuestionWriter.Escape(second.Text));
        var removed = lines.FindIndex(heading, l => l.StartsWith("<!-- generated ", StringComparison.Ordinal) && l.Contains(second.Id, StringComparison.Ordinal));
        Assert.True(heading >= 0 && removed > heading, "the export writes the entry's heading and then its comment");
        var kept = lines[removed];
        lines.RemoveAt(removed);
        await File.WriteAllTextAsync(Path.Combine(folder, "knowledge", "ours.quiz.md"), string.Join('\n', lines));

        bank.Refresh();

        var issue = Assert.Single(bank.Issues);
        Assert.Equal(("ours.quiz.md", heading + 1), (issue.File, issue.Line));
        Assert.Contains(kept.Trim(), issue.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(bank.Questions, q => q.Id == second.Id);
    }

    [Fact]
    public async Task Rotation_TwoQuestionsWithOneSetOfChoices_AreNotAskedOnConsecutiveDays()
    {
        // Both sides of a contrast: asked the day after the first, the second is answered by the first one's reveal.
        using var folder = QuizHarness.NewFolder(0);
        QuizHarness.WriteContrastSides(Path.Combine(folder, "knowledge"));
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-01T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var h = QuizHarness.Start(folder, time);

        // Each channel has an order of its own: eight channels, so that some order puts the two side by side.
        string[] channels = [.. Enumerable.Range(1, 8).Select(i => $"c{i}")];
        for (var i = 0; i < 4; i++)
        {
            foreach (var channel in channels)
            {
                await h.CommandAsync("quiz now", channel);
            }

            time.Advance(TimeSpan.FromDays(1));
            await h.TickAsync();
        }

        // Four posts of five questions, three of them on other things: the two FTP questions are never back to back.
        foreach (var channel in channels)
        {
            var posted = h.Publisher.Quizzes.Where(p => p.ChannelId == channel).Select(p => p.Reply.Markdown.Split('\n')[0]).ToList();
            Assert.Equal(4, posted.Distinct().Count());
            Assert.DoesNotContain(posted.Zip(posted.Skip(1)), pair => pair.First.Contains("FTP mode", StringComparison.Ordinal) && pair.Second.Contains("FTP mode", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Rotation_NotesWhoseQuestionsAreAllInTheReserve_StillGetADailyQuizAndPractice()
    {
        // A command reference (a tldr page): its "Which command would you run to …?" questions are all in the reserve,
        // and an empty bank once meant no daily quiz and no "quiz me" at all.
        using var folder = QuizHarness.NewFolder(0);
        var notes = Path.Combine(folder, "knowledge");
        await File.WriteAllTextAsync(Path.Combine(notes, "ping.md"), """
            # ping

            > Send ICMP ECHO_REQUEST packets to network hosts.

            - Ping a host only a specific number of times:

            `ping -c {{count}} {{host}}`

            - Ping a host without trying to lookup symbolic names for addresses:

            `ping -n {{host}}`

            - Ping a host and ring the bell when a packet is received:

            `ping -a {{host}}`

            - Ping a host and display the time before each response:

            `ping -D {{host}}`
            """);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-01T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = notes }), TimeProvider.System);
        await knowledge.LoadAsync(CancellationToken.None);
        await using var h = QuizHarness.Start(folder, time, passages: knowledge.Passages);
        var bank = h.Services.GetRequiredService<QuestionBank>();
        Assert.Empty(bank.Questions);
        Assert.Contains(bank.Reserve, q => q.Kind == QuizQuestionKind.Command);

        await h.CommandAsync("quiz now");
        var practice = await h.CommandAsync("quiz me", admin: false);

        var posted = Assert.Single(h.Publisher.Quizzes);
        Assert.StartsWith("Which command would you run to ping a host", posted.Reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("Which command would you run to ping a host", practice.Markdown, StringComparison.Ordinal);
    }

    /// <summary>A quiz on the team's seed notes, copied into <paramref name="folder"/>'s notes and indexed there, on a
    /// fake clock.</summary>
    /// <param name="teamFile">False: without the harness's own team quiz file, so the bank is the seed notes' alone.</param>
    private static async Task<QuizHarness> SeedNotesAsync(string folder, bool teamFile = true)
    {
        if (!teamFile)
        {
            File.Delete(Path.Combine(folder, "knowledge", "team.quiz.md"));
        }

        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-01T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var notes = Path.Combine(folder, "knowledge");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "knowledge", "aws-devsecops.md"), Path.Combine(notes, "aws-devsecops.md"));
        using var knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = notes }), TimeProvider.System);
        await knowledge.LoadAsync(CancellationToken.None);
        return QuizHarness.Start(folder, time, passages: knowledge.Passages);
    }

    /// <summary>An admin's <c>quiz now</c> on each of <paramref name="days"/> days, each revealed the next day.</summary>
    private static async Task PostDailyAsync(QuizHarness h, int days)
    {
        for (var i = 0; i < days; i++)
        {
            await h.CommandAsync("quiz now");
            h.Time.Advance(TimeSpan.FromDays(1));
            await h.TickAsync();
        }
    }
}
