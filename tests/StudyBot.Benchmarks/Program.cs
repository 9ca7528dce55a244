using BenchmarkDotNet.Running;
using StudyBot.Benchmarks;

// "explain DIR QUESTION..." prints how a question's candidates rank (a tuning aid); "tail" times the semantic path's
// questions one by one with the collector's pauses (where the p99 comes from); "stages" what each stage of a semantic
// answer costs (time, CPU, allocations); anything else runs the benchmarks.
if (args is ["explain", var folder, .. var words])
{
    foreach (var line in Explainer.Explain(folder, string.Join(' ', words)))
    {
        Console.WriteLine(line);
    }

    return 0;
}

if (args is ["time", var timeFolder, .. var timeWords])
{
    Console.WriteLine(Explainer.Time(timeFolder, string.Join(' ', timeWords)));
    return 0;
}

if (args is ["tail", ..])
{
    Explainer.SemanticTail();
    return 0;
}

if (args is ["stages", ..])
{
    Stages.Run();
    return 0;
}

if (args is ["parse", var file])
{
    foreach (var line in Explainer.Parse(file))
    {
        Console.WriteLine(line);
    }

    return 0;
}

if (args is ["scale", ..])
{
    return await Scale.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Explainer).Assembly).Run(args);
return 0;
