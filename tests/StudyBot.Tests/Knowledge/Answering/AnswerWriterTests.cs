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

        ## Misc

        The dashboard shows graphs.
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
    public void Read_ClauseCarryingThePredicate_Decides(string question, string passage, bool expected)
    {
        using var kit = new AnsweringTestKit(Notes);
        var candidate = kit.Candidate(question, passage);

        var reading = AnswerWriter.ReadingOf(kit.Index, kit.Analyze(question), candidate);

        Assert.True(expected == reading.Yes, $"{kit.Index.Entry(candidate.Id).Passage.Text}: read {(reading.Yes ? "yes" : "no")}");
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
