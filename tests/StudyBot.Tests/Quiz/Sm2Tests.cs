using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

public class Sm2Tests
{
    [Fact]
    public void Review_GoodGrades_IntervalsGrow1Then6ThenTimesEase()
    {
        var s = Sm2.Review(Sm2State.New, 5);
        Assert.Equal(1, s.IntervalDays);
        s = Sm2.Review(s, 5);
        Assert.Equal(6, s.IntervalDays);
        var ease = s.Ease;
        s = Sm2.Review(s, 5);
        Assert.Equal(Math.Round(6 * ease, 1), s.IntervalDays);
        Assert.Equal(3, s.Repetitions);
    }

    [Fact]
    public void Review_Miss_ResetsToOneDayAndLowersEase()
    {
        var known = Sm2.Review(Sm2.Review(Sm2State.New, 5), 5);
        var missed = Sm2.Review(known, 1);
        Assert.Equal(0, missed.Repetitions);
        Assert.Equal(1, missed.IntervalDays);
        Assert.True(missed.Ease < known.Ease);
        Assert.True(Sm2.Review(new Sm2State(0, 1.3, 1), 0).Ease >= 1.3);
    }

    [Theory]
    [InlineData(1.0, 5)]
    [InlineData(0.5, 3)]
    [InlineData(0.2, 1)]
    [InlineData(0.0, 0)]
    public void Grade_ShareCorrect_MapsToSm2Grade(double share, int grade) => Assert.Equal(grade, Sm2.Grade(share));
}
