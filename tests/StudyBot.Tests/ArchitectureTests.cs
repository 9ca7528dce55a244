using System.Reflection;
using NetArchTest.Rules;
using StudyBot.Core;

namespace StudyBot.Tests;

/// <summary>
/// The boundaries the layout promises (STYLE.md, "arrows one way"): Core holds no web or platform type; Knowledge, the
/// answer engine, stands on its own; the folders of Core depend on each other without a cycle. Types at Core's root
/// (<see cref="ContentPaths"/>) belong to no folder and may be used by all.
/// </summary>
public class ArchitectureTests
{
    private const string CoreNamespace = "StudyBot.Core";

    private static readonly Assembly Core = typeof(ContentPaths).Assembly;

    /// <summary>Every folder (namespace) directly under Core, found from its types, so a new folder is checked too.</summary>
    private static readonly IReadOnlyList<string> Folders = Core.GetTypes()
        .Select(t => t.Namespace ?? string.Empty)
        .Where(n => n.StartsWith(CoreNamespace + ".", StringComparison.Ordinal))
        .Select(n => n[(CoreNamespace.Length + 1)..].Split('.')[0])
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void Core_Types_ReferenceNoWebOrPlatformType()
    {
        string[] forbidden = ["Microsoft.AspNetCore", "StudyBot.Discord", "StudyBot.Teams", "StudyBot.Web", "StudyBot.Hosting", "StudyBot.Cli", "Microsoft.Bot"];

        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, "Core types that use web or platform types: " + Failing(result));
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => forbidden.Any(f => a.Name!.StartsWith(f, StringComparison.Ordinal)) || a.Name == "studybot");
    }

    [Fact]
    public void Knowledge_Types_DependOnNoOtherCoreFolder()
    {
        Assert.Contains("Knowledge", Folders);
        var others = Folders.Where(f => f != "Knowledge").Select(f => $"{CoreNamespace}.{f}").ToArray();

        var result = Types.InAssembly(Core).That().ResideInNamespaceMatching(InFolder("Knowledge")).ShouldNot().HaveDependencyOnAny(others).GetResult();

        Assert.True(result.IsSuccessful, "Knowledge types that use another Core folder: " + Failing(result));
    }

    [Fact]
    public void CoreFolders_Dependencies_FormNoCycle()
    {
        Assert.True(Folders.Count >= 4, "Core's folders: " + string.Join(", ", Folders));
        var uses = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var from in Folders)
        {
            uses[from] = [];
            foreach (var to in Folders.Where(f => f != from))
            {
                var result = Types.InAssembly(Core).That().ResideInNamespaceMatching(InFolder(from))
                    .ShouldNot().HaveDependencyOnAny($"{CoreNamespace}.{to}").GetResult();
                if (!result.IsSuccessful)
                {
                    uses[from][to] = Failing(result);
                }
            }
        }

        var cycle = FindCycle(uses.ToDictionary(u => u.Key, u => (IReadOnlyCollection<string>)u.Value.Keys));

        Assert.True(cycle is null, cycle is null ? "" : "Core folders depend on each other in a cycle: " + string.Join(" → ", cycle)
            + "; " + string.Join("; ", cycle.Zip(cycle.Skip(1)).Select(p => $"{p.First} → {p.Second} by {uses[p.First][p.Second]}")));
    }

    [Fact]
    public void FindCycle_ChatAndStorageUsingEachOther_FindsIt()
    {
        // The check above can fail: this is the shape Core had (Chat → Storage for the stores, Storage → Chat for the
        // interfaces they implemented).
        var graph = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["Chat"] = ["Knowledge", "Storage"],
            ["Knowledge"] = [],
            ["Quiz"] = ["Chat", "Storage"],
            ["Storage"] = ["Chat"],
        };

        Assert.Equal(["Chat", "Storage", "Chat"], FindCycle(graph));
        Assert.Null(FindCycle(new Dictionary<string, IReadOnlyCollection<string>> { ["Chat"] = ["Storage"], ["Storage"] = [] }));
    }

    /// <summary>A path that comes back to where it started (its first folder repeated at the end), or null.</summary>
    private static List<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (path.IndexOf(node) is var at and >= 0)
            {
                return [.. path[at..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }
    }

    /// <summary>A folder's namespace and those under it (Knowledge.Answering is Knowledge).</summary>
    private static string InFolder(string folder) => $@"^StudyBot\.Core\.{folder}(\..+)?$";

    private static string Failing(TestResult result) =>
        string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName).Take(10));
}
