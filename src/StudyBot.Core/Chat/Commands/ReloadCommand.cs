using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat.Commands;

/// <summary><c>reload</c> (admin): re-reads the notes and answers with the diff.</summary>
internal sealed class ReloadCommand(IKnowledgeBase knowledge, IEnumerable<IAdminNotes>? notes = null) : IChatCommand
{
    public CommandDescriptor Descriptor => CommandCatalogue.Reload;

    public async Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken)
    {
        var report = await knowledge.ReloadAsync(cancellationToken).ConfigureAwait(false);
        var extra = (notes ?? []).Select(n => n.Notes()).OfType<string>();
        return new Reply(string.Join("\n\n", extra.Prepend(ReloadReportFormatter.ToMarkdown(report))), Title: "Reload", Kind: ReplyKind.Admin);
    }
}
