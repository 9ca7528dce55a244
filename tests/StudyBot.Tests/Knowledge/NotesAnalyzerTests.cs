using StudyBot.Core.Knowledge;

namespace StudyBot.Tests.Knowledge;

public sealed class NotesAnalyzerTests
{
    private static readonly NotesAnalyzer Analyzer = new(Synonyms.Build(Synonyms.ParseGroups(Synonyms.DefaultGroups)));

    [Theory]
    [InlineData("encrypted", "encryption")]
    [InlineData("containers", "container")]
    [InlineData("retransmit", "retransmissions")]
    [InlineData("monolithic", "monolith")]
    public void Terms_InflectedForms_StemToTheSameTerm(string a, string b)
    {
        Assert.Equal(Analyzer.Terms(a), Analyzer.Terms(b));
    }

    [Theory]
    [InlineData("fibre", "fiber")]
    [InlineData("utilisation", "utilization")]
    [InlineData("behaviour", "behavior")]
    [InlineData("centre", "center")]
    [InlineData("analysed", "analyzed")]
    [InlineData("licence", "license")]
    [InlineData("catalogue", "catalog")]
    public void Terms_BritishSpelling_MeetsTheAmericanOne(string british, string american)
    {
        Assert.Equal(Analyzer.Terms(american), Analyzer.Terms(british));
    }

    [Theory]
    [InlineData("hour")]
    [InlineData("analysis")]
    [InlineData("devices")]
    [InlineData("encrypted")]
    public void American_WordWithoutABritishEnding_StaysAsWritten(string word)
    {
        Assert.Equal(word, BritishSpellingFilter.American(word));
    }

    [Fact]
    public void Terms_StopWords_DropFillersButKeepNegations()
    {
        var terms = Analyzer.Terms("by default it is not encrypted, no keys without a pod we cannot never");

        Assert.DoesNotContain("it", terms);
        Assert.DoesNotContain("the", Analyzer.Terms("the key"));
        Assert.DoesNotContain("by", terms);
        Assert.Contains("not", terms);
        Assert.Contains("no", terms);
        Assert.Contains("without", terms);
        Assert.Contains("cannot", terms);
        Assert.Contains("never", terms);
    }

    [Fact]
    public void Terms_Same_IsKept()
    {
        // The predicate of an identity question ("is the author the same person as the committer?") and of the notes'
        // answer ("author and committer are not the same").
        Assert.Contains("same", Analyzer.Terms("author and committer are not the same"));
    }

    [Fact]
    public void Terms_ReflexivePronouns_AreNoTopic()
    {
        var terms = Analyzer.Terms("don't they both copy themselves?");

        Assert.DoesNotContain(terms, t => t.StartsWith("themselv", StringComparison.Ordinal));
        Assert.Contains(terms, t => t.StartsWith("copi", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("how far can it send, like whats the range in km?", "rang")]
    [InlineData("ok so hows the key rotated", "rotat")]
    public void Terms_QuestionWordsWithoutApostrophe_AreNoTopic(string question, string topic)
    {
        var terms = Analyzer.Terms(question);

        Assert.DoesNotContain("what", terms);
        Assert.DoesNotContain("whats", terms);
        Assert.DoesNotContain("how", terms);
        Assert.DoesNotContain("hows", terms);
        Assert.Contains(terms, t => t.StartsWith(topic, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("WAF", "web access firewall")]
    [InlineData("WAF", "web application firewall")]
    [InlineData("HSM", "CloudSHM")]
    [InlineData("CloudHSM", "hardware security module")]
    [InlineData("KMS", "Key Management Service")]
    [InlineData("DDoS", "distributed denial of service")]
    [InlineData("EKS", "Elastic Kubernets Service")]
    [InlineData("EBS", "elastic block store")]
    [InlineData("S3", "simple storage service")]
    [InlineData("SSE", "server-side encryption")]
    public void Terms_AcronymAndSpelledOutName_ShareATerm(string acronym, string name)
    {
        Assert.True(Analyzer.Terms(acronym).Overlaps(Analyzer.Terms(name)), $"{acronym} / {name}");
    }

    [Fact]
    public void Terms_SpelledOutName_KeepsItsOwnWords()
    {
        var terms = Analyzer.Terms("web access firewall");

        Assert.Contains("firewal", terms);
        Assert.Contains("web", terms);
    }

    [Fact]
    public void Build_CustomGroup_AddsSynonym()
    {
        var groups = Synonyms.ParseGroups([.. Synonyms.DefaultGroups, "# team synonyms", "tpm, trusted platform module", ""]);
        var analyzer = new NotesAnalyzer(Synonyms.Build(groups));

        Assert.True(analyzer.Terms("TPM").Overlaps(analyzer.Terms("the trusted platform module")));
        Assert.False(Analyzer.Terms("TPM").Overlaps(Analyzer.Terms("the trusted platform module")));
    }

    [Theory]
    [InlineData("C++?")]
    [InlineData("SSL/TLS")]
    [InlineData("title: x")]
    [InlineData("\"unbalanced")]
    [InlineData("*")]
    [InlineData("")]
    [InlineData("😀🔥 emoji")]
    public void Tokens_OddInput_DoesNotThrow(string text)
    {
        var tokens = Analyzer.Tokens(text);

        Assert.NotNull(tokens);
    }

    [Fact]
    public void Terms_ComparisonOperators_AreWordsTheQuestionAndTheNotesShare()
    {
        var question = Analyzer.Terms("should I use === and !== instead of == and !=?");
        var rule = Analyzer.Terms("Use `===` and `!==` over `==` and `!=`.");

        Assert.Contains("op_strict_equ", question);
        Assert.Contains("op_strict_not_equ", question);
        Assert.Contains("op_equ", question);
        Assert.Contains("op_not_equ", question);
        Assert.Subset(rule.ToHashSet(), question.Where(t => t.StartsWith("op_", StringComparison.Ordinal)).ToHashSet());
        Assert.Equal(Analyzer.Terms("x != y"), Analyzer.Terms("x <> y"));
    }

    [Fact]
    public void Terms_QuestionMarkNamedAnOperator_IsAWordTheQuestionAndTheNotesShare()
    {
        var question = Analyzer.Terms("what does the ? operator do");
        var notes = Analyzer.Terms("When the `?` operator calls the `from` function, the error type is converted");

        Assert.Contains(question, t => t.StartsWith("op_question", StringComparison.Ordinal));
        Assert.Contains(notes, t => t.StartsWith("op_question", StringComparison.Ordinal));
        Assert.DoesNotContain(Analyzer.Terms("is it an operator? operators are symbols"), t => t.StartsWith("op_", StringComparison.Ordinal)); // no space: a question ends.
    }

    [Theory]
    [InlineData("what is this??")]
    [InlineData("which operator?")]
    [InlineData("tokens -> authentication")]
    [InlineData("x => x + 1")]
    [InlineData("size <= 5 MB")]
    public void Terms_PunctuationChatWritesForOtherThings_StaysPunctuation(string text)
    {
        Assert.DoesNotContain(Analyzer.Terms(text), t => t.StartsWith("op_", StringComparison.Ordinal));
    }
}
