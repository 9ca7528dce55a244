using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>A page written as labelled parts (sixty-third session): each topic of a design-patterns page is the same parts
/// ("Real world example", "In plain words", "Wikipedia says"), so no line sits right under a pattern's heading and the
/// page gave no question at all. Each heading over such parts is a topic whose lines are its parts' lines, asked among
/// the headings beside it. The lines are from "Design Patterns for Humans" by Kamran Ahmed and contributors (CC BY 4.0,
/// tests/data/corpora8/design-patterns).</summary>
public class LayoutTopicTests
{
    private static string Pattern(string heading, string example, string plain, string wikipedia) =>
        $"{heading}\n{new string('-', heading.Length)}\nReal world example\n> {example}\n\nIn plain words\n> {plain}\n\nWikipedia says\n> {wikipedia}\n\n";

    private static readonly string Page = "Creational Design Patterns\n==========================\n\n"
        + Pattern(
            "🏠 Simple Factory",
            "Consider, you are building a house and you need doors.",
            "Simple factory simply generates an instance for client without exposing any instantiation logic to the client",
            "In object-oriented programming (OOP), a factory is an object for creating other objects.")
        + Pattern(
            "🏭 Factory Method",
            "Consider the case of a hiring manager who cannot interview for every position himself.",
            "It provides a way to delegate the instantiation logic to child classes.",
            "In class-based programming, the factory method pattern is a creational pattern that uses factory methods.")
        + Pattern(
            "🔨 Abstract Factory",
            "Extending our door example from Simple Factory, you may need a wooden door from a wooden door shop.",
            "A factory of factories that groups the individual but related factories together.",
            "The abstract factory pattern provides a way to encapsulate a group of individual factories that have a common theme.")
        + Pattern(
            "👷 Builder",
            "Imagine you are at a restaurant and you order a specific deal, say a burger with lettuce and cheese.",
            "Allows you to create different flavors of an object while avoiding constructor pollution.",
            "The builder pattern is an object creation software design pattern with the intention of finding a solution to the telescoping constructor anti-pattern.")
        + Pattern(
            "🐑 Prototype",
            "Remember dolly? The sheep that was cloned!",
            "Create object based on an existing object through cloning.",
            "The prototype pattern is a creational design pattern in software development.");

    private static IReadOnlyList<QuestionGenerator.Candidate> Written(string page)
    {
        var passages = NotesParser.Parse("patterns.md", page).Select(e => e.Passage).ToList();
        return QuestionGenerator.Write(passages, f => f == "patterns.md" ? page.Split('\n') : null);
    }

    [Fact]
    public void Generate_PageWrittenAsLabelledParts_AsksAPartsLineAmongTheSiblingHeadings()
    {
        var topics = Written(Page).Where(c => c.Question.Kind == QuizQuestionKind.Topic).ToList();

        var q = Assert.Single(topics, c => c.Question.Answer == "Factory Method").Question;
        Assert.Equal("Which of these provides a way to delegate the instantiation logic to child classes?", q.Text);
        Assert.All(q.Choices, c => Assert.Contains(c, new[] { "Simple Factory", "Factory Method", "Abstract Factory", "Builder", "Prototype" }));
        Assert.Equal(4, q.Choices.Count);

        // The line does not name its pattern: the citation starts at the heading, which the reveal shows.
        var lines = Page.Split('\n');
        Assert.Equal("🏭 Factory Method", lines[q.Citation.LineStart - 1]);
        Assert.Equal("> It provides a way to delegate the instantiation logic to child classes.", lines[q.Citation.LineEnd - 1]);
    }

    [Fact]
    public void Generate_PageWrittenAsLabelledParts_ThePartsLabelsAreNoTopics()
    {
        var choices = Written(Page).SelectMany(c => c.Question.Choices).ToList();

        Assert.DoesNotContain(choices, c => c is "In plain words" or "Wikipedia says" or "Real world example");
        Assert.DoesNotContain(choices, c => c.Contains("🏭", StringComparison.Ordinal) || c.StartsWith("🏠", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_PageWrittenAsLabelledParts_AskedFromTheReserveUnscored()
    {
        // The item model's kind signals read the bare names by their everyday senses; the notes' structure vouches for
        // the kind, so the item is asked after every scored one, as a command's is.
        var c = Assert.Single(Written(Page), c => c.Question.Answer == "Factory Method");

        Assert.True(c.ReserveOnly);
        Assert.True(c.Unrated);
    }

    [Theory]
    [InlineData("It provides a way to delegate the instantiation logic to child classes.", "Factory Method", "Factory Method provides a way to delegate the instantiation logic to child classes.")]
    [InlineData("Allows you to create different flavors of an object.", "Builder", "Builder allows you to create different flavors of an object.")]
    [InlineData("Composite pattern lets clients treat the individual objects in a uniform manner.", "Composite", "Composite lets clients treat the individual objects in a uniform manner.")]
    [InlineData("Lets take coffee for example.", "Decorator", "Lets take coffee for example.")] // "let's", no verb of the topic
    [InlineData("Consider, you are building a house and you need doors.", "Simple Factory", "Consider, you are building a house and you need doors.")]
    [InlineData("Is it a factory?", "Simple Factory", "Is it a factory?")]
    public void AsSaidOf_PartsLine_SaidOfItsTopic(string line, string topic, string expected) =>
        Assert.Equal(expected, QuestionGenerator.AsSaidOf(line, topic, "heading\u001epatterns.md\u001eStructural Design Patterns"));

    [Theory]
    [InlineData("🏠 Simple Factory", "Simple Factory")]
    [InlineData("☕ Decorator", "Decorator")]
    [InlineData("⚠️ Be Careful", "Be Careful")]
    [InlineData("C# basics", "C# basics")]
    [InlineData("`kubectl` basics", "`kubectl` basics")]
    public void WithoutPictograph_HeadingOpenedWithAPicture_TheName(string heading, string expected) =>
        Assert.Equal(expected, QuestionGenerator.WithoutPictograph(heading));
}
