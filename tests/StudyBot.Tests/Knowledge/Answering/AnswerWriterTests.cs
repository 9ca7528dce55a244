using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Tests.Knowledge.Answering;

/// <summary>The answer writer: the verdict it writes (Yes, No or none), the lead and the citations.</summary>
public sealed class AnswerWriterTests
{
    internal const string Notes = """
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

        ## Modes

        To print a file's mode in octal, which is handy for scripts but not available in the lister, use stat.

        The agent token is the shared secret known by both the agent and the gateway. This token is never sent over the wire.

        Tuples implement Clone when their parts do: (u8, u8) implements Clone, but (u8, Handle) does not.

        The indexer reads markdown pages quickly. It does not read binary pages.

        Some people expect that the nightly tag always points to the newest build. That's not true.

        Beginners tend to overestimate their skill at a new task.

        A service account isn't necessarily human: it can be a build job.

        It's fine to add a custom banner, just make sure it loads quickly and causes no layout shift.

        ## What is not an outage

        - A slow dashboard during the nightly backup.

        ## If the queue is not drained

        - The worker keeps running.
        """;

    [Theory]
    [InlineData("Yes - you can use it indirectly because cloudfront can work on top of your server and then connect to WAF", "then connect to WAF",
        "you can use it indirectly because cloudfront can work on top of your server and then connect to WAF")] // a fragment: its line, without the pair's Yes.
    [InlineData("by default it is not encrypted", "by default it is not encrypted", "by default it is not encrypted")] // the clause is the line.
    [InlineData("Lease timers renew at half the duration; the server keeps a log", "the server keeps a log", "the server keeps a log")] // five words: a clause.
    [InlineData("It runs everywhere\nbut it needs a key", "it needs a key", "it needs a key")] // several lines: the clause.
    [InlineData("No we cannot if original is encrypted then snapshot will be encrypted", "snapshot will be encrypted",
        "if original is encrypted then snapshot will be encrypted")] // a consequent: from its condition, not from "we cannot".
    [InlineData("No, not if it is off", "it is off", "not if it is off")] // the condition alone says too little: the line.
    public void Shown_FragmentOfAShortLine_QuotesTheLine(string answer, string clause, string expected) =>
        Assert.Equal(expected, AnswerWriter.Shown(answer, clause));

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

    private const string ListNotes = """
        # Tables

        Screen readers read a table cell by cell.

        Making an accessible table is not hard and can be broken down into two main things.

        1. Add a table caption.
        2. Mark row and column headings with the scope attribute.

        A layout table needs neither.
        """;

    [Theory]
    [InlineData("what are the two main things to make a data table accessible?", "broken down into two main things", "scope attribute")]
    [InlineData("how do screen readers read a table?", "cell by cell", "cell by cell")]   // a paragraph follows: alone.
    public void Write_ParagraphCited_CitationAndLeadGoOnThroughAListThatFollowsIt(string question, string cited, string last)
    {
        using var kit = new AnsweringTestKit(ListNotes, "tables.md");
        var top = kit.Candidate(question, cited);

        var answer = AnswerWriter.Write(kit.Index, kit.Analyze(question), [top]);

        Assert.Equal(kit.Index.Entry(kit.IdOf(last)).Passage.LineEnd, answer.Citations[0].LineEnd);
        Assert.Contains(last, answer.Lead, StringComparison.Ordinal);
        Assert.DoesNotContain("layout table", answer.Citations[0].Snippet, StringComparison.Ordinal);   // the list ends it.
    }

    [Theory]
    [InlineData("broken down into two main things", true)]
    [InlineData("cell by cell", false)]          // a paragraph follows.
    [InlineData("Add a table caption", false)]   // a list item itself.
    [InlineData("layout table", false)]          // nothing follows.
    public void IntroducesList_AParagraphAListFollowsAtOnce(string text, bool expected)
    {
        using var kit = new AnsweringTestKit(ListNotes, "tables.md");

        Assert.Equal(expected, AnswerWriter.IntroducesList(kit.Index, kit.IdOf(text)));
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
