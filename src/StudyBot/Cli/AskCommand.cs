using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StudyBot.Core.Knowledge;

namespace StudyBot.Cli;

/// <summary>
/// <c>studybot ask [--knowledge DIR] [--json] QUESTION...</c>: answers from the notes, with citations.
/// The question <c>-</c> reads questions from standard input, one a line, answered with one index build.
/// </summary>
internal static class AskCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static Command Create()
    {
        var knowledge = new Option<string?>("--knowledge")
        {
            Description = "The notes folder (default: Knowledge:Path in ./appsettings.json).",
        };
        var json = new Option<bool>("--json")
        {
            Description = "One JSON object per question per line.",
        };
        var question = new Argument<string[]>("question")
        {
            Description = "The question; '-' reads questions from standard input, one per line.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("ask", "Answer a question from the notes, with citations.") { knowledge, json, question };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(knowledge),
            parse.GetValue(json),
            parse.GetValue(question) ?? [],
            Console.In,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string? folder, bool json, string[] words, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        folder ??= DefaultFolder();
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"error: the knowledge folder '{folder}' does not exist. Pass --knowledge DIR or set Knowledge:Path in appsettings.json.");
            return 2;
        }

        using var knowledgeBase = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = folder }), TimeProvider.System);
        var report = await knowledgeBase.LoadAsync(cancellationToken);
        if (!report.Succeeded)
        {
            await error.WriteLineAsync($"error: {report.Error}");
            return 2;
        }

        foreach (var failure in report.Failures)
        {
            await error.WriteLineAsync($"warning: skipped {failure.File}: {failure.Reason}");
        }

        var questions = words is ["-"] ? ReadLines(input) : [string.Join(' ', words)];
        foreach (var question in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answer = knowledgeBase.Ask(question);
            await output.WriteLineAsync(json ? ToJson(answer) : ToText(answer));
        }

        return 0;
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static string? DefaultFolder()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("STUDYBOT_")
            .Build();
        return configuration[$"{KnowledgeOptions.SectionName}:Path"];
    }

    private static string ToJson(Answer answer) => JsonSerializer.Serialize(
        new
        {
            question = answer.Question,
            answered = answer.Answered,
            answer = answer.Text,
            citations = answer.Citations.Select(c => new { file = c.File, section = c.Section, lineStart = c.LineStart, lineEnd = c.LineEnd, snippet = c.Snippet }),
            related = answer.Related.Select(c => new { file = c.File, section = c.Section, lineStart = c.LineStart, lineEnd = c.LineEnd }),
        },
        Json);

    private static string ToText(Answer answer)
    {
        var lines = new List<string> { answer.Text };
        if (answer.Citations.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add("Sources:");
            lines.AddRange(answer.Citations.Select((c, i) =>
                $"  [{i + 1}] {c.File}:{c.LineStart}-{c.LineEnd} ({c.Section})\n      {c.Snippet.Replace("\n", "\n      ", StringComparison.Ordinal)}"));
        }

        if (answer.Related.Count > 0)
        {
            // The decline text names them; here is where to look.
            lines.AddRange(answer.Related.Select(c => $"  see {c.File}:{c.LineStart} ({c.Section})"));
        }

        return string.Join('\n', lines);
    }
}
