using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Tests.Knowledge.Answering;

/// <summary>The polarity stage: the clause that carries the question's predicate and the rules' reading of it.</summary>
public sealed class PolarityReaderTests
{
    private const string Notes = AnswerWriterTests.Notes;

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
    [InlineData("Are volumes unencrypted by default?", "Volumes are not encrypted", true)]          // the clause denies the asked word's plain form.
    [InlineData("Are security groups stateless?", "Security groups are stateful", false)]            // an opposite, said and not denied.
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
    [InlineData("Does the lister show a file's mode in octal?", "To print a file's mode in octal", false)] // the clause after denies what the deciding one lacks.
    [InlineData("Is the agent token sent to the gateway when the agent connects?", "The agent token is the shared secret", false)] // the next sentence denies it.
    [InlineData("Does a tuple like (u8, Handle) implement Clone?", "Tuples implement Clone when", false)] // a clause that ends in its negation.
    [InlineData("Does the indexer read markdown pages?", "The indexer reads markdown pages", true)] // the denial is of another case: the deciding clause holds what it denies.
    [InlineData("Does the nightly tag always point to the newest build?", "Some people expect that the nightly tag", false)] // a short sentence denies the one before it.
    [InlineData("Do beginners underestimate their skill?", "Beginners tend to overestimate", false)] // the other prefix of a pair.
    [InlineData("Do beginners overestimate their skill?", "Beginners tend to overestimate", true)]
    [InlineData("Can a service account be something non-human?", "A service account isn't necessarily", true)] // "non-" negates what it joins, as the clause does.
    [InlineData("Is it ok to add a custom banner?", "It's fine to add a custom banner", true)] // the negation is another predicate's, joined by "and".
    [InlineData("Is a slow dashboard during the nightly backup an outage?", "A slow dashboard during", false)] // the title denies what its lines are.
    [InlineData("Does the worker keep running while the queue is drained?", "The worker keeps running", true)] // a title that opens a condition says when.
    public void Read_ClauseCarryingThePredicate_Decides(string question, string passage, bool expected)
    {
        var (reading, text) = Read(question, passage);

        Assert.True(expected == reading.Yes, $"{text}: read {(reading.Yes ? "yes" : "no")}");
    }

    private const string ColumnNotes = """
        # Communication

        | Aspect | Connection-Oriented (TCP) | Connectionless (UDP) |
        |---|---|---|
        | Flow control | Yes — adjusts to receiver capacity | No — sender transmits at will |

        ## Threads

        | Feature | Issues | Discussions |
        |---|---|---|
        | Can be converted | → Discussion | → Issue |

        ## Protocols

        | Protocol | Layer | Transport | Description |
        |---|---|---|---|
        | DNS | Application | Yes | Name resolution |
        | ICMP | Internet | — | Diagnostics (ping) |
        """;

    [Theory]
    [InlineData("Is UDP connection-oriented?", false)] // one column's thing asked as the other column: the TCP cell's "Yes" was read.
    [InlineData("Is TCP connectionless?", false)]
    [InlineData("Is UDP connectionless?", true)]       // the column is what was asked.
    [InlineData("Does TCP have flow control?", true)]  // the subject's own cell.
    [InlineData("Can a discussion be converted into an issue?", true, "Can be converted")] // a column's thing asked of another: not "is X Y?".
    [InlineData("Is ICMP a transport protocol?", false, "ICMP")]   // an em dash is an empty cell.
    [InlineData("Is DNS a transport protocol?", true, "DNS")]
    public void Read_TableWhoseHeadersNameWhatEachColumnIs_ReadsTheAskedColumn(string question, bool expected, string row = "Flow control")
    {
        using var kit = new AnsweringTestKit(ColumnNotes);
        var candidate = kit.Candidate(question, row);

        Assert.Equal(expected, PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), candidate).Yes);
    }

    private const string VolumeNotes = """
        # Volumes

        A volume can be attached to only one instance at a time.

        # Databases

        Databases are of two types: non-relational (the document store) and relational (the SQL service).
        """;

    [Theory]
    [InlineData("Can a volume be attached to multiple instances?", "A volume can be attached", false)] // "only one" of what "multiple" asks.
    [InlineData("Can a volume be attached to one instance?", "A volume can be attached", true)]
    [InlineData("Is the document store a relational database?", "Databases are of two types", false)] // "non-relational", written apart.
    public void Read_AnotherCountOrANonPrefixedWord_SaysNo(string question, string passage, bool expected)
    {
        using var kit = new AnsweringTestKit(VolumeNotes);
        var candidate = kit.Candidate(question, passage);

        Assert.Equal(expected, PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), candidate).Yes);
    }

    [Theory]
    [InlineData("Does the store support upserts?", 0)]          // "upserts" is a word the notes never write: the title denies something else.
    [InlineData("Does the store support wide integers?", 1)]     // the title denies what the deciding clause lacks.
    [InlineData("should we leave the checker switched on during training?", 1, "The checker makes sure")] // "switched" is no object of the denied "training".
    public void Read_ATitleDenyingWhatTheNotesNeverName_DeniesNothing(string question, int flagged, string passage = "The store has a variety")
    {
        using var kit = new AnsweringTestKit("""
            # The Store Does Not Support Unsigned Integers

            The store has a variety of wide integer types, from two bytes to eight bytes.

            # Inserts

            Idempotent inserts skip a row that is already there.

            # Checking

            The checker makes sure the code is correct. However, it is slow and used only for debugging and not during regular training.
            """);
        var candidate = kit.Candidate(question, passage);

        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), candidate);

        Assert.Equal(flagged, reading.Signals[PolaritySignals.NeighbourNegation]);
    }

    [Theory]
    [InlineData("Can I add a column with a default without locking the table?", "Inserts into a table", true)] // a table and no lock: no lock is required.
    [InlineData("Can I add a column without a table lock on the whole table?", "Adding a column takes", false)] // the lock itself is required.
    public void Read_WithoutAsked_TheClauseMustNameMostOfIt(string question, string passage, bool? expected)
    {
        using var kit = new AnsweringTestKit("""
            # Defaults

            Inserts into a table whose columns all have default values can just use the defaults.

            # Columns

            Adding a column takes a table lock on the whole table.

            # Tables

            A table holds rows. Every table has a name, and a table can be renamed.
            """);
        var candidate = kit.Candidate(question, passage);

        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), candidate);
        Assert.Equal(expected, reading.Settles ? reading.Yes : null);
    }

    private const string ReplacedNotes = """
        # Neighbours

        The new stack replaces the resolver with the discovery protocol.

        The new stack eliminates the need for address translation.

        # Devices

        Hubs are largely obsolete and have been replaced by switches in modern networks.
        """;

    [Theory]
    [InlineData("Is the resolver used in the new stack?", "The new stack replaces", false)]       // the asked thing is what is replaced: it was a Yes.
    [InlineData("Is address translation needed with the new stack?", "The new stack eliminates", false)]
    [InlineData("Are hubs used in modern networks?", "Hubs are largely obsolete", false)]          // the passive's subject is what is gone.
    [InlineData("Does the new stack use the discovery protocol?", "The new stack replaces", true)] // the replacement, after "with", is used.
    [InlineData("Does the new stack replace the resolver?", "The new stack replaces", true)]       // asked as replacing: the clause says it.
    [InlineData("Are switches used in modern networks?", "Hubs are largely obsolete", true)]
    public void Read_AskedThingDoneAwayWith_SaysNo(string question, string passage, bool expected)
    {
        using var kit = new AnsweringTestKit(ReplacedNotes);
        var candidate = kit.Candidate(question, passage);
        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), candidate);

        Assert.Equal(expected, reading.Yes);
        Assert.Equal(expected ? 0 : 1, reading.Signals[PolaritySignals.Opposite]);
    }

    [Theory]
    [InlineData("is the resolver used in the new stack?", "the new stack replaces the resolver with the discovery protocol", true)]
    [InlineData("is the resolver used?", "the new stack replaces the resolver with the discovery protocol", false)] // nothing else asked is said beside it.
    [InlineData("is the discovery protocol used in the new stack?", "the new stack replaces the resolver with the discovery protocol", false)]
    [InlineData("is the resolver replaced in the new stack?", "the new stack replaces the resolver with the discovery protocol", false)]
    [InlineData("do old servers still use the resolver?", "the resolver was replaced by the discovery protocol on new servers", true)]
    [InlineData("does the new stack work by dropping the resolver?", "the new stack replaces the resolver with the discovery protocol", false)] // asked as doing away with it.
    [InlineData("is the resolver used in the new stack?", "the new stack uses the resolver", false)]
    public void DoesAwayWithTheAsked_ReadsWhatTheVerbDoesAwayWith(string question, string clause, bool expected)
    {
        using var kit = new AnsweringTestKit(ReplacedNotes);

        Assert.Equal(expected, PolarityReader.DoesAwayWithTheAsked(kit.Index, kit.Analyze(question), clause));
    }

    /// <summary>The rules' reading of the passage holding <paramref name="passage"/> for the question, and its text.</summary>
    private static (PolarityReader.Reading Reading, string Text) Read(string question, string passage)
    {
        using var kit = new AnsweringTestKit(Notes);
        var candidate = kit.Candidate(question, passage);
        return (PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), candidate), kit.Index.Entry(candidate.Id).Passage.Text);
    }

    [Theory]
    [InlineData("Does the lister show a file's mode in octal?", "To print a file's mode in octal", true)]
    [InlineData("Does a tuple like (u8, Handle) implement Clone?", "Tuples implement Clone when", true)]
    [InlineData("Does the indexer read markdown pages?", "The indexer reads markdown pages", false)]
    [InlineData("Does the nightly tag always point to the newest build?", "Some people expect that the nightly tag", true)]
    [InlineData("Is a slow dashboard during the nightly backup an outage?", "A slow dashboard during", true)]
    [InlineData("Does the worker keep running while the queue is drained?", "The worker keeps running", false)]
    [InlineData("Is it ok to have several shared references at once?", "Users of a shared reference", false)] // the denial comes before the deciding clause.
    public void Read_NeighbourDenial_IsFlagged(string question, string passage, bool flagged)
    {
        var (reading, _) = Read(question, passage);

        Assert.Equal(flagged ? 1 : 0, reading.Signals[PolaritySignals.NeighbourNegation]);
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

        Assert.Equal(expected, PolarityReader.SaysAnotherCount(kit.Index, asking, clause));
    }

    [Fact]
    public void Read_ClauseBegunInsideABracket_ReadsNoNegationInIt()
    {
        // The clause break at "ie." cuts the bracket open: its "aren't" was read as a trusted No to "can I undo a push?".
        using var kit = new AnsweringTestKit("""
            # I want to remove my last pushed commit

            Or, if the branch you pushed to is safe to rewrite (ie. other devs aren't expected to pull from it), you can just undo the push with a force push.
            """);
        const string question = "can I undo a push?";
        var candidate = kit.Candidate(question, "Or, if the branch");

        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), candidate);

        Assert.True(reading.Yes);
        Assert.Equal(0, reading.Signals[PolaritySignals.UnscopedNegation]);
    }

    [Theory]
    [InlineData("does uniq need the input sorted first?", "- Since it does not detect repeated lines unless they are adjacent, we need to sort them first.", true)]   // the main part after the reason.
    [InlineData("is there a flag that refuses to overwrite existing files?", "- Do not overwrite existing files at the target.", true)]                              // "refuses to" negates as "not" does.
    [InlineData("can a process catch SIGKILL?", "- All signals except for SIGKILL and SIGSTOP can be caught by the process.", false)]                               // the asked one is excepted.
    [InlineData("can a process catch SIGTERM?", "- All signals except for SIGKILL and SIGSTOP can be caught by the process.", true)]
    [InlineData("does uniq remove duplicate lines?", "- Although it is fast, uniq does not remove duplicate lines that are apart.", false)]
    [InlineData("if a participant hasn't signed the agreement before the call, can we get their verbal consent?", "- In the event that a participant has not signed an agreement ahead of the interview, obtain their verbal consent.", true)] // the question's own condition: its "not" denies nothing asked.
    [InlineData("can we get verbal consent from a participant?", "- In the event that a participant has not signed an agreement ahead of the interview, never obtain their verbal consent.", false)]
    [InlineData("do I have to write code to contribute?", "- A common misconception about contributing to open source is that you need to contribute code.", false)]
    [InlineData("do I have to write code to contribute?", "- Many people believe that you need to contribute code.", true)]         // no misbelief named.
    [InlineData("should everything be usable with just a keyboard?", "- Everything interactive should be usable with keyboard only.", true)]
    [InlineData("is it a good idea to set my status to show I'm unavailable?", "- Take weekends off and set your status to reflect your availability.", true)] // the state, not its opposite.
    [InlineData("is the volume unencrypted?", "- The volume is encrypted at rest.", false)]
    [InlineData("are serverless and faas the same thing?", "- Although serverless and FaaS are often used as interchangeable terms, they embody distinct concepts.", false)] // "distinct" denies "same".
    [InlineData("are the author and the committer the same person?", "- The author and the committer are different people.", false)]
    [InlineData("can I push code to someone else's repository if I don't have access?", "- Git doesn't allow you to add code to someone else's repository without access rights.", false)] // the denial falls past "allow you to".
    [InlineData("would it make sense to run a retro between the partner and the vendor?", "- Consider running a retro on what's working and what's not working between the partner and the vendor.", true)] // "what's not working" names a thing, it denies nothing.
    [InlineData("should we run the agent as root?", "- Running the agent as root is what not to do.", false)] // advice against it: its "not" denies.
    [InlineData("does every branded workshop need at least one badged instructor?", "- While local co-instructors need not be badged, every branded workshop must have at least one badged instructor.", true)] // the concession speaks of another thing.
    [InlineData("does every branded workshop need at least one badged instructor?", "- While it is short, a branded workshop does not need a badged instructor.", false)]
    [InlineData("can the CI fail a build when coverage is under the threshold?", "- Configure the CI with a coverage threshold and fail a build that doesn’t meet it.", true)] // a relative clause's negation, typographic apostrophe and all.
    [InlineData("should the thrown exception carry a property with the error type?", "- Ensure the thrown exception contains a property that tells the error type, otherwise the application won't be able to do much.", true)] // what goes wrong without it is no denial.
    public void Read_OneLineNote_ReasonExceptionMisbeliefRestrictionAndPrefixes(string question, string line, bool yes)
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("can a service be running right now while being disabled?", "- Disabling prevents automatic startup, but it does not necessarily stop the service right now.", null)]
    [InlineData("can qualitative data be numbers, like phone numbers?", "- Sometimes, qualitative data is numerical and wouldn't be typically used mathematically, like phone numbers or timestamps.", null)]
    [InlineData("could the backup be unencrypted?", "- The backup is not always encrypted.", true)]                       // an asked opposite it denies: read Yes already.
    [InlineData("can the backup be encrypted?", "- The backup is not always encrypted.", null)]
    [InlineData("can the backup always be encrypted?", "- The backup is not always encrypted.", false)]                   // asked about every case: a plain No.
    [InlineData("does disabling a service stop it?", "- Disabling a service does not necessarily stop it.", false)]        // asked whether it does: "not necessarily" is a No.
    [InlineData("can the backup be encrypted?", "- The backup is not always stored offsite and can not be encrypted.", false)] // a plain denial of the asked word too.
    [InlineData("can the backup be encrypted?", "- The backup is always encrypted.", true)]
    [InlineData("can the same image need different alt text in different places?", "- Using an image several times doesn't necessarily mean the alt text will be the same for each instance.", null)] // the hedge denies the asked word's opposite.
    [InlineData("can the same image need different alt text in different places?", "- Using an image several times means the alt text will be the same for each instance.", false)]
    public void Read_HedgedNegation_LeavesOpenWhetherItCanBeSo(string question, string line, bool? yes)
        // A negated degree or frequency ("not necessarily", "not always") says "not in every case": no answer to "can it be?".
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("is await allowed inside expressions?", "- Previously, there was a runtime error that await was used in a context where it wasn't allowed.", null)]
    [InlineData("is await allowed inside expressions?", "- In older versions await was allowed inside expressions.", null)]
    [InlineData("is await allowed inside expressions?", "- There is a runtime error that await was used in a context where it isn't allowed.", false)]
    [InlineData("was await allowed inside expressions before version 3?", "- Previously, there was a runtime error that await was used in a context where it wasn't allowed.", false)] // asked about the past.
    [InlineData("is await still not allowed inside expressions?", "- Await is no longer disallowed inside expressions.", true)] // "no longer" says what is.
    [InlineData("can the law apply to closed projects?", "- Although it was originally used to describe open projects, it can be applied to any project.", true)] // a passive "used to" is no former state.
    [InlineData("does the tool create a lock file?", "- The tool used to create a lock file.", null)]
    public void Read_StateBeforeAChange_SaysNothingOfNow(string question, string line, bool? yes)
        // "Previously, …" tells what was so before a change: a question about now gets no Yes or No from it.
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("is singleton always bad?", "- The other bad thing about singletons is that they make your code tightly coupled.", null)]
    [InlineData("is singleton bad?", "- The other bad thing about singletons is that they make your code tightly coupled.", true)]   // not asked of every case.
    [InlineData("are backups always encrypted?", "- Backups are always encrypted at rest.", true)]                                      // the clause says every case too.
    [InlineData("are backups always encrypted?", "- Every backup is encrypted at rest.", true)]
    [InlineData("are backups always encrypted?", "- Backups are not encrypted.", false)]                                               // a denial answers it.
    public void Read_AskedOfEveryCase_OneCaseSaysNothing(string question, string line, bool? yes)
        // "Is X always so?" against a clause that says it is so in one respect: no Yes.
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("is the blue team the one that simulates the attacks?", "- Red Team/Blue Team: The red team simulates attacks to identify vulnerabilities, while the blue team defends against those attacks.", null)]
    [InlineData("isn't ethics just following the law?", "- Ethics is about defining shared values and doing the right thing voluntarily. Compliance is about following the law where it is defined.", null)]
    [InlineData("is the red team the one that simulates the attacks?", "- Red Team/Blue Team: The red team simulates attacks to identify vulnerabilities, while the blue team defends against those attacks.", true)] // the clause's own subject.
    [InlineData("are design patterns libraries you can plug in?", "- Design patterns are guidelines for recurring problems. They are libraries you can plug in.", true)]                       // "They" stands for the subject.
    [InlineData("do hardware devices need patching?", "- Patching matters. Hardware devices also require patching: it can be their firmware.", true)]                                  // no label before that colon.
    [InlineData("is Kea the successor of dhcpd?", "- Kea is an ISC project. A modern DHCP server, the successor of dhcpd.", true)]                                            // the subject left unsaid sets nothing beside it.
    public void Read_ClauseOfAnotherMember_SaysNothingOfTheAsked(string question, string line, bool? yes)
        // A Yes read from a clause whose own subject is another thing, while the asked one is spoken of beside it.
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("should machine accounts use PATs?", "- Prefer GitHub Apps over PATs for machine accounts because Apps have short-lived tokens.", false)]
    [InlineData("when a module exports only one function, should that be a named export?", "- In modules with a single export, prefer default export over named export.", false)]
    [InlineData("should machine accounts use GitHub Apps?", "- Prefer GitHub Apps over PATs for machine accounts because Apps have short-lived tokens.", true)] // the preferred one.
    [InlineData("is SFTP a good choice for moving files?", "- SFTP is generally preferred over FTPS for simplicity and security.", true)]
    [InlineData("is FTPS a good choice for moving files?", "- SFTP is generally preferred over FTPS for simplicity and security.", false)]               // passive: set aside after "over".
    [InlineData("can machine accounts use PATs?", "- Prefer GitHub Apps over PATs for machine accounts because Apps have short-lived tokens.", null)] // a preference denies no possibility.
    [InlineData("are GitHub Apps better than PATs for machine accounts?", "- Prefer GitHub Apps over PATs for machine accounts because Apps have short-lived tokens.", true)] // the question compares itself.
    [InlineData("pdf is the way to go to signal that a policy is permanent, right?", "- Instead of using PDF to convey permanence, use document structure and clear timestamps.", false)] // "instead of" opening the clause, to its comma.
    [InlineData("should we use document structure to signal that a policy is permanent?", "- Instead of using PDF to convey permanence, use document structure and clear timestamps.", true)]
    [InlineData("can clients connect directly to the resource?", "- Instead of connecting directly to a resource, clients go through the proxy.", null)]
    public void Read_Preference_SetsTheOtherAside(string question, string line, bool? yes)
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("should I use var for declarations?", "- Avoid using var for declarations; use const or let.", false)]
    [InlineData("should I use eval?", "- Using eval is discouraged because it runs arbitrary code.", false)]           // a one-concept question.
    [InlineData("are nested ternaries ok?", "- Nested ternaries should be avoided.", false)]
    [InlineData("should I use the request module?", "- The request module is deprecated.", false)]
    [InlineData("is it ok to mutate function parameters?", "- Mutating function parameters is bad practice.", false)]
    [InlineData("can I use var?", "- Avoid using var for declarations; use const or let.", null)]                  // advice denies no possibility.
    [InlineData("can I store tokens in local storage?", "- Storing tokens in local storage is prohibited.", false)]   // a ban does.
    [InlineData("should I use const?", "- Avoid using var for declarations; use const or let.", true)]             // not what is advised against.
    [InlineData("should I use parameterized queries?", "- Use parameterized queries to avoid SQL injection.", true)] // "to avoid": a purpose.
    [InlineData("does caching cut repeated database calls?", "- Caching helps avoid repeated database calls.", true)] // "X avoids Y": a benefit.
    public void Read_AdviceAgainst_DeniesWhatShouldBeDone(string question, string line, bool? yes)
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("does version 3 still have the legacy API?", "- The legacy API was removed in version 3.", false)]
    [InlineData("does version 3 still have the legacy API?", "- When upgrading to version 3, the legacy API was removed.", false)] // a condition before the comma.
    [InlineData("can a symlink point to a file that doesn't exist?", "- Deleting the symlink doesn't affect the target, but if the target file is removed, the symlink points to a file that no longer exists.", true)] // the condition's subject is not said to be gone.
    [InlineData("is two-factor authentication enabled by default?", "- Two-factor authentication is disabled by default.", false)]
    [InlineData("do I need a separate config file?", "- A separate config file is unnecessary.", false)]
    [InlineData("does UDP have congestion control?", "- UDP lacks congestion control.", false)]
    [InlineData("does UDP lack congestion control?", "- UDP lacks congestion control.", true)]                          // asked with the same verb.
    [InlineData("does the old client reconnect after a timeout?", "- The old client fails to reconnect after a timeout.", false)]
    [InlineData("does the pod restart when the probe fails?", "- If the probe fails, the pod restarts.", true)]              // "fails" without "to".
    [InlineData("does the free plan include audit logs?", "- The free plan is missing audit logs.", false)]
    [InlineData("is the missing file recreated on start?", "- The missing file is recreated on start.", true)]             // "missing" as an adjective.
    public void Read_RemovedDisabledUnnecessary_SayTheAskedIsNotSo(string question, string line, bool yes)
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("does TCP guarantee delivery?", "- Unlike TCP, UDP does not guarantee delivery.", true)]
    [InlineData("does UDP guarantee delivery?", "- Unlike TCP, UDP does not guarantee delivery.", false)]                          // what the clause says of UDP.
    [InlineData("do containers include a full guest OS?", "- Unlike containers, virtual machines include a full guest OS.", false)]
    [InlineData("are secrets logged in debug mode?", "- Secrets are never logged, except in debug mode.", true)]                  // the asked case is excepted from the denial.
    [InlineData("are secrets logged in production?", "- Secrets are never logged, except in debug mode.", false)]
    public void Read_UnlikeAndExcept_SayTheOppositeOfTheAsked(string question, string line, bool yes)
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("is a signup form fine without PRA approval?", "Our intercepts don't require PRA approval so long as they only ask for contact information.", true)]
    [InlineData("can I run the agent without root?", "The agent does not need root.", true)]
    [InlineData("can I run the agent without root?", "The agent needs root, but it does not need internet access.", false)] // what is not needed is something else.
    [InlineData("can I run the agent without root?", "The agent does not run without root.", false)]                        // no need word.
    [InlineData("can I run the agent as root?", "The agent does not need root.", false)]                                     // the question does without nothing.
    public void NeedlessWhatIsDoneWithout_TheClauseDeniesNeedingIt(string question, string clause, bool expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Equal(expected, PolarityReader.NeedlessWhatIsDoneWithout(kit.Index, kit.Analyze(question), clause));
    }

    [Theory]
    [InlineData("if a participant hasn't signed the agreement, can we get verbal consent?", "In the event that a participant has not signed an agreement ahead of the interview", true)]
    [InlineData("if someone is uncomfortable signing the participant agreement, can they take part?", "If someone is uncomfortable with or prefers not to sign a participant agreement", true)]
    [InlineData("if the interview runs late, can we get verbal consent?", "In the event that a participant has not signed an agreement ahead of the interview", false)] // another condition.
    [InlineData("can we get verbal consent?", "In the event that a participant has not signed an agreement", false)]                                                        // the question sets none.
    public void SameCondition_TheClauseOpensWithTheQuestionsCondition(string question, string condition, bool expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Equal(expected, PolarityReader.SameCondition(kit.Index, kit.Analyze(question), condition));
    }

    [Theory]
    [InlineData("should everything interactive be usable with just a keyboard?", "Everything interactive should be usable with keyboard only.", true)]
    [InlineData("can it run on only one node?", "It runs only on one node", true)]
    [InlineData("should everything interactive be usable with a keyboard?", "Everything interactive should be usable with keyboard only.", false)] // the question restricts nothing.
    [InlineData("can I just use a mouse?", "Everything should be usable with keyboard only.", false)]   // restricts to something else.
    public void RestrictsAlike_TheQuestionRestrictsToWhatTheClausesOnlyDoes(string question, string clause, bool expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Equal(expected, PolarityReader.RestrictsAlike(kit.Index, question, clause));
    }

    [Theory]
    [InlineData("is ilike slower than lower()?", "Using lower() is a bit faster than using ilike", true)]   // the other way round.
    [InlineData("is lower() faster than ilike?", "Using lower() is a bit faster than using ilike", true)]
    [InlineData("is ilike faster than lower()?", "Using lower() is a bit faster than using ilike", false)]
    [InlineData("is lower() slower than ilike?", "Using lower() is a bit faster than using ilike", false)]
    [InlineData("is https more secure than http?", "http is less secure than https", true)]                // "more X" and "less X".
    [InlineData("is https more secure than http?", "http is more secure than https", false)]
    [InlineData("is ilike slower than lower()?", "ilike is not faster than lower()", null)]                // a negation: the other rules read it.
    [InlineData("is ilike slower than lower()?", "Using lower() is faster", null)]                          // compares nothing.
    [InlineData("is ilike slower than lower()?", "Disks are faster than tapes", null)]                      // other sides.
    [InlineData("is ilike slower than lower()?", "A trigram index is bigger than the table", null)]         // an unrelated comparative.
    public void ComparedAs_ReadsWhichWayTheClauseCompares(string question, string clause, bool? expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Equal(expected, PolarityReader.ComparedAs(kit.Index, question, clause));
    }

    [Theory]
    [InlineData("is the staggered conformation lower in energy than the eclipsed one?", "The staggered conformations are lower in energy than the eclipsed conformations", true)] // a respect between the comparative and "than".
    [InlineData("is the staggered conformation lower in energy than the eclipsed one?", "The eclipsed conformations are lower in energy than the staggered ones", false)]
    [InlineData("do sex-linked disorders show up more in males than in females?", "They show up less in females than in males", true)] // "than" repeats the respect's "in": the two compared follow each.
    [InlineData("do sex-linked disorders show up more in males than in females?", "They show up more in females than in males", false)]
    [InlineData("does the eclipsed conformation have higher energy than the staggered one?", "the staggered conformation has lower energy than the eclipsed one", true)] // the respect between them unopened.
    [InlineData("is the solute more soluble in water than in ethanol?", "it is less soluble in ethanol than in water", true)] // "water" before "than" is no comparative.
    public void ComparedAs_ReadsAComparativeSaidInARespect(string question, string clause, bool? expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Equal(expected, PolarityReader.ComparedAs(kit.Index, question, clause));
    }

    private const string Staggered = "is the staggered conformation lower in energy than the eclipsed one?";

    [Theory]
    [InlineData(Staggered, "In contrast, the eclipsed conformation has increased repulsion, leading to higher energy", true)] // the second side, the opposite word.
    [InlineData(Staggered, "The staggered conformation has the lowest repulsion and so lower energy", true)] // the first side, the same word.
    [InlineData(Staggered, "The staggered conformation has higher energy", false)]                         // the first side, the opposite word.
    [InlineData(Staggered, "The eclipsed conformation has lower energy", false)]                           // the second side, the same word.
    [InlineData(Staggered, "Higher energy is found in the eclipsed conformation", true)]                   // the side named after the word.
    [InlineData(Staggered, "It has higher energy and less stability", null)]                               // neither side named.
    [InlineData(Staggered, "The eclipsed conformation does not have higher energy", null)]                 // a negation.
    [InlineData(Staggered, "The eclipsed conformation has lower strain, the staggered one lower energy", null)] // its comparatives disagree.
    [InlineData("is symmetric encryption faster than asymmetric?", "Asymmetric encryption is slower", true)]  // the shorter side leaves the noun out.
    [InlineData("is https more secure than http?", "https is more secure", true)]
    [InlineData("is https more secure than http?", "http is less secure", true)]
    [InlineData("is https more secure than http?", "http is more secure", false)]
    [InlineData("is ilike slower than lower()?", "Using lower() is faster", true)]                         // "lower" names a side here.
    [InlineData(Staggered, "The eclipsed conformation has increased energy", true)]                        // a rise of the asked respect: "higher".
    [InlineData(Staggered, "The staggered conformation has a reduced energy", true)]                       // a fall: "lower".
    [InlineData(Staggered, "The staggered conformation shows increased energy", false)]
    public void ComparedOnOneSide_ReadsWhichSideTheClauseSpeaksOf(string question, string clause, bool? expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        var side = PolarityReader.ComparedOnOneSide(kit.Index, question, clause);

        Assert.NotNull(side);
        Assert.Equal(expected, side.Value.Yes);
    }

    [Theory]
    [InlineData(Staggered, "The staggered conformation is lower in energy than the eclipsed one")] // both sides: ComparedAs reads it.
    [InlineData(Staggered, "The eclipsed conformation has more repulsion")]                          // nothing of the asked scale.
    [InlineData(Staggered, "The eclipsed conformation has increased repulsion")]                     // a rise of something else.
    [InlineData("is the staggered conformation lower in energy?", "The eclipsed conformation has higher energy")] // the question compares nothing.
    [InlineData("can a merge commit have more than one parent?", "A merge commit has fewer parents than files")] // a bound on a count.
    [InlineData("can a merge commit have more than one parent?", "Usually a merge commit has less work")]
    public void ComparedOnOneSide_ReadsNothingWithoutAComparisonOfOneSide(string question, string clause)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Null(PolarityReader.ComparedOnOneSide(kit.Index, question, clause));
    }

    private const string FlatRing = "if cyclohexane were flat would its bond angles be the ideal 109.5?";

    [Theory]
    [InlineData(FlatRing, "if cyclohexane were flat, it would experience angle strain due to the bond angles being 120°, larger than the ideal 109.5°", true)] // another value.
    [InlineData("does the build job use 2 GB of memory?", "The build job uses more than 2 GB of memory", false)] // no value of its own.
    [InlineData("are the bond angles larger than 109.5?", "the bond angles being 120°, larger than the ideal 109.5°", null)] // the question compares.
    [InlineData("are the bond angles 120 when it is flat?", "the bond angles being 120°, larger than the ideal 109.5°", null)] // the asked value is the thing's.
    [InlineData("If I loop over the array twice, is that still O(n)?", "traversing the array twice (as long as fewer than n times) is still O(n)", null)] // no count asked after "than".
    public void SetsAValueAgainstTheAsked_AnotherValueThanTheOneAsked(string question, string clause, bool? expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Equal(expected, PolarityReader.SetsAValueAgainstTheAsked(kit.Index, kit.Analyze(question), clause));
    }

    /// <summary>End to end through the rules: a comparison read from one side, and a value set against the asked one.</summary>
    [Theory]
    [InlineData(Staggered, "- In contrast, the eclipsed conformation has increased repulsion, leading to higher energy.", true)] // was a No: "higher" against "lower".
    [InlineData(Staggered, "- In contrast, it has increased repulsion, leading to higher energy.", null)]                      // which side, unsaid.
    [InlineData(FlatRing, "- If cyclohexane were flat, it would experience angle strain due to the bond angles being 120°, larger than the ideal 109.5°.", false)] // was a Yes.
    [InlineData("does the build job use 2 GB of memory?", "- The build job uses more than 2 GB of memory.", null)]
    public void Read_ComparisonOfOneSideOrAnotherValue(string question, string line, bool? yes)
        => Assert.Equal(yes, OneLineVerdict(question, line));

    [Theory]
    [InlineData("can a function run for more than 15 minutes?", "Maximum execution time: 900 seconds (15 minutes)", true)]
    [InlineData("can a function run for longer than 20 minutes?", "Maximum execution time: 900 seconds (15 minutes)", true)]
    [InlineData("can a function run for more than 10 minutes?", "Maximum execution time: 900 seconds (15 minutes)", false)] // within the limit.
    [InlineData("can a function run for more than 15 minutes?", "Execution takes 15 minutes on average", false)]           // no limit said.
    [InlineData("can a bucket hold over 100 objects?", "Up to 100 buckets per account", false)]                           // a limit on another thing.
    [InlineData("can a bucket hold over 100 objects?", "A bucket holds up to 100 objects", true)]
    public void AsksPastItsLimit_MoreThanTheClausesMaximum(string asking, string clause, bool expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Equal(expected, PolarityReader.AsksPastItsLimit(kit.Index, asking, clause));
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

        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), kit.Candidate(question, "Keep in mind"));

        Assert.False(reading.Yes);
    }

    [Theory]
    [InlineData("are the boolean compiler options off by default?", true, 0)]  // the asked value, said another way.
    [InlineData("are the boolean compiler options disabled by default?", true, 0)]
    [InlineData("are the boolean compiler options on by default?", false, 1)]  // a No value against a plain question.
    [InlineData("will setting the boolean compiler options kick off a build?", false, 1)] // "off" with an object: a verb's.
    public void Read_OffValueAsked_ClauseThatSaysFalseAnswersIt(string question, bool yes, double flagged)
    {
        // The TypeScript book's "All of these are false by default." read as an unscoped No: "false" denies a plain
        // question, but it is the very value one that asks "off?" wants.
        using var kit = new AnsweringTestKit("""
            # Compiler options

            All of the boolean compiler options are false by default.
            """);

        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), kit.Candidate(question, "All of the boolean"));

        Assert.Equal(yes, reading.Yes);
        Assert.Equal(flagged, reading.Signals[PolaritySignals.UnscopedNegation]);
    }

    [Theory]
    [InlineData("do fungi have cell walls?", true)]        // the subject before ", not": the tail denies another subject.
    [InlineData("do animal cells have cell walls?", false)] // the subject in the tail: denied.
    [InlineData("does S3 support versioning?", false)]     // the tail names an asked concept the head lacks: denied.
    public void Read_ContrastThatDeniesAnotherSubject_SaysNothingOfTheAsked(string question, bool yes)
    {
        // "Only in plant cells, bacteria, and fungi, not in animal cells" was a No to "do fungi have cell walls?" (an
        // Obsidian biology vault): the "not" falls on animal cells.
        using var kit = new AnsweringTestKit("""
            # Cell wall

            Cell walls are found only in plant cells, bacteria, and fungi, not in animal cells.

            # S3

            S3 supports object locking, not versioning.
            """);
        var passage = question.Contains("S3", StringComparison.Ordinal) ? "S3 supports" : "Cell walls are found";

        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), kit.Candidate(question, passage));

        Assert.Equal(yes, reading.Yes);
    }

    [Theory]
    [InlineData("is automatic rotation on by default?", "Automatic rotation is off", false)]      // the other state: No.
    [InlineData("is automatic rotation enabled by default?", "Automatic rotation is off", false)]
    [InlineData("is automatic rotation off by default?", "Automatic rotation is off", true)]      // the asked state.
    [InlineData("is versioning off by default?", "Versioning is on by default", false)]
    [InlineData("is versioning disabled by default?", "Versioning is enabled by default", false)]
    [InlineData("does rotation run on a schedule?", "Automatic rotation is off", true)]          // "on" with an object asks no state.
    [InlineData("is versioning on by default?", "Versioning is on by default", true)]
    public void Read_AskedStateAgainstTheOtherState_ReadsNo(string question, string passage, bool yes)
    {
        // "Is automatic rotation on by default?" against "Automatic rotation is off by default for customer managed
        // keys" was a Yes: no negation word denies it, the other state does.
        using var kit = new AnsweringTestKit("""
            # Keys

            Automatic rotation is off by default for customer managed keys.

            Versioning is on by default in new buckets.

            # Buckets

            Versioning is enabled by default for every bucket.
            """);

        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), kit.Candidate(question, passage));

        Assert.Equal(yes, reading.Yes);
    }

    [Theory]
    [InlineData("is MFA on by default?", "MFA is off by default", true)]
    [InlineData("is MFA on by default?", "MFA is turned off when the account is created", true)]
    [InlineData("is MFA off?", "MFA is on", true)]
    [InlineData("is MFA on by default?", "Click on the MFA tab, then off you go", false)] // neither "on" nor "off" is a state.
    [InlineData("does it run on linux?", "It is off by default", false)]                   // nothing asks a state.
    [InlineData("is MFA on by default?", "MFA is on by default", false)]
    [InlineData("is MFA on?", "if the policy says so, MFA is off", false)]                 // inside a condition.
    public void SaysTheOtherState_OnlyStatesNamedAsStates(string question, string clause, bool expected)
    {
        using var kit = new AnsweringTestKit(Notes);

        Assert.Equal(expected, PolarityReader.SaysTheOtherState(kit.Analyze(question), clause));
    }

    [Theory]
    [InlineData("Do exclusions prevent pasting of excluded content?", "Exclusions do not stop", false, 1)] // away from the asked words: No, flagged.
    [InlineData("Can pods be evicted?", "Pods are evicted", true, 0)]                                         // inside a condition: says when, not whether.
    [InlineData("Would a push CDN work well for a site with little traffic?", "Sites with a small amount", true, 0)] // inside a relative clause: restricts the subject.
    public void Read_NegationOutsideTheAskedWords_ReadsNoUnlessInACondition(string question, string passage, bool yes, double flagged)
    {
        using var kit = new AnsweringTestKit(Notes);

        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), kit.Candidate(question, passage));

        Assert.Equal(yes, reading.Yes);
        Assert.Equal(flagged, reading.Signals[PolaritySignals.UnscopedNegation]);
    }

    [Theory]
    [InlineData("false", true)]
    [InlineData("not", true)]
    [InlineData("x", false)]
    public void Negated_NoValuesCountInProseButNotSingleLetters(string word, bool expected) =>
        Assert.Equal(expected, PolarityReader.Negated($"The option is {word} by default"));

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
        Assert.Equal(own, PolarityReader.Statement(kit.Index, kit.Analyze(question), passage).OwnQuestion);
    }

    [Fact]
    public void Read_HeldShare_IsTheShareOfTheQuestionTheClauseHolds()
    {
        using var kit = new AnsweringTestKit(Notes);
        var analysis = kit.Analyze("Does the dashboard send email alerts to admins?");

        var reading = PolarityReader.ReadingOf(kit.Index, analysis, kit.Candidate(analysis.Question, "The dashboard shows graphs"));

        Assert.InRange(reading.Signals[PolaritySignals.Held], 0.01, 0.5);
        Assert.Equal(0, reading.Signals[PolaritySignals.HeldAll]);
        Assert.Equal(PolaritySignals.Names.Length, reading.Signals.Length);
    }

    [Fact]
    public void Read_HeldAll_MarksAClauseThatHoldsEveryConceptAsked()
    {
        using var kit = new AnsweringTestKit(Notes);
        var analysis = kit.Analyze("Does the dashboard show graphs?");

        var reading = PolarityReader.ReadingOf(kit.Index, analysis, kit.Candidate(analysis.Question, "The dashboard shows graphs"));

        Assert.Equal(1, reading.Signals[PolaritySignals.Held]);
        Assert.Equal(1, reading.Signals[PolaritySignals.HeldAll]);
    }

    /// <summary>What the rules read for <paramref name="question"/> from a note of one bullet line: Yes, No, or null when
    /// the line settles nothing.</summary>
    [Theory]
    [InlineData("is it open source?", "- Docker is open source software that builds images.", null)] // was a Yes about Docker: "it" was never named
    [InlineData("can they run on-premise?", "- Containers can run on-premise.", null)]
    [InlineData("does it encrypt data at rest?", "- Server-side encryption encrypts data at rest.", null)]
    [InlineData("is it ok to run containers on-premise?", "- Containers can run on-premise.", true)] // the "it" of what follows
    [InlineData("is it worth running Docker on-premise?", "- Docker is worth running on-premise.", true)]
    [InlineData("is it safe?", "- Docker is safe to run on-premise.", null)] // no complement: "it" is a thing
    [InlineData("is Docker open source?", "- Docker is open source software that builds images.", true)]
    public void Read_SubjectOnlyAPronoun_SettlesNothing(string question, string line, bool? yes)
        => Assert.Equal(yes, OneLineVerdict(question, line));

    private static bool? OneLineVerdict(string question, string line)
    {
        using var kit = new AnsweringTestKit($"# Notes\n\n{line}\n", "notes.md");
        var reading = PolarityReader.ReadingOf(kit.Index, kit.Analyze(question), kit.Candidate(question, line[2..12]));
        return reading.Settles ? reading.Yes : null;
    }
}
