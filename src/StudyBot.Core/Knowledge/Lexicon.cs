using System.Text.RegularExpressions;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// The one place for words that carry meaning to the answer engine: question openers, question words, answer types
/// and their units, negations, opposites and frame words. Every stage reads them from here; nothing else in the
/// engine names English words. Weights and thresholds are not here: they are fitted (see <c>answer-model.json</c>).
/// </summary>
internal static partial class Lexicon
{
    /// <summary>Words before a full stop that do not end a sentence: abbreviations ("e.g. OSPF", "vs. UDP").</summary>
    public static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "cf", "approx", "fig", "no", "mr", "mrs", "ms", "dr", "st", "inc", "ltd", "jr", "sr",
    };

    /// <summary>Words a complete line never ends with: "… encrypt data in" was cut off mid-sentence (the quiz's check),
    /// and "You can install it on the command line as" over a code block leads into it (the parser's).</summary>
    public static readonly HashSet<string> DanglingEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "in", "of", "to", "for", "with", "on", "at", "from", "by", "and", "or", "but", "as", "into",
        "than", "that", "which", "is", "are", "be", "such", "like", "via", "e.g", "i.e", "etc", "your", "our", "its",
    };

    /// <summary>Last words of a line that leads into what follows it as a colon would, beside <see cref="DanglingEnds"/>:
    /// "Add the following", "Then apply a specific stash from the list using".</summary>
    public static readonly HashSet<string> LeadInEnds = new(StringComparer.OrdinalIgnoreCase) { "following", "using", "below" };

    /// <summary>Auxiliaries that open a yes/no question ("Is EBS encrypted …", "Can a pod …").</summary>
    public static readonly IReadOnlySet<string> YesNoOpeners = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "can", "could", "does", "do", "did", "will", "would", "should", "shall", "may",
        "might", "has", "have", "had", "must", "isn't", "aren't", "doesn't", "don't", "can't", "won't", "am",
        "wasn't", "weren't", "shouldn't", "couldn't", "hasn't", "haven't", "didn't",
        // The same typed without the apostrophe, as chat does ("isnt git able to track empty directories?" was read as a
        // statement and answered with no Yes or No).
        "isnt", "arent", "doesnt", "dont", "cant", "wont", "wasnt", "werent", "shouldnt", "couldnt", "hasnt", "havent",
        "didnt", "wouldnt",
    };

    /// <summary>Words that flip a statement; kept in the index and read by polarity.</summary>
    public static readonly IReadOnlySet<string> Negations = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "no", "not", "cannot", "without", "never", "none", "nor", "isn't", "aren't", "doesn't", "don't", "can't",
        "won't", "wasn't", "weren't", "shouldn't", "couldn't", "hasn't", "haven't", "didn't", "unable",
        // The same contractions typed without the apostrophe, as quick notes and chat often do ("Kubernetes wont be able
        // to run pods until CNI is running").
        "dont", "doesnt", "didnt", "cant", "wont", "isnt", "arent", "wasnt", "werent", "shouldnt", "couldnt",
        "wouldnt", "hasnt", "havent", "mustnt",
    };

    /// <summary>The third-person pronouns, possessives and demonstratives: words that stand for something named before
    /// them. The base of <see cref="Pronouns"/> and of the quiz's <c>QuizLexicon.ReferringOpeners</c>, which each add
    /// their own (a relative "which" and the speakers; "such").</summary>
    public static readonly IReadOnlySet<string> Referents = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "they", "their", "them", "this", "these", "those", "that", "he", "she",
    };

    /// <summary>Pronouns and demonstratives that can stand for a subject named earlier ("They are not classes …" after
    /// "Design patterns are …"): a clause opening with one speaks of what was named before it.</summary>
    public static readonly IReadOnlySet<string> Pronouns = new HashSet<string>(Referents.Concat(["which", "we", "you", "i"]), StringComparer.OrdinalIgnoreCase);

    /// <summary>Personal pronouns a sentence speaks with, where a caption names a task ("Now let us create …", "we can",
    /// "it can be done"): a line over code that holds one is a sentence leading into it.</summary>
    public static readonly IReadOnlySet<string> PersonalPronouns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "i", "we", "you", "it", "they", "us", "let's", "lets",
    };

    /// <summary>Articles and determiners before a noun phrase's first word ("the red team", "a reverse proxy").</summary>
    public static readonly IReadOnlySet<string> Determiners = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "each", "every", "any", "some", "all", "both",
    };

    /// <summary>Prefixes that make a word its own opposite ("unweighted", "immutable", "insecure", "non-blocking",
    /// "disabled"): a clause that says the prefixed form of the asked word denies it.</summary>
    public static readonly IReadOnlyList<string> NegativePrefixes = ["un", "non", "in", "im", "il", "ir", "dis"];

    /// <summary>Prefixes that make a word's opposite of each other ("overestimate", "underestimate"; "pre-commit",
    /// "post-commit").</summary>
    public static readonly IReadOnlyList<(string A, string B)> OppositePrefixes = [("over", "under"), ("pre", "post")];

    /// <summary>Words that open a condition ("evicted if the node doesn't have room"): a negation inside the condition
    /// says when, not whether, so polarity does not read it as a denial of the statement.</summary>
    public static readonly IReadOnlySet<string> ConditionOpeners = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "if", "unless", "when", "whenever", "until",
    };

    /// <summary>Words that say something is needed; a negation before one says it can be done without ("don't require
    /// PRA approval").</summary>
    public static readonly IReadOnlySet<string> NeedWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "require", "requires", "required", "need", "needs", "needed", "necessary", "mandatory", "compulsory",
    };

    /// <summary>Phrases that open a condition as <see cref="ConditionOpeners"/> do ("In the event that a participant has
    /// not signed …, obtain their verbal consent").</summary>
    public static readonly IReadOnlyList<string> ConditionPhrases = ["in the event that", "in case", "provided that", "as long as"];

    /// <summary>Whether a clause opens with a condition: a word of <see cref="ConditionOpeners"/> or a phrase of
    /// <see cref="ConditionPhrases"/>.</summary>
    public static bool OpensWithCondition(IReadOnlyList<string> words) =>
        words.Count > 0 && (ConditionOpeners.Contains(words[0])
            || ConditionPhrases.Any(p => p.Split(' ') is var phrase && words.Take(phrase.Length).SequenceEqual(phrase, StringComparer.OrdinalIgnoreCase)));

    /// <summary>Words that open a clause giving a reason or a concession before its main part ("Since …, we need to …";
    /// "While local co-Instructors need not be badged, every workshop must have one badged Instructor": the concession
    /// speaks of something else, and its "need not" was a trusted No to "does every workshop need a badged instructor?").</summary>
    public static readonly IReadOnlySet<string> ReasonOpeners = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "since", "because", "although", "though", "while", "whereas",
    };

    /// <summary>Verbs that keep what follows them from happening: in a question they negate it as "not" does ("a flag that
    /// refuses to overwrite", "does it prevent overwriting").</summary>
    public static readonly IReadOnlySet<string> PreventingVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "refuse", "refuses", "prevent", "prevents", "avoid", "avoids", "stop", "stops", "block", "blocks",
    };

    /// <summary>Verbs that deny what follows them in a note as "not" does: "UDP lacks congestion control", "a lack of
    /// encryption", "the old client fails to reconnect" (<see cref="FailingVerbs"/>, before "to"), "the free plan is
    /// missing audit logs" (<see cref="MissingWord"/>, after "is"). Not in a question, where they are what is asked
    /// ("does UDP lack …?"), and not for a question that asks with the same verb.</summary>
    public static readonly IReadOnlySet<string> LackingVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "lack", "lacks", "lacked", "lacking",
    };

    public static readonly IReadOnlySet<string> FailingVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "fail", "fails", "failed", "failing",
    };

    public const string MissingWord = "missing";

    /// <summary>Verbs that permit what follows their "to" ("doesn't allow you to add code").</summary>
    public static readonly IReadOnlySet<string> PermittingVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "allow", "allows", "let", "lets", "permit", "permits", "enable", "enables",
    };

    /// <summary>A question that opens on its verb and a pronoun for subject ("is it open source?", "can they run
    /// on-premise?"): what the pronoun stands for is in an earlier message, not in this one.</summary>
    [GeneratedRegex(@"^\W*(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|isn't|aren't|doesn't|don't|can't|won't)\s+(?:it|they)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex PronounSubject();

    /// <summary>The "it" that stands for what follows it ("is it ok to …", "does it matter if …", "is it worth getting …",
    /// "is it true that …"), not for something named before ("is it safe?" alone asks about a thing).</summary>
    [GeneratedRegex(@"\b(?:is|was|isn't|wasn't|would|will|does|doesn't|did)\s+it\s+(?:(?:\S+\s+){0,4}?(?:to|that|if|whether|when)\b|(?:really\s+|still\s+|even\s+|ever\s+)?(?:worth|ok|okay|fine|possible|true|false|better|best|necessary|safe|bad|wise|required|needed|normal|important|common|legal|allowed|recommended|a\s+good\s+idea|a\s+bad\s+idea)\s+(?:to|that|if|whether|when|\w+ing)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AnticipatoryIt();

    /// <summary>A clause that opens by setting one thing against another: "Unlike TCP, UDP does not guarantee delivery" says
    /// of TCP the opposite of what it says of UDP. Group <c>x</c> is the thing set against, up to its comma.</summary>
    [GeneratedRegex(@"(?:^|[.:;!?]\s)[\W_]*unlike\s+(?<x>[^,;:.!?]{1,60}),\s*", RegexOptions.IgnoreCase)]
    public static partial Regex Unlike();

    /// <summary>An exception inside a clause and the list it excepts, up to the verb or punctuation after it ("except for
    /// SIGKILL and SIGSTOP can be …", "other than the id,").</summary>
    [GeneratedRegex(@"\b(?:except(?:\s+for)?|other\s+than|apart\s+from|excluding)\s+(?<list>.{1,60}?)(?=\s+(?:can|cannot|can['’]t|are|is|will|may|must|should|do|does|have|has|get|gets)\b|[,.;:]|$)", RegexOptions.IgnoreCase)]
    public static partial Regex Exception();

    /// <summary>Words that frame a question rather than name its topic.</summary>
    public static readonly IReadOnlyList<string> FrameWords =
    [
        "explain", "describe", "define", "definition", "summarise", "summarize", "summary", "clarify", "mean", "meaning", "means", "purpose", "use", "used", "uses",
        "using", "difference", "differences", "different", "between", "vs", "versus", "example", "examples", "advantage",
        "advantages", "disadvantage", "disadvantages", "benefit", "benefits", "downside", "downsides", "drawback",
        "drawbacks", "pros", "cons", "work", "works", "working", "role", "function", "main", "provide", "provides",
        "offer", "offers", "tell", "know", "need", "needed", "like", "good", "important", "thing", "things", "way",
        "ways", "happen", "happens", "called", "type", "types", "kind", "kinds", "list", "give", "get", "make",
        "help", "helps", "possible", "allowed", "able", "really", "actually", "please", "notes", "say", "says",
        "exactly", "basically", "responsible", "job", "task", "sort", "sorts", "well", "something", "anything",
        "someone", "anyone", "somebody", "consider", "considered", "ok", "okay", "fine", "alright", "besides",
        "otherwise", "instead", "rather", "still", "even", "already", "actual", "generally", "usually", "typically",
        "normally", "specific", "specifically", "particular", "particularly", "certain", "hey", "hi", "folks", "guys",
        "team", "wondering", "wonder", "quick", "question", "remind", "recall", "remember", "tldr", "eli5", "rundown",
        "recap", "briefly", "nutshell",
        // Chat's shorthand and asides around the question ("lots of ppl keep asking …", "any tips?", "why bother …",
        // "what are we supposed to …", "kinda", "w/"): the asker's framing, not what is asked about.
        "lot", "lots", "ppl", "kinda", "sorta", "gonna", "wanna", "gotta", "tip", "tips", "trick", "tricks", "supposed",
        "bother", "w",
    ];

    /// <summary>Opposites that notes use to answer yes/no questions by contrast.</summary>
    public static readonly IReadOnlyList<(string A, string B)> Opposites =
    [
        ("rest", "transit"), ("fully", "partially"), ("automatically", "manually"), ("public", "private"),
        ("inbound", "outbound"), ("stateful", "stateless"), ("synchronous", "asynchronous"), ("static", "dynamic"),
        ("physical", "virtual"), ("encrypted", "unencrypted"), ("reliable", "unreliable"), ("secure", "insecure"),
        ("mandatory", "optional"), ("required", "optional"), ("faster", "slower"), ("higher", "lower"),
        ("more", "less"), ("internal", "external"), ("managed", "unmanaged"), ("connectionless", "connection-oriented"),
        ("whole", "part"), ("entire", "partial"), ("enabled", "disabled"), ("need", "unnecessary"),
        // An identity question's "same" (QuestionTerms) against notes that call the two distinct or different.
        ("same", "distinct"), ("same", "different"),
    ];

    /// <summary>Comparatives that say the other's opposite ("A is slower than B" is "B is faster than A"), both ways
    /// round; "more X" and "less X" are each other's opposite for any X (<see cref="IsComparative"/>).</summary>
    public static readonly IReadOnlySet<(string, string)> OppositeComparatives = Pairs(
    [
        ("faster", "slower"), ("quicker", "slower"), ("higher", "lower"), ("better", "worse"), ("bigger", "smaller"),
        ("larger", "smaller"), ("longer", "shorter"), ("easier", "harder"), ("cheaper", "more expensive"),
        ("safer", "less safe"), ("more", "less"), ("newer", "older"), ("stronger", "weaker"), ("simpler", "more complex"),
        ("greater", "smaller"), ("more", "fewer"),
    ]);

    /// <summary>Whether two comparatives say each other's opposite: one of <see cref="OppositeComparatives"/>, or "more
    /// X" and "less X".</summary>
    public static bool AreOppositeComparatives(string a, string b) =>
        OppositeComparatives.Contains((a, b))
        || (a.Split(' ') is ["more" or "less", var x] && b.Split(' ') is ["more" or "less", var y] && x == y && a != b);

    /// <summary>A word before "than" that compares: an "-er" form, "more"/"less" alone or before a word, or one of
    /// <see cref="OppositeComparatives"/>.</summary>
    public static bool IsComparative(string word) =>
        word is "more" or "less" || word.StartsWith("more ", StringComparison.Ordinal) || word.StartsWith("less ", StringComparison.Ordinal)
        || (word.Length > 4 && word.EndsWith("er", StringComparison.Ordinal))
        || OppositeComparatives.Any(p => p.Item1 == word);

    /// <summary>A comparative by its form alone: "more" or "less", alone or before a word, or one of
    /// <see cref="OppositeComparatives"/>; not any word that ends in "-er" ("water", "server"). One may stand a few words
    /// before its "than" ("higher read latency than").</summary>
    public static bool IsListedComparative(string word) =>
        word is "more" or "less" || word.StartsWith("more ", StringComparison.Ordinal) || word.StartsWith("less ", StringComparison.Ordinal)
        || OppositeComparatives.Any(p => p.Item1 == word);

    /// <summary>Comparatives that say "a greater amount" of what they compare, against <see cref="LesserComparatives"/>:
    /// a word of <see cref="Rises"/> said of the same thing says the same.</summary>
    public static readonly IReadOnlySet<string> GreaterComparatives = new HashSet<string>(StringComparer.Ordinal)
    {
        "higher", "more", "greater", "larger", "bigger",
    };

    /// <summary>Comparatives that say "a smaller amount" (<see cref="GreaterComparatives"/>).</summary>
    public static readonly IReadOnlySet<string> LesserComparatives = new HashSet<string>(StringComparer.Ordinal)
    {
        "lower", "less", "fewer", "smaller",
    };

    /// <summary>Words that say an amount grows ("increased energy"): of the asked respect, a
    /// <see cref="GreaterComparatives"/> word.</summary>
    public static readonly IReadOnlySet<string> Rises = new HashSet<string>(StringComparer.Ordinal)
    {
        "increase", "increases", "increased", "increasing", "raise", "raises", "raised", "raising",
    };

    /// <summary>Words that say an amount shrinks ("reduced energy"): of the asked respect, a
    /// <see cref="LesserComparatives"/> word.</summary>
    public static readonly IReadOnlySet<string> Falls = new HashSet<string>(StringComparer.Ordinal)
    {
        "reduce", "reduces", "reduced", "reducing", "decrease", "decreases", "decreased", "decreasing", "lowers", "lowered",
    };

    /// <summary>Words that open the respect a comparative is said in, between it and its "than" ("lower in energy than",
    /// "harder to install than", "better at caching than", "more in males than in females").</summary>
    public static readonly IReadOnlySet<string> RespectOpeners = new HashSet<string>(StringComparer.Ordinal)
    {
        "in", "at", "to", "on", "for",
    };

    /// <summary>Words that stand for a noun named before them ("the staggered conformation … than the eclipsed one"): the
    /// side that says one says the other side's noun.</summary>
    public static readonly IReadOnlySet<string> NounStandIns = new HashSet<string>(StringComparer.Ordinal)
    {
        "one", "ones",
    };

    private static HashSet<(string, string)> Pairs(IEnumerable<(string A, string B)> pairs)
    {
        var set = new HashSet<(string, string)>();
        foreach (var (a, b) in pairs)
        {
            set.Add((a, b));
            set.Add((b, a));
        }

        return set;
    }

    /// <summary>Number words: they count what a question is about rather than name it.</summary>
    public static readonly IReadOnlySet<string> CountWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "hundred", "thousand", "million", "billion", "single", "double", "both", "multiple", "several",
    };

    /// <summary>Whether a question's word is a count (<see cref="CountWords"/> or digits: "2", "100k").</summary>
    public static bool IsCount(string? word) =>
        word is { Length: > 0 } && (CountWords.Contains(word) || char.IsDigit(word[0]));

    /// <summary>Words that ask for more than one of what follows them ("attached to multiple instances").</summary>
    public static readonly IReadOnlySet<string> MoreThanOne = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "multiple", "several", "many",
    };

    /// <summary>Number words that say one exact count (not "several", "multiple", "both", nor "hundred", which
    /// multiplies): a question that asks about "a single statement" is answered No by "two statements".</summary>
    public static readonly IReadOnlyDictionary<string, int> ExactCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["single"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["twenty"] = 20,
    };

    /// <summary>Words before a count that make it a bound or a share rather than the count itself ("more than one",
    /// "at least three", "up to five", "one in ten").</summary>
    public static readonly IReadOnlySet<string> CountBounds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "than", "least", "most", "to", "up", "over", "under", "about", "around", "approximately", "nearly", "almost",
        "of", "per", "max", "min", "maximum", "minimum", "limit",
    };

    /// <summary>Words that make a count a maximum ("Maximum execution time: 900 seconds", "up to 5 GB", "at most two").</summary>
    [GeneratedRegex(@"\b(?:max|maximum|limit|limited|limits|cap|capped|exceed|up\s+to|at\s+most|no\s+more)\b", RegexOptions.IgnoreCase)]
    public static partial Regex LimitWords();

    /// <summary>Words before a count that ask for more than it ("more than 15 minutes", "over 5 GB", "exceed 100 items"),
    /// and the count.</summary>
    [GeneratedRegex(@"\b(?:(?:more|longer|greater|larger|bigger)\s+than|over|beyond|above|exceed(?:s|ing)?)\s+(?<count>\w+)", RegexOptions.IgnoreCase)]
    public static partial Regex PastABound();

    /// <summary>Words after an active verb of <see cref="Supplanting"/> that open its replacement or its setting
    /// ("replaces ARP with NDP", "eliminates the need for NAT due to …").</summary>
    public static readonly IReadOnlySet<string> SupplanterOpeners = new HashSet<string>(StringComparer.Ordinal)
    {
        "with", "by", "in", "for", "on", "as", "due", "because", "and", "so",
    };

    /// <summary>Words after a count that make it a range, a share or one of several ("one or more", "one of them",
    /// "two to four", "one in ten").</summary>
    public static readonly IReadOnlySet<string> CountRangeFollowers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "or", "of", "to", "and", "in", "more", "plus",
    };

    /// <summary>Cell values that say yes or no in a table or checklist.</summary>
    public static readonly IReadOnlySet<string> YesCells = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "yes", "true", "✅", "✔", "✔️", "✓", "y", "supported", "required",
    };

    public static readonly IReadOnlySet<string> NoCells = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        // A dash of any length is an empty cell: "Transport: —" for ICMP was read as a Yes to "is ICMP a transport protocol?".
        "no", "false", "❌", "✗", "✘", "x", "n", "unsupported", "not supported", "none", "-", "–", "—", "n/a",
    };

    /// <summary>Values that say a setting is off. A question that asks for one ("are the boolean options off by
    /// default?") is answered, not denied, by a clause that says another ("All of these are false by default"): the
    /// TypeScript book's was a trusted wrong No.</summary>
    public static readonly IReadOnlySet<string> OffValues = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "off", "false", "disabled",
    };

    /// <summary>"all", "every", "any": a question that asks about the whole, which "only" restricts.</summary>
    [GeneratedRegex(@"\b(any|every|all|always|everything|anywhere|whole|entire)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Quantifier();

    [GeneratedRegex(@"\bonly\b|\bpart\s+of\b|\bpartially\b|\bsome\s+of\b", RegexOptions.IgnoreCase)]
    public static partial Regex Restriction();

    /// <summary>Words that restrict to what follows or precedes them ("just a keyboard", "keyboard only").</summary>
    public static readonly IReadOnlySet<string> RestrictingWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "only", "just", "solely", "exclusively",
    };

    /// <summary>A clause that names what follows as a false belief ("A common misconception … is that you need to
    /// contribute code", "it's a myth that …").</summary>
    [GeneratedRegex(@"\b(?:misconceptions?|myths?|fallac(?:y|ies)|misbeliefs?|misunderstandings?)\b.*\bthat\b", RegexOptions.IgnoreCase)]
    public static partial Regex Misbelief();

    /// <summary>A preference of one thing over another: "Prefer COPY over ADD", "prefer default export over named export",
    /// "SFTP is preferred over FTPS", "Instead of using PDF to convey permanence, use document structure". Group <c>x</c> is
    /// the preferred thing of the active form (the passive names it before the verb), and what follows "over" is the
    /// thing set aside; group <c>aside</c> is the thing set aside by a clause that opens with "instead of" or "rather
    /// than", up to its comma, and what follows the comma is preferred. Only where it opens the clause or a sentence (a
    /// section title may stand before it, "Formal or policy documents …: Instead of using PDF …"): within one
    /// ("using rsync instead of scp allows recovery") what "instead of" sets aside ends where its noun phrase does, which
    /// a pattern does not find (the forty-sixth session's try).</summary>
    [GeneratedRegex(@"\b(?:prefer(?:s|red|ring)?|favou?r(?:s|ed|ing)?|choos(?:e|es|ing))\s+(?<x>[^.;:!?()]{1,60}?)\s+over\s|\b(?<passive>(?:is|are|was|were|be|being)\s+(?:generally\s+|usually\s+|often\s+|strongly\s+)?(?:preferred|favou?red|chosen))\s+over\s|(?:^|[:.;!?]\s)[\W_]*(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?<aside>[^,;:.!?()]{1,80})(?:,|$)", RegexOptions.IgnoreCase)]
    public static partial Regex Preference();

    /// <summary>Advice against what follows, in the imperative or after a subject or modal ("Avoid using var", "you should
    /// avoid …", "; never use …", "try to avoid …"). Not "to avoid", which names a purpose ("use parameterized queries to
    /// avoid SQL injection"), nor "X avoids Y", which names a benefit.</summary>
    [GeneratedRegex(@"(?:^|[.;:!?]\s+|\b(?:should|must|please|you|we)\s+(?:always\s+|generally\s+|really\s+)?|\btry\s+to\s+)(?:avoid|refrain\s+from|steer\s+clear\s+of|stay\s+away\s+from|never\s+use)\b", RegexOptions.IgnoreCase)]
    public static partial Regex AdviceAgainst();

    /// <summary>What the words before it are judged as, advice against them ("Nested ternaries should be avoided", "The
    /// request module is deprecated", "… is an anti-pattern", "… is bad practice"); group <c>ban</c>: a rule that forbids
    /// ("is prohibited", "are not allowed" is a negation already), which denies that it can be done too.</summary>
    [GeneratedRegex(@"\b(?:is|are|be|been|being)\s+(?:strongly\s+|generally\s+|highly\s+|now\s+|officially\s+)?(?:discouraged|deprecated|avoided|(?<ban>forbidden|prohibited|disallowed|banned))\b|\b(?:is|are)\s+(?:considered\s+)?(?:an?\s+)?(?:anti-?patterns?|bad\s+practices?|bad\s+idea|code\s+smells?)\b|\bconsidered\s+harmful\b", RegexOptions.IgnoreCase)]
    public static partial Regex JudgedAgainst();

    /// <summary>A question that itself speaks of advice against something ("should I avoid var?", "is eval
    /// deprecated?"): a clause of advice against answers it as it reads.</summary>
    [GeneratedRegex(@"\b(?:avoid\w*|refrain\w*|steer|discourag\w*|deprecat\w*|forbid\w*|prohibit\w*|disallow\w*|bann?\w*|anti-?pattern\w*|harmful|smell\w*|bad)\b", RegexOptions.IgnoreCase)]
    public static partial Regex AsksAboutAdvice();

    /// <summary>A question that itself weighs one thing against another ("than", "over", "rather", "prefer …"): a
    /// preference in the notes answers it as a comparison, not as a denial.</summary>
    [GeneratedRegex(@"\b(?:than|over|rather|instead|prefer\w*|favou?r\w*)\b", RegexOptions.IgnoreCase)]
    public static partial Regex WeighsTwo();

    /// <summary>Verbs that do away with their object: "IPv6 replaces ARP with NDP", "eliminates the need for NAT"
    /// (active, the object after) and "hubs have been replaced by switches" (passive, the thing done away with
    /// before). The words that follow "with"/"by" name the replacement, not what is gone.</summary>
    [GeneratedRegex(@"\b(?<passive>(?:is|are|was|were|be|been|being|gets?|got)\s+(?:largely\s+|now\s+|mostly\s+|being\s+)?(?:replaced|superseded|deprecated|eliminated|obsoleted|removed|dropped|discontinued|retired))\b|\b(?:replac(?:es|ed|ing)|supersed(?:es|ed|ing)|obsolet(?:es|ing)|deprecat(?:es|ing)|eliminat(?:es|ed|ing)(?:\s+the\s+(?:need|requirement)\s+for)?|removes\s+the\s+(?:need|requirement)\s+for|does\s+away\s+with)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Supplanting();

    /// <summary>Any form of a verb of <see cref="Supplanting"/>, or another way of doing away with something: a question
    /// that asks about replacing or dropping itself ("enforces it by dropping explicit interfaces, yes?" — "by
    /// eliminating explicit interfaces" says it).</summary>
    [GeneratedRegex(@"\b(?:replac|supersed|obsolet|deprecat|eliminat|drop|remov|delet|ditch|abandon|retir|discard)\w*|\bdo(?:es)?\s+away\s+with\b|\b(?:without|instead|rid\s+of|no\s+longer)\b", RegexOptions.IgnoreCase)]
    public static partial Regex SupplantingWord();

    /// <summary>"Whether or not", "… or not": an alternative, not a denial ("debate about whether or not private
    /// functions should be tested" does not say they cannot be).</summary>
    [GeneratedRegex(@"\bor\s+not\b", RegexOptions.IgnoreCase)]
    public static partial Regex OrNot();

    /// <summary>A negation word inside a phrase that affirms: "not only X but also Y" says X ("This isolation not only
    /// enhances security but also …"), and "it's no surprise that X", "no doubt", "no wonder" say X all the more.</summary>
    [GeneratedRegex(@"\bnot\s+only\b|\b(?:it'?s\s+|it\s+is\s+|there'?s\s+|there\s+is\s+)?no\s+(?:surprise|doubt|wonder)\b", RegexOptions.IgnoreCase)]
    public static partial Regex AffirmingNegation();

    /// <summary>Question words that ask for a value, and the answer type each asks for. They are never topic words
    /// ("how long" is not about a section titled "Long-lived …", "how many" not about "many-to-many").</summary>
    [GeneratedRegex(@"\bhow\s+(long|many|much|big|large|small|often|far|fast|old|soon|frequently)\b|\bwhat\s+(size|number|amount)\b", RegexOptions.IgnoreCase)]
    public static partial Regex ValueQuestion();

    /// <summary>A tag that asks to confirm the statement before it ("…, right?", "… right - and …?", "…, isn't it?",
    /// "…, correct?"): chat's way of asking yes or no without an auxiliary first. "yes" and "no" count only as a tag
    /// of their own ("…, no?"), not in "no matter" or "yes or no".</summary>
    [GeneratedRegex(@"(?:,|\s)\s*(?:right|correct|true|yeah|yes|no|isn'?t\s+(?:it|that|this)|aren'?t\s+(?:they|we|these|those)|don'?t\s+(?:they|we|you|i)|doesn'?t\s+(?:it|that|this)|is\s+that\s+(?:right|correct|true)|am\s+i\s+right)\s*(?:\?|[—–-]+\s|,\s|$)", RegexOptions.IgnoreCase)]
    public static partial Regex ConfirmationTag();

    /// <summary>"True or false" before or after a statement (<see cref="Answering.QuestionAnalyzer.AsConfirmation"/>).</summary>
    [GeneratedRegex(@"^\W*true\s+or\s+false\b[\s:?,.!—–-]*|[\s,;:—–-]+true\s+or\s+false\W*$", RegexOptions.IgnoreCase)]
    public static partial Regex TrueOrFalse();

    /// <summary>A setting or condition that opens a question before its auxiliary, with no comma to mark where it ends
    /// ("in tests can I …", "if two columns correlate does that prove …", "with end-to-end encryption can the provider
    /// …", "when I rename a table, does its …").</summary>
    [GeneratedRegex(@"^\W*(?:if|when|whenever|once|in|at|on|with|without|per|for|after|before|during|under|using|inside)\b", RegexOptions.IgnoreCase)]
    public static partial Regex LeadingSetting();

    /// <summary>An auxiliary before its subject: the inversion that asks ("can I", "does that", "is it", "do the").
    /// Not "has"/"have", which are mostly verbs of their own in a condition ("if a node has the taint …").</summary>
    [GeneratedRegex(@"\b(?:is|are|was|were|do|does|did|can|could|should|will|would|must|may|might|shall)\s+(?:i|we|you|they|it|he|she|that|this|there|the|a|an|my|our|your|their|its|these|those|someone|anyone|people|each|every|all|any)\b", RegexOptions.IgnoreCase)]
    public static partial Regex InvertedAuxiliary();

    /// <summary>The question words as a regex alternation, for the patterns below that look for one inside a text.</summary>
    private const string QuestionWords = "what|whats|which|who|whom|whose|when|where|why|how";

    /// <summary>A question word anywhere in a clause.</summary>
    [GeneratedRegex(@"\b(?:" + QuestionWords + @")\b", RegexOptions.IgnoreCase)]
    public static partial Regex AnyWhWord();

    /// <summary>"… or what happens?", "… or how does it work?": the question offers a wh-question as its alternative.</summary>
    [GeneratedRegex(@"\bor\s+(?:" + QuestionWords + @")\b", RegexOptions.IgnoreCase)]
    public static partial Regex OrWhAlternative();

    /// <summary>"so docker also runs the containers for us?": a statement drawn as a conclusion and asked.</summary>
    [GeneratedRegex(@"^\W*so\s", RegexOptions.IgnoreCase)]
    public static partial Regex SoOpener();

    /// <summary>"ok to run ldd on a binary someone sent me?": "is it" left out, the question is still whether it is.</summary>
    [GeneratedRegex(@"^\W*(?:ok|okay|fine|safe|alright)\s+to\b", RegexOptions.IgnoreCase)]
    public static partial Regex PermissionOpener();

    /// <summary>The verb of a statement asked with a question mark alone ("open/closed is the first SOLID principle?",
    /// "dead sea effect means the best engineers stay?"); one after "if", "whether" or "to" is a clause's, not the
    /// statement's ("bit trick to check if a number is a power of 2?").</summary>
    [GeneratedRegex(@"^(?:(?!\b(?:if|whether|to)\b).)*?\b(?:is|are|means|says)\b", RegexOptions.IgnoreCase)]
    public static partial Regex StatementVerb();

    /// <summary>"Same" as the predicate of an identity question ("is the author the same person as the committer?",
    /// "HEAD^2 and HEAD~2 mean the same thing right?", "are they the same?"), where it is a concept the notes answer with
    /// ("author and committer are not the same"); not "to the same value" or "at the same time", where it only points
    /// back (<see cref="QuestionTerms"/> leaves it out there, as the stop word it was).</summary>
    [GeneratedRegex(@"\bsame(?:\s+\w+){0,2}?\s+as\b|\bsame(?:\s+things?)?\s*(?:$|[?!.,;]|\b(?:right|yeah|or)\b)", RegexOptions.IgnoreCase)]
    public static partial Regex IdentityPredicate();

    /// <summary>Phrases that ask what something is for or what ails it ("what's the point of output encoding?", "whats
    /// wrong with my config?", "the idea behind zero trust"): their nouns frame the question, they are not its topic
    /// ("point" would otherwise be the rarest word asked, and outweigh "output encoding"). Chat's "diff" is the
    /// difference only before "between": "git diff" and "the diff of two files" stay topics. "Compare" frames a
    /// question that sets two things side by side ("compare ECS and EKS", "how does A compare with B", "how do they
    /// compare?": as a topic it was the subject, and no passage holds it); it stays a topic where comparing is what is
    /// asked about ("how should we compare HMAC digests", "how should I compare floating point numbers"). Chat's
    /// "tl;dr" and "in short" / "in simple terms" ask for a summary, as "tldr" and "eli5" among the frame words do
    /// ("tldr on DHCP" was declined: "tldr", a word no note holds, was its subject).</summary>
    [GeneratedRegex(@"\bthe\s+(?:point|idea|purpose|deal)\s+(?:of|with|behind)\b|\b(?:wrong|up)\s+with\b|\bdiff\s+(?=between\b)|\bcompar(?:e|es|ed|ing)\s+(?=(?:to|with|against)\b)|\bcompar(?:e|es|ed)\s*(?=$|[?!.,;])|^\s*compare\s+(?=[^?.,;:!]+?\s+(?:and|with|to|vs\.?|versus)\s)|\btl\s*;?\s*dr\b|\bin\s+(?:short|brief|simple\s+terms|plain\s+english|layman'?s\s+terms)\b", RegexOptions.IgnoreCase)]
    public static partial Regex FramePhrase();

    /// <summary>A choice between two put with an auxiliary first ("is TCP or UDP faster?", "is it better to rebase or
    /// to merge?"): it asks which of the two, and a Yes or a No answers nothing. Only with a comparative, which makes
    /// the two rivals; "does kubectl rollout work on daemonsets too, or only deployments?" asks about the first. Advice
    /// asked between two ("should I use async/await or callbacks?", "should we optimise for latency or for
    /// throughput?") is a choice too: "No — Callbacks don't scale well" answered the first. So is "is X A or B?" ending
    /// in a short B ("is a switch layer 2 or 3?" was answered "No — …"), but not "any A or B" ("independent of any
    /// particular technology or product?" asks about both at once).</summary>
    [GeneratedRegex(@"^\s*(?:is|are|was|were|would|will)\s+(?:[^?,;:]+?\s+or\s+[^?,;:]+?\s+(?:more\s+|less\s+)?(?:" + Comparatives + @"|bigger|smaller|larger|preferred)(?:\s+(?:for|in|at|on|with|when|if)\b[^?]*)?|it\s+(?:more\s+|less\s+)?(?:" + Comparatives + @")\s+to\s+[^?]+?\s+or\s+[^?]+)\s*\??\s*$|^\s*should\s+(?:i|we|you|they|one)\s+[^?,;:]+?\s+or\s+(?!not\b)[^?,;:]+\??\s*$|^\s*(?:is|are|was|were)\s+(?:(?!\b(?:any|either|neither|whether|both)\b)[^?,;:])+?\s+or\s+(?!not\b)[^\s?,;:]+(?:\s+[^\s?,;:]+){0,2}\s*\?\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex AlternativeChoice();

    /// <summary>The comparatives that make two options rivals (<see cref="AlternativeChoice"/>), written once for its
    /// two shapes; sizes ("bigger", "smaller", "larger") and "preferred" only ask "is A or B …?".</summary>
    private const string Comparatives = "faster|slower|better|worse|cheaper|safer|easier|harder|simpler|quicker|preferable|recommended";

    /// <summary>A request put as a question ("can someone explain PWM in simple terms", "could you summarise Lehman's
    /// laws"): it asks for an explanation, not for yes or no.</summary>
    [GeneratedRegex(@"^\s*(?:can|could|would|will)\s+(?:you|someone|anyone|somebody|u)\s+(?:please\s+)?(?:explain|summari[sz]e|describe|define|clarify|break\s+down|walk\s+(?:me|us)\s+through|help\s+(?:me|us)\s+understand)\b", RegexOptions.IgnoreCase)]
    public static partial Regex RequestOpener();

    /// <summary>A negation inside a relative clause ("content that isn't often updated"): it restricts the subject, it
    /// does not deny what the sentence says of it. With the typographic apostrophe too ("stop a build that doesn’t stand
    /// to this standard" was a trusted No to "can the CI fail a build under the coverage threshold?").</summary>
    [GeneratedRegex(@"\b(?:that|which|who)\s+(?:isn['’]?t|aren['’]?t|doesn['’]?t|don['’]?t|wasn['’]?t|weren['’]?t|can['’]?t|cannot|won['’]?t|never|(?:is|are|does|do|was|were|can|will)\s+not)\b", RegexOptions.IgnoreCase)]
    public static partial Regex RelativeNegation();

    /// <summary>A negation of a degree or a frequency ("does not necessarily stop the service", "is not always
    /// encrypted", "wouldn't be typically used mathematically"): it says "not in every case", which leaves open whether
    /// it can be so.</summary>
    [GeneratedRegex(@"\b(?:not|(?:is|are|was|were|do|does|did|can|could|would|will|should|must|has|have)n['’]?t|cannot|won['’]t)\s+(?:be\s+)?(?:necessarily|always|typically|usually|normally|generally|strictly|entirely|fully|completely|quite)\b", RegexOptions.IgnoreCase)]
    public static partial Regex HedgedNegation();

    /// <summary>The words of a question that asks whether something can be so ("can it be …?", "could …", "is it
    /// possible …?"): "not necessarily" leaves that open, so it is no No.</summary>
    [GeneratedRegex(@"\b(?:can|could|may|might|possible|possibly|ever|sometimes)\b", RegexOptions.IgnoreCase)]
    public static partial Regex AsksAPossibility();

    /// <summary>Words that mark what a sentence says as the state before a change ("Previously, there was a runtime error
    /// that await … wasn't allowed", "in earlier versions it used to require …"): it says what was so, not what is.
    /// Not "no longer", which says what is, nor the passive "is used to describe" or "get used to".</summary>
    [GeneratedRegex(@"\b(?:previously|formerly|in\s+the\s+past|until\s+(?:recently|now)|(?<!\b(?:is|are|was|were|be|been|being|get|gets|got|getting)\s+(?:\w+ly\s+)?)used\s+to|in\s+(?:older|earlier|previous|prior)\s+(?:versions?|releases?))\b", RegexOptions.IgnoreCase)]
    public static partial Regex FormerState();

    /// <summary>A question that asks about the past itself ("did MDX 2 allow await?", "was it required before v3?"): a
    /// sentence about the state before a change answers it.</summary>
    [GeneratedRegex(@"^\s*(?:did|was|were|had)\b|\b(?:before|back\s+then|originally)\b", RegexOptions.IgnoreCase)]
    public static partial Regex AsksThePast();

    /// <summary>A question that asks whether something holds at all times or in every case ("is X always bad?").</summary>
    [GeneratedRegex(@"\balways\b", RegexOptions.IgnoreCase)]
    public static partial Regex Always();

    /// <summary>The words of a question that asks about every case or the whole degree ("can it always …?", "could it
    /// ever be fully …?"): against these a hedged negation is a plain No.</summary>
    [GeneratedRegex(@"\b(?:necessarily|always|typically|usually|normally|generally|strictly|entirely|fully|completely|quite|any|every|all|everything|anywhere|whole|entire|guaranteed?)\b", RegexOptions.IgnoreCase)]
    public static partial Regex EveryCase();

    /// <summary>"what" and a negated verb: a clause that names what is not so ("a retro on what's working and what's not
    /// working", "list what doesn't compile") is a thing talked about; its negation denies nothing the sentence says.
    /// Not "what not to do", which is advice against it.</summary>
    [GeneratedRegex(@"\bwhat(?:(?:['’]s|\s+is|\s+are|\s+does|\s+do|\s+can|\s+will)\s+not|\s+(?:isn['’]?t|aren['’]?t|doesn['’]?t|don['’]?t|can['’]?t|cannot|won['’]?t))\b", RegexOptions.IgnoreCase)]
    public static partial Regex WhatIsNot();

    /// <summary>Informal spellings of question words that are not topic words either, and chat's "what the …" openers
    /// ("wtf is a cliff": "wtf", a word no note holds, was its subject, and it was declined).</summary>
    [GeneratedRegex(@"^\s*(whats|wats|wat|whatis|wht|wut|hw|wtf|wth)\b", RegexOptions.IgnoreCase)]
    public static partial Regex InformalOpener();

    /// <summary>What a value question asks for, read from its question word and the noun after "what"/"which".</summary>
    public static AnswerType AnswerTypeOf(string question)
    {
        var value = ValueQuestion().Match(question);
        if (value.Success)
        {
            var word = (value.Groups[1].Success ? value.Groups[1].Value : value.Groups[2].Value).ToLowerInvariant();
            return word switch
            {
                // "how long should my resume be?", "how long can a commit subject be?": a length, not a time ("Use only 1
                // page for your resume" lost to "if your previous job experience was 3 years long").
                "long" when LengthAsked().IsMatch(question) => AnswerType.Size,
                "long" or "soon" or "old" => AnswerType.Duration,
                "often" or "frequently" => AnswerType.Frequency,
                "many" or "number" => AnswerType.Count,
                "much" or "amount" => AnswerType.Amount,
                "big" or "large" or "small" or "size" => AnswerType.Size,
                _ => AnswerType.Amount,
            };
        }

        // "the default keep alive interval in seconds": the unit the question names says what it asks for, before
        // "default" or "limit" do.
        if (UnitAsked().Match(question) is { Success: true } unit)
        {
            return unit.Groups["time"].Success ? AnswerType.Duration : AnswerType.Size;
        }

        if (PortQuestion().IsMatch(question))
        {
            return AnswerType.Port;
        }

        if (LimitQuestion().IsMatch(question))
        {
            return AnswerType.Limit;
        }

        return DefaultQuestion().IsMatch(question) ? AnswerType.Default : AnswerType.None;
    }

    /// <summary>Whether a passage holds a value of the asked type (a number with a unit of that kind).</summary>
    public static bool HoldsValue(AnswerType type, string text) => type switch
    {
        AnswerType.Duration => DurationValue().IsMatch(text),
        AnswerType.Frequency => FrequencyValue().IsMatch(text),
        AnswerType.Count or AnswerType.Limit or AnswerType.Amount => NumberValue().IsMatch(text),
        AnswerType.Size => SizeValue().IsMatch(text),
        AnswerType.Port => PortValue().IsMatch(text),
        AnswerType.Default => DefaultValue().IsMatch(text),
        _ => false,
    };

    /// <summary>A sentence that says what something is: "X is a …", "X refers to …", "X stands for …".</summary>
    [GeneratedRegex(@"\b(is|are)\s+(a|an|the|used|what)\b|\brefers?\s+to\b|\bstands?\s+for\b|\bmeans\b|\bdefined\s+as\b", RegexOptions.IgnoreCase)]
    public static partial Regex DefinitionShape();

    /// <summary>A passage that opens with an imperative verb: a step or a task rather than an explanation.</summary>
    [GeneratedRegex(@"^\W*(create|run|add|delete|remove|list|get|make|edit|check|set|install|configure|deploy|open|go|click|select|apply|write|copy|move|change|update|start|stop|enable|disable|try|find|scale|expose|upgrade|drain|adjust|verify|ensure|modify|launch|attach|mount|login|log in|ssh|cd|export)\b", RegexOptions.IgnoreCase)]
    public static partial Regex InstructionShape();

    /// <summary>A passage that ends by asking (a question mark, maybe inside emphasis or a closing bracket): an
    /// exercise or a prompt, which asks what the question asks rather than answering it.</summary>
    [GeneratedRegex(@"\?[\s*_)\]""'”]*$")]
    public static partial Regex AsksShape();

    /// <summary>A passage that is questions and nothing else: it opens (after any marks) with a question word, an
    /// auxiliary or "any" ("Any real-world examples?") and holds no full stop before its last question mark ("What are
    /// the restrictions on selling stock at IPO? What is a lockup period?"). "Career ladder (when above 10 engineers) - Are career
    /// ladders well-defined?" names its answer before it asks, and "… So if you create a table, how does postgres know?"
    /// explains first: both answer, though both end by asking.</summary>
    [GeneratedRegex(@"^\W*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|has|have|had|any)\b[^.!]*\?[\s*_)\]""'”]*$", RegexOptions.IgnoreCase)]
    public static partial Regex OnlyAsksShape();

    /// <summary>"how long … be?": the length of a thing, not the time something takes.</summary>
    [GeneratedRegex(@"\bhow\s+long\s+(?:should|can|could|must|may|might|would|will|does|do|is|are|has\s+to|have\s+to|needs?\s+to|ought\s+to)\b[^?]*\bbe\s*\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LengthAsked();

    [GeneratedRegex(@"\bin\s+(?:(?<time>ms|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)|(?<size>bytes?|[kmgt]i?b|kilobytes?|megabytes?|gigabytes?|terabytes?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnitAsked();

    [GeneratedRegex(@"\b(what|which)\s+(tcp\s+|udp\s+)?ports?\b|\bport\s+(number|does|is)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortQuestion();

    [GeneratedRegex(@"\b(limit|limits|maximum|max|minimum|min|up\s+to|at\s+most|at\s+least|largest|smallest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LimitQuestion();

    [GeneratedRegex(@"\bdefaults?\b|\bout\s+of\s+the\s+box\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultQuestion();

    /// <summary>A run of whitespace, to collapse to one space: one regex for the answer writer, the TeX reader and the
    /// quiz's text.</summary>
    [GeneratedRegex(@"\s+")]
    public static partial Regex Spaces();

    /// <summary>A relation between two sides, as a formula writes it: a sign of equality with a space each side (not
    /// "&lt;" or "&gt;", a shell's redirections in command lines such as tldr's <c>cat {{file}} &gt; {{output}}</c>).
    /// A line that states one titles nothing (<see cref="NotesParser"/>) and is no quiz stem (<see cref="Quiz.QuizText.IsFormula"/>).</summary>
    [GeneratedRegex(@" [=≈≤≥≠] ")]
    public static partial Regex Relation();

    [GeneratedRegex(@"\d\s*(ms|millisecond|s\b|sec|second|min|minute|h\b|hr|hour|day|week|month|year)s?\b|\b(one|two|three|five|ten|fifteen|thirty)\s+(second|minute|hour|day|week|month|year)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationValue();

    [GeneratedRegex(@"\b(every|each|per|daily|weekly|monthly|hourly|yearly|annually|once|twice)\b|\d+\s*(times|x)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrequencyValue();

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million|billion|single|double|dozen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberValue();

    [GeneratedRegex(@"\d\s*(b|kb|mb|gb|tb|pb|kib|mib|gib|tib|bytes?|bits?|kbps|mbps|gbps|characters?|chars?|lines?|rows?|items?|pages?|words?|%)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SizeValue();

    [GeneratedRegex(@"\bports?\b.{0,40}\b\d{2,5}\b|\b\d{2,5}\b.{0,40}\bports?\b|\b(22|25|53|80|110|143|443|465|587|993|995|3306|3389|5432|6443|8080|2379|10250)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortValue();

    [GeneratedRegex(@"\bdefaults?\b|\bby\s+default\b|\bout\s+of\s+the\s+box\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultValue();

    // Question words and the shapes of questions, read by question analysis.

    /// <summary>A question word on its own ("what", "how", …): never a topic word.</summary>
    [GeneratedRegex(@"^(what|which|who|whom|whose|when|where|why|how)$", RegexOptions.IgnoreCase)]
    public static partial Regex WhWord();

    /// <summary>A wh-word, an auxiliary and a subject pronoun ("how can i", "what should we", "where do you"), or "how to".</summary>
    [GeneratedRegex(@"^(?:(?:what|which|when|where|why|how)\s+(?:can|could|do|does|did|should|shall|will|would|may|might|must|am|are|is)\s+(?:i|we|you|they|he|she|it|one|someone|people)\b|how\s+to\b)", RegexOptions.IgnoreCase)]
    public static partial Regex InvertedWhQuestion();

    /// <summary>Text after a question's mark that goes on with the question rather than remarking on it: an
    /// alternative or a comparison ("should I use X? or Y", "… ? vs the old way";
    /// <see cref="Answering.QuestionAnalyzer.WithoutRemark"/>).</summary>
    [GeneratedRegex(@"^\W*(?:or|and|vs|versus|also|plus|than)\b", RegexOptions.IgnoreCase)]
    public static partial Regex RemarkContinuation();

    /// <summary>Where a question's clause ends and the next begins (a comma, a dash, a full stop, "so"): a yes/no
    /// question may come after an opening clause.</summary>
    [GeneratedRegex(@"[,;:]\s+|\s[—–-]+\s|\s*[—–]\s*|\.\s+|\bso\s+", RegexOptions.IgnoreCase)]
    public static partial Regex ClauseOpening();

    /// <summary>"What is …", "define …", "explain …": a question that asks what something is.</summary>
    [GeneratedRegex(@"^\s*(what\s+(is|are|was|were|does|do)\b|what's\b|define\b|explain\b|describe\b|meaning\s+of\b)", RegexOptions.IgnoreCase)]
    public static partial Regex DefinitionalQuestion();

    /// <summary>"How …": a question that asks for a way or a procedure.</summary>
    [GeneratedRegex(@"^\s*how\b", RegexOptions.IgnoreCase)]
    public static partial Regex HowQuestion();

    /// <summary>Words that ask for a command, its syntax or an example.</summary>
    [GeneratedRegex(@"\b(command|commands|syntax|example|examples|kubectl|cli|script|config|configure|yaml)\b", RegexOptions.IgnoreCase)]
    public static partial Regex CommandQuestion();

    /// <summary>"Why …": a question that asks for a reason.</summary>
    [GeneratedRegex(@"^\s*why\b", RegexOptions.IgnoreCase)]
    public static partial Regex WhyQuestion();

    /// <summary>"Which …" or "What …": a question that asks to pick or name one thing.</summary>
    [GeneratedRegex(@"^\s*(which|what)\b", RegexOptions.IgnoreCase)]
    public static partial Regex WhichQuestion();

    /// <summary>Words that ask to compare ("difference", "vs", "better").</summary>
    [GeneratedRegex(@"\bdifference\b|\bdiffer\b|\bvs\.?\b|\bversus\b|\bcompare[sd]?\b|\bbetter\b|\bfaster\b|\bslower\b", RegexOptions.IgnoreCase)]
    public static partial Regex CompareQuestion();

    /// <summary>The two things a question sets side by side: "between A and B", "compare A with B", "how does A differ
    /// from B", "how does A compare to B", "how is A different from B", "how do A and B compare", "A vs B". "A vs B"'s first
    /// side starts where a word does: tried from inside a word, a long one (a pasted hash, 50,000 letters) took the
    /// matcher back over it from every letter, half a minute for one question.</summary>
    [GeneratedRegex(@"\b(?:between|compare|comparing)\s+(?<a>[^?.,;:!]+?)\s+(?:and|with|to|vs\.?|versus)\s+(?<b>[^?.,;:!]+)|\b(?:does|do|is|are)\s+(?<a>[^?.,;:!]+?)\s+(?:differ|different|compare)\s+(?:from|to|than|with|against)\s+(?<b>[^?.,;:!]+)|\b(?:does|do|did)\s+(?<a>[^?.,;:!]+?)\s+and\s+(?<b>[^?.,;:!]+?)\s+(?:differ|compare)\b|(?<![\w.+#/-])(?<a>[\w.+#/-]+(?:\s+[\w.+#/-]+)?)\s+(?:vs\.?|versus)\s+(?<b>[\w.+#/-]+(?:\s+[\w.+#/-]+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ComparedPair();

    /// <summary>A word of the notes or a question: letters, digits and apostrophes.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    internal static partial Regex WordPattern();

    /// <summary>A text's words in order, lower-case, with typographic apostrophes read as plain ones ("don’t").</summary>
    internal static IEnumerable<string> LowerWords(string text) =>
        WordPattern().Matches(text.Replace('’', '\'')).Select(m => m.Value.ToLowerInvariant());

    /// <summary>An answer's opening "Yes" or "No" with the punctuation after it ("Yes - you can use it indirectly").</summary>
    [GeneratedRegex(@"^\s*(yes|no)\b[\s,.;:!\-–—]*", RegexOptions.IgnoreCase)]
    internal static partial Regex LeadingYesNo();

}

/// <summary>What kind of value a question asks for.</summary>
internal enum AnswerType
{
    None,
    Duration,
    Frequency,
    Count,
    Amount,
    Size,
    Port,
    Limit,
    Default,
}
