using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>Questions keyed on the topic of a file or a section (issue 11, twenty-sixth session): a line that opens with
/// its file's topic ("Arrays hold values of the same type at contiguous memory locations.") asked without it, the topics
/// of the sibling files in the folder as wrong choices. Prose in everyday words gave no blank before: the key stage
/// wants a rare name in the line, never the file's own topic.</summary>
public class TopicItemTests
{
    private static string Page(string label, params string[] lines) =>
        $"---\nid: {label.ToLowerInvariant().Replace(' ', '-')}\ntitle: {label} cheatsheet\nsidebar_label: {label}\n---\n\n## Introduction\n\n"
        + string.Join("\n\n", lines) + "\n";

    /// <summary>Four sibling pages of data structures, each opening with a line about its own topic.</summary>
    private static Dictionary<string, string> DataStructures(params (string File, string Text)[] more)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["algorithms/array.md"] = Page("Array", "Arrays hold values of the same type at contiguous memory locations."),
            ["algorithms/linked-list.md"] = Page("Linked list", "A linked list is a sequence of nodes where each node points to the next node."),
            ["algorithms/hash-table.md"] = Page("Hash table", "A hash table maps keys to values through a hash function over buckets."),
            ["algorithms/stack.md"] = Page("Stack", "A stack supports push and pop at one end, last in first out."),
            ["algorithms/queue.md"] = Page("Queue", "A queue supports enqueue at the back and dequeue at the front, first in first out."),
        };
        foreach (var (file, text) in more)
        {
            files[file] = text;
        }

        return files;
    }

    private static IReadOnlyList<QuizQuestion> Topics(Dictionary<string, string> files, QuizTrace? trace = null)
    {
        var passages = files.SelectMany(f => NotesParser.Parse(f.Key, f.Value).Select(e => e.Passage)).ToList();
        IReadOnlyList<string>? ReadLines(string file) => files.TryGetValue(file, out var text) ? text.Split('\n') : null;
        return QuestionGenerator.Write(passages, ReadLines, trace: trace).Select(c => c.Question).Where(q => q.Kind == QuizQuestionKind.Topic).ToList();
    }

    [Fact]
    public void Generate_LineOpensWithItsFilesTopic_AsksWhichOfTheSiblingTopics()
    {
        var q = Assert.Single(Topics(DataStructures()), q => q.Citation.File == "algorithms/array.md");

        Assert.Equal("Which of these holds values of the same type at contiguous memory locations?", q.Text);
        Assert.Equal("Array", q.Answer);
        Assert.Equal(4, q.Choices.Count);
        Assert.All(q.Choices, c => Assert.Contains(c, new[] { "Array", "Linked list", "Hash table", "Stack", "Queue" }));
        Assert.Equal(9, q.Citation.LineStart); // the line itself, under the front matter and the heading
    }

    [Theory]
    [InlineData("Arrays hold values of the same type.", "Array", "holds values of the same type")]
    [InlineData("A graph is a structure of nodes and edges.", "Graph", "is a structure of nodes and edges")]
    [InlineData("Graphs are commonly used to model relationships.", "Graph", "is commonly used to model relationships")]
    [InlineData("Tries are special trees that make searching strings efficient.", "Trie", "are special trees that make searching strings efficient")]
    [InlineData("Dynamic Programming (DP) is usually used to solve optimization problems.", "Dynamic programming", "is usually used to solve optimization problems")]
    [InlineData("Recursion implicitly uses a stack.", "Recursion", "implicitly uses a stack")]
    [InlineData("Stacks have two operations, push and pop.", "Stack", "has two operations, push and pop")]
    [InlineData("Risks are often assessed in terms of their potential impact.", "Risk", "are often assessed in terms of their potential impact")]
    public void TopicPredicate_LineOpensWithTheTopicAndAVerb_ThePredicateForWhichOfThese(string line, string topic, string expected) =>
        Assert.Equal(expected, QuestionGenerator.TopicPredicate(line, topic)?.Predicate);

    [Theory]
    [InlineData("Interval questions are a subset of array questions.", "Interval")] // the topic modifies another noun
    [InlineData("In an array, we care about the index.", "Array")] // the topic is not the subject
    [InlineData("Array:", "Array")] // a fragment
    [InlineData("Arrays and lists.", "Array")] // no verb
    [InlineData("Stack sorted by time.", "Stack")] // a participle, not a verb
    [InlineData("Arrays are useful.", "Array")] // too little said to point at one topic
    [InlineData("the hardware has been available long enough for mature support", "Hardware")] // an item under a lead-in
    [InlineData("Phishing can also lead victims to malicious websites.", "Phishing")] // said as well of another thing
    [InlineData("Arrays are among the most common data structures encountered during interviews.", "Array")] // a class the siblings share
    [InlineData("A heap is one of the structures a priority queue is built on.", "Heap")]
    public void TopicPredicate_NoSubjectAndVerb_Null(string line, string topic) =>
        Assert.Null(QuestionGenerator.TopicPredicate(line, topic));

    [Fact]
    public void Generate_KeyInAnotherFormInTheRestOfTheLine_NotAsked()
    {
        var files = DataStructures(("algorithms/array.md", Page("Array", "Arrays store nested arrays of values at contiguous memory locations.")));

        Assert.DoesNotContain(Topics(files), q => q.Citation.File == "algorithms/array.md");
    }

    [Fact]
    public void Generate_SiblingTheQuotedLineNames_NoWrongChoice()
    {
        // Matrix's siblings are Array, Linked list and Hash table: without Array, too few are left to ask it.
        var files = DataStructures(("algorithms/matrix.md", Page("Matrix", "A matrix is a rectangular grid of values stored as an array of rows.")));
        files.Remove("algorithms/stack.md");
        files.Remove("algorithms/queue.md");

        Assert.DoesNotContain(Topics(files), q => q.Citation.File == "algorithms/matrix.md" && q.Choices.Contains("Array"));
    }

    [Fact]
    public void Generate_SiblingWhosePageSaysTheSame_NoWrongChoice()
    {
        var files = DataStructures(("algorithms/queue.md", Page("Queue",
            "A queue supports enqueue at the back and dequeue at the front, first in first out.",
            "Ring buffers hold values of the same type at contiguous memory locations.")));

        var q = Assert.Single(Topics(files), q => q.Citation.File == "algorithms/array.md");

        Assert.DoesNotContain("Queue", q.Choices);
    }

    [Fact]
    public void Generate_LineAnySiblingCouldSay_NotAsked()
    {
        // Every word of the array's line is written on half the sibling pages or more, though no sibling page holds most
        // of them: what it says of arrays, the family says of its members.
        var files = DataStructures(
            ("algorithms/array.md", Page("Array", "Arrays appear in interviews about data structures.")),
            ("algorithms/linked-list.md", Page("Linked list", "A linked list is a sequence of nodes where each node points to the next node.", "Linked lists appear in interviews.")),
            ("algorithms/hash-table.md", Page("Hash table", "A hash table maps keys to values through a hash function over buckets.", "Hash tables appear in data pipelines.")),
            ("algorithms/stack.md", Page("Stack", "A stack supports push and pop at one end, last in first out.", "Stack structures show up in interviews.")),
            ("algorithms/queue.md", Page("Queue", "A queue supports enqueue at the back and dequeue at the front, first in first out.", "Queue data structures drain in order.")));

        Assert.DoesNotContain(Topics(files), q => q.Citation.File == "algorithms/array.md");
    }

    [Fact]
    public void Generate_SiblingWhosePageSaysItIsAKindOfTheKey_NoWrongChoice()
    {
        // Outside nothing: the twenty-sixth session's own reading, "an undirected and connected acyclic graph" asked with
        // Heap among the wrong choices, which the heap page calls "a complete tree".
        var files = DataStructures(("algorithms/heap.md", Page("Heap", "A heap is a complete binary array.", "A heap keeps its smallest value at the root of the tree.")));

        var q = Assert.Single(Topics(files), q => q.Citation.File == "algorithms/array.md");

        Assert.DoesNotContain("Heap", q.Choices);
    }

    [Fact]
    public void Generate_SiblingWhosePageNamesTheKeyOnlyInWhatItSaysOfIt_StillAWrongChoice()
    {
        // "A vulnerability is a weakness … exploited by threats" is no threat: Vulnerability stays a fair lure for Threat.
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["risk/threat.md"] = Page("Threat", "Threats include hacking, data breaches and denial-of-service attacks."),
            ["risk/vulnerability.md"] = Page("Vulnerability", "A vulnerability is a weakness in a system that threats can exploit."),
            ["risk/asset.md"] = Page("Asset", "An asset is anything of value that an organization protects."),
            ["risk/control.md"] = Page("Control", "A control is a safeguard that reduces a risk to an acceptable level."),
        };

        var q = Assert.Single(Topics(files), q => q.Answer == "Threat");

        Assert.Contains("Vulnerability", q.Choices);
    }

    [Fact]
    public void Generate_LineUnderAHeadingThatNamesAnotherThing_NotAskedOfTheFilesTopic()
    {
        var files = DataStructures(("algorithms/array.md", Page("Array", "### 3. Circular Buffer\n\nThe array holds values of the same type at contiguous memory locations in a ring.")));

        Assert.DoesNotContain(Topics(files), q => q.Citation.File == "algorithms/array.md");
    }

    [Fact]
    public void Generate_LineUnderAHeadingThatIsTheTopicInThePlural_Asked()
    {
        var files = DataStructures(("algorithms/array.md", Page("Array", "## Arrays\n\nArrays hold values of the same type at contiguous memory locations.")));

        Assert.Single(Topics(files), q => q.Citation.File == "algorithms/array.md");
    }

    [Fact]
    public void Generate_TableRowsAndLinkLists_NotAsked()
    {
        var files = DataStructures(("algorithms/array.md", Page("Array",
            "| Arrays | hold values of the same type at contiguous memory locations |\n|---|---|\n| Arrays | are indexed from zero in most languages |",
            "- [Arrays hold values of the same type](./array.md)\n- [Arrays are indexed from zero](./array.md)")));

        var topics = Topics(files);

        Assert.Empty(topics.Where(q => q.Citation.File == "algorithms/array.md").Select(q => $"{q.Citation.LineStart}: {q.Text}"));
        Assert.DoesNotContain(topics, q => q.Text.Contains('|', StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_ReadmeAndIndexFiles_NeitherAskedNorOfferedAsChoices()
    {
        var files = DataStructures(
            ("algorithms/README.md", "# Readme\n\nReadme holds the list of the data structure pages of this folder.\n"),
            ("algorithms/index.md", Page("Index", "Index lists every page of the handbook in reading order.")));

        var topics = Topics(files);

        Assert.DoesNotContain(topics, q => q.Citation.File is "algorithms/README.md" or "algorithms/index.md");
        Assert.DoesNotContain(topics, q => q.Choices.Contains("Readme") || q.Choices.Contains("Index"));
    }

    [Fact]
    public void Generate_PagesOfAnotherFolder_NeverWrongChoices()
    {
        var files = DataStructures(("interviews/resume.md", Page("Resume", "A resume lists the projects and the jobs of a candidate in one page.")));

        Assert.All(Topics(files).Where(q => q.Citation.File.StartsWith("algorithms/", StringComparison.Ordinal)), q => Assert.DoesNotContain("Resume", q.Choices));
        Assert.DoesNotContain(Topics(files), q => q.Citation.File == "interviews/resume.md"); // a folder of one page: no family
    }

    [Fact]
    public void Generate_FamilyOfThree_NotAsked()
    {
        var files = DataStructures();
        files.Remove("algorithms/stack.md");
        files.Remove("algorithms/queue.md");

        Assert.Empty(Topics(files));
    }

    [Fact]
    public void Generate_RightChoiceTheOnlyOneSharingAWordWithTheStem_NotAsked()
    {
        // "value" of the stem is in "Value table" only: the right choice is the one that looks related.
        var files = DataStructures(
            ("algorithms/value-table.md", Page("Value table", "A value table keeps each value once, in order of first appearance.")));

        Assert.DoesNotContain(Topics(files), q => q.Citation.File == "algorithms/value-table.md");
    }

    [Fact]
    public void Generate_SiblingSectionsUnderOneParentHeading_AskedWithEachOthersTitles()
    {
        const string Laws = """
            # Hacker Laws

            ## Laws

            ### Amdahl's Law

            Amdahl's Law is a formula which shows the potential speedup of a computational task gained by adding resources.

            ### Brooks' Law

            Brooks' Law states that adding human resources to a late software project makes it later.

            ### Conway's Law

            Conway's Law says that the technical boundaries of a system reflect the structure of the organisation.

            ### Gall's Law

            Gall's Law implies that a working complex system evolved from a simple system that worked.
            """;

        var topics = Topics(new Dictionary<string, string>(StringComparer.Ordinal) { ["laws.md"] = Laws });

        var q = Assert.Single(topics, q => q.Answer == "Brooks' Law");
        Assert.Equal("Which of these states that adding human resources to a late software project makes it later?", q.Text);
        Assert.Equal(["Amdahl's Law", "Brooks' Law", "Conway's Law", "Gall's Law"], q.Choices.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_WithTrace_CountsTheTopicStage()
    {
        var trace = new QuizTrace();

        _ = Topics(DataStructures(), trace);

        var lines = trace.Lines().ToList();
        Assert.Contains(lines, l => l.StartsWith("topic ", StringComparison.Ordinal) && l.Contains("a file's topic", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("topic-line ", StringComparison.Ordinal) && l.Contains("opens with its topic", StringComparison.Ordinal));
    }

    [Fact]
    public void NamesATerm_Topic_TheKeyIsATermOfTheNotes() =>
        Assert.True(QuestionGenerator.NamesATerm(QuizQuestionKind.Topic));
}
