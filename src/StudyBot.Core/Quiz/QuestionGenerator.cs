using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Core.Quiz;

/// <summary>
/// Writes multiple-choice questions from indexed passages, as a pipeline of named stages:
/// <see cref="CandidateFacts"/> (lines worth asking about) → key term (<see cref="KeyTerms"/>, a section title for
/// definitions, the answer of a Q&amp;A pair) → wrong choices from the key's family (<see cref="WrongTerms"/>,
/// <see cref="WrongTitles"/>, <see cref="WrongStatements"/>) → <see cref="Check"/> → <see cref="Score"/> → keep (the
/// fitted item-quality model, <see cref="QuizItemModel"/>: only questions likely to be rated good, best first).
/// Every question is also checked against its cited lines when the file can be read (<see cref="IsSound"/>).
/// </summary>
/// <remarks>
/// One file per stage, each a part of this class. This file is the pipeline (<see cref="Write"/>: the stages in order,
/// the score, the keep and the bank's order) with the constants several stages share. Stage 1:
/// <c>QuestionGenerator.Facts.cs</c> (files and lines worth asking about), <c>QuestionGenerator.SentenceFacts.cs</c>
/// (the facts, sentences of long prose among them), <c>QuestionGenerator.Sections.cs</c> (sections that name a thing
/// and the line that defines it) and <c>QuestionGenerator.LabelledTerms.cs</c> (terms defined after a bold label).
/// Stage 2: <c>QuestionGenerator.KeyTerms.cs</c> (a fact's key terms and where a blank may stand). Stage 3:
/// <c>QuestionGenerator.WrongChoices.cs</c> (wrong choices from the key's family, and <see cref="Assemble"/>). Stage 4:
/// <c>QuestionGenerator.Checks.cs</c>. <c>QuestionGenerator.Writers.cs</c> runs stages 2 to 4 for each kind of
/// question.
/// </remarks>
public static partial class QuestionGenerator
{
    private const int MaxChoiceLength = 160;
    private const int Distractors = 3;

    /// <summary>At most this many blanks share one key per corpus: "IP" was once the answer to 121 of them.</summary>
    private const int MaxBlanksPerKey = 2;

    /// <summary>From this model likeness (<see cref="KindSimilarity.Similarity"/>) a line of a wrong choice's own section,
    /// or a line that holds a wrong term, says what the quoted line says: the wrong choice is true as well. Read off the
    /// corpora: the model puts two lines written in the same frame with another fact at 0.8 and 0.85 ("A single sender
    /// transmits data to a specific group …" beside "… to a single specific receiver", Go-Back-N's line beside
    /// Stop-and-Wait's, "SOCKS4 — TCP only" beside SOCKS5's line), so 0.8 struck out the right wrong choices of good
    /// items (Unicast, Multicast, BGP, SSE-C); only a line said again in other words reaches 0.9.</summary>
    internal const double SameLine = 0.9;

    /// <summary>What <see cref="KindCheck"/> answers when the key is far more like the stem than every wrong choice; for
    /// a blank the writer then tries a fairer pick (<see cref="NearStemFirst"/>) before dropping the question.</summary>
    internal const string KeyStandsOut = "key stands out";

    /// <summary>Generates questions, best first: pairs and yes/no, then definitions, then blanks; stable order.</summary>
    /// <param name="passages">The indexed passages (all files).</param>
    /// <param name="readLines">Returns a file's lines (relative path as in <see cref="Passage.File"/>), or null when
    /// it cannot be read; used to cite section titles and to check every question against its cited lines.</param>
    /// <param name="model">The local sentence model that judges which wrong choices are of the key's kind
    /// (<see cref="KindSimilarity"/>), or null to write from the notes' counts alone.</param>
    /// <param name="quality">The item-quality model (<see cref="QuizItemModel"/>, stage "keep"): only questions whose
    /// probability of being rated good is at least its threshold are kept, best first; null keeps every question that
    /// passed the checks, in the order of kind and score (what the rules' own tests look at).</param>
    public static IReadOnlyList<QuizQuestion> Generate(
        IReadOnlyList<Passage> passages, Func<string, IReadOnlyList<string>?>? readLines = null, ITextEmbedder? model = null, QuizItemModel? quality = null) =>
        Tiers(passages, readLines, model, quality).Kept;

    /// <summary>The bank (<see cref="Generate"/>) and its reserve: the questions that pass every check but that the
    /// item-quality model scores below its threshold and at least <see cref="ReserveFloor"/>, best first, one per
    /// fact and none on a fact the bank already asks. The daily quiz posts them only once every question of the bank
    /// has been asked, rather than repeating those (small notes give a bank of a handful).</summary>
    public static (IReadOnlyList<QuizQuestion> Kept, IReadOnlyList<QuizQuestion> Reserve) Tiers(
        IReadOnlyList<Passage> passages, Func<string, IReadOnlyList<string>?>? readLines = null, ITextEmbedder? model = null, QuizItemModel? quality = null)
    {
        var written = Write(passages, readLines, model, quality, quality is null ? null : ReserveFloor);
        var kept = written.Where(c => quality is null || InBank(c, quality)).Select(c => c.Question).ToList();
        var reserve = written.Where(c => quality is not null && !InBank(c, quality)).Select(c => c.Question).ToList();
        return (kept, AlternatingYesNo(reserve));
    }

    /// <summary>The drafts: questions that pass every check but that the item-quality model scores under
    /// <see cref="ReserveFloor"/> (or that copy a likely typo of the notes), which the daily quiz never asks, best first
    /// with their probability of being rated good. None asks a fact that <paramref name="asked"/> (the bank and its
    /// reserve) asks already: it shares neither id nor cited lines with one. They are for a teacher to keep, mend or
    /// delete (<c>quiz --markdown --drafts</c>): on small notes the bank and reserve are a handful (the seed notes give 7,
    /// the TypeScript book 2), and about one question in three under the floor is one a reader rates good (outside rating
    /// 28: 9 of the 28 scored 0.5–0.6), more once a teacher mends a typo or a stem; a teacher tells those apart.</summary>
    /// <param name="asked">The questions the bank and its reserve hold.</param>
    public static IReadOnlyList<QuizDraft> Drafts(
        IReadOnlyList<Passage> passages, Func<string, IReadOnlyList<string>?>? readLines, ITextEmbedder? model, QuizItemModel quality, IEnumerable<QuizQuestion> asked)
    {
        // The list written with the floor at 0 is not the tiers' list with more after it: a question under the floor,
        // ordered before the reserve-only ones, may take a fact or a key that one of them took. So the tiers are not
        // read off it; they are left out of it by id and by cited lines.
        var taken = asked.ToList();
        var ids = taken.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var lines = taken.Select(q => CitedLines(q.Citation)).ToHashSet(StringComparer.Ordinal);
        return Write(passages, readLines, model, quality, floor: 0)
            // At the floor or above, a question the tiers lack lost its fact to a better one there.
            .Where(c => !c.Unrated && c.Score < ReserveFloor && !ids.Contains(c.Question.Id) && !lines.Contains(CitedLines(c.Question.Citation)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Question.Id, StringComparer.Ordinal)
            .Select(c => new QuizDraft(c.Question, c.Score, c.Typo))
            .ToList();
    }

    /// <summary>A citation's file and lines as one key: two questions that cite the same lines ask one fact.</summary>
    internal static string CitedLines(Citation c) => $"{c.File}\u001f{c.LineStart}\u001f{c.LineEnd}";

    /// <summary>The reserve is asked in its order, best first; its yes/no questions take turns at Yes and No where both
    /// are left (each answer's questions keep their own order, and every other question its place). Best first, a
    /// style guide's rules ran Yes, Yes, Yes, Yes, Yes: a channel learns to answer Yes, and the reader of rating 53 found
    /// all four it was shown guessable.</summary>
    internal static List<QuizQuestion> AlternatingYesNo(IReadOnlyList<QuizQuestion> ordered)
    {
        static bool IsYesNo(QuizQuestion q) => q.Kind == QuizQuestionKind.YesNo && q.Choices.Count == 2;
        var byKey = ordered.Where(IsYesNo).GroupBy(q => q.AnswerIndex).ToDictionary(g => g.Key, g => new Queue<QuizQuestion>(g));
        var result = new List<QuizQuestion>(ordered.Count);
        int? last = null;
        foreach (var q in ordered)
        {
            if (!IsYesNo(q))
            {
                result.Add(q);
                continue;
            }

            // The other answer after the last one when it has any left; else this place's own answer; else what is left.
            var next = (last is { } previous && byKey.TryGetValue(1 - previous, out var other) && other.Count > 0 ? other
                : byKey[q.AnswerIndex].Count > 0 ? byKey[q.AnswerIndex]
                : byKey.Values.First(left => left.Count > 0)).Dequeue();
            result.Add(next);
            last = next.AnswerIndex;
        }

        return result;
    }

    /// <summary>The lowest item-quality probability a reserve question may have. First 0.5, from the out-of-fold
    /// predictions on verdicts of older generators (`quiz-loco --dump`, 2026-12-01, 1,023 rated items: 0.5–0.7 rated
    /// good 65 % of the time, 0.7 or more 69 %, below 0.5 36 %). On the generator as it is now the model separates
    /// more: outside rating 28, on seven sets of notes no rule or threshold was chosen on, rated good 9 of the 28 items
    /// scored 0.5–0.6 (32 %), 13 of 21 at 0.6 to the threshold (62 %) and 20 of 25 above it (80 %); ratings 25–27 (three
    /// readers on the seed and test corpora banks) 54 %, 74 % and 88 % of the verdicts in the same bands. Below 0.6 a
    /// reserve question is more often guessable or broken than good, and the daily quiz is better off repeating a good
    /// one.</summary>
    internal const double ReserveFloor = 0.6;

    /// <summary>Whether a written question belongs to the bank rather than the reserve: scored at its kind's threshold
    /// or above, and not sent to the reserve as a repeat (<see cref="WithRepeatedPairsInReserve"/>).</summary>
    internal static bool InBank(Candidate c, QuizItemModel quality) => !c.Reserved && !c.ReserveOnly && c.Score >= quality.ThresholdFor(c.Question.Kind);

    /// <summary>True when a title's first word is a name ("ReAct"), not an English word the notes also write in lower case.</summary>
    private static bool FirstWordIsName(string title, string firstWord, QuizCorpus corpus) =>
        QuizText.Terms(QuizText.FirstWord(title)).Any() || !corpus.IsLowerCaseWord(firstWord);

    /// <summary>A written question with what the checks and the score need.</summary>
    /// <param name="Stem">The part of the question that comes from the notes (the line, the definition).</param>
    /// <param name="Label">The section label shown with it, or empty.</param>
    /// <param name="Family">How close the wrong choices are to the key: 1.5 listed with it elsewhere in the notes,
    /// 1 siblings, 0.5 same file, 0.25 same corpus.</param>
    /// <param name="Reserved">Asked from the reserve whatever its score (a pair the bank already contrasts).</param>
    /// <param name="ReserveOnly">Written for the reserve alone, after every other reserve question (a table's,
    /// <see cref="FromTables"/>, or a rule book's rule, <see cref="FromGuidelines"/>): it takes no fact, key or pair
    /// from another question.</param>
    /// <param name="Unrated">Of a kind the item-quality model was not fitted on (<see cref="FromCommands"/>; outside rating
    /// 50 found 63 % of them good, under the bank's 80 %): the model does not score it, and it is asked from the reserve,
    /// after every question the model scored.</param>
    /// <param name="Typo">Copies a likely typo of the notes, so its probability was cut to 0 (<see cref="WithTypoDropped"/>).</param>
    internal sealed record Candidate(QuizQuestion Question, string Stem, string Label, double Family, double Score = 0, bool Reserved = false, bool ReserveOnly = false, bool Unrated = false, bool Typo = false);

    /// <param name="floor">With a quality model: keep questions scored at least this (the reserve's floor) rather
    /// than at least the model's threshold; the caller splits them at the threshold.</param>
    /// <param name="trace">Counts what the blank writer and the keep stage drop, and why (<c>quiz-explain --why</c>).</param>
    internal static IReadOnlyList<Candidate> Write(
        IReadOnlyList<Passage> passages, Func<string, IReadOnlyList<string>?>? readLines, ITextEmbedder? model = null, QuizItemModel? quality = null, double? floor = null,
        QuizTrace? trace = null)
    {
        var content = ContentPassages(passages);
        var corpus = new QuizCorpus(content, model?.WholeWords);
        var kinds = new KindSimilarity(model, corpus.Describe);
        var files = content.GroupBy(p => p.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (File: g.Key, Passages: g.OrderBy(p => p.LineStart).ToList(), Lines: readLines?.Invoke(g.Key)))
            .ToList();
        var sections = files.SelectMany(f => DefiningSections(f.Passages, f.Lines, corpus)).ToList();
        var firstWords = sections.GroupBy(s => s.Root + "\u001f" + s.FirstWord, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        sections = WithHeadingSiblings(sections);
        var adopted = sections.Where(s => s.Adopted).Select(s => s.Definition.File + "\u001e" + s.Definition.Section).ToHashSet(StringComparer.Ordinal);
        // Headings with headings under them: a topic ("Communication Modes", "Categories of Routing Protocols"), not a
        // thing of the kind its leaves are. A sibling written under the heading (WithHeadingSiblings) makes no topic.
        var parents = content.SelectMany(p => p.HeadingPath.Take(Math.Max(0, p.HeadingPath.Count - (adopted.Contains(p.File + "\u001e" + p.Section) ? 2 : 1)))
                .Select(h => p.File + "\u001e" + QuizText.Normalize(QuizText.OneLine(h))))
            .ToHashSet(StringComparer.Ordinal);
        sections = sections.Select(s => s with
        {
            FirstWordCounts = firstWords,
            FirstWordIsName = FirstWordIsName(s.Title, s.FirstWord, corpus),
            IsParent = parents.Contains(s.Definition.File + "\u001e" + QuizText.Normalize(s.Title)),
        }).ToList();

        // A term defined after a bold label is asked only beside the other labels of its list, the family the notes set it
        // in; a title from elsewhere in the file (another list's label, a heading over a list the term is an item of:
        // "REST and Statelessness" for "Stateless") was as often also true or of another kind. Kept apart from the
        // headings' sections, the questions written from headings keep the wrong titles and the blanks the keys they had.
        var labelled = LabelledDefinitions(files.Select(f => (f.Passages, f.Lines)).ToList(), sections, corpus, trace)
            .Select(s => s with { FirstWordCounts = firstWords, FirstWordIsName = FirstWordIsName(s.Title, s.FirstWord, corpus) })
            .ToList();

        // Topic items: a line that opens with the topic of its file or section, asked among the sibling topics.
        var topics = TopicUnits(files, sections, corpus, trace);

        // Every task line of the notes with its command: a command's wrong choices are the same tool's other commands.
        var commandTasks = files.SelectMany(f => CommandTasks(f.Passages, f.Lines)).ToList();
        var tasksByTool = commandTasks.ToLookup(t => t.Tool, StringComparer.Ordinal);
        var tasksByFile = commandTasks.ToLookup(t => t.File, StringComparer.Ordinal);

        var written = new List<Candidate>();
        foreach (var (file, filePassages, fileLines) in files)
        {
            var alone = OutOfContext(filePassages, fileLines, corpus);
            var facts = CandidateFacts(alone, fileLines);
            var candidates = FromQuestionAnswers(alone, sections, corpus)
                .Concat(FromDefinitions(sections.Where(s => s.Definition.File == file), sections, corpus, kinds, trace))
                .Concat(labelled.Where(s => s.Definition.File == file).GroupBy(s => s.LabelledGroup, StringComparer.Ordinal)
                    .SelectMany(list => FromDefinitions(list, list.ToList(), corpus, kinds, trace)))
                .Concat(FromContrasts(sections.Where(s => s.Definition.File == file), sections, fileLines, corpus, kinds))
                .Concat(FromTables(alone, corpus, kinds, trace))
                .Concat(FromGuidelines(alone, corpus, kinds, trace))
                .Concat(FromFacts(facts, fileLines, sections, corpus, kinds, trace))
                .Concat(FromTopics(facts, file, fileLines, topics, corpus, kinds, trace))
                .Concat(FromCommands(tasksByFile[file], tasksByTool, corpus, kinds, trace));
            foreach (var c in candidates)
            {
                var sound = IsSound(c.Question, fileLines) && !HasShoutedChoice(Shown(c, corpus));
                trace?.Note("written", sound ? $"{c.Question.Kind} sound" : $"{c.Question.Kind} unsound or a shouted choice", c.Question.Text);
                if (sound)
                {
                    written.Add(c with { Score = Score(c, corpus) });
                }
            }
        }

        // Stage "keep": the item-quality model's probability that an outside reader rates the question good, on the
        // question as it will be shown; below the model's threshold it is not asked, and the bank is ordered by it. A
        // question that copies a likely typo of the notes is not asked.
        if (quality is not null)
        {
            written = written.Select(c => c.Unrated ? c : c with { Score = quality.Probability(Shown(c, corpus), corpus, kinds) })
                .Select(c => c.Unrated ? c : WithTypoDropped(c, corpus, trace))
                .Where(c =>
                {
                    if (c.Unrated)
                    {
                        return true;
                    }

                    var threshold = quality.ThresholdFor(c.Question.Kind);
                    var kept = c.Score >= Math.Min(floor ?? threshold, threshold);
                    trace?.Note("keep", kept ? "at the floor or above" : "under the floor", $"{c.Score:0.000} {c.Question.Text}");
                    return kept;
                })
                .ToList();
        }

        var blanksPerKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var asked = new List<QuizQuestion>();
        // Questions written for the reserve alone (FromTables, FromGuidelines) come after every other, and those the
        // item model does not score (FromCommands) after them: they never take a fact, a key or a pair from a question
        // of the bank or its reserve.
        var ordered = written
            .OrderBy(c => c.Unrated ? 2 : c.ReserveOnly ? 1 : 0).ThenBy(c => quality is null ? KindRank(c.Question.Kind) : 0).ThenByDescending(c => c.Score)
            .ThenBy(c => KindRank(c.Question.Kind)).ThenBy(c => c.Question.Id, StringComparer.Ordinal)
            // One question per fact of a key (outside ratings 7, 13, 17–19: iotop, NAT, extending logical volumes asked
            // twice): of two questions that state one fact of the same key, the better scored, which comes first.
            .Where(c => Ask(asked, c.Question, kinds))
            .Where(c => c.Question.Kind != QuizQuestionKind.FillInTheBlank
                || Take(blanksPerKey, QuizCorpus.Root(c.Question.Citation.File) + "\u001f" + QuizText.Normalize(c.Question.KeyTerm)))
            .GroupBy(c => c.Question.Id, StringComparer.Ordinal).Select(g => g.First())
            .GroupBy(c => QuizText.Normalize(c.Question.Text), StringComparer.Ordinal).Select(g => g.First())
            // One question per fact: two questions citing the same lines ask one thing twice (outside ratings 6 and 7:
            // "What do the notes say about AWS Shield?" beside "Which of these is described as 'Provides protection
            // against DDOS …'?"); the better kept.
            .GroupBy(c => $"{c.Question.Citation.File}\u001f{c.Question.Citation.LineStart}\u001f{c.Question.Citation.LineEnd}", StringComparer.Ordinal).Select(g => g.First())
            .Select(c => c with { Question = Shown(c, corpus) })
            .ToList();
        return quality is null ? ordered : WithRepeatedPairsInReserve(ordered, quality.ThresholdFor, trace);

        static bool Ask(List<QuizQuestion> asked, QuizQuestion q, KindSimilarity kinds)
        {
            if (asked.Any(a => RepeatedFact.Repeats(a, q, kinds)))
            {
                return false;
            }

            asked.Add(q);
            return true;
        }

        static bool Take(Dictionary<string, int> counts, string key)
        {
            var n = counts.GetValueOrDefault(key);
            counts[key] = n + 1;
            return n < MaxBlanksPerKey;
        }
    }

    /// <summary>A question that copies a likely typo of the notes (<see cref="LikelyTypos"/>) is not asked, from the bank
    /// or the reserve: its probability is cut to 0. Since review 13 the outside readers rated such items good 6 times in
    /// 21 (29 %, against 68 % for the rest), nearly all of them the yes/no question whose subject noun is misspelt
    /// ("columes", a defect to 11 of the 14 readers since review 15). That is under what <see cref="ReserveFloor"/> lets
    /// into the reserve (below it a question is more often guessable or broken than good, and the daily quiz is better off
    /// repeating a good one). The twenty-first session asked such a question last from the reserve, because two contrasts
    /// with a harmless slip ("Combones machine learning …", "highly intergrated") were rated good 9 times in 10; the
    /// generator no longer writes those, and with a seed bank of five the reserve is what the readers rate next. The
    /// notes' text is never mended (docs/quiz.md, "Twenty-second session").</summary>
    internal static Candidate WithTypoDropped(Candidate c, QuizCorpus corpus, QuizTrace? trace)
    {
        var typos = corpus.Typos.In(Shown(c, corpus));
        if (typos.Count == 0)
        {
            return c;
        }

        trace?.Note("keep", "a likely typo: not asked", $"{string.Join(", ", typos.Select(t => $"{t.Word} ({t.Known})"))}: {c.Question.Text}");
        return c with { Score = 0, Typo = true };
    }

    /// <summary>How many bank questions each contrast of one pair of sections needs beside it: a pair gives the bank one
    /// contrast, and one more for every this many bank questions. Several contrasts of one pair ask the same two-way
    /// choice again (outside rating 35: "three L4/L7 items", "four Reserved/Spot items … the set is narrow"); in a bank of
    /// five, three of them on Elastic Container Service against its sibling are most of what a learner is asked, while in
    /// a bank of 35 four on Reserved against Spot Instances are one question in nine, and each of those four was rated
    /// good by all nine readers since rating 24. Eight is the largest count that keeps those four (35 / 8 = 4): it was
    /// chosen so, on the test corpora's bank, not held out. With one contrast per pair whatever the bank's size
    /// (<c>int.MaxValue</c>), the corpora bank would send six items rated good to its reserve (35 → 29).</summary>
    internal const int BankQuestionsPerPairContrast = 8;

    /// <summary>The bank's contrasts past the first of their pair of sections (<see cref="BankQuestionsPerPairContrast"/>)
    /// go to the end of the reserve: they are marked <see cref="Candidate.Reserved"/> and their probability is cut to
    /// <see cref="ReserveFloor"/>. The pair is the file and the two titles, in either order (Elastic Container Service
    /// against Elastic Kubernetes Service, and back). The reserve is asked only once the bank is done, and a second line
    /// of a pair is still a fact the bank did not ask.</summary>
    /// <param name="ordered">The written questions, best first.</param>
    /// <param name="threshold">The item-quality model's threshold for a kind: the bank is the questions scored at it or above.</param>
    /// <param name="trace">Counts the contrasts sent to the reserve.</param>
    internal static List<Candidate> WithRepeatedPairsInReserve(IReadOnlyList<Candidate> ordered, Func<QuizQuestionKind, double> threshold, QuizTrace? trace)
    {
        var allowed = Math.Max(1, ordered.Count(c => !c.ReserveOnly && c.Score >= threshold(c.Question.Kind)) / BankQuestionsPerPairContrast);
        var perPair = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Candidate>(ordered.Count);
        foreach (var c in ordered)
        {
            if (c.ReserveOnly || c.Question.Kind != QuizQuestionKind.Contrast || c.Score < threshold(c.Question.Kind))
            {
                result.Add(c);
                continue;
            }

            var pair = c.Question.Citation.File + "\u001f" + string.Join("\u001f", c.Question.Choices.Select(QuizText.Normalize).Order(StringComparer.Ordinal));
            var n = perPair.GetValueOrDefault(pair);
            perPair[pair] = n + 1;
            if (n < allowed)
            {
                result.Add(c);
                continue;
            }

            trace?.Note("keep", "a pair the bank already contrasts: to the reserve", c.Question.Text);
            result.Add(c with { Score = Math.Min(c.Score, ReserveFloor), Reserved = true });
        }

        // Stable: questions of one score keep the order of kind and id they had.
        return result.OrderBy(c => c.ReserveOnly ? 1 : 0).ThenByDescending(c => c.Score).ToList();
    }

    /// <summary>A written question as it is shown: in the notes' usual casing (<see cref="InNotesCasing"/>), except one
    /// written for the reserve alone, whose choices are a table's cells as the table writes them: the usual form of
    /// SMTP's "PASS" or the network type "CAN" is the everyday word (outside ratings 45 and this session's reading).</summary>
    private static QuizQuestion Shown(Candidate c, QuizCorpus corpus) => c.ReserveOnly ? c.Question : InNotesCasing(c.Question, corpus);

    /// <summary>A question as the notes usually write its words: the stem's lower-case words in their usual case
    /// (<see cref="QuizCorpus.InUsualCase"/>: "Can I use AWS WAF …?"), and a blank's or a definition's choices as the
    /// notes' lines write them (<see cref="QuizCorpus.UsualForm"/>: "terraform init", not the heading's "TERRAFORM
    /// INIT"; the choices are unchanged when two of them would then be one).</summary>
    internal static QuizQuestion InNotesCasing(QuizQuestion q, QuizCorpus corpus)
    {
        // The team's own questions are shown as the team wrote them.
        if (q.Kind != QuizQuestionKind.Team)
        {
            q = q with { Text = corpus.InUsualCase(q.Text) };
        }

        if (!NamesATerm(q.Kind))
        {
            return q;
        }

        var choices = q.Choices.Select(corpus.UsualForm).ToList();
        return choices.SequenceEqual(q.Choices, StringComparer.Ordinal)
            || choices.Select(QuizText.Normalize).Distinct(StringComparer.Ordinal).Count() != choices.Count
            ? q
            : q with { Choices = choices, KeyTerm = string.Equals(q.KeyTerm, q.Answer, StringComparison.Ordinal) ? choices[q.AnswerIndex] : q.KeyTerm };
    }

    /// <summary>True for the kinds whose choices are terms of the notes (a blank's, a definition's or a contrast's titles):
    /// the key must not show in the stem in any form, and the wrong choices must be of its kind.</summary>
    internal static bool NamesATerm(QuizQuestionKind kind) =>
        kind is QuizQuestionKind.FillInTheBlank or QuizQuestionKind.Definition or QuizQuestionKind.Contrast or QuizQuestionKind.Topic;

    /// <summary>Pairs and yes/no first (the notes' own questions), then definitions, then blanks, then topic items.</summary>
    internal static int KindRank(QuizQuestionKind kind) => kind switch
    {
        QuizQuestionKind.Team => 0,
        QuizQuestionKind.YesNo or QuizQuestionKind.QuestionAnswer => 1,
        QuizQuestionKind.Definition or QuizQuestionKind.Contrast => 2,
        QuizQuestionKind.FillInTheBlank => 3,

        // No outside reader has rated one yet: of a blank and a topic item on one line, the blank is asked.
        _ => 4,
    };

    /// <summary>Quality within a kind: close-family wrong choices, a specific key, four choices, a stem of readable
    /// length. Weights are in <see cref="QuizWeights"/>.</summary>
    private static double Score(Candidate c, QuizCorpus corpus)
    {
        var q = c.Question;
        var words = QuizText.WordCount(c.Stem);
        var readable = words is >= 6 and <= 30 ? 1.0 : 0.0;
        var specific = q.Kind == QuizQuestionKind.FillInTheBlank ? 1.0 - Math.Min(1.0, corpus.Spread(q.KeyTerm) * 50) : 1.0;
        return (QuizWeights.Family * c.Family)
            + (QuizWeights.Specific * specific)
            + (QuizWeights.FourChoices * (q.Choices.Count >= 4 ? 1 : 0))
            + (QuizWeights.Readable * readable)
            + (QuizWeights.Labelled * (c.Label.Length > 0 ? 1 : 0));
    }
}
