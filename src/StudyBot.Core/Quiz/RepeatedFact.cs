namespace StudyBot.Core.Quiz;

/// <summary>
/// Two questions of one bank that ask the same fact of the same key: outside rating 19 found iotop asked twice ("_____
/// shows per-process disk I/O usage." and "_____ is useful when you know the disk is busy and want to know which process
/// is responsible.") and extending logical volumes twice; ratings 7 and 13 the Kubernetes "no NAT between pods" twice;
/// rating 17 XFS's metadata parallelism twice. The bank keeps the better scored of the two (<see cref="QuestionGenerator"/>, stage "keep").
/// </summary>
internal static class RepeatedFact
{
    /// <summary>From this likeness of the sentence model between the two stems, each said of the key (a blank filled with
    /// it, a quote as it stands), two questions with one key state one fact. Measured on every pair of items with one key
    /// in one rated bank (ratings 1–19, docs/quiz.md, "A second defensible answer"): the four pairs the readers named as
    /// one fact asked twice sit at 0.65 (logical volumes, XFS), 0.70 (NAT) and 0.85 (iotop); at 0.70 two of them stay. At
    /// 0.65 six pairs the readers did not name also meet (state push 0.75, NACL 0.70, Primary Partitions 0.70, Physical
    /// Volumes 0.80, CloudWatch 0.65, MySQL 0.65), of which the bank keeps one each: a key then has one blank fewer,
    /// where a fact asked twice is a defect a reader sees.</summary>
    internal const double SameFactLike = 0.65;

    /// <summary>True when <paramref name="b"/> asks what <paramref name="a"/> asks: the same key (a term: a blank's, a
    /// definition's or a contrast's) in the same set of
    /// notes, and stems the model finds alike (<see cref="SameFactLike"/>; without the model, never: the writer's own
    /// rule of one question per cited lines still holds). Overlapping cited lines are no test: a definition or a
    /// contrast cites its section from the title down, so three contrasts of one three-line section ("Dependabot
    /// Alerts": severity levels, what triggers an alert, which plans have it) overlap and ask three facts, each rated
    /// good in outside rating 18.</summary>
    internal static bool Repeats(QuizQuestion a, QuizQuestion b, KindSimilarity kinds)
    {
        // A yes/no question's "Yes" is no key: two of them share it by chance.
        if (!QuestionGenerator.NamesATerm(a.Kind) || !QuestionGenerator.NamesATerm(b.Kind)
            || !string.Equals(QuizText.Normalize(a.Answer), QuizText.Normalize(b.Answer), StringComparison.Ordinal)
            || !string.Equals(QuizCorpus.Root(a.Citation.File), QuizCorpus.Root(b.Citation.File), StringComparison.Ordinal))
        {
            return false;
        }

        return kinds.Similarity(Said(a), Said(b)) >= SameFactLike - 1e-9;
    }

    /// <summary>The stem said of the key: a blank filled with it, a quote or a question as it stands.</summary>
    internal static string Said(QuizQuestion q) =>
        QuizItemSignals.StemAndLabel(q).Stem.Replace("_____", q.Answer, StringComparison.Ordinal);
}
