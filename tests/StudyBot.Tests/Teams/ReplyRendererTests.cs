using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Teams.Cards;

namespace StudyBot.Tests.Teams;

public class ReplyRendererTests
{
    private static readonly Citation Ebs = new("aws/ebs.md", "Encryption", 71, 72, "EBS volumes are not encrypted by default.");

    [Fact]
    public void ToActivity_Answer_IsMarkdownTextWithCitation()
    {
        var activity = ReplyRenderer.ToActivity(new Reply("**No** — not by default.", Citations: [Ebs], Kind: ReplyKind.Answer));

        Assert.Equal("markdown", activity["textFormat"]!.GetValue<string>());
        var text = activity["text"]!.GetValue<string>();
        Assert.StartsWith("**No**", text);
        Assert.Contains("aws/ebs.md › Encryption, lines 71–72", text);
        Assert.Null(activity["attachments"]);
    }

    [Fact]
    public void ToMarkdown_HelpWithAngleBrackets_WrittenAsEntitiesSoTeamsKeepsThem()
    {
        var text = ReplyRenderer.ToMarkdown(new Reply("- ask <question> — the same\n- quiz schedule <cron> [timezone] — when", Title: "Help", Kind: ReplyKind.Help));

        Assert.Contains("ask &lt;question> — the same", text, StringComparison.Ordinal);
        Assert.Contains("quiz schedule &lt;cron> [timezone]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_SnippetWithUnderscoresAndMarkup_EscapedNotItalic()
    {
        var citation = new Citation("py/naming_rules.md", "snake_case", 3, 4, "Use snake_case for my_var and *never* <b>camelCase</b>.");

        var text = ReplyRenderer.ToMarkdown(new Reply("Yes.", Citations: [citation], Kind: ReplyKind.Answer));

        Assert.Contains(@"py/naming\_rules.md › snake\_case, lines 3–4", text, StringComparison.Ordinal);
        Assert.Contains(@"— “Use snake\_case for my\_var and \*never\* &lt;b>camelCase&lt;/b>.”", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToActivity_QuizQuestion_IsAdaptiveCardWithExecuteButtonsFallingBackToSubmit()
    {
        var reply = new Reply(
            "Is EBS encrypted by default?",
            Title: "Daily quiz",
            Buttons: [new ReplyButton("Yes", "quiz:42:0"), new ReplyButton("No", "quiz:42:1", ButtonStyle.Primary)],
            Kind: ReplyKind.Quiz);

        var activity = ReplyRenderer.ToActivity(reply);

        var attachment = activity["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        var actions = card["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.Equal("1.5", card["version"]!.GetValue<string>()); // Universal Actions need 1.5
        Assert.All(actions, a => Assert.Equal("Action.Execute", a!["type"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal(ReplyRenderer.AnswerVerb, a!["verb"]!.GetValue<string>()));
        Assert.Equal("quiz:42:1", actions[1]!["data"]!["action"]!.GetValue<string>());
        Assert.Equal("positive", actions[1]!["style"]!.GetValue<string>());
        var fallback = actions[1]!["fallback"]!;
        Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
        Assert.Equal("quiz:42:1", fallback["data"]!["action"]!.GetValue<string>());
        Assert.Equal("Daily quiz", activity["summary"]!.GetValue<string>());
    }

    [Fact]
    public void ToCard_QuizWithMoreThanFiveChoices_UsesOneChoiceSetAndOneAnswerAction()
    {
        var buttons = Enumerable.Range(0, 8).Select(i => new ReplyButton($"{(char)('A' + i)}. choice {i}", $"quiz:42:{i}")).ToList();

        var card = ReplyRenderer.ToCard(new Reply("Which one?", Buttons: buttons, Kind: ReplyKind.Quiz));

        var choiceSet = card["body"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "Input.ChoiceSet")!;
        Assert.Equal(ReplyRenderer.ChoiceInputId, choiceSet["id"]!.GetValue<string>());
        Assert.Equal(8, choiceSet["choices"]!.AsArray().Count);
        Assert.Equal("quiz:42:7", choiceSet["choices"]![7]!["value"]!.GetValue<string>());
        var answer = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Execute", answer["type"]!.GetValue<string>());
        Assert.Equal("Action.Submit", answer["fallback"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void ToCard_QuizWithAViewAction_RefreshesToEachMembersOwnView()
    {
        var card = ReplyRenderer.ToCard(new Reply("Which one?", Buttons: [new ReplyButton("A", "quiz:42:0")], Kind: ReplyKind.Quiz, ViewActionId: "quizview:42"));

        var refresh = card["refresh"]!["action"]!;
        Assert.Equal("Action.Execute", refresh["type"]!.GetValue<string>());
        Assert.Equal(ReplyRenderer.ViewVerb, refresh["verb"]!.GetValue<string>());
        Assert.Equal("quizview:42", refresh["data"]!["action"]!.GetValue<string>());
        Assert.Null(card["refresh"]!["userIds"]); // none: Teams refreshes for everyone in chats and channels of up to 60
    }

    [Fact]
    public void ToCard_AnswerWithoutAViewAction_NoRefresh()
    {
        Assert.Null(ReplyRenderer.ToCard(new Reply("No — …", Buttons: [new ReplyButton("👍", "fb:up:q")], Kind: ReplyKind.Answer))["refresh"]);
    }

    [Fact]
    public void ToCard_Reveal_ShowsCitationLabelAndSnippet()
    {
        var card = ReplyRenderer.ToCard(new Reply("The answer was **No**.", Title: "Answer", Citations: [Ebs], Kind: ReplyKind.QuizReveal));

        var json = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("aws/ebs.md › Encryption, lines 71–72", json);
        Assert.Contains("EBS volumes are not encrypted by default.", json);
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void CitationLabel_SingleLine_SaysLine()
    {
        Assert.Equal("a.md › S, line 3", ReplyRenderer.CitationLabel(new Citation("a.md", "S", 3, 3, "")));
    }
}
