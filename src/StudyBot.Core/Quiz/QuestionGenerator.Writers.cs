using System.Text.RegularExpressions;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Stages 2 to 4 for each kind of question: a writer takes its stage-1 input, picks the key, gathers the wrong
/// choices, assembles the question and yields it when it passes the checks. <see cref="FromQuestionAnswers"/>: the
/// notes' own Q&amp;A pairs (yes/no, or the answer among other answers); <see cref="FromDefinitions"/>: a section's
/// defining line, its title among other titles or between two (<see cref="EitherOr"/>);
/// <see cref="FromContrasts"/>: a line of a section, between its title and a sibling's; <see cref="FromFacts"/>: a
/// blank in a candidate fact. For the reserve alone: <see cref="FromTables"/> (a table's row or compared columns) and
/// <see cref="FromGuidelines"/> (a rule book's numbered rules as yes/no). In: a file's passages, facts and sections.
/// Out: <see cref="Candidate"/>s, which <see cref="Write"/> concatenates file by file.
/// </summary>
public static partial class QuestionGenerator
{
    /// <summary>Content words a blank's sentence needs around the blank: "An ___ is different than a NAT" and "You have
    /// deployed a ___ using CloudFront" say too little to point at one answer.</summary>
    private const int MinBlankContext = 3;

    /// <summary>The family the one wrong title of a two-choice definition (<see cref="EitherOr"/>) needs: a sibling, or
    /// of the key's kind by the model (which counts as a sibling). From farther, "Monolithic" or "Envelope Encryption"
    /// for "Two levels of encryption" is told apart by topic alone.</summary>
    private const double MinSwapFamily = 1.0;

    /// <summary>The least model likeness (<see cref="KindSimilarity.Similarity"/>) between a line and a sibling section's
    /// line for the two to speak of one point (<see cref="FromContrasts"/>).</summary>
    internal const double ContrastFrame = 0.3;

    /// <summary>The most lines a section may have to lend a contrast: a longer one gathers many subjects under one
    /// heading ("Core Services", "Shared Security Model" in the AWS notes, 30 lines and more each), and its lines are
    /// about those, not about what its title names.</summary>
    private const int MaxContrastLines = 15;

    /// <summary>Contrasts asked of one section against one sibling: the rest repeat the same choice.</summary>
    private const int MaxContrastsPerPair = 2;

    private static IEnumerable<Candidate> FromQuestionAnswers(List<Passage> filePassages, List<DefiningSection> sections, QuizCorpus corpus)
    {
        var pairs = filePassages.Where(p => p.Kind == PassageKind.QuestionAnswer && p.Question is not null && p.AnswerText is not null).ToList();
        foreach (var p in pairs)
        {
            var question = QuizText.OneLine(p.Question!);
            var answer = QuizText.OneLine(p.AnswerText!);
            if (answer.Length == 0 || !IsAskable(question))
            {
                continue;
            }

            var shown = QuizText.Capitalize(QuizText.MendDoModal(question).TrimEnd('?', ' ') + "?");
            var citation = new Citation(p.File, p.Section, p.LineStart, p.LineEnd, QuizText.OneLine(p.Text));
            var explanation = $"{shown} — {answer}";
            var polarity = Polarity(answer);
            if (polarity is not null)
            {
                var yesNo = new QuizQuestion(
                    QuizQuestion.MakeId(p.File, p.LineStart.ToString(), p.LineEnd.ToString(), nameof(QuizQuestionKind.YesNo)),
                    QuizQuestionKind.YesNo, WithTopic(p, shown), ["Yes", "No"], polarity.Value ? 0 : 1, explanation, citation, QuizText.FirstWord(answer));
                yield return new Candidate(yesNo, shown, string.Empty, 1);
                continue;
            }

            // A question that wants a yes or a no, followed by a line that gives neither, is two sibling bullets
            // ("Can we prevent issues before they happen?" / "Performance and Cost"), not a question and its answer.
            if (Lexicon.YesNoOpeners.Contains(QuizText.FirstWord(question))
                || answer.Length > MaxChoiceLength || QuizText.WordCount(answer) < 2 || QuizText.LooksLikeQuestion(answer))
            {
                continue;
            }

            var others = pairs.Where(o => o != p).Select(o => (Text: QuizText.OneLine(o.AnswerText!), Tier: 1.0, Closeness: 0.0))
                .Concat(sections.Where(s => s.Defines && s.Definition.File == p.File).Select(s => (Text: s.DefinitionText, Tier: 0.5, Closeness: 0.0)));
            var wrong = WrongStatements(answer, p.Text, question, others);
            var id = QuizQuestion.MakeId(p.File, p.LineStart.ToString(), p.LineEnd.ToString(), nameof(QuizQuestionKind.QuestionAnswer));
            var c = Assemble(id, QuizQuestionKind.QuestionAnswer, shown, shown, string.Empty, answer, wrong, explanation, citation, answer);
            if (c is not null && Check(c, corpus) is null)
            {
                yield return c;
            }
        }
    }

    private static IEnumerable<Candidate> FromDefinitions(IEnumerable<DefiningSection> own, List<DefiningSection> all, QuizCorpus corpus, KindSimilarity kinds, QuizTrace? trace = null)
    {
        foreach (var s in own.Where(s => s.Defines))
        {
            if (DefinesAnotherTerm(s.DefinitionText, s.Title, kinds))
            {
                trace?.Note("definition", "the line defines another term", $"{s.Title}: {s.DefinitionText}");
                continue;
            }

            if (QuizLexicon.AboutThePage().IsMatch(s.DefinitionText))
            {
                // "In this section, we describe the basics of how stock and shares are used." under Stock and Shares says
                // what the page does next, not what its title is.
                trace?.Note("definition", "the line speaks of the page", $"{s.Title}: {s.DefinitionText}");
                continue;
            }

            var p = s.Definition;
            var citation = new Citation(p.File, p.Section, s.TitleLine, p.LineEnd, s.DefinitionText);
            var explanation = $"{s.Title} — {s.DefinitionText}";
            var cited = s.Title + " " + s.DefinitionText;

            var text = $"Which of these is described in the notes as “{s.DefinitionText}”?";
            var definition = Assemble(
                QuizQuestion.MakeId(p.File, s.TitleLine.ToString(), p.LineEnd.ToString(), nameof(QuizQuestionKind.Definition)),
                QuizQuestionKind.Definition, text, s.DefinitionText, string.Empty, s.Title, WrongTitles(s, all, cited, kinds),
                explanation, citation, s.Title, s.Labelled ? Distractors - 1 : Distractors);
            definition = definition is null ? null : WithoutGlosses(definition, kinds);
            var reason = definition is null ? null : Check(definition, corpus, kinds);
            if (definition is not null && reason is null)
            {
                trace?.Note("definition", "written", text);
                yield return definition;
            }
            else if (definition is null && EitherOr(s, all, cited, citation, explanation, corpus, kinds) is { } pair && WithoutGlosses(pair, kinds) is { } shown
                && Check(shown, corpus, kinds) is null)
            {
                trace?.Note("definition", "written between two", text);
                yield return shown;
            }
            else
            {
                trace?.Note("definition", reason ?? "too few fair wrong titles", text);
            }
        }
    }

    /// <summary>A definition with fewer than three fair wrong titles, asked between two instead: the right title and
    /// its closest fair sibling (not of another kind by the model, passing every check a wrong title passes), a choice
    /// that needs knowing the notes like a yes/no does. Null when no sibling is fair, or the definition would give its
    /// title away beside it.</summary>
    private static Candidate? EitherOr(
        DefiningSection s, List<DefiningSection> all, string cited, Citation citation, string explanation, QuizCorpus corpus, KindSimilarity kinds)
    {
        var pair = Assemble(
            QuizQuestion.MakeId(s.Definition.File, s.TitleLine.ToString(), s.Definition.LineEnd.ToString(), nameof(QuizQuestionKind.Definition)),
            QuizQuestionKind.Definition, $"Which of these is described in the notes as “{s.DefinitionText}”?", s.DefinitionText, string.Empty,
            s.Title, WrongTitles(s, all, cited, kinds, KindSimilarity.OtherKind), explanation, citation, s.Title, minWrong: 1, maxWrong: 1);
        if (pair is null || pair.Family < MinSwapFamily || Check(pair, corpus, kinds) is not null)
        {
            return null;
        }

        var wrong = pair.Question.Choices[1 - pair.Question.AnswerIndex];

        // Two names of no common family ("Monolithic", "Micro Services"; RBAC, ABAC) are told apart by what their words
        // mean, and the quote says it in other words ("smaller … bits" → Micro, "a single module" → Mono; outside rating 5,
        // S8, S9, C21). The sentence model does not see it: on review 5's two-choice definitions the key led the wrong
        // title by −0.05 to 0.10 in likeness to the quote, guessable and good alike.
        return NamesOfOneFamily(s.Title, wrong) ? pair : null;
    }

    /// <summary>Contrasts: a line of a section that names a thing, asked between that thing and the sibling whose own
    /// section says something else in the same frame ("Fully managed by AWS" under Elastic Container Service beside
    /// "Partially managed, user has flexibility" under Elastic Kubernetes Service; "to update you only stop a part of
    /// the code" under Micro Services beside "you need to stop the entire code" under Monolithic). The notes set the
    /// two side by side on this point, so the wrong choice is the one a learner has to know apart, and its line, shown
    /// at the reveal, says why it is wrong. A line the sibling's section also says (<see cref="SameLine"/> or more)
    /// is true of both and is not asked; a sibling with no line in the line's frame (under <see cref="ContrastFrame"/>)
    /// says nothing on the point, so the line might be true of it too. Both sections must open with a line that defines
    /// their title (<see cref="DefiningSection.Defines"/>): the fourteenth outside rating found the contrasts good when
    /// the two titles name two parallel things (TCP and UDP, Layer 4 and Layer 7, Pure and Slotted Aloha: 14 of the 19
    /// it rated between such sections) and broken when a title is a heading that gathers a list ("Encryption Methods",
    /// "S3 Security", "Control Plane"), whose bullets describe a third thing (KMS, an ACL, kube-scheduler: 12 of the 50
    /// others good). Of two names of one kind (<see cref="SameKindOfName"/>: "Elastic Container Service", "Elastic
    /// Kubernets Service"; "Spot Instances", "Reserved Instances") one may open with lines that say what it is like
    /// rather than what it is ("Exclusive to Amazon", "Fully managed by AWS"): the shared name says the two are
    /// parallel things, unless that section gathers lists of other things (<see cref="Gathers"/>); such a section
    /// offers no line that labels a thing of its own ("Bucket policies - …"). A line whose subject is "it" or "they"
    /// (<see cref="SpeaksOfUnnamedSubject"/>) could be said of either choice ("It is enabled at the bucket level").</summary>
    private static IEnumerable<Candidate> FromContrasts(
        IEnumerable<DefiningSection> own, List<DefiningSection> all, IReadOnlyList<string>? fileLines, QuizCorpus corpus, KindSimilarity kinds)
    {
        if (!kinds.Available || fileLines is null)
        {
            yield break;
        }

        foreach (var s in own.Where(s => s.Describes && !s.IsParent && s.Items.Count is > 0 and <= MaxContrastLines))
        {
            var gathers = Gathers(s, fileLines);
            var siblings = all.Where(o => !ReferenceEquals(o, s) && o.Parent == s.Parent
                    && ((o.Defines && s.Defines) || ((o.Defines || s.Defines) && !gathers && !Gathers(o, fileLines) && SameKindOfName(o.Title, s.Title)))
                    && o.Describes && !o.IsParent && o.Items.Count is > 0 and <= MaxContrastLines
                    && !SameSubject(s, o) && !OneHoldsTheOther(o.Title, s.Title)
                    && kinds.Similarity(s.Title, o.Title) is { } like && like >= KindSimilarity.OtherKind - 1e-9 && like < KindSimilarity.NearDuplicate - 1e-9
                    && AreAlternatives(s.Title, o.Title, kinds))
                .ToList();
            if (siblings.Count == 0)
            {
                continue;
            }

            var titleLine = FindTitleLine(fileLines, QuizText.OneLine(s.Definition.Section), s.Items[0].LineStart);
            if (titleLine == 0)
            {
                continue;
            }

            var written = new List<(Candidate Question, double Frame)>();
            foreach (var item in s.Items.Where(i => !HasNestedList(i, fileLines)))
            {
                // A line with no word in lower case is a name ("Amazon Kinesis Data Firehose"), not something said of one.
                var line = QuizText.OneLine(item.Text);
                if (line.Length > MaxChoiceLength || !IsStatementOrPhrase(line) || QuizText.LowerContentWords(line) == 0
                    || StartsWithAnotherTerm(line, s.Title) || SpeaksOfUnnamedSubject(line) || IsAboutTheCourse(line)
                    || (!s.Defines && QuizText.HasOwnLabel(line)) || IsSubItem(item, fileLines))
                {
                    continue;
                }

                var framed = siblings.Select(o => (Sibling: o, Nearest: o.Lines.Select(l => (Line: l, Like: kinds.Similarity(line, l) ?? 0)).MaxBy(x => x.Like))).ToList();
                if (framed.Any(x => x.Nearest.Like >= SameLine - 1e-9) || siblings.Any(o => WritesTheLine(o, line, fileLines)))
                {
                    continue;
                }

                var (wrong, (wrongLine, frame)) = framed.Where(x => x.Nearest.Like >= ContrastFrame - 1e-9)
                    .OrderByDescending(x => x.Nearest.Like).ThenBy(x => x.Sibling.Title, StringComparer.Ordinal).FirstOrDefault();
                if (wrong is null || QuizText.ContainsNormalized(line, wrong.Title) || QuizText.ContainsNormalized(wrongLine, s.Title)
                    || NamesTheOther(line, wrong.Title, s.Title))
                {
                    continue;
                }

                var id = QuizQuestion.MakeId(item.File, item.LineStart.ToString(), item.LineEnd.ToString(), nameof(QuizQuestionKind.Contrast));
                var citation = new Citation(item.File, item.Section, titleLine, item.LineEnd, line);
                var explanation = $"{s.Title} — {line} ({wrong.Title}: {wrongLine})";
                var c = Assemble(id, QuizQuestionKind.Contrast, $"Which of these two is described in the notes as “{line}”?", line, string.Empty, s.Title,
                    [new Wrong(wrong.Title, 1.0, Closeness: frame)], explanation, citation, s.Title, minWrong: 1, maxWrong: 1);
                if (c is not null && Check(c, corpus, kinds) is null)
                {
                    written.Add((c, frame));
                }
            }

            // The clearest contrasts of each pair (nearest in frame): a pair asked ten times over is one question.
            foreach (var (c, _) in written.GroupBy(w => w.Question.Question.Choices[1 - w.Question.Question.AnswerIndex], StringComparer.Ordinal)
                .SelectMany(g => g.OrderByDescending(w => w.Frame).ThenBy(w => w.Question.Question.Id, StringComparer.Ordinal).Take(MaxContrastsPerPair)))
            {
                yield return c;
            }
        }
    }

    /// <summary>True when a line of the file under another section, as written, is the contrast's line: notes that
    /// break a paragraph's lines without a blank one (Obsidian) make "Often *harmful* &lt;= *disrupts* gene balance" and
    /// the next line one passage under Deletion, too unlike the line alone under Duplication for the model, and
    /// "which of these two is described as 'Often harmful &lt;= disrupts gene balance'?" had two right answers (outside
    /// rating 59, Q30).</summary>
    private static bool WritesTheLine(DefiningSection other, string line, IReadOnlyList<string> fileLines)
    {
        var said = QuizText.Normalize(line);
        return other.Items.Any(p => Enumerable.Range(p.LineStart, p.LineEnd - p.LineStart + 1)
            .Any(n => n >= 1 && n <= fileLines.Count && QuizText.Normalize(fileLines[n - 1]).TrimStart('-', '+', ' ') == said));
    }

    /// <summary>True when a contrast's line holds the word that sets the other title apart from the key's ("Used for
    /// content filtering, caching, and monitoring" between Transparent Proxy and Caching Proxy): the line then says
    /// what the other is named for, and a learner can defend it (outside rating 24, R3). Words of both titles
    /// ("Proxy") and generic heading words do not count.</summary>
    internal static bool NamesTheOther(string line, string otherTitle, string keyTitle)
    {
        var own = QuizText.Stems(keyTitle);
        var apart = QuizText.Stems(otherTitle).Where(w => !own.Contains(w) && !QuizLexicon.GenericHeadingWords.Contains(w)).ToList();
        return apart.Count > 0 && QuizText.Stems(line).Overlaps(apart);
    }

    /// <summary>True when a list item sits indented under another ("It contains crucial information around:" over
    /// "Memory and CPU required"; "use multipart upload" over "Decrease time to retry in case a part fails"): it says
    /// something of its parent line, not of the section's title, and read alone it is a fragment that needs the page
    /// (outside rating 24, R29 and R43).</summary>
    internal static bool IsSubItem(Passage item, IReadOnlyList<string> fileLines)
    {
        if (item.LineStart < 1 || item.LineStart > fileLines.Count)
        {
            return false;
        }

        var line = fileLines[item.LineStart - 1];
        var body = line.TrimStart();
        var indent = line.Length - body.Length;
        return (indent >= MinSubItemIndent || line.StartsWith('\t')) && (StartsWithBullet(body) || QuizText.OpensWithEnumerator(body));
    }

    /// <summary>The least indentation of a nested list item in spaces: two (a tab always nests).</summary>
    private const int MinSubItemIndent = 2;

    /// <summary>True when a section that does not define its title nests a list under one of its lines ("S3 Security":
    /// "User based", "Resource based", each over its policies): a heading that gathers other things, whose lines
    /// describe those, not the title.</summary>
    private static bool Gathers(DefiningSection s, IReadOnlyList<string> fileLines) =>
        !s.Defines && s.Items.Any(i => HasNestedList(i, fileLines));

    /// <summary>A definition whose right title carries a gloss in brackets that repeats the quote ("Unicast
    /// (One-to-One)" for "A single sender … to a single specific receiver"): the glosses are dropped from every choice,
    /// which then name the things alone; null when two choices would then be one. A gloss repeats the quote when it
    /// shares a content word with it or, by the model, is as like it as every wrong choice's gloss or more (then the glosses
    /// help no more than they give away: "One-to-One" ties with "One-to-Many" for a single receiver). An acronym or
    /// an acronym's expansion in brackets ("RIP (Routing Information Protocol)") is a name, not a gloss, and stays.</summary>
    internal static Candidate? WithoutGlosses(Candidate c, KindSimilarity kinds)
    {
        var q = c.Question;
        string? Gloss(string choice) => QuizText.Brackets(choice).FirstOrDefault(g => !QuizText.IsAcronym(g)
            && !QuizText.Words(QuizText.WithoutBrackets(choice)).Any(w => QuizText.IsAcronym(w) && QuizText.Abbreviates(w, g)));
        if (Gloss(q.Answer) is not { } keyGloss)
        {
            return c;
        }

        var wrongGlosses = q.Choices.Where((_, i) => i != q.AnswerIndex).Select(Gloss).OfType<string>().ToList();
        var keyLike = kinds.Similarity(c.Stem, keyGloss);
        var repeats = QuizText.ContentStems(keyGloss).Overlaps(QuizText.ContentStems(c.Stem))
            || (keyLike is { } like && (wrongGlosses.Count == 0 ? like >= KindSimilarity.SameKind - 1e-9
                : wrongGlosses.All(g => like >= kinds.Similarity(c.Stem, g) - 1e-9)));
        if (!repeats)
        {
            return c;
        }

        var choices = q.Choices.Select(ch => Gloss(ch) is null ? ch : QuizText.WithoutBrackets(ch)).ToList();
        if (choices.Select(QuizText.Normalize).Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            return null;
        }

        return c with { Question = q with { Choices = choices, KeyTerm = choices[q.AnswerIndex] } };
    }

    private static IEnumerable<Candidate> FromFacts(
        List<(Passage Passage, string Text)> facts, IReadOnlyList<string>? fileLines, List<DefiningSection> sections, QuizCorpus corpus, KindSimilarity kinds,
        QuizTrace? trace = null)
    {
        foreach (var (p, text) in facts)
        {
            trace?.Note("fact", "candidate", text);
            var keys = 0;
            var raw = fileLines is not null && p.LineStart >= 1 && p.LineStart <= fileLines.Count ? fileLines[p.LineStart - 1] : string.Empty;
            var step = QuizText.OpensWithEnumerator(raw);

            // Emphasis is looked for over every cited line: a sentence of a paragraph may set its name in bold on its second line.
            var cited = fileLines is not null && p.LineStart >= 1 && p.LineEnd <= fileLines.Count
                ? string.Join(' ', fileLines.Skip(p.LineStart - 1).Take(p.LineEnd - p.LineStart + 1))
                : raw;
            var label = QuizText.OneLine(p.Section);
            foreach (var key in KeyTerms(p, text, sections, corpus))
            {
                keys++;
                var masked = QuizText.Mask(text, key);
                if (BlankFault(masked, key, cited, step, corpus) is { } fault)
                {
                    trace?.Note("blank", fault, $"{key}: {masked}");
                    continue;
                }

                var shownLabel = IsNameTitle(label) && !QuizText.Reveals(label, key) ? label : string.Empty;

                // "Only available for ___ volumes": what is? Without a label the line has no subject.
                if (shownLabel.Length == 0 && (!HasSubject(text) || PronounBeforeBlank(masked)))
                {
                    trace?.Note("blank", "no subject", $"{key}: {masked}");
                    continue;
                }

                var shown = shownLabel.Length > 0 ? $"Fill in the blank ({shownLabel}): “{masked}”" : $"Fill in the blank: “{masked}”";
                var wrong = WrongTerms(key, p, text, masked, sections, corpus, kinds);
                Candidate? Blank(IEnumerable<Wrong> choices) => Assemble(
                    QuizQuestion.MakeId(p.File, p.LineStart.ToString(), p.LineEnd.ToString(), nameof(QuizQuestionKind.FillInTheBlank)),
                    QuizQuestionKind.FillInTheBlank, shown, masked, shownLabel, key,
                    choices, text, new Citation(p.File, p.Section, p.LineStart, p.LineEnd, text), key,
                    Distractors);
                var c = Blank(wrong);
                if (c is not null && KindCheck(c, corpus, kinds) == KeyStandsOut)
                {
                    c = Blank(NearStemFirst(wrong, c, kinds));
                }

                if (c is null)
                {
                    trace?.Note("wrong", "too few fair wrong choices", $"{key}: {masked}");
                    continue;
                }

                if (StemPointsToKey(c.Question, masked, p, corpus))
                {
                    trace?.Note("check", "a stem word points to the key", $"{key}: {masked}");
                    continue;
                }

                var why = Check(c, corpus, kinds);
                trace?.Note("check", why ?? "passed", $"{key}: {masked} [{string.Join(" | ", c.Question.Choices)}]");
                if (why is null)
                {
                    yield return c;
                    break;
                }
            }

            if (keys == 0)
            {
                trace?.Note("key", "no key term", text);
            }
        }
    }

    /// <summary>Why a line with its key masked does not read as one blank a learner can fill, or null when it does: one
    /// blank, the key not shown in another form, not a member of a list, one whole term, not inside a label or an
    /// emphasised name, enough words around it, not named by a word of the stem.</summary>
    private static string? BlankFault(string masked, string key, string cited, bool step, QuizCorpus corpus) =>
        CountBlanks(masked) != 1 ? "not one blank"
        : QuizText.Reveals(masked, key) ? "key visible"
        : IsListMember(masked) ? "a member of a list"
        : !BlankStandsAlone(masked) ? "not a whole term"
        : BlankInsideLabel(masked) ? "inside a label"
        : step && StepLabel(masked, key, corpus.IsCommonWord) ? "a step's label"
        : CutsEmphasis(cited, key) ? "cuts an emphasised name"
        : PointsBack(masked) ? "points back to lines not shown"
        : QuizText.ContentStems(masked).Count < MinBlankContext ? "too little context"
        : corpus.Introduced.IsCode(key) && NamedAfterStemWord(masked, key) ? "named after a stem word"
        : corpus.Introduced.IsSubcommand(key) && ShowsSubcommand(masked, key) ? "shows the subcommand"
        : null;

    /// <summary>True when the sentence points back with "these" or "those" to things it does not name ("An example of one
    /// of these conditions could be someone avoiding triggering a migraine by using _____ …", outside rating 62, P23): the
    /// list it means is in the lines before, which the learner does not see, and another member of it may fit the blank
    /// as well. A sentence that names them first ("Cats and dogs: these animals …") is left.</summary>
    internal static bool PointsBack(string masked) =>
        PointingBack().Match(masked) is { Success: true } m && masked[..m.Index].IndexOfAny([':', ',']) < 0;

    [GeneratedRegex(@"\b(?:these|those)\s+[a-z]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointingBack();

    /// <summary>A yes/no question that does not name its subject ("Can I create a dynamic amount of resources?" in a FAQ
    /// of the CloudFormation notes), opened with it: "In CloudFormation, can I …". The subject is the first term (an
    /// acronym or a CamelCase name, not an organising one such as FAQ) of the nearest heading above the question that
    /// holds one; a question that already names it ("Can CloudFormation …"), or has no such heading over it, is left as
    /// it is. Sharing another word with the heading ("resources" of "CloudFormation Resources") does not name it.</summary>
    internal static string WithTopic(Passage p, string shown)
    {
        foreach (var heading in p.HeadingPath.Reverse().Select(QuizText.OneLine)
            .Where(h => !string.Equals(QuizText.Normalize(h), QuizText.Normalize(shown.TrimEnd('?')), StringComparison.Ordinal)))
        {
            if (QuizText.Terms(heading).FirstOrDefault(t => !QuizLexicon.WeakKeys.Contains(t) && !QuizLexicon.OrganisingWords.Contains(t)) is not { } topic)
            {
                continue;
            }

            var words = QuizText.Words(shown);
            return words.Any(w => string.Equals(w, topic, StringComparison.OrdinalIgnoreCase))
                ? shown
                : $"In {topic}, {(QuizText.Terms(words[0]).Any() || words[0] == "I" ? shown[0] : char.ToLowerInvariant(shown[0]))}{shown[1..]}";
        }

        return shown;
    }

    /// <summary>Yes (true), no (false) or neither (null), from the first word of an answer.</summary>
    internal static bool? Polarity(string answer)
    {
        var first = QuizText.FirstWord(answer);
        return QuizLexicon.YesWords.Contains(first) ? true : QuizLexicon.NoWords.Contains(first) ? false : null;
    }
}
