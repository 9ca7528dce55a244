using System.Globalization;
using System.Text;

namespace StudyBot.Core.Chat.Commands;

/// <summary><c>gaps</c> (admin): the questions the notes did not answer, most asked first.</summary>
internal sealed class GapsCommand(IQuestionLog questions) : IChatCommand
{
    private const int DefaultCount = 10;
    private const int MaxCount = 50;

    public string Name => "gaps";

    public string Help => "gaps [N] — the questions the notes could not answer, most asked first";

    public bool AdminOnly => true;

    public async Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken)
    {
        var count = int.TryParse(arguments.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? Math.Min(n, MaxCount)
            : DefaultCount;
        var gaps = await questions.GetGapsAsync(count, cancellationToken).ConfigureAwait(false);
        if (gaps.Count == 0)
        {
            return new Reply("No unanswered questions so far.", Title: "Gaps", Kind: ReplyKind.Admin);
        }

        var text = new StringBuilder("Questions the notes could not answer, most asked first:\n");
        var rank = 1;
        foreach (var gap in gaps)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{rank++}. \"{MarkdownText.Escape(gap.Question)}\" — asked {(gap.TimesAsked == 1 ? "once" : $"{gap.TimesAsked:N0} times")}, last {gap.LastAsked:yyyy-MM-dd}\n");
        }

        return new Reply(text.ToString().TrimEnd(), Title: "Gaps", Kind: ReplyKind.Admin);
    }
}
