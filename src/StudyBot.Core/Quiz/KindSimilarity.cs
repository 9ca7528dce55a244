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
    /// EKS 0.72 are still two things; spelling variants score above 0.8).</summary>
    internal const double NearDuplicate = 0.8;

    /// <summary>From here a wrong term is of the key's kind even when the notes place it elsewhere (AZ and Region 0.41,
    /// ST1 and IO1 0.42, URL and HTTP 0.51; AZ and RDS 0.25, ECS and RAM 0.25 are not).</summary>
    internal const double SameKind = 0.4;

    /// <summary>Below this a wrong term is of another kind than the key (ECS and JSON 0.18, AZ and ELB 0.21, SOCKS5 and
    /// DNS 0.20): a learner rules it out without knowing the answer.</summary>
    internal const double OtherKind = 0.3;

    /// <summary>The least similarity of each of a blank's wrong choices to its key. It was once the average, and one
    /// wrong choice of the key's kind then carried two of another kind (S3 beside OS and DB for "___ databases", keyed
    /// RDS): a reader rules out two and guesses between the last two. Below it a choice is of another kind.</summary>
    internal const double MinBlankKind = 0.4;

    /// <summary>How much less a wrong term may be like the words around the blank (<see cref="SlotLikeness"/>) than the
    /// key is: more, and the term makes no sensible phrase in the slot ("OS databases", S3 0.15 and OS 0.35 beside RDS
    /// 0.65 for "___ databases are usually"; IP 0.05 beside HTTP 0.15 for "a ___ 200 status code"), so a reader rules it
    /// out by grammar alone. One step of <see cref="Step"/>: at 0.1 IP still fitted a 200 status code.</summary>
    internal const double SlotMargin = 0.05;

    /// <summary>How close a wrong title's likeness to a definition may come to the key's before it fits the definition
    /// as well ("Pod to pod networking" for "All pods can talk to all pods without NAT", keyed "Kubernetes network
    /// model"): within this margin the item has two right answers.</summary>
    internal const double TitleAlsoFitsMargin = 0.05;

    /// <summary>A wrong title counts as fitting a definition only from this likeness to it: below it the model finds the
    /// text clearly about neither title (AWS Guardduty 0.45 and AWS Shield 0.45 for "Provides protection against DDOS
    /// attacks" are a fair pair; "Pod to pod networking" at 0.65 fits "All pods can talk to all pods").</summary>
    internal const double TitleFitsFloor = 0.5;

    /// <summary>From here the model finds two titles subjects of one kind, so that a description of one is a fair wrong
    /// choice for the other in "What do the notes say about X?" (AWS Shield and AWS Guardduty 0.65). Higher than
    /// <see cref="SameKind"/>: container services at 0.4 beside AWS Guardduty were ruled out by topic.</summary>
    internal const double SameKindSubject = 0.5;

    /// <summary>How far the key may stand out from every wrong choice in its likeness to the stem: more, and the stem
    /// names it in other words ("Faster upload of large objects" beside "AWS S3 Performance").</summary>
    internal const double GiveawayMargin = 0.25;

    /// <summary>The same for a definition's titles: a title carries its subject's own words, so a smaller lead already
    /// names it ("Cisco IOS uses a hierarchical mode structure" beside "IOS Command Modes", 0.15 ahead of the next).</summary>
    internal const double TitleGiveawayMargin = 0.15;

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

    /// <summary>True when any wrong choice is of another kind than the key (null: no model, no verdict).</summary>
    internal static bool OfAnotherKind(IReadOnlyList<double?> wrongToKey) =>
        wrongToKey.Count > 0 && wrongToKey.All(s => s is not null) && wrongToKey.Any(s => s!.Value < MinBlankKind - 1e-9);

    /// <summary>How alike the model finds a term and the words around the blank (<see cref="SlotWords"/> either side,
    /// the blank left out): "a 200 status code" asks for a protocol, "databases are usually" for a database; null
    /// without a model. The whole sentence filled with the term was tried first: its own letters in the sentence
    /// made every term fit about equally.</summary>
    public double? SlotLikeness(string masked, string term) =>
        _model is null ? null : Round(TensorPrimitives.Dot(Vector(term), Vector(Slot(masked))));

    /// <summary>Words either side of the blank that say what fits in it.</summary>
    internal const int SlotWords = 3;

    /// <summary>The words around the blank, the blank left out.</summary>
    internal static string Slot(string masked)
    {
        var at = masked.IndexOf("_____", StringComparison.Ordinal);
        if (at < 0)
        {
            return masked;
        }

        var before = masked[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var after = masked[(at + 5)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', before.Skip(Math.Max(0, before.Length - SlotWords)).Concat(after.Take(SlotWords))).Trim();
    }

    /// <summary>False when the term fits the blank's slot <see cref="SlotMargin"/> worse than the key does (null: no
    /// model, no verdict).</summary>
    internal static bool FitsSlot(double? keyInSlot, double? termInSlot) =>
        keyInSlot is not { } key || termInSlot is not { } term || term >= key - SlotMargin - 1e-9;

    /// <summary>True when a wrong title is within <see cref="TitleAlsoFitsMargin"/> of the key's likeness to the
    /// definition, or above it, and at <see cref="TitleFitsFloor"/> or more: the definition fits it as well (null: no
    /// model, no verdict).</summary>
    internal static bool AlsoFits(double? keyToDefinition, double? wrongToDefinition) =>
        keyToDefinition is { } key && wrongToDefinition is { } wrong && wrong >= key - TitleAlsoFitsMargin - 1e-9
        && wrong >= TitleFitsFloor - 1e-9;

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
