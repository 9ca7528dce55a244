using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Stage 1 for definitions: the sections whose title names a thing (<see cref="DefiningSections"/>), with the line
/// right under the title that defines it when there is one (<see cref="IsDefiningLine"/>), and sections written under a
/// heading that is their sibling moved up beside it (<see cref="WithHeadingSiblings"/>). In: a file's passages and
/// lines. Out: <see cref="DefiningSection"/>s, whose titles are the keys of definitions and contrasts, the wrong titles
/// of other sections' questions and short keys of blanks.
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>The most words a definition's own subject may have before its "is a", "means" or "refers to": a longer
    /// opening is a clause ("Another way to set variables is by …"), not a term being defined.</summary>
    private const int MaxSubjectWords = 4;

    /// <summary>A section whose title names a thing, with its first defining line right under the title
    /// (<paramref name="Defines"/>), or without one: then it only lends its title as a wrong choice.</summary>
    /// <param name="Body">Content stems of the whole section: how alike two sections are.</param>
    private sealed record DefiningSection(string Title, Passage Definition, string DefinitionText, int TitleLine, string Parent, bool Defines, HashSet<string> Body)
    {
        public string Root => QuizCorpus.Root(Definition.File);

        /// <summary>The title's first word, lower case.</summary>
        public string FirstWord { get; } = QuizText.FirstWord(Title).ToLowerInvariant();

        /// <summary>How many titles of each corpus root open with each word (key: root, U+001F, word).</summary>
        public IReadOnlyDictionary<string, int> FirstWordCounts { get; init; } = new Dictionary<string, int>();

        /// <summary>True when the first word is a name ("ReAct"), not an English word the notes also write in lower case
        /// ("Dedicated Hosts", "Dedicated Instances" are two things of one kind).</summary>
        public bool FirstWordIsName { get; init; }

        /// <summary>True when the section opens with words (<see cref="Defines"/>, or a line that cannot be quoted as a
        /// definition): its title names a thing, not a heading over a diagram or a table.</summary>
        public bool Describes { get; init; } = Defines;

        /// <summary>True when other headings sit under this one: a topic that gathers things, not one of them.</summary>
        public bool IsParent { get; init; }

        /// <summary>True when the section sits under a heading it is a sibling of (<see cref="WithHeadingSiblings"/>).</summary>
        public bool Adopted { get; init; }

        /// <summary>True for a term a line defines after a bold label (<see cref="LabelledDefinitions"/>), not a heading.</summary>
        public bool Labelled { get; init; }

        /// <summary>True for a term a line defines as its bold subject ("**Stock** is …"), which a guide writes where the
        /// term comes up, one under each heading: it is asked among its file's other bold subjects
        /// (<see cref="LabelledGroup"/>), each of which must be of its kind, not among the labels of one list.</summary>
        public bool BoldSubject { get; init; }

        /// <summary>The terms a labelled definition is asked among: its list's labels, or its file's bold subjects.</summary>
        public string LabelledGroup => BoldSubject ? Definition.File + "\u001d" : Parent;

        /// <summary>The section's lines of text (bullets and paragraphs), one line each.</summary>
        public IReadOnlyList<string> Lines { get; init; } = [];

        /// <summary>The passages of <see cref="Lines"/>, in the same order: where each line is in the file.</summary>
        public IReadOnlyList<Passage> Items { get; init; } = [];

        /// <summary>The headings above this section, normalized: what it is a kind or a part of.</summary>
        public IReadOnlySet<string> Ancestors { get; init; } = Definition.HeadingPath.Take(Math.Max(0, Definition.HeadingPath.Count - 1))
            .Select(h => QuizText.Normalize(QuizText.OneLine(h))).ToHashSet(StringComparer.Ordinal);
    }

    private static List<DefiningSection> DefiningSections(List<Passage> filePassages, IReadOnlyList<string>? fileLines, QuizCorpus corpus)
    {
        var result = new List<DefiningSection>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in filePassages.GroupBy(p => p.Section, StringComparer.Ordinal))
        {
            var heading = QuizText.OneLine(section.Key);
            var title = IsNameTitle(heading, corpus) && !corpus.IsTopicHeading(heading) ? heading : NameInBrackets(heading);
            if (title is null || !seen.Add(QuizText.Normalize(title)))
            {
                continue;
            }

            var parent = HeadingKey(section.First().File, section.First().HeadingPath.Take(Math.Max(0, section.First().HeadingPath.Count - 1)));
            var body = QuizText.Stems(string.Join(' ', section.Select(p => p.Text)) + " " + title);
            var definition = section
                .Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph)
                .Take(3)
                .FirstOrDefault(p => IsDefiningLine(QuizText.OneLine(p.Text), title) && !HasNestedList(p, fileLines));

            // The definition must sit right under its title: a line further down may belong to another topic that
            // the parser attached to this section (an https line keyed as "Hardware Security Module").
            var titleLine = definition is null ? 0 : FindTitleLine(fileLines, heading, definition.LineStart);

            var items = section.Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph).ToList();
            var lines = items.Select(p => QuizText.OneLine(p.Text)).ToList();

            // A title line that ends with a colon leads into a list ("Latency-sensitive applications:", "Key points about
            // packet routing:"): its items are examples or points of it, not what it is, and the lead-in is no name to
            // offer as a choice either (outside rating of 2026-11-30, C15 and C17).
            // Checked on the section's first line too when none defines it: a lead-in is no wrong title either.
            var leadLine = definition?.LineStart ?? items.FirstOrDefault()?.LineStart ?? 0;
            var leadTitleLine = definition is not null ? titleLine : leadLine == 0 ? 0 : FindTitleLine(fileLines, heading, leadLine);
            if (leadTitleLine > 0 && LeadsIntoList(fileLines!, leadTitleLine, leadLine, corpus.IsCommonWord))
            {
                result.Add(new DefiningSection(title, section.First(), string.Empty, 0, parent, Defines: false, body) { Describes = false, Lines = lines, Items = items });
                continue;
            }

            if (definition is null || titleLine == 0 || !RightUnderTitle(fileLines!, titleLine, definition.LineStart))
            {
                // A section that opens with words names a thing even when no line of it can be quoted as its
                // definition ("Anycast …" too long, "BGP": "- Type: path vector"), unlike a heading over a diagram or a
                // table ("Mode Diagram", "Categories of Routing Protocols", "Common Communication Protocols").
                var describes = section.OrderBy(p => p.LineStart).First().Kind is not (PassageKind.Code or PassageKind.TableRow);
                result.Add(new DefiningSection(title, section.First(), string.Empty, 0, parent, Defines: false, body) { Describes = describes, Lines = lines, Items = items });
                continue;
            }

            result.Add(new DefiningSection(title, definition, QuizText.OneLine(definition.Text), titleLine, parent, Defines: true, body) { Lines = lines, Items = items });
        }

        return result;
    }

    /// <summary>Sections written under a heading that are the heading's siblings, not its parts: notes that open a
    /// topic with "# Elastic Container Service" and its lines, then go on with "Elastic Kubernets Service" as a plain
    /// line over its own list, put the second under the first, though the two are parallel things to tell apart. A
    /// section is moved up beside the heading over it when that heading defines itself with lines of its own above
    /// it and the two names are of one family (<see cref="NamesOfOneFamily"/>) with neither holding the other: a part
    /// of a topic is named after it ("Application Load Balancer" under "Load Balancer") or not at all ("Docker" under
    /// "Container Services").</summary>
    private static List<DefiningSection> WithHeadingSiblings(List<DefiningSection> sections)
    {
        var byHeading = sections.Where(s => s.Describes && s.Items.Count > 0)
            .GroupBy(s => HeadingKey(s.Definition.File, s.Definition.HeadingPath), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return sections.Select(s =>
        {
            var path = s.Definition.HeadingPath;
            if (path.Count < 2
                || !byHeading.TryGetValue(HeadingKey(s.Definition.File, path.Take(path.Count - 1)), out var over)
                || over.Definition.LineStart >= s.Definition.LineStart
                || !SameKindOfName(over.Title, s.Title) || OneHoldsTheOther(over.Title, s.Title))
            {
                return s;
            }

            return s with
            {
                Parent = over.Parent,
                Adopted = true,
                Ancestors = s.Ancestors.Where(a => a != QuizText.Normalize(over.Title)).ToHashSet(StringComparer.Ordinal),
            };
        }).ToList();
    }

    /// <summary>The most lines a definition may sit below its title: one blank line between them.</summary>
    private const int MaxTitleGap = 2;

    /// <summary>True when the definition sits right under its title: at most one line between them, or only blank lines
    /// and reference links ("[Brooks' Law on Wikipedia](…)") — a pointer to a source says nothing of the thing, so the
    /// quotation under it is still the first thing the section says (reference pages such as Hacker Laws put a link
    /// between every law and its statement).</summary>
    internal static bool RightUnderTitle(IReadOnlyList<string> fileLines, int titleLine, int definitionLine)
    {
        if (definitionLine - titleLine <= MaxTitleGap)
        {
            return true;
        }

        var between = Enumerable.Range(titleLine + 1, definitionLine - titleLine - 1).Select(l => fileLines[l - 1].Trim()).ToList();
        return between.Any(l => l.Length > 0) && between.All(l => l.Length == 0 || ReferenceLinkRegex().IsMatch(l));
    }

    /// <summary>A line that is one markdown link and nothing else, bullets or emphasis aside.</summary>
    [GeneratedRegex(@"^(?:[-*+]\s+)?[*_]*\[[^\]]+\]\([^)\s]+\)[*_]*$")]
    private static partial Regex ReferenceLinkRegex();

    /// <summary>True when the title line ends with a colon (emphasis aside), is written in common nouns, and the line
    /// below it is a list item: a lead-in to a list, not a heading that names a thing.</summary>
    /// <param name="isCommonWord">The notes' own usage (<see cref="QuizCorpus.IsCommonWord"/>): a label capitalised in
    /// every word ("**Risks:**", "**Flows to Domain 4 (Access)**:") is in common nouns when each of its words is a common
    /// word by the notes; null reads the title's own casing only.</param>
    internal static bool LeadsIntoList(IReadOnlyList<string> fileLines, int titleLine, int itemLine, Func<string, bool>? isCommonWord = null)
    {
        var title = fileLines[titleLine - 1].Replace("*", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        var item = fileLines[itemLine - 1].TrimStart();

        // In common nouns ("applications", "points about packet routing"): a class the list gives members of. A name
        // with a colon ("> **EBS:**", "STS (Security Token Service):", "ReAct Cycle:") is a label heading over its own
        // properties. Outside rating 16 (U11, U16): capitalised labels over lists of points ("Risks:", "Flows to Domain 4
        // (Access):") offered as titles, which name a part of the page, not a subject.
        return title.EndsWith(':') && (QuizText.LowerContentWords(QuizText.WithoutBrackets(title)) >= 1 || InCommonWords(QuizText.WithoutBrackets(title), isCommonWord))
            && (item.StartsWith("- ", StringComparison.Ordinal) || item.StartsWith("* ", StringComparison.Ordinal) || item.StartsWith("+ ", StringComparison.Ordinal)
                || (item.Length > 2 && char.IsDigit(item[0]) && item[1] == '.'));
    }

    /// <summary>True when every word of <paramref name="title"/> with letters is a common word by the notes' own usage
    /// (<see cref="QuizCorpus.IsCommonWord"/>), numbers aside: English words capitalised as a label, no name among them.</summary>
    private static bool InCommonWords(string title, Func<string, bool>? isCommonWord)
    {
        var words = QuizText.Words(title.TrimEnd(':')).Where(w => w.Any(char.IsLetter)).ToList();
        return isCommonWord is not null && words.Count > 0
            && words.All(w => w.All(char.IsLower) || QuizLexicon.StopWords.Contains(w) || (!QuizText.IsAcronym(w) && isCommonWord(w)));
    }

    /// <summary>True when the quoted line defines a term of its own that is not the key: it opens with a subject of at
    /// most <see cref="MaxSubjectWords"/> words and "is a/an/the", "are a/an/the", "means", "refers to", "stands for" or
    /// "is defined as", and that subject shares no word with the title, is not its acronym or expansion, and is not
    /// another name of it by the model (<see cref="KindSimilarity.NearDuplicate"/>): "Bootstrapping means launching
    /// commands when a machine starts" under "EC2 User Data" (outside rating of 2026-11-30, C3).</summary>
    internal static bool DefinesAnotherTerm(string quote, string title, KindSimilarity kinds)
    {
        var words = QuizText.Words(quote);
        for (var i = 1; i <= MaxSubjectWords && i + 1 < words.Count; i++)
        {
            var verb = words[i].ToLowerInvariant();
            var next = words[i + 1].ToLowerInvariant();
            var copula = verb is "means" or "stands" || (verb == "refers" && next == "to")
                || (verb is "is" or "are" && next is "a" or "an" or "the" or "defined" or "called");
            if (!copula)
            {
                continue;
            }

            // The subject is the words before the verb, with nothing between them but spaces ("X, Y is a" is a list).
            var at = quote.IndexOf(words[i], StringComparison.Ordinal);
            var head = quote[..Math.Max(0, at)];
            if (head.IndexOfAny([',', ':', '.', ';', '(', '—']) >= 0)
            {
                return false;
            }

            var subject = string.Join(' ', words.Take(i).SkipWhile(w => w.ToLowerInvariant() is "a" or "an" or "the"));
            return subject.Length > 0
                && !QuizText.Tokens(subject).Overlaps(QuizText.Tokens(title))
                && !QuizText.Reveals(subject, title) && !QuizText.Reveals(title, subject)
                && !(kinds.Similarity(subject, title) >= KindSimilarity.NearDuplicate - 1e-9);
        }

        return false;
    }

    /// <summary>The name a descriptive heading gives in brackets at its end ("Amazon S3 managed keys (SSE-S3)",
    /// "Customer provided keys (SSE-C)" → SSE-S3, SSE-C), or null. The words before the brackets describe the thing
    /// (and fail <see cref="IsNameTitle"/> as a phrase with a verb); the acronym in brackets is what it is called, the
    /// choice a learner has to tell from its siblings. Acronyms with a digit or a hyphen only: "(AWS)" or "(TCP)" after a
    /// phrase glosses a word of it rather than naming the section.</summary>
    internal static string? NameInBrackets(string heading)
    {
        var trimmed = heading.TrimEnd();
        var name = QuizText.Brackets(trimmed).LastOrDefault();
        return name is not null && trimmed.EndsWith("(" + name + ")", StringComparison.Ordinal) && QuizText.IsAcronym(name)
            && name.Any(c => char.IsDigit(c) || c == '-') && QuizText.WithoutBrackets(trimmed).Length > 0
            ? name
            : null;
    }

    /// <summary>A heading that names a thing (not "Best practices", "Phases", "Capacity = …", "2.3 Establishing …").</summary>
    internal static bool IsNameTitle(string title, QuizCorpus? corpus = null)
    {
        if (!QuizText.IsNamingTitle(title) || QuizText.WordCount(title) > 5 || title.IndexOfAny(['=', ':', '|', '!', '"', ',', ';']) >= 0
            || char.IsDigit(title[0]) || char.IsLower(title[0]) || title.EndsWith('.') || QuizText.OpensWithEnumerator(title))
        {
            return false;
        }

        if (QuizLexicon.PronounStarts.Contains(QuizText.FirstWord(title)))
        {
            return false;
        }

        // "Deploy some pods to test", "Defining a Gen AI Agent": an instruction or an activity, not a name.
        var words = QuizText.Words(title);
        if (words.Count >= 2 && char.IsLower(words[1][0])
            && (QuizLexicon.ImperativeStarts.Contains(words[0]) || (words[0].EndsWith("ing", StringComparison.Ordinal) && QuizLexicon.DanglingEnds.Contains(words[1]))))
        {
            return false;
        }

        // "Defining Conditions", "Choosing the Right Cable": the gerund of an instruction names an activity.
        if (words.Count >= 2 && words[0].Length > 5 && words[0].EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            && (QuizLexicon.ImperativeStarts.Contains(words[0][..^3]) || QuizLexicon.ImperativeStarts.Contains(words[0][..^3] + "e")))
        {
            return false;
        }

        // A title with a verb or a dangling end is a sentence cut short ("ASGs have the following attributes",
        // "Vertex AI simplifies this with"), not a name.
        if (QuizLexicon.DanglingEnds.Contains(words[^1]) || words.Skip(1).Any(w => QuizLexicon.Verbs.Contains(w)
            || (w.Length >= 5 && w.All(char.IsLower) && (w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal)))))
        {
            return false;
        }

        return !words.Any(QuizLexicon.OrganisingWords.Contains)
            && !words.All(w => QuizLexicon.GenericHeadingWords.Contains(w) || w.All(char.IsDigit))
            && corpus?.IsCommonTitle(title) != true;
    }

    internal static bool IsDefiningLine(string text, string title, int maxLength = MaxChoiceLength) =>
        text.Length <= maxLength
        && !QuizText.HasOwnLabel(text)
        && !StartsWithAnotherTerm(text, title)
        && QuizText.LowerContentWords(text) >= 2
        && QuizText.FirstWord(text) is var first
        && !QuizLexicon.PronounStarts.Contains(first)
        && !QuizLexicon.ImperativeStarts.Contains(first)
        && !QuizLexicon.ReaderInstructions.Contains(first)
        && !QuizLexicon.Modals.Contains(first)
        && IsStatementOrPhrase(text)
        && !SpeaksOfUnnamedSubject(text)
        && !QuizText.Reveals(text, title);

    /// <summary>The most words before a line's subject pronoun for the line to open with it: an adverbial of two words
    /// ("by default it is", "once created they can"). Further in, the pronoun has its noun in the line ("Stations
    /// transmit whenever they have data").</summary>
    private const int MaxLeadBeforePronoun = 2;

    /// <summary>True when a line opens with "it" or "they" as its subject ("by default it is not encrypted"): a clause about a
    /// thing named elsewhere — a default, a property — that says nothing of what the thing is; asked as "Which of these is
    /// described as …", any of the choices could be "it" (outside rating 5, S6).</summary>
    internal static bool SpeaksOfUnnamedSubject(string text)
    {
        var words = QuizText.Words(text);
        return Enumerable.Range(0, Math.Min(MaxLeadBeforePronoun + 1, Math.Max(0, words.Count - 1)))
            .Any(i => QuizLexicon.SubjectPronouns.Contains(words[i]) && QuizLexicon.Verbs.Contains(words[i + 1]));
    }

    /// <summary>True for a line that opens with a term its title does not hold ("EC2 instances run the ECS agent"
    /// under "ECS Clusters", "RDS databases are usually deployed …" under "RDS Security"): a fact about that term, not
    /// what the title is; asking which title it sits under is asking for the notes' layout.</summary>
    private static bool StartsWithAnotherTerm(string text, string title)
    {
        // "The delta+ means the indicated atom is electron deficient" under "Polar bonds": the line says what its own
        // subject, a sign of a figure, means (outside ratings 62, P6, and 63, R14: "asks which heading a caption sits under").
        if (ExplainsItsSubject().Match(text) is { Success: true } explained
            && !QuizText.Stems(explained.Groups["subject"].Value).Overlaps(QuizText.Stems(title)))
        {
            return true;
        }

        var first = QuizText.FirstWord(text);
        if (first.Length == 0 || !QuizText.Terms(first).Any())
        {
            return false;
        }

        var titleWords = QuizText.Words(title);
        return !titleWords.Any(w => string.Equals(w, first, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A line that says what its own subject means: an article, one or two words, and "means", "stands for",
    /// "refers to", "denotes", "represents" or "indicates".</summary>
    [GeneratedRegex(@"^(?:the|a|an)\s+(?<subject>\S+(?:\s+\S+)?)\s+(?:means|stands\s+for|refers\s+to|denotes|represents|indicates)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplainsItsSubject();

    /// <summary>A heading of a file as sections, families and parents key it: the file and the headings down to it. Two
    /// sections are siblings when their parents' keys are equal, so every writer of a family builds it here.</summary>
    internal static string HeadingKey(string file, IEnumerable<string> path) => file + "\u001e" + string.Join('\u001f', path);

    /// <summary>A definition may be a phrase ("Threat detection service that …"), but never a fragment.</summary>
    private static bool IsStatementOrPhrase(string text)
    {
        var words = QuizText.Words(text);
        if (words.Count < 4 || QuizText.LooksLikeQuestion(text) || IsMarkupOrReference(text) || text.Contains('|', StringComparison.Ordinal)
            || text.Contains("://", StringComparison.Ordinal) || text.Contains("](", StringComparison.Ordinal))
        {
            return false;
        }

        var last = text.TrimEnd()[^1];
        return last is not (':' or ',' or ';' or '-' or '(' or '/')
            && !text.Contains(": -", StringComparison.Ordinal) && text.Split(": ").Length <= 2
            && !QuizLexicon.DanglingEnds.Contains(words[^1])
            && !QuizLexicon.ContinuationStarts.Contains(words[0])
            && text.Count(c => c == '(') == text.Count(c => c == ')');
    }

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
}
