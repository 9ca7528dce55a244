using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Tests.Knowledge.Answering;

/// <summary>The verdict: Yes / No from the clause that carries the question's predicate, or none.</summary>
public sealed class AnswerWriterTests
{
    private const string Notes = """
        # Storage

        ## Volumes

        Volumes are not encrypted by default, but you can turn encryption on.

        Snapshots of an encrypted volume are encrypted too.

        ## Backups

        Backups run without downtime.

        Restores only cover part of the data.

        ## Checklist

        - ✅ Rotate keys every year
        - ❌ Share root credentials

        ## Matrix

        | Feature | Starter | Enterprise |
        |---|---|---|
        | Replication | False | True |

        ## Transports

        | Feature | TCP | UDP |
        |---|---|---|
        | Ordering | Data arrives in order | No ordering guarantees |
        | Broadcast | One to one only | Supports broadcast |

        ## Forwarding

        | Feature | Port Forwarding | Firewall |
        |---|---|---|
        | Interaction | Port forwarding opens the path | Firewall rules may still block forwarded traffic |

        ## Firewalls

        Security groups are stateful (you don't need to open both directions).

        ## Misc

        The dashboard shows graphs.

        ## Exclusions

        Exclusions do not stop users from manually pasting excluded content into a chat.

        Pods are evicted when the node does not have enough memory left.

        ## Push CDNs

        Sites with a small amount of traffic or sites with content that isn't often updated work well with push CDNs.

        ## Review circles

        "Researchers found that a team keeps 12 close reviewers." They put it plainly, "the colleagues you would not mind asking for a review."

        ## Lease timers

        The client renews the lease at half of its duration.

        The client rebinds with any server at seven eighths of its duration.

        The server keeps a log of every lease it grants.

        ## Other timers

        The relay forwards requests after one second.

        ## Scanner

        The scanner reads files that have no owner.

        The indexer reads (no owner) files quickly.

        ## Graphs

        Graph edges are unweighted in the friendship graph.

        The scheduler wont start jobs until the queue is ready.

        Out of the common languages, only Java provides a linked list class.

        Only the owner can delete the bucket.

        In testing only, let the server randomize a port to prevent collisions.

        This isolation not only enhances security but also optimizes resource utilization.

        It's no surprise that the big companies hit all 12 points of the culture test.

        ## Constraints

        To add a cascade to an existing key, you are going to need two statements.

        The runner stops a single job after 6 hours.

        A pod can run one or more containers.

        ## Replicas

        Replica reads are fast. A replica can't
        accept writes from clients.

        ## Testing

        Teams debate whether or not private functions should be tested directly.

        Several readers are allowed at once because no reader can change the shared data.

        ## SIEM

        Automation features allow SIEMs to automate responses to common incidents, reducing manual effort.

        Encryption at the edge protects data at rest.

        The database also supports the synonymous <> operator for checking inequality.

        ## Remote shells

        Consider the remote shell an alternative to ssh over UDP (requires server-side setup).

        ## Struct update

        If we had given the copy new name values, and thus only used the age values from the original, then the original would still be valid after creating the copy.

        ## Borrowing

        Users of a shared reference don't expect the value to suddenly change out from under them. However, multiple shared references are allowed.

        ## Filters

        Standard tier backups are encrypted and retained for a year, but archive backups are not.

        ## Document stores

        The store fits the definition of "Not Only SQL", where its document database relies on SQL to query the data.

        The guide quotes the rule "Never store secrets in the repository, not even in a private one." for every team.
        """;

    [Theory]
    [InlineData("Are volumes encrypted by default?", "Volumes are not encrypted", false)]
    [InlineData("Are snapshots of an encrypted volume encrypted?", "Snapshots of an encrypted", true)]
    [InlineData("Do backups need downtime?", "Backups run without downtime", true)]
    [InlineData("Do restores cover all the data?", "Restores only cover part", false)]
    [InlineData("Should we rotate keys every year?", "Rotate keys", true)]
    [InlineData("Should we share root credentials?", "Share root credentials", false)]
    [InlineData("Does the starter plan have replication?", "Replication", false)]
    [InlineData("Does the enterprise plan have replication?", "Replication", true)]
    [InlineData("Are security groups stateful?", "Security groups are stateful", true)] // a negation in brackets explains, it does not deny.
    [InlineData("Does TCP guarantee ordering?", "Feature: Ordering", true)]   // the other column denies it: nothing against TCP.
    [InlineData("Does UDP guarantee ordering?", "Feature: Ordering", false)]
    [InlineData("Does TCP support broadcast?", "Feature: Broadcast", false)]  // the other column has it.
    [InlineData("Does UDP support broadcast?", "Feature: Broadcast", true)]
    [InlineData("if I forward a port on the router, could the firewall still block that traffic?", "Feature: Interaction", true)] // the asking clause names the column.
    [InlineData("Can the scanner read files that have no owner?", "The scanner reads files", true)] // the question negates "owner" too: the clause agrees.
    [InlineData("Does the indexer read files quickly when they have no owner?", "The indexer reads", true)] // the negation applies to the first asked word after it.
    [InlineData("Aren't volumes encrypted by default?", "Volumes are not encrypted", false)]        // an opening negation asks the plain question.
    [InlineData("Are the friendship graph edges weighted?", "Graph edges are unweighted", false)]  // a negative prefix on the asked word.
    [InlineData("Are the friendship graph edges unweighted?", "Graph edges are unweighted", true)] // the question says the same form.
    [InlineData("Will the scheduler start jobs before the queue is ready?", "The scheduler wont", false)] // a contraction without its apostrophe.
    [InlineData("Does Python provide a linked list class?", "Out of the common", false)]        // "only" restricts to something not asked.
    [InlineData("Can the owner delete the bucket?", "Only the owner", true)]                    // "only" restricts to what was asked.
    [InlineData("in tests can I listen on port 0 and let the OS choose a free port?", "In testing only", true)] // "X only" restricts to X, the case asked.
    [InlineData("Does the isolation enhance security?", "This isolation not only", true)]      // "not only X but also Y" says X.
    [InlineData("Do the big companies hit all 12 points of the culture test?", "It's no surprise", true)] // "no surprise that X" says X.
    [InlineData("Can a replica accept writes?", "Replica reads are fast", false)]              // a sentence wrapped after its negation is one clause.
    [InlineData("Can private functions be tested directly?", "Teams debate whether", true)]      // "whether or not" is an alternative, not a denial.
    [InlineData("Are several readers allowed at once?", "Several readers are allowed", true)]   // the "no" is the reason's, after "because".
    [InlineData("Can SIEMs automatically respond to common incidents?", "Automation features", true)] // "manual" beside "automate": both sides said, no opposite.
    [InlineData("Does encryption at the edge protect data in transit?", "Encryption at the edge", false)] // the opposite of the asked word, and not it.
    [InlineData("Does the database accept <> as the not-equal operator too?", "The database also supports", true)] // "not-equal" names the inequality asked.
    [InlineData("Does a team keep 12 close reviewers?", "Researchers found that a team keeps", true)] // a sentence ends inside its quote: the next one's "not" is not its.
    [InlineData("Can I use the remote shell without setting anything up on the server side?", "Consider the remote shell", false)] // the clause requires what the question asks to do without.
    [InlineData("Can backups run without any downtime?", "Backups run without downtime", true)] // the clause does without it too.
    [InlineData("If I give the copy new name values, can I still use the original afterwards?", "If we had given the copy", true)] // "if P, then Q" says Q: P's "only" restricts nothing asked.
    [InlineData("Is it ok to have several shared references to the same value?", "Users of a shared reference", true)] // "However, …" turns to the exception asked about.
    [InlineData("Are archive backups encrypted?", "Standard tier backups", false)] // the clause after "but" speaks of the subject.
    [InlineData("Does the document database use SQL to query the data?", "The store fits the definition", true)] // "Not Only SQL" is a name: its "not" denies nothing.
    [InlineData("Can we store secrets in a private repository?", "The guide quotes the rule", false)] // a quoted statement still says No.
    [InlineData("Can I add a cascade to an existing key with a single statement?", "To add a cascade", false)] // another count of the thing asked.
    [InlineData("Does the runner stop a single job after six hours?", "The runner stops a single job", true)] // "6" and "six" are one count.
    [InlineData("Can a pod run two containers?", "A pod can run one or more", true)] // a range is no exact count.
    public void Read_ClauseCarryingThePredicate_Decides(string question, string passage, bool expected)
    {
        using var kit = new AnsweringTestKit(Notes);
        var candidate = kit.Candidate(question, passage);

        var reading = AnswerWriter.ReadingOf(kit.Index, kit.Analyze(question), candidate);

        Assert.True(expected == reading.Yes, $"{kit.Index.Entry(candidate.Id).Passage.Text}: read {(reading.Yes ? "yes" : "no")}");
    }

    [Theory]
    [InlineData("with a single statement?", "you need two statements", true)]
    [InlineData("with a single statement?", "you need one statement", false)]      // the same count.
    [InlineData("after six hours?", "after 6 hours", false)]                          // digits and words are one count.
    [InlineData("does it keep twelve points?", "it keeps 12 points", false)]
    [InlineData("can it run two containers?", "it runs one or more containers", false)] // a range.
    [InlineData("can it have more than one backend?", "only one backend is allowed", false)] // a bound.
    [InlineData("can it run two containers?", "one of the two containers", false)]  // one of several.
    [InlineData("does it need two master nodes?", "one master node and two worker nodes", false)] // the asked count is said too.
    [InlineData("does it need two master nodes?", "three master nodes", true)]
    [InlineData("does it take two hours?", "two replicas", false)]                   // counts of different things.
    public void SaysAnotherCount_DifferentExactCountOfTheSameThing(string asking, string clause, bool expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Equal(expected, AnswerWriter.SaysAnotherCount(kit.Index, asking, clause));
    }

    [Fact]
    public void Read_IdentityQuestion_ReadsTheClauseThatSaysSame()
    {
        // "same" was a stop word, so both clauses held two of the question's concepts and the one with more of its words
        // as written ("the", "is", "as") was read: a Yes. The git flight rules' "is the author … always the same person
        // as the committer?" was answered that way.
        using var kit = new AnsweringTestKit("""
            # Searching history

            Keep in mind that author and committer are not the same. The committer is the one who commits on behalf of the author, as a rule.
            """);
        const string question = "is the author always the same as the committer?";

        var reading = AnswerWriter.ReadingOf(kit.Index, kit.Analyze(question), kit.Candidate(question, "Keep in mind"));

        Assert.False(reading.Yes);
    }

    [Theory]
    [InlineData("Do exclusions prevent pasting of excluded content?", "Exclusions do not stop", false, 1)] // away from the asked words: No, flagged.
    [InlineData("Can pods be evicted?", "Pods are evicted", true, 0)]                                         // inside a condition: says when, not whether.
    [InlineData("Would a push CDN work well for a site with little traffic?", "Sites with a small amount", true, 0)] // inside a relative clause: restricts the subject.
    public void Read_NegationOutsideTheAskedWords_ReadsNoUnlessInACondition(string question, string passage, bool yes, double flagged)
    {
        using var kit = new AnsweringTestKit(Notes);

        var reading = AnswerWriter.ReadingOf(kit.Index, kit.Analyze(question), kit.Candidate(question, passage));

        Assert.Equal(yes, reading.Yes);
        Assert.Equal(flagged, reading.Signals[PolaritySignals.UnscopedNegation]);
    }

    [Theory]
    [InlineData("false", true)]
    [InlineData("not", true)]
    [InlineData("x", false)]
    public void Negated_NoValuesCountInProseButNotSingleLetters(string word, bool expected) =>
        Assert.Equal(expected, AnswerWriter.Negated($"The option is {word} by default"));

    [Theory]
    [InlineData("Yes - you can use it indirectly because cloudfront can work on top of your server and then connect to WAF", "then connect to WAF",
        "you can use it indirectly because cloudfront can work on top of your server and then connect to WAF")] // a fragment: its line, without the pair's Yes.
    [InlineData("by default it is not encrypted", "by default it is not encrypted", "by default it is not encrypted")] // the clause is the line.
    [InlineData("Lease timers renew at half the duration; the server keeps a log", "the server keeps a log", "the server keeps a log")] // five words: a clause.
    [InlineData("It runs everywhere\nbut it needs a key", "it needs a key", "it needs a key")] // several lines: the clause.
    public void Shown_FragmentOfAShortLine_QuotesTheLine(string answer, string clause, string expected) =>
        Assert.Equal(expected, AnswerWriter.Shown(answer, clause));

    [Theory]
    [InlineData("Can I use a KMS key to encrypt data?", true)]      // the pair's own question.
    [InlineData("can a KMS key encrypt my data?", true)]            // in other words.
    [InlineData("Is KMS used for data at rest?", false)]            // "rest", a quarter of the question, unsaid: another question.
    [InlineData("Can I use a KMS key to leave data unencrypted?", false)] // a negation the pair does not ask.
    [InlineData("Can I only use a KMS key to encrypt data?", false)] // "only" asks whether nothing else does; the pair does not say so.
    public void Statement_PairAsksWhatWasAsked_OnlyWhenItNamesAlmostAllOfIt(string question, bool own)
    {
        using var kit = new AnsweringTestKit("""
            # Keys

            Can I use a KMS key to encrypt data in

            - no

            # Other

            Data at rest stays on disks. Keys rest in a vault.
            """, "keys.md");
        var passage = kit.Index.Entry(kit.IdOf("Can I use a KMS key")).Passage;

        Assert.Equal(PassageKind.QuestionAnswer, passage.Kind);
        Assert.Equal(own, AnswerWriter.Statement(kit.Index, kit.Analyze(question), passage).OwnQuestion);
    }

    private const string PairNotes = """
        # Firewall

        - web access firewall
        - Can I use AWS WAF for web sites not hosted in AWS?
        - Yes - you can use it indirectly because CloudFront can work on top of your server and then connect to WAF
        """;

    [Fact]
    public void Write_PairAnswerOpensWithYes_NotAskedYesNo_LeadShowsThePairsQuestion()
    {
        using var kit = new AnsweringTestKit(PairNotes);
        const string question = "What is AWS WAF?";
        var pair = kit.Candidate(question, "Yes - you can use it indirectly");
        Assert.Equal(PassageKind.QuestionAnswer, kit.Index.Entry(pair.Id).Passage.Kind);

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [pair]);

        Assert.Equal(AnswerVerdict.None, answer.Verdict);
        Assert.StartsWith("Can I use AWS WAF for web sites not hosted in AWS? Yes - you can use it indirectly", answer.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PairAnswerOpensWithYes_AskedItsQuestion_TheVerdictLeads()
    {
        using var kit = new AnsweringTestKit(PairNotes);
        const string question = "Can I use AWS WAF for web sites not hosted in AWS?";
        var pair = kit.Candidate(question, "Yes - you can use it indirectly");

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [pair]);

        Assert.Equal(AnswerVerdict.Yes, answer.Verdict);
        Assert.StartsWith("You can use it indirectly", answer.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ParagraphWrappedAtAWidth_LeadReadsAsOneSentence()
    {
        using var kit = new AnsweringTestKit("""
            # Unsigned Integers

            That means if we were hoping that the data type could essentially enforce a
            non-negative restriction on the data in one of our columns, we're going to have
            to be more creative.

            # Steps

            - run the first step
            - run the second step
            """);
        const string question = "How do I enforce a non-negative restriction on a column?";
        var paragraph = kit.Candidate(question, "could essentially enforce a");

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [paragraph]);

        Assert.Contains("could essentially enforce a non-negative restriction on the data in one of our columns, we're going to have to be more creative", answer.Lead, StringComparison.Ordinal);
        Assert.DoesNotContain(";", answer.Lead, StringComparison.Ordinal);
        var bullets = new[] { "run the first step", "run the second step" }.Select(b => AnswerWriter.Flowing(kit.Index.Entry(kit.IdOf(b)).Passage));
        Assert.Equal("run the first step; run the second step", AnswerWriter.Clean(string.Join('\n', bullets))); // separate lines stay apart.
    }

    [Fact]
    public void Write_YesNoLeadOfALineThatOpensWithItsOwnLabel_SaysTheLabelOnce()
    {
        using var kit = new AnsweringTestKit("""
            # Security testing

            **Red Team/Blue Team:** The red team simulates attacks to find weaknesses, while the blue team defends against them.
            """);
        const string question = "does the red team simulate attacks?";
        var line = kit.Candidate(question, "The red team simulates");

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [line]);

        Assert.StartsWith("Red Team/Blue Team: The red team simulates", answer.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TitleLineIsALinkToASource_LeadStartsWithWhatFollows()
    {
        using var kit = new AnsweringTestKit("""
            # Laws

            ## Brooks' Law

            [Brooks' Law on Wikipedia](https://en.wikipedia.org/wiki/Brooks%27s_law)

            Adding human resources to a late software development project makes it later.
            """);
        const string question = "What is Brooks' Law?";
        var pointer = kit.Candidate(question, "Brooks' Law on Wikipedia");
        Assert.True(kit.Index.Entry(pointer.Id).LinkShare >= 0.99);

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [pointer]);

        Assert.Equal("Brooks' Law: Adding human resources to a late software development project makes it later.", answer.Lead);
        Assert.Contains("on Wikipedia", answer.Citations[0].Snippet, StringComparison.Ordinal); // the citation still shows the link.
    }

    [Fact]
    public void Write_YesNoOnALongParagraph_LeadQuotesTheSentenceItWasReadFrom()
    {
        using var kit = new AnsweringTestKit("""
            # Mutable References

            Mutable references have one big restriction: if you have a mutable reference to
            a value, you can have no other references to that value. This code that
            attempts to create two mutable references to the same string will fail to
            compile, and the error message that the compiler prints explains the rule at
            length, with a pointer to both borrows and to the place where the first one is
            used again later on in the function body.
            """);
        const string question = "Can I have two mutable references to the same value?";
        var paragraph = kit.Candidate(question, "Mutable references have one big restriction");

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [paragraph]);

        Assert.EndsWith("if you have a mutable reference to a value, you can have no other references to that value.", answer.Lead, StringComparison.Ordinal);
        Assert.DoesNotContain("This code", answer.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_YesNoOnAShortWrappedParagraph_LeadQuotesItWholeAsProse()
    {
        using var kit = new AnsweringTestKit("""
            # Mutable References

            Users of an immutable reference don't expect the value to change out
            from under them! However, multiple immutable references are allowed.
            """);
        const string question = "Is it ok to have several immutable references to one value?";
        var paragraph = kit.Candidate(question, "Users of an immutable reference");

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [paragraph]);

        Assert.EndsWith("Users of an immutable reference don't expect the value to change out from under them! However, multiple immutable references are allowed.", answer.Lead, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(For example, a range like {1..20} cannot be expressed with variables. Use seq instead.", "For example, a range like {1..20} cannot be expressed with variables.")]
    [InlineData("Yes. It is.", "Yes. It is.")] // sentences too short to stand alone: the whole text.
    public void SentenceOf_LongParagraphs_QuotesOneWholeSentence(string start, string expected)
    {
        var filler = string.Join(' ', Enumerable.Repeat("More words of a long paragraph follow here.", 8));
        var passage = new Passage("a.md", "A", ["A"], 1, 1, $"{start} {filler}", PassageKind.Paragraph);

        var quoted = AnswerWriter.SentenceOf(passage, start.Split('.')[0]);

        Assert.Equal(expected == "Yes. It is." ? passage.Text : expected, quoted);
    }

    [Theory]
    [InlineData( // the parser ends the chunk at the line that ends a sentence, before "… checks. If".
        "Memory is managed through a system of ownership with rules the compiler checks. If\nany of the rules are violated, the program won't compile. None of the features\nof ownership will slow down your program while it's running.",
        "any of the rules are violated",
        "Rust uses a third approach.")]
    [InlineData( // the chunk ends after "e.g.", which ends no sentence.
        "Memory is managed through a system of ownership with rules, e.g. Borrowing\nrules, that the compiler checks. None of the features of ownership will slow\ndown your program while it's running.",
        "rules, that the compiler checks",
        "Rust uses a third approach.")]
    public void Write_ParagraphCutIntoChunksMidSentence_LeadEndsAtTheLastWholeSentence(string rest, string nextChunk, string leadEnd)
    {
        using var kit = new AnsweringTestKit($"""
            # What Is Ownership?

            Ownership is a set of rules that govern how a Rust program manages memory.
            All programs have to manage the way they use a computer's memory while
            running. Some languages have garbage collection that regularly looks for
            no-longer-used memory as the program runs; in other languages, the programmer
            must explicitly allocate and free the memory. Rust uses a third approach.
            {rest}
            """);
        const string question = "What is ownership in Rust?";
        var first = kit.Candidate(question, "Ownership is a set of rules");
        Assert.NotEqual(first.Id, kit.IdOf(nextChunk)); // the parser cut the paragraph into chunks.

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [first]);

        Assert.EndsWith(leadEnd, answer.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ChunkWithNoSentenceEndInItsLaterLines_LeadEndsAtTheLastWholeSentence()
    {
        // No line of the chunk's later half ends a sentence, nor do the two after it, so the parser cuts it at six
        // lines, inside "If any …".
        using var kit = new AnsweringTestKit("""
            # What Is Ownership?

            Ownership is a set of rules that govern how a Rust program manages memory. All
            programs have to manage the way they use a computer's memory while running, and
            some languages have garbage collection that regularly looks for no-longer-used
            memory as the program runs; in other languages the programmer must explicitly
            allocate and free the memory. Rust manages memory with rules the compiler
            checks when it builds your program. If any of the rules are violated, the
            program won't compile, and none of the features of ownership will slow down
            your program while it's running, since the checks all happen at compile
            time.
            """);
        const string question = "What is ownership in Rust?";
        var first = kit.Candidate(question, "Ownership is a set of rules");
        Assert.NotEqual(first.Id, kit.IdOf("program won't compile")); // the parser cut the paragraph into chunks.

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [first]);

        Assert.EndsWith("checks when it builds your program.", answer.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LineEndingInAColon_CitationAndLeadGoOnWithTheLinesItIntroduces()
    {
        using var kit = new AnsweringTestKit("""
            # VPCs

            - VPC Peering connects two VPCs with private addresses
            - VPC Endpoints:
            - Allow internal resources to reach AWS services without the public internet
            - Traffic to the service uses private IP addresses
            """);
        const string question = "What is a VPC endpoint?";
        var label = kit.Candidate(question, "VPC Endpoints:");

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [label]);

        Assert.Contains("VPC Endpoints: Allow internal resources to reach AWS services without the public internet", answer.Lead, StringComparison.Ordinal);
        Assert.Equal(6, answer.Citations[0].LineEnd);
    }

    private const string CommandNotes = """
        # Undo

        ## I accidentally did a hard reset

        If you accidentally do a hard reset, you can normally still get your commit back, as git keeps a log for a few days.

        Note: this works only for work that was committed or stashed.

        ```sh
        (main)$ git reflog
        ```

        Choose the commit you want to return to.
        """;

    [Theory]
    [InlineData("ran a hard reset by accident and lost my commit, how do i get it back", true)] // how, after an opening clause
    [InlineData("How do I get my commit back after a hard reset?", true)]
    [InlineData("What does git keep a log of after a hard reset?", false)] // asks no way: the prose answers
    public void Write_HowQuestionCitedAtProse_CitationGoesOnThroughTheCommandBelow(string question, bool throughCommand)
    {
        using var kit = new AnsweringTestKit(CommandNotes, "git.md");
        var prose = kit.Candidate(question, "you can normally still get your commit back");
        var command = kit.Index.Entry(kit.IdOf("git reflog")).Passage;

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [prose]);

        Assert.Equal(throughCommand, answer.Citations[0].LineEnd >= command.LineEnd);
        Assert.True(answer.Citations[0].LineEnd < kit.Index.Entry(kit.IdOf("Choose the commit")).Passage.LineStart); // the command, not the section
    }

    [Fact]
    public void Write_HowQuestionCommandUnderAShortTitleLine_CitationGoesOnThroughIt()
    {
        using var kit = new AnsweringTestKit("""
            # Undo

            ## I accidentally committed and pushed a merge

            If you merged a feature branch too early, you can still undo the merge.

            The command to use
            ```sh
            (feature-branch)$ git revert -m 1 <commit>
            ```

            ## Another section

            ```sh
            (main)$ git log
            ```
            """, "git.md");
        const string question = "we merged a feature branch too early and pushed, how do we undo that merge";
        var prose = kit.Candidate(question, "you can still undo the merge");
        var command = kit.Index.Entry(kit.IdOf("git revert")).Passage;

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [prose]);

        Assert.NotEqual(kit.Index.Entry(kit.IdOf("you can still undo")).SectionKey, kit.Index.Entry(kit.IdOf("git revert")).SectionKey); // a title of its own
        Assert.Equal(command.LineEnd, answer.Citations[0].LineEnd);
    }

    [Fact]
    public void Write_HowQuestionCommandFarBelow_CitesTheProseAlone()
    {
        var filler = string.Join("\n\n", Enumerable.Range(1, 6).Select(i => $"Paragraph {i} says more about resets and logs."));
        using var kit = new AnsweringTestKit(CommandNotes.Replace("Note: this works", filler + "\n\nNote: this works", StringComparison.Ordinal), "git.md");
        const string question = "How do I get my commit back after a hard reset?";
        var prose = kit.Candidate(question, "you can normally still get your commit back");

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [prose]);

        Assert.True(answer.Citations[0].LineEnd < kit.Index.Entry(kit.IdOf("git reflog")).Passage.LineStart);
    }

    [Fact]
    public void Shown_FragmentOfALongLine_QuotesTheFragment()
    {
        var line = string.Join(' ', Enumerable.Repeat("words of a long paragraph", 12)) + " and connect to WAF";

        Assert.Equal("connect to WAF", AnswerWriter.Shown(line, "connect to WAF"));
    }

    [Fact]
    public void WithNeighbours_RunnerUpNextLineOfTheSection_IsCitedToo()
    {
        using var kit = new AnsweringTestKit(Notes);
        var (top, next) = Ranked(kit, "rebinds with any server", 1.0, "renews the lease", 0.2);

        var span = AnswerWriter.WithNeighbours(kit.Index, [top, next], 0, AnswerWriter.CitedSpan(kit.Index, top, extend: false), top.Score - AnswerWriter.CitationScoreGap);

        Assert.Equal(kit.Index.Entry(next.Id).Passage.LineStart, span.Start);
        Assert.Equal(kit.Index.Entry(top.Id).Passage.LineEnd, span.End);
        Assert.Contains("renews the lease", span.Text, StringComparison.Ordinal);
        Assert.Contains("rebinds with any server", span.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("renews the lease", -3.0)]      // far below the best: the ranker could tell them apart.
    [InlineData("relay forwards requests", 0.9)] // another section: cited on its own.
    public void WithNeighbours_RunnerUpNotCloseOrElsewhere_KeepsTheOwnSpan(string runnerUp, double score)
    {
        using var kit = new AnsweringTestKit(Notes);
        var (top, next) = Ranked(kit, "rebinds with any server", 1.0, runnerUp, score);
        var own = AnswerWriter.CitedSpan(kit.Index, top, extend: false);

        Assert.Equal(own, AnswerWriter.WithNeighbours(kit.Index, [top, next], 0, own, top.Score - AnswerWriter.CitationScoreGap));
    }

    [Fact]
    public void Write_RunnerUpNeighbour_CitationCoversBothAndTheLeadIsTheBest()
    {
        using var kit = new AnsweringTestKit(Notes);
        var analysis = kit.Analyze("When does the client rebind the lease?");
        var (top, next) = Ranked(kit, "rebinds with any server", 1.0, "renews the lease", 0.5);

        var answer = AnswerWriter.Write(kit.Index, analysis, [top, next]);

        var citation = Assert.Single(answer.Citations);
        Assert.Equal(kit.Index.Entry(next.Id).Passage.LineStart, citation.LineStart);
        Assert.DoesNotContain("renews", answer.Lead, StringComparison.Ordinal);
    }

    private static (Signals.Candidate Top, Signals.Candidate Next) Ranked(AnsweringTestKit kit, string top, double topScore, string next, double nextScore)
    {
        const string question = "When does the client rebind the lease?";
        var first = kit.Candidate(question, top);
        var second = kit.Candidate(question, next);
        first.Score = topScore;
        second.Score = nextScore;
        return (first, second);
    }

    [Fact]
    public void Verdict_ClauseWithoutThePredicate_ShippedModelSettlesNothing()
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Null(Verdict(kit, "Does the dashboard send email alerts to admins?", "The dashboard shows graphs"));
    }

    [Fact]
    public void Read_HeldShare_IsTheShareOfTheQuestionTheClauseHolds()
    {
        using var kit = new AnsweringTestKit(Notes);
        var analysis = kit.Analyze("Does the dashboard send email alerts to admins?");

        var reading = AnswerWriter.ReadingOf(kit.Index, analysis, kit.Candidate(analysis.Question, "The dashboard shows graphs"));

        Assert.InRange(reading.Signals[PolaritySignals.Held], 0.01, 0.5);
        Assert.Equal(PolaritySignals.Names.Length, reading.Signals.Length);
    }

    [Fact]
    public void Write_UnsettledYesNo_StartsWithoutAYesOrNoWord()
    {
        using var kit = new AnsweringTestKit(Notes);
        var analysis = kit.Analyze("Does the dashboard send email alerts to admins?");
        var candidate = kit.Candidate(analysis.Question, "The dashboard shows graphs");

        var answer = AnswerWriter.Write(kit.Index, analysis, [candidate], AnswerModel.Current.Lexical);

        Assert.Equal(StudyBot.Core.Knowledge.AnswerVerdict.Unsettled, answer.Verdict);
        Assert.StartsWith(AnswerMarkdown.UnsettledOpening, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    // The pair's "no" is about something else: no verdict, and the lead quotes the pair so it does not read as unanswered.
    [InlineData("Is KMS used for data at rest?", false, StudyBot.Core.Knowledge.AnswerVerdict.Unsettled)]
    [InlineData("Is KMS used for data at rest?", true, StudyBot.Core.Knowledge.AnswerVerdict.Unsettled)] // whatever a model trusts.
    // The pair asks what was asked and its No is trusted (since the twenty-second session's polarity models): the lead
    // was then the pair's question alone ("No — Can I use AWS KMS Key to encrypt data in"), read as the answer itself.
    [InlineData("Can I use an AWS KMS key to encrypt data in transit?", true, StudyBot.Core.Knowledge.AnswerVerdict.No)]
    public void Write_YesNoOnAPairAnsweringBareNo_LeadQuotesThePairWhole(string question, bool semantic, StudyBot.Core.Knowledge.AnswerVerdict verdict)
    {
        using var kit = new AnsweringTestKit("""
            # Encryption

            - Data at rest is encrypted with keys kept in KMS

            Can I use AWS KMS Key to encrypt data in

            - no
            """);
        var analysis = kit.Analyze(question);
        var pair = kit.Candidate(analysis.Question, "Can I use AWS KMS Key");

        var answer = AnswerWriter.Write(kit.Index, analysis, [pair], AnswerModel.Current.For(semantic));

        Assert.Equal(verdict, answer.Verdict);
        Assert.Equal("Can I use AWS KMS Key to encrypt data in? No.", answer.Lead);
    }

    [Fact]
    public void Decline_Always_HasNoCitations()
    {
        using var kit = new AnsweringTestKit(Notes);

        var answer = AnswerWriter.Decline(kit.Index, "Who won the cup?", []);

        Assert.False(answer.Answered);
        Assert.Empty(answer.Citations);
        Assert.Equal(AnswerMarkdown.Declined, answer.Text);
    }

    private static bool? Verdict(AnsweringTestKit kit, string question, string passageText)
    {
        var analysis = kit.Analyze(question);
        var candidate = kit.Candidate(question, passageText);
        var text = AnswerWriter.Write(kit.Index, analysis, [candidate], AnswerModel.Current.Lexical).Text;
        return text.StartsWith("Yes — ", StringComparison.Ordinal) ? true
            : text.StartsWith("No — ", StringComparison.Ordinal) ? false
            : null;
    }
}
