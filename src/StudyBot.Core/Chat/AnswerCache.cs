using System.Collections.Concurrent;
using StudyBot.Core.Knowledge;

namespace StudyBot.Core.Chat;

/// <summary>
/// Remembers the answers of the index that serves now, keyed by the exact question text: teams ask the same questions
/// again and again, and an answer only changes when the notes do. Emptied on every swap
/// (<see cref="IKnowledgeBase.Reloaded"/>); an answer computed while a swap happened is not kept.
/// </summary>
public sealed class AnswerCache : IDisposable
{
    private readonly IKnowledgeBase _knowledge;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, (long Generation, Answer Answer)> _answers = new(StringComparer.Ordinal);
    private long _generation;

    public AnswerCache(IKnowledgeBase knowledge, Microsoft.Extensions.Options.IOptions<ChatOptions> options)
    {
        _knowledge = knowledge;
        _capacity = options.Value.AnswerCacheSize;
        _knowledge.Reloaded += OnReloaded;
    }

    /// <summary>The answer from the cache, or from the knowledge base (and then kept).</summary>
    public Answer Ask(string question)
    {
        if (_capacity == 0)
        {
            return _knowledge.Ask(question);
        }

        var generation = Interlocked.Read(ref _generation);
        if (_answers.TryGetValue(question, out var cached) && cached.Generation == generation)
        {
            return cached.Answer;
        }

        var answer = _knowledge.Ask(question);

        // Only keep it if no swap happened while it was computed; a later swap empties the cache anyway.
        if (Interlocked.Read(ref _generation) == generation)
        {
            if (_answers.Count >= _capacity)
            {
                _answers.Clear();
            }

            _answers[question] = (generation, answer);
        }

        return answer;
    }

    public void Dispose() => _knowledge.Reloaded -= OnReloaded;

    private void OnReloaded(object? sender, ReloadReport report)
    {
        Interlocked.Increment(ref _generation);
        _answers.Clear();
    }
}
