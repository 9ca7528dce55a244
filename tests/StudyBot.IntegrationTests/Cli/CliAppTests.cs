using StudyBot.Cli;

namespace StudyBot.IntegrationTests.Cli;

/// <summary>How the command line is read: what starts the server, what prints usage, what is an error.</summary>
public sealed class CliAppTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private string[]? _hostArgs;

    private Task<int> RunAsync(params string[] args) => CliApp.RunAsync(args, _output, _error, hostArgs =>
    {
        _hostArgs = hostArgs;
        return Task.FromResult(0);
    });

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task RunAsync_HelpSwitchOrWord_PrintsEveryCommandAndDoesNotStartTheServer(string help)
    {
        var code = await RunAsync(help);

        Assert.Equal(0, code);
        Assert.Null(_hostArgs);
        var usage = _output.ToString();
        foreach (var command in new[] { "run", "ask", "quiz", "teams", "discord" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s+\S", usage);
        }

        Assert.Contains("the default", usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HelpForACommand_PrintsThatCommandsOptions()
    {
        var code = await RunAsync("help", "quiz");

        Assert.Equal(0, code);
        Assert.Contains("--count", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Typo_SaysDidYouMeanAndExits2WithoutStartingTheServer()
    {
        var code = await RunAsync("asks", "hello");

        Assert.Equal(CliApp.UsageError, code);
        Assert.Null(_hostArgs);
        Assert.Contains("unknown command 'asks' (did you mean ask?)", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("studybot --help", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnrelatedWord_SaysUnknownWithoutSuggestionAndExits2()
    {
        var code = await RunAsync("frobnicate");

        Assert.Equal(CliApp.UsageError, code);
        Assert.Null(_hostArgs);
        Assert.Contains("unknown command 'frobnicate'.", _error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], new string[0])]
    [InlineData(new[] { "--urls", "http://127.0.0.1:6000" }, new[] { "--urls", "http://127.0.0.1:6000" })]
    [InlineData(new[] { "--Storage:Path=/tmp/bot.db" }, new[] { "--Storage:Path=/tmp/bot.db" })]
    [InlineData(new[] { "run", "--urls", "http://127.0.0.1:6000" }, new[] { "--urls", "http://127.0.0.1:6000" })]
    public async Task RunAsync_NothingOrRunOrHostSwitches_StartsTheServerWithTheSwitches(string[] args, string[] expected)
    {
        var code = await RunAsync(args);

        Assert.Equal(0, code);
        Assert.Equal(expected, _hostArgs);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task RunAsync_QuizCountNotAPositiveNumber_SaysSoAndExits2(string count)
    {
        var code = await RunAsync("quiz", "--knowledge", Path.Combine(AppContext.BaseDirectory, "knowledge"), "--count", count);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("--count must be a whole number of at least 1", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("studybot quiz --help", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }
}
