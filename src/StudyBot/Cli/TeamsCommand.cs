using System.CommandLine;
using StudyBot.Teams;
using StudyBot.Teams.Package;

namespace StudyBot.Cli;

/// <summary><c>teams package --out studybot-teams.zip</c>: writes the Teams app package to sideload.</summary>
internal static class TeamsCommand
{
    public static Command Build()
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the package (a .zip)",
            DefaultValueFactory = _ => new FileInfo("studybot-teams.zip"),
        };
        var appId = new Option<string?>("--app-id") { Description = "The bot's Microsoft app id (default: Teams:AppId from configuration)" };
        var website = new Option<string?>("--website")
        {
            Description = "The developer website (https; default: Teams:WebsiteUrl or https://example.com); privacy and terms links come from Teams:PrivacyUrl and Teams:TermsOfUseUrl, else the website",
        };

        var package = new Command("package", "Write the Teams app package (manifest.json + icons) to sideload") { output, appId, website };
        package.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = CliOptions.LoadConfiguration();
            var section = configuration.GetSection(TeamsOptions.SectionName);
            var id = parse.GetValue(appId) ?? section["AppId"];
            if (string.IsNullOrWhiteSpace(id))
            {
                Console.Error.WriteLine(
                    $"Teams:AppId is not configured: the package uses the placeholder bot id {TeamsAppPackage.PlaceholderAppId}. " +
                    "Set Teams__AppId (or pass --app-id) to your Azure Bot's Microsoft app id before sideloading.");
                id = TeamsAppPackage.PlaceholderAppId;
            }
            else if (!TeamsAppPackage.IsGuid(id))
            {
                Console.Error.WriteLine($"The app id must be a GUID (got '{id}').");
                return 2;
            }

            var site = parse.GetValue(website) ?? section["WebsiteUrl"] ?? "https://example.com";
            var links = new[] { ("--website (Teams:WebsiteUrl)", site), ("Teams:PrivacyUrl", section["PrivacyUrl"]), ("Teams:TermsOfUseUrl", section["TermsOfUseUrl"]) };
            foreach (var (setting, value) in links)
            {
                if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
                {
                    Console.Error.WriteLine($"{setting} must be an https URL (got '{value}').");
                    return 2;
                }
            }

            if (site == "https://example.com")
            {
                Console.Error.WriteLine("Teams:WebsiteUrl is not set: the package links to https://example.com. Set Teams__WebsiteUrl, Teams__PrivacyUrl and Teams__TermsOfUseUrl before publishing it.");
            }

            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            var settings = new TeamsPackageSettings(
                id, section["BotName"] ?? "StudyBot", site, PrivacyUrl: section["PrivacyUrl"], TermsOfUseUrl: section["TermsOfUseUrl"]);
            await using (var stream = file.Create())
            {
                await TeamsAppPackage.WriteAsync(stream, settings, cancellationToken);
            }

            Console.WriteLine($"Wrote {file.FullName} (bot id {id}). Sideload it in Teams: Apps › Manage your apps › Upload an app.");
            return 0;
        });

        return new Command("teams", "Microsoft Teams tools") { package };
    }
}
