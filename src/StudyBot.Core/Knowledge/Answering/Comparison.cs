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

        var (topA, topB) = (NamesSide(index, passages[0], a, b), NamesSide(index, passages[0], b, a));
        if (topA == topB)
        {
            return null;
        }

        var (present, missing) = topA ? (a, b) : (b, a);
        return passages.Skip(1).FirstOrDefault(c => NamesSide(index, c, missing, present) && !NamesSide(index, c, present, missing));
    }

    /// <summary>A passage speaks of a side when its own text or section title names it; a heading above does not. Of two
    /// sides one inside the other ("docker" and "docker image", <see cref="QuestionAnalyzer.ComparedSides"/>) a passage
    /// speaks of one only: of the longer when it names the words the longer adds, else of the shorter, its section title
    /// deciding when the title names the shorter ("Docker: … build a docker image" is Docker's line, not the image's).</summary>
    /// <param name="other">The other side.</param>
    public static bool NamesSide(KnowledgeIndex index, Signals.Candidate c, IReadOnlyList<Concept> side, IReadOnlyList<Concept> other)
    {
        var features = index.Features(c.Id);
        var (shorter, longer) = side.All(other.Contains) ? (side, other) : other.All(side.Contains) ? (other, side) : (null, null);
        if (shorter is null || longer is null || shorter.Count == longer.Count)
        {
            return side.Any(concept => concept.MatchesAny(features.Body) || concept.MatchesAny(features.Title));
        }

        var added = longer.Where(concept => !shorter.Contains(concept)).ToList();
        var text = shorter.All(concept => concept.MatchesAny(features.Title)) ? features.Title : features.Body;
        var namesLonger = added.Any(concept => concept.MatchesAny(text));
        return ReferenceEquals(side, longer) ? namesLonger : !namesLonger && shorter.All(concept => concept.MatchesAny(text));
    }
}
