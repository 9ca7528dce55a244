using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Tests.Knowledge.Answering;

public sealed class SpellingTests : IDisposable
{
    private readonly AnsweringTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Corrected_MisspeltWord_TheNotesSpellingInTheTypedCase()
    {
        Assert.Equal("Does UDP do retransmission of lost packets?", Spelling.Corrected(_kit.Index, _kit.Analyze("Does UDP do retransmision of lost packets?")));
        Assert.Equal("Is UDP connectionless?", Spelling.Corrected(_kit.Index, _kit.Analyze("Is UDP conectionless?")));
    }

    [Theory]
    [InlineData("Does UDP do retransmission of lost packets?")]
    [InlineData("Is the session insecure?")] // a negating prefix is a different word, not a typo of "secure"
    public void Corrected_NothingMisspelt_Null(string question)
    {
        Assert.Null(Spelling.Corrected(_kit.Index, _kit.Analyze(question)));
    }

    [Fact]
    public void Corrected_AWordOfTheLanguage_IsNoTypoThoughTheNotesSpellItOtherwise()
    {
        var question = _kit.Analyze("Is UDP conectionless?");
        var language = new HashSet<string>(StringComparer.Ordinal) { "conectionless" }; // as if the language had this word

        Assert.Equal("Is UDP connectionless?", Spelling.Corrected(_kit.Index, question));
        Assert.Null(Spelling.Corrected(_kit.Index, question, language));
    }

    [Fact]
    public void Ask_MisspeltQuestion_AnsweredAndSaysHowItWasRead()
    {
        var answer = AnswerComposer.Ask(_kit.Index, "How long is the idle sesion timeout?");

        Assert.True(answer.Answered);
        Assert.Equal("How long is the idle session timeout?", answer.Corrected);
    }
}
