using System.Globalization;
using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Core.Quiz;
using static StudyBot.Core.Chat.ReloadReportFormatter;

namespace StudyBot.Cli;

/// <summary>
/// <c>studybot quiz [--knowledge DIR] [--json | --markdown] [--count N] [--reserve | --drafts]</c>: prints N distinct quiz
/// questions (the team's own first, then generated ones; or the reserve, or the drafts the quiz never asks) as text, as
/// JSON lines (for inspection and tests) or as a team quiz file a teacher can edit (<see cref="TeamQuestionWriter"/>).
/// Fewer when fewer exist, with a note on stderr.
/// </summary>
internal static class QuizCommand
{
    public static Command Create()
    {
        var knowledge = CliOptions.Knowledge();
        var json = CliOptions.Json("One JSON object per question per line.");
        var count = new Option<int>("--count")
        {
            Description = "How many questions (default 10).",
            DefaultValueFactory = _ => 10,

            // The default parser would let "--count abc" through to GetValue, which throws; say what is wrong instead.
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
                {
                    return value;
                }

                result.AddError($"--count must be a whole number of at least 1, not '{token}'.");
                return 0;
            },
        };
        var reserve = new Option<bool>("--reserve")
        {
            Description = "Print the reserve instead of the bank: questions that pass every check but score below the item-quality threshold, which the daily quiz asks only once every question of the bank has been asked.",
        };
        var drafts = new Option<bool>("--drafts")
        {
            Description = "Print the drafts instead of the bank: questions that pass every check but score under what the daily quiz asks, which it never asks. With --markdown, a file to keep the good ones from.",
        };
        var markdown = new Option<bool>("--markdown")
        {
            Description = "Print the generated questions as a team quiz file (*.quiz.md) to keep, reword or delete, then put among the notes: it replaces them.",
        };
        var command = new Command("quiz", "Print quiz questions made from the notes.") { knowledge, json, markdown, count, reserve, drafts };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(markdown))
            {
                result.AddError("Choose one of --json and --markdown.");
            }

            if (result.GetValue(reserve) && result.GetValue(drafts))
            {
                result.AddError("Choose one of --reserve and --drafts.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(knowledge),
            parse.GetValue(json),
            parse.GetValue(count),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken,
            parse.GetValue(reserve) ? QuizTier.Reserve : parse.GetValue(drafts) ? QuizTier.Drafts : QuizTier.Bank,
            parse.GetValue(markdown)));
        return command;
    }

    internal static async Task<int> RunAsync(string? folder, bool json, int count, TextWriter output, TextWriter error, CancellationToken cancellationToken, QuizTier tier = QuizTier.Bank, bool markdown = false)
    {
        if (await CliOptions.LoadKnowledgeAsync(folder, error, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return CliApp.UsageError;
        }

        using var knowledgeBase = loaded.Notes;
        // The kind model's 8-bit form is kept where the other commands keep theirs (data/embeddings).
        var model = QuizTermModel.SharedMiniLm(Path.GetDirectoryName(CliOptions.EmbeddingCacheFor(folder)));
        using var bank = new QuestionBank(knowledgeBase, new QuizKnowledgeFolder(loaded.Folder), NullLogger<QuestionBank>.Instance, model);
        foreach (var issue in bank.Issues)
        {
            await error.WriteLineAsync($"warning: {issue.File} line {issue.Line}{(issue.Skipped ? " skipped" : string.Empty)}: {issue.Reason}");
        }

        // The drafts are written again on demand (the bank keeps no copy: the bot never asks them).
        var (drafts, draftsInTeamFiles) = tier == QuizTier.Drafts ? bank.Drafts() : ([], 0);
        var all = tier switch
        {
            QuizTier.Reserve => bank.Reserve,
            QuizTier.Drafts => drafts.Select(d => d.Question).ToList(),
            _ => bank.Questions,
        };
        var questions = all.Take(count).ToList();
        var whose = tier switch { QuizTier.Reserve => "reserve's", QuizTier.Drafts => "drafts'", _ => "bank's" };
        if (model.Status.StartsWith("failed", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"warning: quiz kind model {model.Status}; wrong choices from the notes' counts alone");
        }

        if (markdown)
        {
            await output.WriteAsync(tier == QuizTier.Drafts ? TeamQuestionWriter.Write(drafts.Take(count)) : TeamQuestionWriter.Write(questions));
            if (all.Count > count)
            {
                // A teacher's export is meant to be whole; --count's default of 10 cut it short without a word.
                await error.WriteLineAsync($"note: the first {count} of the {whose} {all.Count} questions are printed; --count {all.Count} prints all.");
            }

            if (questions.Count(q => q.Kind == QuizQuestionKind.Team) is > 0 and var team)
            {
                // A second export after the team's file is in: those questions are the team's already, and an empty
                // file without a word looked like a failure.
                await error.WriteLineAsync($"note: {Plural(team, "question")} of the team's own {(team == 1 ? "is" : "are")} not printed: {(team == 1 ? "it is" : "they are")} in the team's quiz files already.");
            }
        }
        else
        {
            for (var i = 0; i < questions.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var q = questions[i];
                await output.WriteLineAsync(json ? Json(q, tier == QuizTier.Drafts ? drafts[i] : null)
                    : tier == QuizTier.Drafts ? ToText(q) + $"  ({TeamQuestionWriter.DraftNote(drafts[i])})\n"
                    : ToText(q));
            }
        }

        if (tier == QuizTier.Drafts && draftsInTeamFiles > 0)
        {
            // After curation the drafts are the team's, kept or deleted: "0 drafts" alone read as if there never were any.
            await error.WriteLineAsync($"note: {Plural(draftsInTeamFiles, "draft")} {(draftsInTeamFiles == 1 ? "is" : "are")} in the team's quiz files already (kept there, or deleted and so retired), and not printed.");
        }

        // The team-question note above says why a markdown export is short; "the bank holds only 12" after it read as a
        // contradiction.
        if (questions.Count < count && !(markdown && questions.Any(q => q.Kind == QuizQuestionKind.Team)))
        {
            // A short bank is not all a channel gets: the daily quiz goes on to the reserve, so say how much is there
            // (a team trying the CLI on a book of prose saw "only 1 distinct questions" while the quiz had 6 to ask).
            await error.WriteLineAsync(tier switch
            {
                QuizTier.Reserve => $"note: the reserve holds {Plural(questions.Count, "question")} ({count} asked for).",
                QuizTier.Drafts => $"note: the notes give {Plural(questions.Count, "draft")} ({count} asked for).",
                _ when bank.Reserve.Count > 0 => $"note: the bank holds only {Plural(questions.Count, "question")} ({count} asked for); the reserve holds {bank.Reserve.Count} more, which the daily quiz asks once the bank's have been asked (quiz --reserve prints them).",
                _ => $"note: only {Plural(questions.Count, "distinct question")} can be made from these notes ({count} asked for).",
            });
        }

        // An empty reserve or no drafts is no failure: the bank is all the notes give.
        return questions.Count == 0 && tier == QuizTier.Bank ? 1 : 0;
    }

    /// <summary>The question's JSON line; a draft's adds its score and whether it copies a likely typo.</summary>
    private static string Json(QuizQuestion q, QuizDraft? draft)
    {
        var fields = QuizQuestionJson.Fields(q);
        if (draft is not null)
        {
            fields["draft"] = new JsonObject { ["score"] = Math.Round(draft.Score, 3), ["typo"] = draft.Typo };
        }

        return QuizQuestionJson.Line(fields);
    }

    /// <summary>Which of the generated questions the command prints.</summary>
    internal enum QuizTier
    {
        /// <summary>The bank: what the daily quiz asks first.</summary>
        Bank,

        /// <summary>The reserve: asked once the bank's questions have been.</summary>
        Reserve,

        /// <summary>The drafts: never asked (<see cref="QuestionBank.Drafts"/>).</summary>
        Drafts,
    }

    private static string ToText(QuizQuestion q) =>
        $"{q.Text}\n{string.Join('\n', q.Choices.Select((c, i) => $"  {(i == q.AnswerIndex ? '*' : ' ')} {(char)('A' + i)}. {c}"))}\n  ({q.Citation.File}:{q.Citation.LineStart}-{q.Citation.LineEnd}, {q.Citation.Section})\n";
}
