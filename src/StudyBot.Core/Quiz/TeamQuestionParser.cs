using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Reads the team's own questions from <c>*.quiz.md</c> files (format in docs/quiz.md):
/// a <c>## question</c> heading, task-list choices (<c>- [x] right</c>, <c>- [ ] wrong</c>), an optional
/// <c>&gt; explanation</c> quote and an optional <c>Source: file.md#L10-L12</c> line. Bad entries are reported and
/// skipped; the rest of the file still counts. A <c>Replaces:</c> line before the first question names generated
/// questions (by id) that the file stands in for (<see cref="TeamQuestionWriter"/>).
/// </summary>
public static partial class TeamQuestionParser
{
    /// <summary>The file name pattern of team quiz files.</summary>
    public const string FilePattern = "*.quiz.md";

    /// <summary>The most choices a question may have: the platforms label choices A to J.</summary>
    public const int MaxChoices = 10;

    /// <summary>Opens an entry's line that cites the notes (<c>Source: file.md#L10-L12</c>).</summary>
    public const string SourceLabel = "Source:";

    /// <summary>Opens the line, before a file's first question, that names the generated questions the file replaces.</summary>
    public const string ReplacesLabel = "Replaces:";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseTaskLists().Build();

    /// <summary>Parses every <c>*.quiz.md</c> under <paramref name="folder"/>, recursively.</summary>
    /// <param name="sectionOf">Finds the section of cited lines (file, first line, last line), or null.</param>
    /// <param name="replaced">Receives the ids of the generated questions the files' <c>Replaces:</c> lines name.</param>
    /// <param name="read">Receives the quiz files read, relative to the folder.</param>
    /// <param name="generated">The questions generated from the notes (bank and reserve), against which the entries'
    /// <c>generated</c> comments are checked: an entry that asks one's words without the comment, or whose comment
    /// names one with other words and another answer, is reported.</param>
    public static (IReadOnlyList<QuizQuestion> Questions, IReadOnlyList<QuizFileIssue> Issues) ParseFolder(
        string folder, Func<string, int, int, string?>? sectionOf = null, ICollection<string>? replaced = null, ICollection<string>? read = null,
        IEnumerable<QuizQuestion>? generated = null)
    {
        var questions = new List<QuizQuestion>();
        var issues = new List<QuizFileIssue>();
        if (!Directory.Exists(folder))
        {
            return (questions, issues);
        }

        var asked = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        var ids = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);

        // "Source: ports.md" for notes/ports.md: the path is the notes folder's, so name the one file the teacher meant
        // (the notes are listed only when a source is missing).
        var noteFiles = new Lazy<List<string>>(() => NotesLoader.Scan(folder, NotesLoader.IsNoteFile).Files.Select(f => f.Relative).ToList());
        string? Suggest(string source) =>
            noteFiles.Value.Where(f => string.Equals(Path.GetFileName(f), Path.GetFileName(source), StringComparison.OrdinalIgnoreCase)).ToList() is [var only] ? only : null;

        // The notes loader's scan: links that leave the notes folder are not followed, as for the notes themselves.
        var (files, skipped) = NotesLoader.Scan(folder, f => f.EndsWith(NotesLoader.QuizFileSuffix, StringComparison.OrdinalIgnoreCase));
        issues.AddRange(skipped.Where(s => s.File.EndsWith(NotesLoader.QuizFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(s => new QuizFileIssue(s.File, 0, s.Reason)));
        foreach (var (path, relative) in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(path, new UTF8Encoding(false, true));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                issues.Add(new QuizFileIssue(relative, 0, $"cannot be read: {e.Message}"));
                continue;
            }

            read?.Add(relative);
            var (q, i) = Parse(relative, text, sectionOf, f => QuestionBank.ReadLines(folder, f), replaced, asked, ids, Suggest);
            questions.AddRange(q);
            issues.AddRange(i);
        }

        issues.AddRange(GeneratedCommentIssues(questions, asked, ids, generated?.ToList() ?? []));
        return (questions, issues);
    }

    /// <summary>What the entries' <c>generated</c> comments get wrong against the questions generated now.</summary>
    private static IEnumerable<QuizFileIssue> GeneratedCommentIssues(
        List<QuizQuestion> entries, Dictionary<string, (string File, int Line)> asked, Dictionary<string, (string File, int Line)> ids, List<QuizQuestion> generated)
    {
        // An exported entry whose comment was deleted: its id is the file's and the stem's, so the channel and its
        // members start it without what they were asked of it (and a generated question no Replaces line names is
        // asked beside it). Only when no entry of the folder keeps that generated question's id.
        var byWords = generated.GroupBy(q => QuizText.Normalize(q.Text), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (stem, (file, line)) in asked)
        {
            if (byWords.GetValueOrDefault(stem) is { } lost && !ids.ContainsKey(lost.Id))
            {
                yield return new QuizFileIssue(file, line, $"the words of a generated question without its 'generated' comment: it is asked as a new question, and what the channel and its members were asked of it is not carried over; put '{TeamQuestionWriter.GeneratedComment(lost)}' back under the heading to keep it", Skipped: false);
            }
        }

        // A comment pasted under the wrong entry: the entry takes another question's history. A reworded stem or a
        // mended key is the teacher's right, so only both at once. A yes/no key says nothing of which question it
        // keys (two questions "Yes" alike), so there a stem that shares no word with the named one is enough.
        var byId = generated.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (byId.GetValueOrDefault(entry.Id) is { } named && ids.TryGetValue(entry.Id, out var at)
                && QuizText.Normalize(named.Text) != QuizText.Normalize(entry.Text)
                && (QuizText.Normalize(named.Answer) != QuizText.Normalize(entry.Answer) || (named.Kind == QuizQuestionKind.YesNo && !QuizText.Tokens(named.Text).Overlaps(QuizText.Tokens(entry.Text)))))
            {
                yield return new QuizFileIssue(at.File, at.Line, $"its 'generated' comment names the question \"{named.Text}\" (answer: {named.Answer}), whose history this entry takes; if it is not that question reworded, delete the comment", Skipped: false);
            }
        }
    }

    /// <summary>Parses one quiz file's text.</summary>
    /// <param name="readLines">Reads a notes file's lines, or null when it does not exist; when given, every
    /// <c>Source:</c> must name an existing file and lines within it.</param>
    /// <param name="replaced">Receives the ids of the generated questions the file's <c>Replaces:</c> line names.</param>
    public static (IReadOnlyList<QuizQuestion> Questions, IReadOnlyList<QuizFileIssue> Issues) Parse(
        string file, string markdown, Func<string, int, int, string?>? sectionOf = null, Func<string, IReadOnlyList<string>?>? readLines = null,
        ICollection<string>? replaced = null) => Parse(file, markdown, sectionOf, readLines, replaced, new(StringComparer.Ordinal), new(StringComparer.Ordinal), null);

    /// <param name="suggest">The notes file a missing source most likely means, or null.</param>
    /// <param name="asked">The stems read so far (this folder's files), with where: a question asked twice — a file
    /// copied beside itself — is asked once.</param>
    /// <param name="ids">The ids the folder's questions read so far have, with where: an entry's <c>generated</c>
    /// comment gives its question that id only once.</param>
    private static (IReadOnlyList<QuizQuestion> Questions, IReadOnlyList<QuizFileIssue> Issues) Parse(
        string file, string markdown, Func<string, int, int, string?>? sectionOf, Func<string, IReadOnlyList<string>?>? readLines,
        ICollection<string>? replaced, Dictionary<string, (string File, int Line)> asked, Dictionary<string, (string File, int Line)> ids, Func<string, string?>? suggest)
    {
        var questions = new List<QuizQuestion>();
        var issues = new List<QuizFileIssue>();
        var document = Markdown.Parse(markdown, Pipeline);
        var blocks = document.ToList();
        var beforeFirstQuestion = true;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not HeadingBlock { Level: >= 2 } heading)
            {
                if (beforeFirstQuestion && blocks[i] is ParagraphBlock top && InlineText(top.Inline) is var opening
                    && opening.StartsWith(ReplacesLabel, StringComparison.OrdinalIgnoreCase))
                {
                    ReadReplaces(file, top.Line + 1, opening[ReplacesLabel.Length..], replaced, issues);
                }

                continue;
            }

            beforeFirstQuestion = false;

            var body = new List<Block>();
            for (var j = i + 1; j < blocks.Count && blocks[j] is not HeadingBlock { Level: >= 2 } && blocks[j] is not HeadingBlock { Level: 1 }; j++)
            {
                body.Add(blocks[j]);
            }

            foreach (var late in body.OfType<ParagraphBlock>().Where(b => InlineText(b.Inline).StartsWith(ReplacesLabel, StringComparison.OrdinalIgnoreCase)))
            {
                issues.Add(new QuizFileIssue(file, late.Line + 1, "a Replaces line after the file's first question (it counts only before it)", Skipped: false));
            }

            var question = InlineText(heading.Inline);
            var line = heading.Line + 1;
            var lastLine = body.Count == 0 ? line : body.Max(b => LastLine(b));
            var entry = ParseEntry(file, markdown, question, line, lastLine, body, sectionOf, readLines, suggest, ids.ContainsKey, out var generatedId, out var reason);
            if (entry is not null && generatedId is null && BadGeneratedComment(markdown, body) is { } badComment)
            {
                // "<!-- generated yes/no 97b3a7a4827a11e -->" (a digit lost in editing) made the entry a new question
                // without a word, and the channel was asked it again.
                issues.Add(new QuizFileIssue(file, badComment, "a 'generated' comment this entry cannot use (it needs the kind and the 16-digit id, as the export writes it: '<!-- generated blank 0123456789abcdef -->'): the entry is asked as a new question", Skipped: false));
            }

            if (entry is null)
            {
                issues.Add(new QuizFileIssue(file, line, reason!));
            }
            else if (!asked.TryAdd(QuizText.Normalize(entry.Text), (file, line)))
            {
                var (firstFile, firstLine) = asked[QuizText.Normalize(entry.Text)];
                issues.Add(new QuizFileIssue(file, line, $"the same question as {firstFile} line {firstLine}, which is asked instead"));
            }
            else
            {
                if (generatedId is not null && entry.Id != generatedId && ids.TryGetValue(generatedId, out var first))
                {
                    // A copy of an entry to write a variant, or the export put in twice: only one of them can be the
                    // question the channel and its members were asked, and the other starts without a history.
                    issues.Add(new QuizFileIssue(file, line, $"the same generated question as {first.File} line {first.Line} (its 'generated' comment), which keeps that question's history: this one is asked as a new question; delete one of the two comments", Skipped: false));
                }

                ids.TryAdd(entry.Id, (file, line));
                questions.Add(entry);
            }
        }

        return (questions, issues);
    }

    private static QuizQuestion? ParseEntry(
        string file, string markdown, string question, int line, int lastLine, List<Block> body, Func<string, int, int, string?>? sectionOf,
        Func<string, IReadOnlyList<string>?>? readLines, Func<string, string?>? suggest, Func<string, bool> idTaken, out string? generatedId, out string? reason)
    {
        var fixedOrder = false;
        generatedId = null;
        reason = null;
        if (question.Length == 0)
        {
            reason = "the question heading is empty";
            return null;
        }

        var choices = new List<(string Text, bool Right)>();
        var explanation = new StringBuilder();
        Citation? citation = null;

        // A "Source:" or "Order: fixed" line; null when the text is neither, else the reason it is wrong ("" when right).
        string? Directive(string text, int at)
        {
            var m = SourceRegex().Match(text);
            if (m.Success)
            {
                // Digits past int's range ("#L99999999999") are no line of any file: a clear error, not an overflow.
                if (!int.TryParse(m.Groups["start"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                    || !int.TryParse(m.Groups["end"].Success ? m.Groups["end"].Value : m.Groups["start"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                    || end < start || start < 1)
                {
                    return $"line {at}: the source lines are not a range ({text[(text.IndexOf('#', StringComparison.Ordinal) + 1)..].Trim()})";
                }

                var source = m.Groups["file"].Value.Trim();
                IReadOnlyList<string>? lines = null;
                if (readLines is not null)
                {
                    lines = readLines(source);
                    if (lines is null)
                    {
                        return $"line {at}: the source file '{source}' does not exist"
                            + (suggest?.Invoke(source) is { } meant ? $" (did you mean '{meant}'? Paths start at the notes folder)" : string.Empty);
                    }

                    if (end > lines.Count)
                    {
                        return $"line {at}: {source} has {lines.Count} lines, the source cites L{start}-L{end}";
                    }
                }

                // The cited lines are quoted as they are in the notes; the explanation is the team's own words
                // and was quoted as if it were the notes' lines.
                var quoted = lines is null ? string.Empty : string.Join('\n', lines.Skip(start - 1).Take(end - start + 1)
                    .Select(QuizText.OneLine).Where(l => l.Length > 0));
                citation = new Citation(source, sectionOf?.Invoke(source, start, end) ?? string.Empty, start, end, quoted);
                return string.Empty;
            }

            if (OrderRegex().IsMatch(text))
            {
                fixedOrder = true;
                return string.Empty;
            }

            // "Source notes.md#L3-L5" (no colon) was read as a paragraph of the entry and dropped: the reveal then cited
            // the quiz file.
            return text.StartsWith(SourceLabel, StringComparison.OrdinalIgnoreCase) || SourceWithoutColonRegex().IsMatch(text)
                ? $"line {at}: write the source as 'Source: file.md#L10-L12'" : null;
        }

        foreach (var block in body)
        {
            switch (block)
            {
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
                        var task = paragraph?.Inline?.FirstChild as TaskList;
                        if (task is null)
                        {
                            reason = $"line {item.Line + 1}: a choice must be a task item, '- [x] right' or '- [ ] wrong'";
                            return null;
                        }

                        // "Source:" or "Order: fixed" written right under the last choice, with no blank line between,
                        // continues the choice's paragraph in markdown: read it as the line it is, not as choice text.
                        var raw = markdown.Substring(paragraph!.Span.Start, paragraph.Span.Length).Split('\n').Select(l => l.Trim()).ToList();
                        var directiveAt = raw.FindIndex(1, l => l.StartsWith(SourceLabel, StringComparison.OrdinalIgnoreCase) || OrderRegex().IsMatch(l));
                        if (directiveAt < 0)
                        {
                            choices.Add((InlineText(paragraph.Inline), task.Checked));
                            continue;
                        }

                        for (var k = directiveAt; k < raw.Count; k++)
                        {
                            if (Directive(raw[k], paragraph.Line + k + 1) is { Length: > 0 } wrong)
                            {
                                reason = wrong;
                                return null;
                            }
                        }

                        var alone = Markdown.Parse("- " + string.Join('\n', raw.Take(directiveAt)), Pipeline).Descendants<ParagraphBlock>().First();
                        choices.Add((InlineText(alone.Inline), task.Checked));
                    }

                    break;
                case QuoteBlock quote:
                    foreach (var p in quote.Descendants<ParagraphBlock>())
                    {
                        explanation.Append(explanation.Length > 0 ? " " : string.Empty).Append(InlineText(p.Inline));
                    }

                    break;
                case HtmlBlock html when GeneratedCommentRegex().Match(markdown.Substring(html.Span.Start, html.Span.Length)) is { Success: true } generated:
                    generatedId ??= generated.Groups["id"].Value.ToLowerInvariant();
                    break;
                case ParagraphBlock paragraph:
                    if (Directive(InlineText(paragraph.Inline), paragraph.Line + 1) is { Length: > 0 } bad)
                    {
                        reason = bad;
                        return null;
                    }

                    break;
                default:
                    break;
            }
        }

        if (choices.Count < 2)
        {
            reason = "a question needs at least two choices";
            return null;
        }

        if (choices.Count > MaxChoices)
        {
            reason = $"a question can have at most {MaxChoices} choices (this one has {choices.Count})";
            return null;
        }

        if (choices.Count(c => c.Right) != 1)
        {
            reason = "exactly one choice must be marked right with [x]";
            return null;
        }

        if (choices.Select(c => QuizText.Normalize(c.Text)).Distinct(StringComparer.Ordinal).Count() != choices.Count || choices.Any(c => c.Text.Length == 0))
        {
            reason = "two choices are the same (or one is empty)";
            return null;
        }

        if (choices.Any(c => c.Text.Length > 160))
        {
            reason = "a choice is longer than 160 characters";
            return null;
        }

        // An entry exported from a generated question (quiz --markdown: "<!-- generated blank 0123456789abcdef -->") is
        // that question still, reworded or not: it keeps its id, so the channel's history and each member's review
        // schedule carry over. With a new id, putting the export among the notes made every question the channel had
        // been asked a never-asked team question, and the rotation, which asks those first, asked them all again; and
        // mending a typo in a stem reset everyone's schedule. A second entry with the same comment (a copy to write a
        // variant) is a question of its own: file and stem, as every other entry.
        var id = generatedId is not null && !idTaken(generatedId) ? generatedId
            : QuizQuestion.MakeId(file, QuizText.Normalize(question), nameof(QuizQuestionKind.Team));

        // Shuffled (stably, so a reload keeps the order) unless the file says "Order: fixed": otherwise every
        // answer written second was posted as B. Yes/No keeps its natural order.
        if (!fixedOrder && !IsYesNo(choices))
        {
            choices = choices.OrderBy(c => QuizText.OrderKey(id + ":order", c.Text), StringComparer.Ordinal).ToList();
        }

        var answer = choices.FindIndex(c => c.Right);
        var why = explanation.Length > 0 ? explanation.ToString() : $"The answer is: {choices[answer].Text}.";
        citation = citation is { Snippet.Length: > 0 } ? citation : (citation ?? new Citation(file, question, line, lastLine, string.Empty)) with { Snippet = why };
        return new QuizQuestion(
            id,
            QuizQuestionKind.Team,
            question,
            choices.Select(c => c.Text).ToList(),
            answer,
            why,
            citation,
            choices[answer].Text);
    }

    /// <summary>The line of a comment in the entry that opens like the export's <c>generated</c> comment but is not one, or null.</summary>
    private static int? BadGeneratedComment(string markdown, List<Block> body) =>
        body.OfType<HtmlBlock>().Select(h => (h.Line, Text: markdown.Substring(h.Span.Start, h.Span.Length)))
            .Where(h => GeneratedOpeningRegex().IsMatch(h.Text) && !GeneratedCommentRegex().IsMatch(h.Text))
            .Select(h => (int?)(h.Line + 1)).FirstOrDefault();

    /// <summary>The ids of a <c>Replaces:</c> line: a bad one is reported and the line's good ones still count.</summary>
    private static void ReadReplaces(string file, int line, string ids, ICollection<string>? replaced, List<QuizFileIssue> issues)
    {
        foreach (var id in ids.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (GeneratedIdRegex().IsMatch(id))
            {
                replaced?.Add(id.ToLowerInvariant());
            }
            else
            {
                issues.Add(new QuizFileIssue(file, line, $"'{id}' in the Replaces line, which is no question id (16 hex digits, as quiz --json prints them); its other ids count", Skipped: false));
            }
        }
    }

    private static bool IsYesNo(List<(string Text, bool Right)> choices) =>
        choices.Count == 2 && choices.All(c => QuizLexicon.YesWords.Contains(c.Text) || QuizLexicon.NoWords.Contains(c.Text));

    private static int LastLine(Block block)
    {
        var last = block.Line;
        if (block is ContainerBlock container)
        {
            foreach (var child in container)
            {
                last = Math.Max(last, LastLine(child));
            }
        }
        else if (block is LeafBlock leaf && leaf.Lines.Count > 0)
        {
            last = Math.Max(last, leaf.Line + leaf.Lines.Count - 1);
        }

        return last + 1;
    }

    // Spaces collapsed only: OneLine's trim of bullet marks would eat the dashes of a choice such as "--force".
    private static string InlineText(ContainerInline? inline) => Lexicon.Spaces().Replace(NotesParser.PlainText(inline), " ").Trim();

    [GeneratedRegex(@"^Source:\s*(?<file>[^#\s][^#]*)#L(?<start>\d+)(?:-L?(?<end>\d+))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceRegex();

    [GeneratedRegex(@"^[0-9a-fA-F]{16}$")]
    private static partial Regex GeneratedIdRegex();

    /// <summary>A comment that opens as the export's <c>generated</c> one does.</summary>
    [GeneratedRegex(@"^<!--\s*generated\b", RegexOptions.IgnoreCase)]
    private static partial Regex GeneratedOpeningRegex();

    /// <summary>A source line written without its colon ("Source notes.md#L3-L5", "Source - notes.md#L3").</summary>
    [GeneratedRegex(@"^Source\b[^:]*#L\d", RegexOptions.IgnoreCase)]
    private static partial Regex SourceWithoutColonRegex();

    /// <summary>The comment <see cref="TeamQuestionWriter.Entry"/> writes under an exported entry's heading: the kind's
    /// name, then the generated question's id (a draft's note may follow).</summary>
    [GeneratedRegex(@"^<!--\s*generated\s+\S+\s+(?<id>[0-9a-fA-F]{16})(?![0-9a-fA-F])")]
    private static partial Regex GeneratedCommentRegex();

    [GeneratedRegex(@"^Order:\s*fixed\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OrderRegex();
}
