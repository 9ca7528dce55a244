using SemanticIndex = StudyBot.Core.Knowledge.Semantic.SemanticIndex;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// The third stage: small named signals, each a number about how a candidate passage fits the question. They carry no
/// weights: <see cref="AnswerModel"/> weighs them with weights fitted on labelled questions, and <c>explain</c> prints
/// each one's contribution. The question that motivated each signal is in its comment.
/// </summary>
internal static class Signals
{
    /// <summary>The passage-level signals, in the order of <see cref="Compute"/>'s vector.</summary>
    public static readonly string[] Names =
    [
        "bm25",                 // Lucene BM25 over body, titles and opened titles, relative to the best hit.
        "coverage",             // share of the question's topic weight (idf) the passage, its title or path holds.
        "title_coverage",       // share named by the section title.
        "path_coverage",        // share named by the title or the heading path above it.
        "section_fit",          // the question names this section: coverage × precision of the title.
        "lead_fit",             // the passage opens a title that is what was asked ("What is a monolith?" under "Monolithic").
        "lead_top_level",       // that title is a file's top-level one.
        "anchor",               // share named by title, path, pair question, opened titles or the file name.
        "matched_share",        // share of the question's concepts present at all.
        "unknown_missed",       // share of the question's words that no passage holds ("wine" in "how to store wine").
        "title_named",          // every word of the section title is in the question.
        "rarest_matched",       // the question's rarest word is in the passage, title or path.
        "pair_match",           // a question line in the notes asks what was asked.
        "yes_no_pair_mismatch", // a yes/no pair answers its own question, not "what is".
        "negation_overlap",     // "Can you have a container without a pod?" — the passage says "without".
        "code_not_how",         // a code block for a "what is" question.
        "code_for_how",         // a code block for a "how do I" or command question.
        "subject_missing",      // the question's subject ("UDP" in "Does UDP retransmit?") is not in the passage or its section.
        "exact_words",          // the question's words as written ("filtered", not only "filter").
        "link_share",           // mostly links: points elsewhere, does not explain.
        "file_fit",             // a file named after the topic ("dhcp.md").
        "definition_shape",     // "X is a …" for a "what is" question.
        "instruction_shape",    // "Create a deployment …" for a "what is" question.
        "section_opening",      // the first passage under its title.
        "table_row",            // a table row.
        "table_header_match",   // "Which port does HTTPS use?" — a row whose column header names what was asked.
        "answer_type_value",    // "How long until it stops?" — the passage holds a duration.
        "length",               // log of the passage's length in words.
        "asks",                 // the passage itself asks a question it does not answer (an exercise, an interview question).
        "semantic",             // cosine of the question and passage embeddings (local MiniLM).
        "semantic_rank",        // 1 / (1 + the passage's rank by that cosine among all passages).
        "semantic_gap",         // how far below the best cosine of any passage it is.
        "adapted_semantic",     // cosine of the passage and the question moved by the fitted adapter (AnswerModel.QuestionAdapter):
                                // "How do I turn off …?" nearer "disable …" than the general-purpose model puts it.
        "token_match",          // mean over the question's word pieces of each one's best cosine among the passage's (MaxSim).
        "token_match_weakest",  // the same over the worst-matched third: the words the passage does not speak of
                                // ("How long is the TTL of a DNS record?" — "TTL" matched, or only "DNS record").
    ];

    /// <summary>The signals that need the semantic model: zero on the lexical path.</summary>
    public static readonly string[] SemanticNames = ["semantic", "semantic_rank", "semantic_gap", "adapted_semantic", "token_match", "token_match_weakest", "top_semantic", "max_semantic"];

    /// <summary>The question-level signals for the answer/decline decision, from the ranked candidates.</summary>
    public static readonly string[] DecisionNames =
    [
        "top_score",            // the ranker's score of the best candidate.
        "margin",               // how far ahead of the runner-up it is (for "A vs B", the other side's passage is no rival).
        "top_coverage",
        "top_matched_share",
        "top_unknown_missed",
        "unknown_name",         // a capitalised name the notes never mention ("Who painted the Mona Lisa?").
        "top_title_named",
        "top_subject_missing",
        "top_rarest_matched",
        "top_semantic",
        "max_semantic",         // near-topic questions score high here too: one signal among others.
        "concepts",             // log of the number of topic concepts.
        "yes_no",
        "top_answer_type_value",
        "unknown_share",        // share of the question's topic weight in words no passage holds.
    ];

    private static readonly int Semantic = Array.IndexOf(Names, "semantic");
    private static readonly int AdaptedSemantic = Array.IndexOf(Names, "adapted_semantic");
    private static readonly int TokenMatch = Array.IndexOf(Names, "token_match");

    public static int IndexOf(string name) => Array.IndexOf(Names, name);

    /// <summary>Per-question inputs shared by every candidate.</summary>
    internal sealed class Context(KnowledgeIndex index, QuestionAnalysis question, float[]? similarities, float[]? adaptedQuery = null, float[]? queryTokens = null)
    {
        private readonly Dictionary<string, double> _fileCoverage = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool[]> _fileAnchors = new(StringComparer.Ordinal);
        private Dictionary<int, int>? _ranks;

        public KnowledgeIndex Index { get; } = index;

        public QuestionAnalysis Question { get; } = question;

        /// <summary>Cosine of each passage to the question; null on the lexical path.</summary>
        public float[]? Similarities { get; } = similarities;

        public float MaxSimilarity { get; } = similarities is { Length: > 0 } ? similarities.Max() : 0f;

        /// <summary>The question's vector moved by the fitted adapter; null on the lexical path or without one.</summary>
        public float[]? AdaptedQuery { get; } = adaptedQuery;

        /// <summary>The question's word pieces' unit vectors, one after another; null without them.</summary>
        public float[]? QueryTokens { get; } = queryTokens;

        /// <summary>Each concept's opposite, which speaks to a yes/no question ("Is EKS fully managed?" — "partially
        /// managed") but does not answer one that asks which thing is so ("which is fully managed, ECS or EKS?").</summary>
        public HashSet<string>?[] Opposites { get; } = question.Content.Select(c => question.IsYesNo ? OppositeTerms.Of(index, c) : null).ToArray();

        public double FileCoverage(string file)
        {
            if (!_fileCoverage.TryGetValue(file, out var value))
            {
                value = Question.TotalWeight <= 0 ? 0 : Index.FileCoverage(file, Question.Content, Question.TotalWeight);
                _fileCoverage[file] = value;
            }

            return value;
        }

        public bool[] FileAnchor(string file)
        {
            if (!_fileAnchors.TryGetValue(file, out var anchor))
            {
                var words = Index.FileWords.TryGetValue(file, out var w) ? w : [];
                anchor = Question.Content.Select(c => c.AllTerms.Any(t => t.Length >= 3 && words.Any(x => x.StartsWith(t, StringComparison.Ordinal)))).ToArray();
                _fileAnchors[file] = anchor;
            }

            return anchor;
        }

        /// <summary>The <paramref name="count"/> passages nearest the question by cosine, best first (none on the
        /// lexical path).</summary>
        public int[] SemanticTop(int count) => Similarities is null ? [] : SemanticIndex.Top(Similarities, count);

        /// <summary>Passage <paramref name="id"/>'s rank by cosine among all passages (0: nearest).</summary>
        public int SemanticRank(int id) =>
            Similarities is null ? int.MaxValue
            : _ranks is not null && _ranks.TryGetValue(id, out var rank) ? rank
            : SemanticIndex.Ranks(Similarities, [id])[id];

        /// <summary>Ranks the candidates by cosine all at once (one pass over every passage, not one each).</summary>
        public void RankCandidates(IEnumerable<int> ids) =>
            _ranks = Similarities is null ? null : SemanticIndex.Ranks(Similarities, ids);
    }

    /// <summary>A candidate with its signals; <see cref="Score"/> is set by the model.</summary>
    internal sealed class Candidate(int id, double[] features, Heading? lead, double titleFit)
    {
        public int Id { get; } = id;

        public double[] Features { get; } = features;

        /// <summary>The title the passage opens that the question names best, or null.</summary>
        public Heading? Lead { get; } = lead;

        /// <summary>How well the section title or the opened title names the question (for the cited span).</summary>
        public double TitleFit { get; } = titleFit;

        public double Score { get; set; }

        public double this[string name] => Features[IndexOf(name)];
    }

    public static Candidate Compute(Context context, int id, double bm25)
    {
        var index = context.Index;
        var q = context.Question;
        var content = q.Content;
        var total = q.TotalWeight;
        var f = new double[Names.Length];
        var entry = index.Entry(id);
        var features = index.Features(id);
        var passage = entry.Passage;
        var body = features.Body;
        var title = features.Title;
        var path = features.Context;
        double matched = 0, inTitle = 0, inPath = 0;
        int matchedCount = 0, unknownMissed = 0;
        var heaviest = content.Count == 0 ? null : content.MaxBy(c => c.Weight);
        var heaviestMatched = false;
        for (var k = 0; k < content.Count; k++)
        {
            var concept = content[k];
            var inBody = OppositeTerms.Holds(concept, context.Opposites[k], body);
            var isInTitle = concept.MatchesAny(title);
            var isInPath = concept.MatchesAny(path);
            matched += inBody || isInTitle || isInPath ? concept.Weight : 0;
            var any = inBody || isInTitle || isInPath;
            matchedCount += any ? 1 : 0;
            heaviestMatched |= ReferenceEquals(concept, heaviest) && any;
            unknownMissed += concept.IsUnknown && !any ? 1 : 0;
            inTitle += isInTitle ? concept.Weight : 0;
            inPath += isInTitle || isInPath ? concept.Weight : 0;
        }

        Heading? lead = null;
        var leadFit = 0.0;
        var leadTerms = features.Leads;
        for (var l = 0; l < leadTerms.Length && total > 0; l++)
        {
            var fit = Covered(content, leadTerms[l]) / total * Math.Sqrt(KnowledgeIndex.TitlePrecision(features.LeadSlots[l], q.Asked));
            if (fit > leadFit + 1e-9)
            {
                leadFit = fit;
                lead = entry.Leads[l];
            }
        }

        var ownSection = passage.Kind == PassageKind.QuestionAnswer && passage.Section == passage.Question;
        var titleNamed = !ownSection && features.TitleSlots.Length > 0 && KnowledgeIndex.TitlePrecision(features.TitleSlots, q.Asked) >= 0.99;
        for (var l = 0; l < leadTerms.Length && !titleNamed; l++)
        {
            titleNamed = features.LeadSlots[l].Length > 0 && KnowledgeIndex.TitlePrecision(features.LeadSlots[l], q.Asked) >= 0.99;
        }

        var fileAnchor = context.FileAnchor(passage.File);
        var questionTerms = features.QuestionTerms;
        var anchored = 0.0;
        for (var k = 0; k < content.Count; k++)
        {
            var concept = content[k];
            var isAnchored = fileAnchor[k] || concept.MatchesAny(title) || concept.MatchesAny(path)
                || (questionTerms is not null && concept.MatchesAny(questionTerms));
            for (var l = 0; l < leadTerms.Length && !isAnchored; l++)
            {
                isAnchored = concept.MatchesAny(leadTerms[l]);
            }

            anchored += isAnchored ? concept.Weight : 0;
        }

        var norm = total > 0 ? total : 1;
        var titleCoverage = inTitle / norm;
        var pathCoverage = inPath / norm;
        var sectionFit = ownSection ? 0 : Math.Max(titleCoverage, pathCoverage) * KnowledgeIndex.TitlePrecision(features.TitleSlots, q.Asked);
        var pairMatch = questionTerms is null || total <= 0 ? 0
            : Covered(content, questionTerms) / total * Math.Sqrt(KnowledgeIndex.TitlePrecision(features.QuestionSlots!, q.Asked));
        var exact = 0.0;
        foreach (var concept in content)
        {
            if (concept.Surface is { } surface && concept.MatchesAny(body) && features.Surface.Contains(surface))
            {
                exact += concept.Weight;
            }
        }

        var isCode = passage.Kind == PassageKind.Code;
        var subjectMissing = q.Subject is not null && !q.Subject.MatchesAny(body) && !q.Subject.MatchesAny(title) && !q.Subject.MatchesAny(features.Parent);
        var words = features.Words;

        f[0] = bm25;
        f[1] = matched / norm;
        f[2] = titleCoverage;
        f[3] = pathCoverage;
        f[4] = sectionFit;
        f[5] = leadFit;
        f[6] = lead is { Depth: 0 } ? 1 : 0;
        f[7] = anchored / norm;
        f[8] = content.Count == 0 ? 0 : (double)matchedCount / content.Count;
        f[9] = content.Count == 0 ? 0 : (double)unknownMissed / content.Count;
        f[10] = titleNamed ? 1 : 0;
        f[11] = heaviestMatched ? 1 : 0;
        f[12] = pairMatch;
        f[13] = !q.IsYesNo && features.PairAsksYesNo ? 1 : 0;
        f[14] = q.Negations.Count > 0 && features.Negations.Overlaps(q.Negations) ? 1 : 0;
        f[15] = isCode && !q.AsksHow ? 1 : 0;
        f[16] = isCode && q.AsksHow ? 1 : 0;
        f[17] = subjectMissing ? 1 : 0;
        f[18] = exact / norm;
        f[19] = entry.LinkShare;
        f[20] = context.FileCoverage(passage.File);
        f[21] = q.Definitional && features.IsDefinition ? 1 : 0;
        f[22] = q.Definitional && features.IsInstruction ? 1 : 0;
        f[23] = entry.IndexInSection == 0 ? 1 : 0;
        f[24] = passage.Kind == PassageKind.TableRow ? 1 : 0;
        f[25] = features.TableHeaders is { } headers ? TableHeaderMatch(content, headers) : 0;
        f[26] = q.AnswerType != AnswerType.None && features.HoldsValue(q.AnswerType, passage.Text) ? 1 : 0;
        f[27] = Math.Log(1 + words) / 5;
        f[28] = features.Asks ? 1 : 0;
        if (context.Similarities is { } similarities)
        {
            f[Semantic] = similarities[id];
            f[Semantic + 1] = 1.0 / (1 + context.SemanticRank(id));
            f[Semantic + 2] = similarities[id] - context.MaxSimilarity;
            if (context.AdaptedQuery is { } adapted && index.Semantic is { } vectors)
            {
                f[AdaptedSemantic] = vectors.Similarity(id, adapted);
            }

            if (context.QueryTokens is { Length: > 0 } queryTokens && index.Semantic?.BestMatches(id, queryTokens) is { Length: > 0 } best)
            {
                (f[TokenMatch], f[TokenMatch + 1]) = TokenMatchOf(best);
            }
            else if (index.Semantic is { HasTokens: false })
            {
                // Not measured (the notes are too large to keep their word pieces): weighs nothing, see AnswerModel.
                (f[TokenMatch], f[TokenMatch + 1]) = (double.NaN, double.NaN);
            }
        }

        return new Candidate(id, f, lead, Math.Max(titleCoverage, leadFit));
    }

    /// <summary>The mean of each question word piece's best cosine in the passage, and the mean of the worst-matched
    /// third of them (at least one): a passage that matches every word but one scores high on the first and low on
    /// the second.</summary>
    internal static (double Mean, double Weakest) TokenMatchOf(float[] best)
    {
        var sorted = best.Order().ToArray();
        var weakest = Math.Max(1, sorted.Length / 3);
        return (sorted.Average(), sorted.Take(weakest).Average());
    }

    /// <summary>The decision signals of a ranked list (best first).</summary>
    /// <summary>Puts scored candidates in answer order: best first, ties in the notes' order (earlier passages first) so
    /// answers are stable; a passage that is nothing but a question (<see cref="PassageFeatures.OnlyAsks"/>: "🚧 What
    /// are the restrictions on selling stock at IPO?") comes after every one that is not, for a question it asks is no
    /// answer to it. Ranked down by the fitted weight of <c>asks</c> alone, the guide's own open question was cited first
    /// for "how long is the typical lockup period after an IPO?", and the decision, which never sees that signal (too
    /// rare in the labelled sets to get a weight: measured), answered it. Every passage that ends by asking goes last
    /// was measured too: it cost three held-out answers that name their answer before they ask.</summary>
    public static void Order(KnowledgeIndex index, List<Candidate> ranked)
    {
        // Each passage's shape is looked up once, not at every comparison.
        var onlyAsks = ranked.Where(c => index.Features(c.Id).OnlyAsks).Select(c => c.Id).ToHashSet();
        ranked.Sort((x, y) =>
            onlyAsks.Contains(x.Id) != onlyAsks.Contains(y.Id) ? onlyAsks.Contains(x.Id).CompareTo(onlyAsks.Contains(y.Id))
            : y.Score != x.Score ? y.Score.CompareTo(x.Score)
            : x.Id.CompareTo(y.Id));
    }

    public static double[] Decision(Context context, IReadOnlyList<Candidate> ranked)
    {
        var q = context.Question;
        var d = new double[DecisionNames.Length];
        var unknownWeight = q.Content.Where(c => c.IsUnknown).Sum(c => c.Weight);
        d[0] = ranked.Count > 0 ? ranked[0].Score : -10;
        d[1] = Margin(context, ranked);
        if (ranked.Count > 0)
        {
            var top = ranked[0];
            d[2] = top["coverage"];
            d[3] = top["matched_share"];
            d[4] = top["unknown_missed"];
            d[6] = top["title_named"];
            d[7] = top["subject_missing"];
            d[8] = top["rarest_matched"];
            d[9] = top["semantic"];
            d[13] = top["answer_type_value"];
        }

        d[5] = q.Content.Any(c => c.IsUnknownName) ? 1 : 0;
        d[10] = context.Similarities is null ? 0 : context.MaxSimilarity;
        d[11] = Math.Log(1 + q.Content.Count);
        d[12] = q.IsYesNo ? 1 : 0;
        d[14] = q.TotalWeight > 0 ? unknownWeight / q.TotalWeight : 1;
        return d;
    }

    /// <summary>How far the best candidate is ahead of its runner-up: the next candidate, but for a question that sets
    /// two things side by side the next one that is not the other side's passage (<see cref="Comparison.Complement"/>).
    /// "SSE-S3 vs SSE-C" ranks the two keys' lines 0.26 apart, as it should, and that small margin alone declined it.</summary>
    internal static double Margin(Context context, IReadOnlyList<Candidate> ranked)
    {
        if (ranked.Count < 2)
        {
            return ranked.Count;
        }

        var complement = Comparison.Complement(context.Index, QuestionAnalyzer.ComparedSides(context.Question), ranked);
        var rival = ranked.Skip(1).FirstOrDefault(c => !ReferenceEquals(c, complement));
        return rival is null ? 1 : ranked[0].Score - rival.Score;
    }

    /// <summary>For a table row ("Port: 443 | Protocol: TCP | Service: HTTPS"), the share of the question's concepts
    /// found in its column headers: the question names the columns it asks about.</summary>
    /// <param name="headers">The row's header terms (<see cref="PassageFeatures.TableHeaders"/>, analyzed once per row).</param>
    internal static double TableHeaderMatch(List<Concept> content, HashSet<string> headers) =>
        content.Count == 0 || headers.Count == 0 ? 0 : (double)content.Count(c => c.MatchesAny(headers)) / content.Count;

    /// <summary>The terms of a table row's column headers (the text before each cell's ": ").</summary>
    internal static HashSet<string> TableHeaders(KnowledgeIndex index, string rowText)
    {
        var headers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in rowText.Split(" | "))
        {
            var colon = part.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.UnionWith(index.Analyzer.Terms(part[..colon]));
            }
        }

        return headers;
    }

    internal static double Covered(List<Concept> concepts, HashSet<string> terms)
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
}

/// <summary>The analyzed <see cref="Lexicon.Opposites"/>, once per index.</summary>
internal static class OppositeTerms
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeIndex, (HashSet<string> A, HashSet<string> B)[]> Analyzed = new();

    public static (HashSet<string> A, HashSet<string> B)[] All(KnowledgeIndex index) =>
        Analyzed.GetValue(index, i => Lexicon.Opposites
            .Select(o => (A: i.Analyzer.Terms(o.A), B: i.Analyzer.Terms(o.B)))
            .Where(o => o.A.Count > 0 && o.B.Count > 0) // a stop word ("more") would match every text
            .ToArray());

    /// <summary>Whether the terms hold the concept or its opposite (<paramref name="opposite"/> from <see cref="Of"/>):
    /// "Is EKS fully managed?" is spoken to by "partially managed".</summary>
    public static bool Holds(Concept concept, HashSet<string>? opposite, HashSet<string> terms) =>
        concept.MatchesAny(terms) || (opposite is not null && terms.IsSupersetOf(opposite));

    /// <summary>The terms of the opposite of a one-word concept ("partially" for "fully"), or null.</summary>
    public static HashSet<string>? Of(KnowledgeIndex index, Concept concept)
    {
        if (concept.Parts.Count > 0)
        {
            return null;
        }

        foreach (var (a, b) in All(index))
        {
            if (a.Count == 1 && b.Count == 1 && concept.Terms.Contains(a.First()))
            {
                return b;
            }

            if (a.Count == 1 && b.Count == 1 && concept.Terms.Contains(b.First()))
            {
                return a;
            }
        }

        return null;
    }
}
