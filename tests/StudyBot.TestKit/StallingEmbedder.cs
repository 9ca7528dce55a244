using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.TestKit;

/// <summary>
/// A semantic model whose every run lasts until the embedding is cancelled, as the first embedding of large notes
/// outlives a quick stop; no sleep, so the test never depends on how fast the machine is. The test calls
/// <see cref="OwnerStopped"/> once the host (or indexer) that uses it has stopped: a run still going then is the defect,
/// the model in use after its owner is gone (in the app, ONNX Runtime torn down at the process's exit under a running
/// inference), and is recorded in <see cref="RanAfterStop"/>.
/// </summary>
public sealed class StallingEmbedder : ITextEmbedder, IDisposable
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _ownerStopped = new();
    private volatile bool _ranAfterStop;
    private int _inFlight;

    public string ModelId => "stalling/8";

    public int Dimensions => 8;

    /// <summary>Completes when the first run has begun: the embedding is under way.</summary>
    public Task Started => _started.Task;

    /// <summary>Whether a run was still going (or began) after <see cref="OwnerStopped"/>.</summary>
    public bool RanAfterStop => _ranAfterStop;

    /// <summary>Runs going now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The owner's stop has returned: a run still waiting wakes up and records it.</summary>
    public void OwnerStopped() => _ownerStopped.Set();

    public float[][] Embed(IReadOnlyList<string> texts) => Embed(texts, CancellationToken.None);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            _started.TrySetResult();
            if (WaitHandle.WaitAny([cancellationToken.WaitHandle, _ownerStopped.WaitHandle], Wait.SafetyDeadline) == WaitHandle.WaitTimeout)
            {
                throw new TimeoutException("The embedding was neither cancelled nor outlived its owner's stop.");
            }

            if (_ownerStopped.IsSet)
            {
                _ranAfterStop = true;
            }

            cancellationToken.ThrowIfCancellationRequested();
            return [.. texts.Select(_ => new float[Dimensions])];
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public void Dispose() => _ownerStopped.Dispose();
}
