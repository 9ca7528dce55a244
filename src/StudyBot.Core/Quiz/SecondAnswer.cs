namespace StudyBot.Core.Quiz;

/// <summary>
/// A blank's wrong choice that the notes themselves also make right: the stem said of it is what another line of the
/// notes says. The outside readers' most frequent defect in ratings 18 and 19 ("a second defensible answer"): "Extend
/// _____ when more space is needed" keyed logical volumes, while a line says "If the volume group has free space, you
/// can increase an LV size"; "Modern Linux systems commonly use _____ to manage services" keyed systemd beside
/// systemctl; "_____ completely emulates the underlying hardware, allowing unmodified guest operating systems to run"
/// keyed Full Virtualization beside the notes' "Hardware-level virtualization involves emulating an entire physical
/// machine's hardware …". The key's own support is its cited line, which holds the whole stem; a wrong choice is
/// supported when a line that speaks of it (<see cref="QuizCorpus.Mentions"/>: its text or its section title names it,
/// in any case or number, or its expansion) holds much of the stem's weight and reads like the stem said of it.
/// </summary>
internal static class SecondAnswer
{
    /// <summary>The share of the stem's weight (content words by <see cref="QuizCorpus.Idf"/>, the key's and the wrong
    /// choice's own words aside) a line about the wrong choice must hold. Chosen on the blanks of outside ratings 18 and
    /// 19 (docs/quiz.md, "A second defensible answer"): every share from 0.4 to 0.55 (with the likeness at 0.6 to 0.7)
    /// flags the same 7 of the 13 blanks the readers called two-answer and none of the 11 rated good; 0.5 is the middle
    /// of that range. A lower share reads a line that shares one rare word as support.</summary>
    internal const double SupportedShare = 0.5;

    /// <summary>The least likeness of the sentence model between the stem said of the wrong choice (the blank filled
    /// with it) and that line: shared words are not yet the same statement. Chosen with <see cref="SupportedShare"/>,
    /// at the top of the range (0.6 to 0.7) where the design blanks part the same way; at 0.75 three of the seven
    /// two-answer blanks are missed.</summary>
    internal const double SupportedLike = 0.7;

    /// <summary>How many lines about a wrong choice, the most weight first, the model reads: a term written in a hundred
    /// lines is supported, if at all, by the lines that share most of the stem.</summary>
    internal const int SupportLines = 3;

    /// <summary>How well the notes, outside the cited lines, support <paramref name="wrong"/> as the answer to the blank
    /// <paramref name="masked"/>: the greatest, over the lines that speak of it, of the lesser of its share of the stem's
    /// weight over <see cref="SupportedShare"/> and its likeness to the filled stem over <see cref="SupportedLike"/>. 1
    /// or more: the notes make it right too. 0 when no line supports it; NaN without the model.</summary>
    internal static double Support(string masked, string key, string wrong, string citedFile, int citedStart, int citedEnd, QuizCorpus corpus, KindSimilarity kinds)
    {
        if (!kinds.Available)
        {
            return double.NaN;
        }

        var said = masked.Replace("_____", wrong, StringComparison.Ordinal);
        return corpus.Support(wrong, Stems(masked, key, wrong), citedFile, citedStart, citedEnd)
            .Take(SupportLines)
            .Select(l => Math.Min(l.Share / SupportedShare, (kinds.Similarity(said, l.Text) ?? 0) / SupportedLike))
            .DefaultIfEmpty(0)
            .Max();
    }

    /// <summary>True when the notes make <paramref name="wrong"/> a second right answer to the blank
    /// (<see cref="Support"/> of 1 or more); never without the model, whose likeness tells a line that says the same
    /// from one that only shares its words.</summary>
    internal static bool Defensible(string masked, string key, string wrong, string citedFile, int citedStart, int citedEnd, QuizCorpus corpus, KindSimilarity kinds) =>
        Support(masked, key, wrong, citedFile, citedStart, citedEnd, corpus, kinds) >= 1 - 1e-9;

    /// <summary>The stem's content stems that can support a choice: without the words of the key's and the wrong
    /// choice's own names (a line about "Volume Groups" holds "volume" whatever it says).</summary>
    internal static HashSet<string> Stems(string masked, string key, string wrong)
    {
        var stems = QuizText.ContentStems(masked.Replace("_____", " ", StringComparison.Ordinal));
        stems.ExceptWith(QuizText.Stems(key));
        stems.ExceptWith(QuizText.Stems(wrong));
        return stems;
    }
}
