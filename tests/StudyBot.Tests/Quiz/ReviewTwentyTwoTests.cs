using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>Outside rating 22 on notes laid out as tutorials (the Linux notes' control items): choices that are the
/// page's own headings — an activity ("Running Containers"), an aspect of the subject ("Docker Networking"), a
/// classification ("Classification Based on Purpose") — and facts that need the page around them: a line under a
/// walk-through step ("Step 5: …"), a problem ("Problem: …" / "Symptoms:"), an exercise list, or one that ranks
/// itself against the lines before it ("slots in between").</summary>
public class ReviewTwentyTwoTests
{
    private const string Tutorial = """
        # Disk Tools

        ## Measuring

        The iostat command reports device utilisation and throughput for every disk.

        The iotop command shows per-process disk usage in real time.

        ### Step 5: Determine the Workload Type

        Use iostat to compare operations and throughput.

        ## Common Problems

        #### Problem: Backup Job Slows Everything Down

        Symptoms:

        * High writes while the nightly copy runs
        * The iotop command shows rsync, tar, backup agent, or fio

        ### Challenges

        1. How can you find which process writes the most to a disk?
        2. Display the contents of hidden files from your home directory.
        3. Utilize the find command to locate all files larger than one gigabyte.
        4. Reboot a lab system, then use uptime to confirm that the reboot happened.

        ### Benchmarks

        * XFS scales hardest once you pass two parallel writers, thanks to its allocation groups.
        * F2FS slots in between: quick at low thread counts, but it cannot keep up with XFS at the top end.

        ### Layer 4: Transport Layer

        The transport layer carries segments between two hosts with ports.
        """;

    private static (List<Passage> Passages, string[] Lines) Parse(string note) =>
        (NotesParser.Parse("disk/tools.md", note).Select(e => e.Passage).ToList(), note.Split('\n'));

    [Fact]
    public void StandaloneFacts_LinesThatNeedThePageAroundThem_AreNoFacts()
    {
        var (passages, lines) = Parse(Tutorial);
        var corpus = new QuizCorpus(passages);

        var facts = QuestionGenerator.StandaloneFacts(passages, lines, corpus).Select(f => f.Text).ToList();

        Assert.Contains("The iostat command reports device utilisation and throughput for every disk.", facts);
        Assert.Contains("XFS scales hardest once you pass two parallel writers, thanks to its allocation groups.", facts);
        Assert.Contains("The transport layer carries segments between two hosts with ports.", facts); // "Layer 4: Transport Layer" names a thing
        Assert.DoesNotContain(facts, f => f.StartsWith("Use iostat", StringComparison.Ordinal)); // P38: a walk-through step
        Assert.DoesNotContain(facts, f => f.Contains("rsync", StringComparison.Ordinal)); // P4: under "Problem: …"
        Assert.DoesNotContain(facts, f => f.Contains("hidden files", StringComparison.Ordinal)); // P35: an exercise list
        Assert.DoesNotContain(facts, f => f.Contains("uptime", StringComparison.Ordinal));
        Assert.DoesNotContain(facts, f => f.Contains("in between", StringComparison.Ordinal)); // P32: ranks against the lines before
    }

    [Fact]
    public void StandaloneFacts_ALabelledHeadingThatGroupsSections_IsAChapterNotAPartOfThePage()
    {
        // Certification notes group their sections under the exam's domains: "Domain 1: …" is no step or case, and
        // the lines of its sections stand alone.
        const string notes = """
            # Study Notes

            ## Domain 1: Author and Maintain Workflows

            ### Triggers

            The workflow_dispatch event lets a person start a workflow by hand.

            ### Contexts

            The github context holds information about the run and the event that triggered it.

            ### Runners

            A self-hosted runner keeps its work folder between jobs.
            """;
        var (passages, lines) = Parse(notes);
        var corpus = new QuizCorpus(passages);

        var facts = QuestionGenerator.StandaloneFacts(passages, lines, corpus).Select(f => f.Text).ToList();

        Assert.Contains(facts, f => f.StartsWith("The workflow_dispatch event", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.StartsWith("A self-hosted runner", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Step 5: Determine the Workload Type", true)]
    [InlineData("Problem: Backup Job Slows Everything Down", true)]
    [InlineData("Scenario 2: Diagnose a Failed Service During Boot", true)]
    [InlineData("Layer 4: Transport Layer", false)] // the notes write "transport layer": a thing
    [InlineData("VPC: Virtual Private Cloud", false)] // a name's label
    [InlineData("Determine the Workload Type", false)] // no label
    public void PartOfThePage_ALabelInCommonWordsOverWhatTheNotesNeverWrite(string heading, bool expected)
    {
        var (passages, _) = Parse(Tutorial);
        var corpus = new QuizCorpus(passages);

        Assert.Equal(expected, QuestionGenerator.PartOfThePage(heading, corpus));
    }

    [Theory]
    [InlineData("The F2FS file system slots in between the two.", true)]
    [InlineData("It is faster than the previous version of the tool.", true)]
    [InlineData("The latter keeps a journal of every write.", true)]
    [InlineData("XFS keeps its metadata in allocation groups between the disks.", false)]
    public void RanksAgainstTheLinesBefore_IsNoStandaloneFact(string line, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.LeansOnTheLinesBefore(line));

    private const string Docker = """
        # Containers

        ## Docker Architecture

        Docker uses a client-server model in which a daemon manages images and containers.

        ## Running Containers

        You start a container from an image with docker run.
        You can list running containers with docker ps.

        ## Docker Networking

        Containers talk to each other over bridge networks by default.

        ## Reloading Bash Configuration

        After editing the startup file you can reload it without a new terminal.

        ## Classification Based on Purpose

        Ordinary files hold text, data or program code.

        ## Docker Compose

        Docker Compose lets you define multi-container applications in a single YAML file.
        Docker Compose starts every service that the compose file lists.

        ## Docker Swarm

        Docker Swarm joins several hosts into one pool that runs services.
        Docker Swarm schedules containers across the hosts of the pool.

        ## Login Shells

        Login shells read the profile once when a user logs in, and reload nothing later.
        """;

    [Theory]
    [InlineData("Docker Architecture", true)] // an aspect of the subject, never written in a sentence
    [InlineData("Docker Networking", true)]
    [InlineData("Running Containers", true)] // an activity: the notes write "run" as a verb
    [InlineData("Reloading Bash Configuration", true)]
    [InlineData("Classification Based on Purpose", true)]
    [InlineData("Before Mounting", true)] // a phrase: opens with a preposition
    [InlineData("Docker Compose", false)] // a tool the notes write in sentences
    [InlineData("Docker Swarm", false)]
    [InlineData("Login Shells", false)]
    [InlineData("AWS Guardduty", false)] // a name, even where the notes write it only in headings
    [InlineData("Transparent Proxy", false)] // unused, but no aspect of Docker: team notes head their things so
    [InlineData("The Peter Principle", false)] // an article opens names too (a page of laws and principles)
    [InlineData("With Docker Compose", true)] // a preposition does not
    public void IsTopicHeading_ActivitiesAspectsAndPhrasesBesideAKey_AreNoTerms(string title, bool expected)
    {
        var corpus = new QuizCorpus(NotesParser.Parse("docker.md", Docker).Select(e => e.Passage));

        Assert.Equal(expected, corpus.IsTopicHeading(title, "Docker Compose"));
    }

    [Fact]
    public void IsTopicHeading_ACounterpartSharesTheKeysHead_IsOfItsKind()
    {
        var corpus = new QuizCorpus(NotesParser.Parse("docker.md", Docker).Select(e => e.Passage));

        Assert.False(corpus.IsTopicHeading("Docker Login Shells", "Login Shells")); // the head, "Shells", shared
        Assert.True(corpus.IsTopicHeading("Login Networking", "Login Shells")); // the subject shared, another head
    }

    [Theory]
    [InlineData("Reloading Bash Configuration", true)] // an activity the notes never write
    [InlineData("Classification Based on Purpose", true)] // a participle's phrase
    [InlineData("Before Mounting", true)]
    [InlineData("Docker Networking", false)] // asked itself, only an aspect beside a key says it is a topic
    [InlineData("Transparent Proxy", false)]
    [InlineData("Pure Aloha", false)]
    [InlineData("Login Shells", false)]
    public void IsTopicHeading_AskedItself_OnlyPhrasesAndUnwrittenActivities(string title, bool expected)
    {
        var corpus = new QuizCorpus(NotesParser.Parse("docker.md", Docker).Select(e => e.Passage));

        Assert.Equal(expected, corpus.IsTopicHeading(title));
    }

    [Fact]
    public void Generate_NoHeadingThatIsATopicIsAChoice()
    {
        var passages = NotesParser.Parse("docker.md", Docker).Select(e => e.Passage).ToList();
        var lines = Docker.Split('\n');

        var bank = QuestionGenerator.Generate(passages, f => f == "docker.md" ? lines : null);

        Assert.DoesNotContain(bank, q => q.Choices.Any(c => c is "Running Containers" or "Reloading Bash Configuration" or "Classification Based on Purpose"));
        Assert.DoesNotContain(bank, q => q.Answer == "Docker Compose" && q.Choices.Any(c => c is "Docker Architecture" or "Docker Networking"));
    }
}
