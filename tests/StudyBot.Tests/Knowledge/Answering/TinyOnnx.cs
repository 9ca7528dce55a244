using System.Runtime.InteropServices;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace StudyBot.Tests.Knowledge.Answering;

/// <summary>One-node ONNX graphs for the tests of what StudyBot does to the sentence model's weights at load
/// (<c>Int8Weights</c>, <c>LowRankDelta</c>): a float tensor, a [1, width] input or output, and one run.</summary>
internal static class TinyOnnx
{
    public static TensorProto Floats(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.Add(dims);
        return tensor;
    }

    public static ValueInfoProto Value(string name, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1 });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    /// <summary>The graph <paramref name="graph"/> as a model of opset 17, with input X and output Y.</summary>
    public static byte[] Model(GraphProto graph, int inputs, int outputs)
    {
        graph.Input.Add(Value("X", inputs));
        graph.Output.Add(Value("Y", outputs));
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        return model.ToByteArray();
    }

    /// <summary>Y for X = <paramref name="x"/>, of shape [1, x.Length].</summary>
    public static float[] Run(byte[] model, float[] x)
    {
        using var session = new InferenceSession(model);
        using var input = OrtValue.CreateTensorValueFromMemory(x, [1, x.Length]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new Dictionary<string, OrtValue> { ["X"] = input }, ["Y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
