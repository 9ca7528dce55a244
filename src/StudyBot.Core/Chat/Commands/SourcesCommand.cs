using System.Globalization;
using System.Text;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat.Commands;

/// <summary><c>sources</c>: the notes files that are loaded, with their passage counts.</summary>
internal sealed class SourcesCommand(IKnowledgeBase knowledge) : IChatCommand
{
    public CommandDescriptor Descriptor => CommandCatalogue.Sources;

    public Task<Reply> ExecuteAsync(IncomingMessage message, string arguments, CancellationToken cancellationToken)
    {
        var stats = knowledge.Stats;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"**{ReloadReportFormatter.Plural(stats.Files, "file")}, {ReloadReportFormatter.Plural(stats.Passages, "passage")}** loaded:\n");
        foreach (var (file, passages) in stats.PassagesPerFile.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{file}` — {ReloadReportFormatter.Plural(passages, "passage")}\n");
        }

        foreach (var failure in stats.Failures)
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{failure.File}` — not loaded: {failure.Reason}\n");
        }

        return Task.FromResult(new Reply(text.ToString().TrimEnd(), Title: "Sources"));
    }
}
