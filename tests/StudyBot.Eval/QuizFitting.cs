using System.Globalization;
using System.Text.Json.Nodes;
using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;
using StudyBot.Core.Knowledge.Semantic;
using StudyBot.Core.Quiz;

namespace StudyBot.Eval;

/// <summary>
/// Fits the quiz item-quality model (<see cref="QuizItemModel"/>) on the outside readers' verdicts
/// (tests/data/quiz-ratings/rated-items.jsonl) and reports it leave-one-corpus-out: the folds are the seed notes
/// (knowledge/) and each folder of tests/data/corpora. The keep-threshold is chosen on held-out folds: for the report,
/// nested (each outer fold's threshold from the inner out-of-fold predictions of the other folds); for the model file,
/// on the pooled out-of-fold predictions of the outer folds. Review 16's <c>unseen</c> rows (tests/data/corpora3, notes
/// no fold holds) never enter a fit: when those folders are on the machine they are scored as a held-out check by the
/// model fitted on every in-sample row, at its threshold.
///   quiz-loco            the report
///   quiz-fit             the report, then fit on every row and write src/StudyBot.Core/Quiz/quiz-item-model.json
///   quiz-kind-thresholds [--write]   each kind's threshold for the shipped weights, chosen on the verdicts of the rounds
///                        they were not fitted on (of items the generator still writes); --write puts them in the model file
///   --support FILE       also write the second-answer support of every rated blank and the same-key pairs (SecondAnswer, RepeatedFact)
///   --dump FILE          also write each row's signals and out-of-fold probability (tab-separated); with
///                        quiz-kind-thresholds, each held-out verdict's round, item id, kind, set, good and the shipped
///                        model's probability, to read the verdicts by item (one item rated by many readers counts once)
///   QUIZ_ON=a,b / QUIZ_OFF=a,b (environment)   weigh computed signals the model leaves out / leave weighed ones out, to
///                        measure one signal against the model without it
/// </summary>
internal static class QuizFitting
{
    /// <summary>The share of kept items rated good that the threshold must reach (the issue's bar).</summary>
    private const double Precision = 0.80;

    /// <summary>The fewest held-out items a threshold may keep: above it, a precision read off a handful is noise.</summary>
    private const int MinKept = 30;

    /// <summary>The signals the model weighs; the others are computed, reported (alone AUC) and weigh nothing. Chosen
    /// by what the readers name (wrong choices of another kind: <c>wrong_kind_*</c>; a right choice the only one related
    /// to the stem: <c>wrong_related</c>; a blank whose sentence is about its key: <c>blank_key_like</c>; a blank shown
    /// with its section: <c>labelled</c>; glosses in brackets: <c>glossed</c>; a yes/no question too short to name its
    /// subject: <c>yes_no_words</c>) and kept fixed: forward selection on the folds picked another set in every fold
    /// and fell to an out-of-fold AUC of 0.57 nested, against 0.71 for this set; every signal at once, 0.54. Review 17
    /// (notes laid out as tutorials) added choices the notes never use in a sentence (<c>wrong_min_used</c>,
    /// <c>choices_used</c>): out-of-fold AUC 0.676 → 0.700, the Linux fold 0.51 → 0.69, the never-fitted corpora3 rows
    /// 0.62 → 0.84.</summary>
    private static readonly bool[] Used = QuizItemSignals.Names.Select(n => (n is "yes_no" or "definition" or "wrong_kind_mean" or "wrong_kind_min"
        or "wrong_related" or "labelled" or "glossed" or "blank_key_like" or "yes_no_words" or "contrast" or "contrast_length_gap" or "contrast_key_like" or "wrong_other_file"
        or "wrong_min_used" or "choices_used"
        || (Environment.GetEnvironmentVariable("QUIZ_ON") ?? string.Empty).Split(',').Contains(n))
        && !(Environment.GetEnvironmentVariable("QUIZ_OFF") ?? string.Empty).Split(',').Contains(n)).ToArray();

    private const double L2 = 0.05;
    private const int Steps = 800;

    /// <param name="Written">The generator still writes the item from the notes as they are (rated items of older rules
    /// are not).</param>
    private sealed record Row(int Round, string Label, string Group, string Set, bool Good, QuizQuestion Question, double[] X, bool Written = true);

    public static void Run(string root, string command, string[] args)
    {
        if (command == "quiz-explain")
        {
            Explain(root, args);
            return;
        }

        var (loaded, unseen, others) = Load(root, Option(args, "--support"));
        if (command == "quiz-kind-thresholds")
        {
            ShippedKindThresholds(root, loaded, args);
            return;
        }

        // QUIZ_ROUNDS: fit on these rounds only ("shipped": the rounds the shipped weights were fitted on), to measure a
        // signal against the shipped model on the same verdicts; the later rounds' verdicts are then scored held out.
        var rounds = FitRounds();
        var rows = rounds is null ? loaded : loaded.Where(r => rounds.Contains(r.Round)).ToList();
        var later = rounds is null ? [] : loaded.Where(r => !rounds.Contains(r.Round)).ToList();

        Console.WriteLine($"{rows.Count} rated items, {rows.Count(r => r.Good)} good ({Share(rows.Count(r => r.Good), rows.Count)}); groups: "
            + string.Join(", ", rows.GroupBy(r => r.Group).Select(g => $"{g.Key} {g.Count()}")));
        var groups = rows.Select(r => r.Group).Distinct().Order(StringComparer.Ordinal).ToList();

        // Outer folds: fit on the other groups, threshold from their inner out-of-fold predictions.
        var oof = new double[rows.Count];
        var nestedKept = new bool[rows.Count];
        foreach (var g in groups)
        {
            var train = Indexes(rows, r => r.Group != g);
            var test = Indexes(rows, r => r.Group == g);
            var used = Used;
            var threshold = ChooseThreshold(Loco(rows, train, used)).Threshold;
            var model = Fit(rows, train, used);
            foreach (var i in test)
            {
                oof[i] = model.Probability(rows[i].X);
                nestedKept[i] = oof[i] >= threshold;
            }

            var kept = test.Where(i => nestedKept[i]).ToList();
            Console.WriteLine($"fold {g,-18} threshold {threshold:0.000} (inner) kept {kept.Count,3}/{test.Count,3}  good among kept {Share(kept.Count(i => rows[i].Good), kept.Count)}  (base {Share(test.Count(i => rows[i].Good), test.Count)})  AUC {Auc(test.Select(i => (oof[i], rows[i].Good)).ToList()):0.000}");
        }

        var nested = Indexes(rows, _ => true).Where(i => nestedKept[i]).ToList();
        Console.WriteLine($"nested, pooled: kept {nested.Count}/{rows.Count}, good among kept {Share(nested.Count(i => rows[i].Good), nested.Count)}; out-of-fold AUC {Auc(rows.Select((r, i) => (oof[i], r.Good)).ToList()):0.000}, log-loss {LogLoss(rows, oof):0.000} (constant {LogLoss(rows, rows.Select(_ => rows.Count(r => r.Good) / (double)rows.Count).ToArray()):0.000})");

        // The model file: its threshold on the pooled out-of-fold predictions.
        var everyRow = Indexes(rows, _ => true);
        var chosen = Used;
        var pooled = Loco(rows, everyRow, chosen);
        for (var i = 0; i < rows.Count; i++)
        {
            oof[i] = pooled[i].P;
        }

        Console.WriteLine($"signals used: {string.Join(',', QuizItemSignals.Names.Where((_, j) => chosen[j]))}; out-of-fold AUC {Auc(pooled):0.000}");
        var final = ChooseThreshold(rows.Select((r, i) => (oof[i], r.Good)).ToList()).Threshold;
        var kindThresholds = KindThresholds(rows, i => oof[i], Indexes(rows, r => r.Written), final);
        var keptAll = Indexes(rows, _ => true).Where(i => oof[i] >= final).ToList();
        Console.WriteLine($"threshold on the pooled out-of-fold predictions: {final:0.000}: kept {keptAll.Count}/{rows.Count}, good among kept {Share(keptAll.Count(i => rows[i].Good), keptAll.Count)}");
        Console.WriteLine("per rated bank (out-of-fold, at that threshold): round set kept/rated good-among-kept (good-among-rated)");
        foreach (var b in rows.Select((r, i) => (r, i)).GroupBy(x => (x.r.Round, x.r.Set)).OrderBy(b => b.Key.Round).ThenBy(b => b.Key.Set, StringComparer.Ordinal))
        {
            var k = b.Where(x => oof[x.i] >= final).ToList();
            Console.WriteLine($"  {b.Key.Round,2} {b.Key.Set,-8} {k.Count,3}/{b.Count(),3}  {Share(k.Count(x => x.r.Good), k.Count),6}  ({Share(b.Count(x => x.r.Good), b.Count())})");
        }

        Console.WriteLine("per kind (out-of-fold, at that threshold):");
        foreach (var b in rows.Select((r, i) => (r, i)).GroupBy(x => x.r.Question.Kind))
        {
            var k = b.Where(x => oof[x.i] >= final).ToList();
            Console.WriteLine($"  {b.Key,-15} {k.Count,3}/{b.Count(),3}  {Share(k.Count(x => x.r.Good), k.Count),6}  ({Share(b.Count(x => x.r.Good), b.Count())})");
        }

        var all = Fit(rows, everyRow, chosen);
        ReportUnseen(unseen, all, final);
        ReportHeldOut("later rounds of the fitted folds (never fitted)", later, all, final, kindThresholds);
        ReportHeldOut("notes outside the folds (never fitted)", others, all, final, kindThresholds);
        Console.WriteLine("weights (fitted on every row; on standardized signals):");
        foreach (var name in QuizItemSignals.Names)
        {
            var t = all.Weights.GetValueOrDefault(name);
            var j = Array.IndexOf(QuizItemSignals.Names, name);
            var auc = Auc(rows.Where(r => !double.IsNaN(r.X[j])).Select(r => (r.X[j], r.Good)).ToList());
            Console.WriteLine($"  {name,-16} {t?.Weight ?? 0,8:0.000}  mean {t?.Mean ?? 0,7:0.000}  scale {t?.Scale ?? 1,7:0.000}  alone AUC {auc:0.000}  measured {rows.Count(r => !double.IsNaN(r.X[j]))}");
        }

        if (Option(args, "--dump") is { } dump)
        {
            using var w = new StreamWriter(dump);
            w.WriteLine(string.Join('\t', new[] { "round", "label", "group", "id", "kind", "good", "oof" }.Concat(QuizItemSignals.Names)));
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                w.WriteLine(string.Join('\t', new[] { r.Round.ToString(CultureInfo.InvariantCulture), r.Label, r.Group, r.Question.Id, r.Question.Kind.ToString(), r.Good ? "1" : "0", oof[i].ToString("0.000", CultureInfo.InvariantCulture) }
                    .Concat(r.X.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture)))));
            }
        }

        if (command == "quiz-fit")
        {
            var model = new QuizItemModel
            {
                Version = 1,
                Fitted = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Command = "dotnet run -c Release --project tests/StudyBot.Eval -- quiz-fit",
                Notes = $"Logistic regression on {rows.Count} outside verdicts (reviews {string.Join(", ", rows.Select(r => r.Round).Distinct().Order())}, tests/data/quiz-ratings/rated-items.jsonl), folds seed + {string.Join(", ", groups.Where(g => g != "seed"))}. "
                    + $"Threshold chosen on the pooled leave-one-corpus-out predictions: the most items kept with at least {Precision:0.00} rated good (kept {keptAll.Count}/{rows.Count}, {Share(keptAll.Count(i => rows[i].Good), keptAll.Count)} good). "
                    + $"Nested (each fold's threshold chosen on the other folds' out-of-fold predictions): kept {nested.Count}/{rows.Count}, {Share(nested.Count(i => rows[i].Good), nested.Count)} good.",
                Threshold = Math.Round(final, 6),
                KindThresholds = kindThresholds,
                FittedRounds = rows.Select(r => r.Round).Distinct().Order().ToList(),
                Model = all,
            };
            WriteModel(root, model);
        }
    }

    /// <summary>Each kind's own threshold, where its verdicts reach <see cref="Precision"/> at some threshold
    /// (<see cref="ChooseThreshold"/>) other than the model's threshold for every kind; a kind whose verdicts never
    /// reach it keeps that one. Rounded as the model file stores it.</summary>
    /// <param name="rows">The rated items.</param>
    /// <param name="probability">Row index → the probability the threshold is chosen on (held out from the weights).</param>
    /// <param name="among">The rows to choose on.</param>
    /// <param name="all">The model's threshold for every kind.</param>
    private static Dictionary<string, double> KindThresholds(List<Row> rows, Func<int, double> probability, List<int> among, double all)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        Console.WriteLine($"per kind, on {among.Count} verdicts of items the generator still writes (the model's threshold: {all:0.000}):");
        foreach (var kind in among.GroupBy(i => rows[i].Question.Kind).OrderBy(g => g.Key))
        {
            var predictions = kind.Select(i => (probability(i), rows[i].Good)).ToList();
            var (t, reached) = ChooseThreshold(predictions);
            var own = reached && Math.Round(t, 6) != Math.Round(all, 6);
            if (own)
            {
                result[kind.Key.ToString()] = Math.Round(t, 6);
            }

            string At(double threshold)
            {
                var kept = predictions.Where(p => p.Item1 >= threshold).ToList();
                return $"{kept.Count,3} kept, {Share(kept.Count(p => p.Good), kept.Count)} good";
            }

            Console.WriteLine($"  {kind.Key,-15} {predictions.Count,4} verdicts of {kind.Select(i => rows[i].Question.Id).Distinct().Count(),3} items, {Share(predictions.Count(p => p.Good), predictions.Count)} good; "
                + $"at {all:0.000}: {At(all)}; " + (own ? $"own {t:0.000}: {At(t)}" : reached ? "its own is the same" : $"never {Precision:0.00}: keeps {all:0.000}"));
        }

        return result;
    }

    /// <summary>quiz-kind-thresholds: the shipped weights' kind thresholds, chosen on the verdicts of rounds they were
    /// not fitted on (<see cref="QuizItemModel.FittedRounds"/>), of items the generator still writes; with --write the
    /// model file gets them, its weights and pooled threshold unchanged.</summary>
    private static void ShippedKindThresholds(string root, List<Row> rows, string[] args)
    {
        var shipped = QuizItemModel.Current;
        if (shipped.FittedRounds.Count == 0)
        {
            throw new InvalidOperationException("The shipped quiz item model does not list the rounds it was fitted on (fittedRounds).");
        }

        // QUIZ_KIND_MAX_ROUND: choose on the rounds up to this one only (the shipped thresholds were chosen on 18–41).
        var maxRound = int.TryParse(Environment.GetEnvironmentVariable("QUIZ_KIND_MAX_ROUND"), CultureInfo.InvariantCulture, out var m) ? m : int.MaxValue;
        var held = Indexes(rows, r => r.Written && !shipped.FittedRounds.Contains(r.Round) && r.Round <= maxRound);
        var chosen = KindThresholds(rows, i => shipped.Probability(rows[i].X), held, shipped.Threshold);
        if (Option(args, "--dump") is { } dump)
        {
            File.WriteAllLines(dump, held.Select(i => string.Join('\t', rows[i].Round, rows[i].Question.Id, rows[i].Question.Kind, rows[i].Set, rows[i].Good ? 1 : 0, shipped.Probability(rows[i].X).ToString("0.0000", CultureInfo.InvariantCulture))));
        }

        Console.WriteLine($"shipped threshold {shipped.Threshold:0.000}; kinds' own: {string.Join(", ", chosen.Select(k => $"{k.Key} {k.Value:0.000}"))}");
        if (args.Contains("--write"))
        {
            var model = new QuizItemModel
            {
                Version = shipped.Version,
                Fitted = shipped.Fitted,
                Command = shipped.Command,
                Notes = shipped.Notes + $" Kinds' own thresholds chosen {TimeProvider.System.GetUtcNow():yyyy-MM-dd} by quiz-kind-thresholds on {held.Count} verdicts of rounds {string.Join(", ", held.Select(i => rows[i].Round).Distinct().Order())} (not fitted on), of items the generator still writes.",
                Threshold = shipped.Threshold,
                KindThresholds = chosen,
                FittedRounds = shipped.FittedRounds,
                Model = shipped.Model,
            };
            WriteModel(root, model);
        }
    }

    /// <summary>Writes the model file the build embeds (src/StudyBot.Core/Quiz/quiz-item-model.json).</summary>
    private static void WriteModel(string root, QuizItemModel model)
    {
        var path = Path.Combine(root, "src/StudyBot.Core/Quiz/quiz-item-model.json");
        File.WriteAllText(path, model.ToJson() + "\n");
        Console.WriteLine($"wrote {path}");
    }

    /// <summary>The threshold that keeps the most items while at least <see cref="Precision"/> of them are good (and at
    /// least <see cref="MinKept"/> are kept), and true; when none reaches it, the one with the best precision, and false.</summary>
    private static (double Threshold, bool Reached) ChooseThreshold(List<(double P, bool Good)> predictions)
    {
        var candidates = predictions.Select(p => p.P).Distinct().Order().ToList();
        double? best = null;
        var bestKept = -1;
        var fallback = 1.0;
        var fallbackPrecision = -1.0;
        foreach (var t in candidates)
        {
            var kept = predictions.Where(p => p.P >= t).ToList();
            if (kept.Count < MinKept)
            {
                break;
            }

            var precision = kept.Count(p => p.Good) / (double)kept.Count;
            if (precision >= Precision && kept.Count > bestKept)
            {
                (best, bestKept) = (t, kept.Count);
            }

            if (precision > fallbackPrecision)
            {
                (fallback, fallbackPrecision) = (t, precision);
            }
        }

        return best is { } reached ? (reached, true) : (fallback, false);
    }

    /// <summary>Out-of-fold probabilities over the folds of <paramref name="train"/> (a row's fold is its group), in
    /// <paramref name="train"/>'s order.</summary>
    private static List<(double P, bool Good)> Loco(List<Row> rows, List<int> train, bool[] used)
    {
        var p = new Dictionary<int, double>();
        foreach (var h in train.Select(i => rows[i].Group).Distinct())
        {
            var fit = Fit(rows, train.Where(i => rows[i].Group != h).ToList(), used);
            foreach (var i in train.Where(i => rows[i].Group == h))
            {
                p[i] = fit.Probability(rows[i].X);
            }
        }

        return train.Select(i => (p[i], rows[i].Good)).ToList();
    }

    private static AnswerModel.Linear Fit(List<Row> rows, List<int> train, bool[] used)
    {
        var width = QuizItemSignals.Names.Length;

        // A signal that does not apply (NaN) is set to its mean: standardized it is zero and weighs nothing, as the
        // model treats it at generation time.
        var mean = new double[width];
        for (var j = 0; j < width; j++)
        {
            var measured = train.Select(i => rows[i].X[j]).Where(x => !double.IsNaN(x)).ToList();
            mean[j] = measured.Count == 0 ? 0 : measured.Average();
        }

        var x = train.Select(i => rows[i].X.Select((v, j) => double.IsNaN(v) ? mean[j] : v).ToArray()).ToList();
        var off = used.Select(u => !u).ToArray();
        var std = Fitting.Standardize(x, width, off);
        var (w, b) = Fitting.FitLogistic(x.Select((r, k) => (r, rows[train[k]].Good)).ToList(), std, off, L2, Steps);
        var linear = new AnswerModel.Linear
        {
            Bias = Math.Round(b, 6),
            Weights = QuizItemSignals.Names.Select((n, j) => (n, j)).ToDictionary(
                t => t.n,
                t => new AnswerModel.Term { Weight = Math.Round(w[t.j], 6), Mean = Math.Round(std.Mean[t.j], 6), Scale = Math.Round(std.Scale[t.j], 6) }),
        };
        linear.Bind(QuizItemSignals.Names);
        return linear;
    }

    /// <summary>QUIZ_ROUNDS (environment): "shipped" for the rounds the shipped weights were fitted on, or a list of
    /// rounds and ranges ("1-17,20"); null (every round) when unset.</summary>
    private static HashSet<int>? FitRounds()
    {
        var spec = Environment.GetEnvironmentVariable("QUIZ_ROUNDS");
        if (string.IsNullOrWhiteSpace(spec))
        {
            return null;
        }

        if (spec == "shipped")
        {
            return QuizItemModel.Current.FittedRounds.ToHashSet();
        }

        var set = new HashSet<int>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-');
            var from = int.Parse(ends[0], CultureInfo.InvariantCulture);
            var to = ends.Length > 1 ? int.Parse(ends[1], CultureInfo.InvariantCulture) : from;
            set.UnionWith(Enumerable.Range(from, to - from + 1));
        }

        return set;
    }

    /// <summary>Verdicts the weights never saw, scored by the model fitted on every fitted row: AUC (pooled, and with
    /// pairs only within one folder, so that a folder's share of good items does not pass for the model's) and the
    /// share of good among those kept at the kinds' thresholds, in all and by kind.</summary>
    private static void ReportHeldOut(string name, List<Row> held, AnswerModel.Linear model, double threshold, Dictionary<string, double> kindThresholds)
    {
        if (held.Count == 0)
        {
            return;
        }

        double At(Row r) => kindThresholds.TryGetValue(r.Question.Kind.ToString(), out var own) ? own : threshold;
        void Line(string label, List<Row> rows)
        {
            var p = rows.Select(r => model.Probability(r.X)).ToList();
            var kept = Enumerable.Range(0, rows.Count).Where(i => p[i] >= At(rows[i])).ToList();
            double wins = 0, pairs = 0;
            foreach (var g in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Group))
            {
                var good = g.Where(i => rows[i].Good).Select(i => p[i]).ToList();
                var bad = g.Where(i => !rows[i].Good).Select(i => p[i]).ToList();
                wins += good.Sum(a => bad.Sum(b => a > b ? 1.0 : a == b ? 0.5 : 0));
                pairs += good.Count * (double)bad.Count;
            }

            Console.WriteLine($"  {label,-15} {rows.Count,4} verdicts, good {Share(rows.Count(r => r.Good), rows.Count)}; AUC {Auc(rows.Select((r, i) => (p[i], r.Good)).ToList()):0.000}, within folders {(pairs == 0 ? double.NaN : wins / pairs):0.000}; kept {kept.Count}, good among kept {Share(kept.Count(i => rows[i].Good), kept.Count)}");
        }

        Console.WriteLine($"{name}:");
        Line("all", held);
        foreach (var kind in held.GroupBy(r => r.Question.Kind).OrderBy(g => g.Key))
        {
            Line(kind.Key.ToString(), kind.ToList());
        }
    }

    /// <summary>The held-out check on notes no fold holds (review 16's <c>unseen</c> rows, tests/data/corpora3, when its
    /// folders are on the machine): the model fitted on every in-sample row and its pooled threshold, per kind.</summary>
    private static void ReportUnseen(List<Row> unseen, AnswerModel.Linear model, double threshold)
    {
        if (unseen.Count == 0)
        {
            Console.WriteLine("unseen (tests/data/corpora3): not on this machine, not scored");
            return;
        }

        var p = unseen.Select(r => model.Probability(r.X)).ToList();
        var kept = Enumerable.Range(0, unseen.Count).Where(i => p[i] >= threshold).ToList();
        Console.WriteLine($"unseen (held out, never fitted): kept {kept.Count}/{unseen.Count}, good among kept {Share(kept.Count(i => unseen[i].Good), kept.Count)} (good among rated {Share(unseen.Count(r => r.Good), unseen.Count)}), AUC {Auc(unseen.Select((r, i) => (p[i], r.Good)).ToList()):0.000}");
        foreach (var b in Enumerable.Range(0, unseen.Count).GroupBy(i => unseen[i].Question.Kind))
        {
            var k = b.Where(i => p[i] >= threshold).ToList();
            Console.WriteLine($"  {b.Key,-15} {k.Count,3}/{b.Count(),3}  {Share(k.Count(i => unseen[i].Good), k.Count),6}  ({Share(b.Count(i => unseen[i].Good), b.Count())})");
        }

        Console.WriteLine("  " + string.Join(' ', Enumerable.Range(0, unseen.Count).Select(i => $"{unseen[i].Label}:{(unseen[i].Good ? "g" : "b")}{(p[i] >= threshold ? "+" : "-")}{p[i]:0.00}")));
    }

    /// <summary>--support FILE: for each rated blank's wrong choice, the lines that support it as a second answer
    /// (<see cref="SecondAnswer"/>: share of the stem's weight, the model's likeness of the filled stem to the line and
    /// of the stem filled with the key), and in FILE.pairs every two rated items of one bank with one key and the
    /// likeness of their stems said of it (<see cref="RepeatedFact"/>); read by tests/data/quiz-ratings/second_answers.py
    /// against the readers' reasons (docs/quiz.md, "A second defensible answer").</summary>
    private static void WriteSupport(List<Row> rows, Dictionary<string, (QuizCorpus, KindSimilarity)> contexts, (QuizCorpus, KindSimilarity)? unseen, string path)
    {
        (QuizCorpus Corpus, KindSimilarity Kinds)? Of(Row r) => contexts.TryGetValue(r.Set, out var c) ? c : unseen;
        static string F(double? x) => (x ?? 0).ToString("0.00", CultureInfo.InvariantCulture);
        using (var w = new StreamWriter(path))
        {
            foreach (var r in rows.Where(r => r.Question.Kind == QuizQuestionKind.FillInTheBlank && Of(r) is not null))
            {
                var (corpus, kinds) = Of(r)!.Value;
                var q = r.Question;
                var (stem, _) = QuizItemSignals.StemAndLabel(q);
                foreach (var wrong in q.Choices.Where((_, i) => i != q.AnswerIndex))
                {
                    var lines = corpus.Support(wrong, SecondAnswer.Stems(stem, q.Answer, wrong), q.Citation.File, q.Citation.LineStart, q.Citation.LineEnd)
                        .Take(SecondAnswer.SupportLines);
                    foreach (var (text, share) in lines)
                    {
                        w.WriteLine(string.Join('\t', r.Round, r.Label, q.Kind, r.Good ? 1 : 0, q.Answer, wrong, F(share),
                            F(kinds.Similarity(stem.Replace("_____", wrong, StringComparison.Ordinal), text)),
                            F(kinds.Similarity(stem.Replace("_____", q.Answer, StringComparison.Ordinal), text)), stem.ReplaceLineEndings(" "), text.ReplaceLineEndings(" ")));
                    }
                }
            }
        }

        using var pairs = new StreamWriter(path + ".pairs");
        foreach (var g in rows.Where(r => Of(r) is not null && QuestionGenerator.NamesATerm(r.Question.Kind))
                     .GroupBy(r => (r.Round, r.Set, Key: QuizText.Normalize(r.Question.Answer))).Where(g => g.Count() > 1))
        {
            var list = g.ToList();
            var kinds = Of(list[0])!.Value.Kinds;
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i].Question, list[j].Question);
                    pairs.WriteLine(string.Join('\t', g.Key.Round, list[i].Label, list[j].Label, a.Kind, b.Kind, a.Answer,
                        F(kinds.Similarity(RepeatedFact.Said(a), RepeatedFact.Said(b))), RepeatedFact.Said(a).ReplaceLineEndings(" "), RepeatedFact.Said(b).ReplaceLineEndings(" ")));
                }
            }
        }
    }

    /// <summary>Review 17's notes (set "linux").</summary>
    private const string LinuxFolder = "tests/data/corpora4/linux-notes";

    /// <returns>The rows of the folds; review 16's unseen rows; with QUIZ_OTHERS=1 (environment), the rows of every
    /// other set whose notes are on this machine (tests/data/corpora2–9, never fitted on).</returns>
    private static (List<Row> Rows, List<Row> Unseen, List<Row> Others) Load(string root, string? supportPath)
    {
        var path = Path.Combine(root, "tests/data/quiz-ratings/rated-items.jsonl");
        using var model = Model(root);
        var folders = new Dictionary<string, string>(StringComparer.Ordinal) { ["seed"] = "knowledge", ["corpora"] = "tests/data/corpora" };

        // Review 17 rated notes of another style (tutorial pages with layout headings and exercise lists): a fold of its
        // own when its folder is on the machine (tests/data/corpora4, gitignored, re-created from its SOURCES.md).
        if (Directory.Exists(Path.Combine(root, LinuxFolder)))
        {
            folders["linux"] = LinuxFolder;
        }

        // Each notes folder read and embedded once, whichever rows cite it.
        var read = new QuizFolders(root, model);
        var passages = folders.ToDictionary(f => f.Key, f => read.Get(f.Value).Passages, StringComparer.Ordinal);
        var contexts = folders.ToDictionary(f => f.Key, f => (read.Get(f.Value).Corpus, read.Get(f.Value).Kinds), StringComparer.Ordinal);

        // Review 16's unseen rows cite tests/data/corpora3 as one folder (gitignored; re-created from its SOURCES.md).
        const string unseenFolder = "tests/data/corpora3";
        var unseenContext = Directory.Exists(Path.Combine(root, unseenFolder)) && Directory.EnumerateDirectories(Path.Combine(root, unseenFolder)).Any()
            ? (read.Get(unseenFolder).Corpus, read.Get(unseenFolder).Kinds)
            : ((QuizCorpus, KindSimilarity)?)null;
        var unseenRows = new List<Row>();
        // Contrasts were rated (round 14) before the rule that both their sections open with a line defining the title;
        // the rows that rule now drops stand for topic headings the generator no longer offers, and on the kind's one
        // signal they would weigh every contrast it still writes down with them. Their verdicts stay in the file.
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (set, folder) in folders)
        {
            var dir = Path.Combine(root, folder);
            written.UnionWith(QuestionGenerator.Generate(passages[set], file => QuestionBank.ReadLines(dir, file), model).Select(q => q.Id));
        }

        var rows = new List<Row>();
        var withOthers = Environment.GetEnvironmentVariable("QUIZ_OTHERS") == "1";
        var otherRows = new List<Row>();
        var skipped = 0;
        var dropped = 0;
        var unseen = 0;
        var absent = 0;
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            var item = o["item"]!.AsObject();
            if (!Enum.TryParse<QuizQuestionKind>((string)item["kind"]!, out var kind) || kind == QuizQuestionKind.Command)
            {
                // "What do the notes say about X?" (Description) is no longer written; "Which command would you run
                // to …?" is asked from the reserve unscored (QuestionGenerator.FromCommands), not by this model.
                skipped++;
                continue;
            }

            var set = (string)o["set"]!;
            var inFolds = contexts.TryGetValue(set, out var context);
            var other = false;
            if (!inFolds && set != "unseen")
            {
                var folder = withOthers ? QuizFolders.FolderOf(root, set, (string)item["citation"]!["file"]!) : null;
                if (folder is null)
                {
                    // A fold whose notes are not on this machine.
                    absent++;
                    continue;
                }

                var found = read.Get(folder);
                context = (found.Corpus, found.Kinds);
                other = true;
            }

            if (!inFolds && !other)
            {
                // Review 16's "unseen" rows: notes outside the repository's folds (tests/data/corpora3), never fitted on.
                unseen++;
                if (unseenContext is null)
                {
                    continue;
                }

                context = unseenContext.Value;
            }

            if (inFolds && kind == QuizQuestionKind.Contrast && !written.Contains((string)item["id"]!))
            {
                dropped++;
                continue;
            }

            var choices = item["choices"]!.AsArray().Select(c => (string)c!).ToList();
            var answer = (int)item["answerIndex"]!;
            var c = item["citation"]!.AsObject();
            var q = new QuizQuestion((string)item["id"]!, kind, (string)item["question"]!, choices, answer, (string)item["explanation"]!,
                new Citation((string)c["file"]!, (string)c["section"]!, (int)c["lineStart"]!, (int)c["lineEnd"]!, string.Empty), choices[answer]);

            var (corpus, kinds) = context;
            (inFolds ? rows : other ? otherRows : unseenRows).Add(new Row((int)o["round"]!, (string)o["label"]!, (string)o["group"]!, set, (int)o["good"]! == 1, q, QuizItemSignals.Of(q, corpus, kinds),
                Written: inFolds && written.Contains(q.Id)));
        }

        if (supportPath is not null)
        {
            WriteSupport(rows.Concat(unseenRows).ToList(), contexts, unseenContext, supportPath);
        }

        Console.WriteLine($"skipped {skipped} rows of kinds no longer written, {dropped} contrasts the generator no longer writes, {absent} of folds whose notes are not on this machine, {unseen} on notes outside the folds ({unseenRows.Count} scored as the held-out check)");
        return (rows, unseenRows, otherRows);
    }

    /// <summary>quiz-explain [--knowledge DIR] [--jsonl FILE] [--why [N] | --all | ID ...]: writes the folder's bank with the shipped models and prints each
    /// question (or the given ones, or with --all every question that passed the checks, also those the quality model drops; --jsonl also writes them as
    /// the quiz command's JSON lines, each with its signals and probability) with every item signal and its contribution; --why [N] prints instead how
    /// many facts, keys and blanks each stage kept or dropped and why, with N examples of each (1).</summary>
    private static void Explain(string root, string[] args)
    {
        var folder = Path.GetFullPath(Option(args, "--knowledge") ?? Path.Combine(root, "knowledge"));
        var ids = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i] is not ("--knowledge" or "--jsonl" or "--why"))).ToHashSet(StringComparer.Ordinal);
        using var model = Model(root);
        var passages = Passages(folder);
        var (corpus, kinds) = Context(passages, model);
        var quality = QuizItemModel.Current;
        if (Option(args, "--pairs") is { } pairsPath)
        {
            // Lines "key<TAB>term<TAB>root": the kind likeness the writer sees, and the notes' own family facts.
            foreach (var l in File.ReadLines(pairsPath).Where(l => l.Contains('\t', StringComparison.Ordinal)))
            {
                var f = l.Split('\t');
                var (a, b) = QuizText.WithoutSharedOpening(f[0], f[1]);
                Console.WriteLine($"{f[0]}\t{f[1]}\tkind {QuestionGenerator.KindLike(f[0], f[1], corpus, kinds):0.00}\traw {kinds.Similarity(f[0], f[1]):0.00}\trest {kinds.Similarity(a, b):0.00}"
                    + $"\tlisted {corpus.ListedWith(f[0], f[1], f[2]):0.00}/{corpus.ListedWith(f[1], f[0], f[2]):0.00}\tco {corpus.CoTerms(f[0], f[2]).Contains(f[1])}\tuses {corpus.TextUses(f[1])}\tdf {corpus.Df(f[1])}");
            }

            return;
        }

        if (args.Contains("--why"))
        {
            // Every stage's count of what it kept and dropped, with the bank's own floor: for notes that give nothing.
            var trace = new QuizTrace();
            var written = QuestionGenerator.Write(passages, file => QuestionBank.ReadLines(folder, file), model, quality, QuestionGenerator.ReserveFloor, trace);
            foreach (var line in trace.Lines(int.TryParse(Option(args, "--why"), out var examples) ? examples : 1))
            {
                Console.WriteLine(line);
            }

            Console.WriteLine($"bank and reserve: {written.Count}");
            return;
        }

        var all = args.Contains("--all");
        ids.Remove("--all");
        var items = ids.Count == 0 && !all
            ? QuestionGenerator.Generate(passages, file => QuestionBank.ReadLines(folder, file), model, quality)
            : QuestionGenerator.Generate(passages, file => QuestionBank.ReadLines(folder, file), model).Where(q => all || ids.Contains(q.Id)).ToList();
        using var json = Option(args, "--jsonl") is { } jsonPath ? new StreamWriter(jsonPath) : null;
        foreach (var q in items)
        {
            var shown = QuestionGenerator.InNotesCasing(q, corpus);
            var signals = QuizItemSignals.Of(shown, corpus, kinds);
            if (json is not null)
            {
                // The quiz command's line, then what only this tool knows: each signal (null where it does not apply
                // to the kind: NaN has no JSON form) and the probability of a good rating.
                var line = QuizQuestionJson.Fields(shown);
                line["signals"] = new JsonObject(QuizItemSignals.Names.Select((name, i) =>
                    KeyValuePair.Create(name, double.IsNaN(signals[i]) ? null : (JsonNode?)signals[i])));
                line["probability"] = quality.Probability(signals);
                json.WriteLine(QuizQuestionJson.Line(line));
            }

            Console.WriteLine($"{q.Id} {q.Kind} {shown.Text.ReplaceLineEndings(" ")} [{string.Join(" | ", shown.Choices)}] key {shown.Choices[shown.AnswerIndex]}");
            Console.WriteLine("    " + quality.Explain(q.Kind, signals));
        }
    }

    /// <summary>The sentence model the quiz tools read the rated items with, its vectors cached under artifacts/ so that a
    /// second run of any of them embeds nothing again.</summary>
    internal static BertEmbedder Model(string root) =>
        BertEmbedder.Load(BertModelSpec.MiniLm, threads: Environment.ProcessorCount, cacheFolder: Path.Combine(root, "artifacts/eval-embeddings"));

    /// <summary>Every indexed passage of a notes folder, as the bot's bank reads them.</summary>
    internal static List<Passage> Passages(string folder) =>
        KnowledgeBase.IndexOf(NotesLoader.Load(new KnowledgeOptions { Path = folder }, CancellationToken.None)).ReadAll().Select(e => e.Passage).ToList();

    /// <summary>The notes' counts and the kind model as the generator builds them, from its content files only.</summary>
    internal static (QuizCorpus, KindSimilarity) Context(IEnumerable<Passage> passages, ITextEmbedder model)
    {
        var corpus = new QuizCorpus(passages.Where(p => QuestionGenerator.IsContentFile(p.File)).ToList(), model.WholeWords);
        return (corpus, new KindSimilarity(model, corpus.Describe));
    }

    private static List<int> Indexes(List<Row> rows, Func<Row, bool> where) => Enumerable.Range(0, rows.Count).Where(i => where(rows[i])).ToList();

    private static string Share(int n, int of) => of == 0 ? "-" : (n / (double)of).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The chance that a positive row scores above a negative one (ties count half); NaN without both.</summary>
    internal static double Auc(List<(double P, bool Good)> p)
    {
        var pos = p.Where(x => x.Good).Select(x => x.P).ToList();
        var neg = p.Where(x => !x.Good).Select(x => x.P).ToList();
        if (pos.Count == 0 || neg.Count == 0)
        {
            return double.NaN;
        }

        var wins = pos.Sum(a => neg.Sum(b => a > b ? 1.0 : a == b ? 0.5 : 0));
        return wins / (pos.Count * (double)neg.Count);
    }

    private static double LogLoss(List<Row> rows, double[] p) =>
        -rows.Select((r, i) => Math.Log(Math.Clamp(r.Good ? p[i] : 1 - p[i], 1e-9, 1))).Average();

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
