using System.Text.Json.Nodes;
using StudyBot.Core.Chat;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Payloads;
using StudyBot.Teams.Package;

namespace StudyBot.Tests.Chat;

/// <summary>
/// Everything that lists commands agrees with <see cref="CommandCatalogue"/>: Discord's registration, the Teams
/// manifest's command list and <c>help</c> (the web page's admin buttons are checked in the integration tests, beside
/// the page). Each test fails when one of them names a command, sub-verb, parameter or admin rule the catalogue does not.
/// </summary>
public class CommandCatalogueTests
{
    public static TheoryData<string> Names() => [.. CommandCatalogue.All.Select(c => c.Name)];

    [Fact]
    public void All_Descriptors_FitEveryPlatform()
    {
        Assert.Equal(CommandCatalogue.All.Count, CommandCatalogue.All.Select(c => c.Name).Distinct().Count());
        Assert.InRange(CommandCatalogue.All.Count, 1, TeamsAppPackage.MaxCommands);
        Assert.All(CommandCatalogue.All, c =>
        {
            Assert.Matches("^[a-z0-9_-]{1,32}$", c.Name);
            Assert.InRange(c.MenuDescription.Length, 1, 100);
            Assert.DoesNotContain("(admin)", c.Description, StringComparison.Ordinal); // written from Admin, not by hand
            Assert.StartsWith(c.Name, c.Help, StringComparison.Ordinal);
            Assert.All(c.SubVerbList, s => Assert.InRange(s.MenuDescription.Length, 1, 100));
            Assert.All(c.SubVerbList, s => Assert.Matches("^[a-z0-9_-]{1,32}$", s.Name));
            foreach (var parameters in c.SubVerbList.Select(s => s.ParameterList).Prepend(c.ParameterList))
            {
                // Discord wants required options first; free text can only be last.
                Assert.Equal(parameters.OrderByDescending(p => p.Required), parameters);
                Assert.DoesNotContain(parameters.SkipLast(1), p => p.Kind == ParameterKind.Text);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SlashCommands_Command_RegisteredAsTheCatalogueDeclares(string name)
    {
        var declared = CommandCatalogue.All.Single(c => c.Name == name);

        var registered = Assert.Single(SlashCommands.All, c => c.Name == name && c.Type == CommandType.ChatInput);

        Assert.Equal(declared.MenuDescription, registered.Description);
        Assert.Equal(declared.Admin ? SlashCommands.AdminPermissions : null, registered.DefaultMemberPermissions);
        Assert.Equal(declared.InDirectMessages, registered.Contexts!.Contains(CommandContext.BotDm));
        if (declared.ParameterList.Count == 0 && declared.SubVerbList.Count > 0)
        {
            Assert.Equal(declared.SubVerbList.Select(s => (s.Name, s.MenuDescription)), registered.Options!.Select(o => (o.Name, o.Description)));
            foreach (var subVerb in declared.SubVerbList)
            {
                AssertOptions(subVerb.ParameterList, registered.Options!.Single(o => o.Name == subVerb.Name).Options);
            }
        }
        else
        {
            AssertOptions(declared.ParameterList, registered.Options);
        }
    }

    [Fact]
    public void SlashCommands_All_NoSlashCommandOutsideTheCatalogue()
    {
        Assert.Equal(
            CommandCatalogue.All.Select(c => c.Name),
            SlashCommands.All.Where(c => c.Type == CommandType.ChatInput).Select(c => c.Name));
    }

    [Fact]
    public void BuildManifest_CommandList_IsTheCatalogue()
    {
        var manifest = TeamsAppPackage.BuildManifest(new TeamsPackageSettings("6f1f7a3e-2b8c-4d5e-9f10-1a2b3c4d5e6f", "StudyBot", "https://example.com"));

        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();

        Assert.Equal(
            CommandCatalogue.All.Select(c => (c.Name, c.MenuDescription)),
            commands.Select(c => (c!["title"]!.GetValue<string>(), c["description"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Help_EveryCatalogueCommandRegistered_ListsEachHelpLineOnce()
    {
        // The fixture registers sources, reload, stats and gaps; the quiz's handlers stand in as stubs.
        var quiz = new[] { CommandCatalogue.Quiz, CommandCatalogue.Leaderboard, CommandCatalogue.Me }.Select(d => new StubCommand(d));
        await using var chat = new ChatFixture(commands: quiz);

        var help = await chat.SendAsync("help", admin: true);

        var lines = help.Markdown.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        Assert.Equal(CommandCatalogue.All.Select(c => c.Help).Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        var adminPart = help.Markdown[help.Markdown.IndexOf("Admin commands", StringComparison.Ordinal)..];
        Assert.All(CommandCatalogue.All.Where(c => c.Admin), c => Assert.Contains(c.Help, adminPart, StringComparison.Ordinal));
        Assert.All(CommandCatalogue.All.Where(c => !c.Admin), c => Assert.DoesNotContain(c.Help, adminPart, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("help me understand envelope encryption")]
    [InlineData("sources of DDoS attacks")]
    [InlineData("quiz me on encryption")]
    [InlineData("Stats for the EU region?")]
    [InlineData("gaps in the firewall rules")]
    [InlineData("quiz schedule every morning")]
    [InlineData("me and my team")]
    public void Parse_CommandWordThenOtherWords_IsAQuestion(string text)
    {
        Assert.Null(CommandLine.Parse(text, CommandCatalogue.All));
    }

    [Theory]
    [InlineData("help", "help", null, "")]
    [InlineData("Help?", "help", null, "")]
    [InlineData("sources", "sources", null, "")]
    [InlineData("quiz", "quiz", null, "")]
    [InlineData("quiz NOW!", "quiz", "now", "now")]
    [InlineData("quiz schedule 0 9 * * 1-5 Europe/Berlin", "quiz", "schedule", "schedule 0 9 * * 1-5 Europe/Berlin")]
    [InlineData("quiz schedule 0 9 * * 1-5", "quiz", "schedule", "schedule 0 9 * * 1-5")]
    [InlineData("quiz schedule", "quiz", "schedule", "schedule")]
    [InlineData("quiz ban q-17", "quiz", "ban", "ban q-17")]
    [InlineData("gaps 20", "gaps", null, "20")]
    [InlineData("gaps done 3", "gaps", "done", "done 3")]
    [InlineData("ask what is KMS?", "ask", null, "what is KMS?")]
    [InlineData("ask", "ask", null, "")]
    [InlineData("/sources of DDoS attacks", "sources", null, "of DDoS attacks")]
    [InlineData("!quiz frobnicate", "quiz", null, "frobnicate")]
    public void Parse_ExactSyntaxOrPrefixed_IsTheCommand(string text, string name, string? subVerb, string arguments)
    {
        var command = CommandLine.Parse(text, CommandCatalogue.All);

        Assert.NotNull(command);
        Assert.Equal((name, subVerb, arguments), (command.Descriptor.Name, command.SubVerb?.Name, command.Arguments));
    }

    private static void AssertOptions(IReadOnlyList<CommandParameter> declared, IReadOnlyList<CommandOption>? registered)
    {
        Assert.Equal(
            declared.Select(p => (p.Name, p.Description, p.Required, p.SuggestsSections)),
            (registered ?? []).Select(o => (o.Name, o.Description, o.Required == true, o.Autocomplete == true)));
    }

    /// <summary>A handler that only says it ran.</summary>
    internal sealed class StubCommand(CommandDescriptor descriptor) : IChatCommand
    {
        public CommandDescriptor Descriptor => descriptor;

        public int Runs { get; private set; }

        public Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken)
        {
            Runs++;
            return Task.FromResult(new Reply($"{descriptor.Name} ran with '{arguments}'", Kind: ReplyKind.Admin));
        }
    }
}
