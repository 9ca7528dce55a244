using System.Numerics.Tensors;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Core.Quiz;

/// <summary>
/// How alike the local sentence model finds two terms or titles, learnt from text rather than from word lists: EKS, ECR
/// and AMI sit near ECS, JSON and RAM far from it; "Passive Mode" sits near "Active Mode", "FTP Reply Codes" far. The
/// quiz writer takes its wrong choices from near the key (the same kind of thing) but not from right beside it (another
/// name for it). Without a model every similarity is null and the lexical signals decide alone.
/// </summary>
internal sealed class KindSimilarity
{
    /// <summary>Similarities are cut into steps of this size: a model run on another CPU may differ in the last digits,
    /// and the bank must not change with them.</summary>
    internal const double Step = 0.05;

    /// <summary>From here a wrong term is another name of the key rather than another thing (HTTP and HTTPS 0.71, ECS and
    /// EKS 0.72 are still two things; spelling variants score above 0.8). Not for a definition's sibling titles under the
    /// key's own heading: two sections side by side are two things ("Lambda – Synchronous Invocations" and "Lambda –
    /// Asynchronous Invocations" 0.9).</summary>
    internal const double NearDuplicate = 0.8;

    /// <summary>From here a wrong term is of the key's kind even when the notes place it elsewhere (AZ and Region 0.41,
    /// ST1 and IO1 0.42, URL and HTTP 0.51; AZ and RDS 0.25, ECS and RAM 0.25 are not). Every wrong choice of a blank
    /// needs it, and every wrong title of a definition from beyond the key's siblings: the outside rating of
    /// 2026-11-30 counted an item guessable as soon as two of three wrong choices were of another kind.</summary>
    internal const double SameKind = 0.4;

    /// <summary>Below this a wrong term is of another kind than the key (ECS and JSON 0.18, AZ and ELB 0.21, SOCKS5 and
    /// DNS 0.20): a learner rules it out without knowing the answer. The least likeness of a sibling title under the key's
    /// own parent heading (the notes' structure vouches for the rest: Monolithic and Micro Services 0.30).</summary>
    internal const double OtherKind = 0.3;

    /// <summary>The least average similarity of a blank's wrong choices to its key: below it they are mostly of another
    /// kind ("___ site" among MAC, AZ, DB: 0.26) and the blank is answered by elimination.</summary>
    internal const double MinBlankKind = 0.4;

    /// <summary>How far the key may stand out from every wrong choice of a blank in its likeness to the sentence: this
    /// much or more, and a word of the sentence names it in other words ("remove" beside STATE RM, "resync" beside
    /// TERRAFORM REFRESH, "CNAME" beside DNS, "mailbox" beside IMAP). Chosen by measurement on the fourth outside rating
    /// (docs/quiz.md, "The key nearer the stem than every wrong choice"): of its 9 blanks guessable by a stem word, 6 lead
    /// by 0.10 or more; of its 23 good blanks, 1 does (CNAME, 0.20). At 0.05 three more good blanks and no more guessable
    /// ones fall; at 0.15 two guessable ones stay. The old 0.25 caught none of them.</summary>
    internal const double GiveawayMargin = 0.10;

    /// <summary>The same for a definition's titles: a title carries its subject's own words, so a smaller lead already
    /// names it ("Cisco IOS uses a hierarchical mode structure" beside "IOS Command Modes", 0.15 ahead of the next).
    /// Measured on the fourth outside rating, the model does not tell a definition's pointing word from a fair quote
    /// below this (at 0.10: 1 of 8 guessable-by-stem-word items against 1 of 13 good; at 0.05: 4 against 3), so it stays.</summary>
    internal const double TitleGiveawayMargin = 0.15;

    /// <summary>The same for a definition asked among three titles or more ("Which of these is described …") whose right
    /// title has a word of its own that the notes write in lower case (<see cref="QuestionGenerator.NamesInEverydayWords"/>):
    /// there a lead of 0.10 already names the key (outside rating 35: "Stores copies of frequently requested resources"
    /// beside Caching Proxy among the HTTP, SOCKS and transparent proxies). Measured on the outside readers' reasons
    /// (tests/data/quiz-ratings/name_giveaway.py; docs/quiz.md, "Typos copied into items, and names that give the answer
    /// away"): chosen on reviews 1–17, where 0.10 is the one margin whose flagged rows are rated good less often than the
    /// rest (13 of 35 rows guessable by the name, 12 of 121 good: 36 % of the flagged good against 48 % of all), and
    /// checked on reviews 18–35: 15 of 22 guessable by the name, 7 of 66 good (25 % against 50 %). Between two titles,
    /// and in contrasts, the lead does not part the two (AUC 0.45 and 0.39, guessable items below good ones) and
    /// <see cref="TitleGiveawayMargin"/> stays.</summary>
    internal const double ManyTitlesGiveawayMargin = 0.10;

    /// <summary>Taken off the likeness of two terms when either is bare letters the notes never spell out: the model
    /// sees their letters, not their meaning (NIST and NVRAM 0.50, TLD and T1 0.45, SQS and DSS 0.45).</summary>
    internal const double BareLetters = 0.15;

    /// <summary>What each step of family closeness (<see cref="QuestionGenerator"/>: 1.5 listed with the key, 1
    /// sibling, 0.5 same file, 0.25 same corpus) adds to a wrong term's rank: a sibling at 0.45 comes before a term
    /// from elsewhere in the corpus at 0.55 (LAN and VLAN from the networking notes beside AZ).</summary>
    internal const double FamilyWeight = 0.2;

    /// <summary>What a wrong term's likeness to the blank's sentence adds to its rank: a learner weighs the choices that
    /// belong to the sentence's subject (MFA rather than SLA beside STS for "IAM credentials are obtained … through
    /// ___"; SMB rather than UDP beside IMAP for "mailbox selection"). At 0.5 it changed almost nothing.</summary>
    internal const double StemWeight = 1.0;

    private readonly ITextEmbedder? _model;
    private readonly Func<string, string> _describe;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="model">The sentence model, or null for none.</param>
    /// <param name="describe">What the model is shown for a text (<see cref="QuizCorpus.Describe"/>: an acronym with
    /// its expansion); the text itself when null.</param>
    public KindSimilarity(ITextEmbedder? model, Func<string, string>? describe = null)
    {
        _model = model;
        _describe = describe ?? (t => t);
    }

    /// <summary>No model: every similarity is null.</summary>
    public static KindSimilarity None { get; } = new(null);

    /// <summary>True when a model judges kinds.</summary>
    public bool Available => _model is not null;

    /// <summary>The two texts' cosine similarity, in steps of <see cref="Step"/>, or null without a model.</summary>
    public double? Similarity(string a, string b)
    {
        if (_model is null)
        {
            return null;
        }

        return Round(TensorPrimitives.Dot(Vector(a), Vector(b)));
    }

    /// <summary>How alike two terms are in kind: their similarity, less <see cref="BareLetters"/> when either is an
    /// acronym with no expansion in the notes; null without a model.</summary>
    public double? TermSimilarity(string a, string b) =>
        Similarity(a, b) is { } like ? Round(like - (IsBare(a) || IsBare(b) ? BareLetters : 0)) : null;

    /// <summary>True when either term is an acronym the notes never spell out: the model reads only its letters.</summary>
    public bool EitherBare(string a, string b) => IsBare(a) || IsBare(b);

    private bool IsBare(string term) => QuizText.IsAcronym(term) && string.Equals(_describe(term), term, StringComparison.Ordinal);

    /// <summary>The order a blank's wrong terms are taken in: likeness to the key, plus <see cref="FamilyWeight"/> per
    /// step of family closeness, plus <see cref="StemWeight"/> times the likeness to the sentence; in steps.</summary>
    internal static double Rank(double toKey, double tier, double? toStem) =>
        Round(toKey + (FamilyWeight * tier) + (StemWeight * (toStem ?? 0)));

    /// <summary>A similarity cut to steps of <see cref="Step"/>.</summary>
    internal static double Round(double similarity) => Math.Round(similarity / Step) * Step;

    /// <summary>True when the wrong choices are, on average, of another kind than the key (null: no model, no verdict).</summary>
    internal static bool OfAnotherKind(IReadOnlyList<double?> wrongToKey) =>
        wrongToKey.Count > 0 && wrongToKey.All(s => s is not null) && wrongToKey.Average(s => s!.Value) < MinBlankKind - 1e-9;

    /// <summary>True when the key is much more like the stem than any wrong choice is (null: no model, no verdict).</summary>
    /// <param name="margin">The lead that gives the key away: <see cref="GiveawayMargin"/> for a blank,
    /// <see cref="TitleGiveawayMargin"/> for a definition's titles.</param>
    internal static bool StandsOut(double? keyToStem, IReadOnlyList<double?> wrongToStem, double margin = GiveawayMargin) =>
        keyToStem is { } key && wrongToStem.Count > 0 && wrongToStem.All(s => s is not null)
        && key - wrongToStem.Max(s => s!.Value) >= margin - 1e-9;

    private float[] Vector(string text)
    {
        if (!_vectors.TryGetValue(text, out var vector))
        {
            // One text per run: a batch pads to its longest text, which moves the last digits with the batch's company;
            // alone, a text always gets the same vector whatever order the writer asks in.
            vector = _model!.Embed([_describe(text)])[0];
            _vectors[text] = vector;
        }

        return vector;
    }
}
