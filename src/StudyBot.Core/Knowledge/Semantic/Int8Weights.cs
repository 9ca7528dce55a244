using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>
/// Rewrites a float ONNX model so its weight matrices are 8-bit integers (ONNX Runtime's dynamic quantization, as its
/// Python <c>quantize_dynamic</c> does, done here at load because only the float model ships): every <c>MatMul</c>
/// whose second input is a constant becomes a <c>com.microsoft.DynamicQuantizeMatMul</c> over int8 weights with one
/// scale per output column, and the activations are quantized per call. On two cores a question's embedding takes
/// about 40 % of the time of the float model, and the vectors stay within 0.99 cosine of the float ones; the word
/// embeddings table, layer norms and attention products stay float.
/// </summary>
internal static class Int8Weights
{
    /// <summary>Symmetric, zero exactly zero, in 7 bits (±63) rather than 8: on a CPU without VNNI (AVX2 alone, as on
    /// many AMD EPYC hosts) ONNX Runtime multiplies the 8-bit activations and weights with <c>vpmaddubsw</c>, which
    /// adds two products into 16 bits and saturates when both are large (255 · 127 · 2 &gt; 32767): on such a host a
    /// 4×3 product came out 2.30 instead of 2.85. With 7-bit weights two products stay under 32767 on every CPU; this
    /// is ONNX Runtime's own <c>reduce_range</c> advice for such hosts. Per-column scales keep the precision lost small
    /// (the MiniLM vectors stay within 0.98 cosine of the float ones, tested).</summary>
    internal const int Levels = 63;

    private const string MicrosoftDomain = "com.microsoft";

    /// <summary>Part of the cached file's name: a change to how weights are stored must not read an older file.</summary>
    internal const int Version = 2;

    /// <summary>
    /// The 8-bit model as an ONNX Runtime session. Reading the float graph and writing the new one takes about as
    /// long as the session itself and holds both in memory, so the result is kept in <paramref name="cacheFolder"/>
    /// (beside the passages' vectors), named by the float model's hash: a restart loads it directly. A cached file
    /// that does not load is made again.
    /// </summary>
    public static T LoadOrQuantize<T>(byte[] floatModel, string? cacheFolder, Func<byte[], T> open) =>
        LoadOrQuantize(SHA256.HashData(floatModel), () => floatModel, cacheFolder, open);

    /// <summary><see cref="LoadOrQuantize{T}(byte[], string?, Func{byte[], T})"/> for a float model that is costly to
    /// make (a base model with a change added, <see cref="LowRankDelta"/>), named by <paramref name="hash"/> (of what
    /// it is made from): made only when no cached file has that name.</summary>
    public static T LoadOrQuantize<T>(byte[] hash, Func<byte[]> floatModel, string? cacheFolder, Func<byte[], T> open)
    {
        if (cacheFolder is null)
        {
            return open(Quantize(floatModel()));
        }

        var name = Convert.ToHexString(hash.AsSpan(0, 8)).ToLowerInvariant();
        var path = Path.Combine(cacheFolder, string.Create(CultureInfo.InvariantCulture, $"model-{name}-int8-v{Version}.onnx"));
        if (File.Exists(path))
        {
            try
            {
                return open(File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is OnnxRuntimeException or IOException or UnauthorizedAccessException)
            {
                // Damaged or unreadable: made again below.
            }
        }

        var quantized = Quantize(floatModel());
        var session = open(quantized);
        TryKeep(path, quantized);
        return session;
    }

    /// <summary>Writes the file whole or not at all (a temp file renamed into place); a folder that cannot be written
    /// only costs the next start the time to make it again.</summary>
    private static void TryKeep(string path, byte[] bytes)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the temp file's name cannot be mistaken for the model's.
            }
        }
    }

    public static byte[] Quantize(byte[] floatModel)
    {
        var model = ModelProto.Parser.ParseFrom(floatModel);
        var graph = model.Graph;
        var constants = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var uses = graph.Node.SelectMany(n => n.Input).GroupBy(i => i, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var nodes = graph.Node.ToList();
        graph.Node.Clear();
        foreach (var node in nodes)
        {
            if (node.OpType != "MatMul" || node.Domain.Length > 0 || node.Input.Count != 2
                || !constants.TryGetValue(node.Input[1], out var weights)
                || weights.DataType != (int)TensorProto.Types.DataType.Float || weights.Dims.Count != 2)
            {
                graph.Node.Add(node);
                continue;
            }

            var (quantized, scales) = QuantizeColumns(FloatsOf(weights), (int)weights.Dims[0], (int)weights.Dims[1]);
            var name = weights.Name;
            graph.Initializer.Add(Tensor(name + "_int8", TensorProto.Types.DataType.Int8, quantized, weights.Dims[0], weights.Dims[1]));
            graph.Initializer.Add(Tensor(name + "_scale", TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(scales.AsSpan()).ToArray(), scales.Length));
            graph.Initializer.Add(Tensor(name + "_zero", TensorProto.Types.DataType.Int8, new byte[scales.Length], scales.Length));
            var replaced = new NodeProto { OpType = "DynamicQuantizeMatMul", Domain = MicrosoftDomain, Name = node.Name + "_int8" };
            replaced.Input.Add(node.Input[0]);
            replaced.Input.Add(name + "_int8");
            replaced.Input.Add(name + "_scale");
            replaced.Input.Add(name + "_zero");
            replaced.Output.AddRange(node.Output);
            graph.Node.Add(replaced);
            if (--uses[name] == 0)
            {
                graph.Initializer.Remove(weights);
            }
        }

        if (!model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }

        return model.ToByteArray();
    }

    /// <summary>One scale per output column (the largest magnitude maps to ±<see cref="Levels"/>), so a column of small weights keeps
    /// its precision beside a column of large ones.</summary>
    internal static (byte[] Quantized, float[] Scales) QuantizeColumns(float[] weights, int rows, int columns)
    {
        var quantized = new byte[rows * columns];
        var scales = new float[columns];
        var inverse = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            var row = weights.AsSpan(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                scales[c] = Math.Max(scales[c], Math.Abs(row[c]));
            }
        }

        for (var c = 0; c < columns; c++)
        {
            scales[c] = scales[c] == 0 ? 1f : scales[c] / Levels;
            inverse[c] = 1f / scales[c];
        }

        for (var r = 0; r < rows; r++)
        {
            var row = weights.AsSpan(r * columns, columns);
            var target = quantized.AsSpan(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                target[c] = unchecked((byte)(sbyte)Math.Clamp(MathF.Round(row[c] * inverse[c]), -Levels, Levels));
            }
        }

        return (quantized, scales);
    }

    /// <summary>A float tensor's values, stored as raw bytes or as a list (ONNX allows both).</summary>
    internal static float[] FloatsOf(TensorProto tensor) =>
        tensor.FloatData.Count > 0 ? [.. tensor.FloatData] : MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, byte[] raw, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
