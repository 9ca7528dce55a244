using System.Numerics;
using System.Numerics.Tensors;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>
/// The contextual vector of each word piece of a text, as the sentence model computes them before it averages them
/// into the text's one vector: kept so a question's words can each be matched to their best word in a passage
/// (ColBERT's "MaxSim"). The pooled vector blurs a passage's words together; measured on held-out corpora, the best
/// match of the question's worst-matched words parts the line that answers from its neighbours where the pooled
/// cosine does not (docs/answers.md). Each vector is stored in 8 bits with its own scale, a quarter of the floats'
/// memory; the dot products it gives differ from the floats' in the third decimal.
/// </summary>
public sealed class TokenVectors
{
    private readonly sbyte[] _values;
    private readonly int _start;
    private readonly float[] _scales;

    /// <param name="start">Where this text's values begin in <paramref name="values"/> (read from disk, many texts
    /// share one block, see <see cref="Arena"/>).</param>
    private TokenVectors(int dimensions, sbyte[] values, float[] scales, int start = 0)
    {
        Dimensions = dimensions;
        _values = values;
        _start = start;
        _scales = scales;
    }

    public int Dimensions { get; }

    public int Count => _scales.Length;

    /// <summary>Quantizes <paramref name="rows"/> (each <paramref name="dimensions"/> long), each made unit length first.</summary>
    public static TokenVectors Quantize(ReadOnlySpan<float> rows, int dimensions)
    {
        var count = rows.Length / dimensions;
        var values = new sbyte[count * dimensions];
        var scales = new float[count];
        Span<float> unit = stackalloc float[dimensions];
        for (var t = 0; t < count; t++)
        {
            var row = rows.Slice(t * dimensions, dimensions);
            var norm = TensorPrimitives.Norm(row);
            if (norm == 0)
            {
                continue;
            }

            TensorPrimitives.Divide(row, norm, unit);
            var largest = TensorPrimitives.MaxMagnitude(unit);
            var scale = Math.Abs(largest) / 127f;
            scales[t] = scale;
            for (var d = 0; d < dimensions; d++)
            {
                values[(t * dimensions) + d] = (sbyte)Math.Clamp(MathF.Round(unit[d] / scale), -127, 127);
            }
        }

        return new TokenVectors(dimensions, values, scales);
    }

    /// <summary>Token <paramref name="t"/>'s unit vector, written into <paramref name="into"/>.</summary>
    public void Read(int t, Span<float> into)
    {
        var values = _values.AsSpan(_start + (t * Dimensions), Dimensions);
        var scale = _scales[t];
        var d = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Widened a vector at a time: a question reads some thousands of these rows, and converting them one
            // value at a time was most of the token match's cost.
            var step = Vector<sbyte>.Count;
            var width = Vector<int>.Count;
            for (; d + step <= Dimensions; d += step)
            {
                Vector.Widen(new Vector<sbyte>(values[d..]), out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var e);
                (Vector.ConvertToSingle(a) * scale).CopyTo(into[d..]);
                (Vector.ConvertToSingle(b) * scale).CopyTo(into[(d + width)..]);
                (Vector.ConvertToSingle(c) * scale).CopyTo(into[(d + (2 * width))..]);
                (Vector.ConvertToSingle(e) * scale).CopyTo(into[(d + (3 * width))..]);
            }
        }

        for (; d < Dimensions; d++)
        {
            into[d] = values[d] * scale;
        }
    }

    /// <summary>Every token's unit vector, one after another.</summary>
    public float[] ReadAll()
    {
        var all = new float[Count * Dimensions];
        for (var t = 0; t < Count; t++)
        {
            Read(t, all.AsSpan(t * Dimensions, Dimensions));
        }

        return all;
    }

    /// <summary>For each of <paramref name="query"/>'s tokens, the cosine of its best match among this text's tokens
    /// (−1 for none).</summary>
    public float[] BestMatches(float[] query)
    {
        var queryCount = query.Length / Dimensions;
        var best = new float[queryCount];
        Array.Fill(best, -1f);
        Span<float> row = stackalloc float[Dimensions];
        Span<float> dots = stackalloc float[4];
        for (var t = 0; t < Count; t++)
        {
            Read(t, row);
            var q = 0;
            if (Dimensions % Vector<float>.Count == 0)
            {
                // Four question tokens per pass over the row: the row is loaded once for four dot products, and the
                // per-call overhead of a 384-wide dot product, about as large as its arithmetic, is paid once.
                for (; q + 4 <= queryCount; q += 4)
                {
                    DotFour(row, query.AsSpan(q * Dimensions, 4 * Dimensions), dots);
                    for (var k = 0; k < 4; k++)
                    {
                        best[q + k] = Math.Max(best[q + k], dots[k]);
                    }
                }
            }

            for (; q < queryCount; q++)
            {
                best[q] = Math.Max(best[q], TensorPrimitives.Dot(query.AsSpan(q * Dimensions, Dimensions), row));
            }
        }

        return best;
    }

    /// <summary>The dot products of <paramref name="row"/> with the four rows of <paramref name="four"/>.</summary>
    private static void DotFour(ReadOnlySpan<float> row, ReadOnlySpan<float> four, Span<float> dots)
    {
        var width = row.Length;
        Vector<float> a = default, b = default, c = default, d = default;
        for (var i = 0; i < width; i += Vector<float>.Count)
        {
            var r = new Vector<float>(row[i..]);
            a += r * new Vector<float>(four[i..]);
            b += r * new Vector<float>(four[(width + i)..]);
            c += r * new Vector<float>(four[((2 * width) + i)..]);
            d += r * new Vector<float>(four[((3 * width) + i)..]);
        }

        dots[0] = Vector.Sum(a);
        dots[1] = Vector.Sum(b);
        dots[2] = Vector.Sum(c);
        dots[3] = Vector.Sum(d);
    }

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(Count);
        foreach (var scale in _scales)
        {
            writer.Write(scale);
        }

        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_values.AsSpan(_start, Count * Dimensions)));
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote; throws <see cref="InvalidDataException"/> on a count no text
    /// of the model's length could have.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static TokenVectors ReadFrom(BinaryReader reader, int dimensions, int maxCount, Arena? arena = null)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > maxCount)
        {
            throw new InvalidDataException($"A token count of {count} is out of range.");
        }

        var scales = EmbeddingCache.ReadFloats(reader, count);

        var (block, start) = arena?.Take(count * dimensions) ?? (GC.AllocateUninitializedArray<sbyte>(count * dimensions), 0);
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(block.AsSpan(start, count * dimensions)));
        return new TokenVectors(dimensions, block, scales, start);
    }

    /// <summary>
    /// Hands out room for texts' values from blocks of a few megabytes: read from disk one array each, the ~100 MB of
    /// 1 MB of notes were some 9,000 small arrays that the garbage collector copied from generation to generation
    /// (a third of a second at start-up); blocks this large are allocated once, where they stay.
    /// </summary>
    public sealed class Arena
    {
        /// <summary>Large enough to hold hundreds of texts, small enough that the room left at each block's end is
        /// little.</summary>
        private const int BlockSize = 8 << 20;

        private sbyte[] _block = [];
        private int _used;

        public (sbyte[] Block, int Start) Take(int length)
        {
            if (length > BlockSize)
            {
                return (GC.AllocateUninitializedArray<sbyte>(length), 0);
            }

            if (_used + length > _block.Length)
            {
                _block = GC.AllocateUninitializedArray<sbyte>(BlockSize);
                _used = 0;
            }

            var start = _used;
            _used += length;
            return (_block, start);
        }
    }
}
