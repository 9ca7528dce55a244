using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Finds the passages that answer a question and writes the answer, conclusion first.
/// Candidates come from Lucene BM25 over body, section title (boosted) and opened titles; they are re-ranked by
/// coverage: the share of the question's topic weight (idf of its concepts) that a passage holds, plus a bonus
/// when the question names the passage's section. A question whose best coverage is too low is declined.
/// </summary>
internal static partial class AnswerComposer
{
    /// <summary>Below this share of the question's topic weight, the notes do not cover the question.</summary>
    internal const double DeclineThreshold = 0.57;

    /// <summary>A passage anchored on the question's subject (see <see cref="Covers"/>) needs at least this share.</summary>
    internal const double SubjectCoverage = 0.4;

    internal const string DeclineText = "Sorry, the notes don't cover that.";

    private const int Candidates = 60;
    private const int LeadCandidates = 20;
    private const int SubjectCandidates = 12;

    /// <summary>How many of the best-ranked candidates may show that the notes cover a question.</summary>
    private const int CoverCandidates = 5;

    /// <summary>A negation applies to a question word at most this many words after it.</summary>
    private const int NegationReach = 4;

    /// <summary>A word in at most this many passages is rare enough to bring all of them in as candidates.</summary>
    private const int RareDocs = 25;

    /// <summary>Below Lucene's default limit of 1024 clauses per boolean query.</summary>
    private const int MaxClauses = 1000;

    /// <summary>A declined question lists sections holding at least this share of it as related notes.</summary>
    private const double RelatedThreshold = 0.3;
    private const int MaxCitations = 3;
    private const int MaxCitedLines = 8;
    private const int MaxSnippetChars = 400;

    private static readonly HashSet<string> YesNoOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "can", "could", "does", "do", "did", "will", "would", "should", "shall", "may",
        "might", "has", "have", "had", "must", "isn't", "aren't", "doesn't", "don't", "can't", "won't", "am",
    };

    public static Answer Ask(KnowledgeIndex index, string? question)
    {
        var asked = question ?? string.Empty;
        return index.Search(searcher => Compose(index, searcher, asked));
    }

    /// <summary>The ranked candidates with their features, best first (a diagnostic for tuning, not for users).</summary>
    internal static IReadOnlyList<string> Explain(KnowledgeIndex index, string question, int top = 40) => index.Search(searcher =>
    {
        var concepts = QuestionTerms.Build(index, searcher, question);
        var lines = concepts.Select(c => $"concept {string.Join('|', c.Terms)} parts={string.Join('+', c.Parts)} fix={string.Join('|', c.Corrected)} w={c.Weight:F2}{(c.IsFrame ? " frame" : string.Empty)}{(c.IsUnknownName ? " unknown-name" : string.Empty)}").ToList();
        lines.AddRange(RankCandidates(index, searcher, question, concepts).Take(top).Select(r =>
        {
            var p = index.Entries[r.Id].Passage;
            var text = p.Text.Replace('\n', ' ');
            return $"{r.Score:F3} cov={r.Coverage:F2} title={r.TitleCoverage:F2} anchor={r.Anchor:F2} lead={r.Lead?.Title} {p.File}:{p.LineStart}-{p.LineEnd} [{p.Section}] {text[..Math.Min(90, text.Length)]}";
        }));
        return lines;
    });

    /// <summary>Candidates from BM25 over passage text, section title (boosted) and the titles a passage opens; plus
    /// the passages that open a title naming the question's words (a long introduction can fall out of the BM25 top
    /// when the word is common) and every passage holding a rare word of the question; re-ranked best first.</summary>
    private static List<Ranked> RankCandidates(KnowledgeIndex index, IndexSearcher searcher, string question, List<Concept> concepts)
    {
        var content = concepts.Where(c => !c.IsFrame).ToList();
        if (content.Count == 0)
        {
            return [];
        }

        var totalWeight = content.Sum(c => c.Weight);
        var hits = searcher.Search(BuildQuery(concepts), Candidates).ScoreDocs;
        if (hits.Length == 0)
        {
            return [];
        }

        var maxScore = hits.Max(h => h.Score);
        var scores = new Dictionary<int, double>();
        foreach (var hit in hits)
        {
            scores[hit.Doc] = hit.Score / maxScore;
        }

        var floor = scores.Values.Min();
        foreach (var hit in searcher.Search(BuildQuery(content, KnowledgeIndex.LeadField), LeadCandidates).ScoreDocs)
        {
            scores.TryAdd(hit.Doc, floor);
        }

        // The passages that name the question's subject and most of the rest (a long code block or paragraph can fall
        // out of the BM25 top when the other words are common in titles).
        var subject = content.Count < 2 ? null : content.First(c => c.Weight >= 0.8 * totalWeight / content.Count);
        if (subject is not null)
        {
            foreach (var hit in searcher.Search(SubjectQuery(subject, content), SubjectCandidates).ScoreDocs)
            {
                scores.TryAdd(hit.Doc, floor);
            }
        }

        // The passages holding the question's rarer words, which common words in titles can push out of the BM25 top:
        // read straight from the postings, they are few.
        foreach (var term in content.SelectMany(c => c.AllTerms))
        {
            AddRareDocs(searcher.IndexReader, term, scores, floor);
        }

        var ranked = new List<Ranked>(scores.Count);
        var fileCoverage = new Dictionary<string, double>(StringComparer.Ordinal);
        var fileAnchors = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        var opposites = content.Select(c => OppositeOf(index, c)).ToArray();
        var definitional = IsDefinitional(question);
        var negations = NegationsOf(question);
        var asksHow = HowQuestion().IsMatch(question);
        var asked = concepts.SelectMany(c => c.AllTerms.Concat(c.Parts)).ToHashSet(StringComparer.Ordinal);
        foreach (var (doc, bm25) in scores)
        {
            var id = index.EntryOf(doc);
            if (id < 0)
            {
                continue;
            }

            var file = index.Entries[id].Passage.File;
            if (!fileCoverage.TryGetValue(file, out var fileScore))
            {
                fileScore = index.FileCoverage(file, content, totalWeight);
                fileCoverage[file] = fileScore;
            }

            if (!fileAnchors.TryGetValue(file, out var fileAnchor))
            {
                var words = index.FileWords.TryGetValue(file, out var w) ? w : [];
                fileAnchor = content.Select(c => c.AllTerms.Any(t => t.Length >= 3 && words.Any(x => x.StartsWith(t, StringComparison.Ordinal)))).ToArray();
                fileAnchors[file] = fileAnchor;
            }

            ranked.Add(Rank(index, id, asked, content, totalWeight, bm25, fileScore, definitional, negations, asksHow, subject, fileAnchor, opposites));
        }

        ranked.Sort((x, y) => y.Score.CompareTo(x.Score));
        return ranked;
    }

    private static Answer Compose(KnowledgeIndex index, IndexSearcher searcher, string question)
    {
        var concepts = QuestionTerms.Build(index, searcher, question);
        var ranked = RankCandidates(index, searcher, question, concepts);
        // The first of the top candidates that covers the question answers it; below it, the notes do not.
        var covering = ranked.Take(CoverCandidates).ToList().FindIndex(Covers);
        if (covering < 0 || concepts.Any(c => c.IsUnknownName && !c.IsFrame))
        {
            return Decline(index, question, ranked);
        }

        if (covering > 0)
        {
            var first = ranked[covering];
            ranked.RemoveAt(covering);
            ranked.Insert(0, first);
        }

        var highlighter = NewHighlighter(HighlightQuery(concepts));
        var yesNo = IsYesNo(question);
        var citations = new List<Citation>();
        var texts = new List<string>();
        var sections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in ranked)
        {
            if (citations.Count == MaxCitations)
            {
                break;
            }

            var entry = index.Entries[candidate.Id];
            if (citations.Count > 0 && candidate.Coverage < DeclineThreshold * 0.8)
            {
                continue;
            }

            if (!sections.Add(entry.SectionKey))
            {
                continue;
            }

            var span = CitedSpan(index, candidate, extend: citations.Count == 0 && !yesNo);
            citations.Add(new Citation(
                entry.Passage.File,
                entry.Passage.Section,
                span.Start,
                span.End,
                Highlight(index, highlighter, Truncate(span.Text))));
            texts.Add(span.Text);
        }

        var best = index.Entries[ranked[0].Id];
        return new Answer(question, true, AnswerText(index, concepts, question, best, texts[0], yesNo), citations, []);
    }

    /// <summary>Whether the notes cover the question: the best passage holds enough of its topic weight. A passage
    /// whose section title, heading path, question or file names part of the question (its subject) may miss a
    /// secondary word ("Why is HTTPS safer …", "… at the same time"): what the title holds counts half again, when
    /// the passage holds more of the question's words than it lacks, and its rarest one.
    /// A question that names a whole section title ("What is a monolithic architecture?" under "Monolithic") is
    /// about that section.
    /// Words no passage holds that the passage lacks ("wine" in "the best way to store wine") must be fewer than
    /// half the words it holds, or fewer than those when its title names part of the question.</summary>
    private static bool Covers(Ranked best) =>
        (best.Coverage >= SubjectCoverage && best.TitleNamed)
        || ((best.UnknownMissed * 2 < best.Matched || (best.UnknownMissed < best.Matched && best.Anchor > 0))
            && best.Coverage + (best.Matched >= 2 && best.Missed < best.Matched && best.HeaviestMatched ? 0.5 * best.Anchor : 0) >= DeclineThreshold
            && best.Coverage >= SubjectCoverage);

    /// <param name="Lead">The title the passage leads that the question names best, or null.</param>
    /// <param name="Anchor">Share of the question's topic weight named by the passage's title, heading path, lead
    /// titles, question (for a pair) or file name.</param>
    /// <param name="Matched">How many of the question's concepts the passage, its title or its path holds.</param>
    /// <param name="TitleNamed">The question names every word of the passage's section title or of a title it leads.</param>
    /// <param name="HeaviestMatched">The passage, its title or its path holds the question's rarest word.</param>
    /// <param name="Missed">How many of the question's concepts the passage, its title and its path lack.</param>
    /// <param name="UnknownMissed">How many of the question's words the passage lacks that no passage holds.</param>
    private readonly record struct Ranked(int Id, double Score, double Coverage, double TitleCoverage, Heading? Lead, double Anchor = 0, int Matched = 0, int UnknownMissed = 0, bool TitleNamed = false, int Missed = 0, bool HeaviestMatched = false);

    private readonly record struct Span(int Start, int End, string Text);

    private static Ranked Rank(KnowledgeIndex index, int id, HashSet<string> asked, List<Concept> content, double totalWeight, double bm25, double fileCoverage, bool definitional, HashSet<string> negations, bool asksHow, Concept? subject, bool[] fileAnchor, HashSet<string>?[] opposites)
    {
        var body = index.BodyTerms[id];
        var title = index.TitleTerms[id];
        var context = index.ContextTerms[id];
        double matched = 0, inTitle = 0, inPath = 0;
        int matchedCount = 0, unknownMissed = 0;
        var heaviest = content[0];
        foreach (var concept in content)
        {
            heaviest = concept.Weight > heaviest.Weight ? concept : heaviest;
        }

        var heaviestMatched = false;

        // A word only in the section title counts fully for the section's first passage (it is about the title),
        // a little less for later ones.
        var titleOnly = index.Entries[id].IndexInSection == 0 ? 1.0 : 0.7;
        for (var k = 0; k < content.Count; k++)
        {
            var concept = content[k];

            // "Is EKS fully managed?" — "Partially managed" speaks to "fully", by contrast.
            var inBody = concept.MatchesAny(body) || (opposites[k] is { } opposite && body.IsSupersetOf(opposite));
            var isInTitle = concept.MatchesAny(title);
            var isInContext = concept.MatchesAny(context);
            matched += inBody ? concept.Weight : isInTitle ? concept.Weight * titleOnly : isInContext ? concept.Weight * 0.6 : 0;
            matchedCount += inBody || isInTitle || isInContext ? 1 : 0;
            heaviestMatched |= ReferenceEquals(concept, heaviest) && (inBody || isInTitle || isInContext);
            unknownMissed += concept.IsUnknown ? 1 : 0;
            inTitle += isInTitle ? concept.Weight : 0;
            inPath += isInTitle || isInContext ? concept.Weight : 0;
        }

        var entry = index.Entries[id];
        Heading? lead = null;
        var leadScore = 0.0;
        var leadTerms = index.LeadTerms[id];
        for (var l = 0; l < leadTerms.Length; l++)
        {
            var covered = Covered(content, leadTerms[l]) / totalWeight;
            if (covered < 0.6)
            {
                continue;
            }

            var fit = covered * Math.Sqrt(KnowledgeIndex.TitlePrecision(index.LeadSlots[id][l], asked));
            if (fit > leadScore + 1e-9)
            {
                leadScore = fit;
                lead = entry.Leads[l];
            }
        }

        // A pair under its own question is found by the question text, not again by its "section".
        var ownSection = entry.Passage.Kind == PassageKind.QuestionAnswer && entry.Passage.Section == entry.Passage.Question;
        var anchored = 0.0;
        var titleNamed = !ownSection && index.TitleSlotsOf[id].Length > 0 && KnowledgeIndex.TitlePrecision(index.TitleSlotsOf[id], asked) >= 0.99;
        for (var l = 0; l < leadTerms.Length && !titleNamed; l++)
        {
            titleNamed = index.LeadSlots[id][l].Length > 0 && KnowledgeIndex.TitlePrecision(index.LeadSlots[id][l], asked) >= 0.99;
        }

        var questionTerms = index.QuestionTermSets[id];
        for (var k = 0; k < content.Count; k++)
        {
            var concept = content[k];
            var isAnchored = fileAnchor[k] || concept.MatchesAny(title) || concept.MatchesAny(context)
                || (questionTerms is not null && concept.MatchesAny(questionTerms));
            for (var l = 0; l < leadTerms.Length && !isAnchored; l++)
            {
                isAnchored = concept.MatchesAny(leadTerms[l]);
            }

            anchored += isAnchored ? concept.Weight : 0;
        }

        var coverage = matched / totalWeight;
        var titleCoverage = inTitle / totalWeight;
        var pathCoverage = inPath / totalWeight;
        var score = coverage + (0.2 * bm25);
        var sectionFit = !ownSection && Math.Max(titleCoverage, pathCoverage) >= 0.6
            ? Math.Max(titleCoverage, pathCoverage) * (0.5 + (0.5 * KnowledgeIndex.TitlePrecision(index.TitleSlotsOf[id], asked)))
            : 0;

        // The question names this section (or a title above it): its passages come before others that only mention
        // the words, and the first lines under a title that is exactly what was asked answer it best.
        score += 0.1 * Math.Max(sectionFit, leadScore);
        if (lead is not null)
        {
            score += (0.4 * leadScore) + (lead.Depth == 0 ? 0.12 : 0.03 / lead.Depth);
        }

        // A question-answer pair whose question is the question asked (not one that merely shares its words).
        if (questionTerms is not null)
        {
            var askedShare = Covered(content, questionTerms) / totalWeight;
            var precision = askedShare >= 0.6 ? KnowledgeIndex.TitlePrecision(index.QuestionSlots[id]!, asked) : 0;
            if (precision >= 0.5)
            {
                score += 0.3 * askedShare * Math.Sqrt(precision);
            }

            // A yes/no pair answers its own question, not what something is.
            if (definitional && IsYesNo(entry.Passage.Question ?? string.Empty))
            {
                score -= 0.15;
            }
        }

        // "Can you have a container without a pod?": a passage that says "without" (or "not") speaks to it.
        if (negations.Count > 0 && index.Negations[id].Overlaps(negations))
        {
            score += 0.05;
        }

        // Code blocks and ASCII diagrams answer "how do I …" and command questions, not "what is …".
        if (entry.Passage.Kind == PassageKind.Code && !asksHow)
        {
            score -= 0.1;
        }

        // The question's subject (its first specific word: "UDP" in "Does UDP retransmit lost data?", "Lambda" in "How
        // is AWS Lambda charged?") must be what the passage or its section speaks of; a passage that only shares the
        // rest is about something else.
        if (subject is not null && !subject.MatchesAny(body) && !subject.MatchesAny(title) && !subject.MatchesAny(index.ParentTerms[id]))
        {
            score -= 0.12 + (0.5 * subject.Weight / totalWeight);
        }

        // The question's words as written beat their stems: "filtered" over "filter", "tables" over "table".
        var exact = 0.0;
        foreach (var concept in content)
        {
            if (concept.Surface is { } surface && concept.MatchesAny(body) && index.SurfaceWords[id].Contains(surface))
            {
                exact += concept.Weight;
            }
        }

        score += 0.06 * exact / totalWeight;

        // A line that is mostly links (a README's index, "Helpful links: …") points elsewhere; it does not explain.
        if (entry.LinkShare >= 0.5)
        {
            score -= 0.1 * entry.LinkShare;
        }

        // A file named after the topic ("dhcp.md") is where the topic is explained.
        score += 0.12 * fileCoverage;
        if (definitional && index.IsDefinition[id])
        {
            score += 0.08;
        }

        // An instruction ("Create a deployment …", a lab task) does not say what something is.
        if (definitional && index.IsInstruction[id])
        {
            score -= 0.08;
        }

        return new Ranked(id, score, coverage, Math.Max(titleCoverage, leadScore), lead, anchored / totalWeight, matchedCount, unknownMissed, titleNamed, content.Count - matchedCount, heaviestMatched);
    }

    private static void AddRareDocs(IndexReader reader, string term, Dictionary<int, double> scores, double floor)
    {
        var bytes = new BytesRef(term);
        if (reader.DocFreq(new Term(KnowledgeIndex.BodyField, bytes)) is 0 or > RareDocs)
        {
            return;
        }

        var docs = MultiFields.GetTermDocsEnum(reader, MultiFields.GetLiveDocs(reader), KnowledgeIndex.BodyField, bytes);
        while (docs is not null && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            scores.TryAdd(docs.DocID, floor);
        }
    }

    private static double Covered(List<Concept> concepts, HashSet<string> terms)
    {
        var sum = 0.0;
        foreach (var concept in concepts)
        {
            if (concept.MatchesAny(terms))
            {
                sum += concept.Weight;
            }
        }

        return sum;
    }

    /// <summary>The lines to cite: the passage, from the title it leads when the question names that title (or it is
    /// its section's first passage), and for a question that names the section, the next passages of that section
    /// (a few lines, never the file).</summary>
    private static Span CitedSpan(KnowledgeIndex index, Ranked candidate, bool extend)
    {
        var entry = index.Entries[candidate.Id];
        var passage = entry.Passage;
        var start = passage.LineStart;
        var end = passage.LineEnd;
        var parts = new List<string> { passage.Text };
        var titleLine = candidate.Lead?.Line
            ?? (entry.IndexInSection == 0 && entry.SectionLine > 0 ? entry.SectionLine : 0);
        var withTitle = titleLine > 0 && titleLine < start && start - titleLine <= 4
            && passage.Kind != PassageKind.QuestionAnswer && end - titleLine < MaxCitedLines;
        if (withTitle)
        {
            start = titleLine;
        }

        if (extend && withTitle && candidate.TitleCoverage >= 0.6)
        {
            for (var next = candidate.Id + 1; next < index.Entries.Count && parts.Count < 4; next++)
            {
                var following = index.Entries[next];
                if (following.SectionKey != entry.SectionKey || following.Passage.LineEnd - start + 1 > MaxCitedLines)
                {
                    break;
                }

                parts.Add(following.Passage.Text);
                end = following.Passage.LineEnd;
            }
        }

        var text = string.Join("\n", parts);
        return new Span(start, end, text);
    }

    private static string AnswerText(KnowledgeIndex index, List<Concept> concepts, string question, NoteEntry best, string citedText, bool yesNo)
    {
        var passage = best.Passage;
        if (!yesNo)
        {
            if (passage.Kind == PassageKind.QuestionAnswer)
            {
                // A terse answer ("no", "Yes we can") says little without the question it answers.
                var answerText = Clean(passage.AnswerText ?? passage.Text);
                return answerText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 && passage.Question is not null
                    ? $"{Clean(passage.Question).TrimEnd('?', ' ')}? {Capitalize(answerText)}."
                    : answerText;
            }

            var body = Clean(citedText);
            return string.IsNullOrEmpty(passage.Section) || body.StartsWith(passage.Section, StringComparison.OrdinalIgnoreCase)
                ? body
                : $"{passage.Section}: {body}";
        }

        var answer = passage.Kind == PassageKind.QuestionAnswer ? passage.AnswerText ?? passage.Text : passage.Text;

        // A pair's "No" answers the pair's own question; asked something else about it ("is the snapshot encrypted?"
        // under "Can we create an un-encrypted volume from an encrypted snapshot? No, … will be encrypted"), read the
        // statement after it.
        var ownQuestion = passage.Question is null || AsksThePairsQuestion(index, concepts, question, passage.Question);
        var stated = ownQuestion ? answer : LeadingYesNo().Replace(answer, string.Empty);
        var clause = MatchingClause(index, concepts, question, stated.Length > 0 ? stated : answer);
        var polarity = (passage.Kind == PassageKind.TableRow ? RowPolarity(index, concepts, question, passage.Text) : null)
            ?? Polarity(clause, index, concepts);

        // "Does it work with every plugin?" — "only works on supported ones" restricts, it does not assent.
        if (polarity && Quantifier().IsMatch(question) && OnlyWord().IsMatch(answer))
        {
            polarity = false;
        }

        // "Does server-side encryption protect data in transit?" — "protects data at rest": the passage says the
        // opposite of what was asked, and not the asked word itself.
        if (polarity && passage.Kind != PassageKind.TableRow && SaysTheOpposite(index, question, clause))
        {
            polarity = false;
        }

        var rest = LeadingYesNo().Replace(Clean(ownQuestion ? answer : clause), string.Empty);
        if (rest.Length == 0)
        {
            rest = Clean(passage.Question ?? passage.Section);
        }
        else if (passage.Kind != PassageKind.QuestionAnswer && !string.IsNullOrEmpty(passage.Section))
        {
            rest = $"{passage.Section}: {rest}";
        }

        return $"{(polarity ? "Yes" : "No")} — {Capitalize(rest)}";
    }

    /// <summary>The clause of a passage that speaks to the question ("https is more secure; http not secure" asked
    /// about https): the one holding most of the question's concepts, the first on a tie. An explicit yes/no opening
    /// keeps the whole passage.</summary>
    private static string MatchingClause(KnowledgeIndex index, List<Concept> concepts, string question, string text)
    {
        if (LeadingYesNo().IsMatch(text))
        {
            return text;
        }

        var clauses = ClauseBreak().Split(text).Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (clauses.Count <= 1)
        {
            return text;
        }

        var content = concepts.Where(c => !c.IsFrame).ToList();
        var asked = Words(question);
        var best = clauses[0];
        var bestMatches = -1;
        foreach (var clause in clauses)
        {
            // Concepts first; the words as written break ties ("http" asked, "https" and "http" in the clauses).
            var terms = index.Analyzer.Terms(clause);
            var matches = (content.Count(c => c.MatchesAny(terms)) * 100) + Words(clause).Count(asked.Contains);
            if (matches > bestMatches)
            {
                best = clause;
                bestMatches = matches;
            }
        }

        return best;
    }

    /// <summary>Opposites that notes use to answer yes/no questions by contrast.</summary>
    private static readonly (string A, string B)[] Opposites =
    [
        ("rest", "transit"), ("fully", "partially"), ("automatically", "manually"), ("public", "private"),
        ("inbound", "outbound"), ("stateful", "stateless"), ("synchronous", "asynchronous"), ("static", "dynamic"),
        ("physical", "virtual"), ("encrypted", "unencrypted"), ("reliable", "unreliable"), ("secure", "insecure"),
        ("mandatory", "optional"), ("required", "optional"), ("faster", "slower"), ("higher", "lower"),
        ("more", "less"), ("internal", "external"), ("managed", "unmanaged"), ("connectionless", "connection-oriented"),
    ];

    /// <summary>The terms of the opposite of a one-word concept ("partially" for "fully"), or null.</summary>
    private static HashSet<string>? OppositeOf(KnowledgeIndex index, Concept concept)
    {
        if (concept.Parts.Count > 0)
        {
            return null;
        }

        foreach (var (termsA, termsB) in OppositeTerms(index))
        {
            if (termsA.Count == 1 && termsB.Count == 1 && concept.Terms.Contains(termsA.First()))
            {
                return termsB;
            }

            if (termsA.Count == 1 && termsB.Count == 1 && concept.Terms.Contains(termsB.First()))
            {
                return termsA;
            }
        }

        return null;
    }

    /// <summary>The analyzed <see cref="Opposites"/>, once per index.</summary>
    private static (HashSet<string> A, HashSet<string> B)[] OppositeTerms(KnowledgeIndex index) =>
        AnalyzedOpposites.GetValue(index, i => Opposites.Select(o => (i.Analyzer.Terms(o.A), i.Analyzer.Terms(o.B))).ToArray());

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeIndex, (HashSet<string> A, HashSet<string> B)[]> AnalyzedOpposites = new();

    private static bool SaysTheOpposite(KnowledgeIndex index, string question, string clause)
    {
        var asked = index.Analyzer.Terms(question);
        var said = index.Analyzer.Terms(clause);
        foreach (var (termsA, termsB) in OppositeTerms(index))
        {
            if ((asked.IsSupersetOf(termsA) && !said.Overlaps(termsA) && said.IsSupersetOf(termsB))
                || (asked.IsSupersetOf(termsB) && !said.Overlaps(termsB) && said.IsSupersetOf(termsA)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the question asks what the pair's question asks: most of its topic words are in the pair's
    /// question, and both ask about the same side (not one about "un-encrypted" and the other about "encrypted").</summary>
    private static bool AsksThePairsQuestion(KnowledgeIndex index, List<Concept> concepts, string question, string pairQuestion)
    {
        var content = concepts.Where(c => !c.IsFrame).ToList();
        var pairTerms = index.Analyzer.Terms(pairQuestion);
        var named = content.Count(c => c.MatchesAny(pairTerms));
        return named * 3 >= content.Count * 2 && IsNegative(index, question) == IsNegative(index, pairQuestion);
    }

    /// <summary>A negation word or a negated word ("un-encrypted", "unencrypted", "non-critical").</summary>
    private static bool IsNegative(KnowledgeIndex index, string text)
    {
        foreach (var word in WordPattern().Matches(text.Replace('’', '\'')).Select(m => m.Value.ToLowerInvariant()))
        {
            if (NotesAnalyzer.NegationWords.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal) || word is "un" or "non")
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

    /// <summary>A yes/no question answered by a table row that compares columns ("Feature | TCP | UDP"): read the
    /// column whose header names the question's subject. It says no when it holds a negation, or when the asked
    /// property ("stateful", "immune", "block") is in another column's cell and not in its own. Null when no column
    /// header names the subject.</summary>
    private static bool? RowPolarity(KnowledgeIndex index, List<Concept> concepts, string question, string rowText)
    {
        var cells = rowText.Split(" | ")
            .Select(part => part.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0
                ? (Header: part[..colon], Cell: part[(colon + 2)..])
                : (Header: string.Empty, Cell: part))
            .ToList();
        if (cells.Count < 3)
        {
            return null;
        }

        var content = concepts.Where(c => !c.IsFrame).ToList();
        var asked = Words(question);
        var subject = -1;
        var subjectScore = 0;
        HashSet<string> subjectHeader = [];
        for (var i = 1; i < cells.Count; i++)
        {
            var header = index.Analyzer.Terms(cells[i].Header);
            var named = content.Count(c => c.MatchesAny(header));
            var score = named == 0 ? 0 : (named * 100) + Words(cells[i].Header).Count(asked.Contains);
            if (score > subjectScore)
            {
                (subject, subjectScore, subjectHeader) = (i, score, header);
            }
        }

        if (subject < 0)
        {
            return null;
        }

        // "Is UDP connectionless?" read under the header "Connectionless (UDP)": the column is what was asked.
        if (content.All(c => c.MatchesAny(subjectHeader)))
        {
            return true;
        }

        var cell = cells[subject].Cell;
        if (!Polarity(cell))
        {
            return false;
        }

        var own = index.Analyzer.Terms(cell);
        var predicate = content.Where(c => !c.MatchesAny(subjectHeader) && !c.MatchesAny(own)).ToList();
        for (var i = 1; i < cells.Count; i++)
        {
            if (i != subject && predicate.Any(c => c.MatchesAny(index.Analyzer.Terms(cells[i].Cell))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the passage affirms: an explicit "yes", or a statement without a negation
    /// ("without" qualifies rather than denies, so it does not count).</summary>
    internal static bool Polarity(string answer, KnowledgeIndex? index = null, IReadOnlyList<Concept>? concepts = null)
    {
        var words = WordPattern().Matches(answer.Replace('’', '\'')).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count > 0 && words[0] == "yes")
        {
            return true;
        }

        if (words.Count > 0 && words[0] == "no")
        {
            return false;
        }

        var negations = Enumerable.Range(0, words.Count).Where(i => IsNegation(words[i])).ToList();
        if (negations.Count == 0)
        {
            return true;
        }

        // A negation denies what the question asks when it stands just before one of the question's words
        // ("not encrypted", "cannot have a container", "no retransmissions"); "Connectionless — no handshake" still
        // affirms "connectionless". Without the question's words in the clause, any negation counts.
        var content = concepts?.Where(c => !c.IsFrame).ToList() ?? [];
        var asked = index is null || content.Count == 0
            ? []
            : Enumerable.Range(0, words.Count).Where(i => content.Any(c => c.MatchesAny(index.Analyzer.Terms(words[i])))).ToList();
        if (asked.Count == 0)
        {
            return false;
        }

        return !negations.Any(n => asked.Any(a => a > n && a - n <= NegationReach));
    }

    private static bool IsNegation(string word) =>
        word != "without" && (NotesAnalyzer.NegationWords.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal));

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.Replace('’', '\'')).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    internal static HashSet<string> NegationsOf(string text) =>
        WordPattern().Matches(text.Replace('’', '\''))
            .Select(m => m.Value.ToLowerInvariant())
            .Where(NotesAnalyzer.NegationWords.Contains)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>"What is X?", "Define X", "Explain X", "What does X mean?": asks what something is.</summary>
    internal static bool IsDefinitional(string question) => DefinitionalQuestion().IsMatch(question);

    internal static bool IsYesNo(string question)
    {
        var first = WordPattern().Match(question);
        return first.Success && YesNoOpeners.Contains(first.Value);
    }

    /// <summary>The polite decline, with the closest sections as "related notes" when some share part of the
    /// question (never presented as the answer).</summary>
    private static Answer Decline(KnowledgeIndex index, string question, List<Ranked> ranked)
    {
        var related = new List<Citation>();
        var sections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in ranked.Where(r => r.Coverage >= RelatedThreshold))
        {
            var entry = index.Entries[candidate.Id];
            if (related.Count == MaxCitations || !sections.Add(entry.SectionKey) || entry.Passage.Section.Length == 0)
            {
                continue;
            }

            var line = entry.SectionLine > 0 ? entry.SectionLine : entry.Passage.LineStart;
            related.Add(new Citation(entry.Passage.File, entry.Passage.Section, line, line, entry.Passage.Section));
        }

        var text = related.Count == 0
            ? DeclineText
            : $"{DeclineText} Related notes: {string.Join("; ", related.Select(r => $"{r.Section} ({r.File})"))}.";
        return new Answer(question, false, text, [], related);
    }

    private static Query BuildQuery(List<Concept> concepts, string field)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in concepts.SelectMany(c => c.AllTerms.Concat(c.Parts)).Distinct(StringComparer.Ordinal).Take(MaxClauses))
        {
            query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Passages holding the subject (in text or title), ranked by the rest of the question's words.</summary>
    private static Query SubjectQuery(Concept subject, List<Concept> content)
    {
        var named = new BooleanQuery(disableCoord: true);
        foreach (var term in subject.AllTerms.Take(8))
        {
            named.Add(new TermQuery(new Term(KnowledgeIndex.BodyField, term)), Occur.SHOULD);
            named.Add(new TermQuery(new Term(KnowledgeIndex.TitleField, term)), Occur.SHOULD);
        }

        var query = new BooleanQuery(disableCoord: true) { { named, Occur.MUST } };
        foreach (var term in content.Where(c => !ReferenceEquals(c, subject)).SelectMany(c => c.AllTerms).Distinct(StringComparer.Ordinal).Take(MaxClauses / 2))
        {
            query.Add(new TermQuery(new Term(KnowledgeIndex.BodyField, term)), Occur.SHOULD);
        }

        return query;
    }

    private static Query BuildQuery(List<Concept> concepts)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var concept in concepts)
        {
            var weight = concept.IsFrame ? 0.3f : 1f;
            foreach (var term in concept.Terms)
            {
                AddTerm(query, term, weight);
            }

            foreach (var term in concept.Corrected)
            {
                AddTerm(query, term, weight * 0.7f);
            }

            foreach (var term in concept.Parts)
            {
                AddTerm(query, term, weight * 0.5f);
            }
        }

        return query;
    }

    private static void AddTerm(BooleanQuery query, string term, float weight)
    {
        if (query.Clauses.Count + 3 > MaxClauses)
        {
            // A very long question has said what it asks long before Lucene's clause limit.
            return;
        }

        query.Add(new TermQuery(new Term(KnowledgeIndex.BodyField, term)) { Boost = weight }, Occur.SHOULD);
        query.Add(new TermQuery(new Term(KnowledgeIndex.TitleField, term)) { Boost = weight * 2f }, Occur.SHOULD);
        query.Add(new TermQuery(new Term(KnowledgeIndex.LeadField, term)) { Boost = weight * 1.5f }, Occur.SHOULD);
    }

    private static Query HighlightQuery(List<Concept> concepts)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in concepts.Where(c => !c.IsFrame).SelectMany(c => c.AllTerms.Concat(c.Parts)).Distinct(StringComparer.Ordinal).Take(MaxClauses))
        {
            query.Add(new TermQuery(new Term(KnowledgeIndex.BodyField, term)), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>One highlighter per answer: the scorer reads the query once for all citations.</summary>
    private static Highlighter NewHighlighter(Query query) =>
        new(new SimpleHTMLFormatter("**", "**"), new QueryTermScorer(query))
        {
            TextFragmenter = new NullFragmenter(),
        };

    private static string Highlight(KnowledgeIndex index, Highlighter highlighter, string text)
    {
        try
        {
            return highlighter.GetBestFragment(index.Analyzer, KnowledgeIndex.BodyField, text) ?? text;
        }
        catch (InvalidTokenOffsetsException)
        {
            return text;
        }
    }

    private static string Truncate(string text) =>
        text.Length <= MaxSnippetChars ? text : string.Concat(text.AsSpan(0, MaxSnippetChars), "…");

    /// <summary>Flattens passage text for an answer: one line, single spaces.</summary>
    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(builder[^1] is '.' or ':' or ';' or '?' or '!' ? " " : "; ");
            }

            builder.Append(line);
        }

        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\s*(yes|no)\b[\s,.;:!\-–—]*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingYesNo();

    [GeneratedRegex(@"^\s*(what\s+(is|are|was|were|does|do)\b|what's\b|define\b|explain\b|describe\b|meaning\s+of\b)", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionalQuestion();

    /// <summary>A sentence that says what something is: "X is a …", "X refers to …", "X stands for …".</summary>
    [GeneratedRegex(@"\b(is|are)\s+(a|an|the|used|what)\b|\brefers?\s+to\b|\bstands?\s+for\b|\bmeans\b|\bdefined\s+as\b", RegexOptions.IgnoreCase)]
    internal static partial Regex DefinitionPattern();

    [GeneratedRegex(@"^\s*how\b|\b(command|commands|syntax|example|examples|kubectl|cli|script|config|configure|yaml)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowQuestion();

    /// <summary>A passage that opens with an imperative verb: a step or a task rather than an explanation.</summary>
    [GeneratedRegex(@"^\W*(create|run|add|delete|remove|list|get|make|edit|check|set|install|configure|deploy|open|go|click|select|apply|write|copy|move|change|update|start|stop|enable|disable|try|find|scale|expose|upgrade|drain|adjust|verify|ensure|modify|launch|attach|mount|login|log in|ssh|cd|export)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex InstructionPattern();

    [GeneratedRegex(@"[;!?\n]|\.\s|,\s+(?:but|whereas|while)\b|\s[—–]\s|\bbut\b|\bwhereas\b|\bthen\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(any|every|all|always|everything|anywhere)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quantifier();

    [GeneratedRegex(@"\bonly\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyWord();
}
