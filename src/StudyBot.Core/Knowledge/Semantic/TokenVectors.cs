using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    /// <remarks>This and the token match's other loops are compiled optimized at their first call
    /// (<see cref="MethodImplOptions.AggressiveOptimization"/>): the runtime recompiles a hot method only once no new
    /// method has been compiled for a while, which a server answering varied questions on two busy cores had not
    /// reached after 20 s of load (15 answers a second, a quarter of the CPU in these loops at tier 0), and at tier 0
    /// they run several times slower.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    /// (−1 for none): the very numbers <see cref="BestMatchesEveryRow"/> gives, at a fraction of its cost.</summary>
    /// <remarks>
    /// Most of a question's token match was exact dot products of rows that are nowhere near a question word's best
    /// one. Each row is first matched to every question word with fused multiply-adds across the widest vectors, two
    /// rows and four words at a time (cheap, but summed in another order, so off in the last bits); only the rows
    /// that might still be a word's best — within the two computations' rounding error of the best approximate value
    /// — are then computed exactly as <see cref="BestMatchesEveryRow"/> computes them: about one in thirty. A word's
    /// best row is always among those, so the maximum is the same float, and the signals and the answers do not move
    /// in their last bit.
    /// </remarks>
    public float[] BestMatches(float[] query) => BestMatches(query, CanPrune(Dimensions));

    /// <summary>Whether <see cref="BestMatches(float[])"/> can take its approximate pass: the processor has vector
    /// instructions, and the rows are whole vectors wide.</summary>
    internal static bool CanPrune(int dimensions) => Vector.IsHardwareAccelerated && dimensions % Vector<float>.Count == 0;

    /// <summary><see cref="BestMatches(float[])"/>, or without the approximate pass (tests compare the two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal float[] BestMatches(float[] query, bool prune)
    {
        var queryCount = query.Length / Dimensions;
        if (Count < 2 || queryCount == 0 || !prune)
        {
            return BestMatchesEveryRow(query);
        }

        var best = new float[queryCount];
        Array.Fill(best, -1f);
        var rows = ArrayPool<float>.Shared.Rent(Count * Dimensions);
        var approximate = ArrayPool<float>.Shared.Rent(Count * queryCount);
        var slack = ArrayPool<double>.Shared.Rent(queryCount);
        var floor = ArrayPool<double>.Shared.Rent(queryCount);
        try
        {
            for (var t = 0; t < Count; t++)
            {
                Read(t, rows.AsSpan(t * Dimensions, Dimensions));
            }

            ApproximateDots(rows, Count, query, queryCount, approximate);

            var rounding = RoundingBound(Dimensions);
            for (var q = 0; q < queryCount; q++)
            {
                // |approximate − exact| ≤ rounding × ‖row‖ × ‖query word‖ (Cauchy–Schwarz bounds Σ|rᵢqᵢ|); the norm is
                // taken a little large so its own rounding cannot shrink the bound.
                slack[q] = rounding * TensorPrimitives.Norm(query.AsSpan(q * Dimensions, Dimensions)) * 1.001;
                floor[q] = double.NegativeInfinity;
            }

            for (var t = 0; t < Count; t++)
            {
                var rowNorm = RowNormBound(t);
                for (var q = 0; q < queryCount; q++)
                {
                    floor[q] = Math.Max(floor[q], approximate[(t * queryCount) + q] - (slack[q] * rowNorm));
                }
            }

            var grouped = Dimensions % Vector<float>.Count == 0 ? queryCount - (queryCount % 4) : 0;
            for (var t = 0; t < Count; t++)
            {
                var rowNorm = RowNormBound(t);
                var row = rows.AsSpan(t * Dimensions, Dimensions);
                for (var q = 0; q < queryCount; q++)
                {
                    // Only a row whose exact value may reach the lowest exact value the best approximate row can have.
                    if (approximate[(t * queryCount) + q] + (slack[q] * rowNorm) >= floor[q])
                    {
                        var word = query.AsSpan(q * Dimensions, Dimensions);
                        best[q] = Math.Max(best[q], q < grouped ? LaneDot(row, word) : TensorPrimitives.Dot(word, row));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rows);
            ArrayPool<float>.Shared.Return(approximate);
            ArrayPool<double>.Shared.Return(slack);
            ArrayPool<double>.Shared.Return(floor);
        }

        return best;
    }

    /// <summary>Every row against every question word, exactly: four question words per pass over a row with
    /// <see cref="DotFour"/> (one sum per vector lane, the lanes added last), the rest with
    /// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>. <see cref="BestMatches(float[])"/> gives
    /// the same numbers; this is its reference and the path where it cannot prune.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal float[] BestMatchesEveryRow(float[] query)
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

    /// <summary>An upper bound of the relative rounding error between two float sums of the same
    /// <paramref name="dimensions"/> products in any order: each sum's error is at most γₖ·Σ|rᵢqᵢ| (Higham), k its
    /// longest chain of roundings: a product, one addition per term and the lanes' final additions, fewer than
    /// <paramref name="dimensions"/> + 2 × 16 + 1; two sums, twice that, and a factor for γₖ = ku/(1 − ku).</summary>
    internal static double RoundingBound(int dimensions) => 2 * (dimensions + 33) * Math.ScaleB(1.0, -24) * 1.01;

    /// <summary>An upper bound of token <paramref name="t"/>'s norm: no 8-bit value is more than 128 steps of its
    /// scale (127 once quantized; 128 bounds whatever a damaged cache file holds too).</summary>
    private double RowNormBound(int t) => 128.0 * _scales[t] * Math.Sqrt(Dimensions) * 1.001;

    /// <summary>The dot product of <paramref name="row"/> and <paramref name="query"/> with the arithmetic of one lane
    /// of <see cref="DotFour"/>: one running sum per vector lane, the lanes added by <see cref="Vector.Sum{T}(Vector{T})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float LaneDot(ReadOnlySpan<float> row, ReadOnlySpan<float> query)
    {
        Vector<float> sum = default;
        for (var i = 0; i < row.Length; i += Vector<float>.Count)
        {
            sum += new Vector<float>(row[i..]) * new Vector<float>(query[i..]);
        }

        return Vector.Sum(sum);
    }

    /// <summary>The approximate dot product of each of <paramref name="count"/> rows (one after another in
    /// <paramref name="rows"/>) with each of <paramref name="queryCount"/> question words, into
    /// <paramref name="dots"/> (row by row): fused multiply-adds, two rows and four words at a time, so eight
    /// independent sums keep the multiply-add units busy and each load serves four or two of them.</summary>
    /// <remarks>Not compiled at its first call as the other loops here are: so compiled, it made the pruned match no
    /// faster than the exhaustive one (1.16 against 1.09 ms a question, measured); the optimizing tier's code is a
    /// third faster than that.</remarks>
    private static void ApproximateDots(float[] rows, int count, float[] query, int queryCount, float[] dots)
    {
        var width = query.Length / queryCount;
        ref var r = ref MemoryMarshal.GetArrayDataReference(rows);
        ref var w = ref MemoryMarshal.GetArrayDataReference(query);
        for (var q = 0; q < queryCount; q += 4)
        {
            // A last group short of four words repeats its last one; a last row without a pair, itself.
            ref var w0 = ref Unsafe.Add(ref w, Math.Min(q, queryCount - 1) * width);
            ref var w1 = ref Unsafe.Add(ref w, Math.Min(q + 1, queryCount - 1) * width);
            ref var w2 = ref Unsafe.Add(ref w, Math.Min(q + 2, queryCount - 1) * width);
            ref var w3 = ref Unsafe.Add(ref w, Math.Min(q + 3, queryCount - 1) * width);
            for (var t = 0; t < count; t += 2)
            {
                var u = Math.Min(t + 1, count - 1);
                ref var x = ref Unsafe.Add(ref r, t * width);
                ref var y = ref Unsafe.Add(ref r, u * width);
                Vector<float> a0 = default, b0 = default, c0 = default, d0 = default;
                Vector<float> a1 = default, b1 = default, c1 = default, d1 = default;
                for (nuint i = 0; i < (nuint)width; i += (nuint)Vector<float>.Count)
                {
                    var xi = Vector.LoadUnsafe(ref x, i);
                    var yi = Vector.LoadUnsafe(ref y, i);
                    var v0 = Vector.LoadUnsafe(ref w0, i);
                    var v1 = Vector.LoadUnsafe(ref w1, i);
                    var v2 = Vector.LoadUnsafe(ref w2, i);
                    var v3 = Vector.LoadUnsafe(ref w3, i);
                    a0 = Vector.FusedMultiplyAdd(xi, v0, a0);
                    b0 = Vector.FusedMultiplyAdd(xi, v1, b0);
                    c0 = Vector.FusedMultiplyAdd(xi, v2, c0);
                    d0 = Vector.FusedMultiplyAdd(xi, v3, d0);
                    a1 = Vector.FusedMultiplyAdd(yi, v0, a1);
                    b1 = Vector.FusedMultiplyAdd(yi, v1, b1);
                    c1 = Vector.FusedMultiplyAdd(yi, v2, c1);
                    d1 = Vector.FusedMultiplyAdd(yi, v3, d1);
                }

                Store(dots, (u * queryCount) + q, queryCount - q, Sum4(Fold(a1), Fold(b1), Fold(c1), Fold(d1)));
                Store(dots, (t * queryCount) + q, queryCount - q, Sum4(Fold(a0), Fold(b0), Fold(c0), Fold(d0)));
            }
        }
    }

    /// <summary>A vector's lanes added into four (the width is a constant to the compiler: one branch is left).</summary>
    private static Vector128<float> Fold(Vector<float> v)
    {
        if (Vector<float>.Count == Vector512<float>.Count)
        {
            var half = v.AsVector512().GetLower() + v.AsVector512().GetUpper();
            return half.GetLower() + half.GetUpper();
        }

        return Vector<float>.Count == Vector256<float>.Count ? v.AsVector256().GetLower() + v.AsVector256().GetUpper()
            : Vector<float>.Count == Vector128<float>.Count ? v.AsVector128()
            : Vector128.CreateScalar(Vector.Sum(v));
    }

    /// <summary>The sums of the lanes of four vectors, as one vector: three horizontal additions instead of a
    /// shuffle-and-add tree for each.</summary>
    private static Vector128<float> Sum4(Vector128<float> a, Vector128<float> b, Vector128<float> c, Vector128<float> d) =>
        Sse3.IsSupported ? Sse3.HorizontalAdd(Sse3.HorizontalAdd(a, b), Sse3.HorizontalAdd(c, d))
        : Vector128.Create(Vector128.Sum(a), Vector128.Sum(b), Vector128.Sum(c), Vector128.Sum(d));

    /// <summary>Up to four sums (<paramref name="left"/> of them are wanted) at <paramref name="at"/>.</summary>
    private static void Store(float[] dots, int at, int left, Vector128<float> sums)
    {
        if (left >= 4)
        {
            sums.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(dots), (nuint)at);
            return;
        }

        for (var k = 0; k < left; k++)
        {
            dots[at + k] = sums.GetElement(k);
        }
    }

    /// <summary>The dot products of <paramref name="row"/> with the four rows of <paramref name="four"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
