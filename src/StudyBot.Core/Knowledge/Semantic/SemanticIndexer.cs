using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>
/// Gives each new index its passage embeddings, in the background: the model loads once per process (a second or
/// two), the vectors come from the on-disk cache where the text was embedded before, and only new or changed
/// passages are embedded. Until an index has its vectors, the lexical path answers; <see cref="Status"/> says which.
/// <see cref="StopAsync"/> (the host's stop, or <see cref="Dispose"/>) cancels the embedding and returns once it has
/// ended: the process exits right after, and ONNX Runtime torn down under a running inference logs an error.
/// </summary>
public sealed partial class SemanticIndexer : IDisposable
{
    /// <summary>How long <see cref="Dispose"/> waits for the embedding to end: the host's default shutdown timeout.
    /// It ends within a batch (a fraction of a second), or once the model has loaded when it was still loading.</summary>
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(30);

    /// <summary>One model per process: several hosts (tests) or reloads share it; it is immutable and thread-safe. The
    /// first indexer's cache folder keeps its 8-bit form.</summary>
    private static Task<ITextEmbedder>? s_sharedModel;
    private static readonly Lock SharedModelLock = new();

    private static Task<ITextEmbedder> SharedModel(string? cacheFolder)
    {
        lock (SharedModelLock)
        {
            return s_sharedModel ??= Task.Run<ITextEmbedder>(() => BertEmbedder.Load(BertModelSpec.MiniLm, cacheFolder: cacheFolder));
        }
    }

    /// <summary>One yes/no reader per process, as the model (<see cref="YesNoReader"/>); null when it cannot load (the
    /// answers then withhold what the trust model withholds, as before it).</summary>
    private static Task<IYesNoReader?>? s_sharedReader;

    private static Task<IYesNoReader?> SharedReader(string? cacheFolder, ILogger logger)
    {
        lock (SharedModelLock)
        {
            return s_sharedReader ??= Task.Run<IYesNoReader?>(() =>
            {
                try
                {
                    return YesNoReader.Load(cacheFolder: cacheFolder);
                }
                catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or Google.Protobuf.InvalidProtocolBufferException)
                {
                    LogReaderFailed(logger, exception.Message);
                    return null;
                }
            });
        }
    }

    private static int s_modelLoaded;
    private static int s_readerLoaded;

    /// <summary>Once per process after each model has loaded (<paramref name="flag"/> says which): a full compacting
    /// collection that gives the memory back to the system. Loading reads the package's 90 MB float model once for each
    /// model (and, the first time, adds the reader's change and rounds both to 8 bits), hundreds of megabytes of arrays
    /// that are garbage once the sessions exist; the server collector keeps such a heap committed, and the bot held
    /// 1.0 GB after its first start and 600 MB after a restart, against 525 and 372 MB before the reader; with the
    /// collections, 325 and 305 MB (seventy-first session).</summary>
    private static void ReturnLoadingMemory(ref int flag)
    {
        if (Interlocked.Exchange(ref flag, 1) == 0)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>The process's one model for a caller that needs it now (the quiz writer builds its bank synchronously
    /// at first use): waits for the load the indexer may have started, or starts it. No synchronization context is
    /// captured (the load runs on the thread pool), so the wait cannot deadlock.</summary>
    internal static ITextEmbedder SharedModelNow(string? cacheFolder) => SharedModel(cacheFolder).GetAwaiter().GetResult();

    private readonly Func<Task<ITextEmbedder>> _model;
    private readonly Func<Task<IYesNoReader?>> _reader;
    private readonly ILogger<SemanticIndexer> _logger;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary><see cref="_stopping"/>'s token, taken once: it stays readable after the source is disposed.</summary>
    private readonly CancellationToken _stoppingToken;
    private readonly Lock _stopLock = new();
    private Task? _stopped;
    private EmbeddingCache? _boundCache;
    private volatile string _status = "loading";
    private Task _pending = Task.CompletedTask;

    /// <summary>With the local MiniLM model, shared by the whole process; its 8-bit form is kept in
    /// <paramref name="modelFolder"/> (by default the cache folder), so tools with a vector cache per notes folder
    /// keep one model.</summary>
    public SemanticIndexer(string? cacheFolder, ILogger<SemanticIndexer>? logger = null, string? modelFolder = null)
        : this(() => SharedModel(modelFolder ?? cacheFolder), cacheFolder, logger, () => SharedReader(modelFolder ?? cacheFolder, logger ?? NullLogger<SemanticIndexer>.Instance))
    {
    }

    /// <summary>With any embedder (tests use a small deterministic one) and, optionally, a yes/no reader.</summary>
    public SemanticIndexer(Func<Task<ITextEmbedder>> model, string? cacheFolder, ILogger<SemanticIndexer>? logger = null, Func<Task<IYesNoReader?>>? reader = null)
    {
        _model = model;
        _reader = reader ?? (() => Task.FromResult<IYesNoReader?>(null));
        _logger = logger ?? NullLogger<SemanticIndexer>.Instance;
        CacheFolder = cacheFolder;
        _stoppingToken = _stopping.Token;
    }

    /// <summary>Where vectors are kept between runs; null keeps none.</summary>
    public string? CacheFolder { get; }

    /// <summary>Notes with more passages are answered on the lexical path only (see
    /// <see cref="KnowledgeOptions.SemanticMaxPassages"/>).</summary>
    public int MaxPassages { get; init; } = KnowledgeOptions.DefaultSemanticMaxPassages;

    /// <summary>Notes with more passages keep no word pieces' vectors (see
    /// <see cref="KnowledgeOptions.TokenMatchMaxPassages"/>).</summary>
    public int TokenMatchMaxPassages { get; init; } = KnowledgeOptions.DefaultTokenMatchMaxPassages;

    /// <summary>"loading" (the model), "embedding" (the passages), "ready", or "failed: …" (the lexical path answers).</summary>
    public string Status => _status;

    /// <summary>Completes when the last attached index has its vectors (or failed).</summary>
    public Task Idle => Volatile.Read(ref _pending);

    /// <summary>Embeds the index's passages in the background and attaches them; a later call supersedes it.</summary>
    internal void Attach(KnowledgeIndex index)
    {
        var task = Task.Run(() => EmbedAsync(index, _stoppingToken));
        Volatile.Write(ref _pending, task);
    }

    private async Task EmbedAsync(KnowledgeIndex index, CancellationToken cancellationToken)
    {
        try
        {
            await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before its turn: nothing to embed, and Idle completes without an exception.
            return;
        }

        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (index.Count > MaxPassages)
            {
                // Every passage's vector is held in memory and searched one by one: past this size that costs more
                // memory and time per question than the lexical path, and the first embedding takes hours.
                _status = $"off: the notes have {index.Count:N0} passages, more than Knowledge:SemanticMaxPassages ({MaxPassages:N0})";
                LogFailed(_logger, _status);
                return;
            }

            // Not cancelled: a stop waits for a load under way, which creates the ONNX session (a second or two). The
            // reader loads after it, while the passages are embedded: the two loads at once held 960 MB at their peak.
            // The answers use the vectors as soon as they are in; the reader joins them when it has loaded.
            var model = await _model().ConfigureAwait(false);
            ReturnLoadingMemory(ref s_modelLoaded);
            var reading = _reader();
            cancellationToken.ThrowIfCancellationRequested();
            if (!index.TryAcquire())
            {
                // Replaced by a newer index before its turn: that one gets the vectors.
                return;
            }

            try
            {
                _status = "embedding";
                _boundCache ??= new EmbeddingCache(CacheFolder, model.ModelId, model.Dimensions);
                var texts = index.ReadAll().Select(e => SemanticIndex.TextOf(e.Passage)).ToList();
                var embedded = _boundCache.GetOrEmbedWithTokens(texts, model, cancellationToken, withTokens: texts.Count <= TokenMatchMaxPassages);
                var semantic = new SemanticIndex(model, [.. embedded.Select(e => e.Vector)], [.. embedded.Select(e => e.Tokens)]);
                if (reading.IsCompletedSuccessfully)
                {
                    // Loaded already (a reload): the index comes with it.
                    semantic.Reader = reading.Result;
                }

                index.Semantic = semantic;
                _status = "ready";
                LogReady(_logger, texts.Count, _boundCache.LastEmbedded, clock.ElapsedMilliseconds);

                // Idle waits for it too, so the command line, which answers once Idle completes, always has it. Waiting
                // for it before the vectors were answered with took a restart on the test corpora from 3.3–4.9 s to 5.8 s.
                semantic.Reader = await reading.ConfigureAwait(false);
                ReturnLoadingMemory(ref s_readerLoaded);
            }
            finally
            {
                index.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException)
        {
            _status = "failed: " + exception.Message;
            LogFailed(_logger, exception.Message);
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Cancels the embedding and completes once none runs and none can start: every pass embeds holding
    /// <c>_one</c>, which the stop then keeps. <paramref name="cancellationToken"/> (the host's shutdown timeout) ends
    /// the wait early, with a warning and without an exception: the host goes on stopping either way.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Stopped().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopTimedOut(_logger);
        }
    }

    private Task Stopped()
    {
        lock (_stopLock)
        {
            return _stopped ??= StopCoreAsync();
        }
    }

    private async Task StopCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _one.WaitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Stops as <see cref="StopAsync"/> does, waiting at most <see cref="DisposeWait"/>: the command line
    /// disposes it on its way out of the process.</summary>
    public void Dispose()
    {
        try
        {
            if (!Stopped().Wait(DisposeWait))
            {
                LogStopTimedOut(_logger);
            }
        }
        finally
        {
            _stopping.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic search ready: {Passages} passages ({Embedded} embedded now, the rest from the cache) in {Milliseconds} ms")]
    private static partial void LogReady(ILogger logger, int passages, int embedded, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The background embedding of the notes did not stop in time; the process may exit with an inference still running")]
    private static partial void LogStopTimedOut(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The yes/no reader did not load; a Yes the trust model withholds stays unsaid: {Reason}")]
    private static partial void LogReaderFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Semantic search is off, the lexical path answers: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
