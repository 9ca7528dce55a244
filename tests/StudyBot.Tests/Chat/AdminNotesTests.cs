using StudyBot.Core.Chat;
using StudyBot.Core.Chat.Commands;
using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Chat;

public class AdminNotesTests
{
    private sealed class FixedNotes(string? text) : IAdminNotes
    {
        public string? Notes() => text;
    }

    [Fact]
    public async Task Reload_FeatureHasNotes_TheyFollowTheDiff()
    {
        var knowledge = new FakeKnowledgeBase();
        knowledge.NextReload = () => new ReloadReport(true, null, [], [], [], 0, 0, [], knowledge.Stats);
        var command = new ReloadCommand(knowledge, [new FixedNotes("**Quiz files:** 1 entry skipped\n- `t.quiz.md` line 3: exactly one choice …"), new FixedNotes(null)]);

        var reply = await command.ExecuteAsync(new IncomingMessage("web", "c1", "admin", "Admin", "reload", IsAdmin: true), string.Empty, CancellationToken.None);

        Assert.StartsWith("**Reloaded:**", reply.Markdown, StringComparison.Ordinal);
        Assert.EndsWith("- `t.quiz.md` line 3: exactly one choice …", reply.Markdown, StringComparison.Ordinal);
    }
}
