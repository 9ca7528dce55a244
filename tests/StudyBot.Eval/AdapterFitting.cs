using System.Numerics.Tensors;
using StudyBot.Core.Knowledge.Answering;

namespace StudyBot.Eval;

/// <summary>Fits the question adapter (<see cref="AnswerModel.QuestionAdapter"/>): q' = q + U (Vᵀ q), scored by
/// q'·p against a question's candidates with a softmax loss on the cited ones and an L2 pull of U and V toward zero
/// (the identity map), full-batch Adam.</summary>
internal static class AdapterFitting
{
    /// <summary>One question: its embedding, the vectors of its candidates and which are cited.</summary>
    public sealed record Group(float[] Question, float[][] Passages, bool[] Cited);

    public sealed record Settings(int Rank, float L2, int Steps, float Temperature, float Rate)
    {
        /// <summary>The settings the shipped adapter is fitted with: rank 32, L2 0.001, 120 steps, temperature 20 (cosines
        /// of 0.2–0.7 become logits that separate), rate 0.01. Chosen on the leave-one-corpus-out run among rank 8 / 16 / 32
        /// and L2 0.001 / 0.01 (docs/answers.md).</summary>
        public static readonly Settings Shipped = new(32, 0.001f, 120, 20, 0.01f);

        /// <summary>From EVAL_ADAPTER (rank[,l2[,steps[,temperature[,rate]]]]) to try others; rank 0 turns the adapter off.</summary>
        public static Settings FromEnvironment()
        {
            if (Environment.GetEnvironmentVariable("EVAL_ADAPTER") is not { Length: > 0 } value)
            {
                return Shipped;
            }

            var parts = value.Split(',');
            float At(int i, float fallback) => parts.Length > i ? float.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
            return new Settings((int)At(0, Shipped.Rank), At(1, Shipped.L2), (int)At(2, Shipped.Steps), At(3, Shipped.Temperature), At(4, Shipped.Rate));
        }
    }

    public static AnswerModel.QuestionAdapter? Fit(IReadOnlyList<Group> groups, Settings settings)
    {
        if (settings.Rank <= 0 || groups.Count == 0)
        {
            return null;
        }

        var dims = groups[0].Question.Length;
        var rank = settings.Rank;
        var size = dims * rank;
        var u = new float[size];
        var v = new float[size];
        var random = new Random(17);
        for (var i = 0; i < size; i++)
        {
            v[i] = (float)((random.NextDouble() - 0.5) * 0.02);
        }

        var gu = new float[size];
        var gv = new float[size];
        var adamU = new Fitting.Adam(size, settings.Rate);
        var adamV = new Fitting.Adam(size, settings.Rate);
        var t = new float[rank];
        var adapted = new float[dims];
        var g = new float[dims];
        var tau = settings.Temperature;
        for (var step = 0; step < settings.Steps; step++)
        {
            Array.Clear(gu);
            Array.Clear(gv);
            foreach (var group in groups)
            {
                var q = group.Question;
                q.CopyTo(adapted, 0);
                for (var r = 0; r < rank; r++)
                {
                    t[r] = TensorPrimitives.Dot(v.AsSpan(r * dims, dims), q);
                    TensorPrimitives.MultiplyAdd(u.AsSpan(r * dims, dims), t[r], adapted, adapted);
                }

                var n = group.Passages.Length;
                var scores = new double[n];
                for (var k = 0; k < n; k++)
                {
                    scores[k] = tau * TensorPrimitives.Dot(adapted, group.Passages[k]);
                }

                var max = scores.Max();
                double all = 0, pos = 0;
                for (var k = 0; k < n; k++)
                {
                    scores[k] = Math.Exp(scores[k] - max);
                    all += scores[k];
                    pos += group.Cited[k] ? scores[k] : 0;
                }

                Array.Clear(g);
                for (var k = 0; k < n; k++)
                {
                    var weight = (float)(tau * ((scores[k] / all) - (group.Cited[k] ? scores[k] / pos : 0)));
                    TensorPrimitives.MultiplyAdd(group.Passages[k], weight, g, g);
                }

                for (var r = 0; r < rank; r++)
                {
                    var a = TensorPrimitives.Dot(u.AsSpan(r * dims, dims), g);
                    TensorPrimitives.MultiplyAdd(g, t[r], gu.AsSpan(r * dims, dims), gu.AsSpan(r * dims, dims));
                    TensorPrimitives.MultiplyAdd(q, a, gv.AsSpan(r * dims, dims), gv.AsSpan(r * dims, dims));
                }
            }

            var scale = 1f / groups.Count;
            for (var i = 0; i < size; i++)
            {
                gu[i] = (gu[i] * scale) + (settings.L2 * u[i]);
                gv[i] = (gv[i] * scale) + (settings.L2 * v[i]);
            }

            adamU.Step(u, gu);
            adamV.Step(v, gv);
        }

        return new AnswerModel.QuestionAdapter
        {
            Rank = rank,
            U = u.Select(x => MathF.Round(x, 5)).ToArray(),
            V = v.Select(x => MathF.Round(x, 5)).ToArray(),
        };
    }
}
