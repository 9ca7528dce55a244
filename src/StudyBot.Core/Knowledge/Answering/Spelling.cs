using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// The question as the notes spell it: each word the spelling pass corrected (<see cref="Concept.Corrected"/>) is
/// replaced by the notes' own word for it ("encrpytion" → "encryption"), so the reply can show how it was read, or
/// offer the corrected question when the misspelt one was declined.
/// </summary>
internal static class Spelling
{
    /// <summary>Passages scanned for the notes' spelling of one corrected term: enough to find its common forms,
    /// bounded so a frequent term costs no more than a rare one.</summary>
    private const int MaxPassagesScanned = 50;

    /// <summary>The question with its misspelt words replaced, or null when the spelling pass changed nothing.</summary>
    /// <param name="words">The words of the language (the sentence model's whole words,
    /// <see cref="Semantic.ITextEmbedder.WholeWords"/>), or null when not known: one of them is no typo, though the
    /// notes spell it otherwise. The seed notes write "container runs insde the POD", and "what runs inside a pod" was
    /// answered "Reading that as: what runs insde a pod"; the search still meets the notes' spelling.</param>
    public static string? Corrected(KnowledgeIndex index, QuestionAnalysis question, IReadOnlySet<string>? words = null)
    {
        var corrected = question.Question;
        foreach (var concept in question.Concepts)
        {
            if (concept.Corrected.Count == 0 || concept.Surface is not { Length: > 0 } typed
                || words?.Contains(typed.ToLowerInvariant()) == true)
            {
                continue;
            }

            if (NotesWord(index, typed, concept.Corrected) is { } word)
            {
                corrected = Regex.Replace(
                    corrected, $@"\b{Regex.Escape(typed)}\b", m => InTheCaseOf(m.Value, word),
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        return corrected == question.Question ? null : corrected;
    }

    /// <summary>The notes' word in the case it was typed in ("Sheild" → "Shield", "EBS" stays shouted).</summary>
    private static string InTheCaseOf(string typed, string word) =>
        typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? word.ToUpperInvariant()
        : char.IsUpper(typed[0]) ? char.ToUpperInvariant(word[0]) + word[1..]
        : word;

    /// <summary>The word of the notes, as written there, that analyzes to one of <paramref name="terms"/> and is
    /// nearest to what was typed (a misspelling, not a negation: "insecure" is not read as "secure"); on a tie the
    /// word most passages use.</summary>
    private static string? NotesWord(KnowledgeIndex index, string typed, IReadOnlyList<string> terms)
    {
        var maxEdits = typed.Length >= 8 ? 2 : 1;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in index.PassagesHolding(terms, MaxPassagesScanned))
        {
            foreach (var word in index.Features(id).Surface)
            {
                if (Math.Abs(word.Length - typed.Length) <= maxEdits && !typed.EndsWith(word, StringComparison.Ordinal))
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }

        return counts
            .Select(kv => (Word: kv.Key, Count: kv.Value, Edits: QuestionTerms.EditDistance(typed, kv.Key, maxEdits)))
            .Where(x => x.Edits is > 0 && x.Edits <= maxEdits && index.Analyzer.Terms(x.Word).Overlaps(terms))
            .OrderBy(x => x.Edits)
            .ThenByDescending(x => x.Count)
            .ThenBy(x => x.Word, StringComparer.Ordinal)
            .Select(x => x.Word)
            .FirstOrDefault();
    }
}
