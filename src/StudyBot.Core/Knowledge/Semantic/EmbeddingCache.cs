using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>
/// Passage vectors on disk, keyed by the model id and a hash of the embedded text, so a restart embeds nothing and a
/// reload embeds only new or changed passages. One file per model for the vectors and, when the model gives them, one
/// for the word pieces' vectors (<see cref="TokenVectors"/>); each rewritten without stale records when they outnumber
/// the live ones. A text missing from either file is embedded again (a cache written before the word pieces were kept
/// fills in once). Not shared between processes writing at once (one bot per data folder).
/// </summary>
public sealed class EmbeddingCache
{
    /// <summary>Texts embedded between two appends: bounds the memory an embedding pass holds besides the result.</summary>
    private const int Chunk = 256;

    /// <summary>No text of the model's length has more word pieces than this; a larger count is a damaged file.</summary>
    private const int MaxTokens = 1024;

    private readonly RecordFile<float[]> _vectors;
    private readonly RecordFile<TokenVectors> _tokens;
    private readonly Lock _lock = new();

    /// <summary>Where the word pieces read from disk are kept; a new one for each read, so a reload's blocks are not
    /// kept alive by the ones before it.</summary>
    private TokenVectors.Arena _arena = new();

    /// <param name="folder">Where the files live; null keeps nothing on disk.</param>
    public EmbeddingCache(string? folder, string modelId, int dimensions)
    {
        string? PathOf(string extension) => folder is null ? null
            : Path.Combine(folder, new string(modelId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray()) + extension);

        _vectors = new RecordFile<float[]>(PathOf(".vec"), 0x53425645, dimensions, // "SBVE"
            (writer, vector) =>
            {
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            },
            reader => ReadFloats(reader, dimensions));
        _tokens = new RecordFile<TokenVectors>(PathOf(".tok"), 0x5342544B, dimensions, // "SBTK"
            (writer, tokens) => tokens.WriteTo(writer),
            reader => TokenVectors.ReadFrom(reader, dimensions, MaxTokens, _arena));
    }

    /// <summary>How many texts the last call had to embed (the rest came from disk).</summary>
    public int LastEmbedded { get; private set; }

    /// <summary>The vector of each text, from disk where it was embedded before, else embedded now and saved.</summary>
    public float[][] GetOrEmbed(IReadOnlyList<string> texts, ITextEmbedder embedder, CancellationToken cancellationToken) =>
        [.. GetOrEmbedWithTokens(texts, embedder, cancellationToken, withTokens: false).Select(e => e.Vector)];

    /// <summary>The vector and word pieces' vectors of each text (the latter null from a model that gives none, or
    /// without <paramref name="withTokens"/>).</summary>
    public Embedding[] GetOrEmbedWithTokens(IReadOnlyList<string> texts, ITextEmbedder embedder, CancellationToken cancellationToken, bool withTokens = true)
    {
        lock (_lock)
        {
            var vectors = _vectors.Read();
            var probe = withTokens && embedder.GivesTokens;
            _arena = new TokenVectors.Arena();
            var tokens = probe ? _tokens.Read() : [];
            var keys = texts.Select(Key).ToArray();
            var result = new Embedding[texts.Count];
            var missing = new List<int>();
            for (var i = 0; i < texts.Count; i++)
            {
                if (vectors.TryGetValue(keys[i], out var vector) && (!probe || tokens.ContainsKey(keys[i])))
                {
                    result[i] = new Embedding(vector, probe ? tokens[keys[i]] : null);
                }
                else
                {
                    missing.Add(i);
                }
            }

            // The same new text twice is embedded once.
            var distinct = missing.DistinctBy(i => keys[i]).ToList();
            var added = new Dictionary<Guid, Embedding>();
            for (var start = 0; start < distinct.Count; start += Chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = distinct.Skip(start).Take(Chunk).ToList();
                var embedded = probe ? embedder.EmbedWithTokens(chunk.Select(i => texts[i]).ToList(), cancellationToken)
                    : [.. embedder.Embed(chunk.Select(i => texts[i]).ToList(), cancellationToken).Select(v => new Embedding(v, null))];

                // A vector already kept (embedded before the word pieces were) is not written twice.
                _vectors.Append(chunk.Select((i, j) => (keys[i], embedded[j].Vector)).Where(r => !vectors.ContainsKey(r.Item1)).ToList());
                for (var j = 0; j < chunk.Count; j++)
                {
                    // The kept vector stands (a batch's padding may move the last digits), so a restart agrees.
                    var key = keys[chunk[j]];
                    added[key] = vectors.TryGetValue(key, out var kept) ? embedded[j] with { Vector = kept } : embedded[j];
                    vectors[key] = added[key].Vector;
                }

                if (probe)
                {
                    _tokens.Append(chunk.Select((i, j) => (keys[i], embedded[j].Tokens!)).ToList());
                    foreach (var (i, j) in chunk.Select((i, j) => (i, j)))
                    {
                        tokens[keys[i]] = embedded[j].Tokens!;
                    }
                }
            }

            foreach (var i in missing)
            {
                result[i] = added[keys[i]];
            }

            LastEmbedded = distinct.Count;
            var live = keys.ToHashSet();
            _vectors.CompactIfStale(vectors, live, Chunk);
            if (probe)
            {
                _tokens.CompactIfStale(tokens, live, Chunk);
            }

            return result;
        }
    }

    /// <summary>Reads <paramref name="count"/> floats in one read: value by value, the 14 MB of vectors of 1 MB of
    /// notes took a third of a second.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static float[] ReadFloats(BinaryReader reader, int count)
    {
        // Straight into the array, little-endian as BinaryWriter wrote them (and as every platform the bot runs on).
        var values = GC.AllocateUninitializedArray<float>(count);
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    internal static Guid Key(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    /// <summary>One file of records keyed by text hash after a magic number and the dimensions; appended to, read
    /// whole, rewritten through a temporary file. Disk errors cost a re-embedding, never an answer.</summary>
    private sealed class RecordFile<T>(string? file, int magic, int dimensions, Action<BinaryWriter, T> write, Func<BinaryReader, T> read)
    {
        private const int ReadBuffer = 1 << 20;

        /// <summary>Optimized from its first call: at start-up it reads some thousands of records, more than the
        /// unoptimized first tier of the JIT should run.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public Dictionary<Guid, T> Read()
        {
            var known = new Dictionary<Guid, T>();
            if (file is null || !File.Exists(file))
            {
                return known;
            }

            try
            {
                // A large buffer: the word pieces' file of 1 MB of notes is about 100 MB of records of 10 KB each.
                using var reader = new BinaryReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBuffer));
                if (reader.ReadInt32() != magic || reader.ReadInt32() != dimensions)
                {
                    return known;
                }

                Span<byte> key = stackalloc byte[16];
                while (reader.BaseStream.Length - reader.BaseStream.Position > 16)
                {
                    reader.BaseStream.ReadExactly(key);
                    known[new Guid(key)] = read(reader);
                }
            }
            catch (EndOfStreamException)
            {
                // A record cut short by a crash mid-append: the ones before it stand.
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // A damaged cache costs a re-embedding, never an answer.
                known.Clear();
            }

            return known;
        }

        public void Append(List<(Guid Key, T Value)> records)
        {
            if (file is null || records.Count == 0)
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var fresh = !File.Exists(file);
                using var writer = new BinaryWriter(new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read));
                if (fresh)
                {
                    writer.Write(magic);
                    writer.Write(dimensions);
                }

                Write(writer, records);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A full or read-only disk only means the next start embeds again.
            }
        }

        /// <summary>Rewrites the file with only the live records once the stale ones outnumber them.</summary>
        public void CompactIfStale(Dictionary<Guid, T> known, HashSet<Guid> live, int slack)
        {
            if (file is null || known.Count <= (2 * live.Count) + slack)
            {
                return;
            }

            var temporary = file + ".tmp";
            try
            {
                using (var writer = new BinaryWriter(File.Create(temporary)))
                {
                    writer.Write(magic);
                    writer.Write(dimensions);
                    Write(writer, known.Where(kv => live.Contains(kv.Key)).Select(kv => (kv.Key, kv.Value)).ToList());
                }

                File.Move(temporary, file, overwrite: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }

        private void Write(BinaryWriter writer, List<(Guid Key, T Value)> records)
        {
            foreach (var (key, value) in records)
            {
                writer.Write(key.ToByteArray());
                write(writer, value);
            }
        }
    }
}
