using System.Runtime.InteropServices;
using System.Text;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Tests.Knowledge.Answering;

public sealed class LowRankDeltaTests
{
    [Fact]
    public void AddProduct_AddsScaleTimesTheTransposedProductOfBAndA()
    {
        // W is 2 inputs × 3 outputs; A is rank 1 × 2 inputs, B 3 outputs × rank 1: ΔW[i, o] = scale · A[0, i] · B[o, 0].
        float[] weights = [1, 2, 3, 4, 5, 6];
        var entry = new LowRankDelta.Entry("m", Rank: 1, Inputs: 2, Outputs: 3, Scale: 2f, A: [1f, -1f], B: [0.5f, 1f, 0f]);

        LowRankDelta.AddProduct(weights, entry);

        Assert.Equal([2f, 4f, 3f, 3f, 3f, 6f], weights);
    }

    [Fact]
    public void Apply_FindsTheMatrixByTheBiasItsProductIsAddedTo_AndOnnxRuntimeRunsTheChangedModel()
    {
        var model = TinyLinear();
        var entry = new LowRankDelta.Entry("layer.dense", Rank: 1, Inputs: 2, Outputs: 2, Scale: 1f, A: [1f, 0f], B: [0f, 3f]);

        var changed = LowRankDelta.Apply(model, [entry]);

        // Y = X · (W + ΔW) + b with W = I, ΔW[0, 1] = 3, b = (0.5, 0.5): X = (1, 2) gives (1.5, 5.5).
        Assert.Equal([1.5f, 5.5f], TinyOnnx.Run(changed, [1f, 2f]));
        Assert.Equal([1.5f, 2.5f], TinyOnnx.Run(model, [1f, 2f]));
    }

    [Fact]
    public void Apply_NoMatrixBeforeTheNamedBias_IsAClearError()
    {
        var entry = new LowRankDelta.Entry("layer.other", Rank: 1, Inputs: 2, Outputs: 2, Scale: 1f, A: [1f, 0f], B: [0f, 3f]);

        var error = Assert.Throws<InvalidDataException>(() => LowRankDelta.Apply(TinyLinear(), [entry]));

        Assert.Contains("layer.other.bias", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrittenEntries_ComeBackAsHalfPrecisionNumbers()
    {
        var bytes = Write(("encoder.layer.0.attention.self.query", 1, 2, 3, 0.5f, [0.25f, -1f], [1f, 2f, 3f]));

        var entry = Assert.Single(LowRankDelta.Read(bytes));

        Assert.Equal("encoder.layer.0.attention.self.query", entry.Name);
        Assert.Equal((1, 2, 3, 0.5f), (entry.Rank, entry.Inputs, entry.Outputs, entry.Scale));
        Assert.Equal([0.25f, -1f], entry.A);
        Assert.Equal([1f, 2f, 3f], entry.B);
    }

    [Fact]
    public void Read_DamagedFile_IsAClearError()
    {
        var bytes = Write(("m", 1, 2, 3, 1f, [1f, 1f], [1f, 1f, 1f]));

        Assert.Throws<InvalidDataException>(() => LowRankDelta.Read(bytes[..^1]));
        Assert.Throws<InvalidDataException>(() => LowRankDelta.Read([.. bytes, 0]));
        Assert.Throws<InvalidDataException>(() => LowRankDelta.Read("NOTLORA!\0\0\0\0"u8.ToArray()));
    }

    private static byte[] Write(params (string Name, int Rank, int Inputs, int Outputs, float Scale, float[] A, float[] B)[] entries)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("SBLORA01"u8);
        writer.Write(entries.Length);
        foreach (var (name, rank, inputs, outputs, scale, a, b) in entries)
        {
            var bytes = Encoding.UTF8.GetBytes(name);
            writer.Write(bytes.Length);
            writer.Write(bytes);
            writer.Write(rank);
            writer.Write(inputs);
            writer.Write(outputs);
            writer.Write(scale);
            foreach (var value in a.Concat(b))
            {
                writer.Write((Half)value);
            }
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>Y = X · W + b for X of shape [1, 2], W the identity, b = (0.5, 0.5), as an exported BERT's dense layers
    /// are written: a numbered matrix and a named bias.</summary>
    private static byte[] TinyLinear()
    {
        var graph = new GraphProto { Name = "tiny" };
        graph.Initializer.Add(TinyOnnx.Floats("917", [1f, 0f, 0f, 1f], 2, 2));
        graph.Initializer.Add(TinyOnnx.Floats("layer.dense.bias", [0.5f, 0.5f], 2));
        var matMul = new NodeProto { OpType = "MatMul", Name = "mm" };
        matMul.Input.Add(["X", "917"]);
        matMul.Output.Add("XW");
        var add = new NodeProto { OpType = "Add", Name = "add" };
        add.Input.Add(["layer.dense.bias", "XW"]);
        add.Output.Add("Y");
        graph.Node.Add([matMul, add]);
        return TinyOnnx.Model(graph, inputs: 2, outputs: 2);
    }
}
