using System.Globalization;
using System.Text;

namespace StudyBot.Core.Chat.Commands;

/// <summary><c>gaps</c> (admin): the questions the notes did not answer, most asked first.</summary>
internal sealed class GapsCommand(IQuestionLog questions, TimeProvider time) : IChatCommand
{
    private const int DefaultCount = 10;
    private const int MaxCount = 50;

    public CommandDescriptor Descriptor => CommandCatalogue.Gaps;

    public async Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["done", var number])
        {
            return await DoneAsync(number, cancellationToken).ConfigureAwait(false);
        }

        var count = int.TryParse(arguments.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? Math.Min(n, MaxCount)
            : DefaultCount;
        var gaps = await questions.GetGapsAsync(count, cancellationToken).ConfigureAwait(false);
        if (gaps.Count == 0)
        {
            return new Reply("No unanswered questions so far.", Title: "Gaps", Kind: ReplyKind.Admin);
        }

        var text = new StringBuilder("Questions the notes could not answer or answered wrongly, most asked first:\n");
        var rank = 1;
        foreach (var gap in gaps)
        {
            var what = new List<string>();
            if (gap.TimesAsked > 0)
            {
                what.Add($"asked {Times(gap.TimesAsked)}");
            }

            if (gap.WrongAnswers > 0)
            {
                what.Add($"answer marked wrong {Times(gap.WrongAnswers)}");
            }

            text.Append(CultureInfo.InvariantCulture, $"{rank++}. \"{MarkdownText.Escape(gap.Question)}\" — {string.Join(", ", what)}, last {gap.LastAsked:yyyy-MM-dd}\n");
            foreach (var comment in gap.CommentList)
            {
                // What someone said was wrong, as they wrote it but on one line, so it stays under its entry.
                text.Append("   - what was wrong: *").Append(MarkdownText.Escape(OneLine(comment))).Append("*\n");
            }
        }

        text.Append("\nWhen one is dealt with: **gaps done N**.");
        return new Reply(text.ToString().TrimEnd(), Title: "Gaps", Kind: ReplyKind.Admin);
    }

    private async Task<Reply> DoneAsync(string rank, CancellationToken cancellationToken)
    {
        // N as numbered in the list the admin sees (the same query and order).
        var gaps = await questions.GetGapsAsync(MaxCount, cancellationToken).ConfigureAwait(false);
        if (!int.TryParse(rank, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > gaps.Count)
        {
            return new Reply($"There is no gap number {rank}; type **gaps** to see the list.", Title: "Gaps", Kind: ReplyKind.Admin);
        }

        await questions.MarkGapDoneAsync(gaps[n - 1].Question, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new Reply(
            $"Marked done: \"{gaps[n - 1].Question}\". It comes back if it is declined or marked wrong again.", Title: "Gaps", Kind: ReplyKind.Admin);
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Times(long count) => count == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} times");
}
