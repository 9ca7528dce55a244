using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Core.Chat;
using StudyBot.Core.Knowledge;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Payloads;
using StudyBot.Discord.Rendering;
using StudyBot.Teams.Cards;

namespace StudyBot.IntegrationTests.Validation;

/// <summary>
/// The platforms' own validators (see <see cref="PlatformValidators"/>) can fail, and accept what StudyBot's renderers
/// make of every kind of reply. The bodies the fakes receive during the other tests are checked when each test ends.
/// </summary>
public sealed class PlatformValidatorTests
{
    private static readonly Citation Snippet = new("aws/ebs.md", "Encryption_at_rest", 69, 71, "EBS volumes are *not* encrypted by default.\nTurn on `encryption by default`.");

    public static TheoryData<string> Replies() => new(SampleReplies().Keys);

    private static Dictionary<string, Reply> SampleReplies() => new()
    {
        ["answer"] = new Reply("**No** — EBS is not encrypted by default.", Citations: [Snippet, Snippet with { Url = "https://example.org/aws/ebs.md#L69-L71" }],
            Buttons: [new ReplyButton("👍", "feedback:up:1"), new ReplyButton("👎", "feedback:down:1")], Kind: ReplyKind.Answer),
        ["long answer"] = new Reply(new string('a', 5000), Title: new string('t', 300),
            Citations: [.. Enumerable.Range(0, 30).Select(i => Snippet with { File = $"f{i}.md", Snippet = new string('s', 2000) })], Kind: ReplyKind.Answer),
        ["declined"] = new Reply("I could not find that in the notes.", Buttons: [new ReplyButton("EBS Encryption", "ask:EBS Encryption")], Kind: ReplyKind.Declined),
        ["help"] = new Reply("- ask <question> — the same\n- quiz schedule <cron> [timezone]", Title: "Help", Kind: ReplyKind.Help),
        ["quiz"] = new Reply("Is EBS encrypted by default?", Title: "Daily quiz",
            Buttons: [new ReplyButton("Yes", "quiz:42:0"), new ReplyButton("No", "quiz:42:1", ButtonStyle.Primary), new ReplyButton("Only io2", "quiz:42:2")], Kind: ReplyKind.Quiz,
            ViewActionId: "quizview:42"), // with the card's refresh clause (each member's own view)
        ["quiz with many choices"] = new Reply("Pick the right one", Title: "Daily quiz",
            Buttons: [.. Enumerable.Range(0, 12).Select(i => new ReplyButton(new string('c', 100), $"quiz:42:{i}", ButtonStyle.Danger))], Kind: ReplyKind.Quiz),
        ["reveal"] = new Reply("The answer was **No**.", Title: "Quiz answer", Citations: [Snippet], Kind: ReplyKind.QuizReveal),
        ["empty"] = new Reply("", Kind: ReplyKind.Text),
        ["refused"] = new Reply("Sorry, **reload** is an admin command.", Private: true, Kind: ReplyKind.Refused),
        ["answer with images"] = new Reply("No — EBS is not encrypted by default.", Citations: [Snippet],
            Buttons: [new ReplyButton("👍", "fb:up:q"), new ReplyButton("👎", "fb:down:q")], Kind: ReplyKind.Answer,
            Images: [.. Enumerable.Range(1, 11).Select(i => new NoteImage($"img/i{i}.png", "Key flow", true, $"https://bot.example.com/api/notes/images/img/i{i}.png")),
                new NoteImage("image-6.png", "alt text", false), new NoteImage("small.png", "", true, DataUri: "data:image/png;base64,iVBORw0KGgo=")]),
        ["what was wrong"] = new Reply("Thanks — on the **gaps** list.", Private: true,
            Buttons: [new ReplyButton("✏️ What was wrong?", "fb:why:q", Prompt: ButtonPrompts.ForAction("fb:why:q"))]),
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void DiscordRenderer_EveryKindOfReply_AcceptedByDiscordsLibraries(string name)
    {
        var reply = SampleReplies()[name];
        var message = JsonSerializer.Serialize(DiscordRenderer.Render(reply), DiscordJson.Options);
        var response = JsonSerializer.Serialize(
            new InteractionResponse(CallbackType.ChannelMessageWithSource, DiscordRenderer.Render(reply, ephemeral: true)), DiscordJson.Options);

        PlatformValidators.AssertValid("create_message", message);
        PlatformValidators.AssertValid("create_interaction_response", response);
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void TeamsCard_EveryKindOfReply_AcceptedByAdaptiveCards(string name)
    {
        PlatformValidators.AssertValid(PlatformValidators.AdaptiveCard, ReplyRenderer.ToCard(SampleReplies()[name]).ToJsonString());
    }

    [Fact]
    public void DiscordModal_WhatWasWrong_AcceptedByDiscordsLibrariesAndOpenApi()
    {
        var modal = JsonSerializer.Serialize(DiscordRenderer.RenderModal("fb:why:" + new string('q', 93), ButtonPrompts.ForAction("fb:why:q")!), DiscordJson.Options);

        PlatformValidators.AssertValid("create_interaction_response", modal);
        Discord.DiscordOpenApi.AssertValid("create_interaction_response", modal);
    }

    [Fact]
    public void Validate_ModalWithTooLongTitle_Rejected()
    {
        var modal = JsonSerializer.Serialize(DiscordRenderer.RenderModal("fb:why:q", ButtonPrompts.ForAction("fb:why:q")!), DiscordJson.Options)
            .Replace("What was wrong with the answer?", new string('t', 46), StringComparison.Ordinal);

        Assert.NotEmpty(PlatformValidators.Validate("create_interaction_response", modal));
    }

    [Fact]
    public void SlashCommands_AsRegistered_AcceptedByDiscordsLibraries()
    {
        PlatformValidators.AssertValid("bulk_set_application_commands", JsonSerializer.Serialize(SlashCommands.All, DiscordJson.Options));
    }

    [Fact]
    public void Validate_EmbedOver6000Characters_Rejected()
    {
        var body = new JsonObject
        {
            ["embeds"] = new JsonArray(new JsonObject
            {
                ["description"] = new string('a', 4096),
                ["fields"] = new JsonArray(
                    new JsonObject { ["name"] = "one", ["value"] = new string('v', 1024) },
                    new JsonObject { ["name"] = "two", ["value"] = new string('v', 1024) }),
            }),
        };

        var errors = PlatformValidators.Validate("create_message", body.ToJsonString());

        Assert.Contains(errors, e => e.Contains("6000", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CardWithSevenActions_RejectedAsMoreThanTeamsShows()
    {
        var card = ReplyRenderer.ToCard(new Reply("Pick", Buttons: [new ReplyButton("a", "x:1")]));
        card["actions"] = new JsonArray([.. Enumerable.Range(0, 7).Select(i => (JsonNode)new JsonObject { ["type"] = "Action.Submit", ["title"] = $"Choice {i}" })]);

        var errors = PlatformValidators.Validate(PlatformValidators.AdaptiveCard, card.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("TooManyActions", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CardWithUnknownElement_Rejected()
    {
        var card = ReplyRenderer.ToCard(new Reply("Hello"));
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "FancyTextBlock", ["text"] = "x" });

        var errors = PlatformValidators.Validate(PlatformValidators.AdaptiveCard, card.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("UnknownElementType", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DiscordBodyWithUnknownFieldOrWrongType_RejectedByTsc()
    {
        var unknownField = PlatformValidators.Validate("create_message", """{"content":"hi","colour":3}""");
        var wrongType = PlatformValidators.Validate("create_interaction_response", """{"type":4,"data":{"flags":"ephemeral"}}""");

        Assert.Contains(unknownField, e => e.StartsWith("tsc", StringComparison.Ordinal) && e.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(wrongType, e => e.StartsWith("tsc", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ButtonLabelOver80_RejectedByBuilders()
    {
        var body = """{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"LABEL","custom_id":"a"}]}]}""".Replace("LABEL", new string('x', 81), StringComparison.Ordinal);

        Assert.Contains(PlatformValidators.Validate("create_message", body), e => e.StartsWith("components[0]", StringComparison.Ordinal));
    }
}
