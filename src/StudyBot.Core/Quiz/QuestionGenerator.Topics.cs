using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Topic items (<see cref="QuizQuestionKind.Topic"/>, issue 11, twenty-sixth session), stages 1 to 4 for one more kind:
/// the topics of the notes' files and sections (<see cref="TopicUnits"/>: a page's front-matter label, its one top
/// heading or its file name; a section title under a parent heading; a heading over labelled parts, <see cref="LayoutUnits"/>),
/// a line that opens with its own topic and a verb
/// (<see cref="TopicPredicate"/>: "Arrays hold values of the same type at contiguous memory locations."), asked without
/// it ("Which of these holds values of the same type at contiguous memory locations?") among the topics of its sibling
/// files in the folder or sibling sections under the parent heading (<see cref="FromTopics"/>). Prose in everyday words
/// gave no blank: the key stage wants a rare name in the line, never the file's own topic (docs/quiz.md, "How many
/// questions each set of notes gives"). In: the files' candidate facts and sections. Out: <see cref="Candidate"/>s, which
/// go through <see cref="Check"/> and the item-quality model like every other kind.
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>A topic's family needs the key and three wrong topics: with fewer, a learner eliminates two choices and
    /// is left a coin flip, which <see cref="Assemble"/> refuses for a blank or a definition as well.</summary>
    private const int MinTopicFamily = Distractors + 1;

    /// <summary>The share of the sibling topics' pages (or sections) a word of the line may be written in and still tell
    /// the key from them. A line whose every content word half the family also writes ("… among the most common data
    /// structures in coding interviews") is one any sibling could say: the notes' pages on a stack and a queue say it of
    /// theirs. Half: the words a whole family shares (data, structure, interview, element) are written in most of its
    /// pages, a characterising one ("contiguous", "last in first out") in one or two.</summary>
    private const double FamilyWordShare = 0.5;

    /// <summary>How many words of the line must be ones the family does not share (<see cref="FamilyWordShare"/>) for it
    /// to characterise its topic. One is chance: "Arrays are among the most common data structures encountered during
    /// interviews" has "encountered", which few of the handbook's pages write, and says what every sibling could; "hold
    /// values of the same type at contiguous memory locations" has "contiguous", "memory" and "locations".</summary>
    private const int MinCharacterisingWords = 2;

    /// <summary>The share of a line's content words that a sibling's page may hold before the line may be true of that
    /// sibling as well: the bar <see cref="WrongTitles"/> holds a wrong section title to.</summary>
    private const double SiblingBodyShare = 0.6;

    /// <summary>Front-matter keys that name a page's topic, best first (a docs site's sidebar label is the short name;
    /// its title often adds "cheatsheet for coding interviews").</summary>
    private static readonly string[] TopicKeys = ["sidebar_label", "title"];

    /// <summary>A file or section and its topic: the key of the lines that open with it.</summary>
    /// <param name="Family">The folder (files) or the parent heading (sections): the topics asked beside each other.</param>
    /// <param name="Section">For a section, its heading as the passages carry it; null for a whole file.</param>
    /// <param name="Body">Content stems of the whole file or section.</param>
    /// <param name="Lines">The unit's lines of text, one line each.</param>
    /// <param name="Layout">The topic is a heading written as labelled parts (<see cref="LayoutUnits"/>): its lines are
    /// those of the parts under it, and a part's line may speak of it as "It" or open with its verb.</param>
    internal sealed record TopicUnit(string Topic, string Family, string File, string? Section, HashSet<string> Body, IReadOnlyList<string> Lines, bool Layout = false)
    {
        /// <summary>True when the passage is one of this unit's lines: of its file, or of its section, or of a part
        /// under its heading.</summary>
        public bool Holds(Passage passage) =>
            Layout ? passage.File == File && passage.HeadingPath.Count >= 2 && passage.HeadingPath[^2] == Section
            : Section == passage.Section;
    }

    /// <summary>The topics of the notes' files (a family per folder) and of their sections that name a thing (a family per
    /// parent heading), only in families of <see cref="MinTopicFamily"/> or more.</summary>
    private static List<TopicUnit> TopicUnits(
        IEnumerable<(string File, List<Passage> Passages, IReadOnlyList<string>? Lines)> files, IEnumerable<DefiningSection> sections, QuizCorpus corpus, QuizTrace? trace)
    {
        var units = new List<TopicUnit>();
        foreach (var (file, passages, lines) in files)
        {
            var topic = FileTopic(file, lines);
            var text = passages.Select(p => QuizText.OneLine(p.Text)).ToList();
            if (topic is null || !IsTopicName(topic, text, corpus) || !text.Any(t => QuizText.Reveals(t, topic)))
            {
                trace?.Note("topic", "a file with no name for a topic", file);
                continue;
            }

            var folder = file.Contains('/', StringComparison.Ordinal) ? file[..file.LastIndexOf('/')] : string.Empty;
            units.Add(new TopicUnit(topic, "folder\u001e" + folder, file, null, QuizText.ContentStems(string.Join(' ', text)), text));
        }

        // A heading that names an activity or an aspect of the page's subject ("Running Containers", "Docker Networking")
        // is no topic to ask, nor one to offer (<see cref="QuizCorpus.IsTopicHeading"/>).
        units.AddRange(sections.Where(s => s.Describes && !s.IsParent && !s.Labelled && s.Lines.Count > 0 && !corpus.IsTopicHeading(s.Title))
            .Select(s => new TopicUnit(s.Title, "heading\u001e" + s.Parent, s.Definition.File, s.Definition.Section, QuizText.ContentStems(string.Join(' ', s.Lines) + " " + s.Title), s.Lines)));

        // A part's label ("Wikipedia says" under a heading of its own) names no topic; the headings over such parts do.
        var layout = LayoutHeadings.SectionTitles(files.SelectMany(f => f.Passages), h => QuizText.Normalize(QuizText.OneLine(h)));
        units.RemoveAll(u => u.Section is not null && layout.Contains(QuizText.Normalize(u.Topic)));
        units.AddRange(LayoutUnits(files, layout, corpus));

        var families = units.GroupBy(u => u.Family, StringComparer.Ordinal).ToList();
        foreach (var small in families.Where(g => g.Select(u => QuizText.Normalize(u.Topic)).Distinct(StringComparer.Ordinal).Count() < MinTopicFamily).SelectMany(g => g))
        {
            trace?.Note("topic", "a family of fewer than four topics", $"{small.Topic} ({small.File})");
        }

        var kept = families.Where(g => g.Select(u => QuizText.Normalize(u.Topic)).Distinct(StringComparer.Ordinal).Count() >= MinTopicFamily).SelectMany(g => g).ToList();
        foreach (var u in kept)
        {
            trace?.Note("topic", u.Section is null ? "a file's topic" : "a section's topic", $"{u.Topic} ({u.File})");
        }

        return kept;
    }

    /// <summary>The topics of pages written as labelled parts: a page that writes each of its topics as the same parts
    /// ("Real world example", "In plain words", "Wikipedia says" under every pattern of a design-patterns page, a title
    /// the notes repeat under <see cref="LayoutHeadings.MinParents"/> parents or more, as the answers read it) has no line
    /// right under a topic's heading, so no section of <see cref="DefiningSections"/> names a pattern and the page gave no
    /// question (docs/quiz.md, "Sections under layout headings read as their parent's"). Each heading over such parts is
    /// a unit whose lines are its parts' lines, asked among the headings beside it (its family is the heading above it),
    /// the pictograph some pages open a heading with left out ("🏠 Simple Factory" → "Simple Factory").</summary>
    private static IEnumerable<TopicUnit> LayoutUnits(IEnumerable<(string File, List<Passage> Passages, IReadOnlyList<string>? Lines)> files, HashSet<string> layout, QuizCorpus corpus)
    {
        var all = files.SelectMany(f => f.Passages).Where(p => p.HeadingPath.Count >= 2).ToList();
        foreach (var parts in all.Where(p => layout.Contains(QuizText.Normalize(QuizText.OneLine(p.HeadingPath[^1]))))
            .GroupBy(p => HeadingKey(p.File, p.HeadingPath.Take(p.HeadingPath.Count - 1)), StringComparer.Ordinal))
        {
            var first = parts.First();
            var heading = first.HeadingPath[^2];
            var topic = WithoutPictograph(QuizText.OneLine(heading));
            if (topic.Length == 0 || layout.Contains(QuizText.Normalize(topic)) || !IsNameTitle(topic, corpus) || corpus.IsTopicHeading(topic))
            {
                continue;
            }

            var lines = parts.Where(p => p.Kind is PassageKind.Bullet or PassageKind.Paragraph).Select(p => QuizText.OneLine(p.Text)).ToList();
            var family = "heading\u001e" + HeadingKey(first.File, first.HeadingPath.Take(first.HeadingPath.Count - 2));
            yield return new TopicUnit(topic, family, first.File, heading, QuizText.ContentStems(string.Join(' ', lines) + " " + topic), lines, Layout: true);
        }
    }

    /// <summary>A heading without the pictograph it opens with ("💍 Singleton" → "Singleton"): the picture decorates
    /// the name and no learner would write it.</summary>
    internal static string WithoutPictograph(string heading)
    {
        var at = 0;
        foreach (var rune in heading.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.OtherSymbol or UnicodeCategory.NonSpacingMark or UnicodeCategory.Format
                or UnicodeCategory.EnclosingMark or UnicodeCategory.SpaceSeparator))
            {
                break;
            }

            at += rune.Utf16SequenceLength;
        }

        return heading[at..].Trim();
    }

    /// <summary>A part's line as said of its topic: the part speaks of the heading it is under, so "It provides a way to
    /// delegate …" and "Allows you to create …" (the verb first, the subject left out) say it of the topic, and "Composite
    /// pattern lets clients …" names it with the kind the heading above names ("Structural Design Patterns"). Any other
    /// line is returned as it is.</summary>
    internal static string AsSaidOf(string sentence, string topic, string family)
    {
        var words = QuizText.Words(sentence);
        if (words.Count < 2)
        {
            return sentence;
        }

        if (sentence.StartsWith("It ", StringComparison.Ordinal))
        {
            return topic + sentence[2..];
        }

        var verb = words[0].ToLowerInvariant();
        // "Lets take coffee for example" is "let's", not a verb said of the topic.
        if (char.IsUpper(words[0][0]) && verb.EndsWith('s') && QuizLexicon.Verbs.Contains(verb) && !QuizLexicon.FiniteVerbs.Contains(verb) && verb is not ("does" or "lets"))
        {
            return topic + " " + char.ToLowerInvariant(sentence[0]) + sentence[1..];
        }

        var kinds = QuizText.Words(family[(family.LastIndexOf('\u001f') + 1)..]).Select(w => w.ToLowerInvariant().TrimEnd('s')).ToHashSet(StringComparer.Ordinal);
        var named = Regex.Match(sentence, @"^(?<name>" + TopicNamePattern(topic) + @")\s+(?<kind>[A-Za-z]+)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return named.Success && kinds.Contains(named.Groups["kind"].Value.ToLowerInvariant().TrimEnd('s'))
            ? named.Groups["name"].Value + sentence[(named.Groups["kind"].Index + named.Groups["kind"].Length)..]
            : sentence;
    }

    /// <summary>The most words a file's topic may have when <see cref="IsNameTitle"/>, a test for headings, refuses it: a
    /// noun phrase of three words or fewer ("Linked list", whose "list" it reads as a verb).</summary>
    private const int MaxTopicWords = 3;

    /// <summary>True when a file's topic names a thing: a heading that does (<see cref="IsNameTitle"/>), or a short noun
    /// phrase of letters that the page itself writes after an article ("a linked list", "the hash table") and that no
    /// organising word makes a part of the page ("Introduction", "Summary").</summary>
    internal static bool IsTopicName(string topic, IReadOnlyList<string> text, QuizCorpus? corpus = null)
    {
        if (IsNameTitle(topic, corpus))
        {
            return true;
        }

        var words = QuizText.Words(topic);
        if (words.Count is 0 or > MaxTopicWords || !char.IsUpper(topic[0]) || !topic.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'')
            || words.Any(w => QuizLexicon.GenericHeadingWords.Contains(w) || QuizLexicon.OrganisingWords.Contains(w)))
        {
            return false;
        }

        var name = TopicNamePattern(topic);
        var pattern = new Regex(@"\b(?:a|an|the)\s+" + name + @"(?:s|es)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return text.Any(pattern.IsMatch);
    }

    /// <summary>A file's topic: its front matter's sidebar label or title, else its one top heading ("# Array"), else its
    /// file name in words ("linked-list.md" → "Linked list"); null for a file of another kind of name (digits, a
    /// README). Whether it names a thing is <see cref="IsNameTitle"/>'s to say.</summary>
    internal static string? FileTopic(string file, IReadOnlyList<string>? lines)
    {
        if (!IsContentFile(file))
        {
            return null;
        }

        if (lines is not null && FrontMatter.Value(FrontMatter.Block(lines), TopicKeys) is { } label)
        {
            return label;
        }

        var tops = lines?.Where(l => l.StartsWith("# ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList() ?? [];
        if (tops.Count == 1)
        {
            return QuizText.OneLine(tops[0]);
        }

        var name = Path.GetFileNameWithoutExtension(file.Split('/')[^1]).Replace('-', ' ').Replace('_', ' ').Trim();
        return name.Length > 0 && name.All(c => char.IsLetter(c) || c == ' ') ? QuizText.Capitalize(name) : null;
    }

    /// <summary>The line's subject as written and what it says of it in the words "Which of these" takes, when the line
    /// opens with the topic (an article before it, a plural, an acronym or gloss in brackets after it) and a verb:
    /// "Arrays hold values …" → "holds values …". A plural subject's verb is said of one ("are" → "is", "hold" →
    /// "holds"), unless "are" is followed by a plural noun ("Tries are special trees"), which "Which of these are" keeps.
    /// Null when the topic is not the subject ("In an array, …", "Interval questions are …"), no verb follows it, or the
    /// predicate says too little (fewer than three content words) to point at one topic.</summary>
    internal static (string Subject, string Predicate)? TopicPredicate(string line, string topic)
    {
        var text = QuizText.OneLine(line).Trim();

        // A line in lower case is an item that continues a lead-in ("- the hardware has been available long enough …"
        // under "A device works well when:"): the subject is not the topic but one case of it.
        if (text.Length == 0 || !char.IsUpper(text[0]))
        {
            return null;
        }

        var name = TopicNamePattern(topic);
        if (name.Length == 0)
        {
            return null;
        }

        var plural = topic.EndsWith('y') ? "|" + Regex.Escape(topic[..^1]) + "ies" : string.Empty;
        var m = Regex.Match(
            text,
            @"^(?:(?:a|an|the)\s+)?(?<subject>(?:" + name + @")(?<plural>s|es" + plural + @")?)(?:\s*\([^)]*\))?\s+(?<adverb>[a-z]+ly\s+)?(?<verb>[a-z']+)\s+(?<rest>.+?)[.!]?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        if (!m.Success)
        {
            return null;
        }

        var verb = m.Groups["verb"].Value;
        var isPlural = m.Groups["plural"].Success && m.Groups["plural"].Length > 0;
        var rest = m.Groups["rest"].Value.Trim();
        var known = QuizLexicon.Verbs.Contains(verb) || QuizLexicon.Auxiliaries.Contains(verb) || QuizLexicon.Modals.Contains(verb);
        var looksFinite = verb.All(char.IsLower) && !QuizLexicon.StopWords.Contains(verb) && !QuizLexicon.Determiners.Contains(verb)
            && !verb.EndsWith("ed", StringComparison.Ordinal) && !verb.EndsWith("ing", StringComparison.Ordinal) && !verb.EndsWith("ly", StringComparison.Ordinal);
        // "Interval questions are …": a word the lexicon knows as a verb right after the one read as the verb makes that
        // one a noun the topic modifies.
        var next = QuizText.FirstWord(rest);
        looksFinite &= !QuizLexicon.Verbs.Contains(next) && !QuizLexicon.Auxiliaries.Contains(next) && !QuizLexicon.Modals.Contains(next);
        var finite = known || (looksFinite && (isPlural
            ? !verb.EndsWith('s')
            : verb.EndsWith('s') && !verb.EndsWith("ss", StringComparison.Ordinal) && !verb.EndsWith("us", StringComparison.Ordinal) && !verb.EndsWith("is", StringComparison.Ordinal)));
        // "Phishing can also lead victims to …": said as well of something the notes named before, perhaps a sibling.
        // "Arrays are among the most common data structures …": said of a class the siblings are members of too.
        if (!finite || QuizText.ContentStems(m.Groups["adverb"].Value + verb + " " + rest).Count < MinBlankContext
            || QuizText.Words(rest).Take(2).Append(verb).Any(QuizLexicon.AdditiveWords.Contains)
            || QuizLexicon.MembershipOpeners.Any(o => rest.StartsWith(o + " ", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var said = isPlural && !KeepsPlural(verb, rest) ? Singular(verb) : verb;
        var predicate = (m.Groups["adverb"].Value + said + " " + rest).Trim();
        return (m.Groups["subject"].Value, predicate);

        // "Tries are special trees …": "is special trees" would not be English; "is assessed by their impact" neither.
        static bool KeepsPlural(string verb, string rest)
        {
            var words = QuizText.Words(rest);
            return words.Any(QuizLexicon.PluralPronouns.Contains)
                || (verb.Equals("are", StringComparison.OrdinalIgnoreCase) && words.Count >= 2 && !QuizLexicon.Determiners.Contains(words[0])
                    && !QuizLexicon.StopWords.Contains(words[0]) && !words[0].EndsWith("ly", StringComparison.Ordinal)
                    && (words[0].EndsWith('s') || words[1].EndsWith('s')));
        }
    }

    /// <summary>A present-tense verb said of a plural subject, said of one ("are" → "is", "hold" → "holds").</summary>
    private static string Singular(string verb) => verb.ToLowerInvariant() switch
    {
        "are" => "is",
        "were" => "was",
        "have" => "has",
        "do" => "does",
        "aren't" => "isn't",
        "weren't" => "wasn't",
        "don't" => "doesn't",
        var v when QuizLexicon.Modals.Contains(v) || QuizLexicon.Auxiliaries.Contains(v) => verb,
        var v when v.EndsWith('y') && v.Length > 2 && !"aeiou".Contains(v[^2], StringComparison.Ordinal) => verb[..^1] + "ies",
        var v when v.EndsWith('s') || v.EndsWith('x') || v.EndsWith('z') || v.EndsWith("sh", StringComparison.Ordinal) || v.EndsWith("ch", StringComparison.Ordinal) || v.EndsWith('o') => verb + "es",
        _ => verb + "s",
    };

    /// <summary>Topic items of one file: each candidate fact that opens with the topic of its file or of its section
    /// (<see cref="TopicPredicate"/>), asked as "Which of these …?" among the sibling topics (<see cref="WrongTopics"/>).
    /// A line whose every content word half the siblings' pages also write (<see cref="FamilyWordShare"/>) could be said
    /// of any of them and is not asked.</summary>
    private static IEnumerable<Candidate> FromTopics(
        List<(Passage Passage, string Text)> facts, string file, IReadOnlyList<string>? fileLines, List<TopicUnit> units, QuizCorpus corpus, KindSimilarity kinds, QuizTrace? trace)
    {
        var own = units.Where(u => u.File == file).ToList();
        if (own.Count == 0)
        {
            yield break;
        }

        // Each unit's siblings once, not again for every line of the file.
        var siblingsOf = own.ToDictionary(unit => unit, unit => units
            .Where(u => u.Family == unit.Family && QuizText.Normalize(u.Topic) != QuizText.Normalize(unit.Topic)).ToList());
        foreach (var (passage, text) in facts)
        {
            if (IsLinkListItem(passage, fileLines))
            {
                trace?.Note("topic-line", "a link list", text);
                continue;
            }

            // A short paragraph is one fact of several sentences ("Arrays are among … Questions which ask …"): the first
            // says what the line's subject is; the ones after it go on about something else.
            var sentence = Sentences.Of(text) is [var first, _, ..] ? first.Trim() : text;
            foreach (var unit in own.Where(u => u.Section is null ? !UnderAnotherName(passage, u.Topic, corpus) : u.Holds(passage)))
            {
                if (TopicPredicate(unit.Layout ? AsSaidOf(sentence, unit.Topic, unit.Family) : sentence, unit.Topic) is not { } said)
                {
                    trace?.Note("topic-line", "does not open with its topic and a verb", $"{unit.Topic}: {text}");
                    continue;
                }

                var siblings = siblingsOf[unit];
                var stems = QuizText.ContentStems(said.Predicate);
                stems.ExceptWith(QuizText.ContentStems(unit.Topic));
                if (stems.Count(s => siblings.Count(u => u.Body.Contains(s)) < FamilyWordShare * siblings.Count) < MinCharacterisingWords)
                {
                    trace?.Note("topic-line", "any sibling could say it", $"{unit.Topic}: {text}");
                    continue;
                }

                trace?.Note("topic-line", "opens with its topic", $"{unit.Topic}: {text}");
                var question = $"Which of these {said.Predicate}?";
                // A part's line does not name its topic: the citation starts at the topic's heading, which a reveal shows.
                var titleLine = unit.Layout ? FindTitleLine(fileLines, unit.Section!, passage.LineStart) : passage.LineStart;
                if (titleLine == 0)
                {
                    trace?.Note("topic-line", "its topic's heading is too far above it", $"{unit.Topic}: {text}");
                    continue;
                }

                var citation = new Citation(passage.File, unit.Layout ? unit.Section! : passage.Section, titleLine, passage.LineEnd, text);
                var c = Assemble(
                    QuizQuestion.MakeId(passage.File, passage.LineStart.ToString(), passage.LineEnd.ToString(), nameof(QuizQuestionKind.Topic), text),
                    QuizQuestionKind.Topic, question, question, string.Empty, unit.Topic, WrongTopics(unit, siblings, sentence, said.Predicate, corpus, kinds),
                    $"{unit.Topic} — {sentence}", citation, said.Subject, minWrong: Distractors);
                if (c is null)
                {
                    trace?.Note("topic-wrong", "too few fair sibling topics", $"{unit.Topic}: {text}");
                    continue;
                }

                var why = Check(c, corpus, kinds);
                trace?.Note("topic-check", why ?? "passed", $"{question} [{string.Join(" | ", c.Question.Choices)}] key {unit.Topic}");
                if (why is null)
                {
                    // The item model's kind signals read bare names by their everyday senses ("Flyweight" beside
                    // "Composite": 0.15) and mark such items down as choices of another kind; here the notes' structure
                    // vouches for the kind. Like a command's, the item is asked from the reserve, after every scored one.
                    yield return unit.Layout ? c with { ReserveOnly = true, Unrated = true } : c;
                }
            }
        }
    }

    /// <summary>A topic as a pattern of its words, each escaped, with spaces or hyphens between them ("Linked list" also
    /// reads "linked-list"): how a line, a page or a sibling's page writes the topic.</summary>
    private static string TopicNamePattern(string topic) =>
        string.Join(@"[\s-]+", topic.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Regex.Escape));

    /// <summary>The content words two pages (or sections) share, over all the words either has (Jaccard).</summary>
    internal static double BodyOverlap(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var shared = a.Count(b.Contains);
        var union = a.Count + b.Count - shared;
        return union == 0 ? 0 : shared / (double)union;
    }

    /// <summary>The most words a line may say outside its link and still be a link list's item ("[Arrays](./array.md) - a
    /// guide"): a pointer to a page, not a statement about a thing.</summary>
    private const int MaxWordsBesideLink = 3;

    /// <summary>True when a line of the passage is a link and little else: an item of a link list, whose link text a
    /// parser reads as a sentence ("- [Arrays hold values of one type](./array.md)").</summary>
    internal static bool IsLinkListItem(Passage passage, IReadOnlyList<string>? fileLines)
    {
        if (fileLines is null || passage.LineStart < 1 || passage.LineEnd > fileLines.Count)
        {
            return false;
        }

        return Enumerable.Range(passage.LineStart, passage.LineEnd - passage.LineStart + 1).Select(l => fileLines[l - 1]).Any(l =>
            MarkdownLinkRegex().IsMatch(l) && QuizText.WordCount(MarkdownLinkRegex().Replace(l, " ")) <= MaxWordsBesideLink);
    }

    /// <summary>A markdown link, "[text](target)".</summary>
    [GeneratedRegex(@"\[[^\]]*\]\([^)\s]*\)")]
    private static partial Regex MarkdownLinkRegex();

    /// <summary>True when a line sits under a heading that names a thing other than its file's topic ("The firewall can
    /// inspect the full content …" under "3. Proxy Firewall (Application Gateway)" on a page on firewalls, its number aside): the line speaks of
    /// that thing, and a sibling topic ("Proxy Servers") may be what it says as well. A generic heading ("Introduction")
    /// names nothing; "Firewalls" on the page on firewalls names its topic.</summary>
    private static bool UnderAnotherName(Passage passage, string topic, QuizCorpus corpus)
    {
        var heading = QuizText.WithoutEnumerator(QuizText.OneLine(passage.Section));
        var (h, t) = (QuizText.Normalize(heading), QuizText.Normalize(topic));
        return heading.Length > 0 && h != t && !SingularAndPlural(h, t) && IsNameTitle(heading, corpus);
    }

    /// <summary>True when a sibling's own page (or section) says it is a kind of the key: a line that opens with the
    /// sibling and "is" or "are", and names the key before its first clause or preposition ("A heap is a specialized tree-based data structure …" for Tree, "A
    /// matrix is a 2-dimensional array" for Array). Whatever the line says of the key may be true of the sibling.</summary>
    private static bool SaysItIsAKindOf(TopicUnit sibling, string key)
    {
        var name = TopicNamePattern(sibling.Topic);
        var kind = new Regex(@"^(?:(?:a|an|the)\s+)?(?:" + name + @")(?:s|es)?\s+(?:is|are)\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return sibling.Lines.Any(l => kind.Match((Sentences.Of(l) is [var first, ..] ? first : l).Trim()) is { Success: true } m && QuizText.Reveals(Genus(m.Groups["rest"].Value), key));

        // What the sibling is, before what is said of it: "a weakness or flaw in a system … exploited by threats" is a
        // weakness, not a threat; "an array of characters" is an array.
        static string Genus(string rest) =>
            string.Join(' ', QuizText.Words(rest.Split(',')[0]).TakeWhile((w, i) => i == 0 || !(QuizLexicon.ClauseOpeners.Contains(w)
                || (QuizLexicon.DanglingEnds.Contains(w) && !QuizLexicon.Articles.Contains(w) && w is not ("and" or "or")))));
    }

    /// <summary>Wrong choices for a topic item: the sibling topics, none the cited line names or shares a word with (it
    /// may be what the line says as well: "A matrix is … an array of rows"), none that holds the key or is held by it, none
    /// whose own page or section holds most of the line's words (<see cref="SiblingBodyShare"/>) or says the line of
    /// itself by the model (<see cref="SameLine"/>), none that names an activity or an aspect of the key's subject beside it
    /// (<see cref="QuizCorpus.IsTopicHeading"/>: "Docker Networking" for Docker Compose), none whose own lines say it is a
    /// kind of the key (<see cref="SaysItIsAKindOf"/>); with the model, none of another kind (<see cref="KindSimilarity.OtherKind"/>).
    /// The likest first, so that data structures are asked with data structures: by the model's likeness of the two
    /// names plus the share of content words their pages have in common (<see cref="BodyOverlap"/>). The model alone
    /// reads bare one-word names by their everyday senses (on the interview handbook Array is 0.35 like Recursion, 0.2 like
    /// Linked list, 0.25 like Queue), so a folder that mixes kinds of pages would pair "Array" with "Recursion"; two pages
    /// on data structures share the words of their subject (element, index, insert, node).</summary>
    private static IEnumerable<Wrong> WrongTopics(TopicUnit key, List<TopicUnit> siblings, string cited, string predicate, QuizCorpus corpus, KindSimilarity kinds)
    {
        var stems = QuizText.ContentStems(predicate);
        var lineTokens = QuizText.Tokens(cited);
        lineTokens.ExceptWith(QuizText.Tokens(key.Topic));
        // Topics written as the same labelled parts are of one kind by how the notes write them (each pattern of a
        // patterns page); the model reads bare names ("Singleton", "Prototype": 0.15) by their everyday senses.
        return siblings.Where(u => u.Layout == key.Layout).GroupBy(u => QuizText.Normalize(u.Topic), StringComparer.Ordinal).Select(g => g.First())
            .Select(u => (Unit: u, Like: kinds.Similarity(key.Topic, u.Topic)))
            .Select(x => new Wrong(x.Unit.Topic, 1.0, () =>
                !QuizText.Reveals(cited, x.Unit.Topic) && !QuizText.Tokens(x.Unit.Topic).Overlaps(lineTokens)
                && !OneHoldsTheOther(x.Unit.Topic, key.Topic) && !corpus.IsTopicHeading(x.Unit.Topic, key.Topic) && !SaysItIsAKindOf(x.Unit, key.Topic)
                && x.Unit.Body.Count(stems.Contains) < SiblingBodyShare * Math.Max(2, stems.Count)
                && !SaysTheSame(x.Unit.Lines, x.Unit.Topic + " " + predicate, kinds)
                && (key.Layout || !(x.Like < KindSimilarity.OtherKind - 1e-9))
                && AreAlternatives(key.Topic, x.Unit.Topic, kinds), 0, (x.Like ?? 0) + BodyOverlap(key.Body, x.Unit.Body)));
    }
}
