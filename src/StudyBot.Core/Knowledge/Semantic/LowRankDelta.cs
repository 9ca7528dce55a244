using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Google.Protobuf;
using Onnx;

namespace StudyBot.Core.Knowledge.Semantic;

/// <summary>
/// A low-rank change to a BERT model's weight matrices (LoRA: W + scale · (B·A)ᵀ per matrix), fitted outside the
/// product on labelled chat questions and their cited lines (<c>tests/StudyBot.Eval/finetune</c>), and added to the
/// float ONNX model at load, before <see cref="Int8Weights"/> rounds it (<see cref="BertModelSpec.DeltaFile"/>). The
/// package's model stays as shipped; the change is a small file (a rank-r pair per matrix is r · (in + out) numbers,
/// not in · out). Measured in the sixty-ninth session and not shipped: the answers use the plain model
/// (docs/answers.md, "A chat-tuned sentence model").
/// <para>ONNX exports name the weight matrices by number; each is found by the bias its <c>MatMul</c>'s output is
/// added to (<c>encoder.layer.3.attention.self.query.bias</c>), the names the file uses.</para>
/// </summary>
internal static class LowRankDelta
{
    private static readonly byte[] Magic = "SBLORA01"u8.ToArray();

    /// <summary>One matrix's change: <paramref name="A"/> is rank × inputs, <paramref name="B"/> outputs × rank.</summary>
    internal sealed record Entry(string Name, int Rank, int Inputs, int Outputs, float Scale, float[] A, float[] B);

    public static IReadOnlyList<Entry> Read(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a low-rank delta file (its first bytes are not SBLORA01).");
        }

        var at = Magic.Length;
        var count = Int32();
        var entries = new List<Entry>(count);
        for (var e = 0; e < count; e++)
        {
            var nameLength = Int32();
            var name = Encoding.UTF8.GetString(Take(nameLength));
            var rank = Int32();
            var inputs = Int32();
            var outputs = Int32();
            var scale = BinaryPrimitives.ReadSingleLittleEndian(Take(4));
            entries.Add(new Entry(name, rank, inputs, outputs, scale, Halves(rank * inputs), Halves(outputs * rank)));
        }

        return at == bytes.Length ? entries : throw new InvalidDataException("The low-rank delta file has bytes after its last entry.");

        int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        ReadOnlySpan<byte> Take(int length)
        {
            if (length < 0 || at + length > bytes.Length)
            {
                throw new InvalidDataException("The low-rank delta file ends inside an entry.");
            }

            at += length;
            return bytes.AsSpan(at - length, length);
        }

        float[] Halves(int length)
        {
            var raw = MemoryMarshal.Cast<byte, Half>(Take(checked(length * 2)));
            var result = new float[length];
            for (var i = 0; i < length; i++)
            {
                result[i] = (float)raw[i];
            }

            return result;
        }
    }

    /// <summary>The float model with every entry's change added to the matrix whose product its bias follows.</summary>
    public static byte[] Apply(byte[] floatModel, IReadOnlyList<Entry> entries)
    {
        var model = ModelProto.Parser.ParseFrom(floatModel);
        var graph = model.Graph;
        var constants = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var addsOf = graph.Node.Where(n => n.OpType == "Add").SelectMany(n => n.Input.Select(i => (Input: i, Node: n)))
            .ToLookup(x => x.Input, x => x.Node, StringComparer.Ordinal);
        var weightOf = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node.Where(n => n.OpType == "MatMul" && n.Input.Count == 2 && constants.ContainsKey(n.Input[1])))
        {
            var bias = addsOf[node.Output[0]].SelectMany(add => add.Input).FirstOrDefault(i => constants.ContainsKey(i) && i.EndsWith(".bias", StringComparison.Ordinal));
            if (bias is not null)
            {
                weightOf[bias[..^".bias".Length]] = constants[node.Input[1]];
            }
        }

        foreach (var entry in entries)
        {
            if (!weightOf.TryGetValue(entry.Name, out var tensor) || tensor.Dims.Count != 2
                || tensor.Dims[0] != entry.Inputs || tensor.Dims[1] != entry.Outputs
                || tensor.DataType != (int)TensorProto.Types.DataType.Float)
            {
                throw new InvalidDataException($"The model has no {entry.Inputs}×{entry.Outputs} float matrix before '{entry.Name}.bias'.");
            }

            var weights = Int8Weights.FloatsOf(tensor);
            AddProduct(weights, entry);
            tensor.FloatData.Clear();
            tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(weights.AsSpan()));
        }

        return model.ToByteArray();
    }

    /// <summary>W[i, o] += scale · Σr A[r, i] · B[o, r], W stored inputs × outputs as ONNX's MatMul reads it.</summary>
    internal static void AddProduct(float[] weights, Entry entry)
    {
        var bt = new float[entry.Rank * entry.Outputs];
        for (var o = 0; o < entry.Outputs; o++)
        {
            for (var r = 0; r < entry.Rank; r++)
            {
                bt[r * entry.Outputs + o] = entry.B[o * entry.Rank + r] * entry.Scale;
            }
        }

        for (var i = 0; i < entry.Inputs; i++)
        {
            var row = weights.AsSpan(i * entry.Outputs, entry.Outputs);
            for (var r = 0; r < entry.Rank; r++)
            {
                var a = entry.A[r * entry.Inputs + i];
                if (a != 0)
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(bt.AsSpan(r * entry.Outputs, entry.Outputs), a, row, row);
                }
            }
        }
    }
}
