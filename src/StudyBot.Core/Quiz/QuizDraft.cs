namespace StudyBot.Core.Quiz;

/// <summary>A question the daily quiz does not ask (<see cref="QuestionGenerator.Drafts"/>), with the item-quality
/// model's probability that a reader rates it good.</summary>
/// <param name="Question">The question as the generator wrote it.</param>
/// <param name="Score">The item-quality model's probability that a reader rates it good, under
/// <see cref="QuestionGenerator.ReserveFloor"/>.</param>
/// <param name="Typo">It copies a likely typo of the notes, so its probability was cut to 0: mended, it may be a good one.</param>
public sealed record QuizDraft(QuizQuestion Question, double Score, bool Typo);
