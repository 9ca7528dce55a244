namespace StudyBot.Core.Knowledge.Answering;

/// <summary>
/// A question that sets two things side by side (<see cref="QuestionAnalyzer.ComparedSides"/>: "SSE-S3 vs SSE-C",
/// "what is the difference between ECS and EKS?") is answered by a passage of each side: the second side's passage is
/// the other half of the answer, not a rival of the first. The answer writer cites it (<see cref="AnswerWriter"/>) and
/// the decision does not count it as the runner-up (<see cref="Signals.Decision"/>'s margin).
/// </summary>
internal static class Comparison
{
    /// <summary>The first passage after the first one that speaks of the side the first one does not, and of that side
    /// only (the first one speaking of one side only), or null.</summary>
    /// <param name="sides">The question's <see cref="QuestionAnalyzer.ComparedSides"/>.</param>
    /// <param name="passages">Cited or ranked passages, best first.</param>
    public static Signals.Candidate? Complement(KnowledgeIndex index, (IReadOnlyList<Concept> A, IReadOnlyList<Concept> B)? sides, IReadOnlyList<Signals.Candidate> passages)
    {
        if (passages.Count < 2 || sides is not var (a, b))
        {
            return null;
        }

        var (topA, topB) = SpeaksOf(index, passages[0], a, b);
        if (topA == topB)
        {
            return null;
        }

        var (present, missing) = topA ? (a, b) : (b, a);
        return passages.Skip(1).FirstOrDefault(c => SpeaksOf(index, c, missing, present) is (true, false));
    }

    /// <summary>Whether a passage speaks of <paramref name="side"/> (see <see cref="SpeaksOf"/>).</summary>
    /// <param name="other">The other side.</param>
    public static bool NamesSide(KnowledgeIndex index, Signals.Candidate c, IReadOnlyList<Concept> side, IReadOnlyList<Concept> other) =>
        SpeaksOf(index, c, side, other).A;

    /// <summary>Which of the two sides a passage speaks of. It speaks of a side when its own text or section title names
    /// it; a heading above does not. Of two sides one inside the other ("pod" and "static pod",
    /// <see cref="QuestionAnalyzer.ComparedSides"/>) a passage speaks of one only: of the longer where its words stand
    /// together ("Static pods are managed by the kubelet", not "static provisioning" in a line about a pod's claims), else
    /// of the shorter. A line that opens with the longer one speaks of it; otherwise its section title decides when the
    /// title names either ("Docker: … build a docker image" is Docker's line, not the image's), and its text when the title
    /// names neither. Both answers come from one reading of the passage.</summary>
    public static (bool A, bool B) SpeaksOf(KnowledgeIndex index, Signals.Candidate c, IReadOnlyList<Concept> a, IReadOnlyList<Concept> b)
    {
        var (shorter, longer) = a.All(b.Contains) ? (a, b) : b.All(a.Contains) ? (b, a) : (null, null);
        if (shorter is null || longer is null || shorter.Count == longer.Count)
        {
            var features = index.Features(c.Id);
            bool Named(IReadOnlyList<Concept> side) => side.Any(concept => concept.MatchesAny(features.Body) || concept.MatchesAny(features.Title));
            return (Named(a), Named(b));
        }

        var added = longer.Where(concept => !shorter.Contains(concept)).ToList();
        var passage = index.Entry(c.Id).Passage;
        var body = Read(index, passage.Text, shorter, added);
        var title = Read(index, passage.Section, shorter, added);
        var ofLonger = body.OpensLonger ? true
            : title.Longer ? true
            : title.Shorter ? false
            : body.Longer ? true
            : body.OpensShorter ? false
            : (bool?)null;
        var aIsLonger = ReferenceEquals(a, longer);
        return ofLonger is { } longerOne ? (longerOne == aIsLonger, longerOne != aIsLonger) : (false, false);
    }

    /// <summary>Whether the longer side stands in <paramref name="text"/> (a word of the shorter side with one it adds at
    /// most two words away) and whether the shorter one stands alone in it, and whether either opens it: a line that
    /// names the shorter side further on only in passing ("the Pod's request … on static provisioning", under "PV and
    /// PVC") does not speak of it.</summary>
    private static (bool Longer, bool Shorter, bool OpensLonger, bool OpensShorter) Read(KnowledgeIndex index, string text, IReadOnlyList<Concept> shorter, IReadOnlyList<Concept> added)
    {
        static bool Is(Concept concept, string term) => concept.Terms.Contains(term) || concept.Corrected.Contains(term);
        var tokens = index.Analyzer.Tokens(text);
        var inner = tokens.Where(t => shorter.Any(s => Is(s, t.Term))).Select(t => t.Position).ToList();
        var adds = tokens.Where(t => added.Any(a => Is(a, t.Term))).Select(t => t.Position).ToList();
        var together = inner.Where(p => adds.Any(a => Math.Abs(a - p) <= PhraseReach)).ToList();
        var alone = inner.Except(together).ToList();
        return (together.Count > 0, alone.Count > 0, together.Any(p => p <= PhraseReach), alone.Any(p => p <= PhraseReach));
    }

    /// <summary>How far apart a side's words may stand and still be its name ("static pods", "pods that are static" no).</summary>
    private const int PhraseReach = 2;
}
