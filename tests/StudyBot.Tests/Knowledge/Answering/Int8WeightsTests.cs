using System.Runtime.InteropServices;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using StudyBot.Core.Knowledge.Semantic;
using StudyBot.TestKit;

namespace StudyBot.Tests.Knowledge.Answering;

public sealed class Int8WeightsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Quantize_MatMulOverConstantWeights_RunsInOnnxRuntimeCloseToTheFloatProduct()
    {
        var (model, weights) = TinyMatMul();
        float[] x = [0.5f, -1f, 2f, 0.25f];

        var quantized = Int8Weights.Quantize(model);

        var expected = Enumerable.Range(0, 3).Select(c => Enumerable.Range(0, 4).Sum(r => x[r] * weights[(r * 3) + c])).ToArray();
        var actual = TinyOnnx.Run(quantized, x);
        Assert.Contains("DynamicQuantizeMatMul", ModelProto.Parser.ParseFrom(quantized).Graph.Node.Select(n => n.OpType));
        for (var c = 0; c < 3; c++)
        {
            Assert.InRange(actual[c], expected[c] - 0.05f, expected[c] + 0.05f);
        }
    }

    [Fact]
    public void LoadOrQuantize_SecondLoad_OpensTheKeptFile()
    {
        var (model, _) = TinyMatMul();

        var first = Int8Weights.LoadOrQuantize(model, _folder.Path, bytes => bytes);
        var kept = Assert.Single(Directory.GetFiles(_folder.Path));
        var second = Int8Weights.LoadOrQuantize(model, _folder.Path, bytes => bytes);

        Assert.EndsWith($"-int8-v{Int8Weights.Version}.onnx", kept, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllBytes(kept));
        Assert.Equal(first, second);
    }

    [Fact]
    public void LoadOrQuantize_DamagedKeptFile_IsMadeAgain()
    {
        var (model, _) = TinyMatMul();
        Int8Weights.LoadOrQuantize(model, _folder.Path, bytes => bytes);
        var kept = Assert.Single(Directory.GetFiles(_folder.Path));
        File.WriteAllBytes(kept, [1, 2, 3]);

        var output = Int8Weights.LoadOrQuantize(model, _folder.Path, bytes => TinyOnnx.Run(bytes, [1f, 0f, 0f, 0f]));

        Assert.Equal(3, output.Length);
        Assert.NotEqual(3, new FileInfo(kept).Length);
    }

    /// <summary>Y = X · W for X of shape [1, 4] and a constant W of shape [4, 3].</summary>
    private static (byte[] Model, float[] Weights) TinyMatMul()
    {
        float[] weights = [0.1f, -0.2f, 0.3f, 0.4f, 0.5f, -0.6f, -0.7f, 0.8f, 0.9f, 1.0f, -1.1f, 1.2f];
        var node = new NodeProto { OpType = "MatMul", Name = "mm" };
        node.Input.Add(["X", "W"]);
        node.Output.Add("Y");
        var graph = new GraphProto { Name = "tiny" };
        graph.Node.Add(node);
        graph.Initializer.Add(TinyOnnx.Floats("W", weights, 4, 3));
        return (TinyOnnx.Model(graph, inputs: 4, outputs: 3), weights);
    }

    [Fact]
    public void QuantizeColumns_EachColumnItsOwnScale_LargestMagnitudeIsTheTopLevel()
    {
        // 2 rows × 3 columns, row-major: a column of large weights, one of small ones, one of zeros.
        float[] weights = [10f, 0.005f, 0f, -4f, -0.02f, 0f];

        var (quantized, scales) = Int8Weights.QuantizeColumns(weights, rows: 2, columns: 3);

        Assert.Equal(10f / 63, scales[0], 6);
        Assert.Equal(0.02f / 63, scales[1], 6);
        Assert.Equal(1f, scales[2]);
        var levels = quantized.Select(b => (int)unchecked((sbyte)b)).ToArray();
        Assert.Equal([63, 16, 0, -25, -63, 0], levels);
    }

    [Fact]
    public void QuantizeColumns_EveryWeightWithinHalfAStep()
    {
        var random = new Random(7);
        var weights = Enumerable.Range(0, 64 * 48).Select(_ => (float)(random.NextDouble() - 0.5) * 3).ToArray();

        var (quantized, scales) = Int8Weights.QuantizeColumns(weights, rows: 64, columns: 48);

        for (var i = 0; i < weights.Length; i++)
        {
            var scale = scales[i % 48];
            Assert.InRange(Math.Abs((unchecked((sbyte)quantized[i]) * scale) - weights[i]), 0, (scale / 2) + 1e-6);
        }
    }

    [Fact]
    public void MiniLm_Int8Weights_GiveTheFloatModelsVectorsWithinRounding()
    {
        using var int8 = BertEmbedder.Load(BertModelSpec.MiniLm);
        using var float32 = BertEmbedder.Load(BertModelSpec.MiniLm with { Int8 = false });
        string[] texts = ["Is EBS encrypted by default?", "EBS Encryption: by default it is not encrypted", "Which port does HTTPS use?"];

        var a = int8.Embed(texts);
        var b = float32.Embed(texts);

        Assert.EndsWith($"/int8v{Int8Weights.Version}", int8.ModelId, StringComparison.Ordinal);
        Assert.NotEqual(int8.ModelId, float32.ModelId); // vectors cached for one are never read for the other
        for (var i = 0; i < texts.Length; i++)
        {
            var cosine = a[i].Zip(b[i]).Sum(p => p.First * p.Second);
            Assert.True(cosine > 0.98, $"{texts[i]}: cosine {cosine}");
        }
    }
}
