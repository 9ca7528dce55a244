using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace StudyBot.IntegrationTests.Discord;

/// <summary>
/// Validates request bodies against the requestBody schema of an operation in tests/data/specs/discord-openapi.json
/// (OpenAPI 3.1, whose schemas are JSON Schema 2020-12). The spec's <c>#/components/schemas</c> become <c>$defs</c> of one
/// registered document, so every <c>$ref</c> resolves.
/// </summary>
internal sealed class DiscordOpenApi
{
    private const string DocumentId = "https://studybot.test/discord-openapi";
    private static readonly Lazy<DiscordOpenApi> Shared = new(() => new DiscordOpenApi());
    private readonly Dictionary<string, JsonSchema> _operations = new(StringComparer.Ordinal);
    private readonly BuildOptions _options = new() { SchemaRegistry = new SchemaRegistry() };

    public static DiscordOpenApi Instance => Shared.Value;

    private DiscordOpenApi()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "specs", "discord-openapi.json"))
            .Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
        var spec = JsonNode.Parse(text)!.AsObject();
        var defs = spec["components"]!["schemas"]!.DeepClone().AsObject();
        foreach (var (path, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject op && op["operationId"] is { } id && op["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                {
                    defs["op_" + (string)id!] = schema.DeepClone();
                }
            }
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = DocumentId,
            ["$defs"] = defs,
        };
        JsonSchema.FromText(root.ToJsonString(), _options);
        foreach (var name in defs.Select(d => d.Key).Where(k => k.StartsWith("op_", StringComparison.Ordinal)))
        {
            _operations[name[3..]] = JsonSchema.FromText(
                new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$ref"] = DocumentId + "#/$defs/" + name }.ToJsonString(),
                _options);
        }
    }

    /// <summary>The errors of <paramref name="json"/> against the operation's request body; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string operationId, string json)
    {
        Assert.True(_operations.TryGetValue(operationId, out var schema), $"The spec has no JSON request body for {operationId}.");
        using var document = JsonDocument.Parse(json);
        var result = schema!.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({d.EvaluationPath})"))
                .Take(20)
                .ToList();
    }

    /// <summary>Fails the test, listing the errors, when <paramref name="json"/> breaks the operation's request body schema.</summary>
    public static void AssertValid(string operationId, string json)
    {
        var errors = Instance.Validate(operationId, json);
        Assert.True(errors.Count == 0, $"{operationId} body does not match the spec:\n{string.Join('\n', errors)}\n{json}");
        Validation.PlatformValidators.AssertValid(operationId, json);
    }

    /// <summary>The operation a request to the fake Discord API is, by its templated route.</summary>
    public static string OperationOf(string route) => route switch
    {
        "POST /channels/{channels}/messages" => "create_message",
        "PATCH /channels/{channels}/messages/{id}" => "update_message",
        "POST /webhooks/{webhooks}/{token}" => "execute_webhook",
        "POST /users/@me/channels" => "create_dm",
        "PATCH /webhooks/{webhooks}/{token}/messages/@original" => "update_original_webhook_message",
        "PUT /applications/{id}/commands" => "bulk_set_application_commands",
        "PUT /applications/{id}/guilds/{id}/commands" => "bulk_set_guild_application_commands",
        "POST /channels/{channels}/messages/{id}/threads" => "create_thread_from_message",
        _ => throw new InvalidOperationException("No operation for " + route),
    };

    /// <summary>The operation of a request with a JSON body, or null for one without (GET, DELETE, typing).</summary>
    public static string? BodyOperationOf(FakeRequest request) =>
        request.Body.Length == 0 || request.Method is "GET" or "DELETE" || request.Route == "POST /channels/{channels}/typing"
            ? null
            : OperationOf(request.Route);
}
