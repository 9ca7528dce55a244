using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace StudyBot.IntegrationTests.Discord;

/// <summary>Sends interactions to the bot's endpoint as Discord does: signed by tweetnacl (or left as given).</summary>
internal sealed class InteractionClient(Uri botBaseUrl, string publicKeyHex) : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _responses = new();

    /// <summary>Posts <paramref name="body"/> signed by tweetnacl with the test seed.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendSignedAsync(string body, long? timestamp = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = await NodeSigner.SignAsync(bytes, timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(publicKeyHex, signature.PublicKeyHex);
        return await SendAsync(bytes, signature.SignatureHex, signature.Timestamp);
    }

    /// <summary>Posts raw bytes with the given headers (null leaves a header out).</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(byte[] body, string? signatureHex, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(botBaseUrl, "api/discord/interactions"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signatureHex is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signatureHex);
        }

        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK && text.StartsWith('{'))
        {
            _responses.Enqueue(text);
        }

        return (response.StatusCode, text);
    }

    /// <summary>Fails the test when the bot answered an interaction with a body Discord's own libraries reject.</summary>
    public void Dispose()
    {
        _http.Dispose();
        Validation.PlatformValidators.AssertAllValid(_responses.Select(r => ("create_interaction_response", r)), "The interaction client");
    }
}

/// <summary>Interaction bodies shaped like Discord's documented samples.</summary>
internal static class InteractionPayloads
{
    public const string GuildId = "290926798626357999";
    public const string ChannelId = "645027906669510667";
    public const string AdminRoleId = "539082325061836999";

    private static long _nextId = 786008729715212338;

    private static JsonObject Member(string userId, string[]? roles) => new()
    {
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = "user" + userId },
        ["roles"] = new JsonArray((roles ?? []).Select(r => (JsonNode)r).ToArray()),
        ["nick"] = "Member " + userId,
    };

    /// <summary>A slash command (type 2) in the test guild's channel.</summary>
    public static string Command(string name, JsonArray? options = null, string userId = "53908232506183680", string[]? roles = null) => new JsonObject
    {
        ["id"] = NextId(),
        ["application_id"] = "290926444748734465",
        ["type"] = 2,
        ["token"] = "interaction-token-" + name + "-" + Guid.NewGuid().ToString("N"),
        ["guild_id"] = GuildId,
        ["channel_id"] = ChannelId,
        ["member"] = Member(userId, roles),
        ["data"] = new JsonObject { ["id"] = "1", ["name"] = name, ["type"] = 1, ["options"] = options ?? [] },
    }.ToJsonString();

    /// <summary>A button press (type 3) on a message in the test channel.</summary>
    public static string Button(string customId, string userId, string[]? roles = null) => new JsonObject
    {
        ["id"] = NextId(),
        ["application_id"] = "290926444748734465",
        ["type"] = 3,
        ["version"] = 1,
        ["token"] = "interaction-token-button-" + Guid.NewGuid().ToString("N"),
        ["guild_id"] = GuildId,
        ["channel_id"] = ChannelId,
        ["member"] = Member(userId, roles),
        ["message"] = new JsonObject { ["id"] = "844397162624450620", ["channel_id"] = ChannelId, ["content"] = string.Empty },
        ["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
    }.ToJsonString();

    /// <summary>A modal's submit (type 5) with one text input, shaped as Discord sends it (a label holding the input).</summary>
    public static string ModalSubmit(string customId, string inputId, string value, string userId) => new JsonObject
    {
        ["id"] = NextId(),
        ["application_id"] = "290926444748734465",
        ["type"] = 5,
        ["version"] = 1,
        ["token"] = "interaction-token-modal-" + Guid.NewGuid().ToString("N"),
        ["guild_id"] = GuildId,
        ["channel_id"] = ChannelId,
        ["member"] = Member(userId, null),
        ["data"] = new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["id"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["id"] = 2, ["custom_id"] = inputId, ["value"] = value }),
            }),
        },
    }.ToJsonString();

    /// <summary>An autocomplete interaction (type 4): <paramref name="typed"/> so far in <c>/ask question:</c>.</summary>
    public static string Autocomplete(string typed, string userId = "53908232506183680") => new JsonObject
    {
        ["id"] = NextId(),
        ["application_id"] = "290926444748734465",
        ["type"] = 4,
        ["token"] = "interaction-token-autocomplete-" + Guid.NewGuid().ToString("N"),
        ["guild_id"] = GuildId,
        ["channel_id"] = ChannelId,
        ["member"] = Member(userId, null),
        ["data"] = new JsonObject
        {
            ["id"] = "1",
            ["name"] = "ask",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = typed, ["focused"] = true }),
        },
    }.ToJsonString();

    /// <summary>The message command "Ask StudyBot" (type 2, data type 3) used on a message with <paramref name="content"/>,
    /// in a guild channel or, without <paramref name="guild"/>, in a DM (then <c>user</c> instead of <c>member</c>).</summary>
    public static string MessageCommand(string content, string userId = "53908232506183680", bool guild = true)
    {
        const string target = "1040000000000000001";
        var interaction = new JsonObject
        {
            ["id"] = NextId(),
            ["application_id"] = "290926444748734465",
            ["type"] = 2,
            ["token"] = "interaction-token-menu-" + Guid.NewGuid().ToString("N"),
            ["channel_id"] = ChannelId,
            ["data"] = new JsonObject
            {
                ["id"] = "2",
                ["name"] = "Ask StudyBot",
                ["type"] = 3,
                ["target_id"] = target,
                ["resolved"] = new JsonObject
                {
                    ["messages"] = new JsonObject
                    {
                        [target] = new JsonObject
                        {
                            ["id"] = target,
                            ["channel_id"] = ChannelId,
                            ["content"] = content,
                            ["author"] = new JsonObject { ["id"] = "80351110224678912", ["username"] = "Nelly" },
                        },
                    },
                },
            },
        };
        if (guild)
        {
            interaction["guild_id"] = GuildId;
            interaction["member"] = Member(userId, null);
        }
        else
        {
            interaction["user"] = new JsonObject { ["id"] = userId, ["username"] = "user" + userId };
        }

        return interaction.ToJsonString();
    }

    /// <summary>A new interaction id per payload: the endpoint acts on each id once.</summary>
    public static string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonArray Option(string name, string value) => new(new JsonObject { ["name"] = name, ["type"] = 3, ["value"] = value });
}
