using System.Text.Json;
using StudyBot.Cli;

namespace StudyBot.IntegrationTests.Cli;

public sealed class AskCommandTests
{
    private static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "knowledge");

    [Fact]
    public async Task RunAsync_StdinWithJson_PrintsOneObjectPerQuestionInOrder()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AskCommand.RunAsync(SeedFolder, json: true, ["-"],
            new StringReader("Is EBS encrypted by default?\nWhat is the capital of France?\n"), output, error, CancellationToken.None);

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("Is EBS encrypted by default?", first.RootElement.GetProperty("question").GetString());
        Assert.True(first.RootElement.GetProperty("answered").GetBoolean());
        Assert.StartsWith("No", first.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = first.RootElement.GetProperty("citations")[0];
        Assert.Equal("aws-devsecops.md", citation.GetProperty("file").GetString());
        Assert.Equal("EBS Encryption", citation.GetProperty("section").GetString());
        Assert.InRange(71, citation.GetProperty("lineStart").GetInt32(), citation.GetProperty("lineEnd").GetInt32());
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("snippet").GetString()));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.False(second.RootElement.GetProperty("answered").GetBoolean());
        Assert.Equal(0, second.RootElement.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task RunAsync_Words_PrintsReadableAnswerWithSources()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AskCommand.RunAsync(SeedFolder, json: false, ["What", "is", "GuardDuty?"], TextReader.Null, output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("Threat detection service", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("aws-devsecops.md:24-", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("**", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Explain_PrintsTheStagesInsteadOfTheAnswer()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AskCommand.RunAsync(SeedFolder, json: true, ["Is EBS encrypted by default?"], TextReader.Null, output, error, CancellationToken.None, explain: true);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("question kind=YesNo", text, StringComparison.Ordinal);
        Assert.Contains("decision p=", text, StringComparison.Ordinal);
        Assert.Contains("polarity rules read No", text, StringComparison.Ordinal);
        Assert.Contains("aws-devsecops.md:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"answered\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFolder_ExplainsOnStderrAndFails()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AskCommand.RunAsync("/no/such/notes", json: true, ["x"], TextReader.Null, output, error, CancellationToken.None);

        Assert.NotEqual(0, code);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task RunAsync_EmptyFolder_ExplainsOnStderrAndFails()
    {
        using var folder = new TempFolder("studybot-empty-");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AskCommand.RunAsync(folder, json: false, ["x"], TextReader.Null, output, error, CancellationToken.None);

        Assert.NotEqual(0, code);
        Assert.Contains("no readable notes", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StdinWithBlankLines_SkipsThem()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AskCommand.RunAsync(SeedFolder, json: true, ["-"],
            new StringReader("\nIs EBS encrypted by default?\n   \n\nWhat is GuardDuty?\n\n"), output, error, CancellationToken.None);

        Assert.Equal(0, code);
        var questions = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()).ToList();
        Assert.Equal(["Is EBS encrypted by default?", "What is GuardDuty?"], questions);
    }

    [Fact]
    public async Task RunAsync_TwoQuotedQuestions_AnswersEachOnItsOwn()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AskCommand.RunAsync(SeedFolder, json: true, ["Is EBS encrypted by default?", "What is GuardDuty?"],
            TextReader.Null, output, error, CancellationToken.None);

        Assert.Equal(0, code);
        var answers = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal("Is EBS encrypted by default?", answers[0].GetProperty("question").GetString());
        Assert.StartsWith("No", answers[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("What is GuardDuty?", answers[1].GetProperty("question").GetString());
        Assert.True(answers[1].GetProperty("answered").GetBoolean());
    }
}
