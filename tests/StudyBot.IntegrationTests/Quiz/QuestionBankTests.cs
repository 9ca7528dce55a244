using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.IntegrationTests.Quiz;

public class QuestionBankTests
{
    [Fact]
    public async Task Questions_AfterReloadWithANewQuizFile_IncludeTheTeamQuestionFirstAndKeepIds()
    {
        using var folder = new TempFolder("studybot-bank-");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "knowledge", "aws-devsecops.md"), Path.Combine(folder, "aws-devsecops.md"));
        using var knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = folder }), TimeProvider.System);
        await knowledge.LoadAsync(CancellationToken.None);
        using var bank = new QuestionBank(knowledge, new QuizKnowledgeFolder(folder), NullLogger<QuestionBank>.Instance);
        var before = bank.Questions.Select(q => q.Id).ToList();
        Assert.DoesNotContain(bank.Questions, q => q.Kind == QuizQuestionKind.Team);

        await File.WriteAllTextAsync(Path.Combine(folder, "team.quiz.md"), "## Which service stops DDoS attacks?\n- [x] AWS Shield\n- [ ] Amazon S3\n");
        await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal("Which service stops DDoS attacks?", bank.Questions[0].Text);
        Assert.Equal(before, bank.Questions.Skip(1).Select(q => q.Id));
    }
}
