using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StudyBot.Teams.Package;

/// <summary>A command shown in Teams' command menu for the bot.</summary>
public sealed record BotCommandInfo(string Title, string Description);

/// <summary>What goes into the app package.</summary>
/// <param name="AppId">The bot's Microsoft app id (a GUID); also used as the Teams app id.</param>
/// <param name="WebsiteUrl">The developer website (https).</param>
/// <param name="PrivacyUrl">The privacy statement (https); the website when null.</param>
/// <param name="TermsOfUseUrl">The terms of use (https); the website when null.</param>
public sealed record TeamsPackageSettings(
    string AppId, string BotName, string WebsiteUrl, string Version = "1.0.0", string? PrivacyUrl = null, string? TermsOfUseUrl = null);

/// <summary>
/// Builds the Teams app package to sideload: <c>manifest.json</c> (schema v1.29) and the two icons, drawn in code
/// (192×192 colour, 32×32 white outline on transparent).
/// </summary>
public static partial class TeamsAppPackage
{
    /// <summary>Used as the bot id when <c>Teams:AppId</c> is not configured; the package then cannot be sideloaded as is.</summary>
    public const string PlaceholderAppId = "00000000-0000-0000-0000-000000000000";

    public const string AccentColor = "#3A5BD9";

    /// <summary>The commands every platform understands (the conversation core routes them by first word).</summary>
    public static IReadOnlyList<BotCommandInfo> DefaultCommands { get; } =
    [
        new("ask", "Ask a question about the team's notes (or just type the question)"),
        new("help", "What I can do"),
        new("sources", "Which notes are loaded"),
        new("quiz now", "Post a quiz question now (admin)"),
        new("quiz me", "A quiz question due for you (private)"),
        new("leaderboard", "Quiz points this month and all time"),
        new("me", "My quiz points, streak and accuracy"),
        new("reload", "Re-read the notes (admin)"),
        new("stats", "Questions asked and answered (admin)"),
        new("gaps", "Questions the notes could not answer (admin)"),
    ];

    /// <summary>True for a GUID in the form the manifest requires.</summary>
    public static bool IsGuid(string value) => GuidPattern().IsMatch(value);

    /// <summary>The manifest for <paramref name="settings"/>.</summary>
    public static JsonObject BuildManifest(TeamsPackageSettings settings, IReadOnlyList<BotCommandInfo>? commands = null)
    {
        if (!IsGuid(settings.AppId))
        {
            throw new ArgumentException($"The app id must be a GUID (got '{settings.AppId}').", nameof(settings));
        }

        var commandArray = new JsonArray();
        foreach (var command in (commands ?? DefaultCommands).Take(12))
        {
            commandArray.Add(new JsonObject { ["title"] = command.Title, ["description"] = command.Description });
        }

        var name = settings.BotName.Length <= 30 ? settings.BotName : settings.BotName[..30];
        return new JsonObject
        {
            ["$schema"] = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json",
            ["manifestVersion"] = "1.29",
            ["version"] = settings.Version,
            ["id"] = settings.AppId,
            ["developer"] = new JsonObject
            {
                ["name"] = name,
                ["websiteUrl"] = settings.WebsiteUrl,
                ["privacyUrl"] = settings.PrivacyUrl ?? settings.WebsiteUrl,
                ["termsOfUseUrl"] = settings.TermsOfUseUrl ?? settings.WebsiteUrl,
            },
            ["name"] = new JsonObject { ["short"] = name, ["full"] = $"{name}: answers and a daily quiz from your team's notes" },
            ["description"] = new JsonObject
            {
                ["short"] = "Answers from your team's notes, with citations, and a daily quiz.",
                ["full"] = "Mention the bot with a question and it answers from the team's own markdown notes, citing the file, "
                    + "section and lines. Every day it posts a quiz question made from the same notes; answer with a click, "
                    + "see the reveal with its source, and climb the leaderboard.",
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = AccentColor,
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = settings.AppId,
                ["scopes"] = new JsonArray("team", "personal", "groupChat"),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(new JsonObject
                {
                    ["scopes"] = new JsonArray("team", "personal", "groupChat"),
                    ["commands"] = commandArray,
                }),
            }),
            // The search box in the compose area: a question in, the answer card (with its citations) to insert.
            ["composeExtensions"] = new JsonArray(new JsonObject
            {
                ["botId"] = settings.AppId,
                ["commands"] = new JsonArray(new JsonObject
                {
                    ["id"] = Incoming.TeamsInvokeHandler.SearchCommandId,
                    ["type"] = "query",
                    ["title"] = "Search notes",
                    ["description"] = "Find the answer in the team's notes and insert it with its sources",
                    ["initialRun"] = false,
                    ["parameters"] = new JsonArray(new JsonObject
                    {
                        ["name"] = Incoming.TeamsInvokeHandler.SearchParameter,
                        ["title"] = "Question",
                        ["description"] = "What do you want to know?",
                    }),
                }),
            }),
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = new JsonArray(),
        };
    }

    /// <summary>Writes the zip (manifest.json, color.png, outline.png) to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(Stream output, TeamsPackageSettings settings, CancellationToken cancellationToken)
    {
        var manifest = BuildManifest(settings).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        // A fixed date keeps the package byte-for-byte reproducible.
        var stamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await AddAsync(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(manifest), stamp, cancellationToken).ConfigureAwait(false);
        await AddAsync(zip, "color.png", ColorIcon(), stamp, cancellationToken).ConfigureAwait(false);
        await AddAsync(zip, "outline.png", OutlineIcon(), stamp, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>192×192: a white open book on the accent colour.</summary>
    public static byte[] ColorIcon()
    {
        const int size = 192;
        var pixels = new byte[size * size * 4];
        var (r, g, b) = (Convert.ToByte(AccentColor[1..3], 16), Convert.ToByte(AccentColor[3..5], 16), Convert.ToByte(AccentColor[5..7], 16));
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var white = IsBook(x * 32.0 / size, y * 32.0 / size, outlineOnly: false);
                Set(pixels, size, x, y, white ? (byte)255 : r, white ? (byte)255 : g, white ? (byte)255 : b, 255);
            }
        }

        return PngWriter.Encode(size, size, pixels);
    }

    /// <summary>32×32: the book's outline in white on a transparent background, as Teams requires.</summary>
    public static byte[] OutlineIcon()
    {
        const int size = 32;
        var pixels = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var on = IsBook(x + 0.5, y + 0.5, outlineOnly: true);
                Set(pixels, size, x, y, 255, 255, 255, on ? (byte)255 : (byte)0);
            }
        }

        return PngWriter.Encode(size, size, pixels);
    }

    /// <summary>Two pages (6..15 and 17..26 wide, 8..24 high) on a 32-unit grid.</summary>
    private static bool IsBook(double x, double y, bool outlineOnly)
    {
        static bool InPage(double x, double y, double left, double right) => x >= left && x < right && y >= 8 && y < 24;
        var inside = InPage(x, y, 6, 15) || InPage(x, y, 17, 26);
        if (!outlineOnly || !inside)
        {
            return inside;
        }

        var border = x < 7 || (x >= 14 && x < 15) || (x >= 17 && x < 18) || x >= 25 || y < 9 || y >= 23;
        var line = (y >= 12 && y < 13) || (y >= 16 && y < 17);
        return border || line;
    }

    private static void Set(byte[] pixels, int size, int x, int y, byte r, byte g, byte b, byte a)
    {
        var i = ((y * size) + x) * 4;
        pixels[i] = r;
        pixels[i + 1] = g;
        pixels[i + 2] = b;
        pixels[i + 3] = a;
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, DateTimeOffset stamp, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();
}
