using Lucene.Net.Search;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// Answers a question in named stages: question analysis (<see cref="QuestionAnalyzer"/>) → candidates
/// (<see cref="Candidates"/>: BM25 plus the semantic retriever) → signals (<see cref="Signals"/>) → scorer and
/// decision (<see cref="AnswerModel"/>: fitted weights, a calibrated answer probability and its held-out threshold)
/// → answer writer (<see cref="AnswerWriter"/>: verdict, lead, citations). The semantic path is used once the
/// passages are embedded; until then the lexical variant of the same model answers.
/// </summary>
internal static class AnswerComposer
{
    public static Answer Ask(KnowledgeIndex index, string? question, AnswerModel? model = null)
    {
        var asked = question ?? string.Empty;
        var fitted = model ?? AnswerModel.Current;
        return index.Search(searcher =>
        {
            var result = Rank(index, searcher, asked, fitted);
            var corrected = Spelling.Corrected(index, result.Question, index.Semantic?.Embedder.WholeWords);
            if (result.Accept)
            {
                // The answer echoes the question as asked, a remark after its mark included (Rank reads it without).
                return AnswerWriter.Write(index, result.Question, result.Ranked, result.Variant) with { Question = asked, Corrected = corrected };
            }

            // "Did you mean" only offers a corrected question the notes do answer.
            if (corrected is not null && !Rank(index, searcher, corrected, fitted).Accept)
            {
                corrected = null;
            }

            return AnswerWriter.Decline(index, asked, result.Ranked) with { Corrected = corrected };
        });
    }

    /// <summary>The outcome of the scoring stages for one question.</summary>
    internal sealed record Ranking(
        QuestionAnalysis Question,
        Signals.Context Context,
        List<Signals.Candidate> Ranked,
        double[] DecisionSignals,
        double Probability,
        bool Accept,
        AnswerModel.Variant Variant);

    internal static Ranking Rank(KnowledgeIndex index, IndexSearcher searcher, string asked, AnswerModel model)
    {
        var question = QuestionAnalyzer.WithoutRemark(asked);
        var semantic = index.Semantic;
        var embedding = semantic is null || question.Trim().Length == 0 ? null : new QueryEmbedding(semantic, question);
        var analysis = QuestionAnalyzer.Analyze(index, searcher, question);
        var found = Candidates.Lexical(index, searcher, analysis);
        var vector = embedding?.Vector();
        var similarities = vector is null ? null : semantic!.Similarities(vector);
        var variant = model.For(similarities is not null);
        var adapted = vector is null ? null : variant.Adapter?.Apply(vector);
        var context = new Signals.Context(index, analysis, similarities, adapted, embedding?.Tokens()?.ReadAll());
        Candidates.AddSemantic(found, context);
        context.RankCandidates(found.Keys);
        var ranked = new List<Signals.Candidate>();
        foreach (var (id, bm25) in found)
        {
            var candidate = Signals.Compute(context, id, bm25);
            candidate.Score = variant.Ranker.Score(candidate.Features);
            ranked.Add(candidate);
        }

        Signals.Order(index, ranked);
        var decision = Signals.Decision(context, ranked);
        var probability = variant.Decision.Probability(decision);
        var accept = ranked.Count > 0 && analysis.Content.Count > 0 && probability >= variant.Threshold;
        return new Ranking(analysis, context, ranked, decision, probability, accept, variant);
    }

    /// <summary>
    /// The question's embedding, started on another thread while this one analyses the question and runs the lexical
    /// retrieval (the model takes a few milliseconds on one core; the two overlap on an idle machine). Whichever thread
    /// claims it first computes it: when the pool has not started it by the time it is needed, the asking thread does
    /// it itself, so a busy server never blocks a thread on work still waiting in the queue.
    /// </summary>
    private sealed class QueryEmbedding
    {
        private readonly Semantic.SemanticIndex _semantic;
        private readonly string _question;
        private readonly Task _background;
        private int _claimed;
        private Semantic.Embedding? _embedding;

        public QueryEmbedding(Semantic.SemanticIndex semantic, string question)
        {
            _semantic = semantic;
            _question = question; // the model reads at most its token limit
            _background = Task.Run(Compute);
        }

        public float[] Vector()
        {
            if (!Compute())
            {
                // Claimed by the pool and running: waiting for it never waits on the queue.
                _background.GetAwaiter().GetResult();
            }

            return _embedding!.Vector;
        }

        /// <summary>The question's word pieces' vectors, from the same run (after <see cref="Vector"/>).</summary>
        public Semantic.TokenVectors? Tokens() => _embedding?.Tokens;

        private bool Compute()
        {
            if (Interlocked.Exchange(ref _claimed, 1) != 0)
            {
                return false;
            }

            // The word pieces come from the same run, at no cost, when the passages' are kept to match them.
            _embedding = _semantic.HasTokens ? _semantic.Embedder.EmbedQueryWithTokens(_question) : new(_semantic.Embedder.EmbedQuery(_question), null);
            return true;
        }
    }

    /// <summary>Every stage's view of a question: its analysis, the decision and each signal's contribution for the
    /// best candidates (a diagnostic for people tuning the notes or the model, not for chat users).</summary>
    internal static IReadOnlyList<string> Explain(KnowledgeIndex index, string question, int top = 10, AnswerModel? model = null) => index.Search(searcher =>
    {
        var result = Rank(index, searcher, question, model ?? AnswerModel.Current);
        var q = result.Question;
        var lines = new List<string>
        {
            $"question kind={q.Kind} yes/no={q.IsYesNo} answer-type={q.AnswerType} main=\"{q.Main}\" path={(result.Context.Similarities is null ? "lexical" : "semantic")}",
        };
        if (QuestionAnalyzer.WithoutRemark(question) is var read && read.Length < question.Length)
        {
            lines.Add($"remark after the question, not read: \"{question[read.Length..].Trim()}\"");
        }

        lines.AddRange(q.Concepts.Select(c => $"concept {string.Join('|', c.Terms)} parts={string.Join('+', c.Parts)} fix={string.Join('|', c.Corrected)} w={c.Weight:F2}{(c.IsFrame ? " frame" : string.Empty)}{(c.IsUnknownName ? " unknown-name" : string.Empty)}{(ReferenceEquals(c, q.Subject) ? " subject" : string.Empty)}"));
        lines.Add($"decision p={result.Probability:F3} threshold={result.Variant.Threshold:F3} → {(result.Accept ? "answer" : "decline")}: "
            + string.Join(' ', Signals.DecisionNames.Select((n, i) => $"{n}={result.DecisionSignals[i]:F2}({result.Variant.Decision.Explained(i, result.DecisionSignals[i])})")));
        if (q.IsYesNo && result.Ranked.Count > 0
            && PolarityReader.ReadingOf(index, q, result.Ranked[0]) is var reading
            && result.Variant.Trust(reading.Yes, reading.Signals) is { } trust)
        {
            var readerYes = PolarityReader.ReaderYes(index, q, index.Entry(result.Ranked[0].Id).Passage);
            lines.Add($"polarity rules read {(!reading.Settles ? "nothing (a bare yes/no to another question, a hedge, a preference or advice to whether it can be, a state before a change, a clause whose subject is another than the asked one, one case for a question whether it is always so, a comparison whose side the clause does not tell, the asked value compared against without another, or a question whose subject is only \"it\")" : reading.Yes ? "Yes" : "No")}, trusted p={trust.P:F3} threshold={trust.Threshold:F3} → {PolarityReader.Decide(reading, result.Variant, readerYes) switch { true => "Yes", false => "No", null => "no verdict" }}: "
                + string.Join(' ', PolaritySignals.Names.Select((n, i) => $"{n}={reading.Signals[i]:F2}({trust.Model.Explained(i, reading.Signals[i])})")));
            if (reading.Settles && reading.Yes && trust.P < trust.Threshold && result.Variant.ReaderYesThreshold is { } least)
            {
                // The one case the reader is asked in (PolarityReader.Decide): a Yes reading the trust model withholds.
                lines.Add(readerYes is null
                    ? "yes/no reader not loaded: the withheld Yes stays unsaid"
                    : $"yes/no reader p={readerYes():F3} threshold={least:F3} (said when at least)");
            }

            // The clause the rules read, so a reader of the trace sees what a Yes or No was read from.
            lines.Add($"deciding clause \"{PolarityReader.Statement(index, q, index.Entry(result.Ranked[0].Id).Passage).Clause.Trim()}\"");
        }

        foreach (var candidate in result.Ranked.Take(top))
        {
            var p = index.Entry(candidate.Id).Passage;
            var text = p.Text.Replace('\n', ' ');
            lines.Add($"{candidate.Score:F3} {p.File}:{p.LineStart}-{p.LineEnd} [{p.Section}] {text[..Math.Min(90, text.Length)]}");
            lines.Add("    " + string.Join(' ', Signals.Names.Select((n, i) => (n, i))
                .Where(x => candidate.Features[x.i] != 0)
                .Select(x => $"{x.n}={candidate.Features[x.i]:F2}({result.Variant.Ranker.Explained(x.i, candidate.Features[x.i])})")));
        }

        return lines;
    });
}
