using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>
/// Passage vectors on disk, keyed by the model id and a hash of the embedded text, so a restart embeds nothing and a
/// reload embeds only new or changed passages. One file per model; rewritten without stale vectors when they
/// outnumber the live ones. Not shared between processes writing at once (one bot per data folder).
/// </summary>
public sealed class EmbeddingCache
{
    /// <summary>Texts embedded between two appends: bounds the memory an embedding pass holds besides the result.</summary>
    private const int Chunk = 256;

    private const int Magic = 0x53425645; // "SBVE"

    private readonly string? _file;
    private readonly int _dimensions;
    private readonly Lock _lock = new();

    /// <param name="folder">Where the file lives; null keeps nothing on disk.</param>
    public EmbeddingCache(string? folder, string modelId, int dimensions)
    {
        _dimensions = dimensions;
        if (folder is not null)
        {
            var name = new string(modelId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
            _file = Path.Combine(folder, name + ".vec");
        }
    }

    /// <summary>How many texts the last call had to embed (the rest came from disk).</summary>
    public int LastEmbedded { get; private set; }

    /// <summary>The vector of each text, from disk where it was embedded before, else embedded now and saved.</summary>
    public float[][] GetOrEmbed(IReadOnlyList<string> texts, ITextEmbedder embedder, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var known = Read();
            var keys = texts.Select(Key).ToArray();
            var result = new float[texts.Count][];
            var missing = new List<int>();
            for (var i = 0; i < texts.Count; i++)
            {
                if (known.TryGetValue(keys[i], out var vector))
                {
                    result[i] = vector;
                }
                else
                {
                    missing.Add(i);
                }
            }

            // The same new text twice is embedded once.
            var distinct = missing.DistinctBy(i => keys[i]).ToList();
            for (var start = 0; start < distinct.Count; start += Chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = distinct.Skip(start).Take(Chunk).ToList();
                var vectors = embedder.Embed(chunk.Select(i => texts[i]).ToList());
                var added = new List<(Guid, float[])>(chunk.Count);
                for (var j = 0; j < chunk.Count; j++)
                {
                    known[keys[chunk[j]]] = vectors[j];
                    added.Add((keys[chunk[j]], vectors[j]));
                }

                Append(added);
            }

            foreach (var i in missing)
            {
                result[i] = known[keys[i]];
            }

            LastEmbedded = distinct.Count;
            var live = keys.ToHashSet();
            if (known.Count > 2 * live.Count + Chunk)
            {
                Rewrite(known.Where(kv => live.Contains(kv.Key)).Select(kv => (kv.Key, kv.Value)).ToList());
            }

            return result;
        }
    }

    internal static Guid Key(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private Dictionary<Guid, float[]> Read()
    {
        var known = new Dictionary<Guid, float[]>();
        if (_file is null || !File.Exists(_file))
        {
            return known;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(_file));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != _dimensions)
            {
                return known;
            }

            var record = 16 + (4 * _dimensions);
            while (reader.BaseStream.Length - reader.BaseStream.Position >= record)
            {
                var key = new Guid(reader.ReadBytes(16));
                var vector = new float[_dimensions];
                for (var d = 0; d < _dimensions; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                known[key] = vector;
            }
        }
        catch (IOException)
        {
            // A damaged cache costs a re-embedding, never an answer.
            known.Clear();
        }
        catch (UnauthorizedAccessException)
        {
            known.Clear();
        }

        return known;
    }

    private void Append(List<(Guid Key, float[] Vector)> records)
    {
        if (_file is null || records.Count == 0)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            var fresh = !File.Exists(_file);
            using var writer = new BinaryWriter(new FileStream(_file, FileMode.Append, FileAccess.Write, FileShare.Read));
            if (fresh)
            {
                writer.Write(Magic);
                writer.Write(_dimensions);
            }

            Write(writer, records);
        }
        catch (IOException)
        {
            // A full or read-only disk only means the next start embeds again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Rewrite(List<(Guid Key, float[] Vector)> records)
    {
        if (_file is null)
        {
            return;
        }

        var temporary = _file + ".tmp";
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(Magic);
                writer.Write(_dimensions);
                Write(writer, records);
            }

            File.Move(temporary, _file, overwrite: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Write(BinaryWriter writer, List<(Guid Key, float[] Vector)> records)
    {
        foreach (var (key, vector) in records)
        {
            writer.Write(key.ToByteArray());
            foreach (var value in vector)
            {
                writer.Write(value);
            }
        }
    }
}
