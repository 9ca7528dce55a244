using StudyBot.Core.Chat;

namespace StudyBot.Tests.Chat;

public class QuestionTextTests
{
    [Theory]
    [InlineData("What is the capital of France?", "what is the capital of france")]
    [InlineData("  what   is the\tCAPITAL of france ?! ", "what is the capital of france")]
    [InlineData("Ｗｈａｔ is KMS", "what is kms")]
    [InlineData("???", "")]
    public void Normalize_VariantsOfOneQuestion_SameText(string question, string expected) =>
        Assert.Equal(expected, QuestionText.Normalize(question));
}
