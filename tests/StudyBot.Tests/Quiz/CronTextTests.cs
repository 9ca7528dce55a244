using StudyBot.Core.Quiz;

namespace StudyBot.Tests.Quiz;

public sealed class CronTextTests
{
    [Theory]
    [InlineData("0 9 * * 1-5", "weekdays at 09:00")]
    [InlineData("32 15 * * *", "every day at 15:32")]
    [InlineData("30 8 * * 1", "Mondays at 08:30")]
    [InlineData("0 9 * * 1,3,5", "Mondays, Wednesdays and Fridays at 09:00")]
    [InlineData("0 10 * * 0,6", "weekends at 10:00")]
    [InlineData("0 7 * * 0", "Sundays at 07:00")]
    [InlineData("0 9 * * 0-6", "every day at 09:00")]
    public void Describe_CommonSchedules_SaysThemInWords(string cron, string expected) =>
        Assert.Equal(expected, CronText.Describe(cron));

    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("0 9,15 * * *")]
    [InlineData("0 9 1 * *")]
    public void Describe_OtherSchedules_ShowsTheCron(string cron) =>
        Assert.Equal($"on the schedule `{cron}`", CronText.Describe(cron));
}
