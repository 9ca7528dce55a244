using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace StudyBot.Core.Knowledge;

/// <summary>
/// The terms of the notes' text and titles, read from Lucene's own term dictionary rather than kept as a second copy:
/// a lookup is a seek in the dictionary, and the terms starting with one letter (the spelling pass) are listed once per
/// letter and kept.
/// </summary>
internal sealed class IndexVocabulary
{
    private readonly Terms?[] _fields;
    private readonly ConcurrentDictionary<char, IReadOnlyList<string>> _byFirst = new();

    public IndexVocabulary(IndexReader reader)
    {
        _fields = [MultiFields.GetTerms(reader, KnowledgeIndex.BodyField), MultiFields.GetTerms(reader, KnowledgeIndex.TitleField)];
    }

    /// <summary>Whether the notes' text or titles hold <paramref name="term"/> (an analyzed term).</summary>
    public bool Contains(string term)
    {
        var bytes = new BytesRef(term);
        foreach (var terms in _fields)
        {
            if (terms is not null && terms.GetEnumerator().SeekExact(bytes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The terms starting with <paramref name="first"/>, in order.</summary>
    public IReadOnlyList<string> StartingWith(char first) => _byFirst.GetOrAdd(first, List);

    private IReadOnlyList<string> List(char first)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var prefix = first.ToString();
        foreach (var terms in _fields)
        {
            if (terms is null)
            {
                continue;
            }

            var enumerator = terms.GetEnumerator();
            if (enumerator.SeekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END)
            {
                continue;
            }

            do
            {
                var term = enumerator.Term.Utf8ToString();
                if (term.Length == 0 || term[0] != first)
                {
                    break;
                }

                found.Add(term);
            }
            while (enumerator.MoveNext());
        }

        return [.. found];
    }
}
