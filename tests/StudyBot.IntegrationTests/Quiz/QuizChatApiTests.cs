using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;
using StudyBot.IntegrationTests.Host;

namespace StudyBot.IntegrationTests.Quiz;

public class QuizChatApiTests
{
    [Fact]
    public async Task QuizAdminVerbs_ThroughTheConversation_AreRefusedOrRunAndAudited()
    {
        await using var server = await BotServer.StartAsync([new("Knowledge:AutoReload", "false")]);

        var (_, refused) = await server.AskAsync("quiz now", userId: "member");
        Assert.Equal("refused", refused.GetProperty("kind").GetString());
        var (_, scheduled) = await server.AskAsync("quiz schedule 0 9 * * 1-5 Europe/Berlin", userId: "boss", admin: true);
        Assert.Contains("Quiz scheduled", scheduled.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        var (_, status) = await server.AskAsync("quiz", userId: "member");
        Assert.Contains("weekdays at 09:00 (Europe/Berlin)", status.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        var (_, me) = await server.AskAsync("me", userId: "member");
        Assert.Contains("not answered a quiz yet", me.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        var (_, help) = await server.AskAsync("help", userId: "member");
        Assert.Contains("leaderboard", help.GetProperty("markdown").GetString(), StringComparison.Ordinal);

        var audit = await server.Services.GetRequiredService<IAuditLog>().RecentAsync(10, CancellationToken.None);
        Assert.Contains(audit, e => e is { Command: "quiz", UserId: "member", Outcome: AuditOutcomes.Refused } && e.Arguments == "now");
        Assert.Contains(audit, e => e is { Command: "quiz", UserId: "boss", Outcome: AuditOutcomes.Ok } && e.Arguments.StartsWith("schedule", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Command == "me");
    }

    [Fact]
    public async Task QuizNowAndQuizMe_NotesThatGiveNoQuestion_SayHowToAddTheirOwn()
    {
        await using var server = await BotServer.StartAsync([new("Knowledge:AutoReload", "false")], copyNotes: false);
        Directory.CreateDirectory(server.KnowledgeFolder);
        await File.WriteAllTextAsync(Path.Combine(server.KnowledgeFolder, "notes.md"), "# Notes\n\nHello.\n");
        var (_, reloaded) = await server.AskAsync("reload", userId: "boss", admin: true);
        Assert.Contains("**Quiz:** no question yet", reloaded.GetProperty("markdown").GetString(), StringComparison.Ordinal);

        var (_, reply) = await server.AskAsync("quiz now", userId: "boss", admin: true);
        var (_, practice) = await server.AskAsync("quiz me", userId: "member");

        Assert.Contains("*.quiz.md", reply.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        // The notes are loaded: the member is told why there is nothing to ask, not sent to look for a loading fault.
        Assert.True(practice.GetProperty("private").GetBoolean());
        Assert.Contains("the notes gave none worth asking", practice.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("loaded", practice.GetProperty("markdown").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizMe_ThroughTheWebChat_PrivateQuestionWhoseButtonIsGraded()
    {
        await using var server = await BotServer.StartAsync([new("Knowledge:AutoReload", "false")]);

        var (_, asked) = await server.AskAsync("quiz me", userId: "member");
        Assert.True(asked.GetProperty("private").GetBoolean());
        var action = asked.GetProperty("buttons")[0].GetProperty("actionId").GetString()!;
        Assert.StartsWith("quiz:me:", action, StringComparison.Ordinal);

        using var response = await server.Client.PostAsJsonAsync("api/chat", new { userId = "member", displayName = "Member", action });
        var graded = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies")[0];
        Assert.True(graded.GetProperty("private").GetBoolean());
        Assert.Matches("^(Correct|Not quite)", graded.GetProperty("markdown").GetString());
        Assert.Equal(1, graded.GetProperty("citations").GetArrayLength());
    }
}
