namespace StudyBot.IntegrationTests.Discord;

/// <summary>The spec check used by the other tests can fail: bodies that break Discord's limits are caught.</summary>
public sealed class DiscordOpenApiTests
{
    [Theory]
    [InlineData("create_message", """{"content":"x","nonce":"12345678901234567890123456"}""")]
    [InlineData("create_message", """{"components":[{"type":1,"components":[{"type":2,"style":2,"label":"a","custom_id":"01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"}]}]}""")]
    [InlineData("create_message", """{"components":[{"type":1,"components":[]}]}""")]
    [InlineData("create_interaction_response", """{"type":4,"data":{"embeds":[{"fields":[{"name":"only a name"}]}]}}""")]
    [InlineData("bulk_set_application_commands", """[{"name":"ask","description":"d","options":[{"type":3,"name":"question"}]}]""")]
    public void Validate_BodyBreakingTheSpec_ReportsErrors(string operation, string json)
    {
        Assert.NotEmpty(DiscordOpenApi.Instance.Validate(operation, json));
    }

    [Fact]
    public void Validate_MinimalValidMessage_NoErrors()
    {
        Assert.Empty(DiscordOpenApi.Instance.Validate("create_message", """{"content":"hi","nonce":"abc","enforce_nonce":true}"""));
    }
}
