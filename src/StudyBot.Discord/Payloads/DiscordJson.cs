using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyBot.Discord.Payloads;

/// <summary>Discord's JSON conventions: snake_case names, absent rather than null fields.</summary>
internal static class DiscordJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
