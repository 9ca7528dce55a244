using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>
/// Section titles of the notes, and questions the notes answered before, that match what a user is typing, for the
/// platforms' type-ahead (Discord's autocomplete on <c>/ask</c>). Picking one asks about that section, as the "did you mean" buttons do.
/// Titles are gathered once per index (a reload swaps the passage list, which is noticed by reference), so a keystroke
/// costs a scan of the distinct titles, not of every passage.
/// </summary>
public sealed class SectionSuggestions(IKnowledgeBase knowledge, IQuestionLog? questions = null)
{
    /// <summary>At most this share of the suggestions are earlier questions; the rest are section titles, so a
    /// popular question never hides what the notes hold.</summary>
    private const int FrequentShareDivisor = 2;

    /// <summary>
    /// Up to <paramref name="max"/> suggestions for <paramref name="typed"/>: questions the notes answered before that
    /// contain what is typed, most asked first (at most half), then section titles (<see cref="Suggest"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> SuggestWithQuestionsAsync(string typed, int max, CancellationToken cancellationToken)
    {
        var frequent = questions is null || max < 2 ? []
            : await questions.GetFrequentQuestionsAsync(typed, max / FrequentShareDivisor, cancellationToken).ConfigureAwait(false);
        var titles = Suggest(typed, max);
        return frequent.Concat(titles).Distinct(StringComparer.OrdinalIgnoreCase).Take(max).ToList();
    }

    private readonly Lock _gate = new();
    private IReadOnlyList<SectionTitle>? _indexedFrom;
    private IReadOnlyList<Title> _titles = [];

    /// <summary>
    /// Up to <paramref name="max"/> section titles for <paramref name="typed"/>: titles starting with it first, then
    /// titles where every typed word starts a word, then titles containing the text; ties go to the sections with more
    /// passages. With nothing typed, the largest sections.
    /// </summary>
    public IReadOnlyList<string> Suggest(string typed, int max)
    {
        var titles = Titles();
        var query = QuestionText.Normalize(typed);
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return titles
            .Select(t => (t.Text, t.Passages, Rank: Rank(t, query, words)))
            .Where(t => t.Rank >= 0)
            .OrderBy(t => t.Rank)
            .ThenByDescending(t => t.Passages)
            .ThenBy(t => t.Text, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(t => t.Text)
            .ToList();
    }

    /// <summary>0 starts with the text, 1 every word starts a title word, 2 contains the text, −1 no match.</summary>
    private static int Rank(Title title, string query, string[] words)
    {
        if (query.Length == 0 || title.Normalized.StartsWith(query, StringComparison.Ordinal))
        {
            return 0;
        }

        if (words.All(w => title.Words.Any(t => t.StartsWith(w, StringComparison.Ordinal))))
        {
            return 1;
        }

        return title.Normalized.Contains(query, StringComparison.Ordinal) ? 2 : -1;
    }

    private IReadOnlyList<Title> Titles()
    {
        var sections = knowledge.SectionTitles;
        lock (_gate)
        {
            if (!ReferenceEquals(sections, _indexedFrom))
            {
                _titles = sections
                    .Select(section =>
                    {
                        var normalized = QuestionText.Normalize(section.Title);
                        return new Title(section.Title, normalized, normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries), section.Passages);
                    })
                    .ToList();
                _indexedFrom = sections;
            }

            return _titles;
        }
    }

    private sealed record Title(string Text, string Normalized, string[] Words, int Passages);
}
