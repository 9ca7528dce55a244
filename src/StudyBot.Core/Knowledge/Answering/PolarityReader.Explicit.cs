namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// What the notes say outright rather than in words: a question-answer pair that asks what was asked, whose yes or no
/// answers it (<see cref="AsksThePairsQuestion"/>; <see cref="IsNegative"/> tells which side each asks about); a row of
/// a table that compares columns, read in the column whose header names the subject (<see cref="RowPolarity"/>, a No
/// when the question asks one column's thing as another's: <see cref="AsksOneColumnAsAnother"/>); and a ✅/❌ mark that
/// opens a clause or fills a cell (<see cref="Mark"/>). In: the question and a pair, a row or a clause. Out: Yes or No,
/// or null when it does not say.
/// </summary>
internal static partial class PolarityReader
{
    /// <summary>A clause that opens with a check mark or a cross (checklists: "✅ Do …", "❌ Don't …").</summary>
    private static bool? Mark(string clause)
    {
        var trimmed = clause.TrimStart(' ', '-', '*', '•');
        foreach (var yes in (string[])["✅", "✔", "✓"])
        {
            if (trimmed.StartsWith(yes, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var no in (string[])["❌", "✗", "✘"])
        {
            if (trimmed.StartsWith(no, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return null;
    }

    /// <summary>Whether the question asks what the pair's question asks: most of its topic words are in the pair's
    /// question, and both ask about the same side (not one about "un-encrypted" and the other about "encrypted").</summary>
    private static bool AsksThePairsQuestion(KnowledgeIndex index, QuestionAnalysis question, string pairQuestion, string? pairAnswer)
    {
        var pairTerms = index.Analyzer.Terms(pairQuestion);
        var named = question.Content.Count(c => c.MatchesAny(pairTerms));
        // A word the notes use elsewhere but the pair never says marks another question; a word of the asker's own
        // that no line of the notes holds is only other wording.
        var said = new HashSet<string>(pairTerms, StringComparer.Ordinal);
        said.UnionWith(index.Analyzer.Terms(pairAnswer ?? string.Empty));
        var otherwise = question.Content.Where(c => !c.IsUnknown && !c.MatchesAny(said)).Sum(c => c.Weight);
        return named * 3 >= question.Content.Count * 2
            && otherwise <= MaxUnsaidPairShare * question.TotalWeight
            && IsNegative(index, question.Question) == IsNegative(index, pairQuestion)
            // "Is security AWS's responsibility only?" asks whether nothing else holds; the pair "AWS Secure?" →
            // "Yes it is highly secure …" never says so, and its Yes was a trusted wrong one.
            && (!Lexicon.Restriction().IsMatch(question.Main) || Lexicon.Restriction().IsMatch(pairQuestion + " " + pairAnswer));
    }

    /// <summary>The most of the question's weight, in words the notes use, that a pair may leave unsaid and still ask
    /// what was asked. "Is KMS used for data at rest?" against the pair "Can I use AWS KMS Key to encrypt data in" →
    /// "no" names KMS and data, two of three concepts, but not "rest" (27 % of the question's weight, a word the notes
    /// use for what KMS is for): the pair's "no" was about something else, and read as the answer it was a confident
    /// wrong No. "Is Amazon Web Services a secure platform?" against "AWS Secure?" → "Yes …" leaves "platform" unsaid,
    /// a word no line of the notes holds, and stays the pair's question.</summary>
    private const double MaxUnsaidPairShare = 0.25;

    /// <summary>A negation word or a negated word ("un-encrypted", "unencrypted", "non-critical").</summary>
    private static bool IsNegative(KnowledgeIndex index, string text)
    {
        foreach (var word in Lexicon.LowerWords(text))
        {
            if (Lexicon.Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal) || word is "un" or "non")
            {
                return true;
            }

            foreach (var prefix in (string[])["un", "non"])
            {
                if (word.Length >= prefix.Length + 4 && word.StartsWith(prefix, StringComparison.Ordinal)
                    && index.Analyzer.Terms(word[prefix.Length..]).Any(index.Vocabulary.Contains))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the question names one column by one word and another column by another, and no column by
    /// both ("is UDP connection-oriented?" under "Connection-Oriented (TCP)" and "Connectionless (UDP)"): it asks
    /// whether one column's thing is what the other column is, which the table says it is not. It read the TCP column's
    /// "Yes — adjusts to receiver capacity" and said Yes. Only for "is X Y?", and not for a comparison ("is TCP faster
    /// than UDP?").</summary>
    private static bool AsksOneColumnAsAnother(KnowledgeIndex index, QuestionAnalysis question, IReadOnlyList<string> headers)
    {
        // Only "is X Y?", which asks what X is: "can a discussion be turned into an issue?" names the Discussions and the
        // Issues columns and is answered by the Discussions cell ("→ Issue").
        if (headers.Count < 2 || Lexicon.LowerWords(question.Main).FirstOrDefault() is not ("is" or "are" or "was" or "were")
            || Lexicon.CompareQuestion().IsMatch(question.Question) || Words(question.Question).Contains("than"))
        {
            return false;
        }

        // The asking clause's words only: a condition names the setting ("if I forward a port on the router, could the
        // firewall still block that traffic?" asks about the firewall's column).
        var analyzed = headers.Select(h => index.Analyzer.Terms(h)).ToList();
        var asking = index.Analyzer.Terms(question.Main);
        var columns = question.Content
            .Where(c => c.MatchesAny(asking))
            .Select(c => Enumerable.Range(0, analyzed.Count).Where(i => c.MatchesAny(analyzed[i])).ToList())
            .Where(named => named.Count > 0)
            .ToList();
        return columns.Count >= 2
            && !Enumerable.Range(0, analyzed.Count).Any(i => columns.All(named => named.Contains(i)))
            && columns.Any(a => a.Count == 1 && columns.Any(b => b.Count == 1 && b[0] != a[0]));
    }

    /// <summary>A yes/no question answered by a table row that compares columns ("Feature | TCP | UDP"): read the
    /// column whose header names the question's subject. A ✅/❌/Yes/No/True/False cell says so; otherwise it says no
    /// when it holds a negation, or when the asked property is in another column's cell and not in its own. Null when
    /// no column header names the subject; No when the question asks one column's thing as another column
    /// (<see cref="AsksOneColumnAsAnother"/>).</summary>
    internal static bool? RowPolarity(KnowledgeIndex index, QuestionAnalysis question, string rowText)
    {
        var cells = rowText.Split(" | ")
            .Select(part => part.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0
                ? (Header: part[..colon], Cell: part[(colon + 2)..])
                : (Header: string.Empty, Cell: part))
            .ToList();
        if (cells.Count < 2)
        {
            return null;
        }

        var content = question.Content;
        var asked = Words(question.Question);
        if (AsksOneColumnAsAnother(index, question, cells.Skip(1).Select(c => c.Header).ToList()))
        {
            return false;
        }

        // The asking clause names the subject; a condition before it names the setting ("if I forward a port on the
        // router, could the firewall still stop that traffic?" asks about the firewall's column, not port forwarding's,
        // which the whole question names more of).
        var askingTerms = index.Analyzer.Terms(question.Main);
        var subject = -1;
        var subjectScore = 0;
        HashSet<string> subjectHeader = [];
        for (var i = 1; i < cells.Count; i++)
        {
            var header = index.Analyzer.Terms(cells[i].Header);
            var named = content.Count(c => c.MatchesAny(header));
            var namedAsking = content.Count(c => c.MatchesAny(header) && c.MatchesAny(askingTerms));
            var score = named == 0 ? 0 : (namedAsking * 10_000) + (named * 100) + Words(cells[i].Header).Count(asked.Contains);
            if (score > subjectScore)
            {
                (subject, subjectScore, subjectHeader) = (i, score, header);
            }
        }

        if (subject < 0)
        {
            return null;
        }

        var cell = cells[subject].Cell.Trim();
        if (Lexicon.YesCells.Contains(cell) || Mark(cell) == true)
        {
            return true;
        }

        if (Lexicon.NoCells.Contains(cell) || Mark(cell) == false)
        {
            return false;
        }

        if (cells.Count < 3)
        {
            return null;
        }

        // "Is UDP connectionless?" read under the header "Connectionless (UDP)": the column is what was asked.
        if (content.All(c => c.MatchesAny(subjectHeader)))
        {
            return true;
        }

        if (!Polarity(cell))
        {
            return false;
        }

        var own = index.Analyzer.Terms(cell);
        var predicate = content.Where(c => c.MatchesAny(askingTerms) && !c.MatchesAny(subjectHeader) && !c.MatchesAny(own)).ToList();
        for (var i = 1; i < cells.Count; i++)
        {
            // Another column that has what was asked says the subject's does not ("UDP: supports broadcast" for "Does
            // TCP support broadcast?"); one that denies it says nothing against the subject ("UDP: No ordering
            // guarantees" beside "TCP: Data arrives in order" for "Does TCP guarantee ordering?").
            if (i != subject && predicate.Any(c => c.MatchesAny(index.Analyzer.Terms(cells[i].Cell))) && Polarity(cells[i].Cell))
            {
                return false;
            }
        }

        return true;
    }
}
