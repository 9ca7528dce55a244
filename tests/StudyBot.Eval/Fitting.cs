namespace StudyBot.Eval;

/// <summary>Small, dependency-free fitting: a listwise (softmax) linear ranker and an L2 logistic regression, both
/// on standardized signals, optimised with Adam. The data are a few thousand rows: full-batch steps are enough.</summary>
internal static class Fitting
{
    public sealed record Standard(double[] Mean, double[] Scale);

    public static Standard Standardize(IEnumerable<double[]> rows, int width, bool[] off, double floor = 0)
    {
        var list = rows.ToList();
        var mean = new double[width];
        var scale = new double[width];
        foreach (var r in list)
        {
            for (var j = 0; j < width; j++)
            {
                mean[j] += r[j];
            }
        }

        for (var j = 0; j < width; j++)
        {
            mean[j] /= Math.Max(1, list.Count);
        }

        foreach (var r in list)
        {
            for (var j = 0; j < width; j++)
            {
                scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
            }
        }

        for (var j = 0; j < width; j++)
        {
            scale[j] = Math.Sqrt(scale[j] / Math.Max(1, list.Count));
            if (scale[j] < 1e-9 || off[j])
            {
                (mean[j], scale[j]) = (0, 1);
            }

            scale[j] = Math.Max(scale[j], floor);
        }

        return new Standard(mean, scale);
    }

    /// <summary>Ranker: each group is one question's candidates with their labels; maximises the softmax probability
    /// of the positive candidates. Returns weights on standardized signals.</summary>
    public static double[] FitRanker(IReadOnlyList<(double[][] X, bool[] Y)> groups, Standard std, bool[] off, double l2 = 0.01, int steps = 200)
    {
        var width = std.Mean.Length;
        var z = groups.Where(g => g.Y.Any(y => y) && g.Y.Any(y => !y))
            .Select(g => (X: g.X.Select(x => Z(x, std)).ToArray(), g.Y))
            .ToList();
        var w = new double[width];
        var adam = new Adam(width, 0.05);
        for (var step = 0; step < steps; step++)
        {
            var grad = new double[width];
            foreach (var (x, y) in z)
            {
                var s = x.Select(r => Dot(w, r)).ToArray();
                var max = s.Max();
                var e = s.Select(v => Math.Exp(v - max)).ToArray();
                var all = e.Sum();
                var pos = e.Where((_, i) => y[i]).Sum();
                for (var i = 0; i < x.Length; i++)
                {
                    var g = (e[i] / all) - (y[i] ? e[i] / pos : 0);
                    if (g == 0)
                    {
                        continue;
                    }

                    for (var j = 0; j < width; j++)
                    {
                        grad[j] += g * x[i][j];
                    }
                }
            }

            for (var j = 0; j < width; j++)
            {
                grad[j] = off[j] ? 0 : (grad[j] / Math.Max(1, z.Count)) + (l2 * w[j]);
            }

            adam.Step(w, grad);
            for (var j = 0; j < width; j++)
            {
                if (off[j])
                {
                    w[j] = 0;
                }
            }
        }

        return w;
    }

    /// <summary>L2 logistic regression; returns (weights on standardized signals, bias).</summary>
    public static (double[] W, double B) FitLogistic(IReadOnlyList<(double[] X, bool Y)> rows, Standard std, bool[] off, double l2 = 0.01, int steps = 600)
    {
        var width = std.Mean.Length;
        var z = rows.Select(r => (X: Z(r.X, std), r.Y)).ToList();
        var w = new double[width + 1];
        var adam = new Adam(width + 1, 0.05);
        for (var step = 0; step < steps; step++)
        {
            var grad = new double[width + 1];
            foreach (var (x, y) in z)
            {
                var p = Sigmoid(Dot(w, x) + w[width]);
                var g = p - (y ? 1 : 0);
                for (var j = 0; j < width; j++)
                {
                    grad[j] += g * x[j];
                }

                grad[width] += g;
            }

            for (var j = 0; j <= width; j++)
            {
                grad[j] = (j < width && off[j] ? 0 : grad[j] / Math.Max(1, z.Count)) + (j < width ? l2 * w[j] : 0);
            }

            adam.Step(w, grad);
        }

        return (w[..width], w[width]);
    }

    public static double[] Z(double[] x, Standard std)
    {
        var z = new double[x.Length];
        for (var j = 0; j < x.Length; j++)
        {
            z[j] = (x[j] - std.Mean[j]) / std.Scale[j];
        }

        return z;
    }

    public static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    private static double Dot(double[] w, double[] x)
    {
        var s = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            s += w[j] * x[j];
        }

        return s;
    }

    /// <summary>Adam with the usual moments (0.9, 0.999); one step a full batch. Both the signal weights (double)
    /// and the question adapter (float, for the vector primitives) are stepped by it.</summary>
    internal sealed class Adam(int width, double rate)
    {
        private readonly double[] _m = new double[width];
        private readonly double[] _v = new double[width];
        private int _t;
        private double _c1 = 1;
        private double _c2 = 1;

        public void Step(double[] w, double[] g)
        {
            Next();
            for (var j = 0; j < w.Length; j++)
            {
                w[j] -= Delta(j, g[j]);
            }
        }

        public void Step(float[] w, float[] g)
        {
            Next();
            for (var j = 0; j < w.Length; j++)
            {
                w[j] -= (float)Delta(j, g[j]);
            }
        }

        private void Next()
        {
            _t++;
            _c1 = 1 - Math.Pow(0.9, _t);
            _c2 = 1 - Math.Pow(0.999, _t);
        }

        private double Delta(int j, double g)
        {
            _m[j] = (0.9 * _m[j]) + (0.1 * g);
            _v[j] = (0.999 * _v[j]) + (0.001 * g * g);
            return rate * (_m[j] / _c1) / (Math.Sqrt(_v[j] / _c2) + 1e-8);
        }
    }
}
