using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Tests.Knowledge.Answering;

public sealed class Int8WeightsTests
{
    [Fact]
    public void QuantizeColumns_EachColumnItsOwnScale_LargestMagnitudeIsFullRange()
    {
        // 2 rows × 3 columns, row-major: a column of large weights, one of small ones, one of zeros.
        float[] weights = [10f, 0.01f, 0f, -5f, -0.02f, 0f];

        var (quantized, scales) = Int8Weights.QuantizeColumns(weights, rows: 2, columns: 3);

        Assert.Equal(10f / 127, scales[0], 6);
        Assert.Equal(0.02f / 127, scales[1], 6);
        Assert.Equal(1f, scales[2]);
        var levels = quantized.Select(b => (int)unchecked((sbyte)b)).ToArray();
        Assert.Equal([127, 64, 0, -64, -127, 0], levels);
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

        Assert.EndsWith("/int8", int8.ModelId, StringComparison.Ordinal);
        Assert.NotEqual(int8.ModelId, float32.ModelId); // vectors cached for one are never read for the other
        for (var i = 0; i < texts.Length; i++)
        {
            var cosine = a[i].Zip(b[i]).Sum(p => p.First * p.Second);
            Assert.True(cosine > 0.98, $"{texts[i]}: cosine {cosine}");
        }
    }
}
