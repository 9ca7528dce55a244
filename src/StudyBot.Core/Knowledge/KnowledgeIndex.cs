using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// One generation of the index: one <see cref="IndexWriter"/> and one <see cref="SearcherManager"/> over an
/// in-memory directory, plus the passages and their analyzed term sets. Reference-counted so a reload can retire it
/// while questions still run on it; it is disposed when the last one releases it.
/// </summary>
internal sealed class KnowledgeIndex : IDisposable
{
    internal const string BodyField = "body";
    internal const string TitleField = "title";
    internal const string LeadField = "lead";
    private const string IdField = "id";

    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly int[] _docToEntry;
    private readonly Dictionary<char, List<string>> _vocabulary = [];
    private int _references = 1;

    public KnowledgeIndex(NotesAnalyzer analyzer, IReadOnlyList<NoteEntry> entries, IReadOnlyDictionary<string, string> fileHashes, IReadOnlyList<FileFailure> failures)
    {
        Analyzer = analyzer;
        Entries = entries;
        Passages = entries.Select(e => e.Passage).ToList();
        FileHashes = fileHashes;
        Failures = failures;
        FileWords = entries.Select(e => e.Passage.File).Distinct(StringComparer.Ordinal).ToDictionary(
            f => f,
            f => Path.ChangeExtension(f, null).ToLowerInvariant()
                .Split(['/', '\\', '-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length >= 2 && !w.All(char.IsDigit) && w != "readme" && w != "notes")
                .ToArray(),
            StringComparer.Ordinal);
        FrameTerms = Lexicon.FrameWords.SelectMany(analyzer.Terms).ToHashSet(StringComparer.Ordinal);
        BodyTerms = new HashSet<string>[entries.Count];
        TitleTerms = new HashSet<string>[entries.Count];
        ContextTerms = new HashSet<string>[entries.Count];
        ParentTerms = new HashSet<string>[entries.Count];
        SurfaceWords = new HashSet<string>[entries.Count];
        LeadTerms = new HashSet<string>[entries.Count][];
        LeadSlots = new string[entries.Count][][][];
        QuestionTermSets = new HashSet<string>?[entries.Count];
        Negations = new HashSet<string>[entries.Count];
        IsDefinition = new bool[entries.Count];
        IsInstruction = new bool[entries.Count];
        QuestionSlots = new string[][]?[entries.Count];
        TitleSlotsOf = new string[entries.Count][][];

        var config = new IndexWriterConfig(NotesAnalyzer.Version, analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);

        // Lucene's analysis of the documents and the term sets below are independent and each is most of the build:
        // the documents go in on one thread (in the notes' order, so document ids and BM25 ties stay the same on
        // every build) while the term sets are computed on the others. The analyzer keeps its token streams per
        // thread, so sharing it is safe.
        var adding = Task.Run(() =>
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                _writer.AddDocument(new Document
                {
                    new StoredField(IdField, i),
                    new TextField(BodyField, entry.Passage.Text, Field.Store.NO),
                    new TextField(TitleField, entry.Passage.Section, Field.Store.NO),
                    new TextField(LeadField, string.Join("\n", entry.Leads.Select(h => h.Title)), Field.Store.NO),
                });
            }

            _writer.Commit();
        });
        Parallel.For(0, entries.Count, i =>
        {
            var entry = entries[i];
            var passage = entry.Passage;
            var context = string.Join("\n", passage.HeadingPath.Take(Math.Max(0, passage.HeadingPath.Count - 1)).Append(entry.Context));
            BodyTerms[i] = analyzer.Terms(passage.Text);
            TitleTerms[i] = analyzer.Terms(passage.Section);
            ContextTerms[i] = analyzer.Terms(context);
            ParentTerms[i] = entry.Context.Length == 0 ? [] : analyzer.Terms(entry.Context);
            SurfaceWords[i] = SurfaceOf(passage.Text);
            LeadTerms[i] = entry.Leads.Select(h => analyzer.Terms(h.Title)).ToArray();
            Negations[i] = Answering.QuestionAnalyzer.NegationsOf(passage.Text);
            IsDefinition[i] = Lexicon.DefinitionShape().IsMatch(passage.Text);
            IsInstruction[i] = Lexicon.InstructionShape().IsMatch(passage.Text);
            QuestionTermSets[i] = passage.Question is null ? null : analyzer.Terms(passage.Question);
            QuestionSlots[i] = passage.Question is null ? null : TitleSlots(passage.Question);
            LeadSlots[i] = entry.Leads.Select(h => TitleSlots(h.Title)).ToArray();
            if (i == 0 || entries[i - 1].Passage.Section != passage.Section)
            {
                TitleSlotsOf[i] = TitleSlots(passage.Section);
            }
        });

        // A section's passages share its title's slots (computed once, at its first passage).
        for (var i = 1; i < entries.Count; i++)
        {
            TitleSlotsOf[i] ??= TitleSlotsOf[i - 1];
        }

        adding.GetAwaiter().GetResult();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());

        var searcher = _searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            DocumentCount = Math.Max(1, reader.NumDocs);
            _docToEntry = new int[reader.MaxDoc];
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                _docToEntry[doc] = reader.Document(doc).GetField(IdField).GetInt32Value() ?? -1;
            }

            foreach (var term in BodyTerms.Concat(TitleTerms).SelectMany(t => t).Distinct(StringComparer.Ordinal))
            {
                Vocabulary.Add(term);
                if (!_vocabulary.TryGetValue(term[0], out var list))
                {
                    list = [];
                    _vocabulary[term[0]] = list;
                }

                list.Add(term);
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public NotesAnalyzer Analyzer { get; }

    public IReadOnlyList<NoteEntry> Entries { get; }

    public IReadOnlyList<Passage> Passages { get; }

    public IReadOnlyDictionary<string, string> FileHashes { get; }

    public IReadOnlyList<FileFailure> Failures { get; }

    /// <summary>Every term of the notes' text and titles.</summary>
    public HashSet<string> Vocabulary { get; } = new(StringComparer.Ordinal);

    /// <summary>Per file: the words of its path (folder and file names say what a file is about).</summary>
    public IReadOnlyDictionary<string, string[]> FileWords { get; }

    /// <summary>Share of the question's topic weight named by a file's path ("dhcp" in notes/application/dhcp.md;
    /// a path word may carry more than the term, as "configmapsecrets" carries "configmap").</summary>
    public double FileCoverage(string file, IReadOnlyList<Concept> content, double totalWeight)
    {
        if (!FileWords.TryGetValue(file, out var words) || words.Length == 0)
        {
            return 0;
        }

        var covered = 0.0;
        foreach (var concept in content)
        {
            if (concept.AllTerms.Any(t => t.Length >= 2 && words.Any(w => w.StartsWith(t, StringComparison.Ordinal))))
            {
                covered += concept.Weight;
            }
        }

        return covered / totalWeight;
    }

    /// <summary>Analyzed forms of the question-frame words.</summary>
    public HashSet<string> FrameTerms { get; }

    public HashSet<string>[] BodyTerms { get; }

    public HashSet<string>[] TitleTerms { get; }

    public HashSet<string>[] ContextTerms { get; }

    /// <summary>Per passage: its words as written, lowercase (an exact "filtered" beats a stemmed "filter").</summary>
    public HashSet<string>[] SurfaceWords { get; }

    /// <summary>The lowercase words of <paramref name="text"/>.</summary>
    internal static HashSet<string> SurfaceOf(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    /// <summary>Per passage: the terms of the lines it is read with (a nested bullet's parent), without headings.</summary>
    public HashSet<string>[] ParentTerms { get; }

    /// <summary>Per passage, the terms of each title it leads (see <see cref="NoteEntry.Leads"/>).</summary>
    public HashSet<string>[][] LeadTerms { get; }

    /// <summary>Per passage, per lead title: the title's word slots, each with the terms that stand for it
    /// (a synonym spans the words it replaces).</summary>
    public string[][][][] LeadSlots { get; }

    /// <summary>Per passage: the negation words it holds ("not", "without", …).</summary>
    public HashSet<string>[] Negations { get; }

    /// <summary>Per passage: whether it reads like a definition ("X is a …").</summary>
    public bool[] IsDefinition { get; }

    /// <summary>Per passage: whether it opens like an instruction ("Create a …").</summary>
    public bool[] IsInstruction { get; }

    /// <summary>Per question-answer passage: the terms of its question (null for other passages).</summary>
    public HashSet<string>?[] QuestionTermSets { get; }

    /// <summary>Per question-answer passage: the word slots of its question.</summary>
    public string[][]?[] QuestionSlots { get; }

    /// <summary>Per passage: the word slots of its section title.</summary>
    public string[][][] TitleSlotsOf { get; }

    public int DocumentCount { get; }

    /// <summary>The passages' embeddings once the semantic model has embedded them; null until then (the lexical
    /// path answers meanwhile).</summary>
    public Semantic.SemanticIndex? Semantic
    {
        get => Volatile.Read(ref _semantic);
        set => Volatile.Write(ref _semantic, value);
    }

    private Semantic.SemanticIndex? _semantic;

    /// <summary>Share of a title's word slots that the question's terms cover: 1 when the title is exactly what
    /// was asked about, lower when the title is about more than that.</summary>
    public static double TitlePrecision(string[][] slots, HashSet<string> askedTerms)
    {
        if (slots.Length == 0)
        {
            return 0;
        }

        var covered = 0;
        foreach (var slot in slots)
        {
            foreach (var term in slot)
            {
                if (askedTerms.Contains(term))
                {
                    covered++;
                    break;
                }
            }
        }

        return (double)covered / slots.Length;
    }

    private string[][] TitleSlots(string title)
    {
        var tokens = Analyzer.Tokens(title);
        if (tokens.Count == 0)
        {
            return [];
        }

        var slots = new Dictionary<int, HashSet<string>>();
        foreach (var token in tokens.Where(t => !t.IsSynonym))
        {
            slots.TryAdd(token.Position, new HashSet<string>(StringComparer.Ordinal));
            slots[token.Position].Add(token.Term);
        }

        foreach (var token in tokens.Where(t => t.IsSynonym))
        {
            for (var p = token.Position; p < token.Position + token.PositionLength; p++)
            {
                if (slots.TryGetValue(p, out var slot))
                {
                    slot.Add(token.Term);
                }
            }
        }

        return slots.Values.Select(slot => slot.ToArray()).ToArray();
    }

    public int EntryOf(int doc) => doc >= 0 && doc < _docToEntry.Length ? _docToEntry[doc] : -1;

    /// <summary>Runs <paramref name="action"/> with an acquired searcher, released in finally.</summary>
    public T Search<T>(Func<IndexSearcher, T> action)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Known terms starting with <paramref name="first"/> (for the spelling pass).</summary>
    public IReadOnlyList<string> VocabularyStartingWith(char first) =>
        _vocabulary.TryGetValue(first, out var list) ? list : [];

    /// <summary>Takes a reference; false when the index is already retired and released.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Drops a reference; the last one disposes the index.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
        }
    }

    /// <summary>Retires the index: it is disposed once in-flight questions release it.</summary>
    public void Dispose() => Release();

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
