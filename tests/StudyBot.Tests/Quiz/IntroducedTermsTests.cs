using StudyBot.Core.Knowledge;
using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

/// <summary>The terms the notes introduce by their markup (issue 11: book prose names its terms in lower-case words
/// set in italics, and in code, which the acronym and CamelCase finder never saw).</summary>
public class IntroducedTermsTests
{
    private static Passage Prose(string file, int line, string text, params EmphasisSpan[] spans) =>
        new(file, "Ownership", ["Ownership"], line, line, text, PassageKind.Paragraph, Emphasis: spans.Length == 0 ? null : spans);

    private static EmphasisSpan Em(string text) => new(text, EmphasisKind.Emphasis);

    private static EmphasisSpan Code(string text) => new(text, EmphasisKind.Code);

    [Theory]
    [InlineData("ownership", true)]
    [InlineData("dangling reference", true)]
    [InlineData("last in, first out (LIFO)", true)]
    [InlineData("not", false)] // stress: "you can *not* do that"
    [InlineData("both", false)]
    [InlineData("out of", false)]
    [InlineData("will", false)]
    [InlineData("Note:", false)] // a label, which the parser reads as a title
    [InlineData("src/main.rs", false)] // a file
    [InlineData("Cargo.toml", false)]
    [InlineData("This whole sentence is set in italics for effect", false)]
    public void IsConceptSpan_TermsAndStress(string span, bool expected) => Assert.Equal(expected, IntroducedTerms.IsConceptSpan(span));

    [Theory]
    [InlineData("String", true)]
    [InlineData("&str", true)]
    [InlineData("Vec<T>", true)]
    [InlineData("Result<T, E>", true)]
    [InlineData("panic!", true)]
    [InlineData("i32", true)]
    [InlineData("s1", false)] // an example's variable
    [InlineData("let x = 5;", false)]
    [InlineData("s.len()", false)]
    [InlineData("src/lib.rs", false)]
    [InlineData("Option::", false)] // half a path
    [InlineData("--release", false)] // a flag
    public void IsCodeName_NamesNotExpressions(string span, bool expected) => Assert.Equal(expected, IntroducedTerms.IsCodeName(span));

    [Theory]
    [InlineData("Ownership", "ownership")] // the capital only opens the sentence
    [InlineData("Binary crates", "binary crates")]
    [InlineData("SipHash", "SipHash")]
    [InlineData("Resource Acquisition Is Initialization (RAII)", "Resource Acquisition Is Initialization (RAII)")]
    public void Canonical_DropsTheSentencesCapitalOnly(string span, string expected) => Assert.Equal(expected, IntroducedTerms.Canonical(span));

    [Theory]
    [InlineData("Option<T>", "Option")]
    [InlineData("Option<i8>", "Option")]
    [InlineData("Result::Ok", "Result")]
    [InlineData("&str", "str")]
    [InlineData("panic!", "panic")]
    public void CodeBase_IsTheNameBeforeItsArgumentsOrPath(string term, string expected) => Assert.Equal(expected, IntroducedTerms.CodeBase(term));

    [Theory]
    [InlineData("Ownership is a set of rules that govern how a Rust program manages memory.", "Ownership", true)]
    [InlineData("A socket is the combination of an IP address and a port number.", "socket", true)]
    [InlineData("We call the action of creating a reference borrowing.", "borrowing", true)]
    [InlineData("This kind of structure is also known as a hash table in other languages.", "hash table", true)]
    [InlineData("The allocator returns a pointer, which is the address of that location.", "pointer", true)]
    [InlineData("Privacy — Masks the user's real IP address and encrypts traffic.", "Privacy", false)] // a bullet's label
    [InlineData("WPA2-Personal — all users share the same password.", "password", false)] // stress
    [InlineData("Many environments run containers inside VMs.", "inside", false)]
    public void Introduces_NamingOrDefiningContextOnly(string text, string span, bool expected) =>
        Assert.Equal(expected, IntroducedTerms.Introduces(text, span));

    [Fact]
    public void Constructor_EmphasisAtTheFirstUse_IsATerm_LaterEmphasisIsStress()
    {
        var terms = new IntroducedTerms(
        [
            Prose("a.md", 1, "Ownership is a set of rules that govern memory.", Em("Ownership")),
            Prose("a.md", 2, "The data did change after the move.", Em("did")),
            Prose("a.md", 3, "Data is what a value holds; the owner is the variable that holds it.", Em("Data"), Em("owner")),
        ]);

        Assert.True(terms.Contains("ownership"));
        Assert.True(terms.Contains("owner"));
        Assert.False(terms.Contains("data")); // the file wrote "data" before it set it in italics
        Assert.False(terms.Contains("did"));
    }

    [Fact]
    public void Constructor_CodeSetInOneFileOnly_IsThatPagesExample()
    {
        var terms = new IntroducedTerms(
        [
            Prose("a.md", 1, "A String owns its bytes and greeting_file_result holds one.", Code("String"), Code("greeting_file_result")),
            Prose("b.md", 1, "A String can grow.", Code("String")),
        ]);

        Assert.True(terms.IsCode("String"));
        Assert.False(terms.Contains("greeting_file_result"));
    }

    [Fact]
    public void Constructor_CodeThatTheProseWritesAsAnAcronym_KeepsTheAcronymsShape()
    {
        // `mkfs.xfs` and `xfs` in commands; the prose compares XFS with FAT, JFS and NTFS (review 17, L27, rated good).
        var terms = new IntroducedTerms(
        [
            Prose("a.md", 1, "Format it with xfs and mount it.", Code("xfs")),
            Prose("b.md", 1, "Check xfs again after the crash.", Code("xfs")),
            Prose("c.md", 1, "XFS keeps its metadata parallel at high thread counts."),
        ]);

        Assert.False(terms.IsCode("xfs"));
        Assert.False(terms.IsCode("XFS"));
    }

    [Fact]
    public void In_CodeNameCountsOnlyWhereTheLineSetsItInCode()
    {
        // `kind` is a field name in the notes' code, and "kind" an English word: "any kind of error" holds no code.
        var terms = new IntroducedTerms(
        [
            Prose("a.md", 1, "The kind field tells the error apart.", Code("kind")),
            Prose("b.md", 1, "Match on kind to handle each case.", Code("kind")),
        ]);

        Assert.Equal(["kind"], terms.In("Match on kind to handle each case.", [Code("kind")]));
        Assert.Empty(terms.In("It is not a kind of error you handle.", null));
    }

    [Fact]
    public void In_ConceptIsFoundAsWholeWordsInAnyLine()
    {
        var terms = new IntroducedTerms([Prose("a.md", 1, "A dangling reference is a pointer to freed memory.", Em("dangling reference"))]);

        Assert.Equal(["dangling reference"], terms.In("Rust never lets a Dangling Reference compile.", null));
        Assert.Empty(terms.In("A dangling pointer is not a reference here.", null));
    }

    [Fact]
    public void In_ConceptCountsInTheCorpusThatIntroducesIt()
    {
        // Linux notes make "secure" a term (a log file); in networking notes it is an adjective ("more secure than").
        var terms = new IntroducedTerms([Prose("linux/logs.md", 1, "Secure is the file that logs failed logins.", Em("secure"))]);

        Assert.Equal(["secure"], terms.In("Check secure after a failed login.", null, "linux/auth.md"));
        Assert.Empty(terms.In("Keys are more secure than passwords.", null, "networking/ssh.md"));
    }

    [Fact]
    public void IntroducedIn_IsTheLinesOwnEmphasis()
    {
        var terms = new IntroducedTerms(
        [
            Prose("a.md", 1, "Ownership is a set of rules that govern memory.", Em("Ownership")),
            Prose("a.md", 2, "Borrowing is creating a reference, ownership stays.", Em("Borrowing")),
        ]);


        Assert.Equal(["borrowing"], terms.IntroducedIn("Borrowing is creating a reference, ownership stays.", [Em("Borrowing")]));
    }

    [Fact]
    public void Corpus_IntroducedTermsAreTermsOfTheirLines()
    {
        var passages = new[]
        {
            Prose("a.md", 1, "Ownership is a set of rules that govern how a program manages memory.", Em("Ownership")),
            Prose("a.md", 2, "Borrowing lets a function use a value without taking ownership.", Em("Borrowing")),
        };
        var corpus = new QuizCorpus(passages);

        Assert.Equal(2, corpus.Df("ownership"));
        Assert.Contains("ownership", corpus.FileTerms("a.md", []).File, StringComparer.OrdinalIgnoreCase);
    }

    private static QuizCorpus Book() => new(
    [
        Prose("a.md", 1, "Ownership is a set of rules that govern how a program manages memory.", Em("Ownership")),
        Prose("a.md", 2, "Borrowing lets a function use a value without taking ownership.", Em("Borrowing")),
        Prose("a.md", 3, "An absolute path is the full path from the crate root, a relative path is one from the current module.", Em("absolute path"), Em("relative path")),
        Prose("a.md", 4, "A String owns its bytes, while a &str borrows them; to_string copies them.", Code("String"), Code("&str"), Code("to_string"), Code("println!")),
        Prose("b.md", 1, "A String grows and a &str never does; to_string and println! again.", Code("String"), Code("&str"), Code("to_string"), Code("println!")),
        Prose("b.md", 2, "Plain words such as allocation and pointer were never set apart.", Em("not")),
    ]);

    [Fact]
    public void Shape_CodeAndConceptAreShapesOfTheirOwn()
    {
        var corpus = Book();

        Assert.Equal(QuestionGenerator.TermShape.CodeType, QuestionGenerator.Shape("String", corpus.Introduced));
        Assert.Equal(QuestionGenerator.TermShape.CodeType, QuestionGenerator.Shape("&str", corpus.Introduced));
        Assert.Equal(QuestionGenerator.TermShape.Concept, QuestionGenerator.Shape("ownership", corpus.Introduced));
        Assert.Equal(QuestionGenerator.TermShape.Phrase, QuestionGenerator.Shape("relative path", corpus.Introduced));
        Assert.Equal(QuestionGenerator.TermShape.Name, QuestionGenerator.Shape("Pointer", corpus.Introduced));
        Assert.Equal(QuestionGenerator.TermShape.Code, QuestionGenerator.Shape("to_string", corpus.Introduced)); // a function, not a type
        Assert.Equal(QuestionGenerator.TermShape.CodeMacro, QuestionGenerator.Shape("println!", corpus.Introduced));
        Assert.False(QuestionGenerator.IntroducedAlike("ownership", "String", corpus));
        Assert.False(QuestionGenerator.IntroducedAlike("String", "to_string", corpus));
        Assert.True(QuestionGenerator.IntroducedAlike("ownership", "borrowing", corpus));
    }

    [Fact]
    public void KindLike_ConceptsTheNotesIntroduceInTheSameCompany_AreOfOneKind()
    {
        // The model reads "borrowing" and "ownership" by their everyday sense (0.3); the notes write them with the same
        // words around them.
        var root = Math.Sqrt(0.3);
        var kinds = new KindSimilarity(new ChosenEmbedder(("ownership", root), ("borrowing", root), ("cloning", root)));
        var corpus = new QuizCorpus(
        [
            Prose("a.md", 1, "Ownership is a set of rules that the compiler checks.", Em("Ownership")),
            Prose("a.md", 2, "Borrowing is a set of rules that the compiler checks too.", Em("Borrowing")),
            Prose("a.md", 3, "Cloning is a deep copy of data that lives on the heap.", Em("Cloning")),
            Prose("a.md", 4, "The ownership rules keep memory safe."),
            Prose("a.md", 5, "The borrowing rules keep references valid."),
        ]);

        Assert.Equal(KindSimilarity.SameKind, QuestionGenerator.KindLike("ownership", "borrowing", corpus, kinds)!.Value, 9);
        Assert.Equal(0.3, QuestionGenerator.KindLike("ownership", "cloning", corpus, kinds)!.Value, 9); // other company: the model decides
    }

    [Fact]
    public void KindLike_TwoKindsOfOneThing_AreNotAnotherNameOfTheKey()
    {
        // "absolute path" and "relative path" meet at 0.8 in the model, where it reads another name of the key.
        var kinds = new KindSimilarity(new ChosenEmbedder(("absolute path", Math.Sqrt(0.8)), ("relative path", Math.Sqrt(0.8))));

        var like = QuestionGenerator.KindLike("relative path", "absolute path", Book(), kinds)!.Value;

        Assert.Equal(0.75, like, 9);
        Assert.True(QuestionGenerator.KindOf("relative path", "absolute path", 1.0, Book(), kinds).Fits);
    }

    [Theory]
    [InlineData("_____ is an interactive and more user-friendly alternative to top.", "htop", true)]
    [InlineData("The _____ command shows per-process disk I/O usage.", "iotop", false)]
    [InlineData("Use _____ to compare devices and throughput.", "iostat", false)]
    public void NamedAfterStemWord_ACommandNamedForAWordOfTheStem(string masked, string key, bool expected) =>
        Assert.Equal(expected, QuestionGenerator.NamedAfterStemWord(masked, key));

    [Fact]
    public void Generate_BookProse_AsksTheTermALineIntroduces_AmongTermsOfItsShape()
    {
        // Issue 11: a book introduces its terms in lower case and in italics; with no acronym or CamelCase name in it,
        // its prose gave no key and no wrong choice.
        Passage Para(int line, string text, params EmphasisSpan[] spans) =>
            new("book/ch04.md", "Understanding Ownership", ["Understanding Ownership"], line, line, text, PassageKind.Paragraph, Emphasis: spans.Length == 0 ? null : spans);
        var passages = new List<Passage>
        {
            Para(1, "Ownership is a set of rules that govern how a program manages memory.", Em("Ownership")),
            Para(3, "Borrowing is the act of creating a reference to a value owned elsewhere.", Em("Borrowing")),
            Para(5, "Cloning is a deep copy of the data that lives on the heap.", Em("Cloning")),
            Para(7, "Dereferencing is following a reference to the value it points at.", Em("Dereferencing")),
            Para(9, "The rules of ownership are checked by the compiler at compile time.", Code("String")),
            Para(11, "Borrowing lets a function read a value without taking it over.", Code("String")),
            Para(13, "Cloning costs more time than borrowing a value for a while."),
            Para(15, "Dereferencing happens without notice when a method is called."),
            Para(17, "The stack holds values of a known and fixed size in memory."),
            Para(19, "The heap holds values whose size is known only at run time."),
            Para(21, "A program that frees memory twice corrupts the heap of the process."),
            new("book/ch08.md", "Strings", ["Strings"], 1, 1, "A String owns a growable buffer of bytes on the heap.", PassageKind.Paragraph, Emphasis: [Code("String")]),
        };

        var blanks = QuestionGenerator.Generate(passages).Where(q => q.Kind == QuizQuestionKind.FillInTheBlank).ToList();

        // The term is in 2 of 12 lines: not what the whole file is about.
        var blank = Assert.Single(blanks, q => q.Answer == "ownership" && q.Text.StartsWith("Fill in the blank: “_____ is a set of rules", StringComparison.Ordinal));
        Assert.Subset(new HashSet<string> { "ownership", "borrowing", "cloning", "dereferencing" }, blank.Choices.ToHashSet());
        Assert.All(blanks.SelectMany(q => q.Choices), c => Assert.NotEqual("String", c)); // code only beside code
    }
}
