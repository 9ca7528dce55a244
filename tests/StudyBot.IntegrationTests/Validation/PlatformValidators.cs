using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.IntegrationTests.Validation;

/// <summary>
/// The platforms' own validators, run by tests/js/validate-payloads.mjs in one node process kept for the whole test run:
/// Discord bodies are rebuilt with @discordjs/builders and type-checked by tsc against discord-api-types, Teams cards
/// are parsed and validated by adaptivecards with Teams' limits. The fakes of Discord and Microsoft send every body
/// they received through here when a test ends, and the spec checks of the tests do too.
/// </summary>
internal static class PlatformValidators
{
    /// <summary>The kind of a Teams Adaptive Card (the Discord kinds are the OpenAPI operation ids).</summary>
    public const string AdaptiveCard = "adaptive_card";

    private static readonly Lazy<NodeValidator> Node = new(NodeValidator.Start);

    /// <summary>What the validators say is wrong with <paramref name="json"/> as a <paramref name="kind"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string kind, string json) => Node.Value.Validate(kind, json);

    /// <summary>Fails the test, listing the errors, unless the validators accept <paramref name="json"/>.</summary>
    public static void AssertValid(string kind, string json)
    {
        var errors = Validate(kind, json);
        Assert.True(errors.Count == 0, $"The platform's validators reject this {kind}:\n{string.Join('\n', errors)}\n{Shorten(json)}");
    }

    /// <summary>Checks every payload once (a test sends the same body many times) and throws listing the rejected ones.</summary>
    public static void AssertAllValid(IEnumerable<(string Kind, string Json)> payloads, string source)
    {
        var rejected = payloads
            .Distinct()
            .Select(p => (p.Kind, p.Json, Errors: Validate(p.Kind, p.Json)))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Kind}: {string.Join("; ", r.Errors)}\n  {Shorten(r.Json)}")
            .ToList();
        if (rejected.Count > 0)
        {
            throw new InvalidOperationException($"{source} received payloads the platform's validators reject:\n{string.Join('\n', rejected)}");
        }
    }

    /// <summary>The Adaptive Cards attached to a Bot Framework activity (or to a new conversation's activity).</summary>
    public static IEnumerable<string> CardsIn(JsonNode? body)
    {
        foreach (var activity in new[] { body, body?["activity"] })
        {
            if (activity?["attachments"] is JsonArray attachments)
            {
                foreach (var attachment in attachments)
                {
                    if ((string?)attachment?["contentType"] == "application/vnd.microsoft.card.adaptive" && attachment?["content"] is { } card)
                    {
                        yield return card.ToJsonString();
                    }
                }
            }
        }
    }

    private static string Shorten(string json) => json.Length <= 2000 ? json : json[..2000] + "…";

    private sealed class NodeValidator
    {
        private readonly Process _process;
        private readonly Lock _gate = new();
        private long _next;

        private NodeValidator(Process process) => _process = process;

        public static NodeValidator Start()
        {
            JsTools.RequireInstalled("@discordjs/builders");
            JsTools.RequireInstalled("adaptivecards");
            JsTools.RequireInstalled("discord-api-types");
            JsTools.RequireInstalled("typescript");
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = JsTools.Directory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = false,
                UseShellExecute = false,
                StandardInputEncoding = new System.Text.UTF8Encoding(false),
                StandardOutputEncoding = new System.Text.UTF8Encoding(false),
            };
            start.ArgumentList.Add(Path.Combine(JsTools.Directory, "validate-payloads.mjs"));
            var process = Process.Start(start)!;

            // One process serves every test; it goes with the test host.
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    process.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            };
            return new NodeValidator(process);
        }

        public IReadOnlyList<string> Validate(string kind, string json)
        {
            var request = new JsonObject { ["kind"] = kind, ["body"] = JsonNode.Parse(json) };
            lock (_gate)
            {
                var id = ++_next;
                request["id"] = id;
                _process.StandardInput.WriteLine(request.ToJsonString());
                _process.StandardInput.Flush();
                var line = _process.StandardOutput.ReadLine()
                    ?? throw new InvalidOperationException("validate-payloads.mjs ended; run `npm ci --prefix tests/js`.");
                using var answer = JsonDocument.Parse(line);
                Assert.Equal(id, answer.RootElement.GetProperty("id").GetInt64());
                return answer.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
            }
        }
    }
}
