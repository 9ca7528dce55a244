using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace StudyBot.Core.Knowledge;

/// <summary>Per passage: what the ranking signals read, computed from its text when it first becomes a candidate.</summary>
internal sealed class PassageFeatures
{
    public required HashSet<string> Body { get; init; }

    public required HashSet<string> Title { get; init; }

    /// <summary>The terms of the heading path above the section and of the lines the passage is read with.</summary>
    public required HashSet<string> Context { get; init; }

    /// <summary>The terms of the lines it is read with (a nested bullet's parent), without headings.</summary>
    public required HashSet<string> Parent { get; init; }

    /// <summary>Its words as written, lowercase (an exact "filtered" beats a stemmed "filter").</summary>
    public required HashSet<string> Surface { get; init; }

    /// <summary>The terms of each title it leads (see <see cref="NoteEntry.Leads"/>).</summary>
    public required HashSet<string>[] Leads { get; init; }

    /// <summary>Per lead title: the title's word slots, each with the terms that stand for it (a synonym spans the
    /// words it replaces).</summary>
    public required string[][][] LeadSlots { get; init; }

    /// <summary>The negation words it holds ("not", "without", …).</summary>
    public required HashSet<string> Negations { get; init; }

    /// <summary>Whether it reads like a definition ("X is a …").</summary>
    public required bool IsDefinition { get; init; }

    /// <summary>Whether it opens like an instruction ("Create a …").</summary>
    public required bool IsInstruction { get; init; }

    /// <summary>Whether it is a question the notes leave unanswered (an exercise, an interview question, a prompt):
    /// it ends with a question mark and is not a question-answer pair.</summary>
    public required bool Asks { get; init; }

    /// <summary>Whether it is nothing but one question (<see cref="Lexicon.OnlyAsksShape"/>: "🚧 What are the restrictions
    /// on selling stock at IPO?"), which no answer puts first (<see cref="Answering.Signals.Order"/>).</summary>
    public required bool OnlyAsks { get; init; }

    /// <summary>For a question-answer passage, the terms of its question; otherwise null.</summary>
    public required HashSet<string>? QuestionTerms { get; init; }

    /// <summary>For a question-answer passage, the word slots of its question; otherwise null.</summary>
    public required string[][]? QuestionSlots { get; init; }

    /// <summary>The word slots of its section title.</summary>
    public required string[][] TitleSlots { get; init; }

    /// <summary>How many words its text has (its whitespace plus one), for the <c>length</c> signal.</summary>
    public required int Words { get; init; }

    /// <summary>For a question-answer passage, whether its question is a yes/no one.</summary>
    public required bool PairAsksYesNo { get; init; }

    /// <summary>For a table row, the terms of its column headers; otherwise null.</summary>
    public required HashSet<string>? TableHeaders { get; init; }

    /// <summary>Per <see cref="AnswerType"/>, two bits: whether it is known yet, and whether the text holds a value of
    /// that type (<see cref="HoldsValue"/>).</summary>
    private int _values;

    /// <summary>Whether its text holds a value of <paramref name="type"/> (<see cref="Lexicon.HoldsValue"/>), found
    /// once per type: every question asking for that type reads it again for each candidate.</summary>
    public bool HoldsValue(AnswerType type, string text)
    {
        var known = 1 << (2 * (int)type);
        var holds = known << 1;
        var values = Volatile.Read(ref _values);
        if ((values & known) != 0)
        {
            return (values & holds) != 0;
        }

        // Two threads may both read it the first time; they find the same, and the bits they set agree.
        var held = Lexicon.HoldsValue(type, text);
        Interlocked.Or(ref _values, known | (held ? holds : 0));
        return held;
    }
}

/// <summary>
/// One generation of the index: a point-in-time Lucene reader (in memory, or over the index on disk that
/// <see cref="IndexStore"/> keeps) and the analyzer it was written with. A passage's id is its position among the
/// generation's live documents, so ids run 0..<see cref="Count"/>-1 and the passages of one file are consecutive, in
/// the file's order. Passages and their features are read from the index when they are first needed and kept in a
/// bounded cache, so memory grows with what is asked, not with the notes. Reference-counted so a reload can retire it
/// while questions still run on it; it is disposed when the last one releases it.
/// </summary>
internal sealed class KnowledgeIndex : IDisposable
{
    internal const string BodyField = "body";
    internal const string TitleField = "title";
    internal const string LeadField = "lead";

    /// <summary>The passage's file, indexed as one term: a reload deletes a changed file's passages by it.</summary>
    internal const string FileField = "file";

    private const string EntryField = "entry";

    /// <summary>Below Lucene's limit of 32,766 bytes for one binary doc value.</summary>
    private const int MaxDocValueBytes = 32_000;

    /// <summary>Passages whose text and features are kept once read (a few KB each); past this the caches start
    /// again. Every passage of the test corpora fits (about 9,100), and the passages a team asks about stay.</summary>
    private const int MaxCached = 20_000;

    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IDisposable? _owned;
    private readonly int[] _docToId;
    private readonly int[] _idToDoc;
    private readonly ConcurrentDictionary<int, NoteEntry> _entries;
    private readonly ConcurrentDictionary<int, PassageFeatures> _features;
    private readonly ConcurrentDictionary<string, TitleAnalysis> _titles;
    private int _references = 1;

    /// <summary>A generation over <paramref name="reader"/>, which it disposes (with <paramref name="owned"/>) when
    /// the last reference is released; with the caches and embeddings of <paramref name="predecessor"/> when it holds
    /// the same passages under the same ids (see <see cref="Successor"/>).</summary>
    public KnowledgeIndex(
        NotesAnalyzer analyzer,
        DirectoryReader reader,
        IReadOnlyDictionary<string, string> fileHashes,
        IReadOnlyDictionary<string, int> passagesPerFile,
        IReadOnlyList<FileFailure> failures,
        IDisposable? owned = null,
        KnowledgeIndex? predecessor = null)
    {
        // A successor holds the same passages under the same ids: what was read and computed for them stays valid.
        _entries = predecessor?._entries ?? new();
        _features = predecessor?._features ?? new();
        _titles = predecessor?._titles ?? new(StringComparer.Ordinal);
        _semantic = predecessor?._semantic ?? new();
        Analyzer = analyzer;
        _reader = reader;
        _owned = owned;
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        FileHashes = fileHashes;
        PassagesPerFile = passagesPerFile;
        Failures = failures;
        FileWords = fileHashes.Keys.ToDictionary(
            f => f,
            f => Path.ChangeExtension(f, null).ToLowerInvariant()
                .Split(['/', '\\', '-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length >= 2 && !w.All(char.IsDigit) && w != "readme" && w != "notes")
                .ToArray(),
            StringComparer.Ordinal);
        FrameTerms = Lexicon.FrameWords.SelectMany(analyzer.Terms).ToHashSet(StringComparer.Ordinal);

        var live = MultiFields.GetLiveDocs(reader);
        _docToId = new int[reader.MaxDoc];
        _idToDoc = new int[reader.NumDocs];
        var next = 0;
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            _docToId[doc] = live is null || live.Get(doc) ? next : -1;
            if (_docToId[doc] >= 0)
            {
                _idToDoc[next++] = doc;
            }
        }

        Count = next;
        // Lucene's document frequencies count deleted documents until a merge; so does this, so the two agree.
        DocumentCount = Math.Max(1, reader.MaxDoc);
        Vocabulary = new IndexVocabulary(reader);
        _layoutTitles = new Lazy<HashSet<string>>(() => LayoutHeadings.Read(reader), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>This generation's passages over <paramref name="reader"/>, the same index merged into fewer segments:
    /// the same live documents in the same order, so the same ids, and the passages, features and embeddings already
    /// read or computed carry over (a merge must not make the next questions read them again). Null, and the reader
    /// disposed, when the reader holds other passages (it is not this index merged).</summary>
    public KnowledgeIndex? Successor(DirectoryReader reader)
    {
        if (reader.NumDocs != Count)
        {
            reader.Dispose();
            return null;
        }

        return new KnowledgeIndex(Analyzer, reader, FileHashes, PassagesPerFile, Failures, owned: null, predecessor: this);
    }

    /// <summary>An index in memory over <paramref name="entries"/> (in their order), for the CLI, the tools and tests.</summary>
    public static KnowledgeIndex InMemory(NotesAnalyzer analyzer, IReadOnlyList<NoteEntry> entries, IReadOnlyDictionary<string, string> fileHashes, IReadOnlyList<FileFailure> failures)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, WriterConfig(analyzer, OpenMode.CREATE)))
        {
            foreach (var file in ByFile(entries))
            {
                writer.AddDocuments(DocumentsOf(file));
            }

            writer.Commit();
        }

        var passages = entries.GroupBy(e => e.Passage.File).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new KnowledgeIndex(analyzer, DirectoryReader.Open(directory), fileHashes, passages, failures, directory);
    }

    /// <summary>How the index is written: BM25, and merges of neighbouring segments only, so document order (and with
    /// it a file's passages, added as one block) is kept.</summary>
    internal static IndexWriterConfig WriterConfig(NotesAnalyzer analyzer, OpenMode mode) => new(NotesAnalyzer.Version, analyzer)
    {
        Similarity = new BM25Similarity(),
        OpenMode = mode,
        RAMBufferSizeMB = 64,
        MergePolicy = new LogByteSizeMergePolicy(),
    };

    /// <summary>The Lucene documents of one file's passages, in order (the layout marks are counted per file).</summary>
    internal static IEnumerable<Document> DocumentsOf(IReadOnlyList<NoteEntry> file) =>
        file.Zip(LayoutHeadings.Marks(file), DocumentOf);

    /// <summary>The Lucene document of one passage: the fields searched, its file as a term, its layout marks, and the
    /// passage itself as bytes in a doc-values column (read by document without decompressing its neighbours, as
    /// stored fields would); a passage past the column's limit per value goes to a stored field instead.</summary>
    private static Document DocumentOf(NoteEntry entry, IReadOnlyList<StringField> layoutMarks)
    {
        var bytes = StoredEntry.Encode(entry);
        var large = bytes.Length > MaxDocValueBytes;
        var document = new Document
        {
            new StringField(FileField, entry.Passage.File, Field.Store.NO),
            new TextField(BodyField, entry.Passage.Text, Field.Store.NO),
            new TextField(TitleField, entry.Passage.Section, Field.Store.NO),
            new TextField(LeadField, string.Join("\n", entry.Leads.Select(h => h.Title)), Field.Store.NO),
            new BinaryDocValuesField(EntryField, new BytesRef(large ? [] : bytes)),
        };
        if (large)
        {
            document.Add(new StoredField(EntryField, bytes));
        }

        foreach (var mark in layoutMarks)
        {
            document.Add(mark);
        }

        return document;
    }

    /// <summary>Consecutive runs of one file's entries.</summary>
    internal static IEnumerable<List<NoteEntry>> ByFile(IEnumerable<NoteEntry> entries)
    {
        List<NoteEntry>? run = null;
        foreach (var entry in entries)
        {
            if (run is not null && !string.Equals(run[0].Passage.File, entry.Passage.File, StringComparison.Ordinal))
            {
                yield return run;
                run = null;
            }

            (run ??= []).Add(entry);
        }

        if (run is not null)
        {
            yield return run;
        }
    }

    /// <summary>The number of passages; ids run from 0 to this minus one.</summary>
    public int Count { get; }

    /// <summary>How many Lucene segments the index has (each costs every question a dictionary lookup per word).</summary>
    internal int Segments => _reader.Leaves.Count;

    /// <summary>Passage <paramref name="id"/> and its place, read from the index once and then cached.</summary>
    public NoteEntry Entry(int id) => Cached(_entries, id, Read);

    /// <summary>Every passage in id order, read from the index without filling the cache (embedding, listing).</summary>
    public IEnumerable<NoteEntry> ReadAll()
    {
        for (var id = 0; id < Count; id++)
        {
            yield return Peek(id);
        }
    }

    /// <summary>The passages of one file, in the file's order.</summary>
    public IEnumerable<NoteEntry> EntriesOf(string file)
    {
        var docs = MultiFields.GetTermDocsEnum(_reader, MultiFields.GetLiveDocs(_reader), FileField, new BytesRef(file));
        while (docs is not null && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            yield return Peek(_docToId[docs.DocID]);
        }
    }

    /// <summary>The first <paramref name="limit"/> passages (in id order) whose text holds one of the analyzed
    /// <paramref name="terms"/>, found through Lucene's postings.</summary>
    public IReadOnlyList<int> PassagesHolding(IEnumerable<string> terms, int limit)
    {
        var ids = new SortedSet<int>();
        var live = MultiFields.GetLiveDocs(_reader);
        foreach (var term in terms)
        {
            var docs = MultiFields.GetTermDocsEnum(_reader, live, BodyField, new BytesRef(term));
            var taken = 0;
            while (docs is not null && taken < limit && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                ids.Add(_docToId[docs.DocID]);
                taken++;
            }
        }

        return [.. ids.Take(limit)];
    }

    /// <summary>Passage <paramref name="id"/> from the cache when it is there, else from the index without caching it.</summary>
    private NoteEntry Peek(int id) => _entries.TryGetValue(id, out var cached) ? cached : Read(id);

    private NoteEntry Read(int id)
    {
        var doc = _idToDoc[id];
        var leaf = _reader.Leaves[ReaderUtil.SubIndex(doc, _reader.Leaves)];
        var bytes = new BytesRef();

        // The segment hands each thread its own doc-values reader, so concurrent questions do not share one.
        leaf.AtomicReader.GetBinaryDocValues(EntryField).Get(doc - leaf.DocBase, bytes);
        if (bytes.Length == 0)
        {
            bytes = _reader.Document(doc).GetBinaryValue(EntryField);
        }

        return StoredEntry.Decode(bytes.Bytes, bytes.Offset, bytes.Length);
    }

    /// <summary>What the ranking signals read of passage <paramref name="id"/>, computed at its first use and cached.</summary>
    public PassageFeatures Features(int id) => Cached(_features, id, i => Compute(Entry(i)));

    /// <summary>The cached value of <paramref name="key"/>, computed on a miss; a cache past <see cref="MaxCached"/>
    /// starts again, which bounds it without tracking use.</summary>
    private static TValue Cached<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, Func<TKey, TValue> compute)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var value))
        {
            return value;
        }

        value = compute(key);
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(key, value);
    }

    private PassageFeatures Compute(NoteEntry entry)
    {
        var passage = entry.Passage;
        var context = string.Join("\n", passage.HeadingPath.Take(Math.Max(0, passage.HeadingPath.Count - 1)).Append(entry.Context));
        var section = TitleOf(passage.Section);
        return new PassageFeatures
        {
            Body = Analyzer.Terms(passage.Text),
            Title = section.Terms,
            Context = entry.Context.Length == 0 ? TitleOf(context).Terms : Analyzer.Terms(context),
            Parent = entry.Context.Length == 0 ? [] : Analyzer.Terms(entry.Context),
            Surface = SurfaceOf(passage.Text),
            Leads = entry.Leads.Select(h => TitleOf(h.Title).Terms).ToArray(),
            LeadSlots = entry.Leads.Select(h => TitleOf(h.Title).Slots).ToArray(),
            Negations = Answering.QuestionAnalyzer.NegationsOf(passage.Text),
            IsDefinition = Lexicon.DefinitionShape().IsMatch(passage.Text),
            IsInstruction = Lexicon.InstructionShape().IsMatch(passage.Text),
            Asks = passage.Question is null && Lexicon.AsksShape().IsMatch(passage.Text),
            OnlyAsks = passage.Question is null && Lexicon.OnlyAsksShape().IsMatch(passage.Text),
            QuestionTerms = passage.Question is null ? null : Analyzer.Terms(passage.Question),
            QuestionSlots = passage.Question is null ? null : TitleSlots(passage.Question),
            TitleSlots = section.Slots,
            Words = passage.Text.Count(char.IsWhiteSpace) + 1,
            PairAsksYesNo = passage.Question is not null && Answering.QuestionAnalyzer.IsYesNo(passage.Question),
            TableHeaders = passage.Kind == PassageKind.TableRow ? Answering.Signals.TableHeaders(this, passage.Text) : null,
        };
    }

    /// <summary>A title's terms and word slots, analyzed once for all the passages under it (they are shared, and
    /// read only).</summary>
    private TitleAnalysis TitleOf(string title) =>
        Cached(_titles, title, t => new TitleAnalysis(Analyzer.Terms(t), TitleSlots(t)));

    private sealed record TitleAnalysis(HashSet<string> Terms, string[][] Slots);

    public NotesAnalyzer Analyzer { get; }

    /// <summary>Per file read: its content hash.</summary>
    public IReadOnlyDictionary<string, string> FileHashes { get; }

    /// <summary>Per file read: how many passages it gave.</summary>
    public IReadOnlyDictionary<string, int> PassagesPerFile { get; }

    public IReadOnlyList<FileFailure> Failures { get; }

    /// <summary>Every term of the notes' text and titles.</summary>
    public IndexVocabulary Vocabulary { get; }

    private readonly Lazy<HashSet<string>> _layoutTitles;

    /// <summary>The titles the notes repeat as layout (<see cref="LayoutHeadings"/>), read from the index at first use.</summary>
    public HashSet<string> LayoutTitles => _layoutTitles.Value;

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

    public int DocumentCount { get; }

    /// <summary>The passages' embeddings once the semantic model has embedded them; null until then (the lexical
    /// path answers meanwhile). Shared with a successor over the same passages, so an embedding that ends on this
    /// generation after a merge replaced it serves the merged one too.</summary>
    public Semantic.SemanticIndex? Semantic
    {
        get => Volatile.Read(ref _semantic.Value);
        set => Volatile.Write(ref _semantic.Value, value);
    }

    private readonly StrongBox<Semantic.SemanticIndex?> _semantic;

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

    /// <summary>The passage id of a Lucene document of this generation (-1 for a deleted one).</summary>
    public int EntryOf(int doc) => doc >= 0 && doc < _docToId.Length ? _docToId[doc] : -1;

    /// <summary>Runs <paramref name="action"/> with the generation's searcher.</summary>
    public T Search<T>(Func<IndexSearcher, T> action) => action(_searcher);

    /// <summary>Known terms starting with <paramref name="first"/> (for the spelling pass).</summary>
    public IReadOnlyList<string> VocabularyStartingWith(char first) => Vocabulary.StartingWith(first);

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
            _reader.Dispose();
            _owned?.Dispose();
        }
    }

    /// <summary>Retires the index: it is disposed once in-flight questions release it.</summary>
    public void Dispose() => Release();
}
