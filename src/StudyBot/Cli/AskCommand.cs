using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using StudyBot.Core.Chat;
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
        var knowledge = CliOptions.Knowledge();
        var json = CliOptions.Json("One JSON object per question per line.");
        var question = new Argument<string[]>("question")
        {
            Description = "The question. Each quoted argument is a question of its own (ask \"Q1\" \"Q2\"); unquoted words are one " +
                "question (ask What is GuardDuty?). '-' reads questions from standard input, one per line; blank lines are skipped.",
            Arity = ArgumentArity.OneOrMore,
        };
        var lexical = new Option<bool>("--lexical")
        {
            Description = "Answer without the local semantic model (faster start; by default the notes are embedded first, from the cache in data/embeddings when they were before).",
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Print how each question was answered instead of the answer: the question's analysis, the best candidates with every signal's contribution, the decision and the Yes/No reading.",
        };
        var command = new Command("ask", "Answer a question from the notes, with citations.") { knowledge, json, lexical, explain, question };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(knowledge),
            parse.GetValue(json),
            parse.GetValue(question) ?? [],
            Console.In,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken,
            semantic: !parse.GetValue(lexical),
            explain: parse.GetValue(explain)));
        return command;
    }

    internal static async Task<int> RunAsync(string? folder, bool json, string[] words, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken, bool semantic = false, bool explain = false)
    {
        var vectors = CliOptions.EmbeddingCacheFor(folder);
        using var indexer = semantic ? new Core.Knowledge.Semantic.SemanticIndexer(vectors, modelFolder: Path.GetDirectoryName(vectors)) : null;
        if (await CliOptions.LoadKnowledgeAsync(folder, error, cancellationToken, indexer).ConfigureAwait(false) is not { Notes: var knowledgeBase })
        {
            return CliApp.UsageError;
        }

        using var notes = knowledgeBase;
        foreach (var question in Questions(words, input))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (explain)
            {
                await output.WriteLineAsync(string.Join('\n', notes.Explain(question)) + "\n");
                continue;
            }

            var answer = notes.Ask(question);
            await output.WriteLineAsync(json ? ToJson(answer) : ToText(answer));
        }

        return 0;
    }

    /// <summary>
    /// <c>-</c>: each non-blank line of the input. Otherwise each argument is a question (<c>ask "Q1" "Q2"</c>), except
    /// that unquoted words, where no argument holds a space (<c>ask What is GuardDuty?</c>), are one question.
    /// </summary>
    internal static IEnumerable<string> Questions(string[] words, TextReader input)
    {
        if (words is ["-"])
        {
            return ReadLines(input).Where(line => !string.IsNullOrWhiteSpace(line)).Select(line => line.Trim());
        }

        return words.Any(w => w.Any(char.IsWhiteSpace))
            ? words.Where(w => !string.IsNullOrWhiteSpace(w))
            : [string.Join(' ', words)];
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }


    private static string ToJson(Answer answer) => JsonSerializer.Serialize(
        new
        {
            question = answer.Question,
            answered = answer.Answered,
            corrected = answer.Corrected,
            answer = AnswerMarkdown.Write(answer),
            citations = answer.Citations.Select(c => new { file = c.File, section = c.Section, lineStart = c.LineStart, lineEnd = c.LineEnd, snippet = c.Snippet }),
            related = answer.Related.Select(c => new { file = c.File, section = c.Section, lineStart = c.LineStart, lineEnd = c.LineEnd }),
        },
        Json);

    private static string ToText(Answer answer)
    {
        var lines = new List<string> { AnswerMarkdown.Write(answer) };
        if (answer.Corrected is { } corrected)
        {
            lines.Insert(0, answer.Answered ? $"(Reading that as: {corrected})" : $"Did you mean: {corrected}");
        }

        if (answer.Citations.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add("Sources:");
            lines.AddRange(answer.Citations.Select((c, i) =>
                $"  [{i + 1}] {c.File}:{c.LineStart}-{c.LineEnd} ({c.Section})\n      {Plain(c.Snippet).Replace("\n", "\n      ", StringComparison.Ordinal)}"));
        }

        if (answer.Related.Count > 0)
        {
            // The decline text names them; here is where to look.
            lines.AddRange(answer.Related.Select(c => $"  see {c.File}:{c.LineStart} ({c.Section})"));
        }

        return string.Join('\n', lines);
    }

    /// <summary>The snippet's highlight marks (<c>**word**</c>) are for chat platforms; a terminal shows plain text.</summary>
    private static string Plain(string snippet) => snippet.Replace("**", string.Empty, StringComparison.Ordinal);
}
