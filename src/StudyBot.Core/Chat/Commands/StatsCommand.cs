using System.Globalization;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat.Commands;

/// <summary><c>stats</c> (admin): what is indexed and how many questions were answered.</summary>
internal sealed class StatsCommand(IKnowledgeBase knowledge, IQuestionLog questions, TimeProvider time, IEnumerable<IAdminNotes>? notes = null) : IChatCommand
{
    public CommandDescriptor Descriptor => CommandCatalogue.Stats;

    public async Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var counts = await questions.GetStatsAsync(today, cancellationToken).ConfigureAwait(false);
        var index = knowledge.Stats;
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            - Indexed: {ReloadReportFormatter.Plural(index.Files, "file")}, {ReloadReportFormatter.Plural(index.Passages, "passage")} (loaded {index.LoadedAt:yyyy-MM-dd HH:mm} UTC)
            - Questions today: {counts.AskedToday:N0} ({Share(counts.AnsweredToday, counts.AskedToday)} answered)
            - Questions in total: {counts.AskedTotal:N0} — answered {counts.AnsweredTotal:N0} ({Share(counts.AnsweredTotal, counts.AskedTotal)}), declined {counts.DeclinedTotal:N0} ({Share(counts.DeclinedTotal, counts.AskedTotal)})
            """);
        var extra = (notes ?? []).Select(n => n.Notes()).OfType<string>();
        return new Reply(string.Join("\n\n", extra.Prepend(text)), Title: "Stats", Kind: ReplyKind.Admin);
    }

    private static string Share(long part, long whole) =>
        whole == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0}%");
}
