using System.Text.Json.Nodes;
using NJsonSchema;

namespace StudyBot.IntegrationTests.Teams;

/// <summary>
/// Validates bodies against the definitions of the Bot Framework connector swagger (tests/data/specs): NJsonSchema
/// reads the swagger document as a schema whose <c>definitions</c> resolve the <c>$ref</c>s.
/// </summary>
public static class ConnectorSpec
{
    private static readonly Lazy<Task<JsonSchema>> Swagger = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "data", "specs", "botframework-connector-swagger.json")));

    /// <summary>The spec errors of <paramref name="body"/> as an instance of <paramref name="definition"/>; empty when valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string definition, JsonNode body)
    {
        var swagger = await Swagger.Value;
        var schema = swagger.Definitions[definition];
        return schema.Validate(body.ToJsonString()).Select(e => e.ToString()).ToList();
    }
}
