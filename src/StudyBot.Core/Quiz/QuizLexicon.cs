using StudyBot.Core.Knowledge;
using System.Text.RegularExpressions;

namespace StudyBot.Core.Quiz;

/// <summary>
/// The one place for words that carry meaning to the quiz writer. Most decisions are statistical (how often a term
/// occurs, whether it is shouted English, which terms share sections); these lists cover what statistics cannot see
/// in a small set of notes.
/// </summary>
internal static partial class QuizLexicon
{
    /// <summary>Words too common to relate a choice to a stem ("the", "aws": every AWS note has it).</summary>
    /// <summary>Words that open an example ("AWS services such as ___"): any member of the family fills the blank.</summary>
    public static readonly string[] ExampleMarkers = ["such as", "for example", "for instance", "e.g.", "e.g", "eg.", "including"];

    /// <summary>Words that open a clause of its own inside a question ("does it matter which region can be used"): a
    /// modal after them is that clause's, not the question's.</summary>
    public static readonly HashSet<string> ClauseOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "which", "what", "who", "whom", "whose", "that", "if", "whether", "when", "where", "how", "why",
    };

    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "aws", "amazon", "service", "services", "using", "from", "into", "your", "you",
        "are", "can", "not", "that", "this", "its", "was", "has", "have", "all", "any", "use", "used", "our", "their",
        "which", "what", "these", "those", "there", "they", "them", "then", "than", "when", "where", "how", "why",
        "will", "would", "should", "could", "may", "might", "must", "also", "only", "more", "most", "some", "such",
        "each", "other", "one", "two", "way", "ways", "get", "set", "make", "made", "many", "much", "very",
    };

    /// <summary>Words of the question templates themselves; never evidence that a choice is related to a stem.</summary>
    public static readonly HashSet<string> TemplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "notes", "described", "describe", "say", "about", "fill", "blank", "these", "which", "what",
    };

    /// <summary>First words of a line phrased as a question (also of titles that are not names).</summary>
    public static readonly HashSet<string> QuestionStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "can", "could", "does", "do", "did", "is", "are", "was", "were", "should", "will", "would", "may", "might",
        "how", "what", "why", "when", "where", "which", "who", "whom", "whose", "ways", "notes", "summary",
        "introduction", "overview", "misc", "todo", "example", "examples", "if",
    };

    /// <summary>Openers of a well-formed question a learner can answer ("Container tiny vms?" has none).</summary>
    public static readonly HashSet<string> QuestionOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "can", "could", "does", "do", "did", "is", "are", "was", "were", "should", "will", "would", "may", "might",
        "has", "have", "how", "what", "why", "when", "where", "which", "who", "whom", "whose", "must", "shall",
    };

    /// <summary>Words a complete line never ends with: "… encrypt data in" was cut off mid-sentence.</summary>
    public static readonly HashSet<string> DanglingEnds = Lexicon.DanglingEnds;

    /// <summary>The articles: they open names ("The Peter Principle") as often as phrases.</summary>
    public static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the" };

    /// <summary>First words of a line that continues the previous one ("and then …", "which means …", "Especially if and
    /// when it makes sense to …": a label's second line, outside rating 62, P2).</summary>
    public static readonly HashSet<string> ContinuationStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "which", "that", "so", "then", "because", "than", "to", "of", "with", "where", "while",
        "whereas", "also", "i.e", "e.g", "ex", "eg", "etc", "currently", "now", "however", "thus", "hence",
        "otherwise", "instead", "therefore", "similarly", "likewise", "especially", "particularly",
    };

    /// <summary>Openings that point back to the line before ("In that case, GitHub may still ingest …", outside review
    /// 16): the line says nothing on its own.</summary>
    public static readonly string[] BackReferringOpeners = ["in that case", "in this case", "in which case", "in such cases", "in such a case", "as a result"];

    /// <summary>Phrases by which a line ranks or places its subject against things the lines before it named ("F2FS slots
    /// in between: …", "faster than the previous one", "the latter keeps a journal"; outside rating 22, P32): what it
    /// is between, or later than, is not in the line, so it is no fact of its own. A list, because the relation is
    /// carried by a few fixed function-word phrases that no count over the notes tells from their ordinary use
    /// ("between the disks" names both ends and stays).</summary>
    public static readonly string[] RankingPhrases =
    [
        "in between", "the former", "the latter", "the previous", "than the others", "the other two", "the rest of them",
    ];

    /// <summary>Prepositions and conjunctions a name never opens with: a heading that does ("Before mounting", "With
    /// LDAP", "Without LDAP", "When to Use Swap") is a phrase about the page's subject, not a term to offer as a choice
    /// (outside ratings 17 and 22). <see cref="DanglingEnds"/> holds the commoner ones; these are the rest. A list,
    /// because these closed-class words are as frequent in names' company as in phrases' and no count separates them.</summary>
    public static readonly HashSet<string> PhraseOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "before", "after", "without", "during", "within", "between", "beyond", "under", "over", "about", "against",
        "inside", "outside", "through", "when", "while", "why", "how", "where", "if", "until", "upon",
    };

    /// <summary>Modal verbs: a line that opens with one ("Must be valid JSON conforming to the schema", "Can be attached
    /// later") says what is required or allowed of the section's subject, not what it is (outside rating 16, U1: "SARIF
    /// File Requirements" taken as a thing defined by its first requirement).</summary>
    public static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase)
    {
        "must", "should", "may", "might", "can", "cannot", "could", "would", "will", "shall",
    };

    /// <summary>Auxiliaries: a line that opens with one has left its subject out ("Can be used to …").</summary>
    public static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "can", "cannot", "can't", "will", "won't", "must", "should", "may", "might",
        "could", "would", "has", "have", "had", "does", "doesn't", "isn't", "aren't",
    };

    /// <summary>Words after which English needs a verb's base form or a participle, never a finite verb: the finite forms
    /// of "be" and the modals. One of them directly before one of <see cref="FiniteVerbs"/> ("user is has flexibility")
    /// is a garbled line (<see cref="QuizText.HasTwoFiniteVerbsInARow"/>).</summary>
    public static readonly HashSet<string> BeforeBaseForm = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "am", "can", "could", "will", "would", "should", "must", "may", "might", "shall",
    };

    /// <summary>Finite verbs that cannot follow a word of <see cref="BeforeBaseForm"/>. "have" is left out ("could have
    /// been"), and so is every form that may open a clause after a fused relative only with "have" or "has" before it
    /// ("All we have is time"), which <see cref="BeforeBaseForm"/> does not hold.</summary>
    public static readonly HashSet<string> FiniteVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "am", "has",
    };

    /// <summary>Adjectives and adverbs that open a predicate whose subject is left out ("Only available for …",
    /// "Similar to OSPF …").</summary>
    public static readonly HashSet<string> PredicateStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "only", "similar", "same", "available", "just", "mostly", "usually", "often", "always", "never", "not", "also",
        "unlike", "like", "useful", "helpful", "ideal", "suitable", "responsible", "able", "great", "good", "better",
        "best", "faster", "slower", "cheaper", "equivalent", "compatible", "optional", "required", "mandatory",
    };

    /// <summary>Verbs and auxiliaries that make a line a statement rather than a label ("Source NAT for …").</summary>
    public static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "been", "being", "can", "cannot", "can't", "will", "won't", "must", "should",
        "may", "might", "could", "would", "has", "have", "had", "does", "do", "did", "doesn't", "don't", "isn't",
        "aren't", "need", "needs", "allows", "allow", "lets", "let", "provides", "provide", "gives", "give", "uses",
        "use", "runs", "run", "stores", "store", "sends", "send", "makes", "make", "helps", "help", "creates", "create",
        "supports", "support", "works", "work", "means", "mean", "takes", "take", "keeps", "keep", "contains", "contain",
        "requires", "require", "encrypts", "encrypt", "manages", "manage", "protects", "protect", "defines", "define",
        "becomes", "become", "get", "gets", "set", "sets", "returns", "return", "connects", "connect", "maps", "map",
        "shows", "show", "ensures", "ensure", "enables", "enable", "lists", "list", "handles", "handle", "checks",
        "check", "scales", "scale", "distributes", "distribute", "translates", "translate", "assigns", "assign",
    };

    /// <summary>Headers of a table's first column that name what its columns are compared on, not the kind of thing its
    /// rows are ("Feature | TCP | UDP", "Aspect | Symmetric | Asymmetric"): such a table compares its columns.</summary>
    public static readonly HashSet<string> ComparisonAxes = new(StringComparer.OrdinalIgnoreCase)
    {
        "feature", "features", "aspect", "aspects", "parameter", "parameters", "property", "properties", "characteristic",
        "characteristics", "criteria", "criterion", "attribute", "attributes", "dimension", "factor", "factors",
        "comparison", "compare", "metric", "category", "point", "difference", "differences",
    };

    /// <summary>Words of headings that organise notes rather than name a thing ("Best practices", "Phases").</summary>
    public static readonly HashSet<string> GenericHeadingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "introduction", "intro", "overview", "summary", "notes", "note", "example", "examples", "tips", "tip",
        "best", "practices", "practice", "takeaways", "takeaway", "good", "know", "misc", "basics", "basic",
        "conclusion", "references", "reference", "resources", "resource", "phases", "phase", "types", "type",
        "features", "feature", "benefits", "benefit", "advantages", "disadvantages", "pros", "cons", "key", "points",
        "commands", "command", "usage", "setup", "installation", "install", "important", "faq", "exam", "general",
        "concepts", "concept", "definition", "definitions", "details", "detail", "more", "other", "others", "common",
        "steps", "step", "how", "works", "use", "cases", "case", "options", "option", "questions", "question", "review",
        "lab", "labs", "exercise", "exercises", "demo", "hands", "on", "part", "section", "chapter", "module", "topics",
        "topic", "things", "remember", "to", "of", "the", "and", "a", "in", "for", "with", "vs", "table", "contents",
        "learning", "objectives", "goals", "prerequisites", "requirements", "limitations", "limits", "comparison",
        "terminology", "glossary", "workflow", "architecture", "components", "properties", "characteristics",
        "techniques", "technique", "methods", "method", "approaches", "approach", "strategies", "strategy", "tools",
        "capabilities", "considerations", "plus", "start", "troubleshooting",
    };

    /// <summary>Words that mark a heading as an organising one even next to a name ("SDK Takeaways", "Benefits of
    /// CloudFormation"): such a heading is not the name of a thing to ask about.</summary>
    public static readonly HashSet<string> OrganisingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "introduction", "overview", "summary", "notes", "example", "examples", "tips", "takeaways", "takeaway", "know",
        "misc", "basics", "conclusion", "references", "resources", "phases", "benefits", "advantages", "disadvantages",
        "pros", "cons", "faq", "exam", "exercise", "exercises", "lab", "labs", "demo", "prerequisites", "objectives",
        "practices", "remember", "vs", "versus", "comparison", "questions", "todo", "explanation", "description",
        "scenarios", "characteristics", "other", "others", "general", "process", "setup", "experimenting", "analysis", "explained", "step", "rules", "rule", "types", "monitoring", "options", "main", "thumb", "upgrade", "specific", "topics", "miscellaneous", "recap", "details", "concepts",
        "applications", "uses", // "Applications of PCA" gathers what its sibling "Compression with PCA" is one of (outside rating 53, P20, P59)
        "properties", // "Properties of Triple Bonds" offered beside Polar and Ionic bonds (outside rating 65, P13): an aspect of a thing, not one
        "features", // "Features of VirtualBox" offered beside Full Virtualization (sixty-third session's read of 30 bank items)
    };

    /// <summary>Terms too broad to be the key of a blank: any IT sentence could take them ("the user's ___" → ID).</summary>
    public static readonly HashSet<string> WeakKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "ID", "IDS", "OS", "UI", "IT", "PC", "GB", "MB", "KB", "TB", "OK", "US", "EU", "AM", "PM", "API", "URL", "CLI", "GUI",
        "EG", "IE", "ETC", "FAQ", "TODO", "NOTE", "TIP", "NB", "PS", "VS", "DB",
    };

    /// <summary>First words that open no task of a "which command …?" question: a preposition or an adverb that leans
    /// on the text around it ("In another terminal:", "On Debian or Ubuntu systems:", "From a running system:", "Then
    /// mount the device:"). Closed-class words, with <see cref="ContinuationStarts"/>, <see cref="PhraseOpeners"/> and
    /// <see cref="PronounStarts"/>.</summary>
    public static readonly HashSet<string> TaskNonOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "by", "as", "for", "from", "into", "onto", "per", "via", "once", "first", "finally", "next", "optionally",
        "alternatively", "again", "a", "an", "the",
    };

    /// <summary>First words of an instruction ("Setup servers …"): a step, not a definition.</summary>
    public static readonly HashSet<string> ImperativeStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "setup", "set", "install", "configure", "add", "open", "go", "click", "select", "type", "edit", "enable", "disable",
        "download", "apply", "generate", "restore", "take", "test", "build", "login", "log", "choose", "define", "launch", "start", "stop", "delete", "remove", "copy",
        "move", "change", "update", "check", "run", "use", "create", "make", "see", "read", "note", "remember", "try",
        "write", "let", "get", "put", "navigate", "follow", "attach", "deploy", "verify", "ensure", "specify",
    };

    /// <summary>Pronouns that stand for a thing already named: as a subject ("it is", "they can") inside a quoted line,
    /// the line is a clause about its section's subject, not a description of what the subject is.</summary>
    public static readonly HashSet<string> SubjectPronouns = new(StringComparer.OrdinalIgnoreCase) { "it", "they" };

    public static readonly HashSet<string> PronounStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "they", "it", "this", "these", "those", "we", "you", "i", "he", "she", "there", "here", "that",
    };

    /// <summary>Pronouns, possessives and demonstratives that stand for something a line before named, as the first word of
    /// a quoted line ("It will not continue until it receives SIGCONT.", "This prevents client root from …", "These are
    /// usually mounted automatically during boot."): cut from the page, the line does not say what "it" is, and the
    /// section's title shown beside it is not that thing ("Interpretation", "Important Mounting Idea"). On the outside
    /// verdicts such lines asked as blanks or contrasts were rated good 2 times of 17 (10 items; docs/quiz.md, "A quoted
    /// line that opens with a pronoun"). A closed grammatical class, like <see cref="LeaningOpeners"/> (which holds these and the connectives,
    /// for a paragraph's sentences): no count over the notes tells these words from a subject noun. Not
    /// <see cref="PronounStarts"/>: "we", "you" and "there" point at no earlier line ("We can create an export …" was
    /// rated good 24 times).</summary>
    public static readonly HashSet<string> ReferringOpeners = new(Knowledge.Lexicon.Referents.Append("such"), StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that add a line to what the notes said of something else just before ("Phishing can also lead victims
    /// to …", "Stacks too …"): the line's predicate is true of that other thing as well, which may be a sibling choice.</summary>
    public static readonly HashSet<string> AdditiveWords = new(StringComparer.OrdinalIgnoreCase) { "also", "too", "likewise", "similarly" };

    /// <summary>Phrases that open a predicate placing its subject in a class ("Arrays are among the most common data
    /// structures …", "Heap is one of the …"): what the line says of the key, its siblings of that class share. A list,
    /// because these are function words no count over the notes tells from other uses.</summary>
    public static readonly string[] MembershipOpeners = ["among", "one of"];

    /// <summary>Pronouns that refer back to a plural subject ("Risks are assessed by their impact"): a predicate with one
    /// keeps the subject's plural verb when the subject becomes "Which of these".</summary>
    public static readonly HashSet<string> PluralPronouns = new(StringComparer.OrdinalIgnoreCase) { "they", "them", "their", "theirs", "themselves" };

    /// <summary>First words of a sentence that lean on the sentence before it: a pronoun or demonstrative standing for
    /// what was just said ("This table is filled in by hand", "It stops packets …", "These ampersands …") or a connective
    /// that continues it ("However, …", "Next, …"). Inside a paragraph the subject is the previous sentence, not the
    /// section, so unlike a line (<c>QuestionGenerator.HasSubject</c>) such a sentence is not asked even with its section shown.</summary>
    public static readonly HashSet<string> LeaningOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "they", "them", "their", "this", "that", "these", "those", "he", "she", "such", "here", "there's",
        "also", "but", "and", "or", "so", "then", "however", "instead", "otherwise", "similarly", "likewise", "therefore",
        "thus", "hence", "again", "still", "yet", "now", "next", "finally", "first", "second", "third", "lastly",
        "meanwhile", "furthermore", "moreover", "additionally", "besides", "conversely", "consequently", "accordingly",
        "nevertheless", "nonetheless", "rather", "anyway", "another", "luckily", "fortunately", "unfortunately",
    };

    /// <summary>Openings of several words that lean on the text before them ("For example, if you remove …", "By the
    /// same token, …"), or point the reader at it ("Note that _____ will get called whenever the obj is used …", "For
    /// now, know that the _____ type …", "Notice how the Deploy stage …": outside rating 65, P62 and P65): what they
    /// continue is not in the sentence.</summary>
    public static readonly string[] LeaningPhrases =
    [
        "for example", "for instance", "in other words", "by the same token", "on the other hand", "in addition",
        "in contrast", "by contrast", "at this point", "as such", "to do so", "in turn", "in the same way", "continuing",
        "comparatively", "alternatively", "specifically", "as mentioned", "as we", "as you", "for now", "note that",
        "notice that", "notice how",
    ];

    /// <summary>A sentence that speaks of the page itself: a part of it named with a pointing word ("In this section",
    /// "the following chapter") or the author saying what the page does ("we describe", "we'll cover").</summary>
    [GeneratedRegex(@"\b(?:this|the following|the next|the previous|below|above)\s+(?:section|chapter|page|guide|article|post|lesson|tutorial|part)\b|\bwe(?:'ll| will)?\s+(?:describe|discuss|cover|explain|look at|walk through|go over)\b", RegexOptions.IgnoreCase)]
    public static partial Regex AboutThePage();

    /// <summary>Words that point at the text around the sentence ("the code above", "the following example", "the
    /// previous section", "here"): the sentence is about the page's walk-through, and its fact, if any, is not in it.</summary>
    public static readonly HashSet<string> PageDeixis = new(StringComparer.OrdinalIgnoreCase)
    {
        "above", "below", "following", "previous", "previously", "preceding", "earlier", "later", "here", "this", "these",
        "those",
    };

    /// <summary>Words of the author's walk-through: the first person plural ("Let's look at", "we'll see", "we pass
    /// the address") and the learner's future ("you'll learn"). Such a sentence tells what the text does next or did
    /// to its example, not a fact of the subject.</summary>
    public static readonly HashSet<string> WalkthroughWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "we", "we'll", "we’ll", "we've", "we’ve", "we're", "we’re", "we'd", "we’d", "us", "our", "ours", "let's", "let’s",
        "you'll", "you’ll", "you've", "you’ve",
    };

    /// <summary>Verbs that open an instruction to the reader ("Note that …", "Consider a router …", "See …").</summary>
    public static readonly HashSet<string> ReaderInstructions = new(StringComparer.OrdinalIgnoreCase)
    {
        "note", "notice", "recall", "remember", "consider", "imagine", "suppose", "try", "see", "look", "let", "keep",
        "compare", "observe", "run", "open", "add", "change", "make", "use", "take", "write", "go", "check", "think",
    };

    /// <summary>Subjects that are the course around the notes rather than their matter: a line that opens with one
    /// ("The exam expects you to …") speaks to the learner.</summary>
    public static readonly HashSet<string> CourseSubjects = new(StringComparer.OrdinalIgnoreCase)
    {
        "exam", "exams", "course", "certification", "syllabus", "curriculum",
    };

    /// <summary>Words that open a noun phrase. A line's first word ending in -s before one of them is a verb whose subject
    /// is the heading ("Offers more bandwidth …", "Provides a …"): a plural noun is not followed by a determiner.</summary>
    public static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "more", "less", "fewer", "no", "any", "all", "some", "its", "their", "your", "our", "each",
        "every", "much", "many", "this", "these", "those",
    };

    /// <summary>Words that mark a short paragraph as the author's walk-through whatever else it says: the author's future
    /// or past ("Next, we'll look at …", "Earlier, we mentioned …", "Let's …") and the page around it ("the code above").
    /// Unlike <see cref="WalkthroughWords"/>, not the plain "we": team notes write "when we execute terraform init, the
    /// system asks …" as a fact (rated good eleven times).</summary>
    public static readonly HashSet<string> WalkthroughMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "we'll", "we’ll", "we've", "we’ve", "let's", "let’s", "you'll", "you’ll", "you've", "you’ve", "earlier",
        "previously", "above", "below", "preceding",
    };

    /// <summary>Words a writer sets in italics for stress, not to introduce a term ("you *can't* do that", "*both* the
    /// stack and the heap", "the answer *did* change"): an emphasised span made of them, or ending on one, names
    /// nothing (<see cref="IntroducedTerms"/>). The other function-word lists (stop words, modals, auxiliaries,
    /// determiners) count as well.</summary>
    public static readonly HashSet<string> StressWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "both", "either", "neither", "nor", "nothing", "something", "anything", "everything", "once", "twice", "first",
        "last", "never", "always", "did", "do", "don't", "don’t", "doesn't", "doesn’t", "didn't", "didn’t", "can’t",
        "won’t", "shouldn't", "shouldn’t", "isn’t", "aren’t", "out", "off", "up", "down", "before", "after", "same",
        "different", "own", "just", "really", "why", "who", "whom", "whose", "yes", "no", "three", "four",
    };

    /// <summary>Words that name a term just after them ("is called *borrowing*", "known as a *hash table*"): where the
    /// notes introduce a term in emphasis (<see cref="IntroducedTerms.Introduces"/>).</summary>
    public static readonly string[] NamingVerbs = ["called", "known as", "referred to as", "termed", "named", "dubbed"];

    /// <summary>Nouns that say what kind of thing a code span names when the prose writes them beside it ("the
    /// `.npmignore` file", "the `scrypt` function", "the `Expect-CT` header", "the popular library `bcrypt`"): where
    /// code spans are not repeated from page to page, the noun is what tells a name of the subject from an example's
    /// variable, and two names with one noun are of one kind (<see cref="IntroducedTerms.KindNounOf"/>).</summary>
    public static readonly string[] CodeKindNouns = ["file", "function", "header", "command", "library", "package", "module", "plugin", "tool"];

    /// <summary>Words with which a page of tips tells the reader to take up a tool ("Use `shuf` to shuffle …", "try
    /// `pandoc`", "Know about `wc` …"): the page names the span as a tool it recommends, not as an example's name.</summary>
    public static readonly string[] RecommendingVerbs = ["use", "try", "consider", "know about", "learn"];

    /// <summary>Verbs that say what the term before them is ("*Ownership* is a set of rules", "A **socket** is the
    /// combination of …").</summary>
    public static readonly string[] DefiningVerbs = ["is", "are", "means", "refers to", "stands for", "describes", "lets", "allows", "provides"];

    /// <summary>Files that describe the notes rather than teach: nothing in them is worth a question.</summary>
    public static readonly HashSet<string> NonContentFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "readme", "sources", "license", "licence", "index", "changelog", "contributing", "code_of_conduct", "authors",
        "notice", "security", "toc", "summary", "contents", "provenance", "copying",
    };

    /// <summary>Yes/no openers of an answer: the first word decides the key of a yes/no question.</summary>
    public static readonly HashSet<string> YesWords = new(StringComparer.OrdinalIgnoreCase) { "yes", "yeah", "yep", "true", "correct" };

    /// <inheritdoc cref="YesWords"/>
    public static readonly HashSet<string> NoWords = new(StringComparer.OrdinalIgnoreCase) { "no", "nope", "false", "cannot", "can't", "never" };

    /// <summary>Endings a word takes on a known word ("injections", "attaching", "cleanly"): such a word is known too, not
    /// a slip (<see cref="LikelyTypos"/>).</summary>
    public static readonly string[] InflectionEndings =
    [
        "s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "ness", "ment", "ments", "ion", "ions", "able", "ably", "ity", "al", "ally",
    ];

    /// <summary>Prefixes a word takes on a known word ("reuse", "untrusted", "misused", "decoded"): such a word is known
    /// too, not a slip (<see cref="LikelyTypos"/>).</summary>
    public static readonly string[] WordPrefixes = ["re", "un", "in", "de", "dis", "mis", "pre", "out", "over", "under", "sub", "non", "co"];
}
