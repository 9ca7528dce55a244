namespace StudyBot.Core.Knowledge;

/// <summary>What a passage is, as written in the notes.</summary>
public enum PassageKind
{
    Paragraph,
    Bullet,
    TableRow,
    Code,
    /// <summary>A question line and the answer lines under it, cited as one.</summary>
    QuestionAnswer,
}

/// <summary>
/// A few lines of one notes file: the unit that is indexed, cited and quizzed on.
/// Lines are 1-based and inclusive, counted as <c>sed -n</c> counts them (only <c>\n</c> ends a line).
/// </summary>
/// <param name="File">Path relative to the knowledge folder, with forward slashes.</param>
/// <param name="Section">The nearest section title (a heading, a short title line, a bold label).</param>
/// <param name="HeadingPath">Titles from the top of the file down to <paramref name="Section"/>.</param>
/// <param name="Text">Plain text of the passage, markdown noise removed.</param>
/// <param name="Question">For <see cref="PassageKind.QuestionAnswer"/>: the question; otherwise null.</param>
/// <param name="AnswerText">For <see cref="PassageKind.QuestionAnswer"/>: the answer lines; otherwise null.</param>
/// <param name="Emphasis">The spans of the passage its author set apart (<c>*x*</c>, <c>_x_</c>, <c>**x**</c>, <c>`x`</c>),
/// as they read in <paramref name="Text"/>, in order, each once; null when there are none. <paramref name="Text"/> has lost
/// the markup; the quiz learns from these which terms the notes introduce. Answers never read them.</param>
public sealed record Passage(
    string File,
    string Section,
    IReadOnlyList<string> HeadingPath,
    int LineStart,
    int LineEnd,
    string Text,
    PassageKind Kind,
    string? Question = null,
    string? AnswerText = null,
    IReadOnlyList<EmphasisSpan>? Emphasis = null)
{
    /// <summary>True when the passage sits one title below <paramref name="path"/> (a heading path of its file): under
    /// "I accidentally committed and pushed a merge", the command below the short title line "The command to use".</summary>
    public bool IsOneTitleUnder(IReadOnlyList<string> path) =>
        HeadingPath.Count == path.Count + 1 && HeadingPath.Take(path.Count).SequenceEqual(path, StringComparer.Ordinal);
}

/// <summary>How the notes set a span apart from the text around it.</summary>
public enum EmphasisKind
{
    /// <summary>Italics or bold: <c>*x*</c>, <c>_x_</c>, <c>**x**</c>.</summary>
    Emphasis,

    /// <summary>Inline code: <c>`x`</c>.</summary>
    Code,
}

/// <summary>A span the author of the notes set apart, as plain text (a book sets the terms it introduces in italics,
/// "*ownership*", and names from code in code, "`String`").</summary>
public sealed record EmphasisSpan(string Text, EmphasisKind Kind);

/// <summary>A cited passage in an answer.</summary>
/// <param name="Url">Where the passage can be opened (from <c>Knowledge:LinkBase</c>), or null.</param>
public sealed record Citation(string File, string Section, int LineStart, int LineEnd, string Snippet, string? Url = null);

/// <summary>An image the notes show beside a cited passage (<c>![alt](image-6.png)</c> or <c>&lt;img src=…&gt;</c> in the
/// passage or its section).</summary>
/// <param name="Path">Relative to the knowledge folder, with forward slashes (resolved from the note's own folder).</param>
/// <param name="Alt">The alt text as written; may be empty.</param>
/// <param name="Exists">True when the file is in the notes folder and may be shown (an image type, within the size cap,
/// no link out of the folder); false shows a placeholder instead.</param>
/// <param name="Url">Where a platform that fetches images itself (Discord, Teams) finds it, from
/// <c>NoteImages:PublicBaseUrl</c>; null when the file is missing or no public address is set.</param>
/// <param name="DataUri">Without a public address, a small file as a <c>data:</c> URI, for a platform that takes one in
/// place of a URL (a Teams card); null otherwise.</param>
public sealed record NoteImage(string Path, string Alt, bool Exists, string? Url = null, string? DataUri = null);

/// <summary>What the notes say to a yes/no question.</summary>
public enum AnswerVerdict
{
    /// <summary>Not a yes/no question (or not answered).</summary>
    None,
    Yes,
    No,

    /// <summary>A yes/no question the notes speak to without settling it: no Yes/No word is given.</summary>
    Unsettled,
}

/// <summary>The bot's answer to one question, as structure; the chat's formatter (<c>AnswerMarkdown</c>) writes the prose
/// every platform shows.</summary>
/// <param name="Answered">False when the notes do not cover the question; then <paramref name="Citations"/> is empty.</param>
/// <param name="Verdict">Yes, No or Unsettled for a yes/no question; None otherwise.</param>
/// <param name="Lead">The sentence from the notes that answers (the conclusion after the verdict); empty when declined.</param>
/// <param name="Citations">Up to three, best first, at most one per section.</param>
/// <param name="Related">When declined: the closest sections, offered as "related notes", never as the answer.</param>
/// <param name="NotLoadedReason">When declined because no notes are loaded: why (the folder and what was wrong).</param>
/// <param name="Corrected">The question as the notes spell it, when a word was misspelt: the answer was read that
/// way; on a decline it is set only when the notes answer the corrected question ("did you mean").</param>
/// <param name="Images">The images of the cited passages and their sections, in citation order; null until the chat adds
/// them (<c>NoteImageFinder</c>).</param>
public sealed record Answer(
    string Question,
    bool Answered,
    AnswerVerdict Verdict,
    string Lead,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<Citation> Related,
    string? NotLoadedReason = null,
    string? Corrected = null,
    IReadOnlyList<NoteImage>? Images = null)
{
    public IReadOnlyList<NoteImage> ImageList => Images ?? [];
}

/// <summary>A notes file that could not be read, and why.</summary>
public sealed record FileFailure(string File, string Reason);

/// <summary>What is loaded now.</summary>
public sealed record KnowledgeStats(
    int Files,
    int Passages,
    IReadOnlyDictionary<string, int> PassagesPerFile,
    IReadOnlyList<FileFailure> Failures,
    DateTimeOffset LoadedAt);

/// <summary>The outcome of a reload: a diff against the index that served before it.</summary>
public sealed record ReloadReport(
    bool Succeeded,
    string? Error,
    IReadOnlyList<string> FilesAdded,
    IReadOnlyList<string> FilesChanged,
    IReadOnlyList<string> FilesRemoved,
    int PassagesAdded,
    int PassagesRemoved,
    IReadOnlyList<FileFailure> Failures,
    KnowledgeStats Stats);

/// <summary>A section title of the notes and how many passages it has.</summary>
public sealed record SectionTitle(string Title, int Passages)
{
    /// <summary>The titles of <paramref name="passages"/>, in order of first appearance.</summary>
    public static IReadOnlyList<SectionTitle> Of(IEnumerable<Passage> passages)
    {
        // Counted as the passages stream by, so large notes are never held at once.
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var passage in passages)
        {
            if (string.IsNullOrWhiteSpace(passage.Section))
            {
                continue;
            }

            var title = passage.Section.Trim();
            if (counts.TryGetValue(title, out var count))
            {
                counts[title] = count + 1;
            }
            else
            {
                counts[title] = 1;
                order.Add(title);
            }
        }

        return order.Select(title => new SectionTitle(title, counts[title])).ToList();
    }
}

/// <summary>
/// The team's notes, indexed and answerable. Thread-safe: questions may be asked while a reload runs;
/// they are answered by the old index until the new one is swapped in.
/// </summary>
public interface IKnowledgeBase
{
    /// <summary>Answers a question from the notes; never throws for odd input.</summary>
    Answer Ask(string question);

    /// <summary>The passages of the index that serves now, in the notes' order (for the quiz generator). Large
    /// notes make this large: read once a reload, at the first use.</summary>
    IReadOnlyList<Passage> Passages { get; }

    /// <summary>The section titles of the notes (trimmed, one per title ignoring case) with how many passages each
    /// has: suggestions and autocomplete read these rather than every passage. The same list until a reload.</summary>
    IReadOnlyList<SectionTitle> SectionTitles => SectionTitle.Of(Passages);

    /// <summary>What is loaded now.</summary>
    KnowledgeStats Stats { get; }

    /// <summary>Why no notes are loaded (the folder and what was wrong with it), or null when notes are loaded.</summary>
    string? NotLoadedReason => null;

    /// <summary>Re-reads the knowledge folder, builds a new index beside the live one and swaps it in.
    /// On failure the old index keeps serving and the report says why.</summary>
    Task<ReloadReport> ReloadAsync(CancellationToken cancellationToken);

    /// <summary>Which path answers now: "semantic" once the passages are embedded, else "lexical" (and why).</summary>
    string AnswerPath => "lexical";

    /// <summary>Raised after a successful swap (the quiz bank listens to refresh its questions).</summary>
    event EventHandler<ReloadReport>? Reloaded;
}
