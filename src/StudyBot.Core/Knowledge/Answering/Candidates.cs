using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// The second stage: which passages may answer. Lucene BM25 over passage text, section title (boosted) and the titles
/// a passage opens; the passages opening a title that names the question's words; the passages holding its subject;
/// every passage holding one of its rare words; and the passages nearest in meaning (semantic retriever), so a
/// paraphrase the notes never use ("switch off" for "disable") still finds its line.
/// </summary>
internal static class Candidates
{
    private const int LexicalCandidates = 60;
    private const int LeadCandidates = 20;
    private const int SubjectCandidates = 12;
    private const int SemanticCandidates = 30;

    /// <summary>A word in at most this many passages is rare enough to bring all of them in as candidates.</summary>
    private const int RareDocs = 25;

    /// <summary>Below Lucene's default limit of 1024 clauses per boolean query.</summary>
    internal const int MaxClauses = 1000;

    /// <summary>The lexical candidates: entry ids with their BM25 score relative to the best hit (0 when BM25 did not
    /// rank them).</summary>
    public static Dictionary<int, double> Lexical(KnowledgeIndex index, IndexSearcher searcher, QuestionAnalysis question)
    {
        var found = new Dictionary<int, double>();
        if (question.Content.Count > 0)
        {
            var hits = searcher.Search(BuildQuery(question.Concepts), LexicalCandidates).ScoreDocs;
            var maxScore = hits.Length == 0 ? 1 : hits.Max(h => h.Score);
            foreach (var hit in hits)
            {
                Add(index.EntryOf(hit.Doc), hit.Score / maxScore);
            }

            foreach (var hit in searcher.Search(TermsQuery(question.Content, KnowledgeIndex.LeadField), LeadCandidates).ScoreDocs)
            {
                Add(index.EntryOf(hit.Doc), 0);
            }

            if (question.Subject is not null)
            {
                foreach (var hit in searcher.Search(SubjectQuery(question.Subject, question.Content), SubjectCandidates).ScoreDocs)
                {
                    Add(index.EntryOf(hit.Doc), 0);
                }
            }

            foreach (var term in question.Content.SelectMany(c => c.AllTerms))
            {
                AddRareDocs(searcher.IndexReader, term);
            }
        }

        return found;

        void Add(int id, double bm25)
        {
            if (id >= 0)
            {
                found.TryAdd(id, bm25);
            }
        }

        void AddRareDocs(IndexReader reader, string term)
        {
            var bytes = new BytesRef(term);
            if (reader.DocFreq(new Term(KnowledgeIndex.BodyField, bytes)) is 0 or > RareDocs)
            {
                return;
            }

            var docs = MultiFields.GetTermDocsEnum(reader, MultiFields.GetLiveDocs(reader), KnowledgeIndex.BodyField, bytes);
            while (docs is not null && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                Add(index.EntryOf(docs.DocID), 0);
            }
        }
    }

    /// <summary>Adds the passages nearest in meaning (none on the lexical path).</summary>
    public static void AddSemantic(Dictionary<int, double> found, Signals.Context context)
    {
        if (context.Similarities is null)
        {
            return;
        }

        foreach (var id in context.SemanticTop(SemanticCandidates))
        {
            found.TryAdd(id, 0);
        }
    }

    internal static Query TermsQuery(IEnumerable<Concept> concepts, string field)
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

    /// <summary>BM25 over body, title (×2) and opened titles (×1.5); frame words count less, spelling fixes and the
    /// parts of compounds less again.</summary>
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
}
