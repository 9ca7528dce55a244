using StudyBot.Core.Knowledge;
using StudyBot.Core.Knowledge.Answering;
using StudyBot.Core.Knowledge.Semantic;

namespace StudyBot.Tests.Knowledge.Answering;

/// <summary>An index over a few notes written in the test, and the stages run on it.</summary>
internal sealed class AnsweringTestKit : IDisposable
{
    /// <summary>Notes with one example of each shape the signals read.</summary>
    public const string Notes = """
        # Networking

        ## UDP

        UDP is connectionless and does no retransmission of lost packets.

        ## Ports

        | Port | Protocol | Service |
        |---|---|---|
        | 443 | TCP | HTTPS |
        | 22 | TCP | SSH |

        ## Timeouts

        The idle session timeout is 30 minutes.

        Sessions are kept in memory on each server.

        ## Long-lived connections

        Keep-alive holds a connection open between requests.

        ## Links

        - Further reading: [one](http://example.com/a) [two](http://example.com/b) [three](http://example.com/c)

        ## Pods

        A pod is the smallest deployable unit in Kubernetes.

        Create a deployment with kubectl before you expose it.

        ```bash
        kubectl apply -f pod.yaml
        ```

        - Can a pod run without a container?
          - No, a pod always has at least one container.

        ## Feature comparison

        | Feature | TCP | UDP |
        |---|---|---|
        | Ordering | Yes | No |
        | Multicast | ❌ | ✅ |
        """;

    private readonly KnowledgeTestData.TempNotes _folder;

    public AnsweringTestKit(string notes = Notes, string file = "networking.md")
    {
        _folder = new KnowledgeTestData.TempNotes((file, notes));
        var loaded = NotesLoader.Load(new KnowledgeOptions { Path = _folder.Folder }, CancellationToken.None);
        Index = KnowledgeBase.IndexOf(loaded);
    }

    public KnowledgeIndex Index { get; }

    public QuestionAnalysis Analyze(string question) => Index.Search(s => QuestionAnalyzer.Analyze(Index, s, question));

    /// <summary>The id of the first passage whose text contains <paramref name="text"/>.</summary>
    public int IdOf(string text)
    {
        for (var i = 0; i < Index.Count; i++)
        {
            if (Index.Entry(i).Passage.Text.Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No passage holds '{text}'.");
    }

    /// <summary>The signals of the passage holding <paramref name="text"/> for the question.</summary>
    public Signals.Candidate Candidate(string question, string text, float[]? similarities = null, double bm25 = 0.5, float[]? adaptedQuery = null, float[]? queryTokens = null) =>
        Index.Search(s =>
        {
            var analysis = QuestionAnalyzer.Analyze(Index, s, question);
            return Signals.Compute(new Signals.Context(Index, analysis, similarities, adaptedQuery, queryTokens), IdOf(text), bm25);
        });

    public double Signal(string question, string text, string signal) => Candidate(question, text)[signal];

    public void Dispose()
    {
        Index.Dispose();
        _folder.Dispose();
    }
}

/// <summary>A deterministic stand-in for the semantic model: a bag of hashed words, unit length. Texts that share
/// words are similar; it needs no model file. With <see cref="GivesTokens"/>, each word is also a token whose vector
/// is its own hashed word.</summary>
internal sealed class WordHashEmbedder : ITextEmbedder
{
    public bool GivesTokens { get; init; }

    public Embedding[] EmbedWithTokens(IReadOnlyList<string> texts) =>
        [.. Embed(texts).Select((v, i) => new Embedding(v, GivesTokens ? TokenVectors.Quantize([.. Words(texts[i]).SelectMany(Vector)], Dimensions) : null))];

    public Embedding EmbedQueryWithTokens(string question) => EmbedWithTokens([question])[0];

    public int Calls { get; private set; }

    public int Embedded { get; private set; }

    public string ModelId => "word-hash/64";

    public int Dimensions => 64;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        Calls++;
        Embedded += texts.Count;
        return texts.Select(Vector).ToArray();
    }

    /// <summary>FNV-1a: string hashes are randomised per process, and which words share a bucket must not change
    /// from run to run (a test that two passages share no word failed one run in twenty).</summary>
    private static uint StableHash(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static string[] Words(string text) => text.ToLowerInvariant().Split([' ', ',', '.', '?', ':', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private float[] Vector(string text)
    {
        var v = new float[Dimensions];
        foreach (var word in Words(text))
        {
            v[(int)(StableHash(word) % Dimensions)] += 1;
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }
}
