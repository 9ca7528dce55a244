using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The rules for the defects of the third outside rating (issue 11, 2026-11-30: giveaways, definitions that
/// do not define the key, two-choice definitions beside a title of another kind, wrong choices the notes also make
/// true), one test each.</summary>
public class GiveawayAndDefinitionTests
{
    private static QuizQuestion Definition(string quote, string answer, params string[] wrong) => NoteLines.Question(
        QuizQuestionKind.Definition, $"Which of these is described in the notes as “{quote}”?", quote, new Citation("auth.md", answer, 1, 2, quote), answer, wrong);

    [Theory]
    [InlineData(0.65, true)] // the sentence 0.55 like the key, 0.40 like each wrong command: "resync" names REFRESH
    [InlineData(0.8, false)] // 0.50 like each wrong command: a learner has to know which one resyncs
    public void KindCheck_BlankMuchNearerTheKeyThanEveryWrongChoice_StandsOut(double wrongToAnchor, bool standsOut)
    {
        // Fourth outside rating: of 9 blanks guessable by a stem word, 6 led by GiveawayMargin (0.10) or more and were
        // kept under the old 0.25; the wrong choices are of the key's kind (0.72 to it), so only this check sees it.
        const string masked = "_____ will attempt to resync the state";
        string[] wrong = ["Terraform Import", "Terraform Taint", "Terraform Output"];
        var kinds = new KindSimilarity(new ChosenEmbedder(
            [(masked, 0.6), ("Terraform Refresh", 0.9), .. wrong.Select(w => (w, wrongToAnchor))]));
        string[] choices = ["Terraform Refresh", .. wrong];
        var q = new QuizQuestion("q", QuizQuestionKind.FillInTheBlank, $"Fill in the blank: “{masked}”", choices, 0, masked,
            new Citation("tf.md", "State", 1, 1, masked), "Terraform Refresh");
        var corpus = new QuizCorpus([new Passage("tf.md", "State", ["State"], 1, 1, "Terraform Refresh will attempt to resync the state", PassageKind.Bullet)]);

        Assert.Equal(standsOut ? QuestionGenerator.KeyStandsOut : null,
            QuestionGenerator.KindCheck(new QuestionGenerator.Candidate(q, masked, string.Empty, 1), corpus, kinds));
    }

    [Theory]
    [InlineData(4, true)]  // among four titles a lead of 0.10 names the key ("stores copies" → Caching Proxy)
    [InlineData(2, false)] // between two the same lead does not part guessable from good items: 0.15 stays
    public void KindCheck_DefinitionTenPointsNearerItsTitle_StandsOutAmongThreeOrMore(int titles, bool standsOut)
    {
        // Outside rating 35 (V12) and reviews 4–35: "Stores copies of frequently requested resources …" is the everyday
        // meaning of "Caching"; the quote is 0.60 like Caching Proxy, 0.50 like each other proxy.
        const string quote = "Stores copies of frequently requested resources and serves them directly";
        string[] wrong = ["HTTP Proxy", "SOCKS Proxy", "Transparent Proxy"];
        var kinds = new KindSimilarity(new ChosenEmbedder([(quote, 1.0), ("Caching Proxy", 0.6), .. wrong.Select(w => (w, 0.5))]));
        var q = Definition(quote, "Caching Proxy", [.. wrong.Take(titles - 1)]);
        var corpus = new QuizCorpus(
            [
                new Passage("proxy.md", "Caching Proxy", ["Caching Proxy"], 1, 2, quote, PassageKind.Bullet),
                NoteLines.Bullet("proxy.md", "Caching Proxy", 3, "It is also called web caching"),
                NoteLines.Bullet("proxy.md", "Caching Proxy", 4, "Browsers do caching too"),
            ]);

        Assert.Equal(standsOut ? QuestionGenerator.KeyStandsOut : null,
            QuestionGenerator.KindCheck(new QuestionGenerator.Candidate(q, quote, string.Empty, 1), corpus, kinds));
    }

    [Fact]
    public void KindCheck_DefinitionNearerAProperName_DoesNotStandOutAtTenPoints()
    {
        // Hacker Laws: the quote is 0.10 nearer The Dilbert Principle than The Peter Principle, but "Dilbert" says nothing
        // in everyday words (both readers of ratings 28 and 31 rated the item good): the lead is the model's knowledge.
        const string quote = "Companies tend to systematically promote incompetent employees to management to get them out of the workflow";
        string[] wrong = ["The Peter Principle", "The KISS principle", "The DRY Principle"];
        var kinds = new KindSimilarity(new ChosenEmbedder([(quote, 1.0), ("The Dilbert Principle", 0.6), .. wrong.Select(w => (w, 0.5))]));
        var q = Definition(quote, "The Dilbert Principle", wrong);
        var corpus = new QuizCorpus([new Passage("laws.md", "The Dilbert Principle", ["The Dilbert Principle"], 1, 2, quote, PassageKind.Bullet)]);

        Assert.False(QuestionGenerator.NamesInEverydayWords(q, corpus));
        Assert.Null(QuestionGenerator.KindCheck(new QuestionGenerator.Candidate(q, quote, string.Empty, 1), corpus, kinds));
    }

    [Fact]
    public void NearStemFirst_WrongTermAsNearTheSentenceAsTheKey_IsTakenFirst()
    {
        // The first pick let the key lead by 0.15; a term of the pool 0.05 behind it is a fair wrong choice and goes
        // first, those further behind keep their order.
        const string masked = "_____ will attempt to resync the state";
        var kinds = new KindSimilarity(new ChosenEmbedder(
            (masked, 0.6), ("Terraform Refresh", 0.9), ("Terraform Import", 0.65), ("Terraform Taint", 0.65), ("Terraform Plan", 0.85)));
        string[] choices = ["Terraform Refresh", "Terraform Import", "Terraform Taint"];
        var q = new QuizQuestion("q", QuizQuestionKind.FillInTheBlank, $"Fill in the blank: “{masked}”", choices, 0, masked,
            new Citation("tf.md", "State", 1, 1, masked), "Terraform Refresh");
        QuestionGenerator.Wrong[] pool = [new("Terraform Import", 1, Rank: 1.5), new("Terraform Taint", 1, Rank: 1.4), new("Terraform Plan", 1, Rank: 1.0)];

        var again = QuestionGenerator.NearStemFirst(pool, new QuestionGenerator.Candidate(q, masked, string.Empty, 1), kinds).ToList();

        Assert.Equal("Terraform Plan", again.MaxBy(w => w.Rank)!.Text);
        Assert.Equal(1.5, again.Single(w => w.Text == "Terraform Import").Rank);
    }

    [Fact]
    public void AcronymShown_InitialsOfSideBySideStemWords_SpellTheKey()
    {
        // "attribute based" spells AB, the half of ABAC that tells it from RBAC (outside rating C1); "command-line"
        // spells CL of CLI (C12).
        Assert.True(QuestionGenerator.AcronymShown(
            Definition("attribute based. Out of scope for CKA. Old way of authorization", "ABAC", "RBAC", "PVC"), "attribute based. Out of scope for CKA. Old way of authorization", string.Empty));
        Assert.True(QuestionGenerator.AcronymShown(
            Definition("Another way to set variables is by using the command-line", "CLI VARIABLES", "TFVARS FILES", "MULTIPLE VALUE FILES"), "Another way to set variables is by using the command-line", string.Empty));
    }

    [Fact]
    public void AcronymShown_LettersByChanceOrSharedWithAWrongChoice_DoNotCount()
    {
        // "substitute for strong": a short word between them, SS of SSH by chance.
        const string ports = "Forwarding _____ on port 2222 reduces scanning hits, not a substitute for strong authentication";
        Assert.False(QuestionGenerator.AcronymShown(Definition(ports, "SSH", "TLS", "IMAP"), ports, string.Empty));

        // "attribute based" spells AB of ABAC and of ABXX alike: it does not single the key out.
        const string attribute = "attribute based. Old way of authorization";
        Assert.False(QuestionGenerator.AcronymShown(Definition(attribute, "ABAC", "ABXX", "RBAC"), attribute, string.Empty));
    }

    [Fact]
    public void AcronymShown_BracketedAcronymOfTheKey_GivesItAway()
    {
        // "_____ (TFC) is a free … platform": TFC shortens Terraform Cloud, no Terraform command (C45).
        const string masked = "_____ (TFC) is a free to use, self-service SaaS platform";
        Assert.True(QuestionGenerator.AcronymShown(Definition(masked, "TERRAFORM CLOUD", "TERRAFORM INIT", "TERRAFORM PLAN"), masked, string.Empty));
        Assert.True(QuizText.Abbreviates("TFC", "Terraform Cloud"));
        Assert.True(QuizText.Abbreviates("ABAC", "Attribute Based Access Control"));
        Assert.False(QuizText.Abbreviates("TFC", "TERRAFORM INIT"));
    }

    [Fact]
    public void KeyWordsShown_StemHoldsMoreOfTheKeysWordsThanOfAnyWrongChoice()
    {
        // "The TCP header …": TCP and header are both in "TCP Segment Header", one in each wrong choice (C7).
        const string tcp = "The TCP header is 20 bytes minimum and contains the fields needed for reliable delivery.";
        Assert.True(QuestionGenerator.KeyWordsShown(Definition(tcp, "TCP Segment Header", "UDP Header", "TCP 3-Way Handshake", "IPv4 Header Structure"), tcp));

        // One shared word is what a family has in common.
        const string packets = "Data is divided into packets, each containing a header with destination information.";
        Assert.False(QuestionGenerator.KeyWordsShown(Definition(packets, "Packet Switching", "Packet Routing", "Circuit Switching"), packets));
    }

    [Fact]
    public void KeyWordsShown_StemSpellsEveryWordOfTheKeyAndOfNoWrongChoice()
    {
        // Outside review 12, C12: a wrong choice shares as many words but adds "Custom", which the stem never says.
        const string metrics = "CloudWatch provides metrics for every services in AWS";
        Assert.True(QuestionGenerator.KeyWordsShown(Definition(metrics, "CloudWatch Metrics", "Cloudwatch Agent", "AWS CloudWatch Custom Metrics", "AWS CloudWatch Logs"), metrics));

        // When a wrong choice is spelt by the stem as well, the stem does not single the key out.
        const string both = "CloudWatch Logs keep the metrics agents send";
        Assert.False(QuestionGenerator.KeyWordsShown(Definition(both, "CloudWatch Metrics", "CloudWatch Logs", "Cloudwatch Agent"), both));
    }

    [Fact]
    public void WithoutGlosses_KeysGlossAsLikeTheQuoteAsAnyOther_IsDroppedFromEveryChoice()
    {
        // "(One-to-One)" restates "a single sender … a single specific receiver" (C2): the names are asked alone.
        const string quote = "A single sender transmits data to a single specific receiver";
        var kinds = new KindSimilarity(new ChosenEmbedder((quote, 0.8), ("One-to-One", 0.6), ("One-to-Many", 0.6), ("One-to-All", 0.3)));
        var c = new QuestionGenerator.Candidate(Definition(quote, "Unicast (One-to-One)", "Multicast (One-to-Many)", "Broadcast (One-to-All)", "RIP (Routing Information Protocol)"), quote, string.Empty, 1);

        var shown = QuestionGenerator.WithoutGlosses(c, kinds);

        Assert.NotNull(shown);
        Assert.Equal(["Unicast", "Multicast", "Broadcast", "RIP (Routing Information Protocol)"], shown.Question.Choices);
        Assert.Equal("Unicast", shown.Question.Answer);
        Assert.Equal("Unicast", shown.Question.KeyTerm);
    }

    [Fact]
    public void WithoutGlosses_GlossUnlikeTheQuote_Stays()
    {
        const string quote = "A single sender transmits data to a single specific receiver";
        var kinds = new KindSimilarity(new ChosenEmbedder((quote, 0.8), ("One-to-One", 0.2), ("One-to-Many", 0.6)));
        var c = new QuestionGenerator.Candidate(Definition(quote, "Unicast (One-to-One)", "Multicast (One-to-Many)"), quote, string.Empty, 1);

        Assert.Same(c, QuestionGenerator.WithoutGlosses(c, kinds));
    }

    [Theory]
    [InlineData("Bootstrapping means launching commands when a machine starts", "EC2 User Data", true)] // C3
    [InlineData("A proxy is a server that forwards requests for a client", "Forward Proxy", false)] // its own subject
    [InlineData("Spot Instances are a way to bid for spare capacity", "Spot Instances", false)]
    [InlineData("Data is divided into packets, each with a header", "Packet Switching", false)] // passive, not a copula
    [InlineData("Another way to set variables is by using the command-line", "CLI VARIABLES", false)] // a clause
    public void DefinesAnotherTerm_TheQuotesOwnSubjectIsNotTheKey(string quote, string title, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.DefinesAnotherTerm(quote, title, KindSimilarity.None));

    [Fact]
    public void DefinesAnotherTerm_SubjectTheModelFindsAnotherNameOfTheKey_DefinesTheKey()
    {
        var kinds = new KindSimilarity(new ChosenEmbedder(("Bootstrapping", 0.95), ("EC2 User Data", 0.95)));

        Assert.False(QuestionGenerator.DefinesAnotherTerm("Bootstrapping means launching commands when a machine starts", "EC2 User Data", kinds));
    }

    [Theory]
    [InlineData("**Latency-sensitive applications**:", "- High-frequency trading (microseconds matter)", true)] // C17
    [InlineData("Key points about packet routing:", "- Each router makes an independent forwarding decision.", true)] // C15
    [InlineData("> **EBS:**", "-   Allows users to have data persistence", false)] // a name: a label heading
    [InlineData("## Latency-sensitive applications", "- High-frequency trading (microseconds matter)", false)]
    [InlineData("Latency-sensitive applications:", "Trading systems where microseconds matter.", false)] // no list
    public void LeadsIntoList_CommonNounsAndAColonOverAList(string title, string item, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.LeadsIntoList([title, string.Empty, item], 1, 3));

    [Fact]
    public void SaysTheSame_ALineOfTheWrongChoiceTheModelFindsNearIdentical_MakesItTrue()
    {
        const string quote = "Can have up to 5 read replicas for any primary instance";
        const string line = "Up to 5 read replicas for a primary instance";
        var same = new KindSimilarity(new ChosenEmbedder((quote, 0.95), (line, 0.95)));
        var framed = new KindSimilarity(new ChosenEmbedder((quote, 0.92), (line, 0.92))); // 0.85: one frame, another fact

        Assert.True(QuestionGenerator.SaysTheSame([line], quote, same));
        Assert.False(QuestionGenerator.SaysTheSame([line], quote, framed));
        Assert.False(QuestionGenerator.SaysTheSame([line], quote, KindSimilarity.None));
    }

    private static (Passage[] Passages, Func<string, IReadOnlyList<string>?> ReadLines) Sections(params (string[] Path, string Definition)[] sections)
    {
        const string file = "net/modes.md";
        var lines = new List<string>();
        var passages = new List<Passage>();
        foreach (var (path, definition) in sections)
        {
            lines.Add("## " + path[^1]);
            lines.Add(definition);
            passages.Add(new Passage(file, path[^1], path, lines.Count, lines.Count, definition, PassageKind.Paragraph));
            lines.Add(string.Empty);
        }

        return (passages.ToArray(), f => f == file ? lines : null);
    }

    /// <summary>The one question of the bank whose answer is <paramref name="answer"/>.</summary>
    private static QuizQuestion AskedOnce(string answer, Passage[] passages, Func<string, IReadOnlyList<string>?> readLines, ChosenEmbedder kinds) =>
        Assert.Single(QuestionGenerator.Generate(passages, readLines, kinds), q => q.Answer == answer);

    [Fact]
    public void Generate_WrongTitleALineOfTheKeysSectionNames_IsAPartOfTheKey()
    {
        // "S3 Transfer Acceleration" for "Faster upload of large objects (>5GB), use multipart upload": a line of the key's
        // own section, AWS S3 Performance, opens with it (one way to upload faster), so it is true of the quote as well.
        // Named in passing ("This contrasts with S3 Replication") it stays a fair wrong title.
        var (passages, readLines) = Sections(
            (["S3", "S3 Performance"], "Faster upload of large objects, use multipart upload"),
            (["S3", "S3 Versioning"], "Keeps every version of an object in the same bucket"),
            (["S3", "S3 Websites"], "Serves static pages straight from a bucket"),
            (["S3", "S3 Replication"], "Copies objects to a bucket in another region"),
            (["S3", "S3 Transfer Acceleration"], "Routes uploads through the nearest edge location"));
        passages = [.. passages, new Passage("net/modes.md", "S3 Performance", ["S3", "S3 Performance"], 3, 3, "S3 Transfer Acceleration speeds up uploads from afar", PassageKind.Paragraph),
            new Passage("net/modes.md", "S3 Performance", ["S3", "S3 Performance"], 3, 3, "This contrasts with S3 Replication, which is slower", PassageKind.Paragraph)];
        // The titles share "S3": without it the rests are alike too (QuestionGenerator.AreAlternatives).
        var kinds = new ChosenEmbedder([.. new[] { "S3 Performance", "S3 Versioning", "S3 Websites", "S3 Replication", "S3 Transfer Acceleration" }
            .SelectMany(t => new[] { t, t[3..] }).Select(t => (t, Math.Sqrt(0.5)))]);

        var performance = AskedOnce("S3 Performance", passages, readLines, kinds);
        Assert.DoesNotContain("S3 Transfer Acceleration", performance.Choices);
        Assert.Contains("S3 Replication", performance.Choices);
    }

    [Fact]
    public void Generate_WrongTitleANeighbouringTopicOfTheKeysParent_IsNoChoice()
    {
        // Outside ratings 25–27: "Results is returned right away" among "Lambda – Asynchronous Invocations", "Lambda
        // Function Dependencies" and "Lambda Environment Variables" — the last two share only "Lambda" with the key, and
        // are no way of invoking it. Whole, the model finds all four alike (0.5); without "Lambda", only the invocations.
        var (passages, readLines) = Sections(
            (["Lambda", "Lambda Synchronous Invocations"], "Results are returned right away to the caller"),
            (["Lambda", "Lambda Asynchronous Invocations"], "The events are placed in an event queue first"),
            (["Lambda", "Lambda Function Dependencies"], "Libraries the code needs, zipped together with it"),
            (["Lambda", "Lambda Environment Variables"], "Settings the code reads at run time"),
            (["Lambda", "Lambda Function Layers"], "Libraries shared by several functions"));
        var half = Math.Sqrt(0.5);
        var kinds = new ChosenEmbedder(("Lambda Synchronous Invocations", half), ("Lambda Asynchronous Invocations", half), ("Lambda Function Dependencies", half),
            ("Lambda Environment Variables", half), ("Lambda Function Layers", half), ("Synchronous Invocations", half), ("Asynchronous Invocations", half));

        var sync = AskedOnce("Lambda Synchronous Invocations", passages, readLines, kinds);
        Assert.Equal(["Lambda Asynchronous Invocations", "Lambda Synchronous Invocations"], sync.Choices.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_SiblingTheModelFindsNearlyTheKey_IsAnotherThingUnderOneHeading()
    {
        // "Lambda – Synchronous Invocations" beside "Lambda – Asynchronous Invocations": 0.9 by the model, as alike as two
        // spellings of one name, so the counterpart was refused as another name of the key and the item offered
        // dependencies, a role and policies (reviews 8–11: "the only invocation type"). Two sections side by side under
        // one heading are two things; from under another heading such a title is still another name of the key.
        var (passages, readLines) = Sections(
            (["Lambda", "Synchronous Invocations"], "Results are returned right away to the caller"),
            (["Lambda", "Asynchronous Invocations"], "The events are placed in an event queue first"),
            (["Lambda", "Lambda Layers"], "Share libraries between several functions"),
            (["Lambda", "Lambda Destinations"], "Send the outcome of a run to another service"),
            (["Overview", "Synchronous Calls"], "A caller that waits for its reply"),
            (["Lambda", "Asynchronous Invocations - Services"], "S3 and SNS call a function this way"));
        var near = Math.Sqrt(0.9);
        var kinds = new ChosenEmbedder(("Synchronous Invocations", near), ("Asynchronous Invocations", near), ("Synchronous Calls", near),
            ("Lambda Synchronous Invocations", near), ("Overview Synchronous Calls", near), ("Lambda Layers", 0.5 / near), ("Lambda Destinations", 0.5 / near),
            ("Asynchronous Invocations - Services", 0.8 / near));

        var sync = AskedOnce("Synchronous Invocations", passages, readLines, kinds);
        Assert.Contains("Asynchronous Invocations", sync.Choices);
        Assert.DoesNotContain("Synchronous Calls", sync.Choices);

        // Nor two wrong titles one of which holds the other: both wrong, they are ruled out as a pair.
        Assert.DoesNotContain("Asynchronous Invocations - Services", sync.Choices);
    }

    [Theory]
    [InlineData(0.35, false)] // "Multi-Layer Switching" beside a load balancer's "Layer 4" (reviews 8–10: switching topics)
    [InlineData(0.45, false)] // "S3 Encryption for Objects" beside "EBS Encryption" (reviews 8–11)
    [InlineData(0.55, true)] // of the key's kind in its place too ("Packet Routing" beside "Packet Switching", 0.5, a fair lure)
    public void Generate_WrongTitleFromAnotherHeading_NeedsTheKeysKindUnderItsHeadings(double placed, bool asked)
    {
        // By title alone all four are alike (0.5); the one from another heading is judged with its headings, as the one
        // wrong title of a two-choice definition is: a topic of another part of the notes is ruled out by a learner.
        var (passages, readLines) = Sections(
            (["Load Balancing", "Layer 4 Balancer"], "Routes traffic by address and port without reading the payload"),
            (["Load Balancing", "Layer 7 Balancer"], "Reads the request path and headers before choosing a target"),
            (["Load Balancing", "DNS Balancer"], "Answers each lookup with another address from the pool"),
            (["Switching", "Multi-Layer Switching"], "A switch that also forwards frames between networks"));
        var anchor = Math.Sqrt(placed);
        var kinds = new ChosenEmbedder(("Layer 4 Balancer", Math.Sqrt(0.5)), ("Layer 7 Balancer", Math.Sqrt(0.5)), ("DNS Balancer", Math.Sqrt(0.5)),
            ("Multi-Layer Switching", Math.Sqrt(0.5)), ("Load Balancing Layer 4 Balancer", anchor), ("Switching Multi-Layer Switching", anchor),
            ("4 Balancer", Math.Sqrt(0.5)), ("7 Balancer", Math.Sqrt(0.5)));

        var questions = QuestionGenerator.Generate(passages, readLines, kinds);

        Assert.Contains(questions, q => q.Answer == "Layer 4 Balancer");
        Assert.Equal(asked, questions.Any(q => q.Answer == "Layer 4 Balancer" && q.Choices.Contains("Multi-Layer Switching")));
    }

    [Theory]
    [InlineData(0.0, false)] // "WPA2 Modes" under Wi-Fi security beside FTP's "Active Mode" (C19)
    [InlineData(0.64, true)] // of the key's kind in its place too
    public void Generate_TwoChoiceDefinitionFromAnotherHeading_NeedsTheKeysKindUnderItsHeadings(double placed, bool asked)
    {
        // By title alone the two are alike (0.5); shown with their headings, the model decides.
        var (passages, readLines) = Sections(
            (["FTP", "Connection Modes", "Active Mode"], "The server opens the data connection back to the client"),
            (["Wireless", "WPA2 Modes"], "Each user signs in with one shared password at home"));
        var anchor = Math.Sqrt(placed);
        var kinds = new ChosenEmbedder(("Active Mode", Math.Sqrt(0.5)), ("WPA2 Modes", Math.Sqrt(0.5)),
            ("FTP Connection Modes Active Mode", anchor), ("Wireless WPA2 Modes", anchor));

        var questions = QuestionGenerator.Generate(passages, readLines, kinds);

        Assert.Equal(asked, questions.Any(q => q.Answer == "Active Mode" && q.Choices.Contains("WPA2 Modes")));
    }

    [Theory]
    [InlineData("rm", "Which of these removes files or directories?")] // its letters in order inside "removes"
    [InlineData("cat", "Which of these is described in the notes as “Print and concatenate files.”?")]
    [InlineData("man", "Which of these is described in the notes as “Format and display manual pages.”?")]
    [InlineData("nl", "Which of these is described in the notes as “Number lines from a file or from stdin.”?")] // first letters
    [InlineData("unzip", "Which of these is described in the notes as “Extract files/directories from Zip archives.”?")]
    [InlineData("pandoc", "Which of these is described in the notes as “Convert documents between various formats.”?")]
    public void AbbreviatesAStemWord_ShortNameMadeFromTheStem_True(string name, string stem) =>
        Assert.True(QuestionGenerator.AbbreviatesAStemWord(name, stem));

    [Theory]
    [InlineData("tail", "Which of these is described in the notes as “Display the last part of a file.”?")]
    [InlineData("sed", "Which of these edits text in a scriptable manner?")]
    [InlineData("id", "Which of these is described in the notes as “Show the groups of a user.”?")] // "is described" spells no "id"
    [InlineData("RBAC", "Which of these restricts access based on roles?")] // an acronym: AcronymShown reads those
    [InlineData("Kubernetes", "Which of these orchestrates containers across a cluster?")] // a name of its own, not a short form
    public void AbbreviatesAStemWord_NameNotMadeFromTheStem_False(string name, string stem) =>
        Assert.False(QuestionGenerator.AbbreviatesAStemWord(name, stem));
}
