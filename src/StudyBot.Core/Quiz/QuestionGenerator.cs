using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Makes multiple-choice questions from indexed passages, with no hand-written bank: Q&amp;A pairs become yes/no or
/// multiple-choice questions, definition sections become "Which service …?" (and "Which statement describes …?"),
/// facts become fill-in-the-blank. Every question is checked against its cited lines when the file can be read:
/// the lines must contain the correct answer's text or key term, and the choices must be distinct.
/// </summary>
public static class QuestionGenerator
{
    private const int MaxChoiceLength = 160;
    private const int Distractors = 3;

    /// <summary>Generates questions, best kinds first, in a stable order.</summary>
    /// <param name="passages">The indexed passages (all files).</param>
    /// <param name="readLines">Returns a file's lines (relative path as in <see cref="Passage.File"/>), or null when
    /// it cannot be read; used to cite section titles and to check every question against its cited lines.</param>
    public static IReadOnlyList<QuizQuestion> Generate(IReadOnlyList<Passage> passages, Func<string, IReadOnlyList<string>?>? readLines = null)
    {
        var lines = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        IReadOnlyList<string>? Lines(string file)
        {
            if (readLines is null)
            {
                return null;
            }

            if (!lines.TryGetValue(file, out var l))
            {
                l = readLines(file);
                lines[file] = l;
            }

            return l;
        }

        var result = new List<QuizQuestion>();
        foreach (var file in passages.GroupBy(p => p.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var filePassages = file.OrderBy(p => p.LineStart).ToList();
            var fileLines = Lines(file.Key);
            var sections = DefiningSections(filePassages, fileLines);
            var candidates = new List<QuizQuestion>();
            candidates.AddRange(FromQuestionAnswers(filePassages, sections));
            candidates.AddRange(FromDefinitions(sections));
            candidates.AddRange(FromFacts(filePassages, sections));
            result.AddRange(candidates.Where(q => IsSound(q, fileLines)));
        }

        return result
            .GroupBy(q => q.Id, StringComparer.Ordinal).Select(g => g.First())
            .GroupBy(q => QuizText.Normalize(q.Text), StringComparer.Ordinal).Select(g => g.First())
            .ToList();
    }

    /// <summary>Exactly one correct choice, no two equal choices, and the cited lines hold the key term.</summary>
    internal static bool IsSound(QuizQuestion q, IReadOnlyList<string>? fileLines)
    {
        if (q.Choices.Count < 2 || q.AnswerIndex < 0 || q.AnswerIndex >= q.Choices.Count)
        {
            return false;
        }

        if (q.Choices.Select(QuizText.Normalize).Distinct(StringComparer.Ordinal).Count() != q.Choices.Count
            || q.Choices.Any(c => QuizText.Normalize(c).Length == 0))
        {
            return false;
        }

        if (fileLines is null)
        {
            return QuizText.ContainsNormalized(q.Explanation, q.KeyTerm);
        }

        if (q.Citation.LineStart < 1 || q.Citation.LineEnd > fileLines.Count || q.Citation.LineEnd < q.Citation.LineStart)
        {
            return false;
        }

        var cited = string.Join('\n', fileLines.Skip(q.Citation.LineStart - 1).Take(q.Citation.LineEnd - q.Citation.LineStart + 1));
        return QuizText.ContainsNormalized(cited, q.KeyTerm);
    }

    /// <summary>A section whose title names a thing, with its first defining line.</summary>
    private sealed record DefiningSection(string Title, Passage Definition, string DefinitionText, int TitleLine);

    private static List<DefiningSection> DefiningSections(List<Passage> filePassages, IReadOnlyList<string>? fileLines)
    {
        var result = new List<DefiningSection>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in filePassages.GroupBy(p => p.Section, StringComparer.Ordinal))
        {
            var title = QuizText.OneLine(section.Key);
            if (!QuizText.IsNamingTitle(title) || !seen.Add(QuizText.Normalize(title)))
            {
                continue;
            }

            var definition = section
                .Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph)
                .Take(3)
                .FirstOrDefault(p => IsDefiningLine(QuizText.OneLine(p.Text), title));
            if (definition is null)
            {
                continue;
            }

            var titleLine = FindTitleLine(fileLines, title, definition.LineStart);
            result.Add(new DefiningSection(title, definition, QuizText.OneLine(definition.Text), titleLine));
        }

        return result;
    }

    private static bool IsDefiningLine(string text, string title) =>
        text.Length <= MaxChoiceLength
        && QuizText.WordCount(text) >= 4
        && !QuizText.LooksLikeQuestion(text)
        && !text.Contains("://", StringComparison.Ordinal)
        && !QuizText.ContainsNormalized(text, title);

    /// <summary>The line of the section title above a passage (0 when it cannot be found).</summary>
    private static int FindTitleLine(IReadOnlyList<string>? fileLines, string title, int below)
    {
        if (fileLines is null)
        {
            return 0;
        }

        var wanted = QuizText.Normalize(title);
        for (var line = below - 1; line >= 1 && line >= below - 12; line--)
        {
            var text = QuizText.Normalize(QuizText.OneLine(fileLines[line - 1]));
            if (text == wanted || (text.Length > 0 && text.Contains(wanted, StringComparison.Ordinal) && text.Length <= wanted.Length + 8))
            {
                return line;
            }
        }

        return 0;
    }

    private static IEnumerable<QuizQuestion> FromQuestionAnswers(List<Passage> filePassages, List<DefiningSection> sections)
    {
        foreach (var p in filePassages.Where(p => p.Kind == PassageKind.QuestionAnswer && p.Question is not null && p.AnswerText is not null))
        {
            var question = QuizText.OneLine(p.Question!);
            var answer = QuizText.OneLine(p.AnswerText!);
            if (question.Length == 0 || answer.Length == 0)
            {
                continue;
            }

            var shown = question.TrimEnd('?', ' ') + "?";
            var citation = new Citation(p.File, p.Section, p.LineStart, p.LineEnd, QuizText.OneLine(p.Text));
            var explanation = $"{shown} — {answer}";
            var polarity = Polarity(answer);
            if (polarity is not null)
            {
                yield return new QuizQuestion(
                    QuizQuestion.MakeId(p.File, p.LineStart.ToString(), p.LineEnd.ToString(), nameof(QuizQuestionKind.YesNo)),
                    QuizQuestionKind.YesNo,
                    QuizText.Capitalize(shown),
                    ["Yes", "No"],
                    polarity.Value ? 0 : 1,
                    explanation,
                    citation,
                    QuizText.FirstWord(answer));
                continue;
            }

            if (answer.Length > MaxChoiceLength || QuizText.WordCount(answer) < 2)
            {
                continue;
            }

            var id = QuizQuestion.MakeId(p.File, p.LineStart.ToString(), p.LineEnd.ToString(), nameof(QuizQuestionKind.QuestionAnswer));
            var cited = p.Text + " " + p.Section;
            var distractors = sections
                .Where(s => s.Definition.LineStart != p.LineStart)
                .Select(s => s.DefinitionText)
                .Where(d => !SharesMeaning(d, cited) && !QuizText.ContainsNormalized(p.Text, d))
                .ToList();
            var q = Build(id, QuizQuestionKind.QuestionAnswer, QuizText.Capitalize(shown), answer, distractors, explanation, citation, answer);
            if (q is not null)
            {
                yield return q;
            }
        }
    }

    private static IEnumerable<QuizQuestion> FromDefinitions(List<DefiningSection> sections)
    {
        foreach (var s in sections.Where(s => s.TitleLine > 0))
        {
            var p = s.Definition;
            var citation = new Citation(p.File, p.Section, s.TitleLine, p.LineEnd, s.DefinitionText);
            var explanation = $"{s.Title} — {s.DefinitionText}";
            var citedText = s.Title + " " + s.DefinitionText;

            var titles = sections
                .Where(o => !ReferenceEquals(o, s))
                .Select(o => o.Title)
                .Where(t => !SharesMeaning(t, citedText))
                .ToList();
            var noun = s.Title.Contains("service", StringComparison.OrdinalIgnoreCase)
                || s.Title.StartsWith("AWS", StringComparison.OrdinalIgnoreCase)
                || s.Title.StartsWith("Amazon", StringComparison.OrdinalIgnoreCase)
                ? "service" : "of these";
            var text = noun == "service"
                ? $"Which service do the notes describe as “{s.DefinitionText}”?"
                : $"Which of these is described in the notes as “{s.DefinitionText}”?";
            var definition = Build(
                QuizQuestion.MakeId(p.File, s.TitleLine.ToString(), p.LineEnd.ToString(), nameof(QuizQuestionKind.Definition)),
                QuizQuestionKind.Definition, text, s.Title, titles, explanation, citation, s.Title);
            if (definition is not null)
            {
                yield return definition;
            }

            var statements = sections
                .Where(o => !ReferenceEquals(o, s))
                .Select(o => o.DefinitionText)
                .Where(d => !SharesMeaning(d, citedText))
                .ToList();
            var description = Build(
                QuizQuestion.MakeId(p.File, s.TitleLine.ToString(), p.LineEnd.ToString(), nameof(QuizQuestionKind.Description)),
                QuizQuestionKind.Description, $"What do the notes say about {s.Title}?", s.DefinitionText, statements,
                explanation, citation, s.DefinitionText);
            if (description is not null)
            {
                yield return description;
            }
        }
    }

    private static IEnumerable<QuizQuestion> FromFacts(List<Passage> filePassages, List<DefiningSection> sections)
    {
        var facts = filePassages
            .Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph or PassageKind.TableRow)
            .Select(p => (Passage: p, Text: QuizText.OneLine(p.Text)))
            .Where(f => f.Text.Length <= 220 && QuizText.WordCount(f.Text) >= 4 && !QuizText.LooksLikeQuestion(f.Text))
            .ToList();

        // Terms: acronyms and CamelCase names from the lines, plus short section titles that appear in them.
        var titles = sections.Select(s => s.Title).Where(t => QuizText.WordCount(t) <= 3).ToList();
        var termsOf = facts.ToDictionary(
            f => f.Passage,
            f => QuizText.Terms(f.Text)
                .Concat(titles.Where(t => QuizText.Mask(f.Text, t) != f.Text))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList());
        var frequency = termsOf.Values.SelectMany(t => t)
            .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var pool = frequency.Keys.ToList();

        foreach (var (p, text) in facts)
        {
            var terms = termsOf[p];
            if (terms.Count == 0)
            {
                continue;
            }

            var term = terms.OrderBy(t => frequency[t]).ThenByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).First();
            var masked = QuizText.Mask(text, term);
            if (masked == text || !masked.Contains("_____", StringComparison.Ordinal))
            {
                continue;
            }

            var context = p.Text + " " + p.Section;
            var distractors = pool
                .Where(t => !QuizText.ContainsNormalized(context, t)
                    && !QuizText.ContainsNormalized(t, term) && !QuizText.ContainsNormalized(term, t))
                .ToList();
            var q = Build(
                QuizQuestion.MakeId(p.File, p.LineStart.ToString(), p.LineEnd.ToString(), nameof(QuizQuestionKind.FillInTheBlank)),
                QuizQuestionKind.FillInTheBlank,
                $"Fill in the blank ({p.Section}): “{masked}”",
                term,
                distractors,
                text,
                new Citation(p.File, p.Section, p.LineStart, p.LineEnd, text),
                term);
            if (q is not null)
            {
                yield return q;
            }
        }
    }

    /// <summary>Picks up to three distractors in a stable pseudo-random order and shuffles the choices the same way.
    /// Null when fewer than two distractors are left.</summary>
    private static QuizQuestion? Build(
        string id, QuizQuestionKind kind, string text, string correct, IEnumerable<string> candidates,
        string explanation, Citation citation, string keyTerm)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { QuizText.Normalize(correct) };
        var distractors = new List<string>();
        foreach (var d in candidates.OrderBy(c => QuizText.OrderKey(id, c), StringComparer.Ordinal))
        {
            if (d.Length > MaxChoiceLength || !taken.Add(QuizText.Normalize(d)))
            {
                continue;
            }

            distractors.Add(d);
            if (distractors.Count == Distractors)
            {
                break;
            }
        }

        if (distractors.Count < 2)
        {
            return null;
        }

        var choices = distractors.Append(correct).OrderBy(c => QuizText.OrderKey(id + ":order", c), StringComparer.Ordinal).ToList();
        return new QuizQuestion(id, kind, text, choices, choices.IndexOf(correct), explanation, citation, keyTerm);
    }

    /// <summary>True when a distractor shares a content word with the cited text, so it might also be true.</summary>
    private static bool SharesMeaning(string distractor, string cited) => QuizText.Stems(distractor).Overlaps(QuizText.Stems(cited));

    /// <summary>Yes (true), no (false) or neither (null), from the first word of an answer.</summary>
    internal static bool? Polarity(string answer)
    {
        var first = QuizText.FirstWord(answer).ToLowerInvariant();
        return first switch
        {
            "yes" or "yeah" or "yep" or "true" or "correct" => true,
            "no" or "nope" or "false" or "cannot" or "can't" or "never" => false,
            _ => null,
        };
    }
}
